using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// An apposition set off by a pair of dashes between the speaker and the cue (<see cref="AttributionRule.DashApposition"/>), an
/// "according to" opening a clause inside its sentence (<see cref="AttributionRule.SourceOpensClause"/>), and a recipient closing the
/// sentence after "told" (<see cref="AttributionRule.ClosingRecipient"/>).
/// </summary>
public class QuoteDashAndClauseSourceTests
{
    [Theory]
    [InlineData("Jane Doe — a skipper from the harbour town — says the quota is too small.", "Jane Doe — a skipper from the harbour town")]
    [InlineData("Many skippers — including Jane Doe, the harbour master — said the quota is too small.", "Many skippers — including Jane Doe, the harbour master")]
    [InlineData("Three skippers -- Jane Doe, Lina Sauer and Ola Berg -- said the quota is too small.", "Three skippers -- Jane Doe, Lina Sauer and Ola Berg")]
    [InlineData("Some fishermen - and the harbour master - warned that the quota is too small.", "Some fishermen - and the harbour master")]
    public void The_speaker_is_the_phrase_before_the_opening_dash(string sentence, string speaker)
    {
        var d = Run(sentence, JaneDoe);
        var quote = Containing(d, "the quota is too small");
        Assert.Equal(speaker, SpeakerAsWritten(d, quote));
        Assert.EndsWith(nameof(AttributionRule.DashApposition), quote.Rule, StringComparison.Ordinal);
    }

    [Theory]
    // A hyphen inside a word is no dash.
    [InlineData("The well-known skipper-turned-mayor said the quota is too small.")]
    // One dash only: no apposition closes before the cue.
    [InlineData("The harbour was quiet — the skippers said the quota is too small.")]
    public void Without_a_pair_of_dashes_there_is_no_dash_apposition(string sentence)
    {
        var d = Run(sentence);
        Assert.DoesNotContain(d.Quotes, q => q.Rule is { } rule && rule.Contains(nameof(AttributionRule.DashApposition), StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_rule_a_dash_apposition_leaves_no_speaker_before_the_cue()
    {
        var d = RunWith(Without(AttributionRule.DashApposition), "Jane Doe — a skipper from the harbour town — says the quota is too small.", JaneDoe);
        Assert.DoesNotContain(d.Quotes, q => q.SpeakerSpan is { } s && d[s].StartsWith("Jane Doe —", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("It has not gone unnoticed: according to recent polls, the mayor trails by ten points.", "recent polls", "the mayor trails by ten points")]
    [InlineData("The paper reported that, according to an analysis of the logs, the ferry ran late on most days.", "an analysis of the logs", "the ferry ran late on most days")]
    [InlineData("The skipper left the harbour after, according to him, the board cut his quota.", "him", "the board cut his quota")]
    [InlineData("In addition, according to the harbour office, two more boats will be laid up.", "the harbour office", "two more boats will be laid up")]
    public void A_source_opening_a_clause_reports_what_follows_it(string sentence, string source, string content)
    {
        var d = Run(sentence);
        var quote = Assert.Single(d.Quotes, q => q.Cue is { } cue && cue.Equals("according to", StringComparison.OrdinalIgnoreCase));
        AssertAttribution(d, quote, content, source, AttributionRule.SourceOpensClause);
    }

    [Theory]
    // A source after the clause it reports keeps the words before it.
    [InlineData("The ferry will run again in May, according to the harbour office.", "The ferry will run again in May")]
    // A longer opening that holds a verb is a clause of its own, which the source reports.
    [InlineData("The ferry ran late on most days, according to the logs, and the board apologised.", "The ferry ran late on most days")]
    public void A_source_after_its_clause_reports_the_words_before_it(string sentence, string content)
    {
        var d = Run(sentence);
        var quote = Assert.Single(d.Quotes, q => q.Cue == "according to");
        Assert.Equal(content, d[quote.Span]);
        Assert.Equal(nameof(AttributionRule.SourceAfterCue), quote.Rule);
    }

    [Fact]
    public void Without_the_rule_the_words_before_the_source_are_the_content()
    {
        var d = RunWith(Without(AttributionRule.SourceOpensClause), "In addition, according to the harbour office, two more boats will be laid up.");
        Assert.Equal("In addition", d[Assert.Single(d.Quotes).Span]);
    }

    [Theory]
    [InlineData("The ferry ran late all week, a harbour official told The Daily Planet.", "a harbour official", "The ferry ran late all week")]
    [InlineData("The quay will close in May, the skipper told a Senate panel on Monday.", "the skipper", "The quay will close in May")]
    public void A_recipient_closing_the_sentence_leaves_the_words_before_the_speaker_as_content(string sentence, string speaker, string content)
    {
        var d = Run(sentence);
        AssertAttribution(d, Assert.Single(d.Quotes), content, speaker, AttributionRule.ContentBeforeSpeaker);
    }

    [Theory]
    // An errand after the object is what was asked.
    [InlineData("In two other cases, the mayor asked Lina Sauer to send the logs.", "Lina Sauer to send the logs")]
    // "that" after the recipient opens the reported words.
    [InlineData("To be sure, the mayor told The Daily Planet that the quay would close.", "the quay would close")]
    // No comma or quote before the speaker: the words after the cue are the object of a plain sentence.
    [InlineData("The mayor told The Daily Planet nothing.", "The Daily Planet nothing")]
    public void Words_after_the_cue_that_are_more_than_a_closing_recipient_stay_the_content(string sentence, string content)
    {
        var d = Run(sentence);
        Assert.Contains(d.Quotes, q => d[q.Span] == content);
    }

    [Fact]
    public void Without_the_rule_the_recipient_is_taken_for_the_content()
    {
        var d = RunWith(Without(AttributionRule.ClosingRecipient), "The ferry ran late all week, a harbour official told The Daily Planet.");
        Assert.Equal("The Daily Planet", d[Assert.Single(d.Quotes).Span]);
    }

    private static void AssertAttribution(Document d, Quote quote, string content, string speaker, AttributionRule rule)
    {
        Assert.Equal(content, d[quote.Span]);
        Assert.Equal(speaker, SpeakerAsWritten(d, quote));
        Assert.Equal(rule.ToString(), quote.Rule);
    }
}
