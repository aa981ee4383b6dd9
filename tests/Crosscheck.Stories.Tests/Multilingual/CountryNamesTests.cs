using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class CountryNamesTests
{
    private static List<string> Countries(string language, string text, bool analysed = true) =>
        CountryNames.Find(language, analysed, CountryNames.Terms(language, analysed, text), text).Select(c => c.Key).ToList();

    [Theory]
    [InlineData("de", "Die Regierung Deutschlands und Frankreichs verhandelte.", "de", "fr")]
    [InlineData("fr", "L'Allemagne et la France ont signé.", "de", "fr")]
    [InlineData("ru", "Переговоры России и Германии продолжились.", "ru", "de")]
    [InlineData("es", "Estados Unidos y Alemania firmaron.", "us", "de")]
    [InlineData("zh", "美国和德国签署了协议。", "us", "de")]
    [InlineData("tr", "Türkiye'nin Almanya'ya açıklaması.", "tr", "de")]
    public void A_country_is_found_in_its_own_language_whatever_its_inflection(string language, string text, string first, string second)
    {
        Assert.Equal([first, second], Countries(language, text));
    }

    [Fact]
    public void English_words_are_matched_as_written_and_need_a_capital()
    {
        Assert.Equal(["us", "de"], Countries("en", "The United States and Germany agreed.", analysed: false));
        Assert.Empty(Countries("en", "Let us agree.", analysed: false));
    }

    [Fact]
    public void A_turkish_name_loses_its_ending_after_the_apostrophe()
    {
        var text = "Fenerbahçe'nin başkanı";
        var words = Words.Scan(text);

        Assert.Equal("Fenerbahçe", text.Substring(words[0].Start, words[0].Length));
        Assert.True(Words.IsApostropheSuffix(text, words[1]));
        Assert.False(Words.IsApostropheSuffix("l'Élysée", Words.Scan("l'Élysée")[1]));
    }

    [Fact]
    public void Two_reports_naming_one_country_in_two_languages_score_higher_with_its_key()
    {
        // Names apart from the one person, so that the scores stay under their cap of 1.
        var french = LanguageDocuments.Of("fr", "Olaf Scholz a visité Lyon, Marseille, Nantes et Bordeaux. Le projet avance en Allemagne.");
        var english = LanguageDocuments.Of("en", "Olaf Scholz visited Chicago, Denver, Boston and Seattle. The plan of Germany moves on.");

        var (with, without) = LanguageDocuments.Scores(french, english, new ClusteringOptions { CountryKeys = true }, new ClusteringOptions { CountryKeys = false });

        Assert.True(with > without, $"{with} <= {without}");
    }

    [Fact]
    public void Within_one_language_a_country_key_changes_no_score()
    {
        // The key is not compared within a language (the country's own name is), so it must not weigh in the norms either.
        var first = LanguageDocuments.Of("en", "Olaf Scholz visited Lyon and Marseille. The plan of Germany moves on, officials in Berlin said.");
        var second = LanguageDocuments.Of("en", "Olaf Scholz flew to Boston on Tuesday. Germany and France agreed on the plan.");

        var (with, without) = LanguageDocuments.Scores(first, second, new ClusteringOptions { CountryKeys = true }, new ClusteringOptions { CountryKeys = false });

        Assert.True(with > 0);
        Assert.Equal(without, with, 12);
    }
}
