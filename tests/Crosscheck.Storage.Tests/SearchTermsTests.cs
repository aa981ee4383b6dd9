using Xunit;

namespace Crosscheck.Storage.Tests;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Wind farm", new[] { "wind", "farm" })]
    [InlineData("\"AND (wind) OR\"", new[] { "and", "wind", "or" })]
    [InlineData("wind wind WIND", new[] { "wind" })]
    [InlineData("São-Paulo 2024", new[] { "são", "paulo", "2024" })]
    [InlineData("\"", new string[0])]
    [InlineData("", new string[0])]
    public void Words_are_kept_and_syntax_dropped(string query, string[] expected)
    {
        Assert.Equal(expected, SearchTerms.Of(query));
    }

    [Fact]
    public void Terms_are_bounded_in_number_and_length()
    {
        var query = string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i)) + " " + new string('a', 500);
        var terms = SearchTerms.Of(query);
        Assert.Equal(SearchTerms.MaxTerms, terms.Count);
        Assert.Equal(SearchTerms.MaxTermLength, SearchTerms.Of(new string('a', 500)).Single().Length);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var word = new string('a', SearchTerms.MaxTermLength - 1) + "\U0001D400";
        var term = SearchTerms.Of(word).Single();
        Assert.False(char.IsHighSurrogate(term[^1]));
    }
}
