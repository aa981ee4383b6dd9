using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// Inside what an attribution reports, only a verb of saying reports again (<see cref="AttributionRule.NestedSpeechOnly"/>):
/// a stance or a thought there is part of the reported words.
/// </summary>
public class QuoteNestedSpeechTests
{
    private const string StanceInside = "Jane Doe said the budget was tight and the mayor wanted the port closed for the winter.";

    [Fact]
    public void A_stance_inside_reported_words_is_part_of_them()
    {
        var d = Run(StanceInside, JaneDoe);
        var quote = Assert.Single(d.Quotes);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, quote));
        Assert.Equal("the budget was tight and the mayor wanted the port closed for the winter", d[quote.Span]);
    }

    [Fact]
    public void A_verb_of_saying_inside_reported_words_reports_again()
    {
        var d = Run("Jane Doe said the budget was tight and the aides said the port would close for the winter.", JaneDoe);
        Assert.Equal(2, d.Quotes.Length);
        var inner = d.Quotes.Single(q => q.SpeakerSpan is { } s && d[s] == "the aides");
        Assert.Equal("the port would close for the winter", d[inner.Span]);
    }

    [Fact]
    public void A_verb_of_saying_whose_speaker_comes_first_reports_again_inside_a_stance()
    {
        var d = Run("The harbour board is worried the new fees would drive the ferries away, shipping sources say.");
        Assert.Contains(d.Quotes, q => q.SpeakerSpan is { } s && d[s] == "shipping sources");
    }

    [Fact]
    public void Without_the_rule_a_stance_inside_reported_words_is_an_attribution_of_its_own()
    {
        var options = new QuoteOptions { DisabledAttributionRules = new HashSet<AttributionRule> { AttributionRule.NestedSpeechOnly } };
        var d = RunWith(options, StanceInside, JaneDoe);
        Assert.Equal(2, d.Quotes.Length);
        Assert.Contains(d.Quotes, q => q.SpeakerSpan is { } s && d[s] == "the mayor");
    }
}
