using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crosscheck.Queue;
using Crosscheck.Storage.Postgres;

namespace Crosscheck.Cli.Commands;

/// <summary>`crosscheck status`: what a store holds and how current it is, and a queue's backlog.</summary>
public static class StatusCommand
{
    /// <summary>What status reports; the JSON form uses these names in snake_case.</summary>
    public sealed record StoreStatus(
        string Store,
        string Kind,
        long? SizeBytes,
        int Inputs,
        int Articles,
        int WaitingForProcessing,
        int Stories,
        int ArticlesInStories,
        int LargestStory,
        bool StoriesCurrent,
        DateTimeOffset? LastWrite,
        QueueStatus? Queue);

    public sealed record QueueStatus(string Url, string Stream, ulong Waiting, long Unacknowledged);

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var queue = CommonOptions.Queue("With it, the queue's backlog is shown too: articles waiting for a worker and articles a worker holds.");
        var stream = CommonOptions.Stream();
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON object (its fields are described in docs/OPERATIONS.md)." };
        var command = new Command("status", """
            Show what a store holds and how current it is: raw inputs, articles (and inputs still waiting to be
            processed), stories (and whether they cover every article), and when the last input came in.
            With --queue, also the work queue's backlog. Reads only: nothing is changed.
            Exit code 1 when the store (or the queue) cannot be reached, so a health check can run it.

            Examples:  crosscheck status --db news.db
                       crosscheck status --db postgres://crosscheck@db/news --queue nats://queue:4222
            """)
        { db, queue, stream, json };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            StoriesCommand.RequireExisting(location);
            var target = result.GetValue(queue) is { } url ? QueueTarget.Parse(url, result.GetValue(stream)) : null;
            var status = Read(location, target);
            if (result.GetValue(json)) WriteJson(status, Console.Out);
            else WriteText(status, Console.Out, DateTimeOffset.UtcNow);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static StoreStatus Read(string location, QueueTarget? target)
    {
        StoreStatus status;
        using (var store = Engine.OpenStore(location))
        {
            var postgres = PostgresTarget.IsPostgres(location);
            var articles = store.CountArticles();
            var inputs = store.CountRaw();
            var stories = store.GetStories();
            status = new StoreStatus(
                store.Location,
                postgres ? "PostgreSQL" : "SQLite",
                postgres ? null : SizeOnDisk(location),
                inputs,
                articles,
                // Each raw input becomes one article; the difference is work a run stopped before finishing or workers have not done yet.
                Math.Max(0, inputs - articles),
                stories.Count,
                stories.SelectMany(s => s.ArticleIds).Distinct(StringComparer.Ordinal).Count(),
                stories.Count == 0 ? 0 : stories.Max(s => s.ArticleIds.Count),
                // An empty store has nothing to assign: its (no) stories are current.
                articles == 0 || store.StoriesAssignedFrom() == articles,
                store.LastReceived(),
                null);
        }
        if (target is null) return status;
        return status with { Queue = ReadQueue(target).GetAwaiter().GetResult() };
    }

    private static async Task<QueueStatus> ReadQueue(QueueTarget target)
    {
        await using var queue = await WorkQueue.OpenAsync(target, "crosscheck-status");
        var (waiting, unacknowledged) = await queue.BacklogAsync();
        return new QueueStatus(target.Display, target.Stream, waiting, unacknowledged);
    }

    /// <summary>The database file with its write-ahead log, as the disk sees it.</summary>
    private static long SizeOnDisk(string path) =>
        new[] { path, path + "-wal" }.Select(p => new FileInfo(p)).Where(f => f.Exists).Sum(f => f.Length);

    public static void WriteText(StoreStatus status, TextWriter output, DateTimeOffset now)
    {
        var size = status.SizeBytes is { } bytes ? $", {Size(bytes)}" : "";
        output.WriteLine($"store       {CommonOptions.Shown(status.Store)} ({status.Kind}{size})");
        output.WriteLine($"inputs      {N(status.Inputs)} raw input(s)");
        output.WriteLine($"articles    {N(status.Articles)}" + (status.WaitingForProcessing > 0
            ? $"; {N(status.WaitingForProcessing)} input(s) not processed yet (a worker, or the next `crosscheck ingest`, processes them)"
            : ""));
        output.WriteLine($"stories     {N(status.Stories)}" + (status.Stories > 0 ? $" holding {N(status.ArticlesInStories)} article(s), the largest {N(status.LargestStory)}" : "") +
            (status.StoriesCurrent ? "" : "; not yet updated for the newest articles"));
        output.WriteLine($"last write  {(status.LastWrite is { } last ? $"{last.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({Ago(now - last)})" : "never: the store is empty")}");
        if (status.Queue is { } queue)
        {
            output.WriteLine($"queue       {queue.Url} stream {queue.Stream}: {N((long)Math.Min(queue.Waiting, long.MaxValue))} waiting, {N(queue.Unacknowledged)} being processed");
        }
    }

    public static void WriteJson(StoreStatus status, TextWriter output)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        output.WriteLine(JsonSerializer.Serialize(status with { Store = CommonOptions.Shown(status.Store) }, options));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes switch
    {
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GB"),
    };

    private static string Ago(TimeSpan age) => age.TotalSeconds switch
    {
        < 0 => "in the future: check the clocks",
        < 90 => $"{(int)age.TotalSeconds} s ago",
        < 90 * 60 => $"{(int)age.TotalMinutes} min ago",
        < 48 * 3600 => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
