using System.Text;
using System.Text.RegularExpressions;

namespace Crosscheck.Extraction.Decoding;

/// <summary>The decoded text and how the encoding was chosen.</summary>
internal readonly record struct DecodedText(string Text, string Encoding, string How, bool LooksBinary);

/// <summary>
/// Turns raw bytes into text: byte-order mark first, then a declared charset (HTML meta or XML
/// declaration), then strict UTF-8, then Windows-1252, which decodes any byte sequence.
/// </summary>
internal static partial class CharsetDecoder
{
    private const int SniffBytes = 4096;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool sniffDeclaration, string? transportCharset = null)
    {
        var looksBinary = LooksBinary(bytes);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return new DecodedText(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom", looksBinary);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom", false);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom", false);
        if (Utf16WithoutBom(bytes) is { } utf16)
            return new DecodedText(utf16.GetString(bytes), utf16.WebName, "zero-byte pattern", false);

        // The HTTP header outranks the page's own declaration (as in browsers), except that old
        // servers announce Latin-1 by default for pages that are really UTF-8: valid multi-byte
        // UTF-8 is next to impossible in real Latin-1 text, so such bytes are read as UTF-8.
        if (transportCharset is not null && Named(transportCharset) is { } transport)
        {
            if (transport.CodePage != Encoding.UTF8.CodePage && (!TryStrictUtf8(bytes, out var asUtf8) || Ascii.IsValid(bytes)))
                return new DecodedText(transport.GetString(bytes), transport.WebName, "http header", looksBinary);
            if (TryStrictUtf8(bytes, out var transportUtf8))
                return new DecodedText(transportUtf8, "utf-8", transport.CodePage == Encoding.UTF8.CodePage ? "http header" : "valid utf-8 despite http header", looksBinary);
        }
        if (sniffDeclaration && DeclaredEncoding(bytes) is { } declared)
        {
            if (declared.CodePage != Encoding.UTF8.CodePage)
                return new DecodedText(declared.GetString(bytes), declared.WebName, "declared", looksBinary);
            if (TryStrictUtf8(bytes, out var declaredUtf8))
                return new DecodedText(declaredUtf8, "utf-8", "declared", looksBinary);
            return new DecodedText(Windows1252.GetString(bytes), "windows-1252", "declared utf-8 but invalid; fell back", looksBinary);
        }
        if (TryStrictUtf8(bytes, out var utf8)) return new DecodedText(utf8, "utf-8", "valid utf-8", looksBinary);
        return new DecodedText(Windows1252.GetString(bytes), "windows-1252", "not utf-8; fell back", looksBinary);
    }

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Text whose first bytes alternate with zeros is UTF-16 written without a mark.</summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 512)];
        if (sample.Length < 8) return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return Encoding.Unicode;
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return Encoding.BigEndianUnicode;
        return null;
    }

    /// <summary>Control bytes (other than tab, CR, LF, FF, ESC) in the first kilobytes mean this is not text.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.IsEmpty) return false;
        var control = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) control++;
        return control > sample.Length / 20;
    }

    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        var match = MetaCharset().Match(head);
        if (!match.Success) match = XmlEncoding().Match(head);
        if (!match.Success) return null;
        return Named(match.Groups["name"].Value);
    }

    /// <summary>The encoding a charset label names, or null for an unknown label.</summary>
    private static Encoding? Named(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        // Browsers read a declared Latin-1 or ASCII as Windows-1252; so do we.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii") return Windows1252;
        if (name is "utf-16" or "utf-16le" or "utf-16be") return Encoding.UTF8; // bytes are not UTF-16 (no BOM, no zero pattern)
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // No match timeout: the sniffed head is at most SniffBytes long and every quantifier is bounded, so the work is too; a
    // timeout is a clock, and a loaded machine would then decode the same page in another encoding than a quiet one.
    [GeneratedRegex(@"<meta[^>]{0,300}?charset\s*=\s*[""']?(?<name>[A-Za-z0-9._:-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"<\?xml[^>]{0,200}?encoding\s*=\s*[""'](?<name>[A-Za-z0-9._:-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}
