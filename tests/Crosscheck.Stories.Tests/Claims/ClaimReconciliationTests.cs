using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Claims;

public class ClaimReconciliationTests
{
    private static Dossier Build(Func<string, string?>? copyOf, params Document[] documents) =>
        new DossierBuilder(copyOf: copyOf).Build(StoryOf.Documents(documents), documents);

    private static Dossier Build(params Document[] documents) => Build(null, documents);

    [Fact]
    public void Hedged_counts_of_synonymous_nouns_agree_and_independent_origins_corroborate()
    {
        var a = StoryDoc.Of("The Nordvik Group will send at least 1,000 fighters to the port.", "a", "Harbour Times")
            .Org("Nordvik Group").Count("at least 1,000 fighters", 1000, "fighters", Qualifier.AtLeast).Build();
        var b = StoryDoc.Of("About 1,000 Nordvik soldiers are expected, officials said.", "b", "Coastal Herald")
            .Org("Nordvik").Count("About 1,000 Nordvik soldiers", 1000, "soldiers", Qualifier.About).Build();

        var dossier = Build(a, b);

        var claim = Assert.Single(dossier.Claims);
        Assert.Equal("count", claim.Kind);
        Assert.Equal(1000, claim.Value);
        Assert.Equal(["a", "b"], claim.Articles);
        Assert.Equal(ClaimStatus.Corroborated, claim.Status);
        Assert.Equal(["Harbour Times", "Coastal Herald"], claim.Origins);
        Assert.Equal(2, claim.Statements.Count);
    }

    [Fact]
    public void Different_counts_of_the_same_thing_for_the_same_actor_are_flagged_as_conflicting()
    {
        var a = StoryDoc.Of("The Nordvik Group will deploy 1,000 troops in the north.", "a", "Harbour Times")
            .Org("Nordvik Group").Count("1,000 troops", 1000, "troops").Build();
        var b = StoryDoc.Of("Nordvik is deploying 5,000 personnel, a ministry source said.", "b", "Coastal Herald")
            .Org("Nordvik").Count("5,000 personnel", 5000, "personnel").Build();

        var dossier = Build(a, b);

        var claim = Assert.Single(dossier.Claims);
        Assert.Equal(ClaimStatus.Conflicting, claim.Status);
        Assert.Equal(["a", "b"], claim.Articles);
        Assert.Equal([1000.0, 5000.0], claim.Statements.Select(s => s.Value).Order());
    }

    [Fact]
    public void Different_counts_for_different_actors_are_separate_claims()
    {
        var a = StoryDoc.Of("Portugal will withdraw 2,000 troops from the region.", "a", "Harbour Times")
            .Loc("Portugal").Count("2,000 troops", 2000, "troops").Build();
        var b = StoryDoc.Of("The Nordvik Group is sending 800 soldiers.", "b", "Coastal Herald")
            .Org("Nordvik Group").Count("800 soldiers", 800, "soldiers").Build();

        var dossier = Build(a, b);

        Assert.Equal(2, dossier.Claims.Count);
        Assert.All(dossier.Claims, c => Assert.Equal(ClaimStatus.Unique, c.Status));
    }

    [Fact]
    public void Different_values_of_one_class_in_one_article_are_different_things_not_a_conflict()
    {
        var a = StoryDoc.Of("Portugal has 3,000 troops in the region and will bring home 1,200 soldiers.", "a", "Harbour Times")
            .Loc("Portugal").Count("3,000 troops", 3000, "troops").Count("1,200 soldiers", 1200, "soldiers").Build();

        var dossier = Build(a);

        Assert.Equal(2, dossier.Claims.Count);
        Assert.DoesNotContain(dossier.Claims, c => c.Status == ClaimStatus.Conflicting);
    }

    [Fact]
    public void Money_stated_in_two_currencies_in_one_article_is_one_statement_and_agrees_with_dollars_elsewhere()
    {
        var a = StoryDoc.Of("The contractor will be paid 5.9 billion CFA francs ($10.2 million) a month under the deal.", "a", "Harbour Times")
            .Money("5.9 billion CFA francs", 5.9e9, "XOF", 10.25e6, "per month")
            .Money("$10.2 million", 10.2e6, "USD", 10.2e6).Build();
        var b = StoryDoc.Of("Payments of $10.2 million per month were agreed, according to the Associated Press.", "b", "Coastal Herald")
            .Money("$10.2 million", 10.2e6, "USD", 10.2e6, "per month").Cite("the Associated Press", "Associated Press").Build();

        var dossier = Build(a, b);

        var claim = Assert.Single(dossier.Claims);
        Assert.Equal("money", claim.Kind);
        Assert.Equal(["a", "b"], claim.Articles);
        Assert.Equal(2, claim.Statements.Count);
        Assert.NotNull(claim.Normalized);
        Assert.Equal("USD", claim.Normalized!.Unit);
        Assert.InRange(claim.Normalized.Value, 10.1e6, 10.3e6);
        Assert.Equal("payment per month", claim.Subject);
        Assert.Equal(ClaimStatus.Corroborated, claim.Status);
        Assert.Equal(["Harbour Times", "Associated Press"], claim.Origins);
    }

    [Fact]
    public void Money_amounts_far_apart_after_conversion_do_not_agree()
    {
        var a = StoryDoc.Of("Nordvik will receive $10 million a month.", "a", "Harbour Times")
            .Org("Nordvik").Money("$10 million", 10e6, "USD", 10e6, "per month").Build();
        var b = StoryDoc.Of("Nordvik will receive 20 million euros a month.", "b", "Coastal Herald")
            .Org("Nordvik").Money("20 million euros", 20e6, "EUR", 21.6e6, "per month").Build();

        var dossier = Build(a, b);

        var claim = Assert.Single(dossier.Claims);
        Assert.Equal(ClaimStatus.Conflicting, claim.Status);
    }

    [Fact]
    public void Syndicated_copies_of_one_report_count_as_one_origin()
    {
        const string text = "The Nordvik Group will send 600 instructors to the capital.";
        Document Copy(string id, string outlet) =>
            StoryDoc.Of(text, id, outlet).Org("Nordvik Group").Count("600 instructors", 600, "instructors").Build();
        var original = Copy("orig", "Harbour Times");
        var copies = new[] { Copy("c1", "Daily Ledger"), Copy("c2", "Morning Post"), Copy("c3", "Evening Star"), Copy("c4", "Valley News") };
        string? CopyOf(string id) => id.StartsWith('c') ? "orig" : null;

        var dossier = Build(CopyOf, [original, .. copies]);

        var claim = Assert.Single(dossier.Claims);
        Assert.Equal(5, claim.Articles.Count);
        Assert.Equal(["Harbour Times"], claim.Origins);
        Assert.Equal(ClaimStatus.SingleOrigin, claim.Status);
    }

    [Fact]
    public void Articles_citing_the_same_outlet_are_one_origin_even_when_written_differently()
    {
        var a = StoryDoc.Of("About 600 instructors will arrive, the Associated Press reported.", "a", "Harbour Times")
            .Count("About 600 instructors", 600, "instructors", Qualifier.About).Cite("the Associated Press", "the Associated Press").Build();
        var b = StoryDoc.Of("According to AP, 600 instructors will arrive.", "b", "Daily Ledger")
            .Count("600 instructors", 600, "instructors").Cite("According to AP", "AP").Build();
        var c = StoryDoc.Of("The Associated Press news agency says 600 trainers are coming. It cited officials.\n\nThe figure of 600 instructors was repeated.", "c", "Morning Post")
            .Cite("The Associated Press news agency", "Associated Press news agency").Count("600 instructors", 600, "instructors").Build();

        var dossier = Build(a, b, c);

        var claim = Assert.Single(dossier.Claims);
        Assert.Equal(["a", "b", "c"], claim.Articles);
        Assert.Equal(["Associated Press"], claim.Origins);
        Assert.Equal(ClaimStatus.SingleOrigin, claim.Status);
    }

    [Fact]
    public void A_claim_stated_by_one_article_is_unique_and_has_a_readable_subject()
    {
        var a = StoryDoc.Of("Officials said 45 refugees reached the border.", "a", "Harbour Times")
            .Count("45 refugees", 45, "refugees").Build();

        var claim = Assert.Single(Build(a).Claims);

        Assert.Equal(ClaimStatus.Unique, claim.Status);
        Assert.Equal("refugees", claim.Subject);
        Assert.Equal("Officials said 45 refugees reached the border.", claim.Text);
    }

    [Fact]
    public void Durations_and_reporting_counts_are_not_claims()
    {
        var a = StoryDoc.Of("Two sources said the war lasted three years.", "a")
            .Count("Two sources", 2, "sources").Count("three years", 3, "years").Build();

        Assert.Empty(Build(a).Claims);
    }
}
