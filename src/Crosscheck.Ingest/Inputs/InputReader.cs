using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Turns the paths a user names into raw inputs, checking each before anything is stored:
/// directories are walked recursively in a stable order, each file is read by its extension,
/// and a bad file becomes a <see cref="BadInput"/> instead of stopping the others.
/// </summary>
public sealed class InputReader(InputLimits? limits = null)
{
    private readonly InputLimits _limits = limits ?? InputLimits.Default;

    /// <summary>Extensions read as articles, with the kind of raw input they become.</summary>
    private static readonly Dictionary<string, RawKind?> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = RawKind.Html,
        [".htm"] = RawKind.Html,
        [".xhtml"] = RawKind.Html,
        [".txt"] = RawKind.Text,
        [".jsonl"] = null, // one JSON record per line
        [".ndjson"] = null,
    };

    public static IReadOnlyCollection<string> SupportedExtensions => Formats.Keys;

    public IEnumerable<InputItem> Read(IEnumerable<string> paths, IngestHints hints)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateFiles(path))
                {
                    foreach (var item in ReadFile(file, hints, explicitlyNamed: false)) yield return item;
                }
            }
            else if (File.Exists(path))
            {
                foreach (var item in ReadFile(path, hints, explicitlyNamed: true)) yield return item;
            }
            else
            {
                yield return new BadInput(path, "no such file or directory");
            }
        }
    }

    /// <summary>Files under a directory, sorted by path so the same tree always ingests in the same order.</summary>
    private static IEnumerable<string> EnumerateFiles(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(directory, "*", options).Order(StringComparer.Ordinal);
    }

    private IEnumerable<InputItem> ReadFile(string path, IngestHints hints, bool explicitlyNamed)
    {
        var extension = Path.GetExtension(path);
        var known = Formats.TryGetValue(extension, out var kind);

        long size;
        try
        {
            size = new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new BadInput(path, $"cannot be read ({ex.Message})")];
        }

        if (!known)
        {
            var problem = SniffUnknown(path);
            if (problem is not null) return [new BadInput(path, problem)];
            return explicitlyNamed
                ? [new BadInput(path, $"'{extension}' is not an article format; name files .html, .htm, .txt or .jsonl")]
                : [new SkippedInput(path, $"not an article format ('{extension}')")];
        }
        if (size == 0) return [new BadInput(path, "is empty")];
        if (size > _limits.MaxFileBytes)
            return [new BadInput(path, $"is {Megabytes(size)}, over the {Megabytes(_limits.MaxFileBytes)} limit for one input file; split it (JSONL) or leave it out")];

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new BadInput(path, $"cannot be read ({ex.Message})")];
        }

        if (ContentSniffer.LooksBinary(content.AsSpan(0, Math.Min(content.Length, _limits.SniffBytes))))
            return [new BadInput(path, "looks like binary data, not text or HTML")];

        return kind is { } rawKind ? [ReadSingle(path, content, rawKind, hints)] : ReadJsonLines(path, content, hints);
    }

    private static InputItem ReadSingle(string path, byte[] content, RawKind kind, IngestHints hints)
    {
        // HTML declares its own charset (and old pages are often Windows-1252), so only scraped
        // text is held to UTF-8 here; extraction decodes HTML by its declaration.
        if (kind == RawKind.Text)
        {
            var problem = TextProblem(content);
            if (problem is not null) return new BadInput(path, problem);
        }
        return new RawItem(new RawInput { Id = ContentHash.Of(content), Source = path, Kind = kind, Content = content, Hints = hints });
    }

    private static string? TextProblem(byte[] content)
    {
        if (ContentSniffer.HasUtf16Bom(content)) return null;
        var invalid = ContentSniffer.FirstInvalidUtf8(content);
        if (invalid >= 0) return $"is not valid UTF-8 (first bad byte at offset {invalid}); re-save it as UTF-8";
        return ContentSniffer.DecodeText(content).AsSpan().Trim().IsEmpty ? "holds only whitespace" : null;
    }

    /// <summary>
    /// Reads articles sent over the network (HTTP POST) with the same checks as files: one JSON
    /// record (<paramref name="batch"/> false; it may span several lines) or a JSONL batch.
    /// <paramref name="source"/> names the request in messages; batch records get "#line" appended.
    /// </summary>
    public IEnumerable<InputItem> ReadPosted(string source, byte[] content, bool batch, IngestHints hints)
    {
        if (content.AsSpan().Trim("\r\n\t "u8).IsEmpty) return [new BadInput(source, "is empty; send one JSON article or JSONL lines")];
        if (batch) return ReadJsonLines(source, content, hints);
        if (content.Length > _limits.MaxRecordBytes)
            return [new BadInput(source, $"record is {Megabytes(content.Length)}, over the {Megabytes(_limits.MaxRecordBytes)} limit for one record")];
        var invalid = ContentSniffer.FirstInvalidUtf8(content);
        if (invalid >= 0) return [new BadInput(source, $"is not valid UTF-8 (first bad byte at offset {invalid}); JSON must be UTF-8")];
        var problem = JsonArticleRecord.Problem(content);
        return problem is null
            ? [new RawItem(new RawInput { Id = ContentHash.Of(content), Source = source, Kind = RawKind.Json, Content = content, Hints = hints })]
            : [new BadInput(source, problem)];
    }

    private IEnumerable<InputItem> ReadJsonLines(string path, byte[] content, IngestHints hints)
    {
        var invalid = ContentSniffer.FirstInvalidUtf8(content);
        if (invalid >= 0)
        {
            yield return new BadInput(path, $"is not valid UTF-8 (first bad byte at offset {invalid}); JSONL must be UTF-8");
            yield break;
        }
        var lineNumber = 0;
        var records = 0;
        var start = 0;
        while (start <= content.Length)
        {
            var newline = Array.IndexOf(content, (byte)'\n', start);
            var end = newline < 0 ? content.Length : newline;
            lineNumber++;
            var line = TrimLine(content.AsMemory(start, end - start));
            start = end + 1;
            if (line.IsEmpty) continue;
            records++;
            var source = $"{path}#{lineNumber}";
            if (line.Length > _limits.MaxRecordBytes)
            {
                yield return new BadInput(source, $"record is {Megabytes(line.Length)}, over the {Megabytes(_limits.MaxRecordBytes)} limit for one record");
                continue;
            }
            var problem = JsonArticleRecord.Problem(line);
            if (problem is not null)
            {
                yield return new BadInput(source, problem);
                continue;
            }
            var bytes = line.ToArray();
            yield return new RawItem(new RawInput { Id = ContentHash.Of(bytes), Source = source, Kind = RawKind.Json, Content = bytes, Hints = hints });
        }
        if (records == 0) yield return new BadInput(path, "holds no JSON records");
    }

    private static ReadOnlyMemory<byte> TrimLine(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        int s = 0, e = span.Length;
        if (e >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) s = 3;
        while (s < e && span[s] is (byte)' ' or (byte)'\t' or (byte)'\r') s++;
        while (e > s && span[e - 1] is (byte)' ' or (byte)'\t' or (byte)'\r') e--;
        return line[s..e];
    }

    /// <summary>A file of an unknown format is only an error when it is unreadable or binary; else it is skipped.</summary>
    private string? SniffUnknown(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[Math.Min(_limits.SniffBytes, stream.Length)];
            stream.ReadExactly(head);
            return ContentSniffer.LooksBinary(head) ? "looks like binary data, not an article (use .html, .htm, .txt or .jsonl)" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read ({ex.Message})";
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
