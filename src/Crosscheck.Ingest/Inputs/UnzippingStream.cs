using System.IO.Compression;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// A gzipped JSONL file (".jsonl.gz") unzipped as it is read, held to a bound on how much it may unzip to: past
/// <see cref="InputLimits.MaxFileBytes"/>, at most <see cref="InputLimits.MaxUnzipRatio"/> times the gzip bytes read so far.
/// A gzip bomb (a megabyte of gzip that unzips to a gigabyte of one byte) is stopped there, so reading one costs what
/// reading a plain file of about its size costs, while a real archive (news text and HTML unzip to 3–10 times their
/// size) of any size is read to its end. (Gzipped WARC archives are not held to it: a run of blank lines between records
/// compresses a thousand times and is read past, see WarcReaderTests; hostile4's section of docs/BENCHMARKS.md.) Damaged gzip throws <see cref="InvalidDataException"/>, as GZipStream does.
/// </summary>
internal sealed class UnzippingStream(FileStream file, InputLimits limits) : Stream
{
    private readonly GZipStream _gzip = new(file, CompressionMode.Decompress);

    /// <summary>Bytes unzipped so far.</summary>
    public long Unzipped { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _gzip.Read(buffer);
        Unzipped += read;
        if (Unzipped > limits.MaxFileBytes && Unzipped > limits.MaxUnzipRatio * file.Position)
            throw new UnzipLimitException(
                $"unzips to more than {limits.MaxUnzipRatio} times its size ({Size(Unzipped)} from the first {Size(file.Position)}), as a gzip bomb does, not an archive of text");
        return read;
    }

    private static string Size(long bytes) => bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : InputLimits.Megabytes(bytes);

    /// <summary>Why the file, read to its end, was cut short (see <see cref="PageFile"/>), or null.</summary>
    public string? CutShort() => PageFile.CutShort(file, Unzipped);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Unzipped; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A gzipped file unzipped past <see cref="InputLimits.MaxUnzipRatio"/> times its size; the message says so.</summary>
internal sealed class UnzipLimitException(string message) : IOException(message);
