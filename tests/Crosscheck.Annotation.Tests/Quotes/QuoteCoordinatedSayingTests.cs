using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// A content running into a second verb of saying joined by "and" or "but" stops before the conjunction
/// (<see cref="AttributionRule.CoordinatedSayingEnd"/>), and the second verb reports what follows it.
/// </summary>
public class QuoteCoordinatedSayingTests
{
    [Theory]
    [InlineData("Jane Doe praised the pilots, but she said the quay would close in May.", "praised", "the pilots", "said", "she")]
    [InlineData("Jane Doe criticized the harbour plan and he says the quay would close in May.", "criticized", "the harbour plan", "says", "he")]
    [InlineData("Jane Doe defended the harbour plan, calling it overdue and saying the quay would close in May.", "calling", "it overdue", "saying", "Jane Doe")]
    public void The_first_content_stops_before_the_second_verb_of_saying(string sentence, string first, string content, string second, string speaker)
    {
        var d = Run(sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes, q => q.Cue == first);
        Assert.Equal(content, d[quote.Span]);
        Assert.EndsWith(nameof(AttributionRule.CoordinatedSayingEnd), quote.Rule, StringComparison.Ordinal);
        var said = Assert.Single(d.Quotes, q => q.Cue == second);
        Assert.Contains("the quay would close in May", d[said.Span], StringComparison.Ordinal);
        Assert.Equal(speaker, SpeakerAsWritten(d, said));
    }

    [Theory]
    // A stance after "and" is no verb of saying: the content runs on.
    [InlineData("Jane Doe criticized the harbour plan and wanted the quay closed in May.", "criticized")]
    // "and" inside a quoted passage belongs to the quoted words.
    [InlineData("Jane Doe criticized what she called “a plan that lies and says nothing” at the meeting.", "criticized")]
    public void Without_a_coordinated_verb_of_saying_the_content_is_left_as_found(string sentence, string cue)
    {
        var d = Run(sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes, q => q.Cue == cue);
        Assert.DoesNotContain(nameof(AttributionRule.CoordinatedSayingEnd), quote.Rule!, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_rule_the_first_content_runs_over_the_second_verb()
    {
        var d = RunWith(Without(AttributionRule.CoordinatedSayingEnd), "Jane Doe praised the pilots, but she said the quay would close in May.", JaneDoe);
        var quote = Assert.Single(d.Quotes, q => q.Cue == "praised");
        Assert.Contains("but she said the quay", d[quote.Span], StringComparison.Ordinal);
    }
}
