using Xunit;

namespace Crosscheck.Ingest.Tests.Watching;

/// <summary>Feeds polled over real HTTP from a local server: conditional requests, backoff, pages fetched once, robots.txt.</summary>
public sealed class FeedWatchTests : IDisposable
{
    private readonly WatchFixture _watch = new();

    public void Dispose() => _watch.Dispose();

    private LocalHttpServer Server => _watch.Server;

    [Fact]
    public async Task A_new_feed_item_is_in_a_story_after_one_poll()
    {
        Server.Serve("/feed", new(News.Rss(Server.Base, full: true, News.Ferry)));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());

        var poll = await watcher.PollOnceAsync();

        Assert.Equal(1, poll.Ingest?.Added);
        var article = Assert.Single(_watch.Store.AllArticles());
        Assert.Equal(Server.Url("/news/ferry").ToString(), article.Url);
        Assert.Contains(_watch.Store.GetStories(), story => story.ArticleIds.Contains(article.Id));
        // A full-text item needs no page: only the feed was asked for.
        Assert.Equal(["/feed"], Server.Requests.Select(r => r.Path));

        Server.Serve("/feed", new(News.Rss(Server.Base, full: true, News.Ferry, News.Library)));
        await WatchFixture.UntilDue(watcher);
        var second = await watcher.PollOnceAsync();

        // The item seen before is not ingested again; only the new one is.
        Assert.Equal(1, second.Ingest?.Added);
        Assert.Equal(0, second.Ingest?.AlreadyStored);
        Assert.Equal(2, _watch.Store.CountArticles());
    }

    [Fact]
    public async Task An_unchanged_feed_answers_304_and_costs_nothing_more()
    {
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, News.Ferry), ETag: "\"v1\""));
        Server.Serve("/news/ferry", new(News.Page(News.Ferry), "text/html; charset=utf-8"));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());
        await watcher.PollOnceAsync();
        var requestsBefore = Server.Requests.Count;
        var rawBefore = _watch.Store.CountRaw();

        await WatchFixture.UntilDue(watcher);
        var poll = await watcher.PollOnceAsync();

        Assert.Equal(1, poll.SourcesPolled);
        Assert.Null(poll.Ingest);
        var asked = Server.Requests.Skip(requestsBefore).ToList();
        var only = Assert.Single(asked);
        Assert.Equal("/feed", only.Path);
        Assert.Equal("\"v1\"", only.IfNoneMatch);
        Assert.Equal(rawBefore, _watch.Store.CountRaw());
        Assert.Contains(_watch.LogLines, line => line.EndsWith("/feed: not modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_with_only_Last_Modified_is_asked_If_Modified_Since()
    {
        const string modified = "Mon, 02 Nov 2026 08:30:00 GMT";
        Server.Serve("/feed", new(News.Rss(Server.Base, full: true, News.Ferry), LastModified: modified));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());
        await watcher.PollOnceAsync();

        await WatchFixture.UntilDue(watcher);
        var poll = await watcher.PollOnceAsync();

        Assert.Null(poll.Ingest);
        Assert.Equal(modified, Server.Requests[^1].IfModifiedSince);
    }

    [Fact]
    public async Task A_failing_feed_backs_off_longer_each_time_and_is_reported_on_one_line()
    {
        Server.Serve("/feed", new("broken", "text/plain", Status: 500));
        using var watcher = _watch.Watcher(WatchFixture.Fast with { FeedInterval = TimeSpan.FromMilliseconds(40) }, Server.Url("/feed").ToString());

        var waits = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await WatchFixture.UntilDue(watcher);
            var before = DateTimeOffset.UtcNow;
            var poll = await watcher.PollOnceAsync();
            Assert.Null(poll.Ingest);
            waits.Add(watcher.NextDue - before);
        }

        Assert.Equal(3, Server.Count("/feed"));
        var failures = _watch.LogLines.Where(line => line.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, line => Assert.Contains($"{Server.Url("/feed")}: HTTP 500", line));
        // The interval, doubled per failure in a row: 80, 160 and 320 ms; the polls really waited that long.
        Assert.Equal(["failure 1 in a row, next try in 80 ms", "failure 2 in a row, next try in 160 ms", "failure 3 in a row, next try in 320 ms"],
            failures.Select(line => line[line.IndexOf("failure", StringComparison.Ordinal)..]));
        Assert.True(waits[2] >= TimeSpan.FromMilliseconds(320), $"waits after failures: {string.Join(", ", waits)}");
        Assert.Equal(0, _watch.Store.CountRaw());

        // Once it answers again, the waits are back to the interval.
        Server.Serve("/feed", new(News.Rss(Server.Base, full: true, News.Ferry)));
        await WatchFixture.UntilDue(watcher);
        Assert.Equal(1, (await watcher.PollOnceAsync()).Ingest?.Added);
        Assert.True(watcher.NextDue - DateTimeOffset.UtcNow <= TimeSpan.FromMilliseconds(40));
    }

    [Fact]
    public async Task A_feed_with_no_items_is_a_quiet_moment_not_a_failure()
    {
        Server.Serve("/feed", new(News.Rss(Server.Base, full: true)));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());

        var poll = await watcher.PollOnceAsync();

        Assert.Null(poll.Ingest);
        Assert.DoesNotContain(_watch.LogLines, line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.True(watcher.NextDue - DateTimeOffset.UtcNow <= WatchFixture.Fast.FeedInterval);
    }

    [Fact]
    public async Task Slow_and_malformed_feeds_fail_on_one_line_and_store_nothing()
    {
        Server.Serve("/slow", new(News.Rss(Server.Base, full: true, News.Ferry), Delay: TimeSpan.FromSeconds(3)));
        Server.Serve("/malformed", new("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Cut", "application/rss+xml"));
        var options = WatchFixture.Fast with { RequestTimeout = TimeSpan.FromMilliseconds(300) };
        using var watcher = _watch.Watcher(options, Server.Url("/slow").ToString(), Server.Url("/malformed").ToString());

        var poll = await watcher.PollOnceAsync();

        Assert.Equal(2, poll.SourcesPolled);
        Assert.Null(poll.Ingest);
        Assert.Equal(0, _watch.Store.CountRaw());
        var lines = _watch.LogLines;
        Assert.Contains(lines, line => line.StartsWith($"error: {Server.Url("/slow")}: no complete answer within 0.3 s; failure 1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"error: {Server.Url("/malformed")}: feed is not a well-formed RSS or Atom feed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_opening_with_a_comment_longer_than_the_sniffed_head_is_read()
    {
        var rss = News.Rss(Server.Base, full: true, News.Ferry);
        var declarationEnd = rss.IndexOf("?>", StringComparison.Ordinal) + 2;
        Server.Serve("/feed", new(rss.Insert(declarationEnd, "<!--" + new string('x', 200_000) + "-->")));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());

        var poll = await watcher.PollOnceAsync();

        Assert.Equal(1, poll.Ingest?.Added);
        Assert.DoesNotContain(_watch.LogLines, line => line.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_with_only_a_summary_has_its_page_fetched_once_with_a_user_agent_naming_Crosscheck()
    {
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, News.Ferry), ETag: "\"v1\""));
        Server.Serve("/news/ferry", new(News.Page(News.Ferry), "text/html; charset=utf-8"));
        Server.Serve("/news/library", new(News.Page(News.Library), "text/html; charset=utf-8"));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());

        await watcher.PollOnceAsync();
        // A new item changes the feed; the item seen before is in it again.
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, News.Ferry, News.Library), ETag: "\"v2\""));
        await WatchFixture.UntilDue(watcher);
        var second = await watcher.PollOnceAsync();

        Assert.Equal(1, second.Ingest?.Added);
        Assert.Equal(1, Server.Count("/news/ferry"));
        Assert.Equal(1, Server.Count("/news/library"));
        Assert.Equal(1, Server.Count("/robots.txt"));
        // The page's full text was stored, not the feed's one-line summary.
        var library = Assert.Single(_watch.Store.AllArticles(), a => a.Url == Server.Url("/news/library").ToString());
        Assert.Contains("reading room had been full", library.Body);
        Assert.Equal(News.Library.Title, library.Title);
        Assert.All(Server.Requests, request => Assert.StartsWith("Crosscheck/", request.UserAgent));

        // A watch started again remembers what it fetched.
        using var restarted = _watch.Watcher(sources: Server.Url("/feed").ToString());
        await restarted.PollOnceAsync();
        Assert.Equal(1, Server.Count("/news/ferry"));
        Assert.Equal("\"v2\"", Server.Requests[^1].IfNoneMatch);
    }

    [Fact]
    public async Task A_page_robots_txt_disallows_is_not_fetched_and_the_summary_is_kept()
    {
        Server.Serve("/robots.txt", new("User-agent: *\nDisallow: /news/ferry\n", "text/plain"));
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, News.Ferry, News.Library)));
        Server.Serve("/news/ferry", new(News.Page(News.Ferry), "text/html"));
        Server.Serve("/news/library", new(News.Page(News.Library), "text/html"));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());

        var poll = await watcher.PollOnceAsync();

        Assert.Equal(2, poll.Ingest?.Added);
        Assert.Equal(0, Server.Count("/news/ferry"));
        Assert.Equal(1, Server.Count("/news/library"));
        Assert.Contains(_watch.LogLines, line => line.StartsWith($"{Server.Url("/news/ferry")}: robots.txt disallows", StringComparison.Ordinal));
        var ferry = Assert.Single(_watch.Store.AllArticles(), a => a.Url == Server.Url("/news/ferry").ToString());
        Assert.DoesNotContain("early boat", ferry.Body);
    }

    [Fact]
    public async Task A_page_served_as_html_that_is_binary_is_not_stored_and_the_summary_is_kept()
    {
        // An image behind a text/html header was stored as the item's page, its bytes taken for text.
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, News.Ferry)));
        Server.Serve("/news/ferry", new("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\u0001\0" + new string('\0', 200), "text/html"));
        using var watcher = _watch.Watcher(sources: Server.Url("/feed").ToString());

        var poll = await watcher.PollOnceAsync();

        Assert.Equal(1, poll.Ingest?.Added);
        Assert.Equal(1, Server.Count("/news/ferry"));
        Assert.Contains($"error: {Server.Url("/news/ferry")}: is served as text/html but looks like binary data, not HTML; the feed's summary is kept instead", _watch.LogLines);
        var ferry = Assert.Single(_watch.Store.AllArticles());
        Assert.DoesNotContain("PNG", ferry.Body, StringComparison.Ordinal);
        Assert.Contains("lake ferry", ferry.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_host_delay()
    {
        Server.Serve("/feed", new(News.Rss(Server.Base, full: false, News.Ferry, News.Library)));
        Server.Serve("/news/ferry", new(News.Page(News.Ferry), "text/html"));
        Server.Serve("/news/library", new(News.Page(News.Library), "text/html"));
        using var watcher = _watch.Watcher(WatchFixture.Fast with { HostDelay = TimeSpan.FromMilliseconds(150) }, Server.Url("/feed").ToString());

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await watcher.PollOnceAsync();

        // Feed, robots.txt and two pages: three waits of the host delay at least.
        Assert.Equal(4, Server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(3 * 150), $"four requests took {clock.Elapsed.TotalMilliseconds:0} ms");
    }
}
