using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

public class StatementTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);

    private static Document First() =>
        StoryDoc.Of("Norvale Systems acquired Brightwater Labs on Monday. Norvale Systems acquired Kestrel Data a year earlier.", "a", "Harbor Times", Day)
            .Org("Norvale Systems").Org("Brightwater Labs").Org("Kestrel Data").Build();

    private static Document Second() =>
        StoryDoc.Of("Brightwater Labs was bought by Norvale Systems, the company said.", "b", "Valley Post", Day.AddHours(5))
            .Org("Norvale Systems").Org("Brightwater Labs").Build();

    private static Document Earlier() =>
        StoryDoc.Of("Norvale Systems bought Kestrel Data last spring.", "c", "Coast Ledger", Day.AddHours(9))
            .Org("Norvale Systems").Org("Kestrel Data").Build();

    private static Document Denial() =>
        StoryDoc.Of("Norvale Systems denied acquiring Brightwater Labs.", "d", "Ridge Courier", Day.AddHours(12))
            .Org("Norvale Systems").Org("Brightwater Labs").Build();

    [Fact]
    public void An_acquisition_and_its_passive_rewording_are_one_statement_and_a_look_alike_stays_apart()
    {
        Document[] documents = [First(), Second(), Earlier()];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(documents), documents);

        var deal = Assert.Single(dossier.Statements, s => s.Participants.Contains("Brightwater Labs"));
        Assert.Equal("acquire", deal.Predicate);
        Assert.Equal(["a", "b"], deal.Articles);
        Assert.Equal(StatementStatus.Corroborated, deal.Status);
        Assert.Equal(["Harbor Times", "Valley Post"], deal.Origins);
        Assert.Equal("a", deal.FirstArticle);
        Assert.Equal("Harbor Times", deal.FirstOutlet);
        Assert.Equal("Norvale Systems acquired Brightwater Labs on Monday.", deal.Text);
        Assert.DoesNotContain(deal.Wordings, w => w.Text.Contains("Kestrel", StringComparison.Ordinal));
        var earlier = Assert.Single(dossier.Statements, s => s.Participants.Contains("Kestrel Data"));
        Assert.Equal(["a", "c"], earlier.Articles);
    }

    [Theory]
    [InlineData("is leaving", "was leaving", "leaving")]
    [InlineData("is leaving", "left", "leave")]
    public void A_statement_of_a_word_of_no_class_is_named_by_a_word_its_reports_wrote_never_a_cut_stem(string firstVerb, string secondVerb, string name)
    {
        Document[] documents =
        [
            StoryDoc.Of($"Norvale Systems {firstVerb} Brightwater Labs.", "a", "Harbor Times", Day)
                .Org("Norvale Systems").Org("Brightwater Labs").Build(),
            StoryDoc.Of($"Norvale Systems {secondVerb} Brightwater Labs, the company said.", "b", "Valley Post", Day.AddHours(5))
                .Org("Norvale Systems").Org("Brightwater Labs").Build(),
        ];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(documents), documents);

        var departure = Assert.Single(dossier.Statements, s => s.Participants.Contains("Brightwater Labs"));
        Assert.Equal(name, departure.Predicate);
        Assert.Equal(["a", "b"], departure.Articles);
    }

    [Fact]
    public void An_article_that_reports_the_event_and_a_denial_of_it_is_shown_by_the_denial()
    {
        var both = StoryDoc.Of("Norvale Systems acquired Brightwater Labs, a rival said. Norvale Systems denied acquiring Brightwater Labs.", "e", "Ridge Courier", Day.AddHours(12))
            .Org("Norvale Systems").Org("Brightwater Labs").Build();
        Document[] documents = [First(), Second(), both];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(documents), documents);

        var deal = Assert.Single(dossier.Statements, s => s.Participants.Contains("Brightwater Labs"));
        Assert.Equal(StatementStatus.Contested, deal.Status);
        var shown = deal.Wordings.Single(w => w.Article == "e");
        Assert.Equal("negated", shown.Polarity);
        Assert.StartsWith("Norvale Systems denied", shown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_denial_joins_the_statement_it_denies_and_makes_it_contested()
    {
        Document[] documents = [First(), Second(), Denial()];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(documents), documents);

        var deal = Assert.Single(dossier.Statements, s => s.Participants.Contains("Brightwater Labs"));
        Assert.Equal(["a", "b", "d"], deal.Articles);
        Assert.Equal(StatementStatus.Contested, deal.Status);
        Assert.Equal("negated", deal.Wordings.Single(w => w.Article == "d").Polarity);
        // The denial is no origin of the event it denies.
        Assert.Equal(["Harbor Times", "Valley Post"], deal.Origins);
    }

    [Fact]
    public void A_figure_and_a_quote_in_a_statement_wording_link_to_it_and_those_in_other_sentences_do_not()
    {
        var a = StoryDoc.Of(
                "Norvale Systems acquired Brightwater Labs for 40 million dollars, calling it \"a step that doubles our reach\". "
                + "The company employs 300 engineers. Its chief said \"every office stays open\".", "a", "Harbor Times", Day)
            .Org("Norvale Systems").Org("Brightwater Labs").Money("40 million dollars", 40_000_000, "USD", 40_000_000).Count("300 engineers", 300, "engineers")
            .Quote("a step that doubles our reach", description: "the buyer").Quote("every office stays open", description: "its chief").Build();
        Document[] documents = [a, Second()];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(documents), documents);

        var deal = Assert.Single(dossier.Statements);
        var price = Assert.Single(dossier.Claims, c => c.Kind == "money").Statements.Single();
        Assert.Equal(deal.Id, price.StatementId);
        Assert.Equal(deal.Id, Assert.Single(dossier.Quotes, q => q.Text.Contains("doubles", StringComparison.Ordinal)).StatementId);
        Assert.Null(Assert.Single(dossier.Claims, c => c.Kind == "count").Statements.Single().StatementId);
        Assert.Null(Assert.Single(dossier.Quotes, q => q.Text.Contains("office", StringComparison.Ordinal)).StatementId);
    }

    [Fact]
    public void A_statement_keeps_its_id_when_the_dossier_is_built_again()
    {
        Document[] documents = [First(), Second()];

        var once = new DossierBuilder().Build(StoryOf.Documents(documents), documents);
        var again = new DossierBuilder().Build(StoryOf.Documents(documents), [First(), Second()]);

        Assert.Equal(once.Statements.Select(s => s.Id), again.Statements.Select(s => s.Id));
    }

    [Fact]
    public void Reports_of_one_origin_are_single_origin_and_a_lone_report_is_no_statement()
    {
        var a = StoryDoc.Of("Norvale Systems acquired Brightwater Labs, Reuters reported.", "a", "Harbor Times", Day)
            .Org("Norvale Systems").Org("Brightwater Labs").Cite("Reuters", "Reuters").Build();
        var b = StoryDoc.Of("Brightwater Labs was bought by Norvale Systems, according to Reuters.", "b", "Valley Post", Day.AddHours(1))
            .Org("Norvale Systems").Org("Brightwater Labs").Cite("Reuters", "Reuters").Build();
        var c = StoryDoc.Of("Kestrel Data opened an office.", "c", "Coast Ledger", Day.AddHours(2)).Org("Kestrel Data").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b, c), [a, b, c]);

        var deal = Assert.Single(dossier.Statements);
        Assert.Equal(StatementStatus.SingleOrigin, deal.Status);
        Assert.Equal(["Reuters"], deal.Origins);
    }
    private static Document Reduced() =>
        StoryDoc.Of("Norland Army reduced its troops in the Kessel Valley.", "a", "Harbor Times", Day)
            .Org("Norland Army").Loc("Kessel Valley").Build();

    // The same event with other nearest names: the place first, the person who ordered it before the predicate.
    private static Document Ordered() =>
        StoryDoc.Of("Kessel Valley residents watched as Dorin Hale ordered the reduction of troops.", "b", "Valley Post", Day.AddHours(2))
            .Loc("Kessel Valley").Person("Dorin Hale").Build();

    [Fact]
    public void Reports_whose_nearest_names_differ_join_and_another_happening_of_one_actor_stays_apart()
    {
        Document a = Reduced(), b = Ordered();
        var c = StoryDoc.Of("Norland Army held a parade in Port Amsel.", "c", "Coast Ledger", Day.AddHours(4))
            .Org("Norland Army").Loc("Port Amsel").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b, c), [a, b, c]);

        var cut = Assert.Single(dossier.Statements, s => s.Articles.Contains("a"));
        Assert.Equal(["a", "b"], cut.Articles);
    }

    [Fact]
    public void Reports_of_one_class_join_with_no_name_in_common_unless_they_are_look_alikes()
    {
        // The two articles name the same place in other words and nothing else in common: one event all the same
        // (the grouping eval events scores; joining only on a shared name split one event far more often on ECB+).
        Document a = Reduced(), b = Ordered();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);

        var cut = Assert.Single(dossier.Statements);
        Assert.Equal(["a", "b"], cut.Articles);
    }

    [Fact]
    public void A_name_and_the_same_name_after_a_kind_word_are_one_participant()
    {
        var a = StoryDoc.Of("Varo Petrin announced the reduction of Tidewater.", "a", "Harbor Times", Day)
            .Person("Varo Petrin").Org("Tidewater").Build();
        var b = StoryDoc.Of("Officials confirmed a reduction of Operation Tidewater.", "b", "Valley Post", Day.AddHours(2))
            .Org("Operation Tidewater").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);

        Assert.Contains(dossier.Statements, s => s.Articles.SequenceEqual(["a", "b"]) && s.Participants.Contains("Operation Tidewater"));
    }
}
