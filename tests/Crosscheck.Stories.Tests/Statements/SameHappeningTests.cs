using Crosscheck.Core.Model;
using Crosscheck.Stories.Statements;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

/// <summary>
/// A statement shown as reported by several articles means those articles report one happening: their reports of
/// the event share an argument of their clause (an entity few of the story's articles name, a date, a number) or
/// their nearby words. Each test also builds the same articles with the rule off, so that it fails if the rule
/// does nothing.
/// </summary>
public class SameHappeningTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);

    private static readonly StatementOptions SameHappening = new(SameHappenings: true);

    private static readonly StatementOptions Grouped = new(SameHappenings: false);

    private static IReadOnlyList<DossierStatement> Statements(Document[] documents, StatementOptions? options = null) =>
        new StatementStage(documents, null, options).Build();

    [Fact]
    public void An_event_noun_two_articles_use_about_different_things_is_no_statement()
    {
        Document[] documents =
        [
            StoryDoc.Of("Residents of Tarnow said the situation in Tarnow worsened overnight.", "a", "Harbor Times", Day).Loc("Tarnow").Build(),
            StoryDoc.Of("Kellan Ross described the situation at the Ebbe plant as calm.", "b", "Valley Post", Day.AddHours(3))
                .Person("Kellan Ross").Org("Ebbe").Build(),
        ];

        Assert.Contains(Statements(documents, Grouped), s => s.Predicate == "situation");
        Assert.DoesNotContain(Statements(documents, SameHappening), s => s.Predicate == "situation");
    }

    [Fact]
    public void Articles_naming_one_entity_in_the_clause_are_one_happening_and_another_article_is_similar_wording_counted_nowhere()
    {
        Document[] documents =
        [
            StoryDoc.Of("Prosecutors opened an investigation into Dunmore Freight on Tuesday.", "a", "Harbor Times", Day).Org("Dunmore Freight").Build(),
            StoryDoc.Of("Regulators joined the investigation into Dunmore Freight, officials said.", "b", "Valley Post", Day.AddHours(2)).Org("Dunmore Freight").Build(),
            StoryDoc.Of("Mira Voss called the investigation into her council seat unfair.", "c", "Coast Ledger", Day.AddHours(4)).Person("Mira Voss").Build(),
        ];

        var all = Assert.Single(Statements(documents, Grouped), s => s.Articles.Contains("a"));
        Assert.Equal(["a", "b", "c"], all.Articles);

        var statement = Assert.Single(Statements(documents, SameHappening), s => s.Articles.Contains("a"));
        Assert.Equal(["a", "b"], statement.Articles);
        Assert.Equal(["Harbor Times", "Valley Post"], statement.Origins);
        Assert.Equal("c", Assert.Single(statement.Similar).Article);
        Assert.DoesNotContain(statement.Participants, p => p == "Mira Voss");
    }

    [Fact]
    public void A_name_most_articles_of_the_story_name_is_no_evidence_but_a_copied_sentence_is()
    {
        // Five articles all name the company; two tell of one operation in other words, two copy one sentence.
        Document[] documents =
        [
            StoryDoc.Of("Corvane expanded the operation in Lisk after a review.", "a", "Harbor Times", Day).Org("Corvane").Loc("Lisk").Build(),
            StoryDoc.Of("Corvane halted the operation at Brenn for repairs.", "b", "Valley Post", Day.AddHours(1)).Org("Corvane").Loc("Brenn").Build(),
            StoryDoc.Of("Corvane engineers said the ferry operation near the harbour would end in autumn with a farewell sailing.", "c", "Coast Ledger", Day.AddHours(2)).Org("Corvane").Build(),
            StoryDoc.Of("Corvane engineers said the ferry operation near the harbour would end in autumn with a farewell sailing.", "d", "Ridge Courier", Day.AddHours(3)).Org("Corvane").Build(),
            StoryDoc.Of("Shares of Corvane rose.", "e", "Plain Gazette", Day.AddHours(4)).Org("Corvane").Build(),
        ];

        Assert.Contains(Statements(documents, Grouped), s => s.Predicate == "operation" && s.Articles.Contains("a") && s.Articles.Contains("b"));
        var operation = Assert.Single(Statements(documents, SameHappening), s => s.Predicate == "operation");
        Assert.Equal(["c", "d"], operation.Articles);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_date_both_clauses_give_makes_one_happening(bool dated)
    {
        var a = StoryDoc.Of("Drivers of Pella Transit began a walkout on 4 March over pay.", "a", "Harbor Times", Day).Org("Pella Transit");
        var b = StoryDoc.Of("Osk depot staff staged a walkout on 4 March, leaving buses idle.", "b", "Valley Post", Day.AddHours(2)).Loc("Osk");
        if (dated)
        {
            a.Time("4 March", "2024-03-04");
            b.Time("4 March", "2024-03-04");
        }
        Document[] documents = [a.Build(), b.Build()];

        Assert.Contains(Statements(documents, Grouped), s => s.Articles.Count == 2);
        Assert.Equal(dated, Statements(documents, SameHappening).Any(s => s.Articles.SequenceEqual(["a", "b"])));
    }

    [Fact]
    public void With_two_articles_a_name_both_give_is_evidence()
    {
        Document[] documents =
        [
            StoryDoc.Of("Inspectors examined the explosion at the Harrow reservoir.", "a", "Harbor Times", Day).Loc("Harrow").Build(),
            StoryDoc.Of("Engineers traced the explosion at Harrow to a cracked valve.", "b", "Valley Post", Day.AddHours(2)).Loc("Harrow").Build(),
        ];

        var explosion = Assert.Single(Statements(documents, SameHappening));
        Assert.Equal(["a", "b"], explosion.Articles);
        Assert.Contains("Harrow", explosion.Participants);
    }
}
