namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Forward-only reading of a stream of records (a decompressed WARC archive, JSONL lines) by
/// lines and blocks, keeping the offset of every byte consumed so problems can name where they
/// are. Nothing is buffered beyond one fixed buffer and the line asked for: archives and crawler
/// dumps are often gigabytes.
/// </summary>
/// <param name="inner">The stream read, from its current position.</param>
/// <param name="start">The offset in the file of the stream's first byte (for a file read from the middle).</param>
internal sealed class RecordStream(Stream inner, long start = 0)
{
    /// <summary>
    /// The records <paramref name="read"/> finds in the file at <paramref name="path"/> (it owns and
    /// disposes the stream), or one error when the file cannot be opened.
    /// </summary>
    public static IEnumerable<InputItem> ReadFile(string path, Func<Stream, IEnumerable<InputItem>> read)
    {
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new BadInput(path, $"cannot be read ({ex.Message})")];
        }
        return read(file);
    }

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Bytes consumed so far (an offset in the uncompressed stream).</summary>
    public long Position { get; private set; } = start;

    public bool AtEnd => _start == _end && !Fill();

    /// <summary>The bytes left to read when the stream can tell (a plain file); null when it cannot (a decompressing stream).</summary>
    public long? Remaining => inner.CanSeek ? inner.Length - inner.Position + (_end - _start) : null;

    /// <summary>
    /// Reads one line without its CR/LF. A line longer than <paramref name="maxBytes"/> is
    /// consumed to its end and returned as null with <paramref name="tooLong"/> set; null without
    /// it means the stream ended.
    /// </summary>
    public byte[]? ReadLine(int maxBytes, out bool tooLong)
    {
        tooLong = false;
        using var line = new MemoryStream();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                if (line.Length == 0 && !tooLong) return null;
                break;
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            var take = stop - _start;
            if (!tooLong && line.Length + take <= maxBytes) line.Write(_buffer, _start, take);
            else tooLong = true;
            Position += take;
            _start = stop;
            if (newline >= 0)
            {
                _start++;
                Position++;
                break;
            }
        }
        if (tooLong) return null;
        var bytes = line.ToArray();
        return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
    }

    /// <summary>
    /// Skips the line breaks (CR and LF bytes) at the current position a buffer at a time: a run of
    /// blank lines, one gigabytes long in a compressed archive, would otherwise cost a line read each.
    /// </summary>
    public void SkipLineBreaks()
    {
        while (_start < _end || Fill())
        {
            var next = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept((byte)'\r', (byte)'\n');
            var take = next < 0 ? _end - _start : next;
            _start += take;
            Position += take;
            if (next >= 0) return;
        }
    }

    /// <summary>Reads up to <paramref name="count"/> bytes; fewer only when the stream ends.</summary>
    public byte[] ReadBlock(int count)
    {
        var block = new byte[count];
        var filled = 0;
        while (filled < count && (_start < _end || Fill()))
        {
            var take = Math.Min(count - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, block, filled, take);
            _start += take;
            filled += take;
            Position += take;
        }
        return filled == count ? block : block[..filled];
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many were skipped.</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count && (_start < _end || Fill()))
        {
            var take = (int)Math.Min(count - skipped, _end - _start);
            _start += take;
            skipped += take;
            Position += take;
        }
        return skipped;
    }

    /// <summary>Whether the next bytes (without consuming them) start with <paramref name="prefix"/>.</summary>
    public bool Peek(ReadOnlySpan<byte> prefix)
    {
        if (_end - _start < prefix.Length)
        {
            // Move the unread bytes to the front so the prefix fits in one contiguous read.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
            while (_end < prefix.Length && !_eof)
            {
                var read = inner.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) _eof = true;
                _end += read;
            }
        }
        return _buffer.AsSpan(_start, _end - _start).StartsWith(prefix);
    }

    private bool Fill()
    {
        if (_eof) return false;
        _start = 0;
        _end = inner.Read(_buffer, 0, _buffer.Length);
        if (_end == 0) _eof = true;
        return _end > 0;
    }
}
