using System.Diagnostics;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Storage.Sqlite;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Bench;

/// <summary>One store size of <see cref="StreamBenchmark"/>.</summary>
/// <param name="StoredArticles">Articles in the store before the new ones are added.</param>
/// <param name="NewArticles">Articles added and timed.</param>
/// <param name="BuildSeconds">Time to build the store and its story state (not part of the measurement).</param>
/// <param name="PlacementSeconds">Wall time to place the new articles: read what they need, assign, settle, write, commit.</param>
/// <param name="CpuMillisecondsPerArticle">CPU time of that placement per new article.</param>
/// <param name="PeakResidentBytes">Peak resident memory of the process during the placement (null where the OS cannot reset the peak).</param>
/// <param name="ResidentBeforeBytes">Resident memory just before the placement, so the placement's own share can be told apart.</param>
public sealed record StreamBenchmarkResult(int StoredArticles, int NewArticles, double BuildSeconds, double PlacementSeconds, double CpuMillisecondsPerArticle, long? PeakResidentBytes, long ResidentBeforeBytes);

/// <summary>
/// <c>crosscheck bench stream</c>: what adding articles costs as the store grows. For each size a
/// SQLite store is filled with the ECB+ texts replayed with shifted dates (as <c>bench clustering</c>
/// does; bare documents, since extraction and annotation cost the same at any store size) and its
/// story state built; then the same new articles are saved and placed the way an ingest places them:
/// under the store's exclusive lock, a clusterer over the stored state reads only what they need.
/// The placement reopens the store first, so nothing is cached from the build.
/// </summary>
public static class StreamBenchmark
{
    private const double ReplayGapDays = 45;
    private const double ReplaySpanDays = 7;

    /// <summary>Articles placed per transaction while building a store (a stream of ingests, each settled).</summary>
    private const int BuildBatch = 1000;

    public static IReadOnlyList<StreamBenchmarkResult> Run(string jsonlPath, IReadOnlyList<int> sizes, int newArticles, TextWriter output)
    {
        var texts = ClusteringEvaluator.Read(jsonlPath).Select(l => l.Input).ToList();
        if (texts.Count == 0) throw new InvalidDataException($"{jsonlPath}: no articles to replay.");
        output.WriteLine($"stream benchmark: stores replaying {texts.Count} texts from {jsonlPath}; then {newArticles} new articles placed in each");
        output.WriteLine("stored articles   build s   place s   CPU ms/new article   peak RSS during placement   RSS before");
        var results = new List<StreamBenchmarkResult>();
        foreach (var size in sizes.Order())
        {
            var result = RunOne(texts, size, newArticles);
            results.Add(result);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.StoredArticles,15}  {result.BuildSeconds,8:F0}  {result.PlacementSeconds,8:F2}  {result.CpuMillisecondsPerArticle,19:F1}  {(result.PeakResidentBytes is { } peak ? $"{peak / 1048576.0,22:F0} MB" : "n/a"),25}  {result.ResidentBeforeBytes / 1048576.0,7:F0} MB"));
        }
        if (results.Count >= 2)
        {
            var (small, large) = (results[0], results[^1]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cost per new article at {large.StoredArticles:N0} / at {small.StoredArticles:N0}: {large.CpuMillisecondsPerArticle / small.CpuMillisecondsPerArticle:0.00}x CPU, {large.PlacementSeconds / small.PlacementSeconds:0.00}x wall"));
        }
        return results;
    }

    private static Document Replayed(List<ClusteringInput> texts, int i)
    {
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var replay = i / texts.Count;
        var index = i % texts.Count;
        var input = texts[index];
        var published = start.AddDays(replay * ReplayGapDays + ReplaySpanDays * index / texts.Count);
        return new Document(new Article
        {
            Id = input.Id + "#r" + replay.ToString(CultureInfo.InvariantCulture),
            Source = input.Id,
            Body = input.Text,
            Title = input.Title,
            Published = new Found<DateTimeOffset>(published, "benchmark"),
        });
    }

    private static StreamBenchmarkResult RunOne(List<ClusteringInput> texts, int size, int newArticles)
    {
        var directory = Directory.CreateTempSubdirectory("crosscheck-bench-stream-");
        try
        {
            var path = Path.Combine(directory.FullName, "stream.db");
            var build = Stopwatch.StartNew();
            using (var store = SqliteStore.Open(path))
            {
                var clusterer = StoryClusterer.Rebuilding(store, new ClusteringOptions());
                for (var from = 0; from < size; from += BuildBatch)
                {
                    var batch = Enumerable.Range(from, Math.Min(BuildBatch, size - from)).Select(i => Replayed(texts, i)).ToList();
                    store.RunExclusive(() =>
                    {
                        foreach (var document in batch) store.SaveDocument(document);
                        foreach (var document in batch) clusterer.Assign(document);
                        clusterer.Settle();
                        clusterer.Save(from + batch.Count);
                    });
                }
            }
            build.Stop();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            // The same new articles for every size: the texts once more, one replay after the store's last.
            var firstNew = (size / texts.Count + 1) * texts.Count;
            var fresh = Enumerable.Range(firstNew, newArticles).Select(i => Replayed(texts, i)).ToList();
            using var again = SqliteStore.Open(path);
            again.RunInTransaction(() =>
            {
                foreach (var document in fresh) again.SaveDocument(document);
            });
            var residentBefore = ResidentBytes();
            var peakReset = ResetPeakResident();
            using var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            again.RunExclusive(() =>
            {
                var placer = StoryClusterer.Stored(again, new ClusteringOptions());
                var documents = again.ArticlesWithoutStoryState().Select(again.GetDocument).OfType<Document>().ToList();
                foreach (var document in documents) placer.Assign(document);
                placer.Settle();
                placer.Save(again.CountArticles());
            });
            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuStart;
            return new StreamBenchmarkResult(size, newArticles, build.Elapsed.TotalSeconds, wall.Elapsed.TotalSeconds,
                cpu.TotalMilliseconds / newArticles, peakReset ? PeakResidentBytes() : null, residentBefore);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Resets the kernel's peak-RSS mark of this process (Linux: writing 5 to clear_refs), so the peak measured is the placement's own.</summary>
    private static bool ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long? PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    private static long ResidentBytes() => (StatusKilobytes("VmRSS:") ?? 0) * 1024;

    private static long? StatusKilobytes(string field)
    {
        if (!File.Exists("/proc/self/status")) return null;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
