using Crosscheck.Ingest.Watching;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Ingest.Tests.Watching;

/// <summary>Watched directories (files taken once complete, never twice) and WARC files appended to (only new records read).</summary>
public sealed class FileWatchTests : IDisposable
{
    private readonly WatchFixture _watch = new();

    public void Dispose() => _watch.Dispose();

    [Fact]
    public async Task A_file_dropped_in_a_watched_directory_is_ingested_once_it_stops_changing_and_never_twice()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_watch.Directory, "inbox")).FullName;
        using var watcher = _watch.Watcher(sources: inbox);
        Assert.Null((await watcher.PollOnceAsync()).Ingest);

        var path = Path.Combine(inbox, "ferry.html");
        await File.WriteAllTextAsync(path, News.Page(News.Ferry)[..60]);
        // Seen once: it may still be being written.
        Assert.Null((await watcher.PollOnceAsync()).Ingest);
        await File.AppendAllTextAsync(path, News.Page(News.Ferry)[60..]);
        // Changed since: still not taken.
        Assert.Null((await watcher.PollOnceAsync()).Ingest);

        var taken = await watcher.PollOnceAsync();

        Assert.Equal(1, taken.Ingest?.Added);
        var article = Assert.Single(_watch.Store.AllArticles());
        Assert.Contains("early boat", article.Body);
        Assert.Contains(_watch.Store.GetStories(), story => story.ArticleIds.Contains(article.Id));
        Assert.Null((await watcher.PollOnceAsync()).Ingest);
        using (var restarted = _watch.Watcher(sources: inbox))
        {
            Assert.Null((await restarted.PollOnceAsync()).Ingest);
            Assert.Null((await restarted.PollOnceAsync()).Ingest);
        }

        // A file removed after it was taken is forgotten, so the state does not grow with every file ever dropped.
        File.Delete(path);
        await watcher.PollOnceAsync();
        Assert.DoesNotContain(path, await File.ReadAllTextAsync(_watch.StatePath));
    }

    [Fact]
    public async Task A_WARC_file_appended_to_yields_only_the_new_records()
    {
        var path = Path.Combine(_watch.Directory, "crawl.warc");
        var first = new WarcBuilder().Info()
            .Response("https://lakeside-herald.example/news/ferry", News.Page(News.Ferry))
            .Response("https://lakeside-herald.example/news/library", News.Page(News.Library));
        await File.WriteAllBytesAsync(path, first.Plain());
        using var watcher = _watch.Watcher(sources: path);

        var poll = await watcher.PollOnceAsync();
        Assert.Equal(2, poll.Ingest?.Added);

        // A crawler appends a record and is half-way through writing the next.
        var appended = new WarcBuilder().Request("https://lakeside-herald.example/news/orchard")
            .Response("https://lakeside-herald.example/news/orchard", News.Page(News.Orchard)).Plain();
        var half = appended.Length / 2;
        await using (var file = new FileStream(path, FileMode.Append)) await file.WriteAsync(appended.AsMemory(0, half));
        Assert.Null((await watcher.PollOnceAsync()).Ingest);
        Assert.DoesNotContain(_watch.LogLines, line => line.StartsWith("error:", StringComparison.Ordinal));

        await using (var file = new FileStream(path, FileMode.Append)) await file.WriteAsync(appended.AsMemory(half));
        var next = await watcher.PollOnceAsync();

        Assert.Equal(1, next.Ingest?.Added);
        Assert.Equal(0, next.Ingest?.AlreadyStored);
        Assert.Contains(_watch.Store.AllArticles(), a => a.Url == "https://lakeside-herald.example/news/orchard");
        Assert.Null((await watcher.PollOnceAsync()).Ingest);
        using var restarted = _watch.Watcher(sources: path);
        Assert.Null((await restarted.PollOnceAsync()).Ingest);
    }

    [Fact]
    public void A_source_that_is_neither_a_directory_a_WARC_file_nor_a_feed_URL_is_refused_with_its_name()
    {
        var text = Path.Combine(_watch.Directory, "notes.txt");
        File.WriteAllText(text, "not an archive");

        var notWarc = Assert.Throws<WatchException>(() => _watch.Watcher(sources: text));
        var missing = Assert.Throws<WatchException>(() => _watch.Watcher(sources: Path.Combine(_watch.Directory, "missing")));

        Assert.StartsWith($"{text}: is not a WARC file", notWarc.Message);
        Assert.Contains("no such directory or file", missing.Message);
    }
}
