using Crosscheck.Cli.Commands;
using Crosscheck.Evaluation.Quotes;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Entities;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>The lines `crosscheck eval` prints, which docs/BENCHMARKS.md quotes, come from the typed figures.</summary>
public sealed class EvalReportsTests
{
    /// <summary>The non-empty lines a report writes, trimmed.</summary>
    private static string[] Lines(Action<TextWriter> write)
    {
        var output = new StringWriter();
        write(output);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void Attribution_report_prints_one_line_per_scope_and_match()
    {
        AttributionEvaluator.Attribution[] gold = [new("a.txt", [(0, 10)], [(20, 25)], Direct: true), new("a.txt", [(30, 40)], null, Direct: false)];
        AttributionEvaluator.Attribution[] found = [new("a.txt", [(0, 10)], [(20, 25)], Direct: true)];
        var evaluation = new AttributionEvaluation(found, gold, AttributionEvaluator.Evaluate(found, gold),
            AttributionEvaluator.Evaluate([.. found.Where(a => a.Direct)], [.. gold.Where(a => a.Direct)]));
        var lines = Lines(output => EvalReports.Write(evaluation, output));

        Assert.Equal("attributions: 1 found, 2 gold (1 direct)", lines[0]);
        Assert.Equal("all      content+source   1.000  0.500  0.667", lines[3]);
        Assert.Equal("direct   content+source   1.000  1.000  1.000", lines[5]);
    }

    [Fact]
    public void Clustering_report_prints_b_cubed_and_pairwise_to_four_places()
    {
        var gold = new Dictionary<string, string> { ["a"] = "e1", ["b"] = "e1", ["c"] = "e2" };
        var predicted = new Dictionary<string, string> { ["a"] = "s1", ["b"] = "s2", ["c"] = "s2" };

        var report = EvalReports.Format(ClusteringEvaluator.Score(gold, predicted), "x.jsonl");

        Assert.StartsWith("clustering x.jsonl: 3 articles, 2 gold events, 2 stories", report, StringComparison.Ordinal);
        Assert.Contains("B-cubed   P 0.6667  R 0.6667  F1 0.6667", report, StringComparison.Ordinal);
        Assert.Contains("pairwise  P 0.0000  R 0.0000  F1 0.0000", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Ner_report_says_the_language_the_held_out_part_and_the_unscored_types_before_the_conlleval_lines()
    {
        var score = new EntityScore(8, 10, 10);
        var evaluation = new NerEvaluation(100, 95, score, [new EntityTypeScore("PER", score)], 0.1, 1000, new FullStackThroughput(100, 1, 1), [], [])
        {
            Language = "tr",
            ModelForLanguage = false,
            HeldOutPart = (20, 100),
            UnscoredTypes = ["LOC", "MISC", "ORG"],
        };
        var lines = Lines(output => EvalReports.Write(evaluation, output));

        Assert.Equal("language: tr (no model for it: the capitalised-name fallback, every mention MISC)", lines[0]);
        Assert.Equal("scored: the held-out part of the file, 20 of 100 sentences (the rest is training data)", lines[1]);
        Assert.Equal("not scored (the file never annotates them): LOC, MISC, ORG", lines[2]);
        Assert.StartsWith("processed 100 tokens with 10 phrases; found: 10 phrases; correct: 8.", lines[3], StringComparison.Ordinal);
    }
}
