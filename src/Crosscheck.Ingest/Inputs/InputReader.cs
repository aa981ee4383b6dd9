using System.IO.Compression;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Inputs.Feeds;
using Crosscheck.Ingest.Inputs.Warc;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Turns the paths a user names into raw inputs, checking each before anything is stored:
/// directories are walked recursively in a stable order; WARC archives and feeds are recognised
/// by content, other files by extension; and a bad file (or a bad record inside an archive or
/// feed) becomes a <see cref="BadInput"/> instead of stopping the others.
/// </summary>
public sealed class InputReader(InputLimits? limits = null)
{
    private readonly InputLimits _limits = limits ?? InputLimits.Default;
    private readonly WarcReader _warc = new(limits);
    private readonly FeedInput _feeds = new(limits);
    private readonly JsonLinesReader _jsonLines = new(limits ?? InputLimits.Default);

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

    /// <summary>The bounds inputs are checked against.</summary>
    public InputLimits Limits => _limits;

    public IEnumerable<InputItem> Read(IEnumerable<string> paths, IngestHints hints)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = false;
                foreach (var (file, notRead) in DirectoryWalk.Files(path))
                {
                    foreach (var item in file is null ? [notRead!] : Guarded(file, () => ReadFile(file, hints, explicitlyNamed: false)))
                    {
                        found |= item is not SkippedInput;
                        yield return item;
                    }
                }
                if (!found) yield return new BadInput(path, $"no inputs found in this directory (looked for {FormatList})");
            }
            else if (File.Exists(path))
            {
                foreach (var item in Guarded(path, () => ReadFile(path, hints, explicitlyNamed: true))) yield return item;
            }
            else if (path == "-")
            {
                foreach (var item in Guarded(StandardInputName, () => ReadStandardInput(hints))) yield return item;
            }
            else
            {
                yield return new BadInput(path, "no such file or directory");
            }
        }
    }

    /// <summary>How inputs read from standard input (`-`) are named in messages and in the store ("stdin#3").</summary>
    public const string StandardInputName = "stdin";

    /// <summary>What `-` reads: standard input, and whether it is redirected (a pipe or a file, not a terminal). Tests give their own.</summary>
    public Func<(Stream Input, bool Redirected)> StandardInput { get; init; } = () => (Console.OpenStandardInput(), Console.IsInputRedirected);

    /// <summary>
    /// Standard input, as a user piping `zcat dump.jsonl.gz` or `curl -s URL` expects: JSONL (its first character `{`) line by
    /// line at any length, as a .jsonl file is; an RSS, Atom or JSON feed, or else one HTML page (text when it holds no
    /// markup), read whole up to the limit for one file. Gzip data and WARC archives are named with the fix, not read.
    /// </summary>
    private IEnumerable<InputItem> ReadStandardInput(IngestHints hints)
    {
        const string name = StandardInputName;
        var (input, redirected) = StandardInput();
        if (!redirected)
        {
            input.Dispose();
            return [new BadInput(name, "standard input is a terminal, so `-` has nothing to read; pipe articles in (`zcat articles.jsonl.gz | crosscheck ingest -`, `curl -s URL | crosscheck ingest -`) or name files")];
        }
        var head = new byte[_limits.SniffBytes];
        var read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        var container = ContentSniffer.SniffContainer(head);
        if (container == ContainerFormat.Gzip)
        {
            input.Dispose();
            return [new BadInput(name, "is gzip data; unzip it in the pipe (`zcat FILE.gz | crosscheck ingest -`), or name the .jsonl.gz file")];
        }
        // The first byte after a UTF-8 byte-order mark and white space tells JSONL ({) from markup (<).
        var first = head.AsSpan(head.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0).TrimStart(" \t\r\n"u8);
        if (first.IsEmpty)
        {
            input.Dispose();
            return [new BadInput(name, read == 0 ? "is empty: nothing was piped in" : "holds only whitespace")];
        }
        if (first[0] == (byte)'{' && container != ContainerFormat.JsonFeed) return _jsonLines.Read(name, new PrefixedStream(head, input), hints);
        byte[]? content;
        using (var whole = new PrefixedStream(head, input)) content = BoundedRead.ToEnd(whole, _limits.MaxFileBytes);
        if (content is null)
            return [new BadInput(name, $"is over the {InputLimits.Megabytes(_limits.MaxFileBytes)} limit for one page or feed; save it to a file, or pipe JSONL, which is read line by line at any size")];
        container = ContentSniffer.SniffContainer(content);
        if (container == ContainerFormat.Warc)
            return [new BadInput(name, "is a WARC archive, which is read from a file only; save it (`… > crawl.warc`) and name that file")];
        if (container is ContainerFormat.Feed or ContainerFormat.JsonFeed)
            return container == ContainerFormat.Feed ? _feeds.ReadXml(name, content, hints) : _feeds.ReadJson(name, content, hints);
        if (PageFile.ContentProblem(head, content.Length) is { } problem) return [new BadInput(name, problem)];
        return [ReadSingle(name, content, first[0] == (byte)'<' ? RawKind.Html : RawKind.Text, hints)];
    }

    /// <summary>Marks the problem reported when a reader throws: a defect to fix, which the randomized tests look for.</summary>
    internal const string ReaderDefect = "a defect in Crosscheck's reader";

    /// <summary>
    /// The items <paramref name="read"/> finds in one file, ending that file with one problem if
    /// the reader throws: every reader turns what it knows of bad input into problems itself, and
    /// one it did not foresee must still cost only that file, never the run.
    /// </summary>
    private static IEnumerable<InputItem> Guarded(string path, Func<IEnumerable<InputItem>> read)
    {
        IEnumerator<InputItem> items;
        try
        {
            items = read().GetEnumerator();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return [Failure(path, ex)];
        }
        return Guarded(path, items);
    }

    private static IEnumerable<InputItem> Guarded(string path, IEnumerator<InputItem> items)
    {
        using (items)
        {
            while (true)
            {
                InputItem item;
                BadInput? failure = null;
                try
                {
                    if (!items.MoveNext()) yield break;
                    item = items.Current;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    item = failure = Failure(path, ex);
                }
                yield return item;
                if (failure is not null) yield break;
            }
        }
    }

    private static BadInput Failure(string path, Exception ex) =>
        new(path, $"could not be read to its end ({ex.GetType().Name}: {ex.Message}; {ReaderDefect}, please report it); what was read before it was kept");

    private IEnumerable<InputItem> ReadFile(string path, IngestHints hints, bool explicitlyNamed)
    {
        var extension = Path.GetExtension(path);
        var known = Formats.TryGetValue(extension, out var kind);

        // Checked before opening: opening a named pipe waits for a writer, and a device never ends.
        if (FileKind.NotRegular(path) is { } what)
            return explicitlyNamed ? [new BadInput(path, $"is {what}, not a regular file; skipped")] : [new SkippedInput(path, $"{what}, not a regular file")];
        long size;
        byte[] head;
        try
        {
            head = ReadHead(path, _limits.SniffBytes, out size);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new BadInput(path, BrokenLink(path) is { } target
                ? $"is a symbolic link to {target} that cannot be followed (it loops or leads nowhere: {ex.Message}); fix or remove the link"
                : $"cannot be read ({ex.Message})")];
        }

        // Archives and feeds are recognised by what they hold, whatever they are named.
        var container = ContentSniffer.SniffContainer(head, out var endsInXmlProlog);
        if (container is null && endsInXmlProlog && size > head.Length)
        {
            // A comment or doctype longer than the head: look for the root element as far as a feed may go.
            try
            {
                container = ContentSniffer.SniffContainer(ReadHead(path, _limits.MaxFileBytes, out _), out _);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return [new BadInput(path, $"cannot be read ({ex.Message})")];
            }
        }
        if (container == ContainerFormat.Gzip) container = GzippedWarc(path) ? ContainerFormat.Warc : null;
        if (container == ContainerFormat.Warc) return _warc.Read(path, hints);
        if (container is ContainerFormat.Feed or ContainerFormat.JsonFeed)
        {
            if (size > _limits.MaxFileBytes)
                return [new BadInput(path, $"is a feed of {InputLimits.Megabytes(size)}, over the {InputLimits.Megabytes(_limits.MaxFileBytes)} limit for one input file")];
            if (ReadAll(path, out var feed) is { } unreadable) return [unreadable];
            return container == ContainerFormat.Feed ? _feeds.ReadXml(path, feed, hints) : _feeds.ReadJson(path, feed, hints);
        }
        // A gzipped page or text ("0001.html.gz", as benchmark sets ship pages) is read unzipped, as the name inside says.
        if (GzippedKind(path) is { } gzipped) return [ReadPage(path, gzipped, gzipped: true, hints)];
        // Gzipped JSONL is unzipped as it is read, line by line, as a plain one is.
        if (IsGzippedJsonLines(path))
        {
            if (size == 0) return [new BadInput(path, "is empty")];
            return ContentSniffer.IsGzip(head)
                ? _jsonLines.ReadGzipped(path, hints)
                : [new BadInput(path, $"is named {Path.GetExtension(path[..^3])}.gz but is not gzip data; if it is plain JSONL, name it {Path.GetExtension(path[..^3])}")];
        }
        if (ContainerExtensions.TryGetValue(ContainerExtension(path), out var expected))
        {
            if (size == 0) return [new BadInput(path, "is empty")];
            return explicitlyNamed || expected == "a WARC archive"
                ? [new BadInput(path, $"is named {ContainerExtension(path)} but is not {expected}")]
                : [new SkippedInput(path, $"not an article format ('{extension}')")];
        }

        if (!known)
        {
            if (ContentSniffer.LooksBinary(head)) return [new BadInput(path, $"looks like binary data, not an article (use {FormatList})")];
            var format = extension.Length == 0 ? "has no extension, so its format is not known" : $"'{extension}' is not an article format";
            return explicitlyNamed
                ? [new BadInput(path, $"{format}; name it by what it holds: {FormatList}")]
                : [new SkippedInput(path, extension.Length == 0 ? "no extension, so not an article format" : $"not an article format ('{extension}')")];
        }
        // JSONL is read line by line, so a dump of any size is fine; one page or text is read whole.
        if (kind is { } rawKind) return [ReadPage(path, rawKind, gzipped: false, hints)];
        if (PageFile.ContentProblem(head, size) is { } problem) return [new BadInput(path, problem)];
        return _jsonLines.Read(path, hints);
    }

    /// <summary>Extensions that name archives or feeds, with what such a file must hold.</summary>
    private static readonly Dictionary<string, string> ContainerExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".warc"] = "a WARC archive",
        [".warc.gz"] = "a WARC archive",
        [".gz"] = "a gzipped WARC archive",
        [".rss"] = "an RSS or Atom feed",
        [".atom"] = "an RSS or Atom feed",
        [".xml"] = "an RSS or Atom feed",
        [".json"] = "a JSON Feed",
    };

    private const string FormatList = ".html, .htm, .txt, .jsonl, .warc(.gz), or an RSS/Atom/JSON feed";

    /// <summary>".warc.gz" for archives, else the plain extension.</summary>
    private static string ContainerExtension(string path) =>
        path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase) ? ".warc.gz" : Path.GetExtension(path);

    /// <summary>The file's first bytes, at most <paramref name="maxBytes"/>, and its <paramref name="size"/> (read from the open file: one look at it).</summary>
    private static byte[] ReadHead(string path, long maxBytes, out long size)
    {
        using var stream = File.OpenRead(path);
        size = stream.Length;
        var head = new byte[(int)Math.Min(maxBytes, size)];
        stream.ReadExactly(head);
        return head;
    }

    /// <summary>The kind of a gzipped page or text, by the extension before ".gz" (".html.gz", ".txt.gz"); null for any other name (".jsonl.gz" too: JSONL has no page kind).</summary>
    private static RawKind? GzippedKind(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && Formats.TryGetValue(Path.GetExtension(path[..^3]), out var kind) ? kind : null;

    /// <summary>Where a symbolic link points ('loop2'), or null when the path is no link.</summary>
    private static string? BrokenLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is { } target ? $"'{target}'" : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the file is named as gzipped JSONL (".jsonl.gz", ".ndjson.gz").</summary>
    private static bool IsGzippedJsonLines(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && Formats.TryGetValue(Path.GetExtension(path[..^3]), out var kind) && kind is null;

    /// <summary>A page or text file (gzipped or not) read whole and checked by <see cref="PageFile"/> (its size as it is opened there), then as its kind is.</summary>
    private InputItem ReadPage(string path, RawKind kind, bool gzipped, IngestHints hints) =>
        PageFile.TryRead(path, gzipped, _limits, out var content, out var problem) ? ReadSingle(path, content, kind, hints) : new BadInput(path, problem);

    /// <summary>Whether gzip data decompresses to a WARC record (a broken stream is simply not one).</summary>
    private static bool GzippedWarc(string path)
    {
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            var head = new byte[64];
            var read = gzip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return ContentSniffer.SniffContainer(head.AsSpan(0, read)) == ContainerFormat.Warc;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static BadInput? ReadAll(string path, out byte[] content)
    {
        try
        {
            content = File.ReadAllBytes(path);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            content = [];
            return new BadInput(path, $"cannot be read ({ex.Message})");
        }
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
        if (batch) return _jsonLines.Read(source, new MemoryStream(content, writable: false), hints);
        if (content.Length > _limits.MaxRecordBytes)
            return [new BadInput(source, $"record is {InputLimits.Megabytes(content.Length)}, over the {InputLimits.Megabytes(_limits.MaxRecordBytes)} limit for one record")];
        var invalid = ContentSniffer.FirstInvalidUtf8(content);
        if (invalid >= 0) return [new BadInput(source, $"is not valid UTF-8 (first bad byte at offset {invalid}); JSON must be UTF-8")];
        var problem = JsonArticleRecord.Problem(content);
        return problem is null
            ? [new RawItem(new RawInput { Id = ContentHash.Of(content), Source = source, Kind = RawKind.Json, Content = content, Hints = hints })]
            : [new BadInput(source, problem)];
    }
}
