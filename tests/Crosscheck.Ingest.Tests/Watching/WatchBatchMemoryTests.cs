using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Processing;
using Crosscheck.Ingest.Tests.Processing;
using Crosscheck.Ingest.Watching;
using Crosscheck.Storage.Sqlite;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Ingest.Tests.Watching;

/// <summary>
/// What a watch takes in one poll is read as the ingest takes it, a batch of bytes at a time, as `crosscheck ingest`
/// reads: a watch held every file of a poll (and every record appended to a WARC file) in memory before it began, so
/// a 300 MB WARC dropped into a watched directory took 1.59 GB where `ingest` of it took 1.17 GB, and three times
/// that size 2.35 GB (hostile3's section of docs/BENCHMARKS.md).
/// </summary>
public sealed class WatchBatchMemoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-watch-memory-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly WatchOptions Options = WatchFixture.Fast;

    private static string Report(int i) =>
        $"Port report {i}\n\n" + string.Concat(Enumerable.Repeat($"Report {i}: the harbour master said on Monday that the port would stay closed after the storm.\n\n", 400));

    /// <summary>
    /// Polls the source until it gives something, deleting <paramref name="late"/> as soon as the ingest reads its first input:
    /// read at the poll, the late input's bytes are already held and it is stored; read as the ingest takes it, it is gone.
    /// </summary>
    private (IngestReport Report, SqliteStore Store) PollRemovingLate(string source, Action late)
    {
        var store = SqliteStore.Open(Path.Combine(_dir, "watch.db"));
        // Six inputs of about 40 KB under a 100 KB budget: a batch holds two.
        var ingest = TestIngest.WithLimits(store, new InputLimits { MaxBatchBytes = 100 * 1024 });
        var removed = false;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase != "reading" || removed) return;
            late();
            removed = true;
        });
        using var watcher = new Watcher(ingest, [source], Options, statePath: null, new StringWriter(), progress);
        for (var look = 0; look < 3; look++)
        {
            if (watcher.PollOnceAsync().GetAwaiter().GetResult().Ingest is { } report) return (report, store);
        }
        throw new InvalidOperationException("the watch took nothing in three looks");
    }

    [Fact]
    public void The_files_of_a_watched_directory_are_read_as_the_ingest_takes_them_not_all_at_the_poll()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_dir, "inbox")).FullName;
        for (var i = 0; i < 6; i++) File.WriteAllText(Path.Combine(inbox, $"report{i}.txt"), Report(i));
        var last = Path.Combine(inbox, "report5.txt");

        var (report, store) = PollRemovingLate(inbox, () => File.Delete(last));
        using (store)
        {
            Assert.Equal(5, report.Added);
            Assert.Equal(last, Assert.Single(report.Errors).Source);
            Assert.Equal(5, store.CountArticles());
        }
    }

    [Fact]
    public void The_records_appended_to_a_watched_WARC_file_are_read_as_the_ingest_takes_them()
    {
        var builder = new WarcBuilder();
        for (var i = 0; i < 6; i++) builder.Response($"https://harbour.example/report{i}", $"<html><body><article><p>{Report(i).Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>");
        var path = Path.Combine(_dir, "crawl.warc");
        File.WriteAllBytes(path, builder.Plain());
        var lastRecord = builder.Offsets[^1];

        // The crawler's file is cut back to its first five records once the ingest has begun.
        var (report, store) = PollRemovingLate(path, () =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.SetLength(lastRecord);
        });
        using (store)
        {
            Assert.Equal(5, report.Added);
            Assert.Empty(report.Errors);
            Assert.DoesNotContain(store.AllArticles(), a => a.Url == "https://harbour.example/report5");
        }
    }
}
