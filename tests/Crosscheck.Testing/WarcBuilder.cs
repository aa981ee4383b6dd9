using System.IO.Compression;
using System.Text;

namespace Crosscheck.Testing;

/// <summary>Writes small WARC archives the way crawlers (wget, Heritrix, warcio) lay them out.</summary>
public sealed class WarcBuilder
{
    private readonly List<byte[]> _records = [];
    private int _serial;

    public WarcBuilder Info()
    {
        var fields = "software: test-crawler/1.0\r\nformat: WARC File Format 1.1\r\n"u8.ToArray();
        return Record("warcinfo", null, "application/warc-fields", fields);
    }

    public WarcBuilder Request(string uri) =>
        Record("request", uri, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET {new Uri(uri).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"));

    /// <summary>An HTTP response record; <paramref name="headers"/> are extra HTTP headers, one per line.</summary>
    public WarcBuilder Response(string uri, byte[] body, string contentType = "text/html; charset=utf-8", int status = 200, string headers = "", string date = "2023-03-14T09:26:53Z")
    {
        var http = new MemoryStream();
        http.Write(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\nContent-Type: {contentType}\r\n{headers}"));
        if (!headers.Contains("Transfer-Encoding", StringComparison.Ordinal)) http.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n"));
        http.Write("\r\n"u8);
        http.Write(body);
        return Record("response", uri, "application/http; msgtype=response", http.ToArray(), date);
    }

    public WarcBuilder Response(string uri, string html, string contentType = "text/html; charset=utf-8") =>
        Response(uri, Encoding.UTF8.GetBytes(html), contentType);

    public WarcBuilder Record(string type, string? uri, string contentType, byte[] block, string date = "2023-03-14T09:26:53Z", string? contentLength = null)
    {
        var header = new StringBuilder("WARC/1.1\r\n");
        header.Append($"WARC-Type: {type}\r\n");
        header.Append($"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{++_serial:D12}>\r\n");
        header.Append($"WARC-Date: {date}\r\n");
        if (uri is not null) header.Append($"WARC-Target-URI: {uri}\r\n");
        header.Append($"Content-Type: {contentType}\r\n");
        header.Append($"Content-Length: {contentLength ?? block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n\r\n");
        return Raw([.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8]);
    }

    /// <summary>Bytes written as they are, for broken records.</summary>
    public WarcBuilder Raw(byte[] bytes)
    {
        _records.Add(bytes);
        return this;
    }

    public WarcBuilder Raw(string text) => Raw(Encoding.UTF8.GetBytes(text));

    /// <summary>Offsets of every record in the uncompressed stream, in order.</summary>
    public IReadOnlyList<long> Offsets
    {
        get
        {
            var offsets = new List<long>();
            long position = 0;
            foreach (var record in _records)
            {
                offsets.Add(position);
                position += record.Length;
            }
            return offsets;
        }
    }

    public byte[] Plain() => [.. _records.SelectMany(r => r)];

    /// <summary>One gzip member per record, as .warc.gz files from crawlers are written.</summary>
    public byte[] GzipPerRecord() => [.. _records.SelectMany(Gzip)];

    /// <summary>The whole archive as one gzip member (what `gzip crawl.warc` gives).</summary>
    public byte[] GzipWhole() => Gzip(Plain());

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }
}
