using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Reads one page or text file whole, plain or gzipped ("0001.html.gz", as benchmark sets ship pages), with the checks
/// every such file is held to: not empty, within <see cref="InputLimits.MaxFileBytes"/> (a gzipped one once unzipped, so
/// a damaged or hostile archive cannot fill memory), not binary, and valid gzip. The one reader of a page file: ingest
/// (<see cref="InputReader"/>) and the benchmark readers (`eval extraction`, `eval clustering` of a pages folder,
/// `train page-types`) read pages through it, so a damaged page is named in the same words, with the fix, wherever it is met.
/// </summary>
public static class PageFile
{
    /// <summary>
    /// The file's bytes (unzipped when <paramref name="gzipped"/>), or false with the problem as one phrase that follows
    /// the file's name ("FILE: is not valid gzip (…); the file is damaged: fetch it again …").
    /// </summary>
    public static bool TryRead(string path, bool gzipped, InputLimits limits,
        [NotNullWhen(true)] out byte[]? content, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(limits);
        content = null;
        try
        {
            if (gzipped)
            {
                using var file = File.OpenRead(path);
                using (var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true)) content = BoundedRead.ToEnd(gzip, limits.MaxFileBytes);
                if (content is null)
                {
                    problem = $"unzips to more than the {InputLimits.Megabytes(limits.MaxFileBytes)} limit for one input file; leave it out";
                    return false;
                }
                if (CutShort(file, content.Length) is { } cut)
                {
                    problem = NotGzip(cut);
                    return false;
                }
                if (ContentSniffer.IsGzip(content))
                {
                    var name = Path.GetFileName(path);
                    problem = $"is gzipped twice (it unzips to more gzip data); unzip one layer and ingest that: `gunzip -c {name} > once-{name}`";
                    return false;
                }
            }
            else
            {
                // The size of the file opened, and that many bytes read: a file that grows past the limit after a caller looked
                // at it (InputReader sniffs it first) is held to the limit all the same.
                using var file = File.OpenRead(path);
                var length = file.Length;
                if (length > limits.MaxFileBytes)
                {
                    problem = $"is {InputLimits.Megabytes(length)}, over the {InputLimits.Megabytes(limits.MaxFileBytes)} limit for one input file; leave it out";
                    return false;
                }
                content = new byte[length];
                file.ReadExactly(content);
            }
        }
        catch (InvalidDataException ex)
        {
            problem = NotGzip(ex.Message);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read ({ex.Message})";
            return false;
        }
        problem = ContentProblem(content.AsSpan(0, Math.Min(content.Length, limits.SniffBytes)), content.Length, gzipped ? " once unzipped" : "");
        return problem is null;
    }

    /// <summary>A damaged gzip file's problem, with <paramref name="why"/> and the fix.</summary>
    internal static string NotGzip(string why) => $"is not valid gzip ({why}); the file is damaged: fetch it again (`gzip -t FILE` checks one)";

    /// <summary>
    /// Why a gzip file that unzipped to <paramref name="unzipped"/> bytes was cut short, or null. .NET's GZipStream ends
    /// quietly where a cut-short file ends, so a page cut in a download would be read as half a page; the file's last four
    /// bytes tell: they are the unzipped length of its last member (modulo 2^32), which is never more than everything
    /// it unzips to (the limit keeps that under 4 GB), whereas in a cut file they are a stretch of compressed data.
    /// </summary>
    internal static string? CutShort(FileStream file, long unzipped)
    {
        // Past 4 GB the trailer's length (modulo 2^32) no longer tells.
        if (unzipped > uint.MaxValue) return null;
        const int Smallest = 20; // a 10-byte header, an empty deflate stream (2 bytes), an 8-byte trailer
        if (file.Length < Smallest) return $"only {file.Length} bytes, shorter than any whole gzip file";
        Span<byte> trailer = stackalloc byte[4];
        file.Position = file.Length - trailer.Length;
        file.ReadExactly(trailer);
        var last = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return last > (uint)unzipped ? $"cut short: it unzips to {unzipped} bytes where its trailer says {last}" : null;
    }

    /// <summary>
    /// Why a file of <paramref name="size"/> bytes beginning with <paramref name="head"/> holds no page or text, or null:
    /// empty, or binary data. <paramref name="once"/> qualifies both (" once unzipped").
    /// </summary>
    internal static string? ContentProblem(ReadOnlySpan<byte> head, long size, string once = "") =>
        size == 0 ? $"is empty{once}"
        : ContentSniffer.LooksBinary(head) ? $"looks like binary data{once}, not text or HTML"
        : null;
}
