using Crosscheck.Extraction.Boilerplate;

namespace Crosscheck.Extraction.Tests;

public class RecurringLineFilterTests
{
    private const string Pitch = "Support independent journalism: become a member today.";

    private static readonly string[] Bodies =
    [
        "The port reopened on Monday after the storm.\n\n" + Pitch,
        "Fuel prices fell for a third week, the ministry said.\n\n" + Pitch,
        "The football club named a new coach on Friday.\n\nHe starts next month.\n\n" + Pitch,
        "Schools will close early for the holidays.\n\nHe starts next month.",
    ];

    [Fact]
    public void Paragraph_recurring_across_articles_is_dropped_and_the_rest_kept()
    {
        var filter = new RecurringLineFilter();

        var drop = filter.LinesToDrop(Bodies);

        Assert.Contains(Pitch, drop);
        Assert.DoesNotContain("He starts next month.", drop);
        Assert.Equal("The port reopened on Monday after the storm.", RecurringLineFilter.Remove(Bodies[0], drop));
    }

    [Fact]
    public void Paragraph_shared_only_by_versions_of_one_story_is_kept()
    {
        const string quote = "\"The water came up faster than anyone expected,\" the harbour master said.";
        const string lead = "Flood water closed the harbour road on Sunday night and forced twenty families from their homes near the quay.";
        string[] bodies =
        [
            lead + "\n\n" + quote,
            lead + "\n\n" + quote + "\n\nVolunteers filled sandbags at the fire station until the early hours.",
            "Residents began returning to the quay on Tuesday as the flood water that had closed the harbour road receded.\n\n" + quote,
            "The school choir won the regional final in the cathedral on Saturday.",
            "Bus drivers will vote next week on a new pay offer from the operator.",
        ];

        var decision = new RecurringLineFilter().Decide(bodies);

        Assert.Empty(decision.Drop);
        var judged = Assert.Single(decision.Recurring);
        Assert.Equal(3, judged.Articles);
        Assert.False(judged.Boilerplate);
    }

    [Fact]
    public void Decision_does_not_depend_on_case_quotes_or_spacing()
    {
        string[] bodies =
        [
            "The port reopened on Monday after the storm.\n\nSupport   independent journalism: become a member today.",
            "Fuel prices fell for a third week, the ministry said.\n\nsupport independent journalism: become a member today.",
            "The football club named a new coach on Friday.\n\nSupport independent journalism: become a member today.",
        ];

        var drop = new RecurringLineFilter().LinesToDrop(bodies);

        Assert.Equal(3, drop.Count);
        Assert.All(bodies, b => Assert.DoesNotContain("member", RecurringLineFilter.Remove(b, drop), StringComparison.Ordinal));
    }

    [Fact]
    public void Too_few_articles_drop_nothing()
    {
        Assert.Empty(new RecurringLineFilter().LinesToDrop(Bodies[..2]));
    }
}
