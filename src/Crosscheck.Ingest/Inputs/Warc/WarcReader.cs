using System.Globalization;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs.Warc;

/// <summary>
/// Reads a WARC archive (WARC/1.0 or 1.1; plain, gzip per record, or the whole file gzipped)
/// record by record, streaming: every <c>response</c> record holding an HTML page with status
/// 200 becomes a raw HTML input carrying its target URI, fetch date and HTTP charset. A malformed
/// record is reported with its offset and skipped; reading resumes at the next record, so one
/// bad record never costs the rest of the archive.
/// </summary>
public sealed class WarcReader(InputLimits? limits = null)
{
    private static readonly byte[] VersionPrefix = "WARC/1."u8.ToArray();

    private readonly InputLimits _limits = limits ?? InputLimits.Default;

    /// <summary>
    /// The items of one archive, in file order. Record sources are "path#offset", the offset of
    /// the record's first byte (in the decompressed stream when the file is gzipped).
    /// </summary>
    public IEnumerable<InputItem> Read(string path, IngestHints hints) => RecordStream.ReadFile(path, file => ReadRecords(path, file, hints));

    private IEnumerable<InputItem> ReadRecords(string path, Stream file, IngestHints hints)
    {
        using (file)
        {
            var head = new byte[3];
            var headLength = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            file.Position = 0;
            var gzipped = ContentSniffer.IsGzip(head.AsSpan(0, headLength));
            // GZipStream reads concatenated members, so one member per record and one member
            // for the whole file both come out as the plain WARC stream.
            // Unzipping is bounded in the bytes that do not become pages (InputLimits.MaxUnzippedSkipBytes): a gzip bomb
            // (a record claiming a terabyte, then zeros) is stopped, not read for minutes.
            using var gzip = gzipped ? UnzippingStream.ForWarc((FileStream)file, _limits) : null;
            var warc = new RecordStream(gzip ?? file);
            var tally = new Tally();
            while (true)
            {
                var (item, stop) = Next(path, warc, hints, tally, gzipped);
                if (item is RawItem page) gzip?.Exempt(page.Raw.Content.Length);
                if (item is not null) yield return item;
                if (stop) break;
            }
            if (tally.NotPages > 0)
                yield return new SkippedInput(path, $"{tally.NotPages} record(s) are not HTML pages with status 200 (requests, metadata, redirects, other media)");
            if (tally.Pages == 0 && tally.Problems == 0)
                yield return new BadInput(path, "holds no HTML response records with status 200");
        }
    }

    /// <summary>
    /// The complete records of a plain (uncompressed) archive from <paramref name="offset"/> on, each
    /// with the offset just past it, for a file a crawler is still appending to. A record at the end
    /// that is not whole yet (cut short, or a header still being written) yields nothing and ends
    /// the read, so the caller resumes from the end of the last complete record; a malformed record
    /// inside the file is reported as usual. Items are null for records that are not pages.
    /// </summary>
    internal IEnumerable<(InputItem? Item, long End)> ReadAppended(string path, long offset, IngestHints hints)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Position = offset;
        var warc = new RecordStream(file, offset);
        var tally = new Tally();
        while (true)
        {
            var (item, stop) = ReadRecord(path, warc, hints, tally, wholeFile: false);
            // A problem that reaches the end of the file may be a record still being written.
            if (stop || (item is BadInput && warc.AtEnd)) yield break;
            yield return (item, warc.Position);
        }
    }

    private sealed class Tally
    {
        public int Pages;
        public int NotPages;
        public int Problems;
    }

    /// <summary>The next item of the archive and whether reading must stop; exceptions from broken compression end the file, not the ingest.</summary>
    private (InputItem? Item, bool Stop) Next(string path, RecordStream warc, IngestHints hints, Tally tally, bool gzipped)
    {
        var offset = warc.Position;
        try
        {
            // The offset a problem names is where the next record starts, or where a run of padding that is too long does.
            warc.SkipLineBreaks();
            offset = warc.Position;
            var (item, stop) = ReadRecord(path, warc, hints, tally, wholeFile: true);
            if (item is BadInput) tally.Problems++;
            return (item, stop);
        }
        catch (UnzipLimitException ex)
        {
            tally.Problems++;
            return (new BadInput($"{path}#{offset}",
                $"{ex.Message}; the records before it were kept, the rest of the file is skipped (if the archive is genuine, unzip it and ingest the .warc file, which is read at its own size)"), true);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            tally.Problems++;
            var what = gzipped ? "gzip data is corrupt or cut short" : "the file cannot be read further";
            return (new BadInput($"{path}#{offset}", $"{what} ({ex.Message}); the records before it were kept, the rest of the file is skipped"), true);
        }
    }

    /// <summary>
    /// One record. <paramref name="wholeFile"/>: the file is complete (not still being appended to), so a
    /// Content-Length past its end is wrong rather than a record still being written.
    /// </summary>
    private (InputItem? Item, bool Stop) ReadRecord(string path, RecordStream warc, IngestHints hints, Tally tally, bool wholeFile)
    {
        // Records are separated by blank lines (CRLF CRLF after each block).
        byte[]? line;
        long offset;
        bool tooLong;
        do
        {
            warc.SkipLineBreaks();
            offset = warc.Position;
            line = warc.ReadLine(_limits.MaxWarcHeaderBytes, out tooLong);
            if (line is null && !tooLong) return (null, true);
        }
        while (line is { Length: 0 });

        var source = $"{path}#{offset}";
        if (line is null || !line.AsSpan().StartsWith(VersionPrefix))
        {
            var found = line is null ? "an over-long line" : $"'{Printable(line)}'";
            return (Resync(warc, source, $"expected a WARC/1.0 or WARC/1.1 record, found {found}"), false);
        }

        var headers = ReadHeaders(warc, out var headerProblem);
        if (headers is null) return (Resync(warc, source, headerProblem!), false);

        if (!headers.TryGetValue("Content-Length", out var lengthText)
            || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            var problem = lengthText is null ? "has no Content-Length header" : $"has a bad Content-Length '{Printable(Encoding.Latin1.GetBytes(lengthText))}'";
            return (Resync(warc, source, $"WARC record {problem}; skipped"), false);
        }

        // Skipping by a Content-Length that runs past the end of a plain file would lose every record after it;
        // the next record line is looked for instead (a gzipped file cannot tell its length, and is skipped by it).
        if (wholeFile && warc.Remaining is { } left && length > left)
            return (Resync(warc, source, $"WARC record is cut short or its Content-Length ({length:N0}) is wrong: only {left:N0} bytes follow; skipped"), false);

        var type = headers.GetValueOrDefault("WARC-Type");
        if (!string.Equals(type, "response", StringComparison.OrdinalIgnoreCase))
        {
            tally.NotPages++;
            return warc.Skip(length) < length
                ? (new BadInput(source, $"WARC {type ?? "untyped"} record is cut short (Content-Length {length:N0} runs past the end of the file)"), true)
                : (null, false);
        }
        if (length > _limits.MaxRecordBytes)
        {
            var skipped = warc.Skip(length);
            return (new BadInput(source, $"WARC response record is {InputLimits.Megabytes(length)}, over the {InputLimits.Megabytes(_limits.MaxRecordBytes)} limit for one page; skipped"), skipped < length);
        }

        var block = warc.ReadBlock((int)length);
        if (block.Length < length)
            return (new BadInput(source, $"WARC response record is cut short: Content-Length {length:N0} but only {block.Length:N0} bytes follow"), true);
        if (!warc.AtEnd && !warc.Peek("\r"u8) && !warc.Peek("\n"u8))
            return (Resync(warc, source, $"WARC record block is not followed by a blank line, so its Content-Length ({length:N0}) is wrong; skipped"), false);

        return (Page(source, headers, block, hints, tally), false);
    }

    private InputItem? Page(string source, Dictionary<string, string> headers, byte[] block, IngestHints hints, Tally tally)
    {
        var uri = headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>', ' ');
        if (string.IsNullOrEmpty(uri)) return new BadInput(source, "WARC response record has no WARC-Target-URI; skipped");

        var (warcType, _) = HttpResponse.ContentType(headers.GetValueOrDefault("Content-Type"));
        HttpResponse? response;
        if (warcType is "text/html" or "application/xhtml+xml")
        {
            // Some crawlers store the page itself, without the HTTP envelope.
            response = new HttpResponse(200, warcType, null, block);
        }
        else if (warcType is null or "application/http")
        {
            response = HttpResponse.Parse(block, _limits.MaxRecordBytes, out var problem);
            if (response is null) return new BadInput(source, $"{problem} (target {uri}); skipped");
        }
        else
        {
            tally.NotPages++;
            return null;
        }

        if (response.Status != 200 || !response.IsHtml)
        {
            tally.NotPages++;
            return null;
        }
        if (response.Body.AsSpan().Trim("\r\n\t "u8).IsEmpty) return new BadInput(source, $"HTML response for {uri} has an empty body; skipped");
        if (ContentSniffer.LooksBinaryBody(response.Body, response.Charset, _limits.SniffBytes))
            return new BadInput(source, $"HTML response for {uri} looks like binary data (an image or compressed bytes served as text/html), not HTML; skipped");

        tally.Pages++;
        var pageHints = hints with
        {
            Url = uri,
            Fetched = ParseDate(headers.GetValueOrDefault("WARC-Date")),
            Charset = response.Charset,
        };
        return new RawItem(new RawInput { Id = ContentHash.Of(response.Body), Source = source, Kind = RawKind.Html, Content = response.Body, Hints = pageHints });
    }

    /// <summary>The named fields of a record header, or null with the problem when the header is malformed or too large.</summary>
    private Dictionary<string, string>? ReadHeaders(RecordStream warc, out string? problem)
    {
        problem = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var total = 0;
        string? last = null;
        while (true)
        {
            var line = warc.ReadLine(_limits.MaxWarcHeaderBytes, out var tooLong);
            if (line is null)
            {
                problem = tooLong ? "WARC header line is too long" : "WARC header is cut short by the end of the file";
                return null;
            }
            if (line.Length == 0) return headers;
            total += line.Length;
            if (total > _limits.MaxWarcHeaderBytes)
            {
                problem = $"WARC header is over {_limits.MaxWarcHeaderBytes / 1024} KB";
                return null;
            }
            var text = Encoding.UTF8.GetString(line);
            if (text[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + text.Trim(); // folded continuation line
                continue;
            }
            var colon = text.IndexOf(':');
            if (colon <= 0)
            {
                problem = $"WARC header line '{Printable(line)}' is not 'Name: value'";
                return null;
            }
            last = text[..colon].Trim();
            headers[last] = text[(colon + 1)..].Trim();
        }
    }

    /// <summary>Reports a problem and skips to the next line that starts a WARC record.</summary>
    private BadInput Resync(RecordStream warc, string source, string problem)
    {
        var from = warc.Position;
        while (!warc.Peek(VersionPrefix))
        {
            if (warc.ReadLine(_limits.MaxWarcHeaderBytes, out var tooLong) is null && !tooLong) break;
        }
        var skipped = warc.Position - from;
        return new BadInput(source, skipped > 0 ? $"{problem} (skipped {skipped:N0} bytes to the next record)" : problem);
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string Printable(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 40));
        var clean = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return bytes.Length > 40 ? clean + "…" : clean;
    }

}
