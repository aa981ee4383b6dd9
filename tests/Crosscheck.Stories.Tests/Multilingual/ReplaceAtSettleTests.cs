using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

/// <summary>The settle's re-placement (<see cref="ClusteringOptions.ReplaceShare"/>) and the guard on lone-article merges (<see cref="ClusteringOptions.GuardLoneMerges"/>).</summary>
public class ReplaceAtSettleTests
{
    // Three reports of one event (a bridge closed after a lorry struck it), each told in its own words.
    private static readonly string[] BridgeReports = ClosestMemberShareTests.SpanishReports;

    // Another event in the same language and town: a fire in a bakery.
    internal static readonly string[] FireReports =
    [
        "Un incendio destruyó la madrugada del jueves una panadería del centro de Valdemora. Los bomberos tardaron tres horas en "
        + "apagar las llamas y dos vecinos fueron atendidos por inhalación de humo.",
        "Los bomberos apagaron tras tres horas el fuego que arrasó una panadería de Valdemora el jueves de madrugada; dos vecinos "
        + "recibieron atención por el humo y el horno quedó inservible.",
    ];

    /// <summary>A join threshold every pair of these reports passes (all land in one story as they arrive), with no member guard.</summary>
    internal static readonly ClusteringOptions JoinAll = ClusteringOptions.Default with
    {
        UseSyndication = false,
        ClosestMemberShare = 0,
        AssignThreshold = 0.001,
        AnalysedAssignThreshold = 0.001,
        MergeThreshold = 0.001,
        SplitMinSize = 0,
        ReplaceShare = 0,
    };

    [Fact]
    public void An_article_chained_into_a_story_of_another_event_leaves_it_at_the_settle()
    {
        var texts = BridgeReports.Append(FireReports[0]).ToArray();
        var (joined, _) = Cluster(texts, "es", JoinAll);
        // 200 times the low join threshold is 0.2: the bridge reports reach each other, the fire reports do not reach them.
        var (refined, clusterer) = Cluster(texts, "es", JoinAll with { ReplaceShare = 200 });

        Assert.Single(joined.Distinct());
        Assert.Equal(refined[0], refined[1]);
        Assert.Equal(refined[0], refined[2]);
        Assert.NotEqual(refined[0], refined[3]);
        Assert.Equal(2, clusterer.StoryCount);
    }

    [Fact]
    public void A_story_whose_articles_reach_each_other_is_kept_whole()
    {
        var (stories, clusterer) = Cluster(BridgeReports, "es", JoinAll with { ReplaceShare = 200 });

        Assert.Single(stories.Distinct());
        Assert.Equal(1, clusterer.StoryCount);
    }

    [Theory]
    [InlineData("en")] // English is not analysed: as on ECB+
    [InlineData(null)] // no identified language (ECB+)
    public void English_and_articles_of_no_language_are_not_re_placed(string? language)
    {
        var texts = BridgeReports.Concat(FireReports).ToArray();
        // A share no article can reach: an analysed-language article other than the story's first would leave.
        var (stories, _) = Cluster(texts, language, JoinAll with { ReplaceShare = 10_000 });

        Assert.Single(stories.Distinct());
    }

    [Fact]
    public void A_lone_article_merging_with_a_story_of_several_meets_one_member_under_the_guard()
    {
        // The story of the bridge forms on arrival; the fire report arrives alone, unable to join (the guard on placements), and at
        // the settle the story of several may still take it at the merge threshold unless that merge is guarded too.
        var options = JoinAll with { ClosestMemberShare = 200 };
        var texts = new[] { BridgeReports[0], BridgeReports[1], FireReports[0] };
        var (unguarded, _) = Cluster(texts, "es", options);
        var (guarded, _) = Cluster(texts, "es", options with { GuardLoneMerges = true });

        Assert.Equal(guarded[0], guarded[1]);
        Assert.NotEqual(guarded[0], guarded[2]);
        Assert.Equal(unguarded[0], unguarded[2]);
    }

    private static (string[] Stories, StoryClusterer Clusterer) Cluster(string[] texts, string? language, ClusteringOptions options) =>
        ClosestMemberShareTests.Cluster(texts, language, options);
}
