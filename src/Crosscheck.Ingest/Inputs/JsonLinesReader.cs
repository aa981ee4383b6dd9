using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Reads JSONL (one JSON article record per line) line by line: memory is bounded by one line
/// (<see cref="InputLimits.MaxRecordBytes"/>), never the file, so a crawler dump of any size is
/// read. A bad line (too long, not UTF-8, not an article record) is reported as SOURCE#LINE and
/// the others are kept.
/// </summary>
internal sealed class JsonLinesReader(InputLimits limits)
{
    /// <summary>The records of a JSONL file, in file order.</summary>
    public IEnumerable<InputItem> Read(string path, IngestHints hints) => RecordStream.ReadFile(path, file => Read(path, file, hints));

    /// <summary>The records of a JSONL stream (disposed when read); <paramref name="source"/> names it in messages.</summary>
    public IEnumerable<InputItem> Read(string source, Stream stream, IngestHints hints)
    {
        using (stream)
        {
            var lines = new RecordStream(stream);
            var lineNumber = 0;
            var records = 0;
            while (true)
            {
                var start = lines.Position;
                var (line, tooLong, unreadable) = NextLine(lines);
                if (unreadable is not null)
                {
                    yield return new BadInput($"{source}#{lineNumber + 1}", $"{unreadable}; the lines before it were kept");
                    yield break;
                }
                if (line is null && !tooLong) break;
                lineNumber++;
                if (Check(line, tooLong, lines.Position - start, $"{source}#{lineNumber}", hints) is not { } item) continue;
                records++;
                yield return item;
            }
            // GZipStream ends quietly where a cut-short file ends: the trailer tells.
            if (stream is UnzippingStream { } gzip && gzip.CutShort() is { } cut)
            {
                yield return new BadInput(source, $"{PageFile.NotGzip(cut)}; the lines before the cut were kept");
                yield break;
            }
            if (records == 0) yield return new BadInput(source, "holds no JSON records");
        }
    }

    /// <summary>
    /// The records of a gzipped JSONL file (".jsonl.gz"), unzipped as they are read: memory is bounded by one line as for
    /// a plain one, and the unzipping by <see cref="InputLimits.MaxUnzipRatio"/>. A file that is not gzip, is gzipped twice,
    /// or unzips to binary data or nothing is one problem; damaged or cut-short gzip keeps the lines before the damage.
    /// </summary>
    public IEnumerable<InputItem> ReadGzipped(string path, IngestHints hints)
    {
        if (UnzippedHeadProblem(path) is { } problem) return [new BadInput(path, problem)];
        return RecordStream.ReadFile(path, file => Read(path, UnzippingStream.ForJsonLines((FileStream)file, limits), hints));
    }

    /// <summary>Why the file's first unzipped bytes hold no JSONL (damaged, empty, gzipped twice, binary), or null.</summary>
    private string? UnzippedHeadProblem(string path)
    {
        try
        {
            using var gzip = UnzippingStream.ForJsonLines(File.OpenRead(path), limits);
            var head = new byte[limits.SniffBytes];
            var read = 0;
            try
            {
                int got;
                while (read < head.Length && (got = gzip.Read(head, read, head.Length - read)) > 0) read += got;
            }
            catch (IOException) when (read > 0)
            {
                // Damage (or a bomb) past the first bytes: the lines before it are read and the problem named at its line.
            }
            catch (InvalidDataException) when (read > 0)
            {
            }
            if (read == 0) return gzip.CutShort() is { } cut ? PageFile.NotGzip(cut) : "is empty once unzipped";
            if (ContentSniffer.IsGzip(head.AsSpan(0, read)))
            {
                var name = Path.GetFileName(path);
                return $"is gzipped twice (it unzips to more gzip data); unzip one layer and ingest that: `gunzip -c {name} > {name[..^3]}`";
            }
            return PageFile.ContentProblem(head.AsSpan(0, read), read, " once unzipped");
        }
        catch (InvalidDataException ex)
        {
            return PageFile.NotGzip(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read ({ex.Message})";
        }
    }

    private int MaxLineBytes => limits.MaxRecordBytes;

    /// <summary>The next line (null at the end, or when too long), or why the stream cannot be read further (a phrase that follows the line's name).</summary>
    private (byte[]? Line, bool TooLong, string? Unreadable) NextLine(RecordStream lines)
    {
        try
        {
            var line = lines.ReadLine(MaxLineBytes, out var tooLong);
            return (line, tooLong, null);
        }
        catch (UnzipLimitException ex)
        {
            return (null, false, $"{ex.Message}; the rest of the file is skipped");
        }
        catch (InvalidDataException ex)
        {
            return (null, false, PageFile.NotGzip(ex.Message));
        }
        catch (IOException ex)
        {
            return (null, false, $"cannot be read further ({ex.Message})");
        }
    }

    /// <summary>The item one line becomes; null for a blank line.</summary>
    private InputItem? Check(byte[]? line, bool tooLong, long length, string source, IngestHints hints)
    {
        if (tooLong || line is null)
            return new BadInput(source, $"record is {InputLimits.Megabytes(length)}, over the {InputLimits.Megabytes(MaxLineBytes)} limit for one record");
        var record = TrimLine(line);
        if (record.IsEmpty) return null;
        var invalid = ContentSniffer.FirstInvalidUtf8(record.Span);
        if (invalid >= 0) return new BadInput(source, $"is not valid UTF-8 (first bad byte at offset {invalid} of the line); JSONL must be UTF-8");
        if (JsonArticleRecord.Problem(record) is { } problem) return new BadInput(source, problem);
        var bytes = record.Length == line.Length ? line : record.ToArray();
        return new RawItem(new RawInput { Id = ContentHash.Of(bytes), Source = source, Kind = RawKind.Json, Content = bytes, Hints = hints });
    }

    /// <summary>The line without a byte-order mark and surrounding spaces, tabs and carriage returns.</summary>
    private static ReadOnlyMemory<byte> TrimLine(byte[] line)
    {
        var span = line.AsSpan();
        int s = 0, e = span.Length;
        if (e >= 3 && span[0] == 0xEF && span[1] == 0xBB && span[2] == 0xBF) s = 3;
        while (s < e && span[s] is (byte)' ' or (byte)'\t' or (byte)'\r') s++;
        while (e > s && span[e - 1] is (byte)' ' or (byte)'\t' or (byte)'\r') e--;
        return line.AsMemory(s, e - s);
    }
}
