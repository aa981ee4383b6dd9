using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

public sealed class StoryClustererTests
{
    internal static readonly DateTimeOffset Day0 = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    internal const string FloodA =
        "Heavy rain caused the Varnel river to burst its banks in the town of Ostrava Vale on Monday, " +
        "flooding 300 homes and forcing the evacuation of a hospital. Mayor Elsa Kovarik said emergency crews " +
        "worked through the night. The regional weather office recorded 142 millimetres of rain in 24 hours.";

    internal const string FloodB =
        "Rescue teams in Ostrava Vale pulled residents from flooded homes after the Varnel river overflowed on Monday. " +
        "Mayor Elsa Kovarik said 300 homes were under water and the hospital had been evacuated. " +
        "Forecasters measured 142 millimetres of rain in a single day.";

    internal const string Trade =
        "The central bank of Tarvonia raised its benchmark interest rate by 50 basis points to 6.25 percent on Thursday, " +
        "citing stubborn inflation. Governor Milan Hrebec said further increases could not be ruled out. " +
        "The currency strengthened after the announcement.";

    // A second flood, written alike but elsewhere: another river, town, mayor and other figures.
    internal const string OtherFloodA =
        "Heavy rain caused the Dellow river to burst its banks in the town of Marrick Ford on Monday, " +
        "flooding 85 homes and forcing the evacuation of a school. Mayor Tomas Brenner said emergency crews " +
        "worked through the night. The regional weather office recorded 97 millimetres of rain in 24 hours.";

    internal const string OtherFloodB =
        "Rescue teams in Marrick Ford pulled residents from flooded homes after the Dellow river overflowed on Monday. " +
        "Mayor Tomas Brenner said 85 homes were under water and the school had been evacuated. " +
        "Forecasters measured 97 millimetres of rain in a single day.";

    internal const string OtherFloodC =
        "Marrick Ford counts the damage: the Dellow river left 85 homes flooded and the school closed, " +
        "Mayor Tomas Brenner told reporters, after 97 millimetres of rain fell on the town.";

    internal const string FloodC =
        "Ostrava Vale counts the damage: the Varnel river left 300 homes flooded and the hospital evacuated, " +
        "Mayor Elsa Kovarik told reporters, after 142 millimetres of rain fell on the town.";

    private static ClusteringOptions NoSyndication => ClusteringOptions.Default with { UseSyndication = false };

    [Fact]
    public void Two_reports_of_one_event_share_a_story_and_an_unrelated_one_does_not()
    {
        var clusterer = new StoryClusterer(NoSyndication);
        var a = clusterer.Assign(Docs.Of(FloodA, "a", published: Day0));
        var t = clusterer.Assign(Docs.Of(Trade, "t", published: Day0));
        var b = clusterer.Assign(Docs.Of(FloodB, "b", published: Day0.AddHours(3)));
        Assert.Equal(a, b);
        Assert.NotEqual(a, t);
        var story = Assert.Single(clusterer.Stories, s => s.Id == a);
        Assert.Equal(["a", "b"], story.ArticleIds);
        Assert.Equal(Day0, story.FirstSeen);
        Assert.Equal(Day0.AddHours(3), story.LastSeen);
    }

    [Fact]
    public void Reingesting_the_same_document_is_a_no_op()
    {
        var clusterer = new StoryClusterer();
        var first = clusterer.Assign(Docs.Of(FloodA, "a", published: Day0));
        var before = clusterer.Stories.Single();
        var again = clusterer.Assign(Docs.Of(FloodA, "a", published: Day0));
        Assert.Equal(first, again);
        var after = clusterer.Stories.Single();
        Assert.Equal(before.ArticleIds, after.ArticleIds);
    }

    [Fact]
    public void Time_distance_keeps_old_look_alikes_apart()
    {
        var close = new StoryClusterer(NoSyndication);
        Assert.Equal(close.Assign(Docs.Of(FloodA, "a", published: Day0)), close.Assign(Docs.Of(FloodB, "b", published: Day0.AddDays(1))));

        var far = new StoryClusterer(NoSyndication);
        Assert.NotEqual(far.Assign(Docs.Of(FloodA, "a", published: Day0)), far.Assign(Docs.Of(FloodB, "b", published: Day0.AddDays(400))));
    }

    [Fact]
    public void Story_ids_are_stable_and_derived_from_the_first_article()
    {
        var one = new StoryClusterer().Assign(Docs.Of(FloodA, "a", published: Day0));
        var two = new StoryClusterer().Assign(Docs.Of(FloodA, "a", published: Day0));
        var other = new StoryClusterer().Assign(Docs.Of(FloodA, "z", published: Day0));
        Assert.Equal(one, two);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Stories_merge_when_a_bridging_article_arrives_and_the_absorbed_id_redirects()
    {
        // Strict assignment, looser merging: the two halves open separate stories; a later article
        // telling both halves joins one, and the combined evidence then merges the two.
        var options = NoSyndication with { AssignThreshold = 0.75, MergeThreshold = 0.25 };
        var clusterer = new StoryClusterer(options);
        var first = clusterer.Assign(Docs.Of(FloodA, "a", published: Day0));
        var second = clusterer.Assign(Docs.Of(FloodB, "b", published: Day0));
        Assert.NotEqual(first, second);
        var bridge = clusterer.Assign(Docs.Of(FloodA + "\n\n" + FloodB, "c", published: Day0));

        Assert.Equal(first, bridge);
        Assert.Equal(first, clusterer.Redirects[second]);
        Assert.Equal(first, clusterer.StoryOf("b"));
        var story = Assert.Single(clusterer.Stories);
        Assert.Equal(["a", "b", "c"], story.ArticleIds);
        Assert.Equal(first, clusterer.Assign(Docs.Of(FloodB, "b", published: Day0)));
    }

    [Fact]
    public void Settling_runs_the_deferred_recheck_that_lets_two_single_articles_meet()
    {
        // Joining a one-article story needs a margin more similarity, so the second report opens its own
        // story; the re-check that would bring the two together waits for more arrivals than this input
        // has. Declaring the input complete runs it.
        var options = NoSyndication with { SingleArticleMargin = 0.6 };
        var clusterer = new StoryClusterer(options);
        var first = clusterer.Assign(Docs.Of(FloodA, "a", published: Day0));
        var second = clusterer.Assign(Docs.Of(FloodB, "b", published: Day0));
        clusterer.Assign(Docs.Of(Trade, "t", published: Day0));
        Assert.NotEqual(first, second);

        clusterer.Settle();

        Assert.Equal(clusterer.StoryOf("a"), clusterer.StoryOf("b"));
        Assert.NotEqual(clusterer.StoryOf("a"), clusterer.StoryOf("t"));
        Assert.Equal(2, clusterer.Stories.Count);
        clusterer.Settle();
        Assert.Equal(2, clusterer.Stories.Count);
    }

    [Fact]
    public void Settling_splits_two_look_alike_events_that_grew_into_one_story()
    {
        // All six flood reports share one story (TwoFloodsAlternating): settling must pull the two floods apart by who, where and how many.
        var clusterer = TwoFloodsAlternating(NoSyndication);
        var blended = Assert.Single(clusterer.Stories);

        clusterer.Settle();

        Assert.Equal(2, clusterer.Stories.Count);
        Assert.Equal(blended.Id, clusterer.StoryOf("a"));
        Assert.Equal(["a", "b", "c"], clusterer.Stories.Single(s => s.Id == blended.Id).ArticleIds);
        var other = clusterer.Stories.Single(s => s.Id != blended.Id);
        Assert.Equal(["x", "y", "z"], other.ArticleIds);
        Assert.Equal(other.Id, clusterer.StoryOf("x"));
        clusterer.Settle();
        Assert.Equal(2, clusterer.Stories.Count);
    }

    /// <summary>
    /// The three reports of each flood, alternating (a, x, b, y, c, z), assigned with every threshold this low that all six
    /// share one story, as one thin early article can make them in a real stream; not settled.
    /// </summary>
    internal static StoryClusterer TwoFloodsAlternating(ClusteringOptions options)
    {
        var clusterer = new StoryClusterer(options with { AssignThreshold = 0.01, MergeThreshold = 0.01 });
        string[] order = ["a", "x", "b", "y", "c", "z"];
        var texts = new Dictionary<string, string> { ["a"] = FloodA, ["b"] = FloodB, ["c"] = FloodC, ["x"] = OtherFloodA, ["y"] = OtherFloodB, ["z"] = OtherFloodC };
        foreach (var id in order) clusterer.Assign(Docs.Of(texts[id], id, published: Day0));
        return clusterer;
    }

    /// <summary>
    /// A split decided at a settle is looked at again once its part has waited out a re-check delay
    /// (ClusteringOptions.RevisitWhenRecheckDue): with every threshold this low, the re-check merges the part back, for the next
    /// settle to divide the story afresh on the statistics of then. Without the revisit the part is never compared again.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_story_split_off_at_a_settle_is_compared_again_when_its_first_recheck_comes_due(bool revisit)
    {
        var clusterer = TwoFloodsAlternating(NoSyndication with { RecheckDelays = [2, 64, 512], RevisitWhenRecheckDue = revisit });
        clusterer.Settle();
        Assert.NotEqual(clusterer.StoryOf("a"), clusterer.StoryOf("x"));

        // Two arrivals on nothing the floods share: the part's first re-check (two arrivals) comes due.
        clusterer.Assign(Docs.Of("Quarterly semiconductor exports from Norvania rose sharply, trade ministry figures showed.", "t1", published: Day0));
        clusterer.Assign(Docs.Of("Chipmakers in Norvania expect orders for wafers to keep growing through autumn.", "t2", published: Day0));

        Assert.Equal(revisit, clusterer.StoryOf("a") == clusterer.StoryOf("x"));
        clusterer.Settle();
        Assert.NotEqual(clusterer.StoryOf("a"), clusterer.StoryOf("x"));
        Assert.Equal(["x", "y", "z"], clusterer.Stories.Single(s => s.ArticleIds.Contains("x")).ArticleIds);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_less_clear_partition_splits_only_when_each_side_has_its_own_participants(bool twoEvents)
    {
        // The partition's cut alone may not split (SplitMaxCut 0) and any cut passes the participant test,
        // so only who and where decide: two floods with their own mayor and town split, six reports naming
        // the same mayor and town stay one story.
        var options = NoSyndication with { AssignThreshold = 0.01, MergeThreshold = 0.01, SplitMaxCut = 0, SplitMaxCutDistinctParticipants = 1.01 };
        var clusterer = new StoryClusterer(options);
        string[] texts = twoEvents
            ? [FloodA, OtherFloodA, FloodB, OtherFloodB, FloodC, OtherFloodC]
            : [FloodA, FloodB, FloodC, FloodB + " Schools stay closed.", "Mayor Elsa Kovarik thanked volunteers. " + FloodA, FloodC + " Power is back in most streets."];
        for (var i = 0; i < texts.Length; i++) clusterer.Assign(Docs.Of(texts[i], "r" + i, published: Day0));

        clusterer.Settle();

        Assert.Equal(twoEvents ? 2 : 1, clusterer.Stories.Count);
        if (twoEvents) Assert.Equal(["r0", "r2", "r4"], clusterer.Stories.Single(s => s.ArticleIds.Contains("r0")).ArticleIds);
    }

    [Fact]
    public void Settling_keeps_one_event_told_in_rewritten_reports_together()
    {
        var options = NoSyndication with { AssignThreshold = 0.01, MergeThreshold = 0.01 };
        var clusterer = new StoryClusterer(options);
        string[] texts = [FloodA, FloodB, FloodC, FloodB + " Schools stay closed.", "Mayor Elsa Kovarik thanked volunteers. " + FloodA, FloodC + " Power is back in most streets."];
        for (var i = 0; i < texts.Length; i++) clusterer.Assign(Docs.Of(texts[i], "r" + i, published: Day0));

        clusterer.Settle();

        Assert.Equal(6, Assert.Single(clusterer.Stories).ArticleIds.Count);
    }

    [Theory]
    [InlineData("Elsa Kovarik", true)]
    [InlineData("Anna Lindqvist", false)]
    public void Settling_lets_a_lone_short_report_join_on_a_shared_full_name(string name, bool joins)
    {
        // The short report is too thin to reach the assign threshold. With the name floor near zero only the
        // shared two-word name decides, at the end of input, whether it joins the flood story (at once: the wait is tested below).
        var clusterer = new StoryClusterer(NameJoinAtOnce);
        var flood = clusterer.Assign(Docs.Of(FloodA, "a", published: Day0));
        clusterer.Assign(Docs.Of(FloodB, "b", published: Day0));
        clusterer.Assign(Docs.Of(Trade, "t", published: Day0));
        Assert.NotEqual(flood, clusterer.Assign(Docs.Of("On Tuesday, " + name + " opened a school fair and a bakery in the old market square.", "n", published: Day0)));

        clusterer.Settle();

        Assert.Equal(joins, clusterer.StoryOf("n") == flood);
        Assert.NotEqual(flood, clusterer.StoryOf("t"));
    }

    [Theory]
    [InlineData(EntityType.Person, 1f, true)]
    [InlineData(EntityType.Loc, 1f, true)]
    [InlineData(EntityType.Org, 1f, false)]
    [InlineData(EntityType.Misc, 1f, true)]
    [InlineData(EntityType.Misc, 0.3f, true)]
    public void Settling_joins_on_a_shared_two_word_name_unless_taggers_took_it_for_an_organisation(EntityType type, float confidence, bool joins)
    {
        // As above, with entity layers: the mayor's name is of the given kind in every report. A name mostly tagged as an organisation
        // is what a title-case topic phrase ("Social Media Marketing") gets; a fallback mention (low confidence) says no kind.
        var clusterer = new StoryClusterer(NameJoinAtOnce);
        var flood = clusterer.Assign(Flood(FloodA, "a", type, confidence));
        clusterer.Assign(Flood(FloodB, "b", type, confidence));
        clusterer.Assign(Docs.Of(Trade, "t", published: Day0).Naming("Milan Hrebec", EntityType.Person).Naming("Tarvonia", EntityType.Loc));
        Assert.NotEqual(flood, clusterer.Assign(LoneReport(type, confidence)));

        clusterer.Settle();

        Assert.Equal(joins, clusterer.StoryOf("n") == flood);
    }

    [Fact]
    public void Settling_can_ignore_the_kind_of_a_shared_name()
    {
        var clusterer = new StoryClusterer(NameJoinAtOnce with { SettleNameTypes = NameTypes.Person | NameTypes.Org | NameTypes.Loc | NameTypes.Misc });
        var flood = clusterer.Assign(Flood(FloodA, "a", EntityType.Org, 1f));
        clusterer.Assign(Flood(FloodB, "b", EntityType.Org, 1f));
        Assert.NotEqual(flood, clusterer.Assign(LoneReport(EntityType.Org, 1f)));

        clusterer.Settle();

        Assert.Equal(flood, clusterer.StoryOf("n"));
    }

    /// <summary>The name floor near zero, so only a shared two-word name decides a lone article's join, and no wait for it.</summary>
    private static ClusteringOptions NameJoinAtOnce => NoSyndication with { SettleNameThreshold = 0.01, NameJoinWaitsForFirstRecheck = false };

    [Fact]
    public void A_lone_report_joins_a_young_story_on_a_shared_name_only_at_a_settle_after_its_first_re_check_delay()
    {
        // In a stream the settle comes right after the lone report arrives, while the flood story is young too (its first report
        // came fewer than four arrivals before): the name join waits until the report has waited out the first re-check delay,
        // and the settle of that batch makes it although nothing near the report changed in it.
        var clusterer = new StoryClusterer(NoSyndication with { SettleNameThreshold = 0.01, RecheckDelays = [4, 64, 512] });
        var flood = clusterer.Assign(Flood(FloodA, "a", EntityType.Person, 1f));
        clusterer.Assign(Flood(FloodB, "b", EntityType.Person, 1f));
        clusterer.Assign(Docs.Of(Trade, "t", published: Day0));
        Assert.NotEqual(flood, clusterer.Assign(LoneReport(EntityType.Person, 1f)));

        clusterer.Settle();
        Assert.NotEqual(flood, clusterer.StoryOf("n"));

        foreach (var day in new[] { "Friday", "Monday", "Tuesday", "Wednesday" })
        {
            clusterer.Assign(Docs.Of(Trade.Replace("Thursday", day, StringComparison.Ordinal), "t-" + day, published: Day0));
        }
        clusterer.Settle();
        Assert.Equal(flood, clusterer.StoryOf("n"));
    }

    [Fact]
    public void A_lone_report_joins_a_story_past_its_first_re_check_delay_on_a_shared_name_at_once()
    {
        var clusterer = new StoryClusterer(NoSyndication with { SettleNameThreshold = 0.01, RecheckDelays = [4, 64, 512] });
        var flood = clusterer.Assign(Flood(FloodA, "a", EntityType.Person, 1f));
        clusterer.Assign(Flood(FloodB, "b", EntityType.Person, 1f));
        foreach (var day in new[] { "Thursday", "Friday", "Monday" })
        {
            clusterer.Assign(Docs.Of(Trade.Replace("Thursday", day, StringComparison.Ordinal), "t-" + day, published: Day0));
        }
        Assert.NotEqual(flood, clusterer.Assign(LoneReport(EntityType.Person, 1f)));

        clusterer.Settle();

        Assert.Equal(flood, clusterer.StoryOf("n"));
    }

    /// <summary>A flood report whose entity layer holds the mayor as a name of the given kind, and its places.</summary>
    private static Document Flood(string text, string id, EntityType mayor, float confidence) =>
        Docs.Of(text, id, published: Day0).Naming("Elsa Kovarik", mayor, confidence).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

    /// <summary>A short report sharing only the mayor's name (of the given kind) with the flood reports.</summary>
    private static Document LoneReport(EntityType mayor, float confidence) =>
        Docs.Of("On Tuesday, Elsa Kovarik opened a school fair in Dunmere Park and a bakery in the Castle Quarter.", "n", published: Day0)
            .Naming("Elsa Kovarik", mayor, confidence).Naming("Dunmere Park", EntityType.Loc).Naming("Castle Quarter", EntityType.Loc);

    [Fact]
    public void Look_alike_reports_stating_other_figures_and_dates_score_lower()
    {
        const string Quake = "A quake of magnitude {0} struck the island of Korvath on {1}, killing {2} people and injuring {3}. " +
            "Officials said {4} homes were damaged and {5} families moved to shelters.";
        var first = Docs.Of(string.Format(Quake, "5.6", "12 March 2024", 14, 230, "1,200", 340), "q1");
        var sameFigures = Docs.Of(string.Format(Quake, "5.6", "12 March 2024", 14, 230, "1,200", 340) + " Aftershocks followed.", "q2");
        var otherFigures = Docs.Of(string.Format(Quake, "6.1", "3 May 2019", 27, 410, "3,500", 980), "q3");

        var penalised = new StoryClusterer(NoSyndication);
        var neutral = new StoryClusterer(NoSyndication with { SpecificsConflictFactor = 1 });

        Assert.Equal(penalised.Compare(first, sameFigures), neutral.Compare(first, sameFigures), 9);
        var conflicting = penalised.Compare(first, otherFigures);
        Assert.True(conflicting > 0, "the wording is shared");
        Assert.Equal(ClusteringOptions.Default.SpecificsConflictFactor * neutral.Compare(first, otherFigures), conflicting, 9);
    }

    [Fact]
    public void Pages_sharing_a_topic_but_naming_other_makers_score_lower_when_placed()
    {
        const string Guide = "Buyers comparing espresso machines for the kitchen should weigh {0}, {1} and {2} models first. " +
            "The starter model of {0} and the compact one of {1} suit beginners who want steady pressure, while {2} rewards practice.";
        var first = Docs.Of(string.Format(Guide, "Breville", "Gaggia", "Rancilio"), "g1");
        var sameMakers = Docs.Of(string.Format(Guide, "Breville", "Gaggia", "Rancilio") + " Grinders matter as much.", "g2");
        var otherMakers = Docs.Of(string.Format(Guide, "Delonghi", "Lelit", "Sage"), "g3");

        // The texts are short, so the number of entity features a side needs is lowered to what they carry.
        var penalised = new StoryClusterer(NoSyndication with { NamesDisagreeMinimum = 3 });
        var neutral = new StoryClusterer(NoSyndication with { NamesDisagreeMinimum = 3, NamesDisagreeFactor = 1 });

        Assert.Equal(neutral.Compare(first, sameMakers), penalised.Compare(first, sameMakers), 9);
        var topicOnly = penalised.Compare(first, otherMakers);
        Assert.True(topicOnly > 0, "the topic words are shared");
        Assert.Equal(ClusteringOptions.Default.NamesDisagreeFactor * neutral.Compare(first, otherMakers), topicOnly, 9);
    }

    [Fact]
    public void Entity_mentions_layer_is_used_when_present()
    {
        var doc = Docs.Of(FloodA, "a", published: Day0);
        doc.Mentions = [new Mention(doc.Find("Ostrava Vale"), EntityType.Loc), new Mention(doc.Find("Elsa Kovarik"), EntityType.Person)];
        var features = DocumentFeatures.Extract(doc, ClusteringOptions.Default);
        Assert.Equal(["elsa", "elsa_kovarik", "kovarik", "ostrava", "ostrava_vale", "vale"], features.Entities.Keys.Order(StringComparer.Ordinal));
        Assert.True(features.Entities["ostrava"] > features.Entities["elsa"], "places weigh more");

        var bare = DocumentFeatures.Extract(Docs.Of(FloodA, "a"), ClusteringOptions.Default);
        Assert.Contains("kovarik", bare.Entities.Keys);
        Assert.Contains("elsa_kovarik", bare.Entities.Keys);
        Assert.Contains("varnel", bare.Entities.Keys);
        Assert.DoesNotContain("heavy", bare.Entities.Keys);
        Assert.Contains("n142", bare.Specifics.Keys);
    }

    [Fact]
    public void Odd_input_never_throws()
    {
        var clusterer = new StoryClusterer();
        clusterer.Assign(Docs.Of("", "empty"));
        clusterer.Assign(Docs.Of(new string('?', 50_000), "marks"));
        clusterer.Assign(Docs.Of("\uD800 \uDC00 1,2,3,4 .... 99999999999999999999999", "odd"));
        var doc = Docs.Of("short text", "bad-spans");
        doc.Mentions = [new Mention(new TextSpan(5, 500), EntityType.Person)];
        clusterer.Assign(doc);
        Assert.Equal(4, clusterer.Stories.Sum(s => s.ArticleIds.Count));
    }

    [Fact]
    public void Documents_prepared_ahead_in_any_order_are_placed_as_if_assigned_directly()
    {
        // Two events, an unrelated report and a syndicated copy (the fingerprint is prepared ahead too).
        var documents = new[] { FloodA, Trade, OtherFloodA, FloodB, OtherFloodB, FloodA + " ", FloodC, OtherFloodC }
            .Select((text, i) => Docs.Of(text, "d" + i, published: Day0.AddHours(i)))
            .ToList();
        AssertPreparedAheadPlacesAlike(documents);
    }

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Ecb_documents_prepared_in_parallel_are_placed_as_if_assigned_directly()
    {
        var path = Path.Combine(Docs.SharedDirectory()!, "data", "clustering-ecbplus-dev", "documents.jsonl");
        AssertPreparedAheadPlacesAlike([.. ClusteringEvaluator.Read(path).Take(300).Select(l => ClusteringEvaluator.BareDocument(l.Input))]);
    }

    /// <summary>
    /// One clusterer assigns the documents one by one; another gets them prepared ahead, all at once, in parallel and in
    /// reverse order, before any is assigned: the stories, their articles and the redirects must be the same.
    /// </summary>
    private static void AssertPreparedAheadPlacesAlike(List<Document> documents)
    {
        var direct = new StoryClusterer();
        var directIds = documents.Select(direct.Assign).ToList();
        direct.Settle();

        var ahead = new StoryClusterer();
        var prepared = new PreparedDocument[documents.Count];
        Parallel.For(0, documents.Count, i => prepared[documents.Count - 1 - i] = ahead.Prepare(documents[documents.Count - 1 - i]));
        var aheadIds = prepared.Select(ahead.Assign).ToList();
        ahead.Settle();

        Assert.Equal(directIds, aheadIds);
        Assert.Equal(direct.Stories.Select(s => (s.Id, string.Join(",", s.ArticleIds))), ahead.Stories.Select(s => (s.Id, string.Join(",", s.ArticleIds))));
        Assert.Equal(direct.Redirects.OrderBy(r => r.Key, StringComparer.Ordinal), ahead.Redirects.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(documents.Select(d => direct.StoryOf(d.Id)), documents.Select(d => ahead.StoryOf(d.Id)));
    }

    [Fact]
    public void A_document_prepared_by_another_kind_of_clusterer_is_refused()
    {
        var clusterer = new StoryClusterer();
        Assert.Throws<ArgumentException>(() => clusterer.Assign(new PreparedDocument(Docs.Of(FloodA, "a", published: Day0))));
    }

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Same_input_order_gives_the_same_stories()
    {
        var path = Path.Combine(Docs.SharedDirectory()!, "data", "clustering-ecbplus-dev", "documents.jsonl");
        var lines = ClusteringEvaluator.Read(path).Take(300).ToList();
        var (_, first) = ClusteringEvaluator.Evaluate(lines, ClusteringEvaluator.BareDocument);
        var (_, second) = ClusteringEvaluator.Evaluate(lines, ClusteringEvaluator.BareDocument);
        Assert.Equal(first, second);
    }
}
