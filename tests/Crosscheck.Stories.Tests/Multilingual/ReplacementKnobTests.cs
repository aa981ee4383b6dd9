using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

/// <summary>
/// The knobs of the settle's re-placement and of the average-link guard that had no test of their own
/// (<see cref="ClusteringOptions.ReplaceMargin"/>, <see cref="ClusteringOptions.ReplaceInTurn"/>, <see cref="ClusteringOptions.ReplaceMinSize"/>,
/// <see cref="ClusteringOptions.AverageMemberShare"/>): each test clusters a few Spanish reports of two events twice, the knob set and not,
/// and fails when the setting changes nothing.
/// </summary>
public class ReplacementKnobTests
{
    // Three reports of a bridge closed after a lorry struck it, and two of a fire in a bakery of the same town.
    private static readonly string[] BridgeReports = ClosestMemberShareTests.SpanishReports;

    private static readonly string[] FireReports = ReplaceAtSettleTests.FireReports;

    // A round-up of the week that tells the fire first and the bridge after it.
    private const string RoundUp =
        "Un incendio arrasó el jueves una panadería de Valdemora y los bomberos apagaron las llamas tras tres horas. El puente de hierro "
        + "sigue cerrado desde que un camión chocó contra un pilar.";

    /// <summary>A join threshold every pair of these reports passes (all land in one story as they arrive), with no member guard.</summary>
    private static readonly ClusteringOptions JoinAll = ReplaceAtSettleTests.JoinAll;

    [Fact]
    public void An_article_that_still_reaches_its_story_moves_to_one_that_scores_it_higher_only_with_a_margin()
    {
        // The bridge story forms, the first fire report opens a story of its own, and the round-up arrives while that story is one
        // article, which a single-article margin holds back: the round-up joins the bridge story. The second fire report then joins
        // the first. At the settle the round-up still reaches the bridge story (the share is tiny), but the fire story, now of two,
        // scores it higher: with a margin it moves there, without one it stays. No merge and no split (thresholds out of reach).
        var texts = new[] { BridgeReports[0], BridgeReports[1], BridgeReports[2], FireReports[0], RoundUp, FireReports[1] };
        var options = JoinAll with { AssignThreshold = 0.2, AnalysedAssignThreshold = 0.2, SingleArticleMargin = 0.2, MergeThreshold = 1, ReplaceShare = 0.01 };
        var (arrived, _) = Cluster(texts, options with { ReplaceMargin = 0 }, settle: false);
        var (without, _) = Cluster(texts, options with { ReplaceMargin = 0 });
        var (with, _) = Cluster(texts, options with { ReplaceMargin = 0.001 });

        Assert.Equal(arrived[0], arrived[4]);
        Assert.Equal(arrived[3], arrived[5]);
        Assert.NotEqual(arrived[0], arrived[3]);
        Assert.Equal(arrived, without);
        Assert.Equal(with[3], with[4]);
        Assert.Equal(with[3], with[5]);
        Assert.Equal(with[0], with[2]);
        Assert.NotEqual(with[0], with[4]);
    }

    [Fact]
    public void Articles_leaving_in_turn_can_meet_in_a_story_opened_in_the_same_pass()
    {
        // All five join one story as they arrive; at the settle both fire reports fall under the share and leave. Leaving after the
        // pass, each goes to a story that was there before it (none takes either): two lone stories. In turn, the first leaves at once
        // and the second finds it. The reports are short sides (under 30 terms): the short side's lowered join (on since simil21) is
        // turned off, or a leaving report would be taken at a lower threshold than the order of leaving is about.
        var texts = BridgeReports.Concat(FireReports).ToArray();
        var options = JoinAll with { ReplaceShare = 300, ShortSideTerms = 0 };
        var (after, _) = Cluster(texts, options);
        var (inTurn, clusterer) = Cluster(texts, options with { ReplaceInTurn = true });

        Assert.Equal(3, after.Distinct().Count());
        Assert.NotEqual(after[3], after[4]);
        Assert.Equal(inTurn[0], inTurn[2]);
        Assert.Equal(inTurn[3], inTurn[4]);
        Assert.NotEqual(inTurn[0], inTurn[3]);
        Assert.Equal(2, clusterer.StoryCount);
    }

    [Theory]
    [InlineData(4, false)] // a story of four is looked at: the fire report leaves
    [InlineData(5, true)] // only stories of five and more are: it stays
    public void The_re_placement_looks_only_at_stories_of_the_least_size(int minSize, bool kept)
    {
        var texts = BridgeReports.Append(FireReports[0]).ToArray();
        var (stories, _) = Cluster(texts, JoinAll with { ReplaceShare = 200, ReplaceMinSize = minSize });

        Assert.Equal(kept, stories[3] == stories[0]);
        Assert.Equal(stories[0], stories[2]);
    }

    [Fact]
    public void An_article_far_from_the_members_on_average_is_kept_out_of_a_story_of_three()
    {
        // Without a settle, so an article is in a story only if it was let in when placed.
        var texts = BridgeReports.Append(FireReports[0]).ToArray();
        var (off, _) = Cluster(texts, JoinAll, settle: false);
        var (guarded, _) = Cluster(texts, JoinAll with { AverageMemberShare = 200 }, settle: false);

        Assert.Single(off.Distinct());
        // The bridge reports reach each other on average (the third joins a story of two, which the rule does not ask); the fire report does not.
        Assert.Equal(guarded[0], guarded[2]);
        Assert.NotEqual(guarded[0], guarded[3]);
    }

    [Fact]
    public void The_average_link_does_not_ask_a_story_of_two()
    {
        var texts = new[] { BridgeReports[0], BridgeReports[1], FireReports[0] };
        var (stories, _) = Cluster(texts, JoinAll with { AverageMemberShare = 200 }, settle: false);

        Assert.Single(stories.Distinct());
    }

    private static (string[] Stories, StoryClusterer Clusterer) Cluster(string[] texts, ClusteringOptions options, bool settle = true) =>
        ClosestMemberShareTests.Cluster(texts, "es", options, settle);
}
