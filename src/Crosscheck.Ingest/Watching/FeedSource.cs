using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Inputs.Feeds;

namespace Crosscheck.Ingest.Watching;

/// <summary>
/// An RSS, Atom or JSON feed over HTTP, polled every <see cref="WatchOptions.FeedInterval"/> with a
/// conditional request (an unchanged feed answers 304 and costs nothing more). Items already taken
/// are skipped; an item that carries only a summary has its page fetched instead (when robots.txt
/// allows; else, or when the page cannot be fetched, the summary is kept). A failing feed is tried
/// again after a wait that doubles with each failure in a row, up to <see cref="WatchOptions.MaxBackoff"/>.
/// </summary>
internal sealed class FeedSource(Uri address, PoliteFetcher fetcher, FeedInput feeds, WatchOptions options) : WatchSource(address.ToString())
{
    public override async Task<SourceBatch> PollAsync(WatchState state, TextWriter log, CancellationToken stop)
    {
        var feed = state.Feeds.TryGetValue(Name, out var known) ? known : new FeedState();
        FetchResult answer;
        IReadOnlyList<FeedEntry> entries;
        try
        {
            answer = await fetcher.GetAsync(address, options.Limits.MaxFileBytes, stop, feed.ETag, feed.LastModified);
            entries = answer.NotModified ? [] : Read(answer);
        }
        catch (FetchException ex)
        {
            var failures = feed.Failures + 1;
            var wait = Backoff(failures);
            NextDue = DateTimeOffset.UtcNow + wait;
            log.WriteLine($"error: {Name}: {ex.Message}; failure {failures} in a row, next try in {Describe(wait)}");
            // Remembered at once: a failure stores nothing, so there is nothing to wait for.
            feed.Failures = failures;
            state.Feeds[Name] = feed;
            return SourceBatch.Nothing;
        }
        NextDue = DateTimeOffset.UtcNow + options.FeedInterval;
        if (answer.NotModified)
        {
            log.WriteLine($"{Name}: not modified");
            return new SourceBatch([], remembered => Succeeded(remembered, answer));
        }
        var seen = state.Seen.ToHashSet(StringComparer.Ordinal);
        var wanted = new List<(InputItem Item, FeedArticle? Article, Uri? Page, string? Key)>();
        var takenNow = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Article is not { } article || entry.Item is not RawItem { Raw: var raw })
            {
                wanted.Add((entry.Item, null, null, null));
                continue;
            }
            var page = article.SummaryOnly && Uri.TryCreate(article.Url, UriKind.Absolute, out var link) && link.Scheme is "http" or "https" ? link : null;
            var key = page is null ? raw.Id : "page:" + page;
            if (seen.Contains(key) || !takenNow.Add(key)) continue;
            wanted.Add((entry.Item, article, page, key));
        }
        log.WriteLine($"{Name}: {entries.Count(e => e.Article is not null)} item(s), {takenNow.Count} new");
        var taken = new List<string>();
        var complete = false;
        return new SourceBatch(Taken(), remembered =>
        {
            // A stop that left pages unfetched keeps the validators of the answer before: the next poll reads the feed again
            // (not a 304) and fetches what was left; the items taken are remembered either way.
            if (complete) Succeeded(remembered, answer);
            else Answered(remembered);
            remembered.Seen.AddRange(taken);
            if (remembered.Seen.Count > options.MaxRemembered) remembered.Seen.RemoveRange(0, remembered.Seen.Count - options.MaxRemembered);
        });

        // Each summary-only item's page is fetched as the ingest takes the item, so a poll holds about a batch of pages, not
        // every page of the feed (10,000 items linking to pages of up to 8 MB each). A stop ends the fetching between pages
        // (or cuts one short): the items not reached are not remembered, and are taken at the next poll.
        IEnumerable<InputItem> Taken()
        {
            var stopped = false;
            var left = 0;
            foreach (var (item, article, page, key) in wanted)
            {
                if (page is null)
                {
                    if (key is not null) taken.Add(key);
                    yield return item;
                    continue;
                }
                if (stopped || stop.IsCancellationRequested)
                {
                    stopped = true;
                    left++;
                    continue;
                }
                InputItem fetched;
                try
                {
                    // The ingest reads its inputs synchronously; the fetch runs on the thread pool, away from any context.
                    fetched = Task.Run(() => PageOrSummary(page, article!, item, log, stop), stop).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    stopped = true;
                    left++;
                    continue;
                }
                taken.Add(key!);
                yield return fetched;
            }
            if (stopped) log.WriteLine($"{Name}: stopped before every page was fetched; the {left} item(s) left are taken at the next poll");
            complete = !stopped;
        }
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: the interval, doubled per failure, at most the cap.</summary>
    public TimeSpan Backoff(int failures)
    {
        var factor = Math.Pow(2, Math.Min(failures, 30));
        return TimeSpan.FromTicks((long)Math.Min(options.FeedInterval.Ticks * factor, options.MaxBackoff.Ticks));
    }

    private IReadOnlyList<FeedEntry> Read(FetchResult answer)
    {
        var format = ContentSniffer.SniffContainer(answer.Body.AsSpan(0, Math.Min(answer.Body.Length, options.Limits.SniffBytes)), out var endsInXmlProlog);
        // A comment or doctype longer than the head: the answer is in hand and bounded, so look at all of it.
        if (format is null && endsInXmlProlog) format = ContentSniffer.SniffContainer(answer.Body);
        if (format is not (ContainerFormat.Feed or ContainerFormat.JsonFeed))
            throw new FetchException($"answer is not an RSS, Atom or JSON feed ({answer.MediaType ?? "no content type"})");
        var entries = feeds.Entries(Name, answer.Body, format == ContainerFormat.JsonFeed, IngestHints.None);
        if (entries is [{ Item: BadInput { Problem: FeedInput.NoItems } }]) return [];
        // A problem with the whole feed (malformed XML, not a feed) is a failure of this poll.
        if (entries.Count > 0 && entries.All(e => e.Article is null) && entries[0].Item is BadInput { Source: var source, Problem: var problem } && source == Name)
            throw new FetchException($"feed {problem}");
        return entries;
    }

    private async Task<InputItem> PageOrSummary(Uri page, FeedArticle article, InputItem summary, TextWriter log, CancellationToken stop)
    {
        if (!await fetcher.AllowedAsync(page, stop))
        {
            log.WriteLine($"{page}: robots.txt disallows fetching it; the feed's summary is kept instead");
            return summary;
        }
        try
        {
            var answer = await fetcher.GetAsync(page, options.Limits.MaxRecordBytes, stop);
            if (answer.MediaType is not ("text/html" or "application/xhtml+xml"))
            {
                log.WriteLine($"{page}: is {answer.MediaType ?? "of no content type"}, not an HTML page; the feed's summary is kept instead");
                return summary;
            }
            if (ContentSniffer.LooksBinaryBody(answer.Body, answer.Charset, options.Limits.SniffBytes))
            {
                log.WriteLine($"error: {page}: is served as {answer.MediaType} but looks like binary data, not HTML; the feed's summary is kept instead");
                return summary;
            }
            var hints = new IngestHints { Url = answer.Address.ToString(), Title = article.Title, Published = article.PublishedDate, Charset = answer.Charset, Fetched = DateTimeOffset.UtcNow };
            return new RawItem(new RawInput { Id = ContentHash.Of(answer.Body), Source = page.ToString(), Kind = RawKind.Html, Content = answer.Body, Hints = hints });
        }
        catch (FetchException ex)
        {
            log.WriteLine($"error: {page}: {ex.Message}; the feed's summary is kept instead");
            return summary;
        }
    }

    private void Succeeded(WatchState state, FetchResult answer)
    {
        var feed = Answered(state);
        feed.ETag = answer.ETag;
        feed.LastModified = answer.LastModified;
    }

    /// <summary>The feed answered: its failures in a row are over (its validators are left as they were).</summary>
    private FeedState Answered(WatchState state)
    {
        var feed = state.Feeds.TryGetValue(Name, out var known) ? known : new FeedState();
        feed.Failures = 0;
        state.Feeds[Name] = feed;
        return feed;
    }

    private static string Describe(TimeSpan wait) =>
        wait.TotalSeconds < 1 ? $"{wait.TotalMilliseconds:0} ms" : wait.TotalMinutes < 2 ? $"{wait.TotalSeconds:0} s" : wait.TotalHours < 2 ? $"{wait.TotalMinutes:0} min" : $"{wait.TotalHours:0.#} h";
}
