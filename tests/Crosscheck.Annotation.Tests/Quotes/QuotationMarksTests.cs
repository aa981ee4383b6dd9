using Crosscheck.Annotation.Quotes;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>The one list of quote-mark pairs other layers read holds every pair the quote layer finds quotes by, each once.</summary>
public class QuotationMarksTests
{
    [Theory]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("ru")]
    [InlineData("zh")]
    public void Every_language_s_marks_are_listed(string language)
    {
        var marks = LocaleSpeech.For(language)!.Marks;
        Assert.NotEmpty(marks);
        Assert.All(marks, pair => Assert.Contains(pair, QuotationMarks.Pairs));
    }

    [Fact]
    public void English_pairs_are_listed_and_are_marks_the_english_finder_opens_and_closes_by()
    {
        Assert.All(QuoteMarks.Pairs, pair => Assert.Contains(pair, QuotationMarks.Pairs));
        Assert.All(QuoteMarks.Pairs, pair => Assert.True(pair.Open == '"' ? pair.Close == '"' : QuoteMarks.IsOpening(pair.Open) && QuoteMarks.IsClosing(pair.Close), $"{pair}"));
    }

    [Fact]
    public void Each_pair_is_listed_once_and_german_s_reversed_guillemets_are_there()
    {
        Assert.Equal(QuotationMarks.Pairs.Count, QuotationMarks.Pairs.Distinct().Count());
        Assert.Contains(('\u00bb', '\u00ab'), QuotationMarks.Pairs);
        Assert.Contains(('\u00ab', '\u00bb'), QuotationMarks.Pairs);
    }
}
