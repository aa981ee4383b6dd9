using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Stories.Tests.Multilingual;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary><see cref="StoryClusterer.JoinObserver"/>: each join as it is made, with its kind and its two sides.</summary>
public class JoinObserverTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] English = AnalysedNameJoinTests.English;

    private static readonly ClusteringOptions Options = ClusteringOptions.Default with
    {
        UseSyndication = false,
        SettleNameThreshold = 0.01,
        NameJoinWaitsForFirstRecheck = false,
        ReplaceShare = 0,
    };

    [Fact]
    public void A_placement_is_reported_with_the_story_joined_and_the_new_article()
    {
        // Two flood reports join on arrival; the merge threshold out of reach, so the placement is the only join.
        var clusterer = new StoryClusterer(Options with { MergeThreshold = 0.9 });
        var joins = new List<StoryJoin>();
        clusterer.JoinObserver = joins.Add;

        var flood = clusterer.Assign(Report(English[0], "a").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
        Assert.Empty(joins);
        Assert.Equal(flood, clusterer.Assign(Report(English[1], "b").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc)));

        var join = Assert.Single(joins);
        Assert.Equal(StoryJoin.Placement, join.Kind);
        Assert.Equal(["a"], join.Into);
        Assert.Equal(["b"], join.Joining);
        Assert.True(join.Score >= Options.AssignThreshold, join.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_lone_article_joined_on_a_shared_name_at_the_settle_is_reported_as_such()
    {
        // Nothing joins on its placement (the threshold out of reach): only the settle's name join puts the short report with the flood report.
        var clusterer = new StoryClusterer(Options with { AssignThreshold = 0.9 });
        var joins = new List<StoryJoin>();
        clusterer.JoinObserver = joins.Add;
        clusterer.Assign(Report(English[0], "a").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
        clusterer.Assign(Report(English[2], "t").Naming("Milan Hrebec", EntityType.Person));
        clusterer.Assign(Report(English[3], "n").Naming("Elsa Kovarik", EntityType.Person));
        Assert.Empty(joins);

        clusterer.Settle();

        Assert.Equal(clusterer.StoryOf("a"), clusterer.StoryOf("n"));
        var join = Assert.Single(joins);
        Assert.Equal(StoryJoin.SettleLone, join.Kind);
        Assert.Equal(["a", "n"], join.Into.Concat(join.Joining).Order(StringComparer.Ordinal));
    }

    private static Document Report(string text, string id)
    {
        var document = Docs.Of(text, id, published: Day0);
        document.Article.Language = "en";
        return document;
    }
}
