using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary>
/// Tests of their own for the most used <see cref="ClusteringOptions"/> that no test named: the channel weights
/// (<see cref="ClusteringOptions.TermWeight"/>, <see cref="ClusteringOptions.EntityWeight"/>, <see cref="ClusteringOptions.SpecificsWeight"/>),
/// the time window (<see cref="ClusteringOptions.TimeGraceDays"/>, <see cref="ClusteringOptions.TimeDecayDays"/>), a story's idle limits
/// (<see cref="ClusteringOptions.MaxIdleDays"/>, <see cref="ClusteringOptions.MaxIdleArrivals"/>) and <see cref="ClusteringOptions.TitleBoost"/>.
/// Each compares or clusters a few built flood reports with the option set and not, and fails when the setting changes nothing.
/// </summary>
public sealed class ClusteringKnobTests
{
    private static readonly DateTimeOffset Day0 = StoryClustererTests.Day0;

    private static ClusteringOptions Options => ClusteringOptions.Default with { UseSyndication = false };

    /// <summary>The Ostrava Vale flood report with its names marked.</summary>
    private static Document Flood(string id = "a", DateTimeOffset? published = null) =>
        Docs.Of(StoryClustererTests.FloodA, id, published: published ?? Day0)
            .Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

    /// <summary>A report of the same flood, written otherwise.</summary>
    private static Document SameFlood(string id = "b", DateTimeOffset? published = null) =>
        Docs.Of(StoryClustererTests.FloodB, id, published: published ?? Day0)
            .Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

    /// <summary>A flood elsewhere written alike: the same words, other names and figures.</summary>
    private static Document OtherFlood(string id = "o") =>
        Docs.Of(StoryClustererTests.OtherFloodA, id, published: Day0)
            .Naming("Tomas Brenner", EntityType.Person).Naming("Marrick Ford", EntityType.Loc).Naming("Dellow", EntityType.Loc);

    [Theory]
    [InlineData(nameof(ClusteringOptions.TermWeight), true)] // the look-alike shares its words: it scores higher
    [InlineData(nameof(ClusteringOptions.EntityWeight), false)] // it shares no name: lower
    [InlineData(nameof(ClusteringOptions.SpecificsWeight), false)] // nor any figure: lower
    public void A_channel_weighed_more_moves_a_look_alikes_score_as_that_channel_says(string channel, bool up)
    {
        var heavier = channel switch
        {
            nameof(ClusteringOptions.TermWeight) => Options with { TermWeight = Options.TermWeight * 3 },
            nameof(ClusteringOptions.EntityWeight) => Options with { EntityWeight = Options.EntityWeight * 3 },
            _ => Options with { SpecificsWeight = Options.SpecificsWeight * 3 },
        };
        var before = new StoryClusterer(Options).CompareChannels(Flood(), OtherFlood());
        var after = new StoryClusterer(heavier).Compare(Flood(), OtherFlood());

        // All three channels are there to weigh, and they disagree: the words match more than the names and the figures.
        Assert.True(before.Terms > before.Entities && before.Terms > before.Specifics, $"{before}");
        Assert.Equal(up, after > before.Score + 0.01);
        Assert.Equal(!up, after < before.Score - 0.01);
    }

    [Fact]
    public void Reports_days_apart_lose_score_only_beyond_the_grace_days_and_less_with_slower_decay()
    {
        var sameDay = new StoryClusterer(Options).Compare(Flood(), SameFlood());
        double SixDaysLater(ClusteringOptions options) => new StoryClusterer(options).Compare(Flood(), SameFlood(published: Day0.AddDays(6)));

        var defaults = SixDaysLater(Options);
        var withinGrace = SixDaysLater(Options with { TimeGraceDays = 7 });
        var slowDecay = SixDaysLater(Options with { TimeDecayDays = Options.TimeDecayDays * 10 });

        Assert.True(defaults < sameDay - 0.01, $"{defaults} against {sameDay}");
        Assert.Equal(sameDay, withinGrace, 9);
        Assert.InRange(slowDecay, defaults + 0.01, sameDay - 1e-6);
    }

    [Theory]
    [InlineData(30, false)] // forty days idle: the story has left the index, the second report opens its own
    [InlineData(60, true)]
    public void A_story_idle_longer_than_the_idle_days_is_not_joined(double maxIdleDays, bool joined)
    {
        // No decay with time, so only the idle limit can keep the two reports apart.
        var clusterer = new StoryClusterer(Options with { TimeDecayDays = 1e9, MaxIdleDays = maxIdleDays });

        var first = clusterer.Assign(Flood());
        var second = clusterer.Assign(SameFlood(published: Day0.AddDays(40)));

        Assert.Equal(joined, first == second);
    }

    [Theory]
    [InlineData(1, false)] // two arrivals since the story's last article: it has left the index
    [InlineData(2, true)]
    public void An_undated_story_idle_for_more_arrivals_than_the_limit_is_not_joined(int maxIdleArrivals, bool joined)
    {
        var clusterer = new StoryClusterer(Options with { MaxIdleArrivals = maxIdleArrivals });

        var first = clusterer.Assign(Docs.Of(StoryClustererTests.FloodA, "a"));
        clusterer.Assign(Docs.Of(StoryClustererTests.Trade, "t"));
        var second = clusterer.Assign(Docs.Of(StoryClustererTests.FloodB, "b"));

        Assert.Equal(joined, first == second);
    }

    [Fact]
    public void Shared_title_words_count_as_many_times_as_the_title_boost_says()
    {
        // Two unrelated bodies under one headline: only the title's words are shared.
        const string Title = "Varnel river floods Ostrava Vale";
        double Score(double boost) => new StoryClusterer(Options with { TitleBoost = boost })
            .Compare(Docs.Of(StoryClustererTests.FloodA, "a", published: Day0, title: Title), Docs.Of(StoryClustererTests.Trade, "t", published: Day0, title: Title));

        Assert.True(Score(1) < Score(Options.TitleBoost) - 0.01);
        Assert.True(Score(Options.TitleBoost) < Score(Options.TitleBoost * 3) - 0.01);
    }
}
