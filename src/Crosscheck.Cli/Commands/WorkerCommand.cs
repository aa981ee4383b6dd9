using System.CommandLine;
using Crosscheck.Queue;

namespace Crosscheck.Cli.Commands;

public static class WorkerCommand
{
    public static Command Create()
    {
        var queue = CommonOptions.Queue("Required.");
        var db = CommonOptions.Database();
        var stream = CommonOptions.Stream();
        var defaults = new WorkerOptions();
        var batch = new Option<int>("--batch")
        {
            Description = "Articles pulled, processed and written together.",
            DefaultValueFactory = _ => defaults.BatchSize,
            HelpName = "N",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Articles processed at once; by default as many as this machine has cores.",
            DefaultValueFactory = _ => defaults.Threads,
            HelpName = "N",
        };
        var ackWait = new Option<int>("--ack-wait")
        {
            Description = "Seconds before an unacknowledged article goes to another worker, e.g. after this one died.",
            DefaultValueFactory = _ => (int)defaults.AckWait.TotalSeconds,
            HelpName = "SECONDS",
        };
        var metricsPort = CommonOptions.MetricsPort();
        var command = new Command("worker", """
            Process queued articles: pull them from the NATS JetStream queue that `crosscheck ingest --queue` fills,
            extract and annotate them, write them to the store, and keep the stories up to date.
            Run any number of workers, on any machines, against the same queue and store (PostgreSQL).
            A worker that dies loses nothing: what it had not stored goes to another worker.
            Stop with Ctrl+C or SIGTERM: the batch in hand is finished first.

            With --metrics-port, metrics for Prometheus are at http://127.0.0.1:PORT/metrics, the queue lag among them.

            Example:  crosscheck worker --queue nats://queue:4222 --db postgres://crosscheck@db/news --metrics-port 9464
            """)
        { queue, db, stream, batch, threads, ackWait, metricsPort };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var queueUrl = result.GetValue(queue) ?? throw new UserError("worker needs --queue nats://host:port (the queue `crosscheck ingest --queue` fills)");
            var target = QueueTarget.Parse(queueUrl, result.GetValue(stream));
            var options = defaults with
            {
                BatchSize = Positive(result.GetValue(batch), "--batch"),
                Threads = Positive(result.GetValue(threads), "--threads"),
                AckWait = TimeSpan.FromSeconds(Positive(result.GetValue(ackWait), "--ack-wait")),
            };
            return Run(target, result.GetValue(db)!, options, result.GetValue(metricsPort)).GetAwaiter().GetResult();
        }));
        return command;
    }

    private static async Task<int> Run(QueueTarget target, string location, WorkerOptions options, int? metricsPort)
    {
        using var store = Engine.OpenStore(location);
        await using var queue = await WorkQueue.OpenAsync(target, $"crosscheck-worker-{Environment.ProcessId}");
        await queue.ConsumerAsync(options.AckWait);
        // SIGTERM (service managers, kill) and Ctrl+C both end the loop after the batch in hand.
        using var stop = new StopSignals();
        await using var metrics = await Metrics.StartAsync(metricsPort, "worker");
        var measuring = metrics is null ? Task.CompletedTask : MeasureQueueLagAsync(queue, stop.Token);
        Console.WriteLine($"worker {Environment.ProcessId}: pulling from {target.Display} (stream {target.Stream}) into {store.Location}, " +
            $"{options.Threads} thread(s), batches of {options.BatchSize}; stop with Ctrl+C or SIGTERM");
        var worker = new QueueWorker(queue, store, Engine.Processor, Engine.Ingest(store), options, new Output.RedactingWriter(Console.Out));
        await worker.RunAsync(stop.Token);
        await measuring;
        var counts = worker.Counts;
        Console.WriteLine($"worker {Environment.ProcessId} stopped: {counts.Processed} article(s) processed, {counts.AlreadyStored} already stored, " +
            $"{counts.Retried} retried, {counts.Dropped} dropped, {counts.Assignments} story assignment(s); time: {counts.TimeShares()}");
        return ExitCodes.Ok;
    }

    /// <summary>How often the queue's backlog is asked for the lag metric: cheap for NATS, fresh enough for a 15 s scrape.</summary>
    private static readonly TimeSpan LagInterval = TimeSpan.FromSeconds(5);

    /// <summary>Keeps the queue lag metric current until stopped; a failed measurement keeps the last value (the worker reports the outage).</summary>
    private static async Task MeasureQueueLagAsync(WorkQueue queue, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                var (waiting, unacknowledged) = await queue.BacklogAsync(stop);
                Crosscheck.Core.Telemetry.CrosscheckMetrics.ReportQueueLag((long)Math.Min(waiting, long.MaxValue / 2) + unacknowledged);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is QueueException or NATS.Client.Core.NatsException)
            {
                // Keep the last value; the worker's own loop reports the outage.
            }
            try
            {
                await Task.Delay(LagInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UserError($"{option} must be a positive number, not {value}");
}
