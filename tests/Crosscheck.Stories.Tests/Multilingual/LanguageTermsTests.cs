using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class LanguageTermsTests
{
    private static List<string> Stems(string language, string text) =>
        LanguageTerms.Analyze(language, text)!.Select(t => t.Stem).ToList();

    [Theory]
    [InlineData("fr", "Les sanctions annoncées", "La sanction annoncée")]
    [InlineData("de", "Die Regierungen verhandelten", "Der Regierung verhandelt")]
    [InlineData("es", "Las elecciones presidenciales", "La elección presidencial")]
    [InlineData("it", "Le elezioni regionali", "Elezione regionale")]
    [InlineData("nl", "De verkiezingen", "Verkiezing")]
    [InlineData("pt", "Os acordos assinados", "O acordo assinado")]
    [InlineData("ru", "Выборы президента", "Выборах президентом")]
    [InlineData("tr", "Seçimlerde", "Seçimler")]
    [InlineData("pl", "Wyborach prezydenckich", "Wybory prezydenckie")]
    public void Inflected_forms_of_one_word_give_one_stem_and_stop_words_are_dropped(string language, string first, string second)
    {
        var a = Stems(language, first);
        var b = Stems(language, second);

        Assert.Equal(a.Count, b.Count);
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("Regierungsbündnis", "Regierung", "Bündnis")]
    [InlineData("Atomwaffenprogramm", "Atomwaffen", "Programm")]
    [InlineData("Impfstoffsuche", "Impfstoff", "Suche")]
    public void A_German_compound_keeps_its_own_stem_and_adds_those_of_its_two_parts(string compound, string modifier, string head)
    {
        var stems = Stems("de", compound);

        Assert.Equal(3, stems.Count);
        Assert.StartsWith(stems[1], stems[0], StringComparison.Ordinal);
        Assert.Equal(Stems("de", modifier)[0], stems[1]);
        Assert.Equal(Stems("de", head)[0], stems[2]);
    }

    [Theory]
    [InlineData("Regierung")]
    [InlineData("Regierungen")]
    [InlineData("Tierheim")]
    public void A_German_word_that_is_no_compound_of_two_dictionary_words_stays_one_stem(string word)
    {
        Assert.Single(Stems("de", word));
    }

    [Fact]
    public void Every_news_language_the_identifier_can_give_has_an_analysis()
    {
        Assert.Contains("en", LanguageTerms.Languages);
        Assert.Contains("zh", LanguageTerms.Languages);
        foreach (var language in LanguageTerms.Languages)
            Assert.True(LanguageTerms.Analyze(language, "Parliament 2021") is not null, $"no analysis for {language}");
    }

    [Fact]
    public void Chinese_without_spaces_is_read_as_overlapping_character_pairs_with_their_offsets()
    {
        var terms = LanguageTerms.Analyze("zh", "政府宣布提高工资")!;

        Assert.Contains(terms, t => t.Stem == "政府" && t.Start == 0);
        Assert.Contains(terms, t => t.Stem == "工资" && t.Start == 6);
        Assert.True(terms.Count >= 6);
    }

    [Fact]
    public void Arabic_words_are_normalised_and_lightly_stemmed()
    {
        // The definite article "ال" is stripped: "الحكومة" (the government) and "حكومة" (a government) meet.
        Assert.Equal(Stems("ar", "حكومة"), Stems("ar", "الحكومة"));
    }

    [Fact]
    public void Numbers_are_left_out_and_a_language_without_analysis_gives_null()
    {
        Assert.DoesNotContain("2020", Stems("en", "In 2020 prices rose"));
        Assert.Null(LanguageTerms.Analyze("xx", "text"));
        Assert.Null(LanguageTerms.Analyze(null, "text"));
    }

    [Fact]
    public void Numbers_are_read_with_their_language_s_decimal_mark()
    {
        Assert.Equal("1000", Words.FoldNumber("1.000", decimalComma: true));
        Assert.Equal("1000", Words.FoldNumber("1,000"));
        Assert.Equal("3.5", Words.FoldNumber("3,5", decimalComma: true));
        Assert.Equal("3.5", Words.FoldNumber("3.5"));
    }

    [Theory]
    [InlineData("trump", "tramp")]
    [InlineData("biden", "baiden")]
    [InlineData("moscow", "moskau")]
    public void A_name_keeps_one_key_across_transliterations(string first, string second)
    {
        Assert.Equal(NameKey.Of(first), NameKey.Of(second));
    }

    [Fact]
    public void A_name_of_fewer_than_three_consonants_has_no_key()
    {
        Assert.Null(NameKey.Of("iowa"));
        Assert.NotEqual(NameKey.Of("trump"), NameKey.Of("merkel"));
    }
}
