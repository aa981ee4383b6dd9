using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Storage.Sqlite;
using Crosscheck.Stories.Clustering;
using Crosscheck.Web.Hosting;

namespace Crosscheck.Bench;

/// <summary>One store size of <see cref="StreamBenchmark"/>.</summary>
/// <param name="StoredArticles">Articles in the store before the new ones are added.</param>
/// <param name="NewArticles">Articles added and timed.</param>
/// <param name="BuildSeconds">Time to build the store and its story state (not part of the measurement).</param>
/// <param name="PlacementSeconds">Wall time to place the new articles: read what they need, assign, settle, write, commit (median of the runs).</param>
/// <param name="CpuMillisecondsPerArticle">CPU time of that placement per new article (median of the runs).</param>
/// <param name="PeakResidentBytes">Peak resident memory of the process during the placement (null where the OS cannot reset the peak).</param>
/// <param name="ResidentBeforeBytes">Resident memory just before the placement, so the placement's own share can be told apart.</param>
/// <param name="StoreMilliseconds">Wall time of the placement spent in each story-state call to the store, by method name (the run of the median CPU time).</param>
/// <param name="Posts">Single articles posted to a server on the store after the placement (null when not measured).</param>
/// <param name="CpuMillisecondsPerArticleByRun">The CPU time per new article of each run, in run order (each on a fresh copy of the same store).</param>
public sealed record StreamBenchmarkResult(int StoredArticles, int NewArticles, double BuildSeconds, double PlacementSeconds, double CpuMillisecondsPerArticle,
    long? PeakResidentBytes, long ResidentBeforeBytes, IReadOnlyDictionary<string, double> StoreMilliseconds, PostBenchmarkResult? Posts = null,
    IReadOnlyList<double>? CpuMillisecondsPerArticleByRun = null);

/// <summary>
/// <c>crosscheck bench stream</c>: what adding articles costs as the store grows. For each size a
/// SQLite store is filled with the ECB+ texts replayed with shifted dates (as <c>bench clustering</c>
/// does; bare documents, since extraction and annotation cost the same at any store size) and its
/// story state built; then the same new articles are saved and placed the way an ingest places them:
/// under the store's exclusive lock, a clusterer over the stored state reads only what they need.
/// The placement reopens the store first, so nothing is cached from the build. With a server backend, single
/// articles are then posted to <c>POST /api/articles</c> of a server on that store.
/// </summary>
public static class StreamBenchmark
{
    private const double ReplayGapDays = 45;
    private const double ReplaySpanDays = 7;

    /// <summary>Articles placed per transaction while building a store (a stream of ingests, each settled).</summary>
    private const int BuildBatch = 1000;

    /// <param name="jsonlPath">The ECB+ texts to replay.</param>
    /// <param name="sizes">Store sizes.</param>
    /// <param name="newArticles">Articles added to each.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="keepStores">
    /// A folder to keep the built stores in and reuse them from (a 100,000-article store takes half an hour to build); the
    /// placement then runs on a copy, so every run measures the same store. Null: temporary stores.
    /// </param>
    /// <param name="server">The engine to run the web server on, for the posts; null: no posts.</param>
    /// <param name="posts">Single articles posted (timed) to the server on each store after the placement.</param>
    /// <param name="runs">
    /// Timed placements per size, each on a fresh copy of the same store; the medians are reported. On a shared machine one
    /// placement's CPU time swings by half with the load, in either size.
    /// </param>
    public static IReadOnlyList<StreamBenchmarkResult> Run(string jsonlPath, IReadOnlyList<int> sizes, int newArticles, TextWriter output, string? keepStores = null,
        CrosscheckBackend? server = null, int posts = 0, int runs = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var texts = Texts(jsonlPath);
        output.WriteLine($"stream benchmark: stores replaying {texts.Count} texts from {jsonlPath}; then {newArticles} new articles placed in each, {runs} time(s), the sizes taking turns");
        output.WriteLine("stored articles   build s   place s   CPU ms/new article   peak RSS during placement   RSS before");
        var stores = new List<PreparedStore>();
        try
        {
            foreach (var size in sizes.Order()) stores.Add(Prepare(texts, size, newArticles, keepStores));
            // The sizes take turns, run by run, so neither gets the process's later, better-compiled code (the clusterer's
            // methods are still being recompiled after the warm-up) or a quieter moment of a shared machine alone.
            for (var run = 0; run < runs; run++)
            {
                foreach (var store in stores)
                {
                    // Every run but the last on its own copy of the store, the last on the store itself (the posts go to it).
                    var runPath = run == runs - 1 ? store.Path : System.IO.Path.Combine(store.Directory.FullName, string.Create(CultureInfo.InvariantCulture, $"run-{run}.db"));
                    if (runPath != store.Path) CopyStore(store.Path, runPath);
                    store.Placements.Add(PlaceNew(runPath, store.Fresh));
                    if (runPath != store.Path) DeleteStore(runPath);
                }
            }
            var results = new List<StreamBenchmarkResult>();
            foreach (var store in stores)
            {
                // Posted after the new articles, so the same articles again for every size: the two warm-up posts and the timed ones.
                var posted = posts > 0 && server is not null ? StreamIngestBenchmark.PostAsync(server, store.Path,
                    [.. Enumerable.Range(store.FirstNew + newArticles, posts + 2).Select(i => Replayed(texts, i))]).GetAwaiter().GetResult() : null;
                var result = store.Result(newArticles, posted);
                results.Add(result);
                Report(result, newArticles, output);
            }
            if (results.Count >= 2)
            {
                var (small, large) = (results[0], results[^1]);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cost per new article at {large.StoredArticles:N0} / at {small.StoredArticles:N0}: {large.CpuMillisecondsPerArticle / small.CpuMillisecondsPerArticle:0.00}x CPU, {large.PlacementSeconds / small.PlacementSeconds:0.00}x wall"));
            }
            return results;
        }
        finally
        {
            foreach (var store in stores) store.Directory.Delete(recursive: true);
        }
    }

    private static void Report(StreamBenchmarkResult result, int newArticles, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.StoredArticles,15}  {result.BuildSeconds,8:F0}  {result.PlacementSeconds,8:F2}  {result.CpuMillisecondsPerArticle,19:F1}  {(result.PeakResidentBytes is { } peak ? $"{peak / 1048576.0,22:F0} MB" : "n/a"),25}  {result.ResidentBeforeBytes / 1048576.0,7:F0} MB"));
        output.WriteLine("                 of the placement, ms per new article in store calls: " + string.Join(", ",
            result.StoreMilliseconds.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value / newArticles:F2}"))));
        if (result.CpuMillisecondsPerArticleByRun is { Count: > 1 } byRun)
        {
            output.WriteLine($"                 CPU ms per new article by run (median above): {string.Join(", ", byRun.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}");
        }
        if (result.Posts is { } post)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"                 POST /api/articles, one article, {post.Posts} timed: server median {post.ServerMedianMilliseconds:F1} ms (max {post.ServerMaxMilliseconds:F1}, first after start {post.FirstMilliseconds:F1}), client median {post.ClientMedianMilliseconds:F1} ms"));
            output.WriteLine("                 server parts, median ms: " + string.Join(", ",
                post.PartMedianMilliseconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F1}"))));
        }
    }

    /// <summary>The texts the stores replay.</summary>
    public static List<ClusteringInput> Texts(string jsonlPath)
    {
        var texts = ClusteringEvaluator.Read(jsonlPath).Select(l => l.Input).ToList();
        return texts.Count > 0 ? texts : throw new InvalidDataException($"{jsonlPath}: no articles to replay.");
    }

    /// <summary>The <paramref name="i"/>th article of the replay: text i modulo the count, dated into replay i / count, each replay its own outlet.</summary>
    public static (Document Document, string Outlet) ReplayedWithOutlet(List<ClusteringInput> texts, int i) =>
        (Replayed(texts, i), "replay " + (i / texts.Count).ToString(CultureInfo.InvariantCulture));

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

    /// <summary>One size's store, built (or copied from the kept one) and warmed up, with its new articles and the timed placements on it.</summary>
    private sealed record PreparedStore(int Size, DirectoryInfo Directory, string Path, double BuildSeconds, int FirstNew, List<Document> Fresh)
    {
        public List<(TimeSpan Wall, TimeSpan Cpu, long? PeakResident, long ResidentBefore, Dictionary<string, double> StoreMilliseconds)> Placements { get; } = [];

        public StreamBenchmarkResult Result(int newArticles, PostBenchmarkResult? posted)
        {
            var median = Placements.OrderBy(p => p.Cpu).ElementAt(Placements.Count / 2);
            var cpuByRun = Placements.Select(p => p.Cpu.TotalMilliseconds / newArticles).ToList();
            return new StreamBenchmarkResult(Size, newArticles, BuildSeconds, StreamIngestBenchmark.Median([.. Placements.Select(p => p.Wall.TotalSeconds)]),
                StreamIngestBenchmark.Median(cpuByRun), Placements.Max(p => p.PeakResident), median.ResidentBefore, median.StoreMilliseconds, posted, cpuByRun);
        }
    }

    private static PreparedStore Prepare(List<ClusteringInput> texts, int size, int newArticles, string? keepStores)
    {
        var directory = Directory.CreateTempSubdirectory("crosscheck-bench-stream-");
        try
        {
            return Prepare(texts, size, newArticles, keepStores, directory);
        }
        catch
        {
            directory.Delete(recursive: true);
            throw;
        }
    }

    private static PreparedStore Prepare(List<ClusteringInput> texts, int size, int newArticles, string? keepStores, DirectoryInfo directory)
    {
        var path = Path.Combine(directory.FullName, "stream.db");
        var kept = keepStores is null ? null : Path.Combine(keepStores, string.Create(CultureInfo.InvariantCulture, $"stream-{size}.db"));
        var build = Stopwatch.StartNew();
        var reused = kept is not null && File.Exists(kept);
        if (reused) CopyStore(kept!, path);
        else using (var store = SqliteStore.Open(path))
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
        if (kept is not null && !File.Exists(kept))
        {
            Directory.CreateDirectory(keepStores!);
            CopyStore(path, kept);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The same new articles for every size: the texts once more, one replay after the store's last.
        var firstNew = (size / texts.Count + 1) * texts.Count;
        var fresh = Enumerable.Range(firstNew, newArticles).Select(i => Replayed(texts, i)).ToList();
        // The first placement would also pay for compiling the clusterer and for reading the store's file from disk: one
        // untimed placement on another copy of the store does that (for every size, before any is timed).
        var warmUp = Path.Combine(directory.FullName, "warm-up.db");
        CopyStore(path, warmUp);
        PlaceNew(warmUp, fresh);
        DeleteStore(warmUp);
        return new PreparedStore(size, directory, path, build.Elapsed.TotalSeconds, firstNew, fresh);
    }

    /// <summary>Saves the new articles to the store at <paramref name="path"/> and places them as an ingest does; returns the placement's wall and CPU time, peak and prior resident memory, and time in each store call.</summary>
    private static (TimeSpan Wall, TimeSpan Cpu, long? PeakResident, long ResidentBefore, Dictionary<string, double> StoreMilliseconds) PlaceNew(string path, List<Document> fresh)
    {
        using var store = SqliteStore.Open(path);
        store.RunInTransaction(() =>
        {
            foreach (var document in fresh) store.SaveDocument(document);
        });
        var residentBefore = ResidentBytes();
        var peakReset = ResetPeakResident();
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var timed = TimedStoryStateStore.Wrap(store, out var storeTime);
        var wall = Stopwatch.StartNew();
        store.RunExclusive(() =>
        {
            var placer = StoryClusterer.Stored(timed, new ClusteringOptions());
            var documents = store.ArticlesWithoutStoryState().Select(store.GetDocument).OfType<Document>().ToList();
            foreach (var document in documents) placer.Assign(document);
            placer.Settle();
            placer.Save(store.CountArticles());
        });
        wall.Stop();
        process.Refresh();
        return (wall.Elapsed, process.TotalProcessorTime - cpuStart, peakReset ? PeakResidentBytes() : null, residentBefore,
            storeTime.ToDictionary(p => p.Key, p => p.Value.Elapsed.TotalMilliseconds));
    }

    /// <summary>Deletes a copy made by <see cref="CopyStore"/>, with the files SQLite keeps beside it.</summary>
    private static void DeleteStore(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }

    /// <summary>Copies a SQLite store with its write-ahead log (pooled connections may keep commits there).</summary>
    private static void CopyStore(string from, string to)
    {
        File.Copy(from, to);
        if (File.Exists(from + "-wal")) File.Copy(from + "-wal", to + "-wal");
    }

    /// <summary>An <see cref="IStoryStateStore"/> that times each call by method name and passes it on: where a placement's time goes, without a profiler.</summary>
    public class TimedStoryStateStore : DispatchProxy
    {
        private IStoryStateStore _inner = null!;
        private Dictionary<string, Stopwatch> _time = null!;

        public static IStoryStateStore Wrap(IStoryStateStore inner, out Dictionary<string, Stopwatch> time)
        {
            var proxy = Create<IStoryStateStore, TimedStoryStateStore>();
            var timed = (TimedStoryStateStore)(object)proxy;
            timed._inner = inner;
            timed._time = time = [];
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (!_time.TryGetValue(targetMethod.Name, out var clock)) _time[targetMethod.Name] = clock = new Stopwatch();
            clock.Start();
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
            finally
            {
                clock.Stop();
            }
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
