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
    [InlineData("We wait.")]
    public void A_text_not_wholly_inside_one_pair_of_marks_is_kept_as_it_is(string text) =>
        Assert.Equal(text, Folding.WithoutEnclosingQuoteMarks(text));

    [Fact]
    public void Marks_around_nothing_but_spaces_leave_nothing() =>
        Assert.Equal("", Folding.WithoutEnclosingQuoteMarks("\u201c  \u201d"));
}
