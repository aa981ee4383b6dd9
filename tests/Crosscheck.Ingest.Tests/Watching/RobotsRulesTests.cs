using Crosscheck.Ingest.Watching;
using Xunit;

namespace Crosscheck.Ingest.Tests.Watching;

public sealed class RobotsRulesTests
{
    [Fact]
    public void The_group_naming_Crosscheck_wins_over_the_star_group()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: crosscheck\nDisallow: /private\n", WatchOptions.RobotsToken);

        Assert.True(rules.Allows("/news/today"));
        Assert.False(rules.Allows("/private/page"));
    }

    [Fact]
    public void The_longest_matching_rule_decides_and_Allow_wins_a_tie()
    {
        var rules = RobotsRules.Parse("# site rules\nUser-agent: *\nDisallow: /news/\nAllow: /news/public # open\nDisallow: /same\nAllow: /same\n", WatchOptions.RobotsToken);

        Assert.False(rules.Allows("/news/secret"));
        Assert.True(rules.Allows("/news/public/1"));
        Assert.True(rules.Allows("/same/page"));
        Assert.True(rules.Allows("/other"));
    }

    [Fact]
    public void Rules_of_other_crawlers_and_an_empty_Disallow_allow_everything()
    {
        var rules = RobotsRules.Parse("User-agent: OtherBot\nUser-agent: ThirdBot\nDisallow: /\n\nUser-agent: *\nDisallow:\n", WatchOptions.RobotsToken);

        Assert.True(rules.Allows("/anything"));
    }
}
