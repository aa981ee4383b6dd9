using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

/// <summary>
/// <see cref="ClusteringOptions.AnalysedNameJoin"/>: the settle's join of a lone article on a shared two-word name, below its threshold,
/// for articles of an analysed language; and, on the same reports, what <see cref="StoryClusterer.JoinObserver"/> is told of a join.
/// </summary>
public class AnalysedNameJoinTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    // Two reports of a flood naming the mayor, a report of another event, and a short report of a third that shares only the mayor's name.
    private static readonly string[] Spanish =
    [
        "Las lluvias torrenciales desbordaron el río Varnel en la ciudad de Ostrava Vale el lunes, inundaron trescientas casas y obligaron "
        + "a evacuar el hospital. La alcaldesa Elsa Kovarik dijo que los equipos de emergencia trabajaron toda la noche.",
        "Los equipos de rescate sacaron a los vecinos de las casas inundadas de Ostrava Vale después de que el río Varnel se desbordara el "
        + "lunes. La alcaldesa Elsa Kovarik dijo que trescientas casas estaban bajo el agua y que el hospital fue evacuado.",
        "El banco central de Tarvonia subió el jueves su tipo de interés de referencia medio punto, por la inflación persistente. El "
        + "gobernador Milan Hrebec dijo que no descarta nuevas subidas y la moneda se fortaleció tras el anuncio.",
        "El martes, Elsa Kovarik inauguró una feria escolar en el parque Dunmere y una panadería en el barrio del Castillo.",
    ];

    private static readonly string[] English =
    [
        "Heavy rain caused the Varnel river to burst its banks in the town of Ostrava Vale on Monday, flooding three hundred homes and "
        + "forcing the evacuation of a hospital. Mayor Elsa Kovarik said emergency crews worked through the night.",
        "Rescue teams in Ostrava Vale pulled residents from flooded homes after the Varnel river overflowed on Monday. Mayor Elsa "
        + "Kovarik said three hundred homes were under water and the hospital had been evacuated.",
        "The central bank of Tarvonia raised its benchmark interest rate by half a point on Thursday, citing stubborn inflation. "
        + "Governor Milan Hrebec said further increases could not be ruled out, and the currency strengthened.",
        "On Tuesday, Elsa Kovarik opened a school fair in Dunmere Park and a bakery in the Castle Quarter.",
    ];

    /// <summary>The name floor near zero, so only a shared two-word name decides the lone report's join, at once; no re-placement after it.</summary>
    private static ClusteringOptions At(AnalysedNameJoin join) => ClusteringOptions.Default with
    {
        UseSyndication = false,
        SettleNameThreshold = 0.01,
        NameJoinWaitsForFirstRecheck = false,
        AnalysedNameJoin = join,
        ReplaceShare = 0,
    };

    [Theory]
    [InlineData(AnalysedNameJoin.Always, true)]
    [InlineData(AnalysedNameJoin.NotWithinOneLanguage, false)]
    [InlineData(AnalysedNameJoin.Never, false)]
    public void A_lone_report_of_an_analysed_language_joins_another_of_its_language_on_a_shared_name_only_where_allowed(AnalysedNameJoin join, bool joins)
    {
        // A Spanish article joins nothing on its placement (its threshold out of reach), so each report is alone until the settle;
        // there only the name join can put the short report with the flood report it shares the mayor's name with.
        var clusterer = new StoryClusterer(At(join) with { AnalysedAssignThreshold = 0.9 });
        var flood = clusterer.Assign(Report(Spanish[0], "a", "es").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
        var other = clusterer.Assign(Report(Spanish[2], "t", "es").Naming("Milan Hrebec", EntityType.Person));
        var lone = clusterer.Assign(Report(Spanish[3], "n", "es").Naming("Elsa Kovarik", EntityType.Person));
        Assert.Equal(3, new[] { flood, other, lone }.Distinct().Count());

        clusterer.Settle();

        Assert.Equal(joins, clusterer.StoryOf("n") == clusterer.StoryOf("a"));
        Assert.NotEqual(clusterer.StoryOf("a"), clusterer.StoryOf("t"));
    }

    [Theory]
    [InlineData("en")] // not analysed
    [InlineData(null)] // no identified language (ECB+)
    public void English_and_articles_of_no_language_join_on_a_shared_name_whatever_the_setting(string? language)
    {
        foreach (var join in Enum.GetValues<AnalysedNameJoin>())
        {
            // Nothing joins on its placement (the threshold out of reach): only the settle's name join can put the short report with the flood report.
            var clusterer = new StoryClusterer(At(join) with { AssignThreshold = 0.9 });
            var flood = clusterer.Assign(Report(English[0], "a", language).Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
            clusterer.Assign(Report(English[2], "t", language).Naming("Milan Hrebec", EntityType.Person));
            Assert.NotEqual(flood, clusterer.Assign(Report(English[3], "n", language).Naming("Elsa Kovarik", EntityType.Person)));

            clusterer.Settle();

            Assert.Equal(clusterer.StoryOf("a"), clusterer.StoryOf("n"));
            Assert.NotEqual(clusterer.StoryOf("a"), clusterer.StoryOf("t"));
        }
    }

    [Theory]
    [InlineData(AnalysedNameJoin.Always, true)]
    [InlineData(AnalysedNameJoin.NotWithinOneLanguage, true)]
    [InlineData(AnalysedNameJoin.Never, false)]
    public void A_lone_report_of_an_analysed_language_joins_an_english_story_on_a_shared_name_unless_never(AnalysedNameJoin join, bool joins)
    {
        // The English flood reports join each other at their threshold; the Spanish short report cannot be placed nor merged (its
        // threshold and the merge threshold out of reach), so it is alone until the settle, where the name join alone decides.
        var clusterer = new StoryClusterer(At(join) with { AnalysedAssignThreshold = 0.9, MergeThreshold = 0.9 });
        var flood = clusterer.Assign(Report(English[0], "a", "en").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
        Assert.Equal(flood, clusterer.Assign(Report(English[1], "b", "en").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc)));
        clusterer.Assign(Report(English[2], "t", "en").Naming("Milan Hrebec", EntityType.Person));
        Assert.NotEqual(flood, clusterer.Assign(Report(Spanish[3], "n", "es").Naming("Elsa Kovarik", EntityType.Person)));

        clusterer.Settle();

        Assert.Equal(joins, clusterer.StoryOf("n") == clusterer.StoryOf("a"));
    }

    [Fact]
    public void The_join_observer_is_told_of_a_placement_with_the_story_joined_and_the_new_article()
    {
        // The merge threshold out of reach: the placement is the only join.
        var clusterer = new StoryClusterer(At(ClusteringOptions.Default.AnalysedNameJoin) with { MergeThreshold = 0.9 });
        var joins = new List<StoryJoin>();
        clusterer.JoinObserver = joins.Add;
        var flood = clusterer.Assign(Report(English[0], "a", "en").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
        Assert.Empty(joins);

        Assert.Equal(flood, clusterer.Assign(Report(English[1], "b", "en").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc)));

        var join = Assert.Single(joins);
        Assert.Equal(StoryJoin.Placement, join.Kind);
        Assert.Equal(["a"], join.Into);
        Assert.Equal(["b"], join.Joining);
        Assert.True(join.Score >= ClusteringOptions.Default.AssignThreshold);
    }

    [Fact]
    public void The_join_observer_is_told_of_a_lone_report_joined_on_a_shared_name_at_the_settle()
    {
        // Nothing joins on its placement (the threshold out of reach): only the settle's name join puts the short report with the flood report.
        var clusterer = new StoryClusterer(At(ClusteringOptions.Default.AnalysedNameJoin) with { AssignThreshold = 0.9 });
        var joins = new List<StoryJoin>();
        clusterer.JoinObserver = joins.Add;
        clusterer.Assign(Report(English[0], "a", "en").Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc));
        clusterer.Assign(Report(English[2], "t", "en").Naming("Milan Hrebec", EntityType.Person));
        clusterer.Assign(Report(English[3], "n", "en").Naming("Elsa Kovarik", EntityType.Person));
        Assert.Empty(joins);

        clusterer.Settle();

        var join = Assert.Single(joins);
        Assert.Equal(StoryJoin.SettleLone, join.Kind);
        Assert.Equal(["a", "n"], join.Into.Concat(join.Joining).Order(StringComparer.Ordinal));
    }

    private static Document Report(string text, string id, string? language)
    {
        var document = Docs.Of(text, id, published: Day0);
        document.Article.Language = language;
        return document;
    }
}
