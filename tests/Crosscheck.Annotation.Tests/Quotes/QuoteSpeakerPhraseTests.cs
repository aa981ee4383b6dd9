using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// The speaker phrase before a cue: a share of those polled (<see cref="AttributionRule.ShareSpeaker"/>) and a participle phrase set
/// off as an apposition (<see cref="AttributionRule.ParticipleApposition"/>); and a speaker joined to the words before it without a
/// comma (<see cref="AttributionRule.ClosingCueWithoutComma"/>); a quantifier floating after its noun phrase
/// (<see cref="AttributionRule.FloatingQuantifier"/>).
/// </summary>
public class QuoteSpeakerPhraseTests
{
    [Theory]
    [InlineData("Of the ferry passengers on the morning boat, one in three said the crossing was too dear.", "one in three", "the crossing was too dear")]
    [InlineData("Of the harbour towns, 4 in 10 say the ferry should run in winter.", "4 in 10", "the ferry should run in winter")]
    [InlineData("Another 42% say the nets are too small.", "42%", "the nets are too small")]
    [InlineData("Of the twelve skippers, all but two said the quota was fair.", "all but two", "the quota was fair")]
    public void A_share_of_those_polled_speaks(string sentence, string speaker, string content)
    {
        var d = Run(sentence);
        var quote = Containing(d, content);
        Assert.Equal(speaker, SpeakerAsWritten(d, quote));
        Assert.Equal($"{nameof(AttributionRule.ContentAfterCue)}+{nameof(AttributionRule.ShareSpeaker)}", quote.Rule);
    }

    [Fact]
    public void Without_the_rule_a_share_is_no_speaker_phrase()
    {
        var d = RunWith(Without(AttributionRule.ShareSpeaker), "Of the ferry passengers on the morning boat, one in three said the crossing was too dear.");
        Assert.DoesNotContain(d.Quotes, q => q.SpeakerSpan is { } s && d[s] == "one in three");
    }

    [Fact]
    public void A_participle_phrase_between_commas_belongs_to_the_speaker_before_it()
    {
        var d = Run("Jane Doe, citing the harbour's debts, said the ferry would stop in May.", JaneDoe);
        var said = Containing(d, "the ferry would stop");
        Assert.Equal("the ferry would stop in May", d[said.Span]);
        Assert.StartsWith("Jane Doe", SpeakerAsWritten(d, said));
        Assert.Equal($"{nameof(AttributionRule.ContentAfterCue)}+{nameof(AttributionRule.ParticipleApposition)}", said.Rule);
        // The participle reports only its own phrase: the sentence's cue is an attribution of its own.
        Assert.Equal("the harbour's debts", d[Containing(d, "debts").Span]);
    }

    [Fact]
    public void Several_speakers_including_one_named_speak_together()
    {
        var d = Run("Several skippers, including Jane Doe, said the quota was too low.", JaneDoe);
        Assert.StartsWith("Several skippers", SpeakerAsWritten(d, Containing(d, "the quota was too low")));
    }

    [Fact]
    public void Without_the_rule_a_participle_phrase_ends_no_speaker()
    {
        var d = RunWith(Without(AttributionRule.ParticipleApposition), "Jane Doe, citing the harbour's debts, said the ferry would stop in May.", JaneDoe);
        Assert.DoesNotContain(d.Quotes, q => q.Rule is { } rule && rule.Contains(nameof(AttributionRule.ParticipleApposition), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The skippers both said the quota was too low.", "The skippers both", "the quota was too low")]
    [InlineData("The harbour masters have all urged the council to dredge the channel.", "The harbour masters have all", "the council to dredge the channel")]
    [InlineData("The harbour towns each said the ferry would stop in May.", "The harbour towns each", "the ferry would stop in May")]
    public void A_quantifier_after_its_noun_phrase_speaks_with_it(string sentence, string speaker, string content)
    {
        var d = Run(sentence);
        var quote = Containing(d, content);
        Assert.Equal(speaker, SpeakerAsWritten(d, quote));
        Assert.Equal($"{nameof(AttributionRule.ContentAfterCue)}+{nameof(AttributionRule.FloatingQuantifier)}", quote.Rule);
    }

    [Theory]
    [InlineData("Of the twelve skippers, all said the quota was fair.", "all")]
    [InlineData("Many fishermen in the harbour said the quota was fair, and most of all said the nets were too small.", "all")]
    public void A_quantifier_with_no_noun_phrase_before_it_stays_the_speaker(string sentence, string quantifier)
    {
        var d = Run(sentence);
        Assert.DoesNotContain(d.Quotes, q => q.Rule is { } rule && rule.Contains(nameof(AttributionRule.FloatingQuantifier), StringComparison.Ordinal));
        Assert.Contains(d.Quotes, q => q.SpeakerSpan is { } s && d[s] == quantifier);
    }

    [Fact]
    public void Without_the_rule_a_floating_quantifier_is_the_speaker_alone()
    {
        var d = RunWith(Without(AttributionRule.FloatingQuantifier), "The skippers both said the quota was too low.");
        Assert.Equal("both", SpeakerAsWritten(d, Containing(d, "the quota was too low")));
    }

    [Theory]
    [InlineData("Jane Doe, who called the plan “a disaster,” said the quay must close.")]
    [InlineData("Jane Doe, a fierce critic of ''the harbour's debts,'' said the quay must close.")]
    public void An_apposition_closing_inside_a_quote_belongs_to_the_speaker_before_it(string sentence)
    {
        var d = Run(sentence, JaneDoe);
        var said = Containing(d, "the quay must close");
        Assert.StartsWith("Jane Doe", SpeakerAsWritten(d, said));
        Assert.Equal("the quay must close", d[said.Span]);
        Assert.EndsWith(nameof(AttributionRule.QuotedApposition), said.Rule ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_opening_the_sentence_is_no_apposition_of_the_speaker_after_it()
    {
        var d = Run("''On the old quay, the nets are still fine,'' said Jane Doe.", JaneDoe);
        var quote = Assert.Single(d.Quotes);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, quote));
        Assert.Equal(nameof(AttributionRule.SpeakerAfterCue), quote.Rule);
    }

    [Fact]
    public void Without_the_rule_an_apposition_closing_inside_a_quote_gives_no_speaker_phrase()
    {
        var d = RunWith(Without(AttributionRule.QuotedApposition), "Jane Doe, who called the plan “a disaster,” said the quay must close.", JaneDoe);
        Assert.DoesNotContain(d.Quotes, q => q.Rule is { } rule && rule.Contains(nameof(AttributionRule.QuotedApposition), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The nets had been torn for weeks when she finally said so.")]
    [InlineData("The new quay will not bring in as much trade as the mayor said.")]
    [InlineData("The skippers never learned what the minister would say on Thursday.")]
    public void A_speaker_joined_to_the_words_before_it_reports_nothing_there(string sentence)
    {
        var d = Run(sentence);
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.ContentBeforeSpeaker));
    }

    [Theory]
    [InlineData("The ferry will run again in May the harbour office confirmed.")]
    [InlineData("Catches fell by half last winter port records show.")]
    public void A_cue_closing_the_sentence_reports_the_words_before_its_speaker(string sentence)
    {
        var d = Run(sentence);
        Assert.Contains(d.Quotes, q => q.Rule == nameof(AttributionRule.ContentBeforeSpeaker));
    }

    [Fact]
    public void Without_the_rule_a_joined_speaker_reports_the_words_before_it()
    {
        var d = RunWith(Without(AttributionRule.ClosingCueWithoutComma), "The nets had been torn for weeks when she finally said so.");
        Assert.Contains(d.Quotes, q => q.Rule == nameof(AttributionRule.ContentBeforeSpeaker));
    }
}
