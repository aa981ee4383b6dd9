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
        Assert.Empty(Glossary.Of("zh", "政府"));
        Assert.Empty(Glossary.Of("es", "eleccion"));
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

    private static Document Document(string language, string text) =>
        new(new Article { Id = "a", Source = "test", Body = text, Language = language });
}
