using System.Diagnostics;
using System.Globalization;
using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Clustering;

/// <summary>One corpus size of <see cref="ClusteringBenchmark"/>.</summary>
public sealed record ClusteringBenchmarkResult(int Articles, int Stories, double Seconds, double MicrosecondsPerArticle, double LastTenthMicrosecondsPerArticle, long PeakWorkingSetBytes, long ManagedBytesAfter);

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
        output.WriteLine("articles   stories   seconds   µs/article   µs/article (last 10%)   peak working set   managed after");
        foreach (var size in sizes.Order())
        {
            var result = RunOne(texts, size, options);
            results.Add(result);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Articles,8}  {result.Stories,8}  {result.Seconds,8:F1}  {result.MicrosecondsPerArticle,11:F0}  {result.LastTenthMicrosecondsPerArticle,22:F0}  {result.PeakWorkingSetBytes / 1048576.0,14:F0} MB  {result.ManagedBytesAfter / 1048576.0,10:F0} MB"));
        }
        return results;
    }

    private static ClusteringBenchmarkResult RunOne(List<ClusteringInput> texts, int size, ClusteringOptions? options)
    {
        var start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clusterer = new StoryClusterer(options);
        var lastTenth = size - size / 10;
        var total = Stopwatch.StartNew();
        var tail = new Stopwatch();
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
            if (i == lastTenth) tail.Start();
            clusterer.Assign(new Document(article));
        }
        tail.Stop();
        total.Stop();
        var stories = clusterer.Stories.Count;
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(clusterer);
        return new ClusteringBenchmarkResult(size, stories, total.Elapsed.TotalSeconds,
            total.Elapsed.TotalMicroseconds / size,
            tail.Elapsed.TotalMicroseconds / Math.Max(1, size - lastTenth),
            Process.GetCurrentProcess().PeakWorkingSet64, managed);
    }
}
