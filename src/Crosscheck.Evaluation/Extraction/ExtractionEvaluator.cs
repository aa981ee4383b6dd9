using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Extraction;
using Crosscheck.Extraction.Html;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>
/// Scores the HTML extractor on a benchmark directory (see <see cref="BenchmarkDirectory"/>); SmartReader is
/// scored on the same pages for comparison.
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>
    /// Extracts every page with our extractor and with SmartReader and scores both.
    /// Throws <see cref="EvaluationDataException"/> when the directory is not a benchmark directory; a page whose
    /// file is missing or cannot be read (a damaged .gz, a binary file: <see cref="BenchmarkDirectory.Inputs"/>) is left out and named in <see cref="ExtractionEvaluation.Skipped"/>.
    /// </summary>
    public static ExtractionEvaluation Evaluate(string dir, BenchmarkHalf half = BenchmarkHalf.All) => Evaluate(dir, half, pageTypeModels: null);

    /// <inheritdoc cref="Evaluate(string, BenchmarkHalf)"/>
    /// <param name="dir">The benchmark directory.</param>
    /// <param name="half">The pages scored.</param>
    /// <param name="pageTypeModels">
    /// By page id, the page-type model that types the page (one not fitted on its site, so the type-dependent
    /// rules see the types a page from an unseen site would get); null or a page missing: the shipped model,
    /// which has seen every page of its own training set.
    /// </param>
    internal static ExtractionEvaluation Evaluate(string dir, BenchmarkHalf half, IReadOnlyDictionary<string, PageTypeModel>? pageTypeModels)
    {
        var loaded = BenchmarkDirectory.Load(dir, half);
        var pages = loaded.Pages;
        var options = new ExtractionOptions { UseSmartReaderFallback = true };
        var shippedExtractor = new ArticleExtractor(options);
        var extractorOf = new Dictionary<PageTypeModel, ArticleExtractor>(ReferenceEqualityComparer.Instance);

        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        var ours = new List<PageResult>();
        var baseline = new List<PageResult>();
        var ourTime = new Stopwatch();
        var baselineTime = new Stopwatch();
        var types = new List<(PageType Truth, PageType Predicted)>();
        var found = PageTypeInfo.All.ToDictionary(t => t, _ => 0);
        var skipped = loaded.Skipped.ToList();
        // One damaged page costs that page, not the run; the note says so and the command fails after the figures.
        foreach (var (page, input) in BenchmarkDirectory.Inputs(pages, skipped))
        {
            ourTime.Start();
            var extractor = pageTypeModels is not null && pageTypeModels.TryGetValue(page.Id, out var model)
                ? extractorOf.TryGetValue(model, out var cached) ? cached : extractorOf[model] = new ArticleExtractor(options with { PageTypeModel = model })
                : shippedExtractor;
            var article = extractor.Extract(input);
            ourTime.Stop();
            predictions[page.Id] = article.Body;
            ours.Add(PageResult.Of(page, article.Body));
            found[article.PageType]++;
            if (PageTypeInfo.Parse(page.Labels?.PageType) is { } truth) types.Add((truth, article.PageType));

            var html = Decode(input.Content);
            baselineTime.Start();
            var smart = string.Join("\n\n", SmartReaderFallback.Extract(html, page.Url));
            baselineTime.Stop();
            baseline.Add(PageResult.Of(page, smart));
        }

        return new ExtractionEvaluation(
            ExtractorScores.Of("crosscheck", ours, ours.Count / ourTime.Elapsed.TotalSeconds),
            ExtractorScores.Of("smartreader", baseline, baseline.Count / baselineTime.Elapsed.TotalSeconds),
            predictions,
            skipped)
        {
            PageTypes = types.Count == 0 ? null : PageTypeScores.Of(types),
            PageTypesOutOfFold = pageTypeModels is not null,
            PageTypesHeldOut = types.Count == 0 || pageTypeModels is not null || PageTypeModel.Default.HeldOut is not { } heldOut ? null
                : new PageTypeHeldOut(heldOut.TypeAccuracy, heldOut.ArticleAccuracy, heldOut.Pages, heldOut.How),
            PageTypesFound = found,
        };
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
        return (PrecisionRecall.F1(precision, recall), precision, recall);
    }

    private static string Decode(byte[] html) => Crosscheck.Extraction.Decoding.CharsetDecoder.Decode(html, sniffDeclaration: true).Text;
}
