using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class ShortSideTests
{
    // A full report of one event (a bridge closed after a lorry struck it) and a teaser of it: a headline alone, few terms.
    private const string Report =
        "El puente de hierro de Valdemora quedó cerrado el martes después de que un camión de mercancías chocara contra uno de sus "
        + "pilares. Los ingenieros de la diputación revisan la estructura, construida a finales del siglo diecinueve, y el tráfico "
        + "se desvía por la carretera de la sierra, lo que alarga el viaje de los vecinos de las aldeas cercanas casi media hora. "
        + "El conductor, que salió ileso, declaró ante la guardia civil que perdió el control en la curva helada. La alcaldesa pidió "
        + "ayuda a la provincia para reparar los daños antes del invierno, y los comerciantes temen perder a los clientes del valle. "
        + "Una grúa retiró el vehículo por la noche; los técnicos medirán las grietas del arco durante toda la semana.";

    private const string Teaser = "Valdemora: cerrado tras un accidente.";

    // A short text of another event in the same region: few terms, none of the bridge's story but the place.
    private const string Unrelated = "Valdemora celebra el sábado su feria del queso con cuarenta puestos y música en la plaza.";

    private static readonly ClusteringOptions Off = ClusteringOptions.Default with { UseSyndication = false };

    // Off by default (simil18: it won the SemEval training orders but added a false pair to the WCXB article stream).
    private static readonly ClusteringOptions On = Off with { ShortSideTerms = 30, ShortSideFloor = 0.5 };

    [Fact]
    public void The_teaser_scores_under_the_join_threshold_but_over_its_lowered_share()
    {
        var score = new StoryClusterer(Off).Compare(LanguageDocuments.Of("es", Report), LanguageDocuments.Of("es", Teaser));
        var threshold = Off.AnalysedAssignThreshold!.Value;

        Assert.True(score < threshold, $"score {score} should be under the join threshold {threshold}");
        Assert.True(score >= threshold * On.ShortSideFloor, $"score {score} should reach the floor's share of the threshold");
    }

    [Fact]
    public void A_teaser_joins_the_full_report_of_its_story_only_when_short_sides_are_held_to_less()
    {
        // The report first, so the teaser is placed against its story. (Teaser first, these two stayed apart even with the option
        // off at a join threshold of 0.06: the pair is not found that way round in a stream of two; not looked into, simil18.)
        string[] texts = [Report, Teaser];

        var (off, _) = ClosestMemberShareTests.Cluster(texts, "es", Off);
        var (on, _) = ClosestMemberShareTests.Cluster(texts, "es", On);

        Assert.NotEqual(off[0], off[1]);
        Assert.Equal(on[0], on[1]);
    }

    [Fact]
    public void A_short_text_of_another_event_stays_apart()
    {
        var (on, _) = ClosestMemberShareTests.Cluster([Report, Unrelated], "es", On);

        Assert.NotEqual(on[0], on[1]);
    }

    [Fact]
    public void Articles_of_no_identified_language_are_placed_as_without_it()
    {
        string[] texts = [Report, Teaser];

        Assert.Equal(ClosestMemberShareTests.Cluster(texts, null, Off).Stories, ClosestMemberShareTests.Cluster(texts, null, On).Stories);
        Assert.NotEqual(ClosestMemberShareTests.Cluster(texts, null, On).Stories[0], ClosestMemberShareTests.Cluster(texts, null, On).Stories[1]);
    }
}
