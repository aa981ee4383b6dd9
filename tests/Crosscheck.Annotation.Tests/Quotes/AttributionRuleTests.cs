using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>Each quote records the rule that found it (and the speaker rule that changed its speaker); cue flags are named values.</summary>
public class AttributionRuleTests
{
    [Fact]
    public void A_subject_before_the_cue_and_the_content_after_it_is_recorded_as_content_after_cue()
    {
        var d = Run("Lina Sauer said the ferry would run again in May.", ("Lina Sauer", EntityType.Person, null));
        Assert.Equal(nameof(AttributionRule.ContentAfterCue), Containing(d, "the ferry would run").Rule);
    }

    [Fact]
    public void A_quote_closing_before_its_speaker_is_recorded_as_quote_before_speaker()
    {
        var d = Run("“The ferry will run again in May,” Lina Sauer said.", ("Lina Sauer", EntityType.Person, null));
        Assert.Equal(nameof(AttributionRule.QuoteBeforeSpeaker), Containing(d, "The ferry will run").Rule);
    }

    [Fact]
    public void A_source_after_according_to_is_recorded_as_source_after_cue()
    {
        var d = Run("The ferry will run again in May, according to the harbour office.");
        var quote = Containing(d, "The ferry will run");
        Assert.Equal(nameof(AttributionRule.SourceAfterCue), quote.Rule);
        Assert.Equal("the harbour office", SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void A_quote_no_rule_attributed_is_recorded_as_unattributed()
    {
        var d = Run("The harbour was quiet.\n\n“Fish in the morning, nets in the evening, and nothing in between.”");
        var quote = Containing(d, "nets in the evening");
        Assert.Null(quote.SpeakerSpan);
        Assert.Equal(nameof(AttributionRule.Unattributed), quote.Rule);
    }

    [Fact]
    public void A_speaker_rule_that_changed_the_speaker_is_recorded_after_the_attribution_rule()
    {
        var d = Run("Fishermen working in the bay explained that the nets had been empty for weeks.");
        var rule = Containing(d, "the nets had been empty").Rule;
        Assert.Equal($"{nameof(AttributionRule.ContentAfterCue)}+{nameof(SpeakerRuleName.PrepositionObject)}", rule);
    }

    [Fact]
    public void An_attribution_whose_passive_subject_is_rejected_is_dropped() =>
        AssertDroppedAndKeptWithout("The old ferry is considered the safest boat in the region.", "the safest boat", SpeakerRuleName.PassiveSubject);

    [Fact]
    public void An_attribution_whose_bare_nationality_is_rejected_with_no_subject_instead_is_dropped() =>
        AssertDroppedAndKeptWithout("A German warning about the storm reached the harbour towns.", "about the storm", SpeakerRuleName.BareNationality,
            ("German", EntityType.Misc, null));

    [Fact]
    public void Words_in_quote_marks_whose_speaker_is_rejected_stay_with_their_speaker_unknown()
    {
        // Indirect words after a rejected phrase mostly report nothing; quoted words were said by someone, so they stay.
        var quote = Containing(Run("\u201cThe nets have been empty for weeks,\u201d a German told reporters.", ("German", EntityType.Misc, null)), "The nets have been empty for weeks");
        Assert.True(quote.Direct);
        Assert.Null(quote.SpeakerSpan);
        Assert.EndsWith($"+{SpeakerRuleName.BareNationality}", quote.Rule, StringComparison.Ordinal);
    }

    // RejectedSpeaker drops the attribution; with the rule off it is kept with no speaker and the rejecting speaker rule recorded.
    private static void AssertDroppedAndKeptWithout(string sentence, string content, SpeakerRuleName speakerRule, params (string Name, EntityType Type, string? Role)[] mentions)
    {
        var recorded = $"+{speakerRule}";
        var d = Run(sentence, mentions);
        Assert.DoesNotContain(d.Quotes, q => d[q.Span].Contains(content, StringComparison.Ordinal));

        var kept = Containing(RunWith(Without(AttributionRule.RejectedSpeaker), sentence, mentions), content);
        Assert.Null(kept.SpeakerSpan);
        Assert.EndsWith(recorded, kept.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributions_dropped_one_after_another_are_each_checked()
    {
        // Dropping shifts the attributions after it down by one: the next must still be checked, not skipped.
        var d = Run("The old ferry is considered the safest boat in the region. The new ferry is considered the fastest boat on the coast. "
            + "Lina Sauer said the ferry would run again in May.", ("Lina Sauer", EntityType.Person, null));
        Assert.DoesNotContain(d.Quotes, q => d[q.Span].Contains("the safest boat", StringComparison.Ordinal));
        Assert.DoesNotContain(d.Quotes, q => d[q.Span].Contains("the fastest boat", StringComparison.Ordinal));
        Assert.Equal("Lina Sauer", SpeakerAsWritten(d, Containing(d, "the ferry would run")));
    }

    [Fact]
    public void An_attribution_whose_rejected_speaker_gives_way_to_a_subject_is_kept()
    {
        var d = Run("Fishermen working in the bay explained that the nets had been empty for weeks.");
        Assert.Equal("Fishermen working in the bay", SpeakerAsWritten(d, Containing(d, "the nets had been empty")));
    }

    [Fact]
    public void An_attribution_rule_switched_off_makes_none_of_its_attributions()
    {
        const string Sentence = "Lina Sauer said the ferry would run again in May.";
        var options = new QuoteOptions { DisabledAttributionRules = new HashSet<AttributionRule> { AttributionRule.ContentAfterCue } };
        Assert.Contains(Run(Sentence, ("Lina Sauer", EntityType.Person, null)).Quotes, q => q.Rule == nameof(AttributionRule.ContentAfterCue));
        var without = RunWith(options, Sentence, ("Lina Sauer", EntityType.Person, null));
        Assert.DoesNotContain(without.Quotes, q => q.Rule == nameof(AttributionRule.ContentAfterCue));
    }

    [Fact]
    public void Cue_flags_are_read_from_the_letters_of_the_cue_list()
    {
        Assert.Equal(CueFlags.SpeakerMayFollow, AttributionRuleText.FlagsOf("said"));
        Assert.Equal(CueFlags.SpeakerMayFollow | CueFlags.ObjectBeforeContent, AttributionRuleText.FlagsOf("told"));
        Assert.Equal(CueFlags.SourceFollows, AttributionRuleText.FlagsOf("According  to"));
        Assert.Equal(CueFlags.Saying, AttributionRuleText.FlagsOf("say"));
        Assert.Equal(CueFlags.None, AttributionRuleText.FlagsOf("wanted"));
        Assert.Null(AttributionRuleText.FlagsOf(":"));
    }

    [Theory]
    [InlineData("Essentially, the harbour board looked through the records and found that the fees were never paid.", "that the fees were never paid")]
    [InlineData("Beyond the camera footage, the harbour board cited two witnesses and said the boat had left at noon.", "the boat had left at noon")]
    public void A_sentence_adverb_or_prepositional_phrase_before_the_subject_is_no_speaker(string sentence, string content)
    {
        var d = Run(sentence);
        var quote = Containing(d, content);
        Assert.Equal("the harbour board", SpeakerAsWritten(d, quote));
        Assert.Equal(nameof(AttributionRule.CoordinatedVerb), quote.Rule);
    }
}
