using System.IO.Compression;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

/// <summary>
/// Inputs hostile3 found named in words that did not say what was wrong or how to fix it (or not refused at all):
/// each is one problem naming the input, with the fix, and the good input beside it still comes through.
/// </summary>
public sealed class HostileInputNamesTests : IDisposable
{
    private const string Page = "<html><head><title>Ferry timetable cut</title></head><body><p>The lake ferry will run four crossings a day.</p></body></html>";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-hostile3-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Good => Write("good.html", Encoding.UTF8.GetBytes(Page));

    private static Dictionary<string, string> Problems(IEnumerable<InputItem> items) =>
        items.OfType<BadInput>().ToDictionary(e => Path.GetFileName(e.Source), e => e.Problem);

    private static List<InputItem> Read(params string[] paths) => [.. new InputReader().Read(paths, IngestHints.None)];

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }

    [Fact]
    public void A_WARC_response_served_as_html_that_is_binary_is_refused_and_the_next_page_kept()
    {
        // An image or a still-compressed body under a text/html header became an "article" titled with its bytes.
        var png = new byte[600];
        new Random(3).NextBytes(png);
        "\x89PNG\r\n\x1a\n"u8.ToArray().CopyTo(png, 0);
        var utf16 = Encoding.Unicode.GetBytes(Page);
        var path = Write("crawl.warc", new WarcBuilder()
            .Response("https://lakeside.example/logo", png, "text/html")
            .Response("https://lakeside.example/utf16", utf16, "text/html; charset=utf-16le")
            .Response("https://lakeside.example/ferry", Page)
            .Plain());

        var items = Read(path);

        var error = Assert.Single(items.OfType<BadInput>());
        Assert.Contains("https://lakeside.example/logo looks like binary data", error.Problem, StringComparison.Ordinal);
        Assert.StartsWith(path + "#", error.Source, StringComparison.Ordinal);
        // A page in a declared UTF-16 holds zero bytes and is text all the same.
        Assert.Equal(["https://lakeside.example/utf16", "https://lakeside.example/ferry"], items.OfType<RawItem>().Select(i => i.Raw.Hints.Url));
    }

    [Fact]
    public void A_page_gzipped_twice_and_a_file_without_extension_say_how_to_fix_them()
    {
        var twice = Write("twice.html.gz", Gzip(Gzip(Encoding.UTF8.GetBytes(Page))));
        var bare = Write("article", Encoding.UTF8.GetBytes("The ferry runs four crossings a day."));

        var items = Read(twice, bare, Good);

        var problems = Problems(items);
        Assert.Equal("is gzipped twice (it unzips to more gzip data); unzip one layer and ingest that: `gunzip -c twice.html.gz > once-twice.html.gz`", problems["twice.html.gz"]);
        Assert.StartsWith("has no extension, so its format is not known; name it by what it holds: .html", problems["article"], StringComparison.Ordinal);
        Assert.Equal("good.html", Path.GetFileName(Assert.Single(items.OfType<RawItem>()).Source));
    }

    [UnixFact]
    public void A_symbolic_link_loop_and_a_dangling_link_are_named_as_links_with_the_fix()
    {
        var links = Directory.CreateDirectory(Path.Combine(_dir, "links")).FullName;
        File.CreateSymbolicLink(Path.Combine(links, "a.html"), "b.html");
        File.CreateSymbolicLink(Path.Combine(links, "b.html"), "a.html");
        File.CreateSymbolicLink(Path.Combine(links, "gone.html"), "nowhere.html");
        File.WriteAllText(Path.Combine(links, "ferry.html"), Page);

        var items = Read(links);

        var problems = Problems(items);
        Assert.Equal(["a.html", "b.html", "gone.html"], problems.Keys.Order());
        Assert.StartsWith("is a symbolic link to 'b.html' that cannot be followed (it loops or leads nowhere", problems["a.html"], StringComparison.Ordinal);
        Assert.StartsWith("is a symbolic link to 'nowhere.html' that cannot be followed", problems["gone.html"], StringComparison.Ordinal);
        Assert.EndsWith("fix or remove the link", problems["gone.html"], StringComparison.Ordinal);
        Assert.Single(items.OfType<RawItem>());
    }

    [Fact]
    public void A_feed_over_the_item_limit_says_how_to_read_the_rest()
    {
        var items = string.Concat(Enumerable.Range(0, 4).Select(i => $"<item><title>Crossing {i}</title><link>https://lakeside.example/{i}</link><description>The ferry made crossing {i} on time.</description></item>"));
        var path = Write("feed.xml", Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lakeside</title>{items}</channel></rss>"));

        var read = new InputReader(new InputLimits { MaxFeedItems = 3 }).Read([path], IngestHints.None).ToList();

        Assert.Equal(3, read.OfType<RawItem>().Count());
        Assert.Equal("has 4 items; only the first 3 were read (split it into files of at most 3 items to read the rest)", Assert.Single(read.OfType<BadInput>()).Problem);
    }
}
