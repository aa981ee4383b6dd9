using System.Diagnostics;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Bench;

/// <summary>One corpus size of <see cref="ClusteringBenchmark"/>.</summary>
/// <remarks>
/// Per-article figures are CPU time of this process (all threads, GC included), which stays meaningful on
/// a machine shared with other work; wall-clock seconds are given too. The end-of-input settle (re-checks,
/// splits) runs once after the last article and is timed on its own, as ingest runs it once per batch.
/// </remarks>
public sealed record ClusteringBenchmarkResult(int Articles, int Stories, double Seconds, double CpuMicrosecondsPerArticle, double LastTenthCpuMicrosecondsPerArticle, double SettleSeconds, long PeakWorkingSetBytes, long ManagedBytesAfter);

/// <summary>
/// <c>crosscheck bench clustering</c>: cost per article as the corpus grows. The corpus is built by
/// replaying real texts with shifted publication dates (each replay a few weeks after the previous
/// one, as news recurs), so the index sees a realistic, ever-growing stream rather than one batch.
/// </summary>
public static class ClusteringBenchmark
{
    /// <summary>Days between two replays of the source texts; longer than the idle window, as distinct news cycles.</summary>
    private const double ReplayGapDays = 45;

    /// <summary>Days one replay's articles are spread over.</summary>
    private const double ReplaySpanDays = 7;

    public static IReadOnlyList<ClusteringBenchmarkResult> Run(string jsonlPath, IReadOnlyList<int> sizes, TextWriter output, ClusteringOptions? options = null)
    {
        var texts = ClusteringEvaluator.Read(jsonlPath).Select(l => l.Input).ToList();
        if (texts.Count == 0) throw new InvalidDataException($"{jsonlPath}: no articles to replay.");
        var results = new List<ClusteringBenchmarkResult>();
        output.WriteLine($"clustering benchmark: replaying {texts.Count} texts from {jsonlPath}");
        output.WriteLine("articles   stories   wall s   CPU µs/article   CPU µs/article (last 10%)   settle s   peak working set   managed after");
        foreach (var size in sizes.Order())
        {
            var result = RunOne(texts, size, options);
            results.Add(result);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Articles,8}  {result.Stories,8}  {result.Seconds,7:F1}  {result.CpuMicrosecondsPerArticle,15:F0}  {result.LastTenthCpuMicrosecondsPerArticle,26:F0}  {result.SettleSeconds,8:F1}  {result.PeakWorkingSetBytes / 1048576.0,14:F0} MB  {result.ManagedBytesAfter / 1048576.0,10:F0} MB"));
        }
        return results;
    }

    private static ClusteringBenchmarkResult RunOne(List<ClusteringInput> texts, int size, ClusteringOptions? options)
    {
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clusterer = new StoryClusterer(options);
        var lastTenth = size - size / 10;
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var cpuTail = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < size; i++)
        {
            var replay = i / texts.Count;
            var index = i % texts.Count;
            var input = texts[index];
            var published = start.AddDays(replay * ReplayGapDays + ReplaySpanDays * index / texts.Count);
            var article = new Article
            {
                Id = replay == 0 ? input.Id : input.Id + "#r" + replay.ToString(CultureInfo.InvariantCulture),
                Source = input.Id,
                Body = input.Text,
                Title = input.Title,
                Published = new Found<DateTimeOffset>(published, "benchmark"),
            };
            if (i == lastTenth)
            {
                process.Refresh();
                cpuTail = process.TotalProcessorTime;
            }
            clusterer.Assign(new Document(article));
        }
        total.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var tail = process.TotalProcessorTime - cpuTail;
        var settle = Stopwatch.StartNew();
        clusterer.Settle();
        settle.Stop();
        var stories = clusterer.Stories.Count;
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(clusterer);
        process.Refresh();
        return new ClusteringBenchmarkResult(size, stories, total.Elapsed.TotalSeconds,
            cpu.TotalMicroseconds / size,
            tail.TotalMicroseconds / Math.Max(1, size - lastTenth),
            settle.Elapsed.TotalSeconds, process.PeakWorkingSet64, managed);
    }
}
