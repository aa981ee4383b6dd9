using Crosscheck.Evaluation.Extraction;
using Crosscheck.Extraction;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Evaluation.Tests;

public class ExtractionEvaluatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Identical_texts_score_one_and_disjoint_texts_zero()
    {
        Assert.Equal(new PageScore(1, 1), ShingleMetric.Score("One two three four five.", "one, two; three four five"));
        Assert.Equal(new PageScore(0, 0), ShingleMetric.Score("one two three four five", "six seven eight nine ten"));
    }

    [Fact]
    public void Extra_text_lowers_precision_and_missing_text_lowers_recall()
    {
        const string truth = "a b c d e f g h";
        var extra = ShingleMetric.Score(truth, truth + " x y z w");
        var missing = ShingleMetric.Score(truth, "a b c d e");

        Assert.Equal(1, extra.Recall);
        Assert.Equal(5.0 / 9, extra.Precision, 6);
        Assert.Equal(1, missing.Precision);
        Assert.Equal(2.0 / 5, missing.Recall, 6);
    }

    [Fact]
    public void Summary_is_f1_of_mean_precision_and_mean_recall()
    {
        var (f1, precision, recall) = ExtractionEvaluator.Summarise([new PageScore(1, 0.5), new PageScore(0.5, 1)]);

        Assert.Equal(0.75, precision, 6);
        Assert.Equal(0.75, recall, 6);
        Assert.Equal(0.75, f1, 6);
    }

    [Fact]
    public void Missing_directory_is_an_error_naming_what_a_benchmark_directory_holds()
    {
        var error = Assert.Throws<EvaluationDataException>(() => ExtractionEvaluator.Evaluate(Path.Combine(Path.GetTempPath(), "no-such-benchmark-dir")));

        Assert.Contains("ground-truth.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_its_html_file_is_skipped_with_a_note()
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-eval-extraction-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "html"));
            File.WriteAllText(Path.Combine(dir, "html", "a.html"), "<html><body><article><p>One two three four five six.</p></article></body></html>");
            File.WriteAllText(Path.Combine(dir, "ground-truth.json"), """{"a": {"articleBody": "One two three four five six."}, "b": {"articleBody": "gone"}}""");

            var loaded = ExtractionEvaluator.LoadPages(dir);

            Assert.Equal("a", Assert.Single(loaded.Pages).Id);
            Assert.Contains("b.html: missing", Assert.Single(loaded.Skipped), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SharedDataFact("data/extraction-aeb-dev")]
    public void Benchmark_dev_set_scores_well_above_the_readability_baseline()
    {
        var dir = Path.Combine(Docs.SharedDirectory()!, "data", "extraction-aeb-dev");
        var pages = ExtractionEvaluator.LoadPages(dir).Pages;
        var extractor = new ArticleExtractor();
        var scores = pages.Select(p => ShingleMetric.Score(p.Truth, extractor.Extract(ExtractionEvaluator.ToRawInput(p)).Body)).ToList();
        var (f1, precision, recall) = ExtractionEvaluator.Summarise(scores);
        output.WriteLine($"F1 {f1:F4} P {precision:F4} R {recall:F4}");

        // The issue 3 bar is 0.975; the floor is dev F1 as measured on 2026-12-04 (0.9859), so any loss fails.
        Assert.True(f1 >= 0.985, $"F1 {f1:F4} fell below the measured 0.985");
    }
}
