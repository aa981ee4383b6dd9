using System.Diagnostics;
using Crosscheck.Storage;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Cli.Tests.Interruption;

/// <summary>
/// `crosscheck ingest` killed with SIGKILL (<see cref="Process.Kill()"/>) part-way, then the same
/// command run again: every input must have its article, every article must be in exactly one
/// story, and the stories must be those of one uninterrupted run. The store already holds stories
/// from an earlier ingest, so stories left standing by mistake would show.
/// </summary>
public sealed class IngestKillTests(KilledIngestCorpus corpus) : IClassFixture<KilledIngestCorpus>
{
    /// <summary>A kill aimed at a moment may miss it (the program moves on meanwhile); it is tried again on a fresh store.</summary>
    private const int Attempts = 3;

    [Fact]
    public void Killed_while_processing_the_same_ingest_run_again_processes_the_inputs_stored_without_an_article()
    {
        // Two batches saved and the inputs of the next stored: a kill now leaves stored inputs with no article.
        var database = KillWhen("processing",
            reached: store => store.CountArticles() >= corpus.ArticlesBefore + 64 && store.CountRaw() > store.CountArticles(),
            landed: store => store.RawWithoutDocument().Any());

        var rerun = corpus.Ingest(database, corpus.Second);

        Assert.Contains("stored by an earlier run that stopped before processing them", rerun.Out);
        AssertSameAsUninterrupted(database);
    }

    [Fact]
    public void Killed_after_saving_the_articles_before_the_stories_the_same_ingest_run_again_assigns_them()
    {
        var total = corpus.ArticleIds.Count;
        // Every article saved, the stories still those of the first ingest: the kill lands before they are replaced.
        var database = KillWhen("saved, before stories",
            reached: store => store.CountArticles() == total && store.StoriesAssignedFrom() != total,
            landed: store => store.CountArticles() == total && store.StoriesAssignedFrom() == corpus.ArticlesBefore);

        var rerun = corpus.Ingest(database, corpus.Second);

        Assert.Contains($"0 new article(s), {total - corpus.ArticlesBefore} already stored", rerun.Out);
        AssertSameAsUninterrupted(database);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.55)]
    [InlineData(0.8)]
    [InlineData(0.95)]
    public void Killed_at_any_moment_the_same_ingest_run_again_ends_as_an_uninterrupted_one(double shareOfCleanRun)
    {
        var database = corpus.CopyOfFirst($"timed-{shareOfCleanRun}");
        using (var process = StartIngest(database))
        {
            // Times are shares of the uninterrupted run on this machine, so the kills spread over start-up, processing and stories wherever it runs.
            if (!process.WaitForExit(TimeSpan.FromSeconds(corpus.CleanSeconds * shareOfCleanRun))) process.Kill();
            process.WaitForExit();
        }

        corpus.Ingest(database, corpus.Second);

        AssertSameAsUninterrupted(database);
    }

    private Process StartIngest(string database)
    {
        var process = CliRunner.Start(corpus.Directory, "ingest", corpus.Second, "--db", database);
        // Drained so a full pipe never blocks the program; what it printed before the kill does not matter.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>
    /// Runs the ingest on a fresh copy of the first store, watching the store (as another process
    /// may), and kills it once <paramref name="reached"/> holds; returns the store when the killed
    /// run left it as <paramref name="landed"/> says.
    /// </summary>
    private string KillWhen(string point, Func<IStore, bool> reached, Func<IStore, bool> landed)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var database = corpus.CopyOfFirst($"{point.Replace(' ', '-').Replace(",", "", StringComparison.Ordinal)}-{attempt}");
            using (var watcher = SqliteStore.Open(database))
            using (var process = StartIngest(database))
            {
                var clock = Stopwatch.StartNew();
                while (!process.HasExited && !reached(watcher) && clock.Elapsed < TimeSpan.FromMinutes(5)) Thread.Sleep(20);
                if (!process.HasExited) process.Kill();
                process.WaitForExit();
            }
            using var store = SqliteStore.Open(database);
            if (landed(store)) return database;
        }
        Assert.Fail($"in {Attempts} attempts no ingest was killed at the point '{point}'");
        return "";
    }

    private void AssertSameAsUninterrupted(string database)
    {
        using var store = SqliteStore.Open(database);
        StoreState.AssertComplete(store, corpus.ArticleIds, corpus.CleanStories);
    }
}
