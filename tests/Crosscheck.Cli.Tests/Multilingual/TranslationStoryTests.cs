using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Cli.Tests.Multilingual;

/// <summary>
/// Through the flow ingest runs (extraction with language identification, annotation, clustering, dossier): a
/// French report and its English translation, written for this test about an invented event, form one story,
/// and the translation is marked as a copy of its original, so what it states has the original's origin.
/// </summary>
public sealed class TranslationStoryTests
{
    private const string French = """
        La ville de Valmora a annoncé mardi la fermeture de 14 écoles après les inondations qui ont touché la région de Castelbruno. Selon le maire Henrik Solvang, 2.300 habitants ont été évacués et 47 familles restent sans logement.

        Le fleuve Oriel a dépassé de 3,5 mètres son niveau habituel dans la nuit de lundi. Les services de Valmora estiment les dégâts à 12 millions d'euros. Henrik Solvang a demandé l'aide de la préfecture de Castelbruno et de la société Norveta, qui gère le barrage de Lunsk.

        Les écoles doivent rouvrir le 18 mars si le niveau du fleuve Oriel baisse, a précisé la mairie de Valmora. En 2011, une crue comparable avait forcé 900 habitants à quitter leur maison.
        """;

    private const string English = """
        The town of Valmora announced on Tuesday the closure of 14 schools after the floods that hit the Castelbruno region. According to mayor Henrik Solvang, 2,300 residents were evacuated and 47 families remain without housing.

        The Oriel river rose 3.5 metres above its usual level on Monday night. Valmora's services put the damage at 12 million euros. Henrik Solvang asked for help from the Castelbruno prefecture and from the company Norveta, which runs the Lunsk dam.

        The schools are to reopen on March 18 if the level of the Oriel river falls, the Valmora town hall said. In 2011, a comparable flood forced 900 residents to leave their homes.
        """;

    private static Document Process(string outlet, string title, string text, string published) =>
        IngestedArticles.Process(outlet, "valmora", title, text, published);

    [Fact]
    public void A_French_report_and_its_English_translation_are_one_story_and_the_translation_is_a_copy_of_its_original()
    {
        var original = Process("journal-valmora", "Inondations : Valmora ferme 14 écoles", French, "2026-03-10T08:00:00Z");
        var translation = Process("valmora-news", "Floods: Valmora closes 14 schools", English, "2026-03-10T15:00:00Z");
        Assert.Equal("fr", original.Article.Language);
        Assert.Equal("en", translation.Article.Language);

        var clusterer = (StoryClusterer)Engine.NewClusterer();
        clusterer.Assign(original);
        clusterer.Assign(translation);
        clusterer.Settle();
        Assert.Equal(clusterer.StoryOf(original.Id), clusterer.StoryOf(translation.Id));

        var story = clusterer.Stories.Single();
        var dossier = Engine.DossierBuilder().Build(story, [original, translation]);
        var copy = Assert.Single(dossier.Copies);
        Assert.Equal(translation.Id, copy.Article);
        Assert.Equal(original.Id, copy.Original);
        // What the translation states comes from the original's outlet, not from the outlet that translated it.
        var statements = dossier.Claims.SelectMany(c => c.Statements).Where(s => s.Article == translation.Id).ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.Equal("journal-valmora", s.Origin));
    }

    [Fact]
    public void Two_reports_of_one_event_in_two_languages_written_apart_are_not_taken_for_a_translation()
    {
        var french = Process("journal-valmora", "Inondations : Valmora ferme 14 écoles", French, "2026-03-10T08:00:00Z");
        var english = Process("valmora-news", "Valmora floods: schools shut", """
            Schools stayed shut in Valmora on Wednesday. Parents in the old quarter said the water had reached the first floor of several houses overnight, and volunteers from the neighbouring villages brought boats.

            The Oriel has flooded before: older residents remember the spring of 1987, when the bridge to the station was closed for a month. Insurers have not yet put a figure on this week's losses.

            Forecasters expect more rain at the weekend, with up to 40 millimetres in the hills above the valley.
            """, "2026-03-11T09:00:00Z");

        var story = new Story { Id = "s", Title = "t", ArticleIds = [french.Id, english.Id] };
        var dossier = Engine.DossierBuilder().Build(story, [french, english]);

        Assert.Empty(dossier.Copies);
    }
}
