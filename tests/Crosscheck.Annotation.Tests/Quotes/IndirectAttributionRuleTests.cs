using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// Two of the indirect-attribution rules weighed by attrib17 (the third, a passive "said to" kept, did not win) on PolNeAR train folds 1-4: each fires on a made-up sentence, records
/// its name, and with its `--without` switch the attribution is gone.
/// </summary>
public class IndirectAttributionRuleTests
{
    [Fact]
    public void One_named_object_after_a_stance_verb_is_its_content()
    {
        const string text = "Lina Sauer endorsed Brandt and said the ferry would run again in May.";
        (string, EntityType, string?)[] mentions = [("Lina Sauer", EntityType.Person, null), ("Brandt", EntityType.Person, null)];
        var d = Run(text, mentions);
        var quote = Assert.Single(d.Quotes, q => d[q.Span] == "Brandt");
        Assert.Equal("Lina Sauer", SpeakerAsWritten(d, quote));
        Assert.True(AttributionRuleText.Names(quote.Rule, AttributionRule.NamedObjectAfterStance), quote.Rule);

        var without = RunWith(Without(AttributionRule.NamedObjectAfterStance), text, mentions);
        Assert.DoesNotContain(without.Quotes, q => without[q.Span] == "Brandt");
        // The second cue's attribution is there either way.
        Containing(without, "the ferry would run");
    }

    [Fact]
    public void A_lowercase_or_pronoun_object_after_a_stance_verb_is_no_content()
    {
        var d = Run("Lina Sauer endorsed him and said the ferry would run again in May.", ("Lina Sauer", EntityType.Person, null));
        Assert.DoesNotContain(d.Quotes, q => d[q.Span] == "him");
        var e = Run("Lina Sauer endorsed ferries and said the harbour would open again in May.", ("Lina Sauer", EntityType.Person, null));
        Assert.DoesNotContain(e.Quotes, q => e[q.Span] == "ferries");
    }

    [Fact]
    public void Reportedly_reports_its_clause_with_no_source()
    {
        const string text = "The harbour club is reportedly spending a million euros on new nets.";
        var quote = Containing(Run(text), "spending a million euros");
        Assert.Null(quote.SpeakerSpan);
        Assert.Equal(nameof(AttributionRule.ReportedlyAdverb), quote.Rule);

        var without = RunWith(Without(AttributionRule.ReportedlyAdverb), text);
        Assert.DoesNotContain(without.Quotes, q => without[q.Span].Contains("spending a million euros", StringComparison.Ordinal));
    }

    [Fact]
    public void Reportedly_off_leaves_seemed_to_its_own_rule()
    {
        var d = RunWith(Without(AttributionRule.ReportedlyAdverb), "The senator seemed to concede the point on Monday.");
        Assert.Equal(nameof(AttributionRule.SourcelessStance), Containing(d, "concede the point").Rule);
    }
}
