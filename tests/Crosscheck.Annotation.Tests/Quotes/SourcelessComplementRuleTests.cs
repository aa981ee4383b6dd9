using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// The source-less rules weighed by attrib18 on PolNeAR train folds 1-4: each fires on a made-up sentence, records its name,
/// and with its `--without` switch the attribution is gone.
/// </summary>
public class SourcelessComplementRuleTests
{
    [Theory]
    [InlineData("The ferry service, known as the Harbour Line, runs twice a day.", "the Harbour Line")]
    [InlineData("The vote on the nets was widely seen as a test of the new harbour board.", "a test of the new harbour board")]
    [InlineData("The harbour club is best known for its summer regatta on the lake.", "its summer regatta")]
    public void Known_as_and_seen_as_report_with_no_source(string text, string reported)
    {
        var quote = Containing(Run(text), reported);
        Assert.Null(quote.SpeakerSpan);
        Assert.Equal(nameof(AttributionRule.KnownOrSeenAs), quote.Rule);

        var without = RunWith(Without(AttributionRule.KnownOrSeenAs), text);
        Assert.DoesNotContain(without.Quotes, q => without[q.Span].Contains(reported, StringComparison.Ordinal));
    }

    [Fact]
    public void Known_as_inside_parentheses_stops_where_they_close()
    {
        var d = Run("The harbour board (which is not known as generous) approved the new nets on Monday.");
        var quote = Assert.Single(d.Quotes, q => q.Rule == nameof(AttributionRule.KnownOrSeenAs));
        Assert.Contains("generous", d[quote.Span], StringComparison.Ordinal);
        Assert.DoesNotContain("approved", d[quote.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Known_as_inside_a_speaker_phrase_is_no_cue()
    {
        var d = Run("“The nets are new,” said the harbour chief known as Bert, speaking on Monday.");
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.KnownOrSeenAs));
        Containing(d, "The nets are new");
    }
}
