using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>A batch is bounded in bytes as well as in count, so large files are not all held and extracted at once.</summary>
public sealed class BatchMemoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Inputs => Directory.CreateDirectory(Path.Combine(_dir, "inputs")).FullName;

    [Fact]
    public void Inputs_over_the_byte_budget_are_processed_before_the_next_ones_are_read()
    {
        // Six inputs of about 40 KB under a 100 KB budget: a batch holds two, and at most two batches are in
        // hand (one processed while the one before is written), so by the time the fifth is read the first
        // two must be stored as articles.
        for (var i = 0; i < 6; i++)
        {
            var paragraph = $"Report {i}: the harbour master said on Monday that the port would stay closed after the storm. ";
            File.WriteAllText(Path.Combine(Inputs, $"big{i}.txt"), $"Port report {i}\n\n" + string.Concat(Enumerable.Repeat(paragraph + "\n\n", 400)));
        }
        using var store = SqliteStore.Open(Path.Combine(_dir, "news.db"));
        var service = TestIngest.WithLimits(store, new InputLimits { MaxBatchBytes = 100 * 1024 });
        var articlesWhenRead = new List<int>();

        var report = service.Ingest([Inputs], IngestHints.None, new SynchronousProgress(p =>
        {
            if (p.Phase == "reading") articlesWhenRead.Add(store.CountArticles());
        }));

        Assert.Equal(6, report.Added);
        Assert.Equal([0, 0, 0, 0, 2, 2], articlesWhenRead);
    }
}
