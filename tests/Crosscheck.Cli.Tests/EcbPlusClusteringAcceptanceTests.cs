using Crosscheck.Cli.Commands;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// Acceptance 1 of the stories issue through the flow `crosscheck eval clustering` runs (annotation, then
/// online clustering in file order, then the end-of-input settle): the ECB+ development topics, and the later
/// half of the topics clustered on their own (a corpus the size of a held-out set with no other topics to
/// learn word rarity from first), hold the figures measured on 2026-12-04. Those are lower than the ones
/// measured before (B-cubed 0.9576 / 0.951): the entity model's word clusters were then built from text that
/// included these very ECB+ articles; built from other text, B-cubed is 0.9512 (bar 0.95) and 0.9490 on the
/// later topics (pairwise 0.9261 / 0.9225).
/// </summary>
public sealed class EcbPlusClusteringAcceptanceTests(ITestOutputHelper output)
{
    private static string DevPath => Path.Combine(Docs.SharedDirectory()!, "data", "clustering-ecbplus-dev", "documents.jsonl");

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Annotated_dev_topics_hold_their_measured_figures() => AssertFloors(ClusteringEvaluator.Read(DevPath), DevPath, bCubed: 0.951, pairwise: 0.926);

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Topics_18_to_35_alone_hold_their_measured_figures()
    {
        // Ids are "<topic>_<n>ecb[plus]".
        var later = ClusteringEvaluator.Read(DevPath).Where(l => int.Parse(l.Input.Id.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture) >= 18).ToList();
        Assert.InRange(later.Count, 400, 450);
        // 0.9490 / 0.9225 until the settle's name join stopped counting names mostly tagged as organisations
        // (ClusteringOptions.SettleNameTypes, 2026-12-05 midday): 0.9475 / 0.9207 since. 0.9456 / 0.9192 since the English
        // entity model's word clusters stopped reading the similarity evaluation's articles (2026-12-05 late evening;
        // the whole dev set rose with it, 0.9512 -> 0.9564).
        AssertFloors(later, DevPath + " (topics 18-35)", bCubed: 0.945, pairwise: 0.919);
    }

    /// <summary>
    /// Acceptance 2 of the live-stream issue: fed as successive ingests of 20 (`eval clustering --batch 20`), each
    /// ending with the end-of-batch settle; the issue asks B-cubed F1 ≥ 0.95 in file order and ≥ 0.94 averaged
    /// over three random orders. Floors: the figures measured on 2026-12-05 with the end-of-batch repartition of a
    /// changed story and its neighbours (0.9432 and 0.9511; before it 0.9432 and 0.9415, with word clusters built
    /// from text no evaluation reads). The names-disagree factor of placement (2026-12-05 morning, chosen on unrelated
    /// WCXB article pages to keep topic look-alikes apart) moved the random-order mean to 0.9502 (seed 2: 0.9509 -> 0.9483).
    /// The end-of-batch join on a shared two-word name no longer counts a name mostly tagged as an organisation
    /// (ClusteringOptions.SettleNameTypes, 2026-12-05 midday, chosen on the same WCXB pages: their title-case topic phrases)
    /// moved it to 0.9486 (seed 2: 0.9483 -> 0.9418; file order and one batch unchanged). A lone article's name join to a
    /// story while both are young waits for the first re-check delay (ClusteringOptions.NameJoinWaitsForFirstRecheck, 2026-12-05
    /// afternoon): file order 0.9432 -> 0.9495, random orders unchanged. A story split off at a settle is re-checked, and a story of
    /// several articles whose re-check comes due is divided afresh with its neighbours at the next settle
    /// (ClusteringOptions.RevisitWhenRecheckDue, 2026-12-05 late evening): file order 0.9495 -> 0.9514, random orders unchanged
    /// but seed 1 (0.9500 -> 0.9525).
    /// </summary>
    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Dev_topics_in_batches_of_20_in_file_order_keep_their_measured_b_cubed()
    {
        var bCubed = StreamBCubed(new ClusteringStream(20));

        Assert.True(bCubed >= 0.951, $"B-cubed F1 {bCubed:F4} below 0.951");
    }

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Dev_topics_in_batches_of_20_in_three_random_orders_keep_their_measured_b_cubed()
    {
        var mean = new[] { 1, 2, 3 }.Average(seed => StreamBCubed(new ClusteringStream(20, seed)));

        Assert.True(mean >= 0.948, $"mean B-cubed F1 {mean:F4} below 0.948");
    }

    private double StreamBCubed(ClusteringStream stream)
    {
        var scores = ClusteringEvaluator.Evaluate(DevPath, Annotate, stream: stream).Scores;
        output.WriteLine(EvalReports.Format(scores, $"{DevPath} ({stream})"));
        return scores.BCubedF1;
    }

    private static Document Annotate(ClusteringInput input) => Engine.AnnotateText(input.Id, input.Text, input.Published, input.Title);

    /// <summary>The floors are the figures measured on 2026-12-04, so any loss fails.</summary>
    private void AssertFloors(List<(ClusteringInput Input, string Event)> lines, string what, double bCubed, double pairwise)
    {
        var (scores, _) = ClusteringEvaluator.Evaluate(lines, Annotate);

        output.WriteLine(EvalReports.Format(scores, what));
        Assert.True(scores.BCubedF1 >= bCubed, $"B-cubed F1 {scores.BCubedF1:F4} below {bCubed}");
        Assert.True(scores.PairF1 >= pairwise, $"pairwise F1 {scores.PairF1:F4} below {pairwise}");
    }
}
