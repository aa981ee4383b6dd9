using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary>
/// <see cref="ClusteringOptions.WordsOrNamesFloor"/>: two texts that share a year and an amount but no word and no name are
/// no evidence of one event; with the floor they score 0 and stay apart, while two reports of one event score as before.
/// Hand-written texts of invented places.
/// </summary>
public sealed class FiguresAloneTests
{
    private static readonly DateTimeOffset Day0 = StoryClustererTests.Day0;

    private static ClusteringOptions Options => ClusteringOptions.Default with { UseSyndication = false };

    private const string Harbour =
        "Cranes unloaded timber crates beside warehouse nineteen through the 2031 season, and dockers stacked 4750 tonnes of pine on the quay.";

    private const string Murals =
        "Schoolchildren painted murals along the canal promenade while a brass band rehearsed; the 2031 festival drew 4750 visitors.";

    private static (Crosscheck.Core.Model.Document A, Crosscheck.Core.Model.Document B) FiguresOnly() =>
        (Docs.Of(Harbour, "h", published: Day0), Docs.Of(Murals, "m", published: Day0));

    [Fact]
    public void Texts_sharing_only_figures_score_above_zero_without_the_floor_and_zero_with_it()
    {
        var (a, b) = FiguresOnly();
        var channels = new StoryClusterer(Options).CompareChannels(a, b);

        // The scene: nothing shared but the year and the amount.
        Assert.Equal(0, channels.Terms, 9);
        Assert.True(channels.Specifics > 0.5);
        Assert.True(channels.Score > 0.1);
        Assert.Equal(0, new StoryClusterer(Options with { WordsOrNamesFloor = 1e-9 }).Compare(a, b), 9);
        Assert.Equal(0, new StoryClusterer(Options with { WordsOrNamesFloor = 0.02 }).Compare(a, b), 9);
    }

    [Fact]
    public void Two_reports_of_one_event_score_the_same_with_the_floor()
    {
        var a = Docs.Of(StoryClustererTests.FloodA, "a", published: Day0);
        var b = Docs.Of(StoryClustererTests.FloodB, "b", published: Day0);
        var off = new StoryClusterer(Options).Compare(a, b);

        Assert.True(off > 0.1);
        Assert.Equal(off, new StoryClusterer(Options with { WordsOrNamesFloor = 0.02 }).Compare(a, b), 12);
    }

    [Fact]
    public void Texts_sharing_only_figures_join_at_a_low_threshold_only_without_the_floor()
    {
        var (a, b) = FiguresOnly();
        // A threshold under their figures-only score, so the floor is what keeps them apart.
        var low = Options with { AssignThreshold = 0.05, MergeThreshold = 0.05 };
        string[] Place(ClusteringOptions options)
        {
            var clusterer = new StoryClusterer(options);
            return [clusterer.Assign(a), clusterer.Assign(b)];
        }

        var without = Place(low);
        var with = Place(low with { WordsOrNamesFloor = 0.02 });

        Assert.Equal(without[0], without[1]);
        Assert.NotEqual(with[0], with[1]);
    }
}
