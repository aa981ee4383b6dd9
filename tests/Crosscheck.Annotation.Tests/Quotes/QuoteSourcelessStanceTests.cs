using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// How things seem and what is expected, reported without saying to whom (<see cref="AttributionRule.SourcelessStance"/>):
/// an attribution with no source, its content the subject and the clause.
/// </summary>
public class QuoteSourcelessStanceTests
{
    [Fact]
    public void Seemed_to_reports_the_subject_and_its_clause_with_no_source()
    {
        var d = Run("Jane Doe seemed to concede the point about the harbour fees.", JaneDoe);
        var quote = Containing(d, "to concede the point about the harbour fees");
        Assert.Null(quote.SpeakerSpan);
        Assert.Equal("seemed to", quote.Cue);
        Assert.StartsWith("Jane Doe", d[quote.Span], StringComparison.Ordinal);
        Assert.Equal(nameof(AttributionRule.SourcelessStance), quote.Rule);
    }

    [Fact]
    public void An_expectation_after_a_passive_auxiliary_is_reported_with_its_adverb_in_the_cue()
    {
        var d = Run("The harbour board is widely expected to approve the new fees on Monday.");
        var quote = Containing(d, "approve the new fees on Monday");
        Assert.Equal("is widely expected to", quote.Cue);
        Assert.StartsWith("The harbour board", d[quote.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_of_an_expectation_is_what_is_expected_of_not_a_speaker()
    {
        var d = Run("The new levy is expected to raise little money.");
        var quote = Assert.Single(d.Quotes);
        Assert.Null(quote.SpeakerSpan);
        Assert.Equal("The new levy is expected to raise little money", d[quote.Span]);
    }

    [Fact]
    public void Seems_before_an_adjective_reports_the_appearance()
    {
        var d = Run("The ferry company seemed equally unperturbed by the new fees.");
        Assert.Equal(nameof(AttributionRule.SourcelessStance), Containing(d, "equally unperturbed").Rule);
    }

    [Fact]
    public void Appeared_without_to_and_expected_without_an_auxiliary_are_no_sourceless_stance()
    {
        // With the learned cues off no other rule may take them either: the shipped cue model at its threshold 0.45 (attrib13;
        // 0.5 before) takes "appeared" here for a cue of its own (a deed read as a stance, one of the false finds a lower
        // threshold buys), so the whole pipeline is only asked that this rule does not.
        const string appeared = "Jane Doe appeared on television on Monday evening.";
        var stanceOnly = Without(AttributionRule.LearnedCue);
        Assert.Empty(RunWith(stanceOnly, appeared, JaneDoe).Quotes);
        Assert.Empty(RunWith(stanceOnly, "The expected rise in fees came to pass in May.").Quotes);
        Assert.DoesNotContain(Run(appeared, JaneDoe).Quotes, q => AttributionRuleText.Names(q.Rule, AttributionRule.SourcelessStance));
        Assert.Empty(Run("The expected rise in fees came to pass in May.").Quotes);
    }

    [Fact]
    public void A_stance_inside_what_a_speaker_reports_belongs_to_that_speaker_only()
    {
        var d = Run("Jane Doe said the harbour board seemed to agree with the new fees.", JaneDoe);
        var quote = Assert.Single(d.Quotes);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void A_stance_inside_a_quote_is_the_quoted_speaker_s_words()
    {
        var d = Run("“The board seemed to agree with us,” Jane Doe said.", JaneDoe);
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.SourcelessStance));
    }

    [Fact]
    public void Without_the_rule_no_source_less_stance_is_reported()
    {
        var options = new QuoteOptions { DisabledAttributionRules = new HashSet<AttributionRule> { AttributionRule.SourcelessStance } };
        Assert.Empty(RunWith(options, "Jane Doe seemed to concede the point about the harbour fees.", JaneDoe).Quotes);
    }
}
