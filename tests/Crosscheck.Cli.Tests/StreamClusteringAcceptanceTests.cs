using Crosscheck.Cli.Commands;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// Acceptance 2 of the live-stream issue through the flow `crosscheck eval clustering --batch 20` runs: the
/// articles arrive as successive ingests of 20, each ending with the end-of-batch settle, and the ECB+
/// development topics keep B-cubed F1 ≥ 0.95 in file order and ≥ 0.94 averaged over three random orders.
/// </summary>
public sealed class StreamClusteringAcceptanceTests(ITestOutputHelper output)
{
    private static string DevPath => Path.Combine(Docs.SharedDirectory()!, "data", "clustering-ecbplus-dev", "documents.jsonl");

    /// <summary>The floors are the figures measured on 2026-12-04 (0.9515 and 0.9450), above the bars (0.95, 0.94), so any loss fails.</summary>
    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Dev_topics_in_batches_of_20_in_file_order_keep_b_cubed_above_the_bar() =>
        Assert.True(BCubed(new ClusteringStream(20)) >= FileOrderFloor, $"below {FileOrderFloor}");

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Dev_topics_in_batches_of_20_in_three_random_orders_keep_b_cubed_above_the_bar()
    {
        var mean = new[] { 1, 2, 3 }.Average(seed => BCubed(new ClusteringStream(20, seed)));

        Assert.True(mean >= RandomOrderFloor, $"mean B-cubed F1 {mean:F4} below {RandomOrderFloor}");
    }

    private const double FileOrderFloor = 0.951;

    private const double RandomOrderFloor = 0.944;

    private double BCubed(ClusteringStream stream)
    {
        var scores = ClusteringEvaluator.Evaluate(DevPath, input => Engine.AnnotateText(input.Id, input.Text, input.Published, input.Title), stream: stream).Scores;
        output.WriteLine(EvalReports.Format(scores, $"{DevPath} ({stream})"));
        return scores.BCubedF1;
    }
}
