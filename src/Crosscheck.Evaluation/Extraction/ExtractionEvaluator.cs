using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Extraction;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>One benchmark page: its id, URL and raw bytes, and the true article body.</summary>
public sealed record BenchmarkPage(string Id, string? Url, byte[] Html, string Truth);

/// <summary>The pages of a benchmark directory, and the notes on pages that could not be read (a missing HTML file).</summary>
public sealed record BenchmarkPages(IReadOnlyList<BenchmarkPage> Pages, IReadOnlyList<string> Skipped);

/// <summary>One extractor's figures: precision and recall averaged over pages, the F1 of those two means, and its speed.</summary>
public sealed record ExtractorScores(string Name, double F1, double Precision, double Recall, int Pages, double PagesPerSecond);

/// <summary>Ours and SmartReader's figures on the same pages, our predicted bodies by page id, and the pages skipped.</summary>
public sealed record ExtractionEvaluation(
    ExtractorScores Ours,
    ExtractorScores Baseline,
    IReadOnlyDictionary<string, string> Predictions,
    IReadOnlyList<string> Skipped);

/// <summary>
/// Scores the HTML extractor on a benchmark directory holding html/&lt;id&gt;.html and
/// ground-truth.json (id → {articleBody, url}); SmartReader is scored on the same pages
/// for comparison.
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>
    /// Extracts every page with our extractor and with SmartReader and scores both.
    /// Throws <see cref="EvaluationDataException"/> when the directory is not a benchmark directory.
    /// </summary>
    public static ExtractionEvaluation Evaluate(string dir)
    {
        var loaded = LoadPages(dir);
        var pages = loaded.Pages;
        var extractor = new ArticleExtractor(new ExtractionOptions { UseSmartReaderFallback = true });

        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        var ours = new List<PageScore>();
        var baseline = new List<PageScore>();
        var ourTime = new Stopwatch();
        var baselineTime = new Stopwatch();
        foreach (var page in pages)
        {
            ourTime.Start();
            var article = extractor.Extract(ToRawInput(page));
            ourTime.Stop();
            predictions[page.Id] = article.Body;
            ours.Add(ShingleMetric.Score(page.Truth, article.Body));

            baselineTime.Start();
            var smart = string.Join("\n\n", SmartReaderFallback.Extract(Decode(page.Html), page.Url));
            baselineTime.Stop();
            baseline.Add(ShingleMetric.Score(page.Truth, smart));
        }

        return new ExtractionEvaluation(
            Scores("crosscheck", ours, pages.Count / ourTime.Elapsed.TotalSeconds),
            Scores("smartreader", baseline, pages.Count / baselineTime.Elapsed.TotalSeconds),
            predictions,
            loaded.Skipped);
    }

    /// <summary>Writes predicted bodies as {id: {"articleBody": ...}}, the shape of ground-truth.json.</summary>
    public static void WritePredictions(IReadOnlyDictionary<string, string> predictions, string path)
    {
        var shaped = predictions.ToDictionary(p => p.Key, p => new Dictionary<string, string> { ["articleBody"] = p.Value }, StringComparer.Ordinal);
        File.WriteAllText(path, JsonSerializer.Serialize(shaped, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Mean precision and recall over pages, and the F1 of those two means.</summary>
    public static (double F1, double Precision, double Recall) Summarise(IReadOnlyList<PageScore> scores)
    {
        if (scores.Count == 0) return (0, 0, 0);
        var precision = scores.Average(s => s.Precision);
        var recall = scores.Average(s => s.Recall);
        return (ShingleMetric.F1(precision, recall), precision, recall);
    }

    private static ExtractorScores Scores(string name, List<PageScore> scores, double pagesPerSecond)
    {
        var (f1, precision, recall) = Summarise(scores);
        return new ExtractorScores(name, f1, precision, recall, scores.Count, pagesPerSecond);
    }

    /// <summary>
    /// Reads the benchmark pages; a page whose HTML file is missing is skipped with a note.
    /// Throws <see cref="EvaluationDataException"/> when the directory is not usable.
    /// </summary>
    public static BenchmarkPages LoadPages(string dir)
    {
        var truthPath = Path.Combine(dir, "ground-truth.json");
        var htmlDir = Path.Combine(dir, "html");
        if (!File.Exists(truthPath) || !Directory.Exists(htmlDir))
            throw new EvaluationDataException($"{dir}: expected ground-truth.json and an html/ folder");
        Dictionary<string, JsonElement>? truth;
        try
        {
            truth = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(truthPath));
        }
        catch (JsonException e)
        {
            throw new EvaluationDataException($"{truthPath}: not valid JSON ({e.Message})", e);
        }
        var pages = new List<BenchmarkPage>();
        var skipped = new List<string>();
        foreach (var (id, entry) in (truth ?? []).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(htmlDir, id + ".html");
            if (!File.Exists(path))
            {
                skipped.Add($"{path}: missing; page skipped");
                continue;
            }
            var body = entry.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            var url = entry.TryGetProperty("url", out var u) ? u.GetString() : null;
            pages.Add(new BenchmarkPage(id, url, File.ReadAllBytes(path), body));
        }
        return new BenchmarkPages(pages, skipped);
    }

    public static RawInput ToRawInput(BenchmarkPage page) => new()
    {
        Id = page.Id,
        Source = page.Url ?? page.Id,
        Kind = RawKind.Html,
        Content = page.Html,
        Hints = new IngestHints { Url = page.Url },
    };

    private static string Decode(byte[] html) => Crosscheck.Extraction.Decoding.CharsetDecoder.Decode(html, sniffDeclaration: true).Text;
}
