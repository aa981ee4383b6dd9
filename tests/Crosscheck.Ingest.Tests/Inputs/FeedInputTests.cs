using System.Text;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Extraction;
using Crosscheck.Ingest.Inputs;
using Xunit;

namespace Crosscheck.Ingest.Tests.Inputs;

public sealed class FeedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-feed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Harbour Gazette - Local</title>
          <link>https://harbour-gazette.example/</link>
          <description>Local news</description>
          <item>
            <title>Ferry timetable cut for the winter</title>
            <link>https://harbour-gazette.example/2024/11/ferry-timetable</link>
            <pubDate>Tue, 05 Nov 2024 08:30:00 +0100</pubDate>
            <dc:creator>Staff reporter</dc:creator>
            <description>The island ferry will run four times a day instead of six.</description>
            <content:encoded><![CDATA[<p>The island ferry will run four times a day instead of six from next Monday, the operator said, blaming a shortage of crew.</p>
              <p>Islanders said the reduced service would make it harder to reach the mainland hospital for morning appointments.</p>]]></content:encoded>
          </item>
          <item>
            <title>Only a title, nothing else</title>
            <link>https://harbour-gazette.example/2024/11/empty</link>
          </item>
          <item>
            <title>Lifeboat crew rescue two kayakers</title>
            <link>/2024/11/lifeboat-rescue</link>
            <pubDate>sometime last week</pubDate>
            <description>&lt;p&gt;Two kayakers were rescued by the lifeboat crew on Sunday afternoon after strong winds pushed them towards the rocks below the lighthouse.&lt;/p&gt;</description>
          </item>
        </channel>
        </rss>
        """;

    internal const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Mountain Herald</title>
          <link href="https://mountain-herald.example/"/>
          <updated>2024-02-02T10:00:00Z</updated>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <entry>
            <title>Ski lifts reopen after storm</title>
            <link rel="alternate" href="https://mountain-herald.example/ski-lifts-reopen"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <published>2024-02-01T18:45:00+01:00</published>
            <updated>2024-02-02T09:00:00+01:00</updated>
            <summary>Lifts are running again.</summary>
            <content type="html">&lt;p&gt;All ski lifts in the valley were running again on Thursday after workers cleared the snow that the storm dumped on the upper stations.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Avalanche warning raised</title>
            <link href="https://mountain-herald.example/avalanche-warning"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
            <updated>2024-02-02T07:15:00Z</updated>
            <summary>The avalanche warning for the northern slopes was raised to level four on Friday morning, and hikers were told to stay on marked trails.</summary>
          </entry>
        </feed>
        """;

    internal const string JsonFeed = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Riverside Weekly",
          "home_page_url": "https://riverside-weekly.example/",
          "items": [
            {
              "id": "1",
              "url": "https://riverside-weekly.example/library-hours",
              "title": "Library extends opening hours",
              "content_html": "<p>The central library will stay open until nine in the evening on weekdays from March, the council said on Wednesday.</p>",
              "content_text": "shorter text",
              "summary": "shortest",
              "date_published": "2024-02-28T11:00:00-05:00"
            },
            "not an item",
            {
              "id": "3",
              "url": "https://riverside-weekly.example/bus-route",
              "title": "New bus route to the hospital",
              "content_text": "A new bus route will link the northern estates with the hospital from April, with a bus every twenty minutes during the day."
            },
            { "id": "4", "title": "No content at all" }
          ]
        }
        """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static List<InputItem> Read(params string[] paths) => [.. new InputReader().Read(paths, IngestHints.None)];

    private static JsonElement Record(RawItem item) => JsonDocument.Parse(item.Raw.Content).RootElement;

    [Fact]
    public void Rss_items_keep_link_date_title_and_the_richest_content_and_bad_items_are_reported()
    {
        var path = Write("local.rss", Rss);

        var items = Read(path);

        var records = items.OfType<RawItem>().ToList();
        Assert.Equal([$"{path}#1", $"{path}#3"], records.Select(r => r.Source));
        Assert.All(records, r => Assert.Equal(RawKind.Json, r.Raw.Kind));
        var ferry = Record(records[0]);
        Assert.Equal("https://harbour-gazette.example/2024/11/ferry-timetable", ferry.GetProperty("url").GetString());
        Assert.Equal("Ferry timetable cut for the winter", ferry.GetProperty("title").GetString());
        Assert.Equal("2024-11-05T08:30:00+01:00", ferry.GetProperty("published").GetString());
        Assert.Contains("shortage of crew", ferry.GetProperty("html").GetString()); // content:encoded, not the description
        var lifeboat = Record(records[1]);
        Assert.Equal("https://harbour-gazette.example/2024/11/lifeboat-rescue", lifeboat.GetProperty("url").GetString());
        Assert.Equal("sometime last week", lifeboat.GetProperty("published").GetString());
        var bad = Assert.Single(items.OfType<BadInput>());
        Assert.Equal($"{path}#2", bad.Source);
        Assert.Contains("no content", bad.Problem);
    }

    [Fact]
    public void Atom_entries_prefer_content_to_summary_and_published_to_updated()
    {
        var records = Read(Write("herald.atom", Atom)).OfType<RawItem>().Select(Record).ToList();

        Assert.Equal(2, records.Count);
        Assert.Contains("upper stations", records[0].GetProperty("html").GetString());
        Assert.Equal("2024-02-01T18:45:00+01:00", records[0].GetProperty("published").GetString());
        Assert.Equal("https://mountain-herald.example/ski-lifts-reopen", records[0].GetProperty("url").GetString());
        Assert.StartsWith("The avalanche warning", records[1].GetProperty("text").GetString());
        Assert.Equal("2024-02-02T07:15:00+00:00", records[1].GetProperty("published").GetString());
    }

    [Fact]
    public void Json_feed_items_take_html_then_text_then_summary_and_bad_items_are_reported()
    {
        var path = Write("weekly.json", JsonFeed);

        var items = Read(path);

        var records = items.OfType<RawItem>().ToList();
        Assert.Equal([$"{path}#1", $"{path}#3"], records.Select(r => r.Source));
        Assert.Contains("nine in the evening", Record(records[0]).GetProperty("html").GetString());
        Assert.Equal("2024-02-28T11:00:00-05:00", Record(records[0]).GetProperty("published").GetString());
        Assert.StartsWith("A new bus route", Record(records[1]).GetProperty("text").GetString());
        Assert.Equal([$"{path}#2", $"{path}#4"], items.OfType<BadInput>().Select(b => b.Source));
    }

    [Fact]
    public void Feed_items_extract_to_articles_with_their_metadata()
    {
        var extractor = new ArticleExtractor();

        var articles = Read(Write("feed.xml", Rss)).OfType<RawItem>().Select(i => extractor.Extract(i.Raw)).ToList();

        Assert.Equal("Ferry timetable cut for the winter", articles[0].Title);
        Assert.Equal("https://harbour-gazette.example/2024/11/ferry-timetable", articles[0].Url);
        Assert.Equal(new DateTimeOffset(2024, 11, 5, 7, 30, 0, TimeSpan.Zero), articles[0].Published!.Value.ToUniversalTime());
        Assert.Equal(
            "The island ferry will run four times a day instead of six from next Monday, the operator said, blaming a shortage of crew.\n\n" +
            "Islanders said the reduced service would make it harder to reach the mainland hospital for morning appointments.",
            articles[0].Body);
        Assert.StartsWith("Two kayakers were rescued", articles[1].Body);
        // The feed's date could not be read: that is noted, and the date comes from the link instead.
        Assert.Contains(articles[1].Diagnostics, d => d.Message.Contains("not a date", StringComparison.Ordinal));
        Assert.Equal("url", articles[1].Published!.Source);
    }

    [Theory]
    [InlineData("feed.html")]
    [InlineData("feed")]
    [InlineData("index.php")]
    [InlineData("latest.txt")]
    public void Feeds_are_recognised_by_content_whatever_their_name(string name)
    {
        Assert.Equal(2, Read(Write(name, Rss)).OfType<RawItem>().Count());
    }

    [Fact]
    public void Json_feed_is_recognised_without_its_extension()
    {
        Assert.Equal(2, Read(Write("weekly-feed", JsonFeed)).OfType<RawItem>().Count());
    }

    [Fact]
    public void A_directory_mixing_archives_feeds_and_pages_reads_each_by_content()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "crawl")).FullName;
        File.WriteAllBytes(Path.Combine(sub, "part-00001.warc.gz"), new Crosscheck.Testing.WarcBuilder()
            .Response("https://valley-courier.example/local/bridge-closed", WarcReaderTests.BridgePage).GzipPerRecord());
        Write("crawl/feed.xml", Rss);
        Write("crawl/weekly.json", JsonFeed);
        Write("crawl/settings.json", "{\"theme\": \"dark\"}");
        Write("crawl/page.html", "<html><body><p>An ordinary page.</p></body></html>");
        Write("crawl/notes.md", "# what was crawled");

        var items = Read(sub);

        var raws = items.OfType<RawItem>().ToList();
        Assert.Equal(1 + 2 + 2 + 1, raws.Count);
        Assert.Single(raws, r => r.Raw.Kind == RawKind.Html && r.Source.Contains("part-00001.warc.gz#", StringComparison.Ordinal));
        Assert.Equal(["notes.md", "settings.json"], items.OfType<SkippedInput>().Select(s => Path.GetFileName(s.Source)).Order());
    }

    [Fact]
    public void Xml_that_is_not_a_feed_is_skipped_in_a_directory_and_an_error_when_named()
    {
        var sitemap = Write("sitemap.xml", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>");
        Write("page.html", "<html><body><p>An ordinary page.</p></body></html>");

        Assert.Single(Read(_dir).OfType<SkippedInput>(), s => s.Source == sitemap);
        Assert.Contains("not an RSS or Atom feed", Assert.Single(Read(sitemap).OfType<BadInput>()).Problem);
    }

    [Fact]
    public void Malformed_feed_xml_and_entity_declarations_are_refused_with_one_line_each()
    {
        var broken = Write("broken.rss", Rss[..(Rss.Length / 2)]);
        var bomb = Write("bomb.rss", """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <rss version="2.0"><channel><title>x</title><item><title>&b;</title><description>&b;</description></item></channel></rss>
            """);

        Assert.Contains("not a well-formed", Assert.Single(Read(broken).OfType<BadInput>()).Problem);
        Assert.Contains("entities", Assert.Single(Read(bomb).OfType<BadInput>()).Problem);
    }

    [Fact]
    public void Ten_thousand_deep_nesting_in_the_xml_and_in_the_item_html_is_read_without_crashing()
    {
        var deepHtml = string.Concat(Enumerable.Repeat("<div>", 10_000)) +
            "<p>Text at the bottom of ten thousand elements, long enough to count as a paragraph of the item.</p>" +
            string.Concat(Enumerable.Repeat("</div>", 10_000));
        var deepXml = string.Concat(Enumerable.Repeat("<x:n xmlns:x=\"urn:x\">", 10_000)) + string.Concat(Enumerable.Repeat("</x:n>", 10_000));
        var rss = Rss.Replace("<dc:creator>", deepXml + "<dc:creator>", StringComparison.Ordinal)
            .Replace("<![CDATA[<p>The island ferry", $"<![CDATA[{deepHtml}<p>The island ferry", StringComparison.Ordinal);

        var items = Read(Write("deep.rss", rss));
        var article = new ArticleExtractor().Extract(items.OfType<RawItem>().First().Raw);

        Assert.Equal(2, items.OfType<RawItem>().Count());
        Assert.Contains("Text at the bottom of ten thousand elements", article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("nested deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf16_feed_with_bom_is_read()
    {
        var path = Path.Combine(_dir, "utf16.xml");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Rss.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))]);

        Assert.Equal(2, Read(path).OfType<RawItem>().Count());
    }
}
