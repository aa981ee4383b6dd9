using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// <see cref="AttributionRule.HeadlineRubric"/> (attrib18, PolNeAR train folds 1-4): a headline label naming no one and holding no
/// source noun is a rubric, not a speaker; with `--without` it speaks again.
/// </summary>
public class HeadlineRubricTests
{
    private const string Rubric = "The Latest: Harbour ferries will run again in May\n\nThe harbour board met on Monday.";

    [Fact]
    public void A_rubric_label_is_no_speaker()
    {
        var d = Run(Rubric);
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.HeadlineSpeaker));

        var without = RunWith(Without(AttributionRule.HeadlineRubric), Rubric);
        var quote = Assert.Single(without.Quotes, q => q.Rule == nameof(AttributionRule.HeadlineSpeaker));
        Assert.Equal("The Latest", without[quote.SpeakerSpan!.Value]);
    }

    [Fact]
    public void A_named_or_source_label_still_speaks()
    {
        var named = Run("Jane Doe: Harbour ferries will run again in May\n\nThe harbour board met on Monday.", JaneDoe);
        Assert.Single(named.Quotes, q => q.Rule == nameof(AttributionRule.HeadlineSpeaker));
        var poll = Run("Poll: Harbour ferries are the favourite way to travel\n\nThe harbour board met on Monday.");
        Assert.Single(poll.Quotes, q => q.Rule == nameof(AttributionRule.HeadlineSpeaker));
    }
}
