using System.CommandLine;
using System.Globalization;
using Crosscheck.Cli.Output;
using Crosscheck.Ingest.Watching;

namespace Crosscheck.Cli.Commands;

public static class WatchCommand
{
    private const string IntervalOption = "--interval";
    private const string ScanOption = "--scan";
    private const string HostDelayOption = "--host-delay";
    private const string TimeoutOption = "--timeout";

    public static Command Create()
    {
        var sources = CommonOptions.Inputs("sources",
            "Directories (new files are ingested once complete), feed URLs (http:// or https://; RSS, Atom or JSON Feed) " +
            "and uncompressed WARC files a crawler appends to (new records are ingested).");
        var db = CommonOptions.Database();
        var defaults = new WatchOptions();
        var interval = Duration(IntervalOption, $"Time between two polls of each feed (default {Show(defaults.FeedInterval)}); a failing feed waits twice as long after each failure, up to {Show(defaults.MaxBackoff)}.");
        var scan = Duration(ScanOption, $"Time between two looks at the directories and WARC files (default {Show(defaults.ScanInterval)}).");
        var hostDelay = Duration(HostDelayOption, $"Least time between two requests to one host (default {Show(defaults.HostDelay)}).");
        var timeout = Duration(TimeoutOption, $"Longest wait for a whole answer (default {Show(defaults.RequestTimeout)}).");
        var state = new Option<string?>("--state")
        {
            Description = "The watch state file (default: beside the database, DB.watch.json; crosscheck.watch.json here for PostgreSQL).",
            HelpName = "FILE",
        };
        var metricsPort = CommonOptions.MetricsPort();
        var command = new Command("watch", $"""
            Keep a store current from sources that grow, until stopped with Ctrl+C or SIGTERM (the batch in hand is finished first).
            Each poll ingests what the due sources gave as one batch, exactly as `crosscheck ingest` does; the web UI
            (`crosscheck serve` on the same store) shows the new articles on reload. Progress and problems: one line each.

            Directories: a new file is taken once its size and modification time are the same in two looks in a row,
            and never again unless it changes (hidden files, e.g. ".name.tmp" being written, are left alone).
            Feeds: polled with conditional requests (ETag / Last-Modified; an unchanged feed costs one 304), items seen
            before skipped; an item carrying only a summary has its page fetched once, if robots.txt allows, as the
            ingest takes the item (a poll holds about a batch of pages; a stop leaves the pages not yet fetched for the next run).
            Requests name Crosscheck in their User-Agent ("{defaults.UserAgent}"), are spaced per host,
            and answers are bounded in size (feeds {defaults.Limits.MaxFileBytes / (1024 * 1024)} MB, pages {defaults.Limits.MaxRecordBytes / (1024 * 1024)} MB) and time.
            WARC files: plain (not gzipped) archives being written; each look reads the records appended since the last.

            What the watch remembers (feed validators and failures, items and pages taken, files taken, WARC offsets)
            is kept in a JSON state file beside the database, DB.watch.json, replaced atomically after each batch is
            stored. Losing it costs nothing but fetching and reading again: stored content is never stored twice.

            With --metrics-port, metrics for Prometheus (articles ingested and failed, story placement time)
            are at http://127.0.0.1:PORT/metrics.

            Examples: crosscheck watch ./inbox https://example.org/news/rss.xml --db news.db
                      crosscheck watch /crawls/current.warc --scan 30s --db news.db --metrics-port 9465
            """)
        { sources, db, interval, scan, hostDelay, timeout, state, metricsPort };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var options = OptionsOf(result);
            var location = result.GetValue(db)!;
            var statePath = result.GetValue(state) ?? DefaultStatePath(location);
            return Run(result.GetValue(sources)!, location, statePath, options, result.GetValue(metricsPort)).GetAwaiter().GetResult();
        }));
        return command;
    }

    /// <summary>The watch's settings from a parsed <c>watch</c> command line: each time given, the others <see cref="WatchOptions"/>' defaults.</summary>
    public static WatchOptions OptionsOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var defaults = new WatchOptions();
        return defaults with
        {
            FeedInterval = result.GetValue<TimeSpan?>(IntervalOption) ?? defaults.FeedInterval,
            ScanInterval = result.GetValue<TimeSpan?>(ScanOption) ?? defaults.ScanInterval,
            HostDelay = result.GetValue<TimeSpan?>(HostDelayOption) ?? defaults.HostDelay,
            RequestTimeout = result.GetValue<TimeSpan?>(TimeoutOption) ?? defaults.RequestTimeout,
        };
    }

    private static async Task<int> Run(string[] sources, string location, string statePath, WatchOptions options, int? metricsPort)
    {
        using var store = Engine.OpenStore(location);
        Watcher watcher;
        try
        {
            // Feed URLs may carry a token (?token=...): the log masks it.
            watcher = new Watcher(Engine.Ingest(store), sources, options, statePath, new RedactingWriter(Console.Out));
        }
        catch (WatchException ex)
        {
            throw new UserError(ex.Message);
        }
        using (watcher)
        {
            // SIGTERM (service managers, kill) and Ctrl+C both end the loop after the batch in hand.
            using var stop = new StopSignals();
            await using var metrics = await Metrics.StartAsync(metricsPort, "watch");
            Console.WriteLine($"watching {sources.Length} source(s) into {store.Location} (state in {statePath}); stop with Ctrl+C or SIGTERM");
            await watcher.RunAsync(stop.Token);
            Console.WriteLine($"watch stopped: {store.CountArticles()} article(s) in {store.Location}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Beside an SQLite file; in the current directory for a PostgreSQL URL or connection string, which names no file.</summary>
    private static string DefaultStatePath(string location) =>
        location.Contains("://", StringComparison.Ordinal) || location.Contains('=', StringComparison.Ordinal) ? "crosscheck.watch.json" : location + ".watch.json";

    /// <summary>
    /// A time option; absent, it is null and the caller's default applies. The description states that default in the
    /// option's own syntax ("5m"): a default shown by the parser would read "00:05:00", which the option does not accept.
    /// </summary>
    private static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description + " A number with ms, s, m or h (seconds without one).",
        CustomParser = argument => argument.Tokens.Count == 0 ? null : ParseDuration(name, argument.Tokens[0].Value, argument),
        HelpName = "TIME",
    };

    private static TimeSpan ParseDuration(string name, string text, System.CommandLine.Parsing.ArgumentResult argument)
    {
        var units = new (string Suffix, double Seconds)[] { ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("", 1) };
        foreach (var (suffix, seconds) in units)
        {
            if (!text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            if (double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value * seconds < TimeSpan.MaxValue.TotalSeconds / 2)
                return TimeSpan.FromSeconds(value * seconds);
            break;
        }
        argument.AddError($"{name} '{text}' is not a time; use e.g. 500ms, 30s, 5m or 1h");
        return TimeSpan.Zero;
    }

    private static string Show(TimeSpan time) =>
        time.TotalHours >= 1 && time.TotalHours % 1 == 0 ? $"{time.TotalHours:0}h" : time.TotalMinutes >= 1 && time.TotalMinutes % 1 == 0 ? $"{time.TotalMinutes:0}m" : $"{time.TotalSeconds:0.###}s";
}
