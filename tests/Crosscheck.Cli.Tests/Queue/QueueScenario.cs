using System.Diagnostics;
using Crosscheck.Queue;
using Crosscheck.Queue.Tests.Support;
using Crosscheck.Storage;
using Crosscheck.Storage.Postgres;
using Crosscheck.Storage.Postgres.Tests;
using Xunit;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>
/// One queue run against the test servers: a corpus in a temporary folder, a PostgreSQL schema and
/// a JetStream stream of its own, the real `crosscheck` program to queue the corpus and to run
/// workers, and the checks that say when the workers are done. Everything is removed afterwards.
/// </summary>
public sealed class QueueScenario : IAsyncDisposable
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();
    private readonly string _singleSchema = PostgresTestServer.NewSchemaName();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crosscheck-queue-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<WorkerProcess> _workers = [];
    private WorkQueue? _queue;

    public QueueScenario(int articles)
    {
        Corpus = TestCorpus.Write(Path.Combine(_folder, "input"), articles);
        Store = PostgresStore.Open(Database);
        Target = QueueTarget.Parse(NatsTestServer.Url!, Stream);
    }

    public TestCorpus.Corpus Corpus { get; }

    public string Stream { get; } = NatsTestServer.NewStreamName();

    public string Database => PostgresTestServer.InSchema(_schema);

    public IStore Store { get; }

    public QueueTarget Target { get; }

    /// <summary>Raw inputs stored by the ingest: the number of articles the workers must end up with.</summary>
    public int Expected { get; private set; }

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    /// <summary>Stores the corpus and queues it, as `crosscheck ingest --queue` does.</summary>
    public void Enqueue()
    {
        var result = CliRunner.Run(_folder, "ingest", Corpus.Directory, "--db", Database, "--queue", NatsTestServer.Url!, "--stream", Stream);
        Assert.True(result.ExitCode == 0, $"ingest --queue failed ({result.ExitCode}):\n{result.Out}\n{result.Err}");
        Expected = Store.CountRaw();
        Assert.True(Expected >= Corpus.Count * 9 / 10, $"only {Expected} of {Corpus.Count} inputs were stored:\n{result.Out}\n{result.Err}");
        Assert.Contains($"{Expected} queued", result.Out, StringComparison.Ordinal);
    }

    /// <summary>Stores the corpus and hands each raw input to <paramref name="publish"/>, in this process.</summary>
    public void Enqueue(Action<Crosscheck.Core.Model.RawInput> publish)
    {
        var report = Crosscheck.Hosting.Engine.Ingest(Store).Enqueue([Corpus.Directory], new Crosscheck.Core.Model.IngestHints(), publish);
        Expected = Store.CountRaw();
        Assert.Equal(Expected, report.Queued);
    }

    /// <summary>Starts a worker process; a short acknowledgement wait so a dead worker's articles come back within seconds.</summary>
    public WorkerProcess StartWorker(int threads = 1, int batch = 8, params string[] options)
    {
        var worker = WorkerProcess.Start([
            "--queue", NatsTestServer.Url!, "--stream", Stream, "--db", Database,
            "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ack-wait", "3", .. options]);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Waits until at least <paramref name="articles"/> articles are stored.</summary>
    public void WaitForArticles(int articles, TimeSpan timeout) =>
        WaitUntil(() => Store.CountArticles() >= articles, timeout, $"{articles} articles stored");

    /// <summary>Waits until every queued article is stored, the stories cover them all, and the queue holds nothing.</summary>
    public async Task WaitUntilDoneAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (Store.CountArticles() == Expected && Store.StoriesAssignedFrom() == Expected && await BacklogAsync() == (0, 0)) return;
            if (clock.Elapsed > timeout)
                Assert.Fail($"not done after {timeout.TotalSeconds} s: {Store.CountArticles()} of {Expected} articles, stories from {Store.StoriesAssignedFrom()}, backlog {await BacklogAsync()}\n{WorkerOutput()}");
            await Task.Delay(250);
        }
    }

    public async Task<(ulong Waiting, long Unacknowledged)> BacklogAsync()
    {
        try
        {
            _queue ??= await WorkQueue.OpenAsync(Target, "crosscheck-tests");
            return await _queue.BacklogAsync();
        }
        catch (Exception e) when (e is QueueException or NATS.Client.Core.NatsException or TimeoutException)
        {
            // The server may be restarting: not done yet.
            return (ulong.MaxValue, long.MaxValue);
        }
    }

    /// <summary>Stops every worker with SIGTERM and checks each exits cleanly.</summary>
    public void StopWorkers()
    {
        foreach (var worker in _workers.Where(w => !w.HasExited))
            Assert.True(worker.Stop(TimeSpan.FromSeconds(60)) == 0, $"worker {worker.Id} did not exit cleanly:\n{worker.Output}");
    }

    public string WorkerOutput() => string.Join("\n", _workers.Select(w => $"--- worker {w.Id}:\n{w.Output}"));

    /// <summary>The same corpus through one `crosscheck ingest` without a queue, into a schema of its own.</summary>
    public IStore SingleProcessRun()
    {
        var database = PostgresTestServer.InSchema(_singleSchema);
        var result = CliRunner.Run(_folder, "ingest", Corpus.Directory, "--db", database);
        Assert.True(result.ExitCode == 0, $"single-process ingest failed ({result.ExitCode}):\n{result.Out}\n{result.Err}");
        return PostgresStore.Open(database);
    }

    /// <summary>Stories as comparable text: id, title and articles in order, one line per story.</summary>
    public static List<string> Describe(IStore store) =>
        [.. store.GetStories().Select(s => $"{s.Id} | {s.Title} | {string.Join(",", s.ArticleIds)}").Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers) worker.Dispose();
        if (_queue is not null) await _queue.DisposeAsync();
        Store.Dispose();
        await NatsTestServer.DeleteStreamAsync(Stream);
        PostgresTestServer.DropSchema(_schema);
        PostgresTestServer.DropSchema(_singleSchema);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"waited {timeout.TotalSeconds} s for {what}");
            Thread.Sleep(100);
        }
    }
}
