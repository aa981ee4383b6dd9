using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

// The knobs of what a story is compared by and when it splits (tidy10): the candidates scored (MaxCandidates), the features a
// story's profile keeps (CentroidTerms, CentroidEntities, CentroidSpecifics), the member link (MemberLinkWeight), the settle's
// repartition (RepartitionNeighbours) and split (SplitMaxSize, SplitMinPart, SplitSalientNames, SplitParticipantShare). Each test
// fails when its option is read as its default. The class's summary is in ClusteringKnobTests.cs.
public sealed partial class ClusteringKnobTests
{
    /// <summary>Three reports of the Marrick Ford flood in words of their own (not the Ostrava Vale reports' wording).</summary>
    private const string OwnWordsY =
        "Marrick Ford began clearing mud on Tuesday. Tomas Brenner, the mayor, said 85 families could not go home yet and asked the army for pumps after 97 millimetres fell on the Dellow valley.";

    private const string OwnWordsZ = "Army pumps arrived in Marrick Ford, where the Dellow had swamped 85 houses. Tomas Brenner said the clean-up would take weeks.";

    private const string OwnWordsW = "Insurers sent assessors to Marrick Ford; Mayor Tomas Brenner counted 85 damaged houses along the Dellow after 97 millimetres of rain.";

    /// <summary>The names of both floods and of a relief agency, marked wherever the text has them.</summary>
    private static readonly (string Name, EntityType Type)[] FloodNames =
    [
        ("Elsa Kovarik", EntityType.Person), ("Ostrava Vale", EntityType.Loc), ("Varnel", EntityType.Loc),
        ("Tomas Brenner", EntityType.Person), ("Marrick Ford", EntityType.Loc), ("Dellow", EntityType.Loc), ("Amber Relief", EntityType.Org),
    ];

    private static Document WithNames(string text, string id, DateTimeOffset? published = null)
    {
        var document = Docs.Of(text, id, published: published ?? Day0);
        foreach (var (name, type) in FloodNames.Where(n => text.Contains(n.Name, StringComparison.Ordinal))) document.Naming(name, type);
        return document;
    }

    [Theory]
    [InlineData(1, false)] // only the stale twin is scored: decayed under the threshold, the report opens a story of its own
    [InlineData(2, true)]
    public void Only_the_stories_first_by_index_overlap_are_scored(int maxCandidates, bool joinsToday)
    {
        var clusterer = new StoryClusterer(Options with { MaxCandidates = maxCandidates });
        // The same report twenty days earlier shares every feature looked up, so it comes first, but time decays its score under
        // the threshold; a rewrite of today shares fewer features and scores well above it.
        var stale = clusterer.Assign(Named(StoryClustererTests.FloodA, "old", Day0.AddDays(-20)));
        var today = clusterer.Assign(Named(StoryClustererTests.FloodC, "c"));
        Assert.NotEqual(stale, today);

        Assert.Equal(joinsToday, clusterer.Assign(Named(StoryClustererTests.FloodA, "a")) == today);
    }

    [Fact]
    public void At_max_candidates_zero_no_story_is_scored_and_only_a_copy_joins()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default with { MaxCandidates = 0 });

        var first = clusterer.Assign(Named(StoryClustererTests.FloodA, "a"));

        Assert.NotEqual(first, clusterer.Assign(Named(StoryClustererTests.FloodB, "b")));
        // A syndicated copy joins the story of its original without being scored (UseSyndication).
        Assert.Equal(first, clusterer.Assign(Named(StoryClustererTests.FloodA + " ", "copy")));
    }

    [Fact]
    public void A_negative_max_candidates_is_refused_by_name()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new StoryClusterer(Options with { MaxCandidates = -1 }));

        Assert.Contains(nameof(ClusteringOptions.MaxCandidates), refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ClusteringOptions.CentroidTerms))]
    [InlineData(nameof(ClusteringOptions.CentroidEntities))]
    [InlineData(nameof(ClusteringOptions.CentroidSpecifics))]
    public void A_story_profile_kept_to_its_heaviest_feature_of_a_channel_scores_the_next_report_lower(string channel)
    {
        var kept = channel switch
        {
            nameof(ClusteringOptions.CentroidTerms) => Options with { CentroidTerms = 1 },
            nameof(ClusteringOptions.CentroidEntities) => Options with { CentroidEntities = 1 },
            _ => Options with { CentroidSpecifics = 1 },
        };

        Assert.True(ThirdReportScore(kept) < ThirdReportScore(Options) - 0.01, $"{ThirdReportScore(kept)} against {ThirdReportScore(Options)}");
    }

    /// <summary>The score the third report of the flood is placed with against the story of the first two (every report joins).</summary>
    private static double ThirdReportScore(ClusteringOptions options)
    {
        var clusterer = new StoryClusterer(options with { AssignThreshold = 0.01 });
        var placements = new List<double>();
        clusterer.JoinObserver = join =>
        {
            if (join.Kind == StoryJoin.Placement) placements.Add(join.Score);
        };
        clusterer.Assign(Flood());
        clusterer.Assign(SameFlood());
        clusterer.Assign(Named(StoryClustererTests.FloodC, "c"));
        return placements[^1];
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1.1, true)]
    public void A_report_meets_a_story_of_its_language_through_its_closest_member_times_the_member_link_weight(double weight, bool joins)
    {
        static Document English(string text, string id)
        {
            var document = Named(text, id);
            document.Article.Language = "en";
            return document;
        }
        // At this join threshold the second report misses both the story's profile and its closest member alone (at 1 it stays
        // apart too), but reaches 1.1 times the member. The reports are short sides (under 30 terms, names shared): the short side's
        // lowered join (on since simil21) is turned off, or it would take the report whatever the member link weighs.
        var clusterer = new StoryClusterer(Options with { AssignThreshold = 0.71, MemberLinkWeight = weight, ShortSideTerms = 0 });
        var story = clusterer.Assign(English(StoryClustererTests.FloodA, "a"));
        Assert.Equal(story, clusterer.Assign(English(StoryClustererTests.FloodA + " Schools stay closed.", "a2")));

        Assert.Equal(joins, clusterer.Assign(English(StoryClustererTests.FloodB, "b")) == story);
    }

    [Theory]
    [InlineData(1.1, true)] // the scene above: the member link takes the report at 0.71
    [InlineData(0, false)] // no member link, a threshold every report meets: the profile's score, under 0.71
    public void A_placement_reports_the_score_it_was_decided_by_and_whether_the_closest_member_gave_it(double weight, bool byMember)
    {
        static Document English(string text, string id)
        {
            var document = Named(text, id);
            document.Article.Language = "en";
            return document;
        }
        var clusterer = new StoryClusterer(Options with { AssignThreshold = weight > 0 ? 0.71 : 0.01, MemberLinkWeight = weight, ShortSideTerms = 0 });
        var joins = new List<StoryJoin>();
        clusterer.JoinObserver = joins.Add;
        var story = clusterer.Assign(English(StoryClustererTests.FloodA, "a"));
        Assert.Equal(story, clusterer.Assign(English(StoryClustererTests.FloodA + " Schools stay closed.", "a2")));
        Assert.Equal(story, clusterer.Assign(English(StoryClustererTests.FloodB, "b")));

        var placement = Assert.Single(joins, j => j.Kind == StoryJoin.Placement && j.Joining.SequenceEqual(["b"]));
        Assert.Equal(byMember, placement.ByClosestMember);
        // Through the member the report met 0.71 (before tidy11 the profile's lower score was reported); through the profile it is under it.
        Assert.Equal(byMember, placement.Score >= 0.71);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, true)]
    public void A_report_placed_before_its_own_story_formed_goes_to_it_only_through_a_neighbour_the_repartition_looks_at(int neighbours, bool moves)
    {
        var clusterer = new StoryClusterer(Options with { AssignThreshold = 0.2, RepartitionNeighbours = neighbours });
        // The first report of the Marrick Ford flood is written like the Ostrava Vale reports: with no story of its own flood yet,
        // it joins theirs; four reports are no split (each side needs three).
        foreach (var (text, id) in new[] { (StoryClustererTests.FloodA, "a"), (StoryClustererTests.FloodB, "b"), (StoryClustererTests.FloodC, "c"), (StoryClustererTests.OtherFloodB, "x") })
        {
            clusterer.Assign(WithNames(text, id));
        }
        clusterer.Settle();
        Assert.Equal(clusterer.StoryOf("a"), clusterer.StoryOf("x"));

        // Six days on, three more reports of it in words of their own: too far in time from the mixed story to join it, they form their own.
        foreach (var (text, id) in new[] { (OwnWordsY, "y"), (OwnWordsZ, "z"), (OwnWordsW, "w") }) clusterer.Assign(WithNames(text, id, Day0.AddDays(6)));
        Assert.NotEqual(clusterer.StoryOf("x"), clusterer.StoryOf("y"));
        Assert.Equal(clusterer.StoryOf("y"), clusterer.StoryOf("w"));

        clusterer.Settle();

        Assert.Equal(moves, clusterer.StoryOf("x") == clusterer.StoryOf("y"));
        Assert.NotEqual(clusterer.StoryOf("a"), clusterer.StoryOf("y"));
    }

    [Theory]
    [InlineData(5, 1)] // six articles: larger than the limit, the story is not examined
    [InlineData(6, 2)]
    public void A_story_larger_than_the_split_limit_is_not_split(int splitMaxSize, int stories)
    {
        var clusterer = StoryClustererTests.TwoFloodsAlternating(Options with { SplitMaxSize = splitMaxSize });

        clusterer.Settle();

        Assert.Equal(stories, clusterer.Stories.Count);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(4, 1)] // each flood has three reports: neither side is large enough
    public void A_split_needs_the_least_part_on_each_side(int splitMinPart, int stories)
    {
        var clusterer = StoryClustererTests.TwoFloodsAlternating(Options with { SplitMinPart = splitMinPart });

        clusterer.Settle();

        Assert.Equal(stories, clusterer.Stories.Count);
    }

    [Theory]
    [InlineData(3, 0.5, 2)]
    [InlineData(1, 0.5, 1)] // the most widespread name of each side is the relief agency both sides name: no participant of its own
    [InlineData(3, 0.75, 1)] // the Marrick Ford names are in two of its three reports: under three quarters
    public void A_less_clear_partition_splits_on_own_participants_among_the_salient_names_carried_by_the_share(int salientNames, double share, int stories)
    {
        // Only the participant test can split (as in StoryClustererTests' less clear partition): every report names the relief agency,
        // the Ostrava Vale reports their mayor and town in all three, the Marrick Ford reports theirs in two of three. Each says the
        // agency in its own sentence: one sentence shared word for word would make the later reports template pages.
        string[] agency =
        [
            " Amber Relief sent blankets.", " Volunteers of Amber Relief brought food to the shelters.", " Amber Relief opened a kitchen for the rescuers.",
            " Amber Relief counted its volunteers at dawn.", " Families thanked Amber Relief for dry clothes.", " Trucks of Amber Relief carried water to the town.",
        ];
        var options = Options with
        {
            AssignThreshold = 0.01,
            MergeThreshold = 0.01,
            SplitMaxCut = 0,
            SplitMaxCutDistinctParticipants = 1.01,
            SplitSalientNames = salientNames,
            SplitParticipantShare = share,
        };
        var clusterer = new StoryClusterer(options);
        string[] texts =
        [
            StoryClustererTests.FloodA, StoryClustererTests.OtherFloodA, StoryClustererTests.FloodB, StoryClustererTests.OtherFloodB, StoryClustererTests.FloodC,
            "The Dellow river left 85 homes flooded and the school closed after 97 millimetres of rain fell on the town, the mayor told reporters.",
        ];
        for (var i = 0; i < texts.Length; i++) clusterer.Assign(WithNames(texts[i] + agency[i], "r" + i));
        Assert.Single(clusterer.Stories);

        clusterer.Settle();

        Assert.Equal(stories, clusterer.Stories.Count);
        if (stories == 2) Assert.Equal(["r0", "r2", "r4"], clusterer.Stories.Single(s => s.ArticleIds.Contains("r0")).ArticleIds);
    }
}
