using System.Diagnostics;
using System.Text;
using Crosscheck.Core.Text;
using Crosscheck.Storage;
using Crosscheck.Storage.Sqlite;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Cli.Tests.Interruption;

/// <summary>
/// What the kill tests share: a store holding a first ingest (so stories already exist, as in a
/// store kept current over time), a second JSONL file to ingest into it, and the store that one
/// uninterrupted ingest of that file leaves, to compare every interrupted one with.
/// </summary>
public sealed class KilledIngestCorpus : IDisposable
{
    /// <summary>Articles of the first ingest; the rest form the file the tests ingest and kill.</summary>
    private const int FirstIngest = 60;

    public KilledIngestCorpus()
    {
        var lines = SyntheticNews.Lines(events: 72);
        ArticleIds = [.. lines.Select(line => ContentHash.Of(Encoding.UTF8.GetBytes(line)))];
        File.WriteAllLines(Path.Combine(Directory, "first.jsonl"), lines.Take(FirstIngest));
        File.WriteAllLines(Second, lines.Skip(FirstIngest));
        FirstOnly = Path.Combine(Directory, "first.db");
        Ingest(FirstOnly, Path.Combine(Directory, "first.jsonl"));

        Clean = CopyOfFirst("clean");
        var clock = Stopwatch.StartNew();
        Ingest(Clean, Second);
        CleanSeconds = clock.Elapsed.TotalSeconds;
        using var store = SqliteStore.Open(Clean);
        CleanStories = StoreState.Partition(store);
        // The comparison means something only when the articles are spread over several stories of several articles.
        Assert.True(CleanStories.Count(story => story.Contains(' ', StringComparison.Ordinal)) > 1, $"{CleanStories.Count} stories");
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("crosscheck-kill-").FullName;

    /// <summary>The file every test ingests (and kills the ingest of).</summary>
    public string Second => Path.Combine(Directory, "second.jsonl");

    /// <summary>Every article's id (the content hash of its line), first ingest and second.</summary>
    public IReadOnlyList<string> ArticleIds { get; }

    /// <summary>The store after the first ingest only; tests work on copies.</summary>
    private string FirstOnly { get; }

    /// <summary>The store after both ingests, uninterrupted.</summary>
    public string Clean { get; }

    public double CleanSeconds { get; }

    public IReadOnlyList<string> CleanStories { get; }

    public int ArticlesBefore => FirstIngest;

    /// <summary>A new store holding the first ingest, for one test to interrupt the second in.</summary>
    public string CopyOfFirst(string name) => CopyOf(FirstOnly, name);

    /// <summary>A new store named <paramref name="name"/> in the corpus folder, holding what <paramref name="database"/> holds.</summary>
    public string CopyOf(string database, string name)
    {
        var path = Path.Combine(Directory, name + ".db");
        File.Copy(database, path, overwrite: true);
        // Closing the store folds its write-ahead log into the file; a log left behind goes along.
        if (File.Exists(database + "-wal")) File.Copy(database + "-wal", path + "-wal", overwrite: true);
        return path;
    }

    public CliRunner.Result Ingest(string database, string file)
    {
        var run = CliRunner.Run(Directory, "ingest", file, "--db", database);
        Assert.True(run.ExitCode == 0, run.Err);
        return run;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <summary>Reading what an ingest left in a store.</summary>
public static class StoreState
{
    /// <summary>The stories as sorted lists of article ids, sorted, so two stores can be compared.</summary>
    public static List<string> Partition(IStore store) =>
        [.. store.GetStories().Select(s => string.Join(' ', s.ArticleIds.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The store holds an article for every input of <paramref name="articleIds"/> and nothing else,
    /// every article is in exactly one story, the stories are marked as covering them all, and they
    /// are <paramref name="stories"/> (as <see cref="Partition"/> lists them).
    /// </summary>
    public static void AssertComplete(IStore store, IEnumerable<string> articleIds, IReadOnlyList<string> stories)
    {
        var expected = articleIds.Order(StringComparer.Ordinal).ToList();
        Assert.Empty(store.RawWithoutDocument());
        Assert.Equal(expected, store.AllArticles().Select(a => a.Id).Order(StringComparer.Ordinal));
        // Every article in exactly one story: the stories' members are the articles, none twice.
        Assert.Equal(expected, store.GetStories().SelectMany(s => s.ArticleIds).Order(StringComparer.Ordinal));
        Assert.Equal(store.CountArticles(), store.StoriesAssignedFrom());
        Assert.Equal(stories.Count, store.GetStories().Count);
        Assert.Equal(stories, Partition(store));
    }
}
