using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class GlossaryTests
{
    private static string Stem(string language, string word) => Assert.Single(LanguageTerms.Analyze(language, word)!).Stem;

    [Theory]
    [InlineData("Wahl", "election")]
    [InlineData("Wahlen", "election")]
    [InlineData("Impfungen", "vaccination")]
    [InlineData("Vulkane", "volcano")]
    public void A_German_stem_has_its_English_words_whatever_its_inflection(string word, string english)
    {
        Assert.Contains(english, Glossary.Of("de", Words.Fold(Stem("de", word))));
    }

    [Fact]
    public void A_language_without_a_glossary_or_an_unknown_stem_has_no_English_words()
    {
        Assert.Empty(Glossary.Of("es", "eleccion"));
        Assert.Empty(Glossary.Of("zh", "的政"));
        Assert.Empty(Glossary.Of("de", "xqzvw"));
        Assert.Contains("de", Glossary.Languages);
        Assert.DoesNotContain("en", Glossary.Languages);
    }

    [Fact]
    public void Glossed_terms_let_an_article_share_English_words_with_an_English_report_only_when_switched_on()
    {
        var german = Document("de", "Der Vulkan auf den Philippinen spuckt wieder Asche.");
        var on = DocumentFeatures.Extract(german, ClusteringOptions.Default with { GlossWeight = 1 });
        var off = DocumentFeatures.Extract(german, ClusteringOptions.Default);

        Assert.Contains("volcano", on.Terms.Keys);
        Assert.DoesNotContain("volcano", off.Terms.Keys);
        // The glossed word counts no more than the stem it translates (its weight is shared among the stem's English words).
        Assert.True(on.Terms["volcano"] <= on.Terms[Words.Fold(Stem("de", "Vulkan"))]);
    }

    [Theory]
    [InlineData("政府", "government")]
    [InlineData("地震", "earthquake")]
    [InlineData("總統", "president")]
    public void A_Chinese_character_pair_has_its_English_words(string pair, string english)
    {
        Assert.Contains(english, Glossary.Of("zh", Stem("zh", pair)));
    }

    [Fact]
    public void Chinese_is_glossed_by_its_own_weight_alone()
    {
        var chinese = Document("zh", "菲律宾发生强烈地震，政府表示已有多人死亡。");
        var on = DocumentFeatures.Extract(chinese, ClusteringOptions.Default with { ChineseGlossWeight = 1 });
        var common = DocumentFeatures.Extract(chinese, ClusteringOptions.Default with { GlossWeight = 1, ChineseGlossWeight = 0 });
        var german = DocumentFeatures.Extract(Document("de", "Der Vulkan auf den Philippinen spuckt wieder Asche."), ClusteringOptions.Default with { ChineseGlossWeight = 1 });

        Assert.Contains("earthquake", on.Terms.Keys);
        Assert.Contains("government", on.Terms.Keys);
        Assert.DoesNotContain("earthquake", common.Terms.Keys);
        Assert.DoesNotContain("volcano", german.Terms.Keys);
        Assert.True(on.Terms["earthquake"] <= on.Terms[Words.Fold("地震")]);
    }

    [Fact]
    public void Chinese_pairs_of_one_sound_keep_their_own_English_words()
    {
        // Folded, both are "shiyan": keyed by the characters, each keeps its own sense.
        Assert.Contains("experiment", Glossary.Of("zh", "实验"));
        Assert.DoesNotContain("experiment", Glossary.Of("zh", "誓言"));
    }

    private static Document Document(string language, string text) =>
        new(new Article { Id = "a", Source = "test", Body = text, Language = language });
}
