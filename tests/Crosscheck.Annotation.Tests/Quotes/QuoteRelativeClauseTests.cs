using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// A cue inside a relative clause set off by commas reports no further than the comma closing the clause
/// (<see cref="AttributionRule.RelativeClauseEnd"/>), so the main clause keeps its own attribution.
/// </summary>
public class QuoteRelativeClauseTests
{
    [Theory]
    [InlineData("Jane Doe, who has backed the harbour plan, said on Monday that the quay would close.", "backed", "the harbour plan")]
    [InlineData("Jane Doe, who also opposed the ferry fees, was elected chair of the harbour board.", "opposed", "the ferry fees")]
    [InlineData("The harbour master, who criticized the new fees, has asked the mayor to wait.", "criticized", "the new fees")]
    public void The_relative_clause_ends_its_cue_s_content(string sentence, string cue, string content)
    {
        var d = Run(sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes, q => q.Cue == cue);
        Assert.Equal(content, d[quote.Span].TrimEnd(','));
        Assert.EndsWith(nameof(AttributionRule.RelativeClauseEnd), quote.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void The_main_clause_keeps_its_own_attribution()
    {
        var d = Run("Jane Doe, who has backed the harbour plan, said on Monday that the quay would close.", JaneDoe);
        var said = Assert.Single(d.Quotes, q => q.Cue == "said");
        Assert.Contains("the quay would close", d[said.Span], StringComparison.Ordinal);
        // The speaker phrase keeps its apposition, as PolNeAR's sources do.
        Assert.StartsWith("Jane Doe", SpeakerAsWritten(d, said), StringComparison.Ordinal);
    }

    [Theory]
    // A list inside the clause: no verb after the comma, so the content runs on.
    [InlineData("Jane Doe, who praised the harbour staff, the pilots and the crews at length.", "praised", "the harbour staff, the pilots and the crews at length")]
    // No comma before the relative word: a restrictive clause, no apposition of a speaker.
    [InlineData("The skippers who backed the harbour plan said the quay would close.", "backed", "the harbour plan")]
    public void Without_a_closing_comma_before_a_verb_the_content_is_left_as_found(string sentence, string cue, string content)
    {
        var d = Run(sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes, q => q.Cue == cue);
        Assert.StartsWith(content, d[quote.Span], StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(AttributionRule.RelativeClauseEnd), quote.Rule!, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_rule_the_content_runs_over_the_main_clause()
    {
        const string Sentence = "Jane Doe, who has backed the harbour plan, said on Monday that the quay would close.";
        var d = RunWith(Without(AttributionRule.RelativeClauseEnd), Sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes, q => q.Cue == "backed");
        Assert.Contains("said on Monday", d[quote.Span], StringComparison.Ordinal);
    }
}
