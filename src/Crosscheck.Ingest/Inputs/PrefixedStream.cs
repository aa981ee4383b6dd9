namespace Crosscheck.Ingest.Inputs;

/// <summary>Bytes already read from a stream that cannot seek (standard input, to sniff its format), then the rest of it.</summary>
internal sealed class PrefixedStream(byte[] head, Stream rest) : ForwardReadStream
{
    private int _served;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
