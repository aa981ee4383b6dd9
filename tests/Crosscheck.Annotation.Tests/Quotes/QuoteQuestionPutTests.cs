using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// The question put to a speaker after an adverbial, the asker or a passive auxiliary (<see cref="AttributionRule.QuestionAfterAdverbial"/>):
/// "Asked on Monday whether ...", "Asked by a reporter about ...", "Doe was asked whether ...".
/// </summary>
public class QuoteQuestionPutTests
{
    private static readonly (string Name, EntityType Type, string? Role) PetraHolm = ("Petra Holm", EntityType.Person, null);

    [Theory]
    [InlineData("Asked on Monday whether the mine would reopen, Petra Holm said she did not know.", "whether the mine would reopen")]
    [InlineData("Asked at a briefing in the harbour town about the fees, Petra Holm said nothing.", "about the fees")]
    [InlineData("When asked specifically why the mine closed, Petra Holm blamed the board.", "why the mine closed")]
    [InlineData("Petra Holm was asked whether the mine would reopen.", "whether the mine would reopen")]
    public void A_question_after_an_adverbial_has_no_source(string sentence, string question)
    {
        var d = Run(sentence, PetraHolm);
        var quote = Assert.Single(d.Quotes, q => q.Rule == nameof(AttributionRule.QuestionAfterAdverbial));
        Assert.Equal(question, d[quote.Span]);
        Assert.Null(quote.SpeakerSpan);
    }

    [Theory]
    [InlineData("Asked by a reporter whether the mine would reopen, Petra Holm said she did not know.", "a reporter", "whether the mine would reopen")]
    [InlineData("Petra Holm was asked by the host to explain the closure.", "the host", "to explain the closure")]
    public void The_asker_after_by_is_the_question_s_source(string sentence, string asker, string question)
    {
        var d = Run(sentence, PetraHolm);
        var quote = Assert.Single(d.Quotes, q => q.Rule == nameof(AttributionRule.QuestionAfterAdverbial));
        Assert.Equal(question, d[quote.Span]);
        Assert.Equal(asker, SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void A_quote_with_its_own_attribution_ends_the_question()
    {
        var d = Run("Asked to rank the ports, the skippers said the harbour is less likely to be “overrun with tourists,” Petra Holm said.", PetraHolm);
        var question = Assert.Single(d.Quotes, q => q.Rule == nameof(AttributionRule.QuestionAfterAdverbial));
        Assert.DoesNotContain("overrun", d[question.Span], StringComparison.Ordinal);
        Assert.Equal("Petra Holm", Speaker(d, Containing(d, "overrun with tourists")));
    }

    [Theory]
    // Too many words before the question word: no question put.
    [InlineData("Asked in the long and cold winter of the year before last whether the mine would reopen, Petra Holm said no.")]
    // A comma before any question word: the participle is no question put.
    [InlineData("Asked twice, Petra Holm said the mine would not reopen.")]
    public void Without_a_question_word_close_after_asked_there_is_no_question(string sentence)
    {
        var d = Run(sentence, PetraHolm);
        Assert.DoesNotContain(d.Quotes, q => q.Rule == nameof(AttributionRule.QuestionAfterAdverbial));
    }

    [Fact]
    public void Without_the_rule_only_a_question_word_right_after_asked_is_a_question()
    {
        var d = RunWith(Without(AttributionRule.QuestionAfterAdverbial), "Asked on Monday whether the mine would reopen, Petra Holm said she did not know.", PetraHolm);
        Assert.DoesNotContain(d.Quotes, q => q.Rule is nameof(AttributionRule.QuestionAfterAdverbial) or nameof(AttributionRule.QuestionPut));
    }
}
