using Crosscheck.Stories.Clustering;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary>
/// A feature's postings with the entries of dead stories buried (<see cref="FeatureSpace.Bury"/>): a lookup must scan the
/// same live entries as it would in the postings as written, whatever is posted and trimmed afterwards.
/// </summary>
public sealed class PostingsTests
{
    private const int Limit = 16;

    /// <summary>The live story indexes a lookup scans, newest first.</summary>
    private static List<int> Scanned(List<int> postings, Func<int, bool> dead)
    {
        var scanned = new List<int>();
        for (var i = postings.Count - 1; i >= FeatureSpace.FirstScanned(postings, Limit); i--)
        {
            if (postings[i] >= 0 && !dead(postings[i])) scanned.Add(postings[i]);
        }
        return scanned;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Burying_dead_entries_keeps_what_every_later_lookup_scans(int seed)
    {
        var random = new Random(seed);
        // Stories 0-39; a story once dead stays dead, as a retired one does.
        var dead = new HashSet<int>();
        var buried = new FeatureSpace();
        var plain = new FeatureSpace();
        var sawRun = false;
        for (var step = 0; step < 400; step++)
        {
            var story = random.Next(40);
            if (random.Next(5) == 0) dead.Add(random.Next(40));
            if (dead.Contains(story)) continue;
            buried.Post(1, story, Limit);
            plain.Post(1, story, Limit);
            if (random.Next(6) == 0) buried.Bury(dead.Contains, Limit);
            var kept = buried.Postings(1)!;
            sawRun |= kept.Any(entry => entry < 0);
            Assert.Equal(Scanned(plain.Postings(1)!, dead.Contains), Scanned(kept, dead.Contains));
            Assert.True(kept.Count <= plain.Postings(1)!.Count, "burying never lengthens the postings");
        }
        Assert.True(sawRun, "the stream buried some entries");
    }

    [Fact]
    public void Entries_older_than_the_scanned_places_and_dead_ones_become_runs_that_keep_their_places()
    {
        var space = new FeatureSpace();
        // 20 posts: places 0-19, of which a lookup scans the last 16 (4-19).
        for (var story = 0; story < 20; story++) space.Post(1, story, Limit);
        space.Bury(story => story is 10 or 11 or 15, Limit);
        Assert.Equal([-4, 4, 5, 6, 7, 8, 9, -2, 12, 13, 14, -1, 16, 17, 18, 19], space.Postings(1));
        Assert.Equal(1, FeatureSpace.FirstScanned(space.Postings(1)!, Limit));
        // The next posts trim by places, as the postings as written would: past 2 × 16 places, back to the last 16.
        for (var story = 20; story < 33; story++) space.Post(1, story, Limit);
        Assert.Equal(Enumerable.Range(17, 16), space.Postings(1));
    }
}
