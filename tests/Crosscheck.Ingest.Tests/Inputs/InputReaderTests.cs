using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Inputs;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    private List<InputItem> Read(params string[] paths) => [.. new InputReader(new InputLimits { MaxFileBytes = 1024 * 1024 }).Read(paths, IngestHints.None)];

    [Fact]
    public void A_plain_page_over_the_file_limit_is_refused_with_its_size_and_one_at_the_limit_is_read()
    {
        // The page reader holds the file it opens to the limit, by the size of that open file.
        var over = Write("over.html", "<p>" + new string('a', 1536 * 1024) + "</p>");
        var at = Write("at.txt", new string('b', 1024 * 1024));

        var items = Read(over, at);

        var error = Assert.IsType<BadInput>(items[0]);
        Assert.Equal("is 1.5 MB, over the 1 MB limit for one input file; leave it out", error.Problem);
        Assert.Equal(1024 * 1024, Assert.IsType<RawItem>(items[1]).Raw.Content.Length);
    }

    [Fact]
    public void Directory_is_walked_recursively_in_a_stable_order_with_kinds_by_extension()
    {
        Write("b/page.html", "<html><body><p>Flood waters rose overnight.</p></body></html>");
        Write("a.txt", "Council approves budget\n\nThe city council approved the budget on Tuesday.");
        Write("c/d/e.htm", "<p>Short page</p>");

        var items = Read(_dir).OfType<RawItem>().ToList();

        Assert.Equal(["a.txt", "page.html", "e.htm"], items.Select(i => Path.GetFileName(i.Source)));
        Assert.Equal([RawKind.Text, RawKind.Html, RawKind.Html], items.Select(i => i.Raw.Kind));
    }

    [Fact]
    public void Raw_id_is_the_content_hash_so_the_same_content_gets_the_same_id_anywhere()
    {
        var a = Write("one.txt", "Same words\n\nin two files.");
        var b = Write("sub/two.txt", "Same words\n\nin two files.");
        var items = Read(a, b).OfType<RawItem>().ToList();
        Assert.Equal(items[0].Raw.Id, items[1].Raw.Id);
        Assert.Equal(ContentHash.Of(File.ReadAllBytes(a)), items[0].Raw.Id);
    }

    [Fact]
    public void Bad_files_become_one_error_each_and_good_files_still_come_through()
    {
        Write("good.txt", "Storm closes port\n\nThe port closed for two days after the storm.");
        Write("empty.txt", "");
        Write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0x00, 0x01]);
        Write("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x73]); // "Café opens" in Latin-1
        Write("huge.txt", Encoding.UTF8.GetBytes(new string('x', 2 * 1024 * 1024)));

        var items = Read(_dir);

        var errors = items.OfType<BadInput>().ToDictionary(e => Path.GetFileName(e.Source), e => e.Problem);
        Assert.Equal(["binary.txt", "empty.txt", "huge.txt", "latin1.txt"], errors.Keys.Order());
        Assert.Contains("empty", errors["empty.txt"]);
        Assert.Contains("binary", errors["binary.txt"]);
        Assert.Contains("UTF-8", errors["latin1.txt"]);
        Assert.Contains("limit", errors["huge.txt"]);
        Assert.Equal(["good.txt"], items.OfType<RawItem>().Select(i => Path.GetFileName(i.Source)));
    }

    private static byte[] Gzip(string text)
    {
        using var zipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return zipped.ToArray();
    }

    [Fact]
    public void A_gzipped_page_is_read_unzipped_and_a_damaged_one_is_named_with_the_fix()
    {
        const string page = "<html><body><p>Flood waters rose overnight.</p></body></html>";
        Write("pages/good.html.gz", Gzip(page));
        Write("pages/note.txt.gz", Gzip("Council approves budget\n\nThe city council approved the budget on Tuesday."));
        Write("pages/damaged.html.gz", [0x1f, 0x8b, 0x08, 0x00, .. Encoding.ASCII.GetBytes("a download cut short")]);
        Write("pages/big.html.gz", Gzip(new string('x', 2 * 1024 * 1024)));
        Write("pages/styles.css.gz", Gzip("p { color: red }"));

        var items = Read(Path.Combine(_dir, "pages"));

        var raws = items.OfType<RawItem>().ToDictionary(i => Path.GetFileName(i.Source), i => i.Raw);
        Assert.Equal(["good.html.gz", "note.txt.gz"], raws.Keys.Order());
        Assert.Equal(RawKind.Html, raws["good.html.gz"].Kind);
        Assert.Equal(RawKind.Text, raws["note.txt.gz"].Kind);
        Assert.Equal(page, Encoding.UTF8.GetString(raws["good.html.gz"].Content));
        Assert.Equal(ContentHash.Of(Encoding.UTF8.GetBytes(page)), raws["good.html.gz"].Id);
        var errors = items.OfType<BadInput>().ToDictionary(e => Path.GetFileName(e.Source), e => e.Problem);
        Assert.Equal(["big.html.gz", "damaged.html.gz"], errors.Keys.Order());
        Assert.Contains("not valid gzip", errors["damaged.html.gz"]);
        Assert.Contains("fetch it again", errors["damaged.html.gz"]);
        Assert.Contains("limit", errors["big.html.gz"]);
        Assert.Equal("styles.css.gz", Path.GetFileName(Assert.Single(items.OfType<SkippedInput>()).Source));
    }

    [Fact]
    public void A_gzipped_page_cut_short_is_named_as_damaged_and_two_members_read_as_one_page()
    {
        var page = "<html><body>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<p>Paragraph {i}: the ferry stayed in port while the storm passed.</p>")) + "</body></html>";
        var whole = Gzip(page);
        // GZipStream itself reads a cut file to where it ends, without an error: half a page would be ingested as the page.
        Write("pages/cut.html.gz", whole[..(whole.Length / 2)]);
        Write("pages/trailer-cut.html.gz", whole[..^3]);
        Write("pages/two-members.html.gz", [.. Gzip("<html><body><p>First half of the page,"), .. Gzip(" and its second half.</p></body></html>")]);

        var items = Read(Path.Combine(_dir, "pages"));

        var errors = items.OfType<BadInput>().ToDictionary(e => Path.GetFileName(e.Source), e => e.Problem);
        Assert.Equal(["cut.html.gz", "trailer-cut.html.gz"], errors.Keys.Order());
        Assert.StartsWith("is not valid gzip (cut short: it unzips to ", errors["cut.html.gz"], StringComparison.Ordinal);
        Assert.All(errors.Values, problem => Assert.Contains("the file is damaged: fetch it again", problem, StringComparison.Ordinal));
        var read = Assert.Single(items.OfType<RawItem>());
        Assert.Equal("<html><body><p>First half of the page, and its second half.</p></body></html>", Encoding.UTF8.GetString(read.Raw.Content));
    }

    [Fact]
    public void Html_in_a_legacy_charset_is_accepted_because_the_page_declares_its_own_encoding()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 reopens</p></body></html>");
        Write("legacy.html", bytes);
        Assert.Single(Read(_dir).OfType<RawItem>());
    }

    [Fact]
    public void Jsonl_gives_one_raw_input_per_good_line_and_one_error_per_bad_line_with_its_number()
    {
        var path = Write("batch.jsonl", string.Join('\n',
            """{"url": "https://example.org/a", "title": "A", "text": "First article text."}""",
            "",
            """{"title": "no body"}""",
            """{"html": "<p>Second article</p>", "published": "2021-09-15"}""",
            """{ not json""",
            """["an", "array"]"""));

        var items = Read(path);

        Assert.Equal(2, items.OfType<RawItem>().Count());
        Assert.All(items.OfType<RawItem>(), i => Assert.Equal(RawKind.Json, i.Raw.Kind));
        var errors = items.OfType<BadInput>().ToList();
        Assert.Equal([$"{path}#3", $"{path}#5", $"{path}#6"], errors.Select(e => e.Source));
        Assert.Contains("text", errors[0].Problem);
        Assert.Contains("invalid JSON", errors[1].Problem);
        Assert.Contains("each article is one JSON object, {\"url\", \"title\", \"text\" or \"html\"", errors[1].Problem);
        Assert.Contains("object", errors[2].Problem);
    }

    [Fact]
    public void Unknown_text_files_in_a_directory_are_skipped_but_named_ones_are_errors()
    {
        var readme = Write("README.md", "# notes about these articles");
        Write("a.txt", "Title\n\nBody text of the article.");
        Assert.Single(Read(_dir).OfType<SkippedInput>());
        Assert.Single(Read(readme).OfType<BadInput>());
    }

    [Fact]
    public void A_missing_path_is_an_error_naming_it()
    {
        var missing = Path.Combine(_dir, "nope");
        var error = Assert.Single(Read(missing).OfType<BadInput>());
        Assert.Equal(missing, error.Source);
    }

    [Fact]
    public void Posted_record_may_span_lines_and_a_posted_batch_names_each_bad_line()
    {
        var reader = new InputReader(new InputLimits { MaxRecordBytes = 4096 });
        var single = Encoding.UTF8.GetBytes("{\n  \"title\": \"Ferry back\",\n  \"text\": \"Ferries run again.\"\n}");
        var item = Assert.IsType<RawItem>(Assert.Single(reader.ReadPosted("post", single, batch: false, IngestHints.None)));
        Assert.Equal(RawKind.Json, item.Raw.Kind);
        Assert.Equal(ContentHash.Of(single), item.Raw.Id);

        var batch = Encoding.UTF8.GetBytes("{\"text\": \"One.\"}\n\n{\"text\": 3}\n{\"html\": \"<p>Two.</p>\"}\n");
        var items = reader.ReadPosted("post", batch, batch: true, IngestHints.None).ToList();
        Assert.Equal(2, items.OfType<RawItem>().Count());
        Assert.Equal("post#3", Assert.Single(items.OfType<BadInput>()).Source);

        Assert.Contains("limit", Assert.IsType<BadInput>(Assert.Single(reader.ReadPosted("post", new byte[5000], batch: false, IngestHints.None))).Problem);
        Assert.Contains("empty", Assert.IsType<BadInput>(Assert.Single(reader.ReadPosted("post", " \n"u8.ToArray(), batch: true, IngestHints.None))).Problem);
    }

    // ---- JSONL of any size: read line by line, a limit per line, a bad line named by its number ----

    private static string Record(int n) =>
        $$"""{"url": "https://example.org/{{n}}", "title": "Report {{n}}", "text": "{{new string('x', 900)}} {{n}}"}""";

    [Fact]
    public void Jsonl_file_larger_than_the_file_limit_is_read_and_an_over_long_line_is_named_by_its_number()
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
    public void Jsonl_lines_are_taken_as_they_come_so_memory_is_bounded_by_a_line_not_the_file()
    {
        using var endless = new EndlessLines(Record);

        var first = new JsonLinesReader(InputLimits.Default).Read("stream", endless, IngestHints.None).Take(5).ToList();

        Assert.Equal(["stream#1", "stream#2", "stream#3", "stream#4", "stream#5"], first.Select(i => i.Source));
        Assert.All(first, i => Assert.IsType<RawItem>(i));
        // One buffer of 64 KB, never more: the reader asked for nothing beyond what the lines needed.
        Assert.True(endless.Produced <= 64 * 1024, $"{endless.Produced} bytes read for 5 lines of about 1 KB");
    }

    [Fact]
    public void Jsonl_line_that_is_not_utf8_is_reported_alone_and_line_endings_and_marks_are_taken_as_they_come()
    {
        var content = new List<byte>();
        content.AddRange([0xEF, 0xBB, 0xBF]);
        content.AddRange(Encoding.UTF8.GetBytes(Record(1) + "\r\n"));
        content.AddRange(Encoding.Latin1.GetBytes("{\"text\": \"Caf\u00e9 reopens\"}\n"));
        content.AddRange(Encoding.UTF8.GetBytes("  \r\n" + Record(4)));
        var path = Write("mixed.jsonl", [.. content]);

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
