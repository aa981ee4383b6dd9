using Xunit;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Stories.Tests.Multilingual;

/// <summary>
/// <see cref="ClusteringOptions.CrossHanGlossesAlone"/>: across Han and another script, terms compare without the Chinese character
/// pairs in the Chinese side's norm; everywhere else nothing changes.
/// </summary>
public class CrossHanGlossesTests
{
    private static readonly ClusteringOptions On = ClusteringOptions.Default with { CrossHanGlossesAlone = true };
    private static readonly ClusteringOptions Off = ClusteringOptions.Default with { CrossHanGlossesAlone = false };

    [Fact]
    public void Only_the_chinese_character_pairs_are_marked_and_only_with_the_option()
    {
        var chinese = LanguageDocuments.Of("zh", "菲律宾发生强烈地震，政府表示已有多人死亡。NASA 发布了照片。");

        var on = DocumentFeatures.Extract(chinese, On).Terms.Keys.ToList();
        var off = DocumentFeatures.Extract(chinese, Off).Terms.Keys.ToList();

        Assert.Contains(FeatureSpace.HanTermMarker + Words.Fold("地震"), on);
        Assert.Contains("earthquake", on);
        Assert.Contains("nasa", on);
        Assert.All(on, term => Assert.Equal(term[0] == FeatureSpace.HanTermMarker, FeatureSpace.IsHanTerm(FeatureSpace.KeyOf(0, term))));
        Assert.Contains(on, term => FeatureSpace.IsHanTerm(FeatureSpace.KeyOf(0, term)));
        Assert.DoesNotContain(off, term => FeatureSpace.IsHanTerm(FeatureSpace.KeyOf(0, term)));
        // The same terms otherwise: the option renames the pairs, it neither adds nor drops any.
        Assert.Equal(off.Count, on.Count);
    }

    [Fact]
    public void A_chinese_and_an_english_report_of_one_event_share_more_of_their_terms()
    {
        var chinese = LanguageDocuments.Of("zh", "菲律宾南部发生强烈地震，政府表示已有多人死亡，救援人员正在搜寻幸存者。");
        var english = LanguageDocuments.Of("en", "A strong earthquake struck the southern Philippines; the government said several people died as rescuers searched for survivors.");

        var on = new StoryClusterer(On).CompareChannels(chinese, english);
        var off = new StoryClusterer(Off).CompareChannels(chinese, english);

        Assert.True(off.Terms > 0, $"terms {off.Terms}");
        Assert.True(on.Terms > off.Terms, $"{on.Terms} <= {off.Terms}");
        Assert.True(on.Score > off.Score, $"{on.Score} <= {off.Score}");
    }

    [Theory]
    [InlineData("zh", "菲律宾发生强烈地震，政府表示已有多人死亡。", "zh", "菲律宾地震死亡人数上升，政府派出救援队。")]
    [InlineData("de", "Donald Trump traf Nancy Pelosi in Washington.", "en", "Trump and Pelosi spoke in Washington on Friday about Germany.")]
    [InlineData("en", "A strong earthquake struck the Philippines.", "en", "The earthquake in the Philippines killed several people.")]
    public void Outside_chinese_against_another_script_no_score_changes(string firstLanguage, string first, string secondLanguage, string second)
    {
        var a = LanguageDocuments.Of(firstLanguage, first);
        var b = LanguageDocuments.Of(secondLanguage, second);

        var (with, without) = LanguageDocuments.Scores(a, b, On, Off);

        Assert.True(with > 0);
        Assert.Equal(without, with, 12);
    }
}
