using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Events;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class StatementsCheckTests
{
    private const string First = "Norvale Systems acquired Brightwater Labs on Monday.";

    private const string Second = "Brightwater Labs was bought by Norvale Systems on Monday, the company said.";

    private static Document WithCompanies(string id, string text) =>
        StoryDoc.Of(text, id).Org("Norvale Systems").Org("Brightwater Labs").Build();

    private static EventDocument Document(string id, string text, string word, string? gold) =>
        new(id, 1, text, gold is null ? [] : [new GoldEventMention($"{id}:1", text.IndexOf(word, StringComparison.Ordinal), text.IndexOf(word, StringComparison.Ordinal) + word.Length, word, gold)]);

    [Theory]
    [InlineData("deal", "deal", 1)]
    [InlineData("deal", "other", 0)]
    public void A_shown_statement_is_judged_by_the_gold_events_of_its_wordings(string firstGold, string secondGold, int same)
    {
        var (summary, statements) = StatementsCheck.Run(
            [Document("a", First, "acquired", firstGold), Document("b", Second, "bought", secondGold)], WithCompanies, topics: null);

        var statement = Assert.Single(statements);
        Assert.Equal(["a", "b"], statement.Statement.Articles);
        Assert.Equal(1, statement.JudgedPairs);
        Assert.Equal(same, statement.SamePairs);
        Assert.Equal(1, summary.JudgedStatements);
        Assert.Equal(same, summary.SameStatements);
    }

    [Fact]
    public void A_wording_the_corpus_does_not_annotate_leaves_its_pairs_unjudged()
    {
        var (summary, statements) = StatementsCheck.Run(
            [Document("a", First, "acquired", "deal"), Document("b", Second, "bought", null)], WithCompanies, topics: null);

        Assert.Null(Assert.Single(statements).Wordings.Single(w => w.Mention.Document == "b").Gold);
        Assert.Equal(0, summary.JudgedStatements);
        Assert.Equal(1, summary.Statements);
    }
}
