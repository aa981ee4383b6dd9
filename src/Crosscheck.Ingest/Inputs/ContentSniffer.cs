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
