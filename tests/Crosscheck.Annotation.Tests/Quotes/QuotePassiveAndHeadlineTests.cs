using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// A passive with its agent after "by" is no speech of the phrase before it (<see cref="AttributionRule.PassiveByAgent"/>), an "-ed" word
/// after a number is an adjective (<see cref="AttributionRule.AdjectiveAfterNumber"/>), and a headline's label speaks for its whole line
/// (<see cref="AttributionRule.HeadlineLabelFirst"/>).
/// </summary>
public class QuotePassiveAndHeadlineTests
{
    [Theory]
    [InlineData("The skippers backed by the harbour board stayed in port all week.")]
    [InlineData("The old quay, described by the mayor on Monday as unsafe, will close.")]
    public void A_passive_with_its_agent_reports_nothing_for_the_phrase_before_it(string sentence)
    {
        var d = Run(sentence);
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.ContentAfterCue));
    }

    [Fact]
    public void A_gerund_after_by_still_reports()
    {
        var d = Run("The harbour master responded by saying the quay would reopen in May.");
        Assert.Contains(d.Quotes, q => d[q.Span].Contains("the quay would reopen", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_rule_a_passive_reports_for_the_phrase_before_it()
    {
        var d = RunWith(Without(AttributionRule.PassiveByAgent), "The skippers backed by the harbour board stayed in port all week.");
        Assert.Contains(d.Quotes, q => q.Rule == nameof(AttributionRule.ContentAfterCue));
    }

    [Fact]
    public void An_ed_word_between_a_number_and_a_noun_is_no_cue()
    {
        const string Sentence = "There are 40 pledged seats on the harbour board, and the mayor holds 12 of them.";
        Assert.Empty(Run(Sentence).Quotes);
        Assert.Contains(RunWith(Without(AttributionRule.AdjectiveAfterNumber), Sentence).Quotes, q => q.Cue == "pledged");
    }

    [Fact]
    public void A_year_before_a_cue_leaves_it_a_verb()
    {
        var d = Run("Jane Doe, who in 2010 endorsed the harbour plan, now opposes it.", JaneDoe);
        Assert.Contains(d.Quotes, q => q.Cue == "endorsed");
    }

    private const string Headline = "Jane Doe: The Harbour Plans Will Not Change\n\nThe quay was quiet on Monday.";

    [Fact]
    public void A_headline_label_speaks_for_the_whole_line()
    {
        var d = Run(Headline, JaneDoe);
        var quote = Assert.Single(d.Quotes);
        Assert.Equal(nameof(AttributionRule.HeadlineSpeaker), quote.Rule);
        Assert.Equal("The Harbour Plans Will Not Change", d[quote.Span]);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void Without_the_rule_a_cue_inside_the_headline_keeps_its_attribution()
    {
        var d = RunWith(Without(AttributionRule.HeadlineLabelFirst), Headline, JaneDoe);
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.HeadlineSpeaker));
    }
}
