namespace Crosscheck.Core.Text;

/// <summary>
/// A stream read to its end into memory, up to a bound: how a decompressing stream (a gzipped page, a compressed HTTP body)
/// is read without a small hostile file filling memory.
/// </summary>
public static class BoundedRead
{
    /// <summary>The stream's bytes, or null when it holds more than <paramref name="maxBytes"/> (reading stops there).</summary>
    public static byte[]? ToEnd(Stream input, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes) return null;
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
