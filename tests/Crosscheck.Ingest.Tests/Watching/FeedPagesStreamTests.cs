using Crosscheck.Ingest.Tests.Processing;
using Crosscheck.Ingest.Watching;
using Xunit;

namespace Crosscheck.Ingest.Tests.Watching;

/// <summary>
/// A watched feed's summary-only items have their pages fetched as the ingest takes them, from a real local server: a poll
/// fetched every page into a list before its ingest began, so a feed of 10,000 such items linking to pages of up to 8 MB
/// could make one poll hold gigabytes (hostile3's "found and not fixed"; hostile4's section of docs/BENCHMARKS.md).
/// </summary>
public sealed class FeedPagesStreamTests : IDisposable
{
    private readonly WatchFixture _watch = new();

    public void Dispose() => _watch.Dispose();

    private LocalHttpServer Server => _watch.Server;

    private static readonly News.Item[] Items =
    [
        .. Enumerable.Range(0, 6).Select(i => new News.Item($"pier{i}", $"Pier {i} repainted before the regatta",
            $"Volunteers repainted pier number {i} on Saturday so that it would be ready for the regatta next month.\n\n" +
            $"The harbour board said pier {i} had not been painted since the storm damaged its railings.")),
    ];

    private void ServeFeed(string? etag = null)
    {
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, Items), ETag: etag));
        foreach (var item in Items) Server.Serve($"/news/{item.Slug}", new(News.Page(item), "text/html; charset=utf-8"));
    }

    private int PagesAsked => Server.Requests.Count(r => r.Path.StartsWith("/news/", StringComparison.Ordinal));

    [Fact]
    public async Task Each_page_is_fetched_as_the_ingest_takes_its_item_not_all_before_the_ingest_begins()
    {
        ServeFeed();
        int? askedWhenFirstRead = null;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase == "reading") askedWhenFirstRead ??= PagesAsked;
        });
        using var watcher = new Watcher(_watch.Ingest, [Server.Url("/feed").ToString()], WatchFixture.Fast, _watch.StatePath, _watch.Log, progress);

        var poll = await watcher.PollOnceAsync();

        Assert.Equal(6, poll.Ingest?.Added);
        // The first item's page only (looked at to tell an empty poll); the poll fetched all six before the ingest.
        Assert.Equal(1, askedWhenFirstRead);
        Assert.Equal(6, PagesAsked);
        Assert.All(_watch.Store.AllArticles(), a => Assert.Contains("harbour board said", a.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stop_between_page_fetches_ends_the_fetching_and_the_pages_left_are_taken_at_the_next_poll_once_each()
    {
        ServeFeed(etag: "\"v1\"");
        using var stop = new CancellationTokenSource();
        var read = 0;
        // Stopped (Ctrl+C) once the ingest has read two items.
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase == "reading" && ++read == 2) stop.Cancel();
        });
        using (var watcher = new Watcher(_watch.Ingest, [Server.Url("/feed").ToString()], WatchFixture.Fast, _watch.StatePath, _watch.Log, progress))
        {
            var poll = await watcher.PollOnceAsync(stop.Token);
            Assert.Equal(2, poll.Ingest?.Added);
        }
        Assert.Equal(2, PagesAsked);
        Assert.Equal(2, _watch.Store.CountArticles());
        Assert.Contains(_watch.LogLines, line => line.EndsWith("/feed: stopped before every page was fetched; the 4 item(s) left are taken at the next poll", StringComparison.Ordinal));

        // Started again: the feed is read again (its validators were not kept, so no 304), and only the four pages left are fetched.
        using (var restarted = _watch.Watcher(sources: Server.Url("/feed").ToString()))
        {
            var poll = await restarted.PollOnceAsync();
            Assert.Equal(4, poll.Ingest?.Added);
            Assert.Null(Server.Requests.Last(r => r.Path == "/feed").IfNoneMatch);

            // Once every item is taken the validators are kept: the next poll is a 304.
            await WatchFixture.UntilDue(restarted);
            Assert.Null((await restarted.PollOnceAsync()).Ingest);
            Assert.Equal("\"v1\"", Server.Requests.Last(r => r.Path == "/feed").IfNoneMatch);
        }
        Assert.Equal(6, PagesAsked);
        Assert.All(Items, item => Assert.Equal(1, Server.Count($"/news/{item.Slug}")));
        Assert.Equal(6, _watch.Store.CountArticles());
    }
}
