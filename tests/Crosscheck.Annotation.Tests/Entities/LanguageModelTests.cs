using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>The tagger picks the model by the document's language, and never runs one language's model on another's text.</summary>
public class LanguageModelTests
{
    private static Document Run(string text, string? language)
    {
        var document = Docs.Of(text);
        document.Article.Language = language;
        return Stack.Pipeline.Run(document);
    }

    [Fact]
    public void A_language_without_a_model_gets_low_confidence_capitalised_runs_only()
    {
        var tagger = EntityTagger.LoadDefault();
        Assert.False(tagger.HasModelFor("tr"));

        var document = Run("Bakan dün açıklama yaptı. Dün akşam Recep Tayyip Erdoğan ile Ahmet Yılmaz görüştü.", "tr");

        Assert.All(document.Mentions, m => Assert.Equal(EntityType.Misc, m.Type));
        Assert.All(document.Mentions, m => Assert.True(m.Confidence < 0.5f));
        var names = document.Mentions.Select(m => document[m.Span]).ToList();
        Assert.Contains("Recep Tayyip Erdoğan", names);
        Assert.Contains("Ahmet Yılmaz", names);
        // A lone capital that only opens a sentence is the spelling, not a name.
        Assert.DoesNotContain("Bakan", names);
        Assert.DoesNotContain("Dün", names);
    }

    [Fact]
    public void A_script_without_capitals_and_no_model_gets_no_mentions()
    {
        var document = Run("国家主席在北京会见了来访的外国代表团。", "zh");

        Assert.True(document.Has(Layer.Mentions));
        Assert.Empty(document.Mentions);
    }

    [Fact]
    public void English_and_an_unidentified_language_get_the_English_model()
    {
        const string text = "Chancellor Helga Brandt met officials of the World Bank in Nairobi on Tuesday.";
        foreach (var language in new[] { "en", "EN", "en-GB", null })
        {
            var document = Run(text, language);
            Assert.Equal(EntityType.Person, Stack.TypeOf(document, "Helga Brandt"));
            Assert.Equal(1f, document.Mentions.Single(m => document[m.Span] == "Helga Brandt").Confidence);
        }
    }

    [Theory]
    [InlineData("es", "El presidente del Gobierno , Pedro Sánchez , viajó a Bruselas para reunirse con la Comisión Europea .", "Pedro Sánchez", "Bruselas")]
    [InlineData("de", "Bundeskanzler Olaf Scholz ist am Montag nach Paris gereist , teilte die Bundesregierung mit .", "Olaf Scholz", "Paris")]
    [InlineData("fr", "Le président Emmanuel Macron a reçu jeudi à Paris le chancelier allemand .", "Emmanuel Macron", "Paris")]
    [InlineData("ru", "Президент Владимир Путин в четверг прилетел в Минск .", "Владимир Путин", "Минск")]
    [InlineData("nl", "Minister Hugo Janssens is maandag naar Antwerpen gereisd , meldde de regering .", "Hugo Janssens", "Antwerpen")]
    public void A_document_is_tagged_by_the_model_of_its_language(string language, string text, string person, string place)
    {
        Assert.True(EntityTagger.LoadDefault().HasModelFor(language), $"no shipped model for {language}");

        var document = Run(text, language);

        Assert.Equal(EntityType.Person, Stack.TypeOf(document, person));
        Assert.Equal(EntityType.Loc, Stack.TypeOf(document, place));
        Assert.All(document.Mentions, m => Assert.Equal(1f, m.Confidence));
        Assert.All(document.Mentions, m => Assert.Null(m.Role));
    }

    [Fact]
    public void Every_shipped_language_has_a_model_and_English_is_one_of_them()
    {
        var tagger = EntityTagger.LoadDefault();
        Assert.Contains("en", EntityTagger.ShippedLanguages);
        foreach (var language in EntityTagger.ShippedLanguages) Assert.True(tagger.HasModelFor(language), language);
    }

    [Theory]
    [InlineData("München", "Mnchen")]
    [InlineData("Mьnchen", "Mnchen")]
    [InlineData("Mnchen", "Mnchen")]
    [InlineData("Straяe", "Strae")]
    [InlineData("José", "Jos")]
    [InlineData("Путин", "Путин")]
    [InlineData("U.S.-Präsident", "U.S.-Prsident")]
    public void Folding_deletes_the_non_ASCII_letters_of_Latin_words_only(string word, string folded) =>
        Assert.Equal(folded, WordFolding.Fold(word));

    [Fact]
    public void The_German_model_reads_umlauts_written_deleted_or_garbled_alike()
    {
        // The German corpora spell umlauts three ways (intact, deleted, Latin-1 read as Cyrillic); the model folds them.
        var spellings = new[]
        {
            "Der Bürgermeister von München , Dieter Reiter , traf am Montag Vertreter der Bundesregierung in Düsseldorf .",
            "Der Brgermeister von Mnchen , Dieter Reiter , traf am Montag Vertreter der Bundesregierung in Dsseldorf .",
            "Der Bьrgermeister von Mьnchen , Dieter Reiter , traf am Montag Vertreter der Bundesregierung in Dьsseldorf .",
        };
        var intact = Run(spellings[0], "de");
        Assert.Equal(EntityType.Person, Stack.TypeOf(intact, "Dieter Reiter"));
        Assert.Equal(EntityType.Loc, Stack.TypeOf(intact, "München"));
        // Deleted letters shift the offsets, so compare the types in order.
        var types = spellings.Select(text => string.Join(",", Run(text, "de").Mentions.Select(m => m.Type))).ToList();
        Assert.Equal(types[0], types[1]);
        Assert.Equal(types[0], types[2]);
    }
}
