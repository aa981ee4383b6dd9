using System.IO.Compression;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

/// <summary>
/// `-` reads standard input as a user piping `zcat dump.jsonl.gz` or `curl -s URL` expects: JSONL line by line, a feed, or
/// one page; a terminal, nothing piped, gzip data and a WARC archive are each one problem with the fix.
/// </summary>
public sealed class StandardInputTests
{
    private static List<InputItem> ReadPiped(byte[] piped, bool redirected = true, InputLimits? limits = null) =>
        [.. new InputReader(limits) { StandardInput = () => (new MemoryStream(piped), redirected) }.Read(["-"], IngestHints.None)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Piped_JSONL_is_read_line_by_line_and_a_bad_line_is_named_by_its_number()
    {
        var items = ReadPiped(Utf8("""
            {"url": "https://lakeside.example/ferry", "title": "Ferry timetable cut", "text": "The lake ferry will run four crossings a day."}
            {"title": "no text"}

            {"url": "https://lakeside.example/orchard", "text": "Apple growers picked their largest crop in ten years."}
            """));

        Assert.Equal(["stdin#1", "stdin#4"], items.OfType<RawItem>().Select(i => i.Source));
        Assert.All(items.OfType<RawItem>(), i => Assert.Equal(RawKind.Json, i.Raw.Kind));
        Assert.Equal("stdin#2", Assert.Single(items.OfType<BadInput>()).Source);
    }

    [Fact]
    public void A_piped_page_is_one_HTML_input_and_plain_text_one_text_input()
    {
        var page = Assert.IsType<RawItem>(Assert.Single(ReadPiped(Utf8("\n  <!doctype html><html><body><p>The lake ferry will run four crossings a day.</p></body></html>"))));
        var text = Assert.IsType<RawItem>(Assert.Single(ReadPiped(Utf8("Ferry timetable cut\n\nThe lake ferry will run four crossings a day."))));

        Assert.Equal((RawKind.Html, "stdin"), (page.Raw.Kind, page.Source));
        Assert.Equal((RawKind.Text, "stdin"), (text.Raw.Kind, text.Source));
    }

    [Fact]
    public void A_piped_feed_is_read_item_by_item()
    {
        var items = ReadPiped(Utf8("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Lakeside</title>
            <item><title>Ferry</title><link>https://lakeside.example/ferry</link><description>The lake ferry will run four crossings a day.</description></item>
            <item><title>Orchard</title><link>https://lakeside.example/orchard</link><description>Apple growers picked their largest crop.</description></item>
            </channel></rss>
            """));

        Assert.Equal(["stdin#1", "stdin#2"], items.OfType<RawItem>().Select(i => i.Source));
        Assert.All(items.OfType<RawItem>(), i => Assert.Equal(RawKind.Json, i.Raw.Kind));
        Assert.Empty(items.OfType<BadInput>());
    }

    [Fact]
    public void A_terminal_nothing_piped_gzip_a_WARC_and_a_page_over_the_limit_are_each_one_problem_with_the_fix()
    {
        string Problem(byte[] piped, bool redirected = true, InputLimits? limits = null)
        {
            var bad = Assert.IsType<BadInput>(Assert.Single(ReadPiped(piped, redirected, limits)));
            Assert.Equal("stdin", bad.Source);
            return bad.Problem;
        }
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest)) gzip.Write(Utf8("{\"text\": \"The ferry runs.\"}\n"));

        Assert.StartsWith("standard input is a terminal, so `-` has nothing to read; pipe articles in (`zcat articles.jsonl.gz | crosscheck ingest -`", Problem(Utf8("{}"), redirected: false), StringComparison.Ordinal);
        Assert.Equal("is empty: nothing was piped in", Problem([]));
        Assert.Equal("holds only whitespace", Problem(Utf8(" \n\n")));
        Assert.Equal("is gzip data; unzip it in the pipe (`zcat FILE.gz | crosscheck ingest -`), or name the .jsonl.gz file", Problem(gzipped.ToArray()));
        Assert.StartsWith("is a WARC archive, which is read from a file only", Problem(Utf8("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n")), StringComparison.Ordinal);
        Assert.StartsWith("is over the 1 MB limit for one page or feed; save it to a file, or pipe JSONL",
            Problem(Utf8("<html><body><p>" + new string('x', 1200 * 1024) + "</p></body></html>"), limits: new InputLimits { MaxFileBytes = 1024 * 1024 }), StringComparison.Ordinal);
        Assert.Equal("looks like binary data, not text or HTML", Problem([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 0]));
    }
}
