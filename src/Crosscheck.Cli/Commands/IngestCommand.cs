using System.CommandLine;
using System.Globalization;
using Crosscheck.Cli.Output;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Ingest.Processing;
using Crosscheck.Queue;

namespace Crosscheck.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var paths = CommonOptions.Inputs("paths",
            "Files or directories (walked recursively): .html/.htm pages, .txt scraped text (either may be gzipped: .html.gz, .txt.gz), .jsonl with one article per line " +
            "(.jsonl.gz too, unzipped as it is read), .warc/.warc.gz web archives, RSS/Atom/JSON feeds (recognised by content, whatever the extension). " +
            "- reads standard input: JSONL when it starts with {, else a feed or one HTML page (`zcat dump.jsonl.gz | crosscheck ingest -`, `curl -s URL | crosscheck ingest -`).");
        var db = CommonOptions.Database();
        var published = CommonOptions.Published();
        var outlet = new Option<string?>("--outlet") { Description = "Outlet name for inputs that carry none.", HelpName = "NAME" };
        var queue = CommonOptions.Queue("With it, inputs are stored and queued for `crosscheck worker` processes instead of being processed here.");
        var stream = CommonOptions.Stream();
        var allPages = new Option<bool>("--all-pages")
        {
            Description = "Let pages of every type join stories. By default only articles and forum threads do; listings, product, " +
                "service and documentation pages are stored, searchable and marked with their type, but kept out of stories and dossiers.",
        };
        var command = new Command("ingest", """
            Store articles, extract and annotate them, and group them into stories.
            Raw inputs are stored first, keyed by content hash: ingesting the same content again adds nothing.
            A bad file is reported on one line and skipped; the others are still ingested (exit code 1 if any was bad).
            An ingest that was interrupted, even killed, is finished by running the same command again.
            WARC archives: every HTML response with status 200 becomes an article (its target URI as url, the
            record date as fetch date); a malformed record, or a binary body served as HTML, is reported as FILE#OFFSET and skipped.
            Feeds: every item becomes an article with its link, date, title and fullest content; a bad item is
            reported as FILE#N. Paragraphs that recur across unrelated articles of one outlet are removed
            as boilerplate (recorded on each article; `reprocess` re-decides).

            With --queue, inputs are stored and queued; workers (`crosscheck worker`) process them and assign stories.

            Standard input (-): JSONL (first character {) is read line by line at any length, and its lines are named
            stdin#LINE; anything else is read whole, up to the limit for one file, as an RSS/Atom/JSON feed or one HTML
            page (plain text when it holds no markup). Gzip data and WARC archives are read from files only.

            Examples: crosscheck ingest ./articles --db news.db
                      crosscheck ingest crawl.warc.gz feed.xml dump.jsonl.gz
                      zcat dump.jsonl.gz | crosscheck ingest - --db news.db
                      crosscheck ingest ./articles --db postgres://crosscheck@db/news --queue nats://queue:4222
            """)
        { paths, db, published, outlet, queue, stream, allPages };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var hints = new IngestHints
            {
                Published = ParseDate(result.GetValue(published)),
                Outlet = result.GetValue(outlet),
            };
            var location = result.GetValue(db)!;
            if (result.GetValue(queue) is { } queueUrl)
                return Enqueue(result.GetValue(paths)!, hints, location, QueueTarget.Parse(queueUrl, result.GetValue(stream)));
            using var store = Engine.OpenStore(location);
            var progress = new ConsoleProgress();
            var report = Engine.Ingest(store, result.GetValue(allPages)).Ingest(result.GetValue(paths)!, hints, progress);
            progress.Finish();
            PrintReport(report, store.Location, store.CountArticles());
            return report.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Stores the inputs and queues them for workers; nothing is processed here.</summary>
    private static int Enqueue(string[] paths, IngestHints hints, string location, QueueTarget target)
    {
        using var store = Engine.OpenStore(location);
        var queue = WorkQueue.OpenAsync(target, "crosscheck-ingest").GetAwaiter().GetResult();
        IngestReport report;
        try
        {
            var progress = new ConsoleProgress();
            try
            {
                report = Engine.Ingest(store).Enqueue(paths, hints, raw => queue.PublishAsync(raw).GetAwaiter().GetResult(), progress);
            }
            catch (QueueException e)
            {
                throw new QueueException(e.Message + " The inputs read so far are stored: run the same ingest again to queue the rest.", e);
            }
            finally
            {
                progress.Finish();
            }
        }
        finally
        {
            queue.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        foreach (var error in report.Errors) Console.Error.WriteLine(OneLine.Of($"error: {error.Source}: {error.Problem}"));
        foreach (var skipped in report.Skipped) Console.Error.WriteLine(OneLine.Of($"skipped: {skipped.Source}: {skipped.Reason}"));
        Console.WriteLine(
            $"{report.Stored} new input(s) stored, {report.AlreadyStored} already stored, {report.Errors.Count} bad input(s); " +
            $"{report.Queued} queued for workers on {target.Display} (stream {target.Stream})");
        if (report.Queued > 0)
            Console.WriteLine($"next: crosscheck worker --queue {target.Display}{StreamSuffix(target)} --db {store.Location}");
        return report.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    public static string StreamSuffix(QueueTarget target) => target.Stream == QueueTarget.DefaultStream ? "" : " --stream " + target.Stream;

    public static void PrintReport(IngestReport report, string location, int totalArticles)
    {
        foreach (var error in report.Errors) Console.Error.WriteLine(OneLine.Of($"error: {error.Source}: {error.Problem}"));
        foreach (var skipped in report.Skipped) Console.Error.WriteLine(OneLine.Of($"skipped: {skipped.Source}: {skipped.Reason}"));
        foreach (var empty in report.EmptyArticles) Console.Error.WriteLine(OneLine.Of($"warning: {empty}: no article text found"));
        Console.WriteLine(
            $"{report.Added} new article(s), {report.AlreadyStored} already stored, {report.Errors.Count} bad input(s); " +
            $"{totalArticles} article(s) in {report.Stories} stor{(report.Stories == 1 ? "y" : "ies")} in {location}");
        if (report.Resumed > 0)
            Console.WriteLine($"finished {report.Resumed} input(s) stored by an earlier run that stopped before processing them");
        if (report.RecurringArticles > 0)
            Console.WriteLine($"removed {report.RecurringParagraphs} recurring boilerplate paragraph(s) from {report.RecurringArticles} article(s)");
        if (report.Added > 0) Console.WriteLine("next: crosscheck stories" + DbSuffix(location));
    }

    public static string DbSuffix(string location) =>
        location == CommonOptions.DefaultDatabase || location == "crosscheck.db" ? "" : $" --db {CommonOptions.Shown(location)}";

    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return date;
        throw new UserError($"--published '{text}' is not a date; use ISO 8601 like 2021-09-15 or 2021-09-15T08:30:00Z");
    }
}
