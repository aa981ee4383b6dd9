using System.Diagnostics;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Queue.Tests.Support;
using Crosscheck.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>
/// Workers as separate processes on real servers: one killed with SIGKILL mid-run, or the NATS
/// server restarted mid-run, and still every article ends stored exactly once and in exactly one story.
/// Workers store articles as they come, in an order a single `crosscheck ingest` of the same input does
/// not share, and place them in that run's order (publication, then the raw inputs' arrival), in as many batches as
/// their timing makes, so their stories agree with that run's at B-cubed F1 of at least
/// <see cref="MinimumAgreement"/> (line for line when the run is placed once, as it now is). The CI size keeps the run within a minute
/// or two; set CROSSCHECK_QUEUE_FAULT_ARTICLES (e.g. 2000) for the full run.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int CiArticles = 120;
    private const string FullRunVariable = "CROSSCHECK_QUEUE_FAULT_ARTICLES";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The aim is 0.98 agreement with stories built in another arrival order. Where the workers' placement batches
    /// ended depended on timing (a worker restarted after a kill placed what was stored when it started), and placed in
    /// batches the same articles agree with one batch at 0.96-0.98 (<see cref="BatchAgreementTests"/>): runs agreed at 0.9295-1.0.
    /// Since a worker leaves the placement to the last worker holding articles (QueueWorker, 2026-12-05 afternoon), a run
    /// is placed once, at its end, in the order a single-process ingest places it: both kill tests then gave 1.0000, identical.
    /// </summary>
    private const double MinimumAgreement = 0.98;

    [ServersFact]
    public Task A_worker_killed_mid_run_loses_nothing_and_stories_agree_with_a_single_process_run() => KilledWorkerRun(CiArticles, [0.25]);

    /// <summary>
    /// A worker killed at three points of the run (a fresh one started each time), then every worker
    /// killed the moment the last article is stored, while the stories are being assigned or before
    /// they are: the worker started afterwards must assign them.
    /// </summary>
    [ServersFact]
    public Task Workers_killed_repeatedly_and_when_the_last_article_is_stored_lose_nothing_and_stories_agree_with_a_single_process_run() =>
        KilledWorkerRun(CiArticles, [0.2, 0.45, 0.7], killAllWhenStored: true);

    [LongRunFact(FullRunVariable, "The full fault test")]
    public Task Full_size_killed_worker_run() =>
        KilledWorkerRun(int.Parse(Environment.GetEnvironmentVariable(FullRunVariable)!, CultureInfo.InvariantCulture), [0.25]);

    [NatsRestartFact]
    public async Task Workers_ride_out_a_NATS_restart_and_lose_nothing()
    {
        await using var run = new QueueScenario(80);
        run.Enqueue();
        run.StartWorker();
        run.StartWorker();
        run.WaitForArticles(run.Expected / 4, Patience);
        var before = run.Store.CountArticles();
        Assert.True(before < run.Expected, "every article was stored before the restart: the test would prove nothing");

        NatsTestServer.Restart();
        output.WriteLine($"NATS restarted with {before} of {run.Expected} articles stored");

        await run.WaitUntilDoneAsync(Patience);
        run.StopWorkers();
        AssertEachArticleStoredOnce(run.Store, run.Expected);
        output.WriteLine(run.WorkerOutput());
    }

    /// <param name="articles">How many articles the run ingests.</param>
    /// <param name="killAtShares">Shares of the articles stored at which one running worker is killed and a new one started.</param>
    /// <param name="killAllWhenStored">Also kill every worker as soon as all articles are stored, then start one.</param>
    private async Task KilledWorkerRun(int articles, double[] killAtShares, bool killAllWhenStored = false)
    {
        await using var run = new QueueScenario(articles);
        output.WriteLine(run.Corpus.Description);
        var clock = Stopwatch.StartNew();
        run.Enqueue();
        output.WriteLine($"queued {run.Expected} in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        run.StartWorker();
        run.StartWorker();
        run.StartWorker();
        foreach (var share in killAtShares)
        {
            run.WaitForArticles((int)(run.Expected * share), Patience);
            var atKill = run.Store.CountArticles();
            Assert.True(atKill < run.Expected, "every article was stored before the kill: the test would prove nothing");
            var victim = run.Workers.First(w => !w.HasExited);
            victim.Kill();
            output.WriteLine($"killed worker {victim.Id} (SIGKILL) at {atKill} of {run.Expected} articles, {clock.Elapsed.TotalSeconds:F1} s in");
            run.StartWorker();
        }
        if (killAllWhenStored)
        {
            run.WaitForArticles(run.Expected, Patience);
            foreach (var worker in run.Workers.Where(w => !w.HasExited)) worker.Kill();
            output.WriteLine($"killed every worker (SIGKILL) with all {run.Expected} articles stored and stories assigned from {run.Store.StoriesAssignedFrom()?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            run.StartWorker();
        }

        await run.WaitUntilDoneAsync(Patience);
        var workTime = clock.Elapsed;
        run.StopWorkers();
        output.WriteLine($"all {run.Expected} stored and stories assigned {workTime.TotalSeconds:F1} s after the workers started");
        AssertEachArticleStoredOnce(run.Store, run.Expected);

        clock.Restart();
        using var single = run.SingleProcessRun();
        output.WriteLine($"single-process ingest of the same input: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(run.Expected, single.CountArticles());
        AssertSameLines("documents", DescribeDocuments(single), DescribeDocuments(run.Store));
        AssertEachArticleStoredOnce(single, run.Expected);
        var agreement = ClusteringEvaluator.Score(StoryOfEachArticle(single), StoryOfEachArticle(run.Store));
        var identical = QueueScenario.Describe(single).SequenceEqual(QueueScenario.Describe(run.Store));
        output.WriteLine($"{run.Store.GetStories().Count} stories (single process: {single.GetStories().Count}), B-cubed F1 against the single-process run "
            + $"{agreement.BCubedF1:F4} (P {agreement.BCubedPrecision:F4}, R {agreement.BCubedRecall:F4}){(identical ? ", identical" : "")}");
        if (!identical) output.WriteLine(Differences(QueueScenario.Describe(single), QueueScenario.Describe(run.Store)));
        Assert.True(agreement.BCubedF1 >= MinimumAgreement,
            $"the workers' stories agree with the single-process run at B-cubed F1 {agreement.BCubedF1:F4}, below {MinimumAgreement}");
        output.WriteLine(run.WorkerOutput());
    }

    /// <summary>Equal lists, or a failure that shows only the lines on one side (the lists are long and mostly equal).</summary>
    private static void AssertSameLines(string what, List<string> singleProcess, List<string> workers)
    {
        if (singleProcess.SequenceEqual(workers)) return;
        Assert.Fail($"{what} differ between the single-process and the worker run:\n{Differences(singleProcess, workers)}");
    }

    /// <summary>The lines found on one side only, each labelled with its side.</summary>
    private static string Differences(List<string> singleProcess, List<string> workers) =>
        string.Join("\n", singleProcess.Except(workers).Select(l => "  single-process: " + l).Concat(workers.Except(singleProcess).Select(l => "  workers:        " + l)));

    /// <summary>Each article in a story, mapped to that story's id.</summary>
    private static Dictionary<string, string> StoryOfEachArticle(IStore store) =>
        store.GetStories().SelectMany(s => s.ArticleIds.Select(a => (Article: a, Story: s.Id))).ToDictionary(p => p.Article, p => p.Story, StringComparer.Ordinal);

    /// <summary>One article per raw input, each in exactly one story, and the stories cover all that join one (text, and a page type that forms stories).</summary>
    private static void AssertEachArticleStoredOnce(IStore store, int expected)
    {
        Assert.Equal(expected, store.CountRaw());
        Assert.Equal(expected, store.CountArticles());
        Assert.All(store.AllRaw(), raw => Assert.True(store.HasDocument(raw.Id), $"{raw.Source} was never processed"));
        var inStories = store.GetStories().SelectMany(s => s.ArticleIds).ToList();
        Assert.Equal(inStories.Count, inStories.Distinct(StringComparer.Ordinal).Count());
        var joining = store.AllDocuments().Where(d => !string.IsNullOrWhiteSpace(d.Text) && d.Article.PageType.FormsStories()).Select(d => d.Id).Order(StringComparer.Ordinal);
        Assert.Equal(joining, inStories.Order(StringComparer.Ordinal));
        Assert.Equal(expected, store.StoriesAssignedFrom());
    }

    /// <summary>Each article's metadata, text and layer sizes: equal when both runs derived the same documents.</summary>
    private static List<string> DescribeDocuments(IStore store) =>
        [.. store.AllDocuments().Select(d => string.Join(" | ", d.Id, d.Article.Title, d.Article.Published?.Value.ToString("o", CultureInfo.InvariantCulture),
            d.Article.Language, d.Text.Length, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(d.Text)))[..12], string.Join(",", d.Layers.Order().Select(l => $"{l}:{Size(d, l)}")))).Order(StringComparer.Ordinal)];

    private static int Size(Document document, Layer layer) => layer switch
    {
        Layer.Sentences => document.Sentences.Length,
        Layer.Tokens => document.Tokens.Length,
        Layer.Mentions => document.Mentions.Length,
        Layer.Quantities => document.Quantities.Length,
        Layer.TimeExpressions => document.TimeExpressions.Length,
        Layer.Quotes => document.Quotes.Length,
        Layer.Citations => document.Citations.Length,
        _ => -1,
    };
}
