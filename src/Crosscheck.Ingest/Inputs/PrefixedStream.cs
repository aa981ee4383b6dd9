namespace Crosscheck.Ingest.Inputs;

/// <summary>Bytes already read from a stream that cannot seek (standard input, to sniff its format), then the rest of it.</summary>
internal sealed class PrefixedStream(byte[] head, Stream rest) : Stream
{
    private int _served;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_served < head.Length)
        {
            var take = Math.Min(buffer.Length, head.Length - _served);
            head.AsSpan(_served, take).CopyTo(buffer);
            _served += take;
            return take;
        }
        return rest.Read(buffer);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
