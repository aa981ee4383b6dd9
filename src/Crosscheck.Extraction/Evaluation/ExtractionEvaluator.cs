using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Extraction.Evaluation;

/// <summary>
/// Scores the HTML extractor on a benchmark directory holding html/&lt;id&gt;.html and
/// ground-truth.json (id → {articleBody, url}); SmartReader is scored on the same pages
/// for comparison.
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>One benchmark page: its id, URL and raw bytes, and the true article body.</summary>
    public sealed record BenchmarkPage(string Id, string? Url, byte[] Html, string Truth);

    /// <summary>
    /// Prints F1, precision and recall (ours and SmartReader's) and writes our predictions as
    /// {id: {"articleBody": ...}} to <paramref name="outPath"/> when given. Returns 0 on success,
    /// 1 when the directory is not a benchmark directory.
    /// </summary>
    public static int Run(string dir, string? outPath, TextWriter output)
    {
        var pages = LoadPages(dir, output);
        if (pages is null) return 1;
        var extractor = new ArticleExtractor(new ExtractionOptions { UseSmartReaderFallback = true });

        var predictions = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var ours = new List<PageScore>();
        var baseline = new List<PageScore>();
        var ourTime = new Stopwatch();
        var baselineTime = new Stopwatch();
        foreach (var page in pages)
        {
            ourTime.Start();
            var article = extractor.Extract(ToRawInput(page));
            ourTime.Stop();
            predictions[page.Id] = new Dictionary<string, string> { ["articleBody"] = article.Body };
            ours.Add(ShingleMetric.Score(page.Truth, article.Body));

            baselineTime.Start();
            var smart = string.Join("\n\n", SmartReaderFallback.Extract(Decode(page.Html), page.Url));
            baselineTime.Stop();
            baseline.Add(ShingleMetric.Score(page.Truth, smart));
        }

        Report(output, "crosscheck", ours, pages.Count / ourTime.Elapsed.TotalSeconds);
        Report(output, "smartreader", baseline, pages.Count / baselineTime.Elapsed.TotalSeconds);
        if (outPath is not null)
        {
            File.WriteAllText(outPath, JsonSerializer.Serialize(predictions, new JsonSerializerOptions { WriteIndented = true }));
            output.WriteLine($"predictions written to {outPath}");
        }
        return 0;
    }

    /// <summary>Mean precision and recall over pages, and the F1 of those two means.</summary>
    public static (double F1, double Precision, double Recall) Summarise(IReadOnlyList<PageScore> scores)
    {
        if (scores.Count == 0) return (0, 0, 0);
        var precision = scores.Average(s => s.Precision);
        var recall = scores.Average(s => s.Recall);
        return (ShingleMetric.F1(precision, recall), precision, recall);
    }

    private static void Report(TextWriter output, string name, List<PageScore> scores, double pagesPerSecond)
    {
        var (f1, precision, recall) = Summarise(scores);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-12} F1 {f1:F4}  precision {precision:F4}  recall {recall:F4}  pages {scores.Count}  ({pagesPerSecond:F1} pages/s, first run incl. warm-up)"));
    }

    /// <summary>Reads the benchmark pages; prints why and returns null when the directory is not usable.</summary>
    public static List<BenchmarkPage>? LoadPages(string dir, TextWriter output)
    {
        var truthPath = Path.Combine(dir, "ground-truth.json");
        var htmlDir = Path.Combine(dir, "html");
        if (!File.Exists(truthPath) || !Directory.Exists(htmlDir))
        {
            output.WriteLine($"{dir}: expected ground-truth.json and an html/ folder");
            return null;
        }
        Dictionary<string, JsonElement>? truth;
        try
        {
            truth = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(truthPath));
        }
        catch (JsonException e)
        {
            output.WriteLine($"{truthPath}: not valid JSON ({e.Message})");
            return null;
        }
        var pages = new List<BenchmarkPage>();
        foreach (var (id, entry) in (truth ?? []).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(htmlDir, id + ".html");
            if (!File.Exists(path))
            {
                output.WriteLine($"{path}: missing; page skipped");
                continue;
            }
            var body = entry.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            var url = entry.TryGetProperty("url", out var u) ? u.GetString() : null;
            pages.Add(new BenchmarkPage(id, url, File.ReadAllBytes(path), body));
        }
        return pages;
    }

    public static RawInput ToRawInput(BenchmarkPage page) => new()
    {
        Id = page.Id,
        Source = page.Url ?? page.Id,
        Kind = RawKind.Html,
        Content = page.Html,
        Hints = new IngestHints { Url = page.Url },
    };

    private static string Decode(byte[] html) => Decoding.CharsetDecoder.Decode(html, sniffDeclaration: true).Text;
}
