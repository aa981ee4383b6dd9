using System.Diagnostics;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Cli.Tests.Interruption;

/// <summary>
/// `crosscheck reprocess` killed with SIGKILL part-way, twice in a row, then run again. Between the
/// kills and the re-run the store must still hold the old articles and stories, complete (the
/// rebuild is one transaction); after the re-run every input has its article, every article is in
/// exactly one story, and the stories are those of one uninterrupted reprocess.
/// </summary>
[Collection(RebuildCollection.Name)]
public sealed class ReprocessKillTests(RebuiltCorpus rebuilt)
{
    private const int KillsBeforeRerun = 2;

    private KilledIngestCorpus Corpus => rebuilt.Corpus;

    [Theory]
    // The progress line each phase prints first: the rebuild has started (derived data cleared in
    // its transaction), and every article is rebuilt and stories are being assigned.
    [InlineData("reprocessing")]
    [InlineData("clustering")]
    public void Killed_at_a_phase_the_store_keeps_the_old_stories_and_reprocess_run_again_rebuilds_them(string phase)
    {
        var database = rebuilt.CopyOfClean($"reprocess-killed-{phase}");
        var killed = 0;
        for (var attempt = 1; killed < KillsBeforeRerun; attempt++)
        {
            // On a quiet machine the last phase can be over, committed and the process gone within the moment between
            // its progress line and the kill. Such a run proves nothing about a kill: its store must be the complete
            // rebuilt one, and the kill is tried again on the store the ingests left.
            Assert.True(attempt <= KillsBeforeRerun + 6, $"reprocess ended before its kill at '{phase}' in {attempt - 1 - killed} runs");
            var killedAtPhase = KillAtPhase(database, phase);
            if (killedAtPhase && !RebuildCommitted(database))
            {
                killed++;
                AssertOldStoriesComplete(database);
            }
            else if (RebuildCommitted(database))
            {
                AssertSameAsUninterrupted(database);
                database = rebuilt.CopyOfClean($"reprocess-killed-{phase}-{attempt}");
            }
            else
            {
                Assert.Fail($"attempt {attempt}: reprocess ended without printing '{phase}' and without rebuilding the stories");
            }
        }

        rebuilt.Reprocess(database);

        AssertSameAsUninterrupted(database);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void Killed_at_any_moment_the_store_keeps_the_old_stories_and_reprocess_run_again_rebuilds_them(double shareOfCleanRun)
    {
        var database = rebuilt.CopyOfClean($"reprocess-timed-{shareOfCleanRun}");
        // Shares of the uninterrupted run on this machine, so the kills spread over start-up, rebuilding and stories wherever it runs.
        var wait = TimeSpan.FromSeconds(rebuilt.CleanSeconds * shareOfCleanRun);
        var killed = 0;
        var finished = false;
        for (var attempt = 1; killed < KillsBeforeRerun; attempt++)
        {
            // A run that finished before its kill proves nothing. The clean run's time is measured under another load
            // than this run's, so after such a run the next one is killed sooner.
            Assert.True(attempt <= KillsBeforeRerun + 6, $"reprocess finished before its kill in {attempt - 1 - killed} runs");
            using (var process = Start(database))
            {
                if (!process.WaitForExit(wait))
                {
                    process.Kill();
                    killed++;
                    // A kill can land after the rebuild committed and before the process exited: the store then holds
                    // the rebuilt stories, complete, which is as atomic as keeping the old ones.
                    finished |= RebuildCommitted(database);
                }
                else
                {
                    wait *= 0.6;
                    finished = true;
                }
                process.WaitForExit();
            }
            // Once a run finished, the stories before each later kill are the rebuilt ones (one pass over every article),
            // which need not equal those the two ingests placed in turn.
            if (finished) AssertSameAsUninterrupted(database);
            else AssertOldStoriesComplete(database);
        }

        rebuilt.Reprocess(database);

        AssertSameAsUninterrupted(database);
    }

    private Process Start(string database)
    {
        var process = CliRunner.Start(Corpus.Directory, "reprocess", "--db", database);
        // Drained so a full pipe never blocks the program; what it printed before the kill does not matter.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Runs reprocess and kills it as soon as it reports <paramref name="phase"/> (on a pipe, each phase prints a line when it starts); false when it ended first.</summary>
    private bool KillAtPhase(string database, string phase)
    {
        using var reached = new ManualResetEventSlim();
        using var process = CliRunner.Start(Corpus.Directory, "reprocess", "--db", database);
        _ = process.StandardOutput.ReadToEndAsync();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith(phase + " ", StringComparison.Ordinal) == true) reached.Set();
        };
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!reached.IsSet && !process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(5)) reached.Wait(TimeSpan.FromMilliseconds(20));
        var killed = !process.HasExited;
        if (killed) process.Kill();
        process.WaitForExit();
        return killed && reached.IsSet;
    }

    /// <summary>Whether the store's stories are no longer the ones the ingests left (a reprocess committed its rebuild).</summary>
    private bool RebuildCommitted(string database)
    {
        using var store = SqliteStore.Open(database);
        return !store.GetStories().Select(s => s.Id).SequenceEqual(rebuilt.OldStoryIds);
    }

    /// <summary>The store as the ingests left it: every article, and the same complete stories under the same ids.</summary>
    private void AssertOldStoriesComplete(string database)
    {
        using var store = SqliteStore.Open(database);
        StoreState.AssertComplete(store, Corpus.ArticleIds, Corpus.CleanStories);
        Assert.Equal(rebuilt.OldStoryIds, store.GetStories().Select(s => s.Id));
    }

    private void AssertSameAsUninterrupted(string database)
    {
        using var store = SqliteStore.Open(database);
        StoreState.AssertComplete(store, Corpus.ArticleIds, rebuilt.RebuiltStories);
    }
}
