using System.Globalization;
using System.IO.Compression;
using System.Text;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs.Warc;

/// <summary>
/// An HTTP response as a WARC response record keeps it: status line, headers, then the body as
/// sent (possibly chunked or compressed, which is undone here within a size limit).
/// </summary>
internal sealed record HttpResponse(int Status, string? MediaType, string? Charset, byte[] Body)
{
    /// <summary>Media types read as HTML pages.</summary>
    private static readonly HashSet<string> HtmlTypes = new(StringComparer.OrdinalIgnoreCase) { "text/html", "application/xhtml+xml" };

    public bool IsHtml => MediaType is null ? LooksLikeHtml(Body) : HtmlTypes.Contains(MediaType);

    /// <summary>Parses the record block; null with <paramref name="problem"/> when it is not a usable HTTP response.</summary>
    public static HttpResponse? Parse(byte[] block, int maxBodyBytes, out string? problem)
    {
        problem = null;
        var headerEnd = HeaderEnd(block, out var bodyStart);
        if (headerEnd < 0)
        {
            problem = "HTTP headers do not end (no blank line after them)";
            return null;
        }
        var lines = Encoding.Latin1.GetString(block, 0, headerEnd).Split('\n', StringSplitOptions.TrimEntries);
        var statusParts = lines[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            problem = $"not an HTTP response (status line '{Clipped.Start(lines[0], 41)}')";
            return null;
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            // Repeated headers (e.g. Content-Encoding: gzip, then br) apply in order.
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var body = block[bodyStart..];
        if (headers.TryGetValue("Transfer-Encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body, maxBodyBytes, out problem)!;
            if (body is null) return null;
        }
        if (headers.TryGetValue("Content-Encoding", out var encoding))
        {
            body = Decompress(body, encoding, maxBodyBytes, out problem)!;
            if (body is null) return null;
        }
        var (mediaType, charset) = ContentType(headers.GetValueOrDefault("Content-Type"));
        return new HttpResponse(status, mediaType, charset, body);
    }

    /// <summary>The media type and charset parameter of a Content-Type header value.</summary>
    public static (string? MediaType, string? Charset) ContentType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        var parts = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return (null, null);
        string? charset = null;
        foreach (var parameter in parts.Skip(1))
        {
            if (parameter.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
                charset = parameter["charset=".Length..].Trim().Trim('"', '\'');
        }
        return (parts[0].ToLowerInvariant(), string.IsNullOrEmpty(charset) ? null : charset);
    }

    /// <summary>Offset of the blank line ending the headers (CRLF CRLF, or bare LF LF from sloppy servers), or -1.</summary>
    private static int HeaderEnd(byte[] block, out int bodyStart)
    {
        var limit = Math.Min(block.Length, 256 * 1024);
        for (var i = 0; i < limit; i++)
        {
            if (block[i] != '\n') continue;
            if (i + 1 < block.Length && block[i + 1] == '\n')
            {
                bodyStart = i + 2;
                return i;
            }
            if (i + 2 < block.Length && block[i + 1] == '\r' && block[i + 2] == '\n')
            {
                bodyStart = i + 3;
                return i;
            }
        }
        bodyStart = -1;
        return -1;
    }

    private static byte[]? Dechunk(byte[] body, int maxBytes, out string? problem)
    {
        problem = null;
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', position);
            if (lineEnd < 0) break; // a crawl cut mid-body: keep what arrived
            var sizeText = Encoding.Latin1.GetString(body, position, lineEnd - position).Trim();
            var extension = sizeText.IndexOf(';');
            if (extension >= 0) sizeText = sizeText[..extension];
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                problem = $"chunked body has a bad chunk size '{Clipped.Start(sizeText, 41)}'";
                return null;
            }
            position = lineEnd + 1;
            if (size == 0) break;
            var take = Math.Min(size, body.Length - position);
            if (output.Length + take > maxBytes)
            {
                problem = $"body is over the {maxBytes / (1024 * 1024)} MB limit for one page";
                return null;
            }
            output.Write(body, position, take);
            position += take;
            // Each chunk ends with CRLF.
            if (position < body.Length && body[position] == '\r') position++;
            if (position < body.Length && body[position] == '\n') position++;
        }
        return output.ToArray();
    }

    private static byte[]? Decompress(byte[] body, string encodings, int maxBytes, out string? problem)
    {
        problem = null;
        // Encodings are listed in the order they were applied; undo them in reverse.
        foreach (var encoding in encodings.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            var name = encoding.ToLowerInvariant();
            if (name == "identity") continue;
            Func<Stream, Stream>? open = name switch
            {
                "gzip" or "x-gzip" => s => new GZipStream(s, CompressionMode.Decompress),
                "deflate" => s => body.Length >= 2 && body[0] == 0x78 ? new ZLibStream(s, CompressionMode.Decompress) : new DeflateStream(s, CompressionMode.Decompress),
                "br" => s => new BrotliStream(s, CompressionMode.Decompress),
                _ => null,
            };
            if (open is null)
            {
                problem = $"unsupported Content-Encoding '{Clipped.Start(encoding, 41)}'";
                return null;
            }
            try
            {
                using var input = open(new MemoryStream(body));
                if (BoundedRead.ToEnd(input, maxBytes) is not { } decompressed)
                {
                    problem = $"body decompresses to more than the {maxBytes / (1024 * 1024)} MB limit for one page";
                    return null;
                }
                body = decompressed;
            }
            catch (InvalidDataException e)
            {
                problem = $"{encoding}-compressed body is corrupt ({e.Message})";
                return null;
            }
        }
        return body;
    }

    private static bool LooksLikeHtml(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 1024)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

}
