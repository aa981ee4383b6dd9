using Crosscheck.Evaluation.Events;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class CorefMetricsTests
{
    // Gold {a b c} {d e}; predicted {a b} {c d e}. Worked by hand below each assertion.
    private static readonly Dictionary<string, string> Gold = new() { ["a"] = "K1", ["b"] = "K1", ["c"] = "K1", ["d"] = "K2", ["e"] = "K2" };
    private static readonly Dictionary<string, string> Predicted = new() { ["a"] = "R1", ["b"] = "R1", ["c"] = "R2", ["d"] = "R2", ["e"] = "R2" };

    [Fact]
    public void Muc_counts_the_links_each_side_keeps()
    {
        var scores = CorefMetrics.Score(Gold, Predicted);
        // Recall: K1 is cut into 2 parts (3 - 2 = 1), K2 into 1 (2 - 1 = 1), over (3 - 1) + (2 - 1) = 3 links: 2/3.
        Assert.Equal(2.0 / 3, scores.Muc.Recall, 9);
        // Precision: R1 lies in 1 gold cluster (2 - 1 = 1), R2 in 2 (3 - 2 = 1), over 1 + 2 = 3 links: 2/3.
        Assert.Equal(2.0 / 3, scores.Muc.Precision, 9);
    }

    [Fact]
    public void BCubed_averages_each_mentions_overlap_share()
    {
        var scores = CorefMetrics.Score(Gold, Predicted);
        // Cells: K1&R1 = 2, K1&R2 = 1, K2&R2 = 2. Recall (4/3 + 1/3 + 4/2) / 5 = 11/15; precision (4/2 + 1/3 + 4/3) / 5 = 11/15.
        Assert.Equal(11.0 / 15, scores.BCubed.Recall, 9);
        Assert.Equal(11.0 / 15, scores.BCubed.Precision, 9);
    }

    [Fact]
    public void CeafE_takes_the_best_one_to_one_alignment_of_clusters()
    {
        var scores = CorefMetrics.Score(Gold, Predicted);
        // phi(K1,R1) = 4/5, phi(K1,R2) = 2/6, phi(K2,R2) = 4/5: K1-R1 + K2-R2 = 1.6, over 2 gold and 2 predicted clusters.
        Assert.Equal(0.8, scores.CeafE.Recall, 9);
        Assert.Equal(0.8, scores.CeafE.Precision, 9);
        Assert.Equal((2.0 / 3 + 11.0 / 15 + 0.8) / 3 * 100, scores.Conll, 9);
    }

    [Fact]
    public void The_alignment_is_optimal_where_the_greedy_pick_is_not()
    {
        // Greedy would take 0.9 and then nothing (0.9); the best alignment is 0.8 + 0.8.
        Assert.Equal(1.6, CorefMetrics.MaximumAssignment(new[,] { { 0.9, 0.8 }, { 0.8, 0.0 } }), 9);
        Assert.Equal(1.5, CorefMetrics.MaximumAssignment(new[,] { { 0.5, 0.0, 0.0 }, { 0.0, 0.0, 1.0 } }), 9);
    }

    [Fact]
    public void Gold_scores_100_and_all_singletons_score_no_links()
    {
        Assert.Equal(100, CorefMetrics.Score(Gold, Gold).Conll, 9);
        var alone = CorefMetrics.WithSingletons(new Dictionary<string, string>(), Gold.Keys);
        var scores = CorefMetrics.Score(Gold, alone);
        Assert.Equal(0, scores.Muc.F1);
        // B-cubed precision 1; recall (1/3 * 3 + 1/2 * 2) / 5 = 2/5.
        Assert.Equal(1, scores.BCubed.Precision, 9);
        Assert.Equal(0.4, scores.BCubed.Recall, 9);
        Assert.Equal(5, scores.PredictedClusters);
    }

    [Fact]
    public void A_mention_on_one_side_only_shares_nothing()
    {
        var gold = new Dictionary<string, string> { ["a"] = "K", ["b"] = "K" };
        var predicted = new Dictionary<string, string> { ["a"] = "R", ["x"] = "R" };
        var scores = CorefMetrics.Score(gold, predicted);
        // MUC: b (missing) and x (spurious) are parts of their own, so no link survives on either side.
        Assert.Equal(0, scores.Muc.Recall);
        Assert.Equal(0, scores.Muc.Precision);
        // B-cubed: the one shared mention counts 1/2 on each side, over 2 mentions each.
        Assert.Equal(0.25, scores.BCubed.Recall, 9);
        Assert.Equal(0.25, scores.BCubed.Precision, 9);
        // CEAF-e: phi = 2 * 1 / (2 + 2).
        Assert.Equal(0.5, scores.CeafE.F1, 9);
    }
}
