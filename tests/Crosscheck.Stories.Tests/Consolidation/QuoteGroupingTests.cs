using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Consolidation;

public class QuoteGroupingTests
{
    [Fact]
    public void The_same_quote_in_several_articles_is_grouped_once_with_all_its_articles()
    {
        var a = StoryDoc.Of("Lena Hartmann said: \"We will not accept any deal that leaves the north undefended.\"", "a")
            .Person("Lena Hartmann").Quote("We will not accept any deal that leaves the north undefended.", "Lena Hartmann").Build();
        var b = StoryDoc.Of("\"We will not accept a deal which leaves the north undefended,\" Hartmann said.", "b")
            .Person("Hartmann").Quote("We will not accept a deal which leaves the north undefended,", "Hartmann").Build();
        var c = StoryDoc.Of("Lena Hartmann also said: \"The talks are over.\"", "c")
            .Person("Lena Hartmann").Quote("The talks are over.", "Lena Hartmann").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b, c), [a, b, c]);

        Assert.Equal(2, dossier.Quotes.Count);
        var speaker = dossier.Entities.Single(e => e.Name == "Lena Hartmann");
        Assert.All(dossier.Quotes, q => Assert.Equal(speaker.Id, q.SpeakerEntity));
        Assert.All(dossier.Quotes, q => Assert.Equal("Lena Hartmann", q.Speaker));
        var shared = dossier.Quotes.Single(q => q.Text.Contains("undefended", StringComparison.Ordinal));
        Assert.Equal("a", shared.Article);
        Assert.Equal(["a", "b"], shared.Articles);
    }

    [Fact]
    public void Quotes_are_grouped_by_speaker_and_an_unresolved_speaker_keeps_its_description()
    {
        var a = StoryDoc.Of("\"The ceasefire holds,\" Tomas Berg said. \"We are hopeful about the harbour,\" said a diplomatic source. \"Supplies arrive daily,\" Berg added.", "a")
            .Person("Tomas Berg").Person("Berg")
            .Quote("The ceasefire holds,", "Tomas Berg")
            .Quote("We are hopeful about the harbour,", description: "a diplomatic source")
            .Quote("Supplies arrive daily,", "Berg").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a), [a]);

        Assert.Equal(["Tomas Berg", "Tomas Berg", "a diplomatic source"], dossier.Quotes.Select(q => q.Speaker));
        Assert.Null(dossier.Quotes[2].SpeakerEntity);
    }

    [Fact]
    public void A_quote_whose_span_takes_in_its_marks_is_kept_without_them_and_inner_marks_stay()
    {
        var a = StoryDoc.Of("Tomas Berg spoke first.\n\n\u201cShould the harbour not stay open all winter?\u201d\n\n\u201cNo,\u201d he said, \u201cnot yet.\u201d", "a")
            .Person("Tomas Berg")
            .Quote("\u201cShould the harbour not stay open all winter?\u201d", "Tomas Berg")
            .Quote("\u201cNo,\u201d he said, \u201cnot yet.\u201d", "Tomas Berg").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a), [a]);

        Assert.Equal(["Should the harbour not stay open all winter?", "\u201cNo,\u201d he said, \u201cnot yet.\u201d"], dossier.Quotes.Select(q => q.Text));
    }

    [Fact]
    public void A_quote_cut_short_loses_its_opening_mark_with_its_closing_one()
    {
        // The marks come off before the length bound: cut first, the closing mark would be gone and the opening one left alone.
        const string quote = "\u201cThe harbour will stay open all winter and the ferries will run every day.\u201d";
        var a = StoryDoc.Of($"Tomas Berg spoke first.\n\n{quote}", "a").Person("Tomas Berg").Quote(quote, "Tomas Berg").Build();

        var dossier = new DossierBuilder(DossierBuilderOptions.Default with { MaxQuoteLength = 30 }).Build(StoryOf.Documents(a), [a]);

        Assert.Equal("The harbour will stay open all\u2026", Assert.Single(dossier.Quotes).Text);
    }

    [Fact]
    public void Different_quotes_of_different_speakers_are_not_merged_even_when_similar()
    {
        var a = StoryDoc.Of("\"We want peace in the region now,\" Tomas Berg said.", "a").Person("Tomas Berg").Quote("We want peace in the region now,", "Tomas Berg").Build();
        var b = StoryDoc.Of("\"We want peace in the region now,\" Lena Hartmann said.", "b").Person("Lena Hartmann").Quote("We want peace in the region now,", "Lena Hartmann").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);

        Assert.Equal(2, dossier.Quotes.Count);
    }

    [Fact]
    public void A_speaker_written_without_a_mention_is_resolved_to_the_article_entity_it_names()
    {
        var doc = StoryDoc.Of("Jana Horvat, a ministry spokeswoman, spoke. \"Nothing was signed,\" Horvat said. \"We wait,\" an aide said.", "a")
            .Person("Jana Horvat").Build();
        doc.Quotes =
        [
            new Core.Model.Quote(Testing.Docs.Find(doc, "Nothing was signed,"), true, "said", Testing.Docs.Find(doc, "Horvat", doc.Text.IndexOf("signed", StringComparison.Ordinal))),
            new Core.Model.Quote(Testing.Docs.Find(doc, "We wait,"), true, "said", SpeakerDescription: "an aide"),
        ];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(doc), [doc]);

        Assert.Equal("Jana Horvat", dossier.Quotes[0].Speaker);
        Assert.Equal(dossier.Entities.Single().Id, dossier.Quotes[0].SpeakerEntity);
        Assert.Equal("an aide", dossier.Quotes[1].Speaker);
        Assert.Null(dossier.Quotes[1].SpeakerEntity);
    }
}
