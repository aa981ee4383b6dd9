using System.Net;
using Crosscheck.Ingest.Processing;
using Crosscheck.Ingest.Tests.Processing;
using Crosscheck.Ingest.Watching;
using Crosscheck.Storage.Sqlite;

namespace Crosscheck.Ingest.Tests.Watching;

/// <summary>A store, a log and a local HTTP server for one watch test; watchers are made with millisecond intervals.</summary>
internal sealed class WatchFixture : IDisposable
{
    public static readonly WatchOptions Fast = new()
    {
        FeedInterval = TimeSpan.FromMilliseconds(20),
        ScanInterval = TimeSpan.Zero,
        HostDelay = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("crosscheck-watch-").FullName;

    public SqliteStore Store { get; }

    public IngestService Ingest { get; }

    public LocalHttpServer Server { get; } = new();

    public StringWriter Log { get; } = new();

    public WatchFixture()
    {
        Store = SqliteStore.Open(Path.Combine(Directory, "watch.db"));
        Ingest = TestIngest.Service(Store, recurring: null);
    }

    public string StatePath => Path.Combine(Directory, "watch.db.watch.json");

    public Watcher Watcher(WatchOptions? options = null, params string[] sources) => new(Ingest, sources, options ?? Fast, StatePath, Log);

    public string[] LogLines => Log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Waits until the watcher's next source is due, so the next poll looks at it.</summary>
    public static async Task UntilDue(Watcher watcher)
    {
        var wait = watcher.NextDue - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait + TimeSpan.FromMilliseconds(5));
    }

    public void Dispose()
    {
        Server.Dispose();
        Store.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>Feeds and pages of made-up local news, as the server serves them.</summary>
internal static class News
{
    public sealed record Item(string Slug, string Title, string Text);

    public static readonly Item Ferry = new("ferry", "Ferry timetable cut for winter",
        "The lake ferry will run four crossings a day instead of nine from November, the operator said on Monday.\n\nCommuters on the eastern shore said the early boat was the only one that got them to work on time.");

    public static readonly Item Library = new("library", "Library opens on Sundays",
        "The town library will open on Sunday afternoons from next month after volunteers offered to staff the desk.\n\nThe librarian said the reading room had been full every Saturday since the heating was repaired.");

    public static readonly Item Orchard = new("orchard", "Orchard harvest best in a decade",
        "Apple growers on the southern slopes picked their largest crop in ten years after a warm, dry September.\n\nThe cider press by the harbour is running through the night to keep up with deliveries.");

    /// <summary>An RSS 2.0 feed; items with <paramref name="full"/> carry content:encoded, the others only a one-line description.</summary>
    public static string Rss(Uri server, bool full, params Item[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Lakeside Herald</title><link>{server}</link><description>News from the lake</description>
        {string.Concat(items.Select(item => $"""
            <item><title>{item.Title}</title><link>{server}news/{item.Slug}</link>
            <pubDate>Mon, 02 Nov 2026 08:30:00 +0000</pubDate>
            <description>{WebUtility.HtmlEncode(item.Text.Split('\n')[0][..40])}</description>
            {(full ? $"<content:encoded><![CDATA[{Html(item)}]]></content:encoded>" : "")}
            </item>
            """))}
        </channel></rss>
        """;

    public static string Html(Item item) => string.Concat(item.Text.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

    public static string Page(Item item) =>
        $"<!doctype html><html><head><title>{item.Title}</title></head><body><article><h1>{item.Title}</h1>{Html(item)}</article></body></html>";
}
