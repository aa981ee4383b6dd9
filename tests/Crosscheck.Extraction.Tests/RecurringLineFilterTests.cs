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
    public void Too_few_articles_drop_nothing()
    {
        Assert.Empty(new RecurringLineFilter().LinesToDrop(Bodies[..2]));
    }
}
