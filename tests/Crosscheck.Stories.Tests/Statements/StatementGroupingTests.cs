using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Statements;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

public class StatementGroupingTests
{
    private const string First = "Norvale Systems acquired Brightwater Labs on Monday. Norvale Systems acquired Kestrel Data a year earlier.";

    private const string Second = "Brightwater Labs was bought by Norvale Systems in March, the company said.";

    private static Document[] Documents() =>
    [
        StoryDoc.Of(First, "a").Org("Norvale Systems").Org("Brightwater Labs").Org("Kestrel Data").Time("Monday", "2024-03-04").Build(),
        StoryDoc.Of(Second, "b").Org("Norvale Systems").Org("Brightwater Labs").Time("March", "2024-03", TimeGranularity.Month).Build(),
    ];

    private static StatementMentionInput At(string id, string document, string text, string word, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++) start = text.IndexOf(word, start + 1, StringComparison.Ordinal);
        return new StatementMentionInput(id, document, new TextSpan(start, word.Length));
    }

    [Fact]
    public void Given_mentions_are_grouped_as_the_dossier_groups_its_statements()
    {
        var grouping = StatementGrouping.Group(Documents(),
        [
            At("deal-a", "a", First, "acquired"),
            At("earlier-a", "a", First, "acquired", occurrence: 1),
            At("deal-b", "b", Second, "bought"),
            At("said-b", "b", Second, "said"),
        ]);

        // The passive rewording joins the acquisition though its sentence names another date; the look-alike
        // (the same buyer, another company) stays apart, and an act of saying is an event of its own.
        Assert.Equal(grouping["deal-a"], grouping["deal-b"]);
        Assert.NotEqual(grouping["deal-a"], grouping["earlier-a"]);
        Assert.DoesNotContain(grouping["said-b"], new[] { grouping["deal-a"], grouping["earlier-a"] });
    }

    [Fact]
    public void A_look_alike_whose_sentence_names_the_other_participant_tells_the_same_event()
    {
        const string deal = "Norvale Systems acquired Brightwater Labs.";
        const string plant = "Norvale Systems acquired Harlow Works, the Brightwater Labs plant.";
        const string other = "Norvale Systems acquired Harlow Works.";
        Document a = StoryDoc.Of(deal, "a").Org("Norvale Systems").Org("Brightwater Labs").Build(),
            b = StoryDoc.Of(plant, "b").Org("Norvale Systems").Org("Harlow Works").Org("Brightwater Labs").Build(),
            c = StoryDoc.Of(other, "c").Org("Norvale Systems").Org("Harlow Works").Build();

        var named = StatementGrouping.Group([a, b], [At("a", "a", deal, "acquired"), At("b", "b", plant, "acquired")]);
        var unnamed = StatementGrouping.Group([a, c], [At("a", "a", deal, "acquired"), At("c", "c", other, "acquired")]);

        Assert.Equal(named["a"], named["b"]);
        Assert.NotEqual(unnamed["a"], unnamed["c"]);
    }

    [Fact]
    public void Other_dates_alone_do_not_keep_two_reports_of_one_event_apart_in_the_dossier()
    {
        var documents = Documents();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(documents), documents);

        var deal = Assert.Single(dossier.Statements, s => s.Participants.Contains("Brightwater Labs"));
        Assert.Equal(["a", "b"], deal.Articles);
    }

    [Fact]
    public void A_mention_of_a_document_outside_the_story_or_outside_its_text_stays_alone()
    {
        var grouping = StatementGrouping.Group(Documents(),
        [
            At("deal-a", "a", First, "acquired"),
            new StatementMentionInput("elsewhere", "z", new TextSpan(0, 8)),
            new StatementMentionInput("beyond", "b", new TextSpan(Second.Length, 5)),
        ]);

        Assert.Equal("alone:elsewhere", grouping["elsewhere"]);
        Assert.Equal("alone:beyond", grouping["beyond"]);
    }
}
