using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crosscheck.Queue.Tests.Support;
using Crosscheck.Storage.Postgres.Tests;
using Npgsql;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>The commands as people who run them meet them: reports written where they should not be, credentials, status, metrics.</summary>
public sealed class OperationsTests : IDisposable
{
    private const string Secret = "Hunter2-not-to-be-printed";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-ops-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "news.db");

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir, args);

    /// <summary>The samples ingested into <see cref="Db"/>; the id of their one story.</summary>
    private string IngestSamples()
    {
        var ingest = Run("ingest", CliRunner.Samples, "--db", Db);
        Assert.True(ingest.ExitCode == 0, ingest.Err);
        return Run("stories", "--db", Db, "--json").Out.Split('"')[3];
    }

    [FullDeviceFact]
    public void Dossier_out_to_a_full_device_is_one_error_line()
    {
        var story = IngestSamples();
        CliRunner.AssertOneErrorLine(Run("dossier", story, "--db", Db, "--out", "/dev/full"), "cannot write --out /dev/full: No space left on device");
    }

    [Fact]
    public void Dossier_out_never_overwrites_the_database_or_another_SQLite_file()
    {
        var story = IngestSamples();
        var before = File.ReadAllBytes(Db);
        File.Copy(Db, Path.Combine(_dir, "copy.db"));

        CliRunner.AssertOneErrorLine(Run("dossier", story, "--db", Db, "--out", Db), "is the database");
        // Another spelling of the same file, and a link to it.
        CliRunner.AssertOneErrorLine(Run("dossier", story, "--db", Db, "--out", Path.Combine(_dir, ".", "..", Path.GetFileName(_dir), "news.db")), "is the database");
        File.CreateSymbolicLink(Path.Combine(_dir, "link.html"), Db);
        CliRunner.AssertOneErrorLine(Run("dossier", story, "--db", Db, "--out", Path.Combine(_dir, "link.html")), "is the database");
        CliRunner.AssertOneErrorLine(Run("dossier", story, "--db", Db, "--out", Db + "-wal"), "is the database's wal file");
        CliRunner.AssertOneErrorLine(Run("dossier", story, "--db", Db, "--out", Path.Combine(_dir, "copy.db")), "is an SQLite database");

        Assert.Equal(before, File.ReadAllBytes(Db));
        Assert.Equal(0, Run("stories", "--db", Db).ExitCode);
        var written = Run("dossier", story, "--db", Db, "--html", "--out", Path.Combine(_dir, "story.html"));
        Assert.True(written.ExitCode == 0, written.Err);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(Path.Combine(_dir, "story.html")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_password_in_a_misplaced_argument_is_not_echoed()
    {
        var result = Run("stories", $"postgres://crosscheck:{Secret}@db.internal/news");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("postgres://crosscheck:***@db.internal/news", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, result.Out + result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_masks_the_token_of_a_feed_URL_in_its_log()
    {
        var feed = $"http://127.0.0.1:{CliRunner.FreePort()}/rss.xml?token={Secret}";
        using var process = CliRunner.Start(_dir, "watch", feed, "--db", Db);
        var output = new StringBuilder();
        var failed = new ManualResetEventSlim();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (output) output.AppendLine(line.Data);
            if (line.Data.StartsWith("error: ", StringComparison.Ordinal)) failed.Set();
        };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            Assert.True(failed.Wait(TimeSpan.FromMinutes(2)), $"the unreachable feed was not reported:\n{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var all = output + await errors;
        Assert.Contains("rss.xml?token=***", all, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, all, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_prints_the_counts_of_a_SQLite_store_and_its_last_write()
    {
        CliRunner.AssertOneErrorLine(Run("status", "--db", Db), "no database at");
        IngestSamples();

        var status = Run("status", "--db", Db);

        Assert.True(status.ExitCode == 0, status.Err);
        var lines = status.Out.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("store", StringComparison.Ordinal) && l.Contains("(SQLite, ", StringComparison.Ordinal));
        Assert.Contains("inputs      5 raw input(s)", lines);
        Assert.Contains("articles    5", lines);
        Assert.Contains("stories     1 holding 5 article(s), the largest 5", lines);
        Assert.Contains(lines, l => l.StartsWith("last write  " + DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var json = System.Text.Json.JsonDocument.Parse(Run("status", "--db", Db, "--json").Out).RootElement;
        Assert.Equal(5, json.GetProperty("articles").GetInt32());
        Assert.True(json.GetProperty("stories_current").GetBoolean());
    }

    [PostgresFact]
    public void Serve_and_ingest_on_PostgreSQL_print_no_password()
    {
        var schema = PostgresTestServer.NewSchemaName();
        var server = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString);
        // The test server trusts local logins, so any password connects: the one given must appear nowhere.
        var url = $"postgres://{server.Username}:{Secret}@{server.Host}:{server.Port}/{server.Database}?schema={schema}";
        try
        {
            var ingest = Run("ingest", CliRunner.Samples, "--db", url);
            Assert.True(ingest.ExitCode == 0, ingest.Err);
            Assert.Contains($"--db postgres://{server.Username}@{server.Host}:{server.Port}/", ingest.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, ingest.Out + ingest.Err, StringComparison.Ordinal);

            var status = Run("status", "--db", url);
            Assert.True(status.ExitCode == 0, status.Err);
            Assert.Contains("(PostgreSQL)", status.Out, StringComparison.Ordinal);
            Assert.Contains("articles    5", status.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, status.Out + status.Err, StringComparison.Ordinal);

            var banner = FirstLineOfServe(url);
            Assert.StartsWith($"serving postgres://{server.Username}@{server.Host}:{server.Port}/", banner, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, banner, StringComparison.Ordinal);
        }
        finally
        {
            PostgresTestServer.DropSchema(schema);
        }
    }

    /// <summary>Starts `serve`, returns its start-up line and stops it.</summary>
    private string FirstLineOfServe(string db)
    {
        using var process = CliRunner.Start(_dir, "serve", "--db", db, "--urls", $"http://127.0.0.1:{CliRunner.FreePort()}");
        try
        {
            var line = process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
            return line ?? "";
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Fact]
    public async Task Watch_serves_metrics_whose_counters_move_as_files_come_in()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_dir, "inbox")).FullName;
        var port = CliRunner.FreePort();
        using var process = CliRunner.Start(_dir, "watch", inbox, "--db", Db, "--scan", "100ms", "--metrics-port", port.ToString(CultureInfo.InvariantCulture));
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            lock (output) output.AppendLine(line.Data);
        };
        process.BeginOutputReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var before = await MetricsScrape.Eventually(http, text => text.Contains("target_info", StringComparison.Ordinal), "the metrics listener to answer", output);
            Assert.DoesNotContain("crosscheck_articles_ingested_total{otel_scope_name=\"Crosscheck\"} 1", before, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(inbox, "ferry.txt"),
                "The lake ferry will run four crossings a day instead of nine from November, the operator said on Monday.\n\n" +
                "Commuters on the eastern shore said the early boat was the only one that got them to work on time.\n");

            var after = await MetricsScrape.Eventually(http, text => text.Contains("crosscheck_articles_ingested_total{otel_scope_name=\"Crosscheck\"} 1", StringComparison.Ordinal),
                "the ingested counter to reach 1", output);
            Assert.Contains("service_name=\"crosscheck-watch\"", after, StringComparison.Ordinal);
            Assert.Contains("crosscheck_story_placement_duration_seconds_count", after, StringComparison.Ordinal);

            using var misdirected = new HttpRequestMessage(HttpMethod.Get, "/metrics");
            misdirected.Headers.Host = "attacker.example";
            Assert.Equal(System.Net.HttpStatusCode.MisdirectedRequest, (await http.SendAsync(misdirected)).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

/// <summary>`status --queue` and `worker --metrics-port` against the test servers.</summary>
[Collection(ServersCollection.Name)]
public sealed class QueueOperationsTests
{
    [ServersFact]
    public async Task Status_shows_the_queue_backlog_and_the_inputs_not_processed_yet()
    {
        await using var run = new Queue.QueueScenario(6);
        run.Enqueue();

        var status = CliRunner.Run(run.Corpus.Directory, "status", "--db", run.Database, "--queue", NatsTestServer.Url!, "--stream", run.Stream);

        Assert.True(status.ExitCode == 0, status.Err);
        Assert.Contains($"articles    0; {run.Expected} input(s) not processed yet", status.Out, StringComparison.Ordinal);
        Assert.Contains($"stream {run.Stream}: {run.Expected} waiting, 0 being processed", status.Out, StringComparison.Ordinal);
        Assert.Contains("(PostgreSQL)", status.Out, StringComparison.Ordinal);
    }

    [ServersFact]
    public async Task A_worker_serves_metrics_whose_counters_move_and_whose_queue_lag_drains()
    {
        await using var run = new Queue.QueueScenario(6);
        run.Enqueue();
        var port = CliRunner.FreePort();
        var worker = run.StartWorker(options: ["--metrics-port", port.ToString(CultureInfo.InvariantCulture)]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        await run.WaitUntilDoneAsync(TimeSpan.FromMinutes(3));
        var output = new StringBuilder(worker.Output);
        var metrics = await MetricsScrape.Eventually(http, text => text.Contains("crosscheck_queue_lag{otel_scope_name=\"Crosscheck\"} 0", StringComparison.Ordinal)
            && text.Contains($"crosscheck_articles_ingested_total{{otel_scope_name=\"Crosscheck\"}} {run.Expected}", StringComparison.Ordinal), "the queue lag to drain", output);
        Assert.Contains("service_name=\"crosscheck-worker\"", metrics, StringComparison.Ordinal);
        Assert.Contains("crosscheck_story_placement_duration_seconds_count", metrics, StringComparison.Ordinal);
        run.StopWorkers();
    }
}

/// <summary>Reads a metrics endpoint the way Prometheus would.</summary>
public static class MetricsScrape
{
    /// <summary>Reads /metrics until <paramref name="done"/> holds, for up to two minutes.</summary>
    public static async Task<string> Eventually(HttpClient http, Func<string, bool> done, string what, StringBuilder output)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                last = await http.GetStringAsync("/metrics");
                if (done(last)) return last;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"waited in vain for {what}; last /metrics:\n{last}\noutput:\n{output}");
        return last;
    }
}

/// <summary>A fact that writes to /dev/full (a device that is always full); skipped where there is none.</summary>
public sealed class FullDeviceFactAttribute : FactAttribute
{
    public FullDeviceFactAttribute()
    {
        if (!File.Exists("/dev/full")) Skip = "no /dev/full on this system to stand for a full disk";
    }
}
