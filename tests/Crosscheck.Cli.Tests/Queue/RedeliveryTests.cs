using Crosscheck.Core.Model;
using Crosscheck.Queue;
using Crosscheck.Queue.Tests.Support;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;
using Xunit;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>At-least-once delivery: whatever arrives twice, or comes back after a worker died, is stored once.</summary>
[Collection(ServersCollection.Name)]
public sealed class RedeliveryTests
{
    private static readonly WorkerOptions FastRedelivery = new() { AckWait = TimeSpan.FromSeconds(2), BatchSize = 8, Threads = 2 };

    [ServersFact]
    public async Task Repeated_and_redelivered_messages_never_duplicate_articles_or_stories()
    {
        await using var run = new QueueScenario(24);
        await using var connection = new NatsConnection(new NatsOpts { Url = NatsTestServer.Url! });
        var jetStream = connection.CreateJetStreamContext();
        await using var queue = await WorkQueue.OpenAsync(run.Target, "redelivery-test");

        // Every article published twice, without a message id, so JetStream's own de-duplication cannot help.
        var published = new List<RawInput>();
        run.Enqueue(raw =>
        {
            published.Add(raw);
            for (var copy = 0; copy < 2; copy++)
                jetStream.PublishAsync(run.Target.Subject, raw.Id).AsTask().GetAwaiter().GetResult().EnsureSuccess();
        });
        var n = run.Expected;
        Assert.Equal(n, published.Count);

        // A worker that pulled six messages and died before acknowledging them: they come back after the wait.
        var consumer = await queue.ConsumerAsync(FastRedelivery.AckWait);
        var taken = 0;
        await foreach (var _ in consumer.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = 6, Expires = TimeSpan.FromSeconds(2) })) taken++;
        Assert.Equal(6, taken);

        // A worker that stored three articles and died before acknowledging them.
        foreach (var raw in published.Take(3)) run.Store.SaveDocument(Engine.Processor.Process(raw));

        var worker = await RunWorkerUntilDoneAsync(run, queue);

        Assert.Equal(n, run.Store.CountArticles());
        Assert.Equal(n - 3, worker.Counts.Processed);
        // Each of the n second copies and both copies of the three stored articles were found stored
        // (more only if a slow batch outlived the acknowledgement wait: still no second processing).
        Assert.True(worker.Counts.AlreadyStored >= n + 3, $"{worker.Counts.AlreadyStored} messages found their article stored; expected at least {n + 3}");
        Assert.Equal(0, worker.Counts.Retried);
        Assert.Equal(0, worker.Counts.Dropped);
        var inStories = run.Store.GetStories().SelectMany(s => s.ArticleIds).ToList();
        Assert.Equal(inStories.Count, inStories.Distinct(StringComparer.Ordinal).Count());
        var stories = QueueScenario.Describe(run.Store);

        // Everything delivered again later (the duplicate window long past, say): nothing changes.
        foreach (var raw in published)
            (await jetStream.PublishAsync(run.Target.Subject, raw.Id)).EnsureSuccess();
        var again = await RunWorkerUntilDoneAsync(run, queue);

        Assert.Equal(0, again.Counts.Processed);
        Assert.Equal(n, again.Counts.AlreadyStored);
        Assert.Equal(0, again.Counts.Assignments);
        Assert.Equal(n, run.Store.CountArticles());
        Assert.Equal(stories, QueueScenario.Describe(run.Store));
    }

    [ServersFact]
    public async Task A_message_naming_no_stored_input_is_dropped_with_an_error_and_the_rest_are_processed()
    {
        await using var run = new QueueScenario(5);
        await using var queue = await WorkQueue.OpenAsync(run.Target, "redelivery-test");
        run.Enqueue(raw => queue.PublishAsync(raw).GetAwaiter().GetResult());
        await queue.PublishAsync(new RawInput { Id = new string('f', 64), Source = "elsewhere", Kind = RawKind.Text, Content = [] });

        var log = new StringWriter();
        var worker = await RunWorkerUntilDoneAsync(run, queue, log);

        Assert.Equal(1, worker.Counts.Dropped);
        Assert.Equal(run.Expected, worker.Counts.Processed);
        Assert.Contains("is not a raw input of", log.ToString(), StringComparison.Ordinal);
    }

    private static async Task<QueueWorker> RunWorkerUntilDoneAsync(QueueScenario run, WorkQueue queue, TextWriter? log = null)
    {
        // A store of its own, as a worker process has: a store is used from one thread at a time.
        using var store = Crosscheck.Storage.Postgres.PostgresStore.Open(run.Database);
        var worker = new QueueWorker(queue, store, Engine.Processor, Engine.Ingest(store), FastRedelivery, log ?? TextWriter.Null);
        using var stop = new CancellationTokenSource();
        var working = Task.Run(() => worker.RunAsync(stop.Token));
        try
        {
            await run.WaitUntilDoneAsync(TimeSpan.FromMinutes(3));
        }
        finally
        {
            await stop.CancelAsync();
            await working;
        }
        return worker;
    }
}
