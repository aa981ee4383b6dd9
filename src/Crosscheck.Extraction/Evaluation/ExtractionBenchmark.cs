using System.Diagnostics;
using System.Globalization;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Extraction.Evaluation;

/// <summary>
/// Single-threaded throughput of the HTML extractor over a benchmark directory, with
/// SmartReader timed on the same pages for comparison.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>
    /// Runs one warm-up pass and <paramref name="runs"/> timed passes; prints and returns the
    /// median pages per second of our extractor (0 when the directory is not usable).
    /// </summary>
    public static double Run(string dir, TextWriter output, int runs = 5, int baselineRuns = 1)
    {
        var pages = ExtractionEvaluator.LoadPages(dir, output);
        if (pages is null || pages.Count == 0) return 0;
        var inputs = pages.Select(ExtractionEvaluator.ToRawInput).ToList();
        var extractor = new ArticleExtractor();
        var totalBytes = pages.Sum(p => (long)p.Html.Length);

        foreach (var input in inputs) extractor.Extract(input);
        var ours = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var input in inputs) extractor.Extract(input);
            ours.Add(inputs.Count / watch.Elapsed.TotalSeconds);
        }
        var oursMedian = Median(ours);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        var baseline = new List<double>();
        var texts = pages.Select(p => (Html: Decoding.CharsetDecoder.Decode(p.Html, true).Text, p.Url)).ToList();
        for (var run = 0; run < baselineRuns; run++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var (html, url) in texts) SmartReaderFallback.Extract(html, url);
            baseline.Add(texts.Count / watch.Elapsed.TotalSeconds);
        }
        var baselineMedian = Median(baseline);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages {pages.Count}, mean size {totalBytes / pages.Count / 1024} KB, one thread"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crosscheck   {oursMedian:F1} pages/s (median of {runs} runs: {string.Join(", ", ours.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"smartreader  {baselineMedian:F1} pages/s (median of {baselineRuns} runs)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio        {oursMedian / Math.Max(baselineMedian, 1e-9):F1}x; peak working set {peak / (1024 * 1024)} MB"));
        return oursMedian;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
