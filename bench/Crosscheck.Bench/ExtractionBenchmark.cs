using System.Diagnostics;
using System.Globalization;
using Crosscheck.Evaluation.Extraction;
using Crosscheck.Extraction;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Bench;

/// <summary>
/// Single-threaded throughput of the HTML extractor over a benchmark directory, with
/// SmartReader timed on the same pages for comparison.
/// </summary>
public static class ExtractionBenchmark
{
    /// <summary>
    /// Runs one warm-up pass (over the first <paramref name="warmUpPages"/> pages, all when null) and <paramref name="runs"/> timed passes of our extractor, alternating
    /// with up to <paramref name="baselineRuns"/> passes of SmartReader; prints and
    /// returns the median pages per second of our extractor (0 when it holds no pages; a directory that is not a benchmark directory throws <see cref="Crosscheck.Evaluation.EvaluationDataException"/>).
    /// Both wall-clock and process CPU time are reported: on a shared machine the wall clock
    /// measures the neighbours too, while CPU time (every thread of the process, the garbage
    /// collector's included) is what one core spends on the pages.
    /// </summary>
    public static double Run(string dir, TextWriter output, int runs = 5, int baselineRuns = 5, int? warmUpPages = null)
    {
        var loaded = BenchmarkDirectory.Load(dir);
        var skipped = loaded.Skipped.ToList();
        var inputs = BenchmarkDirectory.Inputs(loaded.Pages, skipped).Select(page => page.Input).ToList();
        foreach (var note in skipped) output.WriteLine(note);
        if (inputs.Count == 0) return 0;
        var extractor = new ArticleExtractor();
        var totalBytes = inputs.Sum(i => (long)i.Content.Length);

        // SmartReader gets the same decoded text our extractor starts from.
        var texts = inputs.Select(i => (Html: Crosscheck.Extraction.Decoding.CharsetDecoder.Decode(i.Content, true).Text, i.Hints.Url)).ToList();
        var ours = new Timing();
        var baseline = new Timing();
        void OursPass(int count)
        {
            foreach (var input in inputs.Take(count)) extractor.Extract(input);
        }
        void BaselinePass(int count)
        {
            foreach (var (html, url) in texts.Take(count)) SmartReaderFallback.Extract(html, url);
        }
        Action oursPass = () => OursPass(inputs.Count);
        Action baselinePass = () => BaselinePass(texts.Count);
        // Warm-up (JIT, lazily loaded models), then the two alternate so that both meet the same load on a shared machine.
        OursPass(warmUpPages ?? inputs.Count);
        BaselinePass(warmUpPages ?? texts.Count);
        for (var run = 0; run < runs; run++)
        {
            ours.Add(inputs.Count, oursPass);
            if (run < baselineRuns) baseline.Add(inputs.Count, baselinePass);
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages {inputs.Count}, mean size {totalBytes / inputs.Count / 1024} KB, one thread; load average before: {LoadAverage()}"));
        Print(output, "crosscheck", ours);
        Print(output, "smartreader", baseline);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio        {ours.CpuMedian / Math.Max(baseline.CpuMedian, 1e-9):F1}x by CPU time, {ours.WallMedian / Math.Max(baseline.WallMedian, 1e-9):F1}x by wall clock; peak working set {peak / (1024 * 1024)} MB"));
        return ours.WallMedian;
    }

    /// <summary>Pages per second of each timed pass, by wall clock and by process CPU time, and what the passes allocated.</summary>
    private sealed class Timing
    {
        public List<double> Wall { get; } = [];
        public List<double> Cpu { get; } = [];
        public double AllocatedPerPage => _pages == 0 ? 0 : _allocated / (double)_pages;
        public int Collections { get; private set; }
        public double WallMedian => Median(Wall);
        public double CpuMedian => Median(Cpu);

        private long _allocated;
        private long _pages;

        public void Add(int pageCount, Action pass)
        {
            var process = Process.GetCurrentProcess();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var collectionsBefore = GC.CollectionCount(0);
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            pass();
            watch.Stop();
            process.Refresh();
            Wall.Add(pageCount / watch.Elapsed.TotalSeconds);
            Cpu.Add(pageCount / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
            _allocated += GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            _pages += pageCount;
            Collections += GC.CollectionCount(0) - collectionsBefore;
        }
    }

    private static void Print(TextWriter output, string name, Timing timing) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-12} {timing.WallMedian,6:F1} pages/s wall, {timing.CpuMedian,6:F1} pages/s CPU time (medians of {timing.Wall.Count} runs; wall {Join(timing.Wall)}; CPU {Join(timing.Cpu)}); {timing.AllocatedPerPage / (1024 * 1024):F2} MB allocated per page, {timing.Collections} collections"));

    private static string Join(List<double> values) => string.Join(", ", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)));

    /// <summary>The 1-minute load average on Linux (how busy the shared machine was), or "n/a".</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
