using System.IO.Compression;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

/// <summary>
/// Gzipped JSONL (".jsonl.gz") is unzipped as it is read, line by line as a plain file is: damaged or cut-short gzip named
/// as a damaged file with the lines before it kept, a gzip bomb stopped (a bound on how much it may unzip to for its size),
/// a file gzipped twice or not gzip at all named with the fix.
/// </summary>
public sealed class GzippedJsonLinesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-jsonl-gz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Lines =
    [
        """{"url": "https://lakeside.example/ferry", "title": "Ferry timetable cut", "text": "The lake ferry will run four crossings a day from November."}""",
        """{"url": "https://lakeside.example/library", "title": "Library opens on Sundays"}""",
        """{"url": "https://lakeside.example/orchard", "title": "Orchard harvest", "text": "Apple growers picked their largest crop in ten years."}""",
    ];

    private static byte[] Jsonl(params string[] lines) => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static List<InputItem> Read(InputLimits? limits, params string[] paths) => [.. new InputReader(limits).Read(paths, IngestHints.None)];

    [Fact]
    public void A_gzipped_JSONL_file_is_read_line_by_line_as_the_plain_file_is()
    {
        var plain = Write("dump.jsonl", Jsonl(Lines));
        var gzipped = Write("dump.jsonl.gz", Gzip(Jsonl(Lines)));

        var fromPlain = Read(null, plain);
        var fromGzip = Read(null, gzipped);

        // The same records under the same ids (stored once whichever is ingested), the bad line named by its number.
        Assert.Equal(fromPlain.OfType<RawItem>().Select(i => i.Raw.Id), fromGzip.OfType<RawItem>().Select(i => i.Raw.Id));
        Assert.Equal([gzipped + "#1", gzipped + "#3"], fromGzip.OfType<RawItem>().Select(i => i.Source));
        var bad = Assert.Single(fromGzip.OfType<BadInput>());
        Assert.Equal(gzipped + "#2", bad.Source);
        Assert.Equal(Assert.Single(fromPlain.OfType<BadInput>()).Problem, bad.Problem);
    }

    [Fact]
    public void Damaged_gzip_keeps_the_lines_before_the_damage_and_is_named_as_a_damaged_file()
    {
        // A whole first member, then a second whose deflate data is not deflate (block type 3 does not exist).
        var damaged = Gzip(Jsonl(Lines[0]))
            .Concat(new byte[] { 0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff })
            .Concat(Enumerable.Repeat((byte)0xff, 64)).ToArray();
        var path = Write("damaged.jsonl.gz", damaged);

        var items = Read(null, path);

        Assert.Equal(path + "#1", Assert.Single(items.OfType<RawItem>()).Source);
        var bad = Assert.Single(items.OfType<BadInput>());
        Assert.Equal(path + "#2", bad.Source);
        Assert.StartsWith("is not valid gzip (", bad.Problem, StringComparison.Ordinal);
        Assert.EndsWith("the file is damaged: fetch it again (`gzip -t FILE` checks one); the lines before it were kept", bad.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_short_file_keeps_the_lines_before_the_cut_and_says_it_was_cut()
    {
        // Fifty records in one member, cut at two thirds as a broken download leaves it: GZipStream ends there quietly.
        var lines = Enumerable.Range(0, 50).Select(i => $$"""{"url": "https://lakeside.example/{{i}}", "text": "Crossing {{i}} of the lake ferry left on time with {{i * 7 % 31}} cars aboard."}""").ToArray();
        var whole = Gzip(Jsonl(lines));
        var path = Write("cut.jsonl.gz", whole[..(whole.Length * 2 / 3)]);

        var items = Read(null, path);

        Assert.NotEmpty(items.OfType<RawItem>());
        Assert.True(items.OfType<RawItem>().Count() < 50);
        var cut = Assert.Single(items.OfType<BadInput>(), b => b.Source == path);
        Assert.StartsWith("is not valid gzip (", cut.Problem, StringComparison.Ordinal);
        Assert.Contains("cut short", cut.Problem, StringComparison.Ordinal);
        Assert.EndsWith("the lines before the cut were kept", cut.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_bomb_is_stopped_once_it_unzips_past_a_hundred_times_its_size_and_the_lines_before_it_are_kept()
    {
        // 24 MB of one letter after a good line unzip from about 24 KB: a thousand times their size.
        var bombed = Jsonl(Lines[0]).Concat(Enumerable.Repeat((byte)'x', 24 * 1024 * 1024)).ToArray();
        var path = Write("bomb.jsonl.gz", Gzip(bombed));
        var limits = new InputLimits { MaxFileBytes = 1024 * 1024 };

        var items = Read(limits, path);

        Assert.Equal(path + "#1", Assert.Single(items.OfType<RawItem>()).Source);
        var bomb = Assert.Single(items.OfType<BadInput>());
        Assert.Equal(path + "#2", bomb.Source);
        Assert.StartsWith("unzips to more than 100 times its size (", bomb.Problem, StringComparison.Ordinal);
        Assert.EndsWith("as a gzip bomb does, not an archive of text; the rest of the file is skipped; the lines before it were kept", bomb.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_gzip_gzipped_twice_and_empty_once_unzipped_are_each_named_with_the_fix()
    {
        var plain = Write("plain.jsonl.gz", Jsonl(Lines[0]));
        var twice = Write("twice.jsonl.gz", Gzip(Gzip(Jsonl(Lines[0]))));
        // GZipStream writes nothing for nothing written: gzip's own empty file (header, an empty block, trailer).
        var empty = Write("empty.jsonl.gz", [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var binary = Write("binary.ndjson.gz", Gzip([0, 1, 2, 3, 0, 0, 0, 9, 8, 7]));

        var problems = Read(null, plain, twice, empty, binary).OfType<BadInput>().ToDictionary(b => Path.GetFileName(b.Source), b => b.Problem);

        Assert.Equal("is named .jsonl.gz but is not gzip data; if it is plain JSONL, name it .jsonl", problems["plain.jsonl.gz"]);
        Assert.Equal("is gzipped twice (it unzips to more gzip data); unzip one layer and ingest that: `gunzip -c twice.jsonl.gz > twice.jsonl`", problems["twice.jsonl.gz"]);
        Assert.Equal("is empty once unzipped", problems["empty.jsonl.gz"]);
        Assert.Equal("looks like binary data once unzipped, not text or HTML", problems["binary.ndjson.gz"]);
        Assert.Equal(4, problems.Count);
    }
}
