using System.Text.Json;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>WARC archives and feeds through the real program.</summary>
public sealed class ArchiveAndFeedTests : IDisposable
{
    private const string Blurb = "The Lakeside Post is an independent newspaper serving the lake towns since 1887, funded by its readers and advertisers.";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-archive-").FullName;

    private string Db => Path.Combine(_dir, "test.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir, args);

    private static string Page(string title, string date, params string[] paragraphs) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} - Lakeside Post</title>
        <meta property="og:site_name" content="Lakeside Post"><meta property="article:published_time" content="{date}"></head>
        <body><header><a href="/">Lakeside Post</a></header><main><article><h1>{title}</h1>
        {string.Concat(paragraphs.Select(p => $"<p>{p}</p>\n"))}<p>{Blurb}</p>
        </article></main><footer><a href="/about">About</a></footer></body></html>
        """;

    private static readonly string[] Pages =
    [
        Page("Sailing club opens new boathouse", "2024-05-04T10:00:00Z",
            "The sailing club opened its new boathouse on Saturday, replacing the wooden shed that had stood on the shore since the 1950s.",
            "Members raised most of the money themselves through a series of regattas and a raffle held over two summers."),
        Page("Water quality warning lifted", "2024-05-06T15:30:00Z",
            "Swimmers can return to the north beach after tests showed the bacteria levels had fallen back to normal, the health agency said on Monday.",
            "The warning had been in place for nine days after heavy rain washed farm runoff into the lake."),
        Page("Ferry fares to rise in June", "2024-05-08T08:00:00Z",
            "Ferry fares across the lake will rise by six percent from the first of June, the operator announced, citing the cost of fuel.",
            "Commuters with season tickets will be spared the increase until their tickets come up for renewal."),
        Page("Fishing season opens with record entries", "2024-05-10T06:45:00Z",
            "More than four hundred anglers registered for the opening day of the trout season, the highest number the fishing association has recorded.",
            "The association said the mild spring had brought the fish into the shallows earlier than usual."),
    ];

    [Fact]
    public void Warc_gz_pages_are_ingested_a_bad_record_named_and_the_outlet_blurb_removed()
    {
        var builder = new WarcBuilder().Info();
        for (var i = 0; i < Pages.Length; i++)
        {
            var uri = $"https://lakeside-post.example/news/{i + 1}";
            builder.Request(uri).Response(uri, Pages[i]);
            if (i == 1) builder.Raw("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n<html></html>\r\n\r\n");
        }
        var badOffset = builder.Offsets[5]; // warcinfo, then request and response per page, the bad record after the second page
        var warc = Path.Combine(_dir, "crawl.warc.gz");
        File.WriteAllBytes(warc, builder.GzipPerRecord());

        var result = Run("ingest", warc, "--db", Db);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains($"{warc}#{badOffset}: ", error);
        Assert.Contains("Content-Length", error);
        Assert.Contains("4 new article(s)", result.Out);
        Assert.Contains("removed 4 recurring boilerplate paragraph(s) from 4 article(s)", result.Out);

        var stories = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement;
        var articles = stories.EnumerateArray()
            .Select(story => JsonDocument.Parse(Run("dossier", story.GetProperty("id").GetString()!, "--db", Db, "--json").Out).RootElement)
            .SelectMany(dossier => dossier.GetProperty("articles").EnumerateArray())
            .ToList();
        Assert.Equal(4, articles.Count);
        foreach (var article in articles)
        {
            Assert.StartsWith(warc + "#", article.GetProperty("source").GetString());
            Assert.Equal("Lakeside Post", article.GetProperty("outlet").GetString());
            Assert.DoesNotContain("independent newspaper", article.GetProperty("body").GetString());
            Assert.StartsWith("2024-05-", article.GetProperty("published").GetString());
        }
    }

    [Fact]
    public void Rss_feed_items_become_articles_even_when_the_file_has_no_feed_extension()
    {
        const string rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Lakeside Post</title><link>https://lakeside-post.example/</link><description>News</description>
            <item><title>Night market returns to the promenade</title><link>https://lakeside-post.example/news/night-market</link>
            <pubDate>Fri, 17 May 2024 18:00:00 +0200</pubDate><description>Stalls are back.</description>
            <content:encoded><![CDATA[<p>The night market returned to the promenade on Friday with forty stalls selling food, crafts and plants until midnight.</p><p>Organisers said they expected more than three thousand visitors over the weekend if the weather held.</p>]]></content:encoded></item>
            <item><title>Rowing regatta postponed</title><link>https://lakeside-post.example/news/regatta</link>
            <pubDate>Sat, 18 May 2024 07:10:00 +0200</pubDate>
            <description>The spring rowing regatta has been postponed by a week because strong winds are forecast for Sunday, the organisers said on Saturday morning.</description></item>
            </channel></rss>
            """;
        var feed = Path.Combine(_dir, "feed.xml");
        var saved = Path.Combine(_dir, "latest");
        File.WriteAllText(feed, rss);
        File.WriteAllText(saved, rss.Replace("Rowing regatta postponed", "Rowing regatta postponed again", StringComparison.Ordinal));

        var result = Run("ingest", feed, "--db", Db);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("2 new article(s)", result.Out);
        var sources = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement.EnumerateArray()
            .SelectMany(s => s.GetProperty("articles").EnumerateArray())
            .ToDictionary(a => a.GetProperty("source").GetString()!, a => a.GetProperty("title").GetString());
        Assert.Equal("Night market returns to the promenade", sources[$"{feed}#1"]);
        Assert.Equal("Rowing regatta postponed", sources[$"{feed}#2"]);

        var again = Run("ingest", saved, "--db", Db);
        Assert.True(again.ExitCode == 0, again.Err);
        // The unchanged item is the same record; only the edited one is new.
        Assert.Contains("1 new article(s), 1 already stored", again.Out);
    }

    [Fact]
    public void Ingest_help_names_the_archive_and_feed_inputs()
    {
        var help = Run("ingest", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains(".warc", help.Out);
        Assert.Contains("RSS/Atom/JSON feeds", help.Out);
    }
}
