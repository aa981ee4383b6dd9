using Crosscheck.Extraction.Evaluation;
using Crosscheck.Testing;
using Xunit.Abstractions;

namespace Crosscheck.Extraction.Tests;

public class EvaluationTests(ITestOutputHelper output)
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
    public void Missing_directory_returns_exit_code_one()
    {
        var writer = new StringWriter();

        Assert.Equal(1, ExtractionEvaluator.Run(Path.Combine(Path.GetTempPath(), "no-such-benchmark-dir"), null, writer));
        Assert.Contains("ground-truth.json", writer.ToString());
    }

    [Fact]
    public void Benchmark_dev_set_scores_well_above_the_readability_baseline()
    {
        var shared = Docs.SharedDirectory();
        var dir = shared is null ? null : Path.Combine(shared, "data", "extraction-aeb-dev");
        if (dir is null || !Directory.Exists(dir))
        {
            output.WriteLine("SKIPPED: ../shared/data/extraction-aeb-dev not found");
            return;
        }
        var pages = ExtractionEvaluator.LoadPages(dir, new StringWriter())!;
        var extractor = new ArticleExtractor();
        var scores = pages.Select(p => ShingleMetric.Score(p.Truth, extractor.Extract(ExtractionEvaluator.ToRawInput(p)).Body)).ToList();
        var (f1, precision, recall) = ExtractionEvaluator.Summarise(scores);
        output.WriteLine($"F1 {f1:F4} P {precision:F4} R {recall:F4}");

        // The issue 3 bar is 0.975; the floor is dev F1 as measured on 2026-12-04 (0.9859), so any loss fails.
        Assert.True(f1 >= 0.985, $"F1 {f1:F4} fell below the measured 0.985");
    }
}
