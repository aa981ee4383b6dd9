using System.IO.Compression;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// A gzipped file unzipped as it is read, held to a bound on how much it may unzip to: past a free allowance, at most
/// <see cref="InputLimits.MaxUnzipRatio"/> times the gzip bytes read so far. A gzip bomb (a megabyte of gzip that unzips to a
/// gigabyte of one byte) is stopped there, so reading one costs what reading a plain file of about its size costs, while a
/// real archive (news text and HTML unzip to 3–10 times their size) of any size is read to its end. A ".jsonl.gz" file
/// counts every byte, past <see cref="InputLimits.MaxFileBytes"/> (<see cref="ForJsonLines"/>); a ".warc.gz" archive counts
/// only the bytes that do not become pages (padding, records skipped or dropped), past
/// <see cref="InputLimits.MaxUnzippedSkipBytes"/> (<see cref="ForWarc"/>, <see cref="Exempt"/>). Damaged gzip throws
/// <see cref="InvalidDataException"/>, as GZipStream does.
/// </summary>
internal sealed class UnzippingStream(FileStream file, InputLimits limits, long allowance, string counted) : ForwardReadStream
{
    /// <summary>A ".jsonl.gz" file: every unzipped byte counts, past <see cref="InputLimits.MaxFileBytes"/>.</summary>
    public static UnzippingStream ForJsonLines(FileStream file, InputLimits limits) => new(file, limits, limits.MaxFileBytes, "");

    /// <summary>A ".warc.gz" archive: only bytes not <see cref="Exempt"/>ed as pages count, past <see cref="InputLimits.MaxUnzippedSkipBytes"/>.</summary>
    public static UnzippingStream ForWarc(FileStream file, InputLimits limits) =>
        new(file, limits, limits.MaxUnzippedSkipBytes, " in bytes that are not pages");

    private long _exempt;

    /// <summary>Takes <paramref name="bytes"/> already unzipped (a page read) out of the count the bound applies to.</summary>
    public void Exempt(long bytes) => _exempt += bytes;

    private readonly GZipStream _gzip = new(file, CompressionMode.Decompress);

    /// <summary>Bytes unzipped so far.</summary>
    public long Unzipped { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        Unzipped += read;
        var count = Unzipped - _exempt;
        if (count > allowance && count > limits.MaxUnzipRatio * file.Position)
            throw new UnzipLimitException(
                $"unzips to more than {limits.MaxUnzipRatio} times its size{counted} ({Size(count)} from the first {Size(file.Position)}), as a gzip bomb does, not an archive of text");
        return read;
    }

    private static string Size(long bytes) => bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : InputLimits.Megabytes(bytes);

    /// <summary>Why the file, read to its end, was cut short (see <see cref="PageFile"/>), or null.</summary>
    public string? CutShort() => PageFile.CutShort(file, Unzipped);

    public override long Position { get => Unzipped; set => throw new NotSupportedException(); }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A gzipped file unzipped past <see cref="InputLimits.MaxUnzipRatio"/> times its size; the message says so.</summary>
internal sealed class UnzipLimitException(string message) : IOException(message);
