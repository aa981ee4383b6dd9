using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// The cues learned from PolNeAR train folds 1-4 (the last block of <c>Quotes/Data/cues.txt</c>) report a stance or a report of the
/// subject: the words after the cue are the content, the subject before it the source.
/// </summary>
public class QuoteLearnedCueTests
{
    [Theory]
    [InlineData("Jane Doe took issue with the new harbour fees on Monday.", "took issue with", "the new harbour fees")]
    [InlineData("Jane Doe shrugged off the criticism of the ferry timetable.", "shrugged off", "the criticism of the ferry timetable")]
    [InlineData("Jane Doe sees the harbour plan as a mistake.", "sees", "the harbour plan as a mistake")]
    [InlineData("Jane Doe is talking about the quay repairs again.", "talking about", "the quay repairs again")]
    public void A_learned_cue_reports_the_subject_s_stance(string sentence, string cue, string content)
    {
        var d = Run(sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes);
        Assert.Equal(cue, quote.Cue);
        Assert.StartsWith(content, d[quote.Span], StringComparison.Ordinal);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void A_cue_list_to_measure_is_added_to_the_listed_cues()
    {
        const string Sentence = "Jane Doe groused about the new harbour fees.";
        Assert.Empty(Run(Sentence, JaneDoe).Quotes);
        var d = RunWith(new QuoteOptions { ExtraCues = ["# a comment", "groused about"] }, Sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes);
        Assert.Equal("groused about", quote.Cue);
        Assert.Equal("the new harbour fees", d[quote.Span].TrimEnd('.'));
    }

    [Fact]
    public void A_measured_cue_list_keeps_the_flags_of_a_listed_cue()
    {
        // "said" is listed with the flag that lets the speaker follow it; a list repeating it without flags leaves that.
        var d = RunWith(new QuoteOptions { ExtraCues = ["said"] }, "“The quay will close,” said Jane Doe.", JaneDoe);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, Assert.Single(d.Quotes)));
    }
}
