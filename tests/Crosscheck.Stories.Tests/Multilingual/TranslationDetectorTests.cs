using Crosscheck.Stories.Fingerprints;
using Xunit;

namespace Crosscheck.Stories.Tests.Multilingual;

public class TranslationDetectorTests
{
    private static readonly HashSet<string> Pairs = ["#14 vlmr", "vlmr #2300", "#2300 #47", "#47 rl", "rl #3.5", "#3.5 #12", "#12 nrft"];

    [Fact]
    public void Articles_sharing_their_numbers_and_names_in_order_are_a_translation_only_across_two_identified_languages()
    {
        var options = SyndicationOptions.Default;
        var mostly = new HashSet<string>(Pairs.Take(5)) { "#900 #2011", "#2011 sln" };

        Assert.NotNull(TranslationDetector.Translation("fr", Pairs, "en", mostly, options));
        Assert.Null(TranslationDetector.Translation("en", Pairs, "en", mostly, options));
        Assert.Null(TranslationDetector.Translation(null, Pairs, "en", mostly, options));
    }

    [Fact]
    public void A_few_shared_figures_or_too_few_pairs_are_no_translation()
    {
        var options = SyndicationOptions.Default;
        var few = new HashSet<string>(Pairs.Take(2)) { "#5 #6", "#6 #7", "#7 #8", "#8 #9", "#9 #10" };

        Assert.Null(TranslationDetector.Translation("fr", Pairs, "en", few, options));
        Assert.Null(TranslationDetector.Translation("fr", [.. Pairs.Take(3)], "en", [.. Pairs.Take(3)], options));
    }
}
