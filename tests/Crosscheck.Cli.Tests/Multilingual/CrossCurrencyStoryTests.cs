using Crosscheck.Annotation.Quantities.Money;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Cli.Tests.Multilingual;

/// <summary>
/// Through the flow ingest runs: a French report stating an amount in CFA francs and an English report, written
/// apart, stating it in dollars (both written for this test about an invented event) become one story, and the two
/// amounts one money claim, compared in dollars through the shipped rate table.
/// </summary>
public sealed class CrossCurrencyStoryTests
{
    private const string French = """
        Le gouvernement régional de Kessoua a signé jeudi à Dorvane un contrat de 6,5 milliards de francs CFA avec la société Solmara pour la construction d'une centrale solaire de 30 mégawatts au bord du fleuve Lessa. « Cette centrale alimentera 40 000 foyers dès sa mise en service en 2028 », a déclaré le ministre de l'Énergie Issa Maroba.

        Les travaux doivent commencer en mars et Solmara prévoit d'embaucher environ 600 ouvriers sur le chantier. Depuis la panne de l'ancienne centrale diesel de Dorvane, la ville subit des coupures de courant quotidiennes.
        """;

    private const string English = """
        The Kessoua regional government on Thursday signed a $10.7 million contract with Solmara to build a 30-megawatt solar plant near Dorvane, on the banks of the Lessa river. Energy minister Issa Maroba said the plant would supply power to 40,000 households once it opens in 2028.

        Work is due to start in March, and Solmara expects to hire about 600 workers for the site. Dorvane has had daily power cuts since its old diesel station broke down.
        """;

    private static Document Process(string outlet, string title, string text, string published) =>
        IngestedArticles.Process(outlet, "kessoua-solar", title, text, published);

    [Fact]
    public void A_French_amount_in_CFA_francs_and_an_English_one_in_dollars_are_one_story_and_one_claim()
    {
        var french = Process("journal-kessoua", "Kessoua signe un contrat solaire de 6,5 milliards de francs CFA", French, "2026-05-14T09:00:00Z");
        var english = Process("kessoua-wire", "Kessoua signs $10.7 million solar deal", English, "2026-05-14T16:00:00Z");
        Assert.Equal("fr", french.Article.Language);
        Assert.Equal("en", english.Article.Language);

        // The French amount is read in its own currency and converted by the rate table, not by this test.
        var francs = Assert.Single(french.Quantities, q => q.Kind == QuantityKind.Money);
        Assert.Equal("XOF", francs.Unit);
        Assert.Equal(6.5e9, francs.Value, 3);
        var expected = CurrencyConverter.Default.ToUsd(6.5e9, "XOF", french.Article.Published?.Value);
        Assert.NotNull(expected);
        Assert.Equal("USD", francs.Normalized?.Unit);
        Assert.Equal(expected.Value, francs.Normalized!.Value, 0);

        var clusterer = (StoryClusterer)Engine.NewClusterer();
        clusterer.Assign(french);
        clusterer.Assign(english);
        clusterer.Settle();
        Assert.Equal(clusterer.StoryOf(french.Id), clusterer.StoryOf(english.Id));

        var story = clusterer.Stories.Single();
        var dossier = Engine.DossierBuilder().Build(story, [french, english]);
        var money = Assert.Single(dossier.Claims, c => c.Kind == "money");
        Assert.Equal([english.Id, french.Id], money.Articles.Order(StringComparer.Ordinal));
        Assert.NotEqual(ClaimStatus.Conflicting, money.Status);
        Assert.Contains(money.Statements, s => s.Article == french.Id && s.Unit == "XOF");
        Assert.Contains(money.Statements, s => s.Article == english.Id && s.Unit == "USD");
    }
}
