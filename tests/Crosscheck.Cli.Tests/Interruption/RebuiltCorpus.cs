using System.Diagnostics;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Cli.Tests.Interruption;

/// <summary>
/// The kill tests' corpus (<see cref="KilledIngestCorpus"/>: a store with stories of a few hundred
/// articles) and what one uninterrupted `crosscheck reprocess` of that store leaves, to compare
/// interrupted rebuilds with. Shared by the reprocess tests of the <see cref="RebuildCollection"/>.
/// </summary>
public sealed class RebuiltCorpus : IDisposable
{
    public RebuiltCorpus()
    {
        Corpus = new KilledIngestCorpus();
        using (var before = SqliteStore.Open(Corpus.Clean)) OldStoryIds = [.. before.GetStories().Select(s => s.Id)];
        var rebuilt = CopyOfClean("rebuilt-clean");
        var clock = Stopwatch.StartNew();
        Reprocess(rebuilt);
        CleanSeconds = clock.Elapsed.TotalSeconds;
        using var store = SqliteStore.Open(rebuilt);
        RebuiltStories = StoreState.Partition(store);
    }

    public KilledIngestCorpus Corpus { get; }

    /// <summary>The ids of the stories before any rebuild (those readers were shown).</summary>
    public IReadOnlyList<string> OldStoryIds { get; }

    /// <summary>The stories one uninterrupted reprocess makes, as <see cref="StoreState.Partition"/> lists them.</summary>
    public IReadOnlyList<string> RebuiltStories { get; }

    /// <summary>How long one uninterrupted reprocess took on this machine, start-up included.</summary>
    public double CleanSeconds { get; }

    /// <summary>A new store holding both ingests and their stories, for one test to rebuild.</summary>
    public string CopyOfClean(string name) => Corpus.CopyOf(Corpus.Clean, name);

    public CliRunner.Result Reprocess(string database)
    {
        var run = CliRunner.Run(Corpus.Directory, "reprocess", "--db", database);
        Assert.True(run.ExitCode == 0, run.Err);
        return run;
    }

    public void Dispose() => Corpus.Dispose();
}

/// <summary>The reprocess tests share one corpus and run one at a time (each runs the program, which keeps the cores busy).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RebuildCollection : ICollectionFixture<RebuiltCorpus>
{
    public const string Name = "reprocess of the kill tests' corpus";
}
