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

    // Reports of other events first, so the terms' document frequencies are those of a stream, not of two texts alone.
    internal static readonly string[] Background =
    [
        "El ayuntamiento de Sevilla aprobó el presupuesto del año próximo con los votos del gobierno municipal y la abstención de la oposición.",
        "La selección de baloncesto ganó el partido amistoso en Madrid y viajará el jueves a Lisboa para el torneo de verano.",
        "Los agricultores del valle del Ebro reclaman ayudas por la sequía, que ha reducido la cosecha de cereal a la mitad este año.",
        "La universidad abrirá en septiembre un nuevo grado de ingeniería de datos con cien plazas y prácticas en empresas de la región.",
        "El museo de la ciudad recibe una colección de pinturas del siglo diecinueve donada por una familia de coleccionistas.",
    ];

    private static readonly ClusteringOptions Off = ClusteringOptions.Default with { UseSyndication = false };

    private static readonly ClusteringOptions On = Off with { ShortSideTerms = 60 };

    [Fact]
    public void The_teaser_scores_under_the_join_threshold_but_over_its_lowered_share()
    {
        var score = new StoryClusterer(Off).Compare(LanguageDocuments.Of("es", Report), LanguageDocuments.Of("es", Teaser));
        var threshold = Off.AnalysedAssignThreshold!.Value;

        Assert.True(score < threshold, $"score {score} should be under the join threshold {threshold}");
        Assert.True(score >= threshold * Off.ShortSideFloor, $"score {score} should reach the floor's share of the threshold");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_teaser_joins_the_full_report_of_its_story_only_when_short_sides_are_held_to_less(bool teaserFirst)
    {
        string[] texts = teaserFirst ? [Teaser, Report] : [Report, Teaser];

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
