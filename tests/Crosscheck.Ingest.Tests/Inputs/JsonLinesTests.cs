using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

/// <summary>JSONL files are read line by line: any size of file, a limit per line, a bad line reported with its number.</summary>
public sealed class JsonLinesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Record(int n) =>
        $$"""{"url": "https://example.org/{{n}}", "title": "Report {{n}}", "text": "{{new string('x', 900)}} {{n}}"}""";

    [Fact]
    public void A_file_larger_than_the_file_limit_is_read_and_an_over_long_line_is_named_by_its_number()
    {
        const int overLongLine = 1000;
        var limits = new InputLimits { MaxRecordBytes = 64 * 1024 };
        var path = Path.Combine(_dir, "dump.jsonl");
        var lines = 0;
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            while (writer.BaseStream.Length <= limits.MaxFileBytes + 1024 * 1024)
            {
                lines++;
                writer.Write(lines == overLongLine ? $$"""{"text": "{{new string('y', limits.MaxRecordBytes)}}"}""" : Record(lines));
                writer.Write('\n');
            }
        }
        Assert.True(new FileInfo(path).Length > limits.MaxFileBytes);

        var raws = 0;
        var errors = new List<BadInput>();
        foreach (var item in new InputReader(limits).Read([path], IngestHints.None))
        {
            if (item is RawItem) raws++;
            else if (item is BadInput bad) errors.Add(bad);
        }

        Assert.Equal(lines - 1, raws);
        var error = Assert.Single(errors);
        Assert.Equal($"{path}#{overLongLine}", error.Source);
        Assert.Contains("over the 0.1 MB limit for one record", error.Problem);
    }

    [Fact]
    public void Lines_are_taken_as_they_come_so_memory_is_bounded_by_a_line_not_the_file()
    {
        using var endless = new EndlessLines(Record);

        var first = new JsonLinesReader(InputLimits.Default).Read("stream", endless, IngestHints.None).Take(5).ToList();

        Assert.Equal(["stream#1", "stream#2", "stream#3", "stream#4", "stream#5"], first.Select(i => i.Source));
        Assert.All(first, i => Assert.IsType<RawItem>(i));
        // One buffer of 64 KB, never more: the reader asked for nothing beyond what the lines needed.
        Assert.True(endless.Produced <= 64 * 1024, $"{endless.Produced} bytes read for 5 lines of about 1 KB");
    }

    [Fact]
    public void A_line_that_is_not_utf8_is_reported_alone_and_line_endings_and_marks_are_taken_as_they_come()
    {
        var content = new List<byte>();
        content.AddRange([0xEF, 0xBB, 0xBF]);
        content.AddRange(Encoding.UTF8.GetBytes(Record(1) + "\r\n"));
        content.AddRange(Encoding.Latin1.GetBytes("{\"text\": \"Caf\u00e9 reopens\"}\n"));
        content.AddRange(Encoding.UTF8.GetBytes("  \r\n" + Record(4)));
        var path = Path.Combine(_dir, "mixed.jsonl");
        File.WriteAllBytes(path, [.. content]);

        var items = new InputReader().Read([path], IngestHints.None).ToList();

        Assert.Equal([$"{path}#1", $"{path}#4"], items.OfType<RawItem>().Select(i => i.Source));
        Assert.Equal(Record(4), Encoding.UTF8.GetString(items.OfType<RawItem>().Last().Raw.Content));
        var error = Assert.Single(items.OfType<BadInput>());
        Assert.Equal($"{path}#2", error.Source);
        Assert.Contains("UTF-8", error.Problem);
    }

    /// <summary>
    /// A stream of JSONL lines, counting the bytes handed out. It ends after 100 MB, so a reader
    /// that wanted the whole stream first fails the test instead of hanging it.
    /// </summary>
    private sealed class EndlessLines(Func<int, string> line) : Stream
    {
        private const long End = 100L * 1024 * 1024;

        private byte[] _pending = [];
        private int _offset;
        private int _next;

        public long Produced { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Produced >= End) return 0;
            if (_offset == _pending.Length)
            {
                _pending = Encoding.UTF8.GetBytes(line(++_next) + "\n");
                _offset = 0;
            }
            var take = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, take);
            _offset += take;
            Produced += take;
            return take;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Produced; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
