using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class CrossHanScaleTests
{
    private static readonly ClusteringOptions Scaled = ClusteringOptions.Default with { CrossHanScale = 2 };

    [Fact]
    public void A_chinese_and_an_english_report_score_the_scale_times_their_common_score()
    {
        var chinese = LanguageDocuments.Of("zh", "日本航空公司将在 7 月 1 日至 9 月 30 日期间向外国游客赠送 50,000 张免费机票。");
        var english = LanguageDocuments.Of("en", "Japan Airlines is giving away 50,000 free tickets to foreign visitors travelling between July 1 and September 30.");

        var (scaled, common) = LanguageDocuments.Scores(chinese, english, Scaled, ClusteringOptions.Default);

        Assert.True(common > 0);
        Assert.Equal(2 * common, scaled, 12);
    }

    [Theory]
    [InlineData("en", "Japan Airlines is giving away 50,000 free tickets to foreign visitors.", "en", "Japan Airlines offers 50,000 free tickets to visitors from abroad.")]
    [InlineData("de", "Japan Airlines verschenkt 50.000 Freiflüge an ausländische Besucher.", "en", "Japan Airlines offers 50,000 free tickets to visitors from abroad.")]
    [InlineData("zh", "日本航空公司向外国游客赠送 50,000 张免费机票。", "zh", "日本航空公司为 50,000 名外国游客提供免费机票。")]
    public void Pairs_not_across_han_and_another_script_keep_their_score(string firstLanguage, string first, string secondLanguage, string second)
    {
        var (scaled, common) = LanguageDocuments.Scores(LanguageDocuments.Of(firstLanguage, first), LanguageDocuments.Of(secondLanguage, second), Scaled, ClusteringOptions.Default);

        Assert.True(common > 0);
        Assert.Equal(common, scaled, 12);
    }
}
