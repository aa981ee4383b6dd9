using Crosscheck.Annotation.Quotes;
using Crosscheck.Stories.Consolidation;
using Xunit;

namespace Crosscheck.Stories.Tests.Consolidation;

public class FoldingTests
{
    [Theory]
    [InlineData("\u201cWe wait.\u201d", "We wait.")]
    [InlineData("  \u201c We wait. \u201d ", "We wait.")]
    [InlineData("\"We wait.\"", "We wait.")]
    [InlineData("\u00abNous attendons.\u00bb", "Nous attendons.")]
    [InlineData("\u201eWir warten.\u201c", "Wir warten.")]
    [InlineData("\u2018We don\u2019t wait.\u2019", "We don\u2019t wait.")]
    [InlineData("\u00bbWir warten.\u00ab", "Wir warten.")]
    [InlineData("\u201aWir warten.\u2018", "Wir warten.")]
    [InlineData("\u2039Nous attendons.\u203a", "Nous attendons.")]
    [InlineData("\u300e\u6211\u4eec\u7b49\u3002\u300f", "\u6211\u4eec\u7b49\u3002")]
    public void One_pair_of_marks_around_the_whole_text_is_taken_off(string text, string expected) =>
        Assert.Equal(expected, Folding.WithoutEnclosingQuoteMarks(text));

    [Theory]
    [InlineData("\u201c\u201d")]
    [InlineData("\u201c")]
    [InlineData("\u201cWe wait.")]
    [InlineData("We wait.\u201d")]
    [InlineData("\u201cWe wait.\"")]
    [InlineData("\u201cNo,\u201d he said, \u201cnot yet.\u201d")]
    [InlineData("\"No,\" he said, \"not yet.\"")]
    [InlineData("\u2018No,\u2019 he said, \u2018not yet.\u2019")]
    [InlineData("\u00bbNein\u00ab, sagte er, \u00bbnoch nicht.\u00ab")]
    [InlineData("\u201aNein\u2018, sagte er, \u201anoch nicht.\u2018")]
    [InlineData("\u00bbWir warten.\u00bb")]
    [InlineData("\u201eWir warten.\u201d\u201d")]
    [InlineData("We wait.")]
    public void A_text_not_wholly_inside_one_pair_of_marks_is_kept_as_it_is(string text) =>
        Assert.Equal(text, Folding.WithoutEnclosingQuoteMarks(text));

    [Fact]
    public void Every_pair_the_quote_layer_knows_is_taken_off_and_a_mark_of_another_pair_left_on()
    {
        Assert.Contains(('\u00bb', '\u00ab'), QuotationMarks.Pairs);
        foreach (var (open, close) in QuotationMarks.Pairs)
        {
            Assert.Equal("We wait.", Folding.WithoutEnclosingQuoteMarks($"{open}We wait.{close}"));
            Assert.Equal($"{open}A{close} and {open}B{close}", Folding.WithoutEnclosingQuoteMarks($"{open}A{close} and {open}B{close}"));
        }
        var unpaired = QuotationMarks.Pairs.SelectMany(p => QuotationMarks.Pairs.Select(q => (p.Open, q.Close))).Where(p => !QuotationMarks.Pairs.Contains(p)).ToList();
        Assert.NotEmpty(unpaired);
        Assert.All(unpaired, p => Assert.Equal($"{p.Open}We wait.{p.Close}", Folding.WithoutEnclosingQuoteMarks($"{p.Open}We wait.{p.Close}")));
    }

    [Fact]
    public void Marks_around_nothing_but_spaces_leave_nothing() =>
        Assert.Equal("", Folding.WithoutEnclosingQuoteMarks("\u201c  \u201d"));
}
