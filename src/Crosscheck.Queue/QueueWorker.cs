using System.Diagnostics;
using Crosscheck.Core.Model;
using Crosscheck.Core.Telemetry;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;
using NATS.Client.JetStream;

namespace Crosscheck.Queue;

/// <summary>
/// One worker: pulls queued raw-input ids, extracts and annotates the articles, writes each batch
/// in one transaction and acknowledges its messages only after that commit, so a worker killed at
/// any point loses nothing (unacknowledged messages are redelivered) and duplicates nothing (an
/// article already stored is acknowledged without work; writes replace by content hash).
/// Stories are assigned when the queue runs dry and the store holds articles the stories do not
/// cover (<see cref="IngestService.AssignStoriesIfStale"/>, exclusive across workers), so the
/// last worker to write also brings the stories up to date. A worker whose queue ran dry while other workers still hold
/// articles leaves the placement to the last of them (<see cref="OthersStillWorkingAsync"/>): each placement ends a batch,
/// and stories depend a little on where batches end, which for workers is a matter of timing. Placed in one batch at the
/// end, a run's stories are those of a single-process ingest of the same input, whatever order the workers stored it in. Outages of NATS or the database are
/// ridden out: the worker reports them once, waits, and carries on.
/// </summary>
public sealed class QueueWorker(WorkQueue queue, IStore store, ArticleProcessor processor, IngestService stories, WorkerOptions options, TextWriter log)
{
    private readonly WorkerCounts _counts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReport;
    private int _reportedProcessed;
    private string? _outage;
    private int _lastStored = -1;
    private TimeSpan _lastProgress;

    public WorkerCounts Counts => _counts;

    /// <summary>Works until <paramref name="stop"/> is signalled; the batch in hand is finished and acknowledged first.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        // A worker killed between its last write and the assignment that follows leaves stale
        // stories behind; whoever starts next puts them right (once the others are done).
        await AssignIfStaleAsync(stop);
        while (!stop.IsCancellationRequested)
        {
            List<INatsJSMsg<string>> batch;
            var pulling = Stopwatch.StartNew();
            try
            {
                batch = await PullAsync(stop);
                Recovered("queue");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (WorkQueue.Describe(e, "pulling articles", queue.Target) is { } problem)
            {
                await OutageAsync("queue", problem, stop);
                continue;
            }
            finally
            {
                _counts.Queueing += pulling.Elapsed;
            }
            if (batch.Count > 0) await ProcessAsync(batch);
            // Fewer than a full batch: the queue ran dry for now, so bring the stories up to date.
            if (batch.Count < options.BatchSize) await AssignIfStaleAsync(stop);
            ReportProgress();
        }
    }

    private async Task<List<INatsJSMsg<string>>> PullAsync(CancellationToken stop)
    {
        var consumer = await queue.ConsumerAsync(options.AckWait, stop);
        var batch = new List<INatsJSMsg<string>>(options.BatchSize);
        // A pull that waits for a full batch would sit out its whole expiry on a short queue: take
        // what is there now, and only when nothing is, wait for the next message.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bounded.CancelAfter(options.IdleWait + TimeSpan.FromSeconds(10));
        await foreach (var message in consumer.FetchNoWaitAsync<string>(new NatsJSFetchOpts { MaxMsgs = options.BatchSize }, cancellationToken: bounded.Token))
            batch.Add(message);
        if (batch.Count > 0) return batch;
        var next = await consumer.NextAsync<string>(opts: new NatsJSNextOpts { Expires = options.IdleWait }, cancellationToken: bounded.Token);
        if (next is not { } first) return batch;
        batch.Add(first);
        await foreach (var message in consumer.FetchNoWaitAsync<string>(new NatsJSFetchOpts { MaxMsgs = options.BatchSize - 1 }, cancellationToken: bounded.Token))
            batch.Add(message);
        return batch;
    }

    private async Task ProcessAsync(List<INatsJSMsg<string>> batch)
    {
        var done = new List<INatsJSMsg<string>>(batch.Count);
        var work = new List<(INatsJSMsg<string> Message, RawInput Raw)>(batch.Count);
        var inBatch = new Dictionary<string, List<INatsJSMsg<string>>>(StringComparer.Ordinal);
        var timer = Stopwatch.StartNew();
        try
        {
            foreach (var message in batch)
            {
                var id = message.Data?.Trim() ?? "";
                if (inBatch.TryGetValue(id, out var copies))
                {
                    // The same article twice in one batch (published twice): one piece of work, both acknowledged after it.
                    copies.Add(message);
                    _counts.AlreadyStored++;
                }
                else if (store.HasDocument(id))
                {
                    _counts.AlreadyStored++;
                    done.Add(message);
                }
                else if (store.GetRaw(id) is { } raw)
                {
                    inBatch[id] = [message];
                    work.Add((message, raw));
                }
                else
                {
                    // Published for another store, or the store was replaced: no worker here can ever process it.
                    log.WriteLine($"error: queued article '{Clipped.Start(id, 81)}' is not a raw input of {store.Location}; dropped (ingest and workers must use the same --db and --stream)");
                    _counts.Dropped++;
                    CrosscheckMetrics.ArticlesFailed.Add(1);
                    await Settle(() => message.AckTerminateAsync());
                }
            }
            Recovered("store");
        }
        catch (StoreException e)
        {
            await RetryLaterAsync(batch, e.Message);
            return;
        }

        _counts.Storing += timer.Elapsed;
        // Messages whose article is already stored need no work: acknowledged at once, so they are not
        // redelivered while the rest of the batch is processed.
        timer.Restart();
        await Task.WhenAll(done.Select(message => Settle(() => message.AckAsync())));
        done.Clear();
        _counts.Queueing += timer.Elapsed;
        timer.Restart();
        var documents = await ProcessWithHeartbeatAsync(work, [.. inBatch.Values.SelectMany(copies => copies)]);
        _counts.Processing += timer.Elapsed;
        timer.Restart();
        var failed = work.Where((_, i) => documents[i] is null).SelectMany(w => inBatch[w.Raw.Id]).ToList();
        var stored = work.Where((_, i) => documents[i] is not null).ToList();
        try
        {
            if (stored.Count > 0)
            {
                store.RunInTransaction(() =>
                {
                    foreach (var document in documents) if (document is not null) store.SaveDocument(document);
                });
            }
            Recovered("store");
        }
        catch (StoreException e)
        {
            await RetryLaterAsync([.. inBatch.Values.SelectMany(copies => copies)], e.Message);
            return;
        }
        _counts.Storing += timer.Elapsed;
        _counts.Processed += stored.Count;
        CrosscheckMetrics.ArticlesIngested.Add(stored.Count);
        CrosscheckMetrics.ArticlesFailed.Add(failed.Count);
        done.AddRange(stored.SelectMany(w => inBatch[w.Raw.Id]));
        // Acknowledged only now that the write has committed. A lost acknowledgement only means a
        // redelivery, which finds the article stored.
        timer.Restart();
        await Task.WhenAll(done.Select(message => Settle(() => message.AckAsync())));
        _counts.Queueing += timer.Elapsed;
        if (failed.Count > 0)
        {
            _counts.Retried += failed.Count;
            await Task.WhenAll(failed.Select(message => Settle(() => message.NakAsync(delay: options.RetryDelay))));
        }
    }

    /// <summary>Extracts and annotates in parallel; null for an article whose processing threw (it is retried later).</summary>
    private async Task<Document?[]> ProcessWithHeartbeatAsync(List<(INatsJSMsg<string> Message, RawInput Raw)> work, List<INatsJSMsg<string>> pending)
    {
        if (work.Count == 0) return [];
        using var finished = new CancellationTokenSource();
        // A long batch tells JetStream it is still being worked on, so it is not handed to another worker meanwhile.
        var heartbeat = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await Task.Delay(options.AckWait / 3, finished.Token);
                    await Task.WhenAll(pending.Select(message => Settle(() => message.AckProgressAsync(cancellationToken: finished.Token))));
                }
            }
            catch (OperationCanceledException)
            {
                // The batch is done.
            }
        });
        try
        {
            return await Task.Run(() => work
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(Math.Max(1, options.Threads))
                .Select(w => TryProcess(w.Raw))
                .ToArray());
        }
        finally
        {
            await finished.CancelAsync();
            await heartbeat;
        }
    }

    private Document? TryProcess(RawInput raw)
    {
        try
        {
            return processor.Process(raw);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            lock (log) log.WriteLine($"error: {raw.Source}: processing failed ({e.GetType().Name}: {Crosscheck.Storage.StoreCommon.OneLine(e.Message)}); it will be retried");
            return null;
        }
    }

    /// <summary>Assigns stories when articles wait for them, unless another worker still holds articles and will place them all when it is done.</summary>
    private async Task AssignIfStaleAsync(CancellationToken stop)
    {
        try
        {
            var timer = Stopwatch.StartNew();
            var stored = store.CountArticles();
            var assignedFrom = store.StoriesAssignedFrom();
            // Tested on the counts just read: a dry poll with nothing to place costs these two look-ups,
            // not two more inside AssignStoriesIfStale.
            if (!IngestService.StoriesAreStale(assignedFrom, stored))
            {
                _counts.Storing += timer.Elapsed;
                Recovered("store");
                return;
            }
            var waiting = stored - (assignedFrom ?? 0);
            if (stored != _lastStored)
            {
                _lastStored = stored;
                _lastProgress = _clock.Elapsed;
            }
            var stalled = _clock.Elapsed - _lastProgress >= options.PlaceAfterStall;
            _counts.Storing += timer.Elapsed;
            if (waiting > 0 && waiting < options.PlaceAtMost && !stalled)
            {
                // Asking the queue for its backlog is queue time, not store time.
                timer.Restart();
                var othersWorking = await OthersStillWorkingAsync(stop);
                _counts.Queueing += timer.Elapsed;
                if (othersWorking) return;
            }
            timer.Restart();
            if (stories.AssignStoriesIfStale())
            {
                _counts.Assignments++;
                log.WriteLine($"assigned stories: {store.GetStories().Count} stories from {store.CountArticles()} article(s) in {timer.Elapsed.TotalSeconds:F1} s");
            }
            _counts.Storing += timer.Elapsed;
            Recovered("store");
        }
        catch (StoreException e)
        {
            // Retried on the next dry queue; the articles are safe in the store meanwhile.
            Outage("store", e.Message);
        }
    }

    /// <summary>
    /// Whether articles are still waiting in the queue or in another worker's hands (this worker has acknowledged its own).
    /// When the queue cannot say, no: placing now is what a worker did before it asked.
    /// </summary>
    private async Task<bool> OthersStillWorkingAsync(CancellationToken stop)
    {
        try
        {
            var (waiting, unacknowledged) = await queue.BacklogAsync(stop);
            return waiting > 0 || unacknowledged > 0;
        }
        catch (Exception e) when (e is QueueException or NATS.Client.Core.NatsException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RetryLaterAsync(List<INatsJSMsg<string>> messages, string problem)
    {
        Outage("store", problem);
        _counts.Retried += messages.Count;
        await Task.WhenAll(messages.Select(message => Settle(() => message.NakAsync(delay: options.RetryDelay))));
        await Task.Delay(options.RetryDelay);
    }

    private async Task OutageAsync(string what, string problem, CancellationToken stop)
    {
        Outage(what, problem);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends.
        }
    }

    /// <summary>Reports an outage once, not on every retry.</summary>
    private void Outage(string what, string problem)
    {
        if (_outage == what + problem) return;
        _outage = what + problem;
        log.WriteLine($"warning: {problem} Retrying.");
    }

    private void Recovered(string what)
    {
        if (_outage is null || !_outage.StartsWith(what, StringComparison.Ordinal)) return;
        _outage = null;
        log.WriteLine($"{what} reachable again; carrying on");
    }

    /// <summary>Acknowledgement traffic may fail while NATS is down; JetStream then redelivers, which is safe.</summary>
    private static async Task Settle(Func<ValueTask> send)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (e is NATS.Client.Core.NatsException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            // Redelivery covers it.
        }
    }

    private void ReportProgress()
    {
        var now = _clock.Elapsed;
        if (now - _lastReport < options.ReportEvery || _counts.Processed == _reportedProcessed) return;
        var rate = (_counts.Processed - _reportedProcessed) / Math.Max(0.001, (now - _lastReport).TotalSeconds);
        _lastReport = now;
        _reportedProcessed = _counts.Processed;
        log.WriteLine($"processed {_counts.Processed} article(s) ({rate:F1}/s lately), {_counts.AlreadyStored} already stored, {_counts.Retried} retried, {_counts.Dropped} dropped");
    }

}
