using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class ClosestMemberShareTests
{
    // Three reports of one event (a bridge closed after a lorry struck it), each told in its own words.
    internal static readonly string[] SpanishReports =
    [
        "El puente de hierro de Valdemora quedó cerrado el martes después de que un camión de mercancías chocara contra uno de sus "
        + "pilares. Los ingenieros de la diputación revisan la estructura y el tráfico se desvía por la carretera de la sierra.",
        "Un camión de mercancías chocó el martes contra un pilar del puente de hierro de Valdemora, que sigue cerrado. Los "
        + "ingenieros de la diputación revisan los daños de la estructura mientras el tráfico se desvía por la sierra.",
        "Los ingenieros de la diputación seguirán revisando esta semana el puente de hierro de Valdemora, cerrado desde que un "
        + "camión chocó contra un pilar; el desvío por la carretera de la sierra alarga el viaje media hora.",
    ];

    private static readonly string[] EnglishReports =
    [
        "The iron bridge at Valdemora was closed on Tuesday after a freight lorry struck one of its piers. County engineers are "
        + "inspecting the structure and traffic is diverted along the mountain road.",
        "A freight lorry struck a pier of the iron bridge at Valdemora on Tuesday, and the bridge remains closed. County engineers "
        + "are inspecting the damage to the structure while traffic is diverted along the mountain road.",
        "County engineers will go on inspecting the iron bridge at Valdemora this week, closed since a lorry struck a pier; the "
        + "diversion along the mountain road adds half an hour to the journey.",
    ];

    private static readonly ClusteringOptions Off = ClusteringOptions.Default with { ClosestMemberShare = 0, UseSyndication = false };

    /// <summary>A share no member can reach (a cosine is at most 1, the join threshold above a tenth): no story of several articles is joined.</summary>
    private static readonly ClusteringOptions Unreachable = Off with { ClosestMemberShare = 10 };

    [Fact]
    public void An_article_of_an_analysed_language_stays_out_of_a_story_of_its_language_when_no_member_reaches_the_share()
    {
        var (off, _) = Cluster(SpanishReports, "es", Off, settle: false);
        var (guarded, guardedClusterer) = Cluster(SpanishReports, "es", Unreachable, settle: false);

        Assert.Equal(off[0], off[1]);
        Assert.Equal(off[0], off[2]);
        // The second report joins the first alone (a story of one article asks no member), the third is kept out. (The guard is
        // on an article's placement; a story of several merging with it at the merge threshold, as a settle may, is not asked.)
        Assert.Equal(guarded[0], guarded[1]);
        Assert.NotEqual(guarded[0], guarded[2]);
        Assert.Equal(2, guardedClusterer.StoryCount);
    }

    [Fact]
    public void A_member_reaching_the_share_lets_the_article_join()
    {
        // Without a settle, so the third report is in only if it was let in when placed (the unreachable share keeps it out).
        var (stories, clusterer) = Cluster(SpanishReports, "es", Off with { ClosestMemberShare = 1 }, settle: false);

        Assert.Equal(stories[0], stories[1]);
        Assert.Equal(stories[0], stories[2]);
        Assert.Equal(1, clusterer.StoryCount);
    }

    [Theory]
    [InlineData("en")] // English is not analysed: placed as on ECB+
    [InlineData(null)] // no identified language (ECB+)
    public void English_and_articles_of_no_language_are_placed_as_without_it(string? language)
    {
        // Without a settle, whose merges are not asked: the third report joins at its placement or not at all.
        var (stories, clusterer) = Cluster(EnglishReports, language, Unreachable, settle: false);

        Assert.Equal(stories[0], stories[2]);
        Assert.Equal(1, clusterer.StoryCount);
        Assert.Equal(Cluster(EnglishReports, language, Off, settle: false).Stories, stories);
    }

    internal static (string[] Stories, StoryClusterer Clusterer) Cluster(string[] texts, string? language, ClusteringOptions options, bool settle = true)
    {
        var clusterer = new StoryClusterer(options);
        var documents = texts.Select((text, i) => Report(text, language, i)).ToList();
        foreach (var document in documents) clusterer.Assign(document);
        if (settle) clusterer.Settle();
        return ([.. documents.Select(d => clusterer.StoryOf(d.Id)!)], clusterer);
    }

    private static Document Report(string text, string? language, int i)
    {
        var document = Docs.Of(text, $"{language ?? "none"}-{i}");
        document.Article.Language = language;
        return document;
    }
}
