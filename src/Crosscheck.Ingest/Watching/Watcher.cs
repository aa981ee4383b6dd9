using Crosscheck.Core.Text;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Inputs.Feeds;
using Crosscheck.Ingest.Inputs.Warc;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;

namespace Crosscheck.Ingest.Watching;

/// <summary>What one poll did: the sources looked at and the ingest of what they gave (null when they gave nothing).</summary>
public sealed record WatchPoll(int SourcesPolled, IngestReport? Ingest);

/// <summary>
/// Keeps a store current from sources that grow: directories where files are dropped, feeds over
/// HTTP and WARC files a crawler appends to. Each poll looks at the sources that are due, ingests
/// what they gave as one batch through the normal <see cref="IngestService.Ingest(IEnumerable{InputItem}, IProgress{IngestProgress}?, CancellationToken)"/>
/// (so stories are assigned as for any ingest), and only then remembers it in the
/// <see cref="WatchState"/> file: a watch killed mid-batch reads the batch again, and what was
/// stored already adds nothing. Progress and problems are written to the log, one line each.
/// </summary>
public sealed class Watcher : IDisposable
{
    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(10);

    private readonly IngestService _ingest;
    private readonly WatchOptions _options;
    private readonly WatchState _state;
    private readonly string? _statePath;
    private readonly TextWriter _log;
    private readonly PoliteFetcher _fetcher;
    private readonly List<WatchSource> _sources = [];
    private readonly IProgress<IngestProgress>? _progress;

    /// <param name="ingest">The ingest every batch goes through (and whose reader reads dropped files).</param>
    /// <param name="sources">Directories, feed URLs (http:// or https://) and uncompressed WARC files.</param>
    /// <param name="options">Intervals, politeness and limits.</param>
    /// <param name="statePath">Where the state is kept between runs; null keeps it in memory only.</param>
    /// <param name="log">Progress and problems, one line each.</param>
    /// <param name="progress">Each batch's ingest progress, as <c>crosscheck ingest</c> reports it (none when null).</param>
    public Watcher(IngestService ingest, IEnumerable<string> sources, WatchOptions options, string? statePath, TextWriter log,
        IProgress<IngestProgress>? progress = null)
    {
        _progress = progress;
        _ingest = ingest;
        _options = options;
        _statePath = statePath;
        _log = log;
        _state = statePath is null ? new WatchState() : WatchState.Load(statePath);
        _fetcher = new PoliteFetcher(options);
        var feeds = new FeedInput(options.Limits);
        var warcs = new WarcReader(options.Limits);
        foreach (var source in sources) _sources.Add(Source(source, feeds, warcs));
        if (_sources.Count == 0) throw new WatchException("nothing to watch: name directories, feed URLs or WARC files");
    }

    /// <summary>When the next source is due.</summary>
    public DateTimeOffset NextDue => _sources.Min(s => s.NextDue);

    private WatchSource Source(string source, FeedInput feeds, WarcReader warcs)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
            return new FeedSource(address, _fetcher, feeds, _options);
        if (Directory.Exists(source)) return new DirectorySource(Path.GetFullPath(source), _ingest.Reader, _options);
        if (File.Exists(source))
        {
            var head = new byte[16];
            int read;
            using (var file = File.OpenRead(source)) read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (ContentSniffer.IsGzip(head.AsSpan(0, read)))
                throw new WatchException($"{source}: a gzipped WARC cannot be followed while it grows; watch the directory it is written to, and it is taken once complete");
            // An empty file is a WARC file that has not been written to yet.
            if (read > 0 && ContentSniffer.SniffContainer(head.AsSpan(0, read)) != ContainerFormat.Warc)
                throw new WatchException($"{source}: is not a WARC file; watch the directory it is in to take files dropped there");
            return new WarcFileSource(Path.GetFullPath(source), warcs, _options);
        }
        throw new WatchException($"{source}: no such directory or file, and not an http:// or https:// feed URL");
    }

    /// <summary>Looks at every source that is due and ingests what they gave as one batch.</summary>
    public async Task<WatchPoll> PollOnceAsync(CancellationToken stop = default)
    {
        var batches = new List<SourceBatch>();
        var polled = 0;
        foreach (var source in _sources.Where(s => s.NextDue <= DateTimeOffset.UtcNow).ToList())
        {
            // Stopping ends the looking; what was gathered so far is still ingested below.
            if (stop.IsCancellationRequested) break;
            polled++;
            try
            {
                batches.Add(await source.PollAsync(_state, _log, stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _log.WriteLine(OneLine.Of($"error: {source.Name}: {ex.Message}"));
            }
        }
        // The sources' items are read as the ingest takes them, a batch of bytes at a time (files and WARC records are not
        // all held first); the first is looked at here only to tell an empty poll, which ingests nothing.
        var read = 0;
        using var items = batches.SelectMany(b => b.Items).GetEnumerator();
        IngestReport? report = null;
        if (items.MoveNext())
        {
            try
            {
                // Not cancelled by a stop: the batch in hand is finished first.
                report = _ingest.Ingest(FromCurrent(), _progress);
            }
            catch (StoreException ex)
            {
                // Nothing is remembered, so the batch is read again at the next poll (what was stored adds nothing then).
                _log.WriteLine($"error: the batch of {read} input(s) read so far could not be stored ({ex.Message}); it is read again at the next poll");
                return new WatchPoll(polled, null);
            }
            Report(report);
        }
        foreach (var batch in batches) batch.Remember(_state);
        if (polled > 0) Save();
        return new WatchPoll(polled, report);

        // The enumerator's current item and the ones after it, each counted in `read` as the ingest takes it.
        IEnumerable<InputItem> FromCurrent()
        {
            do
            {
                read++;
                yield return items.Current;
            }
            while (items.MoveNext());
        }
    }

    /// <summary>Polls until <paramref name="stop"/> fires, waiting between polls until a source is due; the batch in hand is finished first.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await PollOnceAsync(stop);
            // A pause however short, so a zero interval polls often rather than spinning.
            var wait = NextDue - DateTimeOffset.UtcNow;
            if (wait < MinimumPause) wait = MinimumPause;
            try
            {
                await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void Report(IngestReport report)
    {
        foreach (var error in report.Errors) _log.WriteLine(OneLine.Of($"error: {error.Source}: {error.Problem}"));
        foreach (var empty in report.EmptyArticles) _log.WriteLine(OneLine.Of($"warning: {empty}: no article text found"));
        _log.WriteLine($"{report.Added} new article(s), {report.AlreadyStored} already stored, {report.Errors.Count} bad input(s); {report.Stories} stor{(report.Stories == 1 ? "y" : "ies")}");
    }

    private void Save()
    {
        if (_statePath is null) return;
        try
        {
            _state.Save(_statePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The articles are stored; only the memory of them is behind, and the next save catches up.
            _log.WriteLine($"error: {_statePath}: the watch state cannot be written ({ex.Message}); what was ingested is stored, and may be read again");
        }
    }

    public void Dispose() => _fetcher.Dispose();
}
