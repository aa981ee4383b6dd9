using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class HanNameKeysTests
{
    [Theory]
    [InlineData("trump", "特朗普")]
    [InlineData("grimsby", "格里姆斯比")]
    [InlineData("washington", "华盛顿")]
    [InlineData("istanbul", "伊斯坦布尔")]
    [InlineData("kremlin", "克里姆林")]
    public void A_latin_name_and_its_chinese_transliteration_share_one_key(string latin, string han)
    {
        var key = HanNameKeys.OfLatin(latin);

        Assert.NotNull(key);
        Assert.Equal(key, HanNameKeys.OfHan(han));
    }

    [Fact]
    public void Different_names_and_too_short_ones_get_no_common_key()
    {
        Assert.NotEqual(HanNameKeys.OfLatin("trump"), HanNameKeys.OfLatin("biden"));
        Assert.Null(HanNameKeys.OfLatin("rome"));
        Assert.Null(HanNameKeys.OfHan("巴黎"));
    }

    [Fact]
    public void A_long_name_is_keyed_by_its_first_six_sounds_however_long_it_runs()
    {
        // 格里姆斯比 is "klnsp": repeated, the run's key is cut after its sixth letter, on both sides alike.
        var han = HanNameKeys.OfHan(string.Concat(Enumerable.Repeat("格里姆斯比", 100_000)));
        var latin = HanNameKeys.OfLatin(string.Concat(Enumerable.Repeat("grimsby", 100_000)));

        Assert.Equal("klnspk", han);
        Assert.Equal(han, latin);
    }

    [Fact]
    public void Only_runs_of_transliteration_characters_are_keyed()
    {
        // 据报道 ("reportedly"), 在会上对 ... 说 ("said to ... at the meeting") are ordinary words: no key of chance from them.
        var keys = HanNameKeys.OfHanNames("据报道，特朗普在会上对佩洛西说").Select(k => k.Key).ToList();

        Assert.Equal(["tlnp", "pls"], keys);
        Assert.Equal("tlnp", HanNameKeys.OfLatin("trump"));
        Assert.Equal("pls", HanNameKeys.OfLatin("pelosi"));
    }

    [Fact]
    public void A_chinese_and_an_english_report_naming_the_same_people_score_higher_with_the_keys()
    {
        var chinese = LanguageDocuments.Of("zh", "特朗普周三在华盛顿会见了佩洛西，双方讨论了预算问题。");
        var english = LanguageDocuments.Of("en", "Donald Trump met Nancy Pelosi in Washington on Wednesday to discuss the budget.");

        // The keys alone: with the Chinese glossary on, the two share glossed terms as well, and the keys' entity features weigh differently.
        var (with, without) = LanguageDocuments.Scores(chinese, english, new ClusteringOptions { HanNameKeys = true, ChineseGlossWeight = 0 }, new ClusteringOptions { HanNameKeys = false, ChineseGlossWeight = 0 });

        Assert.True(with > without, $"{with} <= {without}");
    }

    [Theory]
    [InlineData("en", "Donald Trump met Nancy Pelosi in Washington.", "en", "Trump and Pelosi spoke in Washington on Friday about Germany.")]
    [InlineData("de", "Donald Trump traf Nancy Pelosi in Washington.", "en", "Trump and Pelosi spoke in Washington on Friday about Germany.")]
    [InlineData("zh", "特朗普在华盛顿会见了佩洛西。", "zh", "佩洛西和特朗普在华盛顿谈了预算。")]
    public void Outside_chinese_against_another_script_the_keys_change_no_score(string firstLanguage, string first, string secondLanguage, string second)
    {
        var a = LanguageDocuments.Of(firstLanguage, first);
        var b = LanguageDocuments.Of(secondLanguage, second);

        var (with, without) = LanguageDocuments.Scores(a, b, new ClusteringOptions { HanNameKeys = true }, new ClusteringOptions { HanNameKeys = false });

        Assert.True(with > 0);
        Assert.Equal(without, with, 12);
    }

    [Fact]
    public void With_country_keys_off_the_sound_keys_change_no_score_within_one_language()
    {
        var first = LanguageDocuments.Of("en", "Donald Trump met Nancy Pelosi in Washington.");
        var second = LanguageDocuments.Of("en", "Trump and Pelosi spoke in Washington on Friday about Germany.");

        var (with, without) = LanguageDocuments.Scores(first, second, new ClusteringOptions { CountryKeys = false, HanNameKeys = true }, new ClusteringOptions { CountryKeys = false });

        Assert.True(with > 0);
        Assert.Equal(without, with, 12);
    }
}
