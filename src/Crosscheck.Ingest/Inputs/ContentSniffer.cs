using System.Text;

namespace Crosscheck.Ingest.Inputs;

/// <summary>Cheap checks that tell text from binary and valid from broken UTF-8 before anything is stored.</summary>
public static class ContentSniffer
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// True when the bytes look like binary data: a NUL byte (which no text encoding we accept
    /// produces outside UTF-16, which is recognised by its BOM), or mostly control characters.
    /// </summary>
    /// <summary>
    /// Whether a body served as HTML (a WARC response, a fetched page) is in fact binary: an image, a still-compressed
    /// body or random bytes under a text/html header. A declared UTF-16 or UTF-32 charset explains zero bytes, so such a
    /// body is taken as text.
    /// </summary>
    public static bool LooksBinaryBody(byte[] body, string? charset, int sniffBytes) =>
        !(charset is { } name && (name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || name.StartsWith("utf-32", StringComparison.OrdinalIgnoreCase)))
        && LooksBinary(body.AsSpan(0, Math.Min(body.Length, sniffBytes)));

    public static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (HasUtf16Bom(head)) return false;
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C) controls++;
        }
        return head.Length > 0 && controls > head.Length / 10;
    }

    /// <summary>
    /// What a file holds, judged by its first bytes rather than its name: a WARC archive, an
    /// RSS/Atom feed or a JSON Feed (null for anything else). Feeds are often saved as .xml,
    /// .php or with no extension at all, and crawls as .warc.gz or plain .gz.
    /// </summary>
    public static ContainerFormat? SniffContainer(ReadOnlySpan<byte> head) => SniffContainer(head, out _);

    /// <summary>
    /// As <see cref="SniffContainer(ReadOnlySpan{byte})"/>; <paramref name="endsInXmlProlog"/> says the head
    /// ran out inside the XML prolog (declaration, comments, doctype) before the first element, so a
    /// longer head may still show a feed: a feed may open with a comment of any length.
    /// </summary>
    public static ContainerFormat? SniffContainer(ReadOnlySpan<byte> head, out bool endsInXmlProlog)
    {
        endsInXmlProlog = false;
        if (IsGzip(head)) return ContainerFormat.Gzip;
        var text = HeadText(head);
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
        var rest = text.AsSpan(start);
        if (rest.StartsWith("WARC/1.", StringComparison.Ordinal)) return ContainerFormat.Warc;
        if (rest.StartsWith("{") && rest.Contains("jsonfeed.org/version", StringComparison.OrdinalIgnoreCase)) return ContainerFormat.JsonFeed;
        return XmlRootName(rest, out endsInXmlProlog) is "rss" or "feed" or "rdf:RDF" ? ContainerFormat.Feed : null;
    }

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 0x08;

    /// <summary>Enough of the head as text to look at markup: UTF-16 by its BOM, else byte for byte (ASCII-compatible charsets).</summary>
    private static string HeadText(ReadOnlySpan<byte> head)
    {
        if (HasUtf16Bom(head)) return (head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(head[2..]);
        return Encoding.Latin1.GetString(head);
    }

    /// <summary>The name of the first element, after the XML declaration, comments and doctype; null when the text is not markup.</summary>
    private static string? XmlRootName(ReadOnlySpan<char> text, out bool ranOut)
    {
        ranOut = false;
        var position = 0;
        while (position < text.Length)
        {
            var open = text[position..].IndexOf('<');
            if (open < 0)
            {
                // Only whitespace after the prolog so far: the first element may come after the head.
                ranOut = position > 0 && text[position..].IsWhiteSpace();
                return null;
            }
            // Only whitespace may come before the first tag of an XML document.
            if (!text.Slice(position, open).IsWhiteSpace()) return null;
            var tag = text[(position + open)..];
            if (tag.StartsWith("<?") || tag.StartsWith("<!"))
            {
                // A doctype may carry an internal subset in brackets, with '>' inside it.
                var subset = tag.StartsWith("<!DOCTYPE") ? tag.IndexOf('[') : -1;
                var (closing, at) = tag.StartsWith("<!--") ? ("-->", tag.IndexOf("-->"))
                    : subset >= 0 && subset < tag.IndexOf('>') ? ("]>", tag.IndexOf("]>"))
                    : (">", tag.IndexOf('>'));
                if (at < 0)
                {
                    ranOut = true;
                    return null;
                }
                position += open + at + closing.Length;
                continue;
            }
            var end = 1;
            while (end < tag.Length && !char.IsWhiteSpace(tag[end]) && tag[end] is not ('>' or '/')) end++;
            return tag[1..end].ToString();
        }
        return null;
    }

    public static bool HasUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    /// <summary>The byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return -1;
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }

    /// <summary>Decodes text that passed <see cref="FirstInvalidUtf8"/> (or carries a UTF-16 BOM).</summary>
    public static string DecodeText(byte[] bytes)
    {
        if (HasUtf16Bom(bytes)) return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return StrictUtf8.GetString(bytes, start, bytes.Length - start);
    }
}

/// <summary>Files that hold many articles, recognised by content.</summary>
public enum ContainerFormat
{
    /// <summary>Gzip-compressed data; a WARC archive when the decompressed head is one.</summary>
    Gzip,

    /// <summary>A WARC archive (ISO 28500, WARC/1.0 or 1.1).</summary>
    Warc,

    /// <summary>An RSS (0.9x, 1.0 RDF, 2.0) or Atom feed.</summary>
    Feed,

    /// <summary>A JSON Feed (jsonfeed.org, version 1 or 1.1).</summary>
    JsonFeed,
}
