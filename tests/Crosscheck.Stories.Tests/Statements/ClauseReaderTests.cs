using Crosscheck.Core.Model;
using Crosscheck.Stories.Statements;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

public class ClauseReaderTests
{
    private static string ClauseOf(string sentence, string predicate)
    {
        var at = sentence.IndexOf(predicate, StringComparison.Ordinal);
        var clause = ClauseReader.Clause(sentence, new TextSpan(0, sentence.Length), new TextSpan(at, predicate.Length));
        return sentence.Substring(clause.Start, clause.Length).Trim();
    }

    [Theory]
    [InlineData("Police said that Arlo Brandt was arrested in Veln; the mayor thanked Dessa Moor.", "arrested", "Arlo Brandt was arrested in Veln")]
    [InlineData("The council approved the budget but critics objected.", "approved", "The council approved the budget")]
    [InlineData("The Prime Minister, Ada Lin, on Saturday accused the board of delays.", "accused", "The Prime Minister, Ada Lin, on Saturday accused the board of delays.")]
    [InlineData("Jon Hale said “the merger is off” and left.", "merger", "the merger is off")]
    public void A_clause_ends_at_strong_punctuation_and_before_a_word_that_opens_another_clause_but_not_at_a_comma(string sentence, string predicate, string clause) =>
        Assert.Equal(clause, ClauseOf(sentence, predicate));

    [Fact]
    public void A_clause_reaches_a_bounded_number_of_words_either_side()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 30)) + " fired " + string.Join(' ', Enumerable.Repeat("word", 30));

        var clause = ClauseOf(sentence, "fired");

        Assert.Equal(2 * ClauseReader.MaxWords + 1, clause.Split(' ').Length);
    }
}
