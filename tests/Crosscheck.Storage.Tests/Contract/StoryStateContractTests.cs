using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Tests.Contract;

/// <summary>The story clusterer's stored state (<see cref="IStoryStateStore"/>): what every backend must keep and return.</summary>
public abstract partial class StoreContractTests
{
    private static StoryStateChanges Changes(StoryStateHeader header, params Story[] stories) => new()
    {
        Header = header,
        Stories = stories,
        StoryPositions = stories.Select((_, i) => i).ToList(),
    };

    [ContractFact]
    public void Story_state_round_trips_and_is_seen_by_another_handle()
    {
        Assert.Null(Store.LoadStoryStateHeader());
        var header = new StoryStateHeader(Documents: 12_000_000_000, Arrivals: 7, StoryCount: 3, LiveStories: 2, Rechecks: "0.2.23,2.0.1031 and spaces");
        var state = new byte[] { 1, 0, 255, 128, 7 };
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = header,
            Features = new Dictionary<long, StoredFeature>
            {
                [long.MinValue + 1] = new(3, [0, 2, int.MaxValue], Order: (5L << 20) + 17),
                [42] = new(1, []),
                [-9_000_000_000_000] = new(250, [1]),
            },
            States = [new StoredStoryState(0, state), new StoredStoryState(2, [9])],
            ArticleStories = new Dictionary<string, int> { ["a1"] = 0, ["a2"] = 2, ["empty"] = -1 },
            Stories = [Story("s-two", "Second opened", "a2"), Story("s-one", "First opened", "a1")],
            StoryPositions = [2, 0],
            AssignedFromArticles = 3,
        });

        using var other = OpenAgain();
        Assert.Equal(header, other.LoadStoryStateHeader());
        var features = other.LoadStoryFeatures([42, long.MinValue + 1, -9_000_000_000_000, 43]);
        Assert.Equal(3, features.Count);
        Assert.Equal([0, 2, int.MaxValue], features[long.MinValue + 1].Postings);
        Assert.Equal(3, features[long.MinValue + 1].DocumentFrequency);
        Assert.Equal((5L << 20) + 17, features[long.MinValue + 1].Order);
        Assert.Empty(features[42].Postings);
        Assert.Equal(250, features[-9_000_000_000_000].DocumentFrequency);
        var states = other.LoadStoryStates([0, 1, 2]).OrderBy(s => s.Index).ToList();
        Assert.Equal([0, 2], states.Select(s => s.Index));
        Assert.Equal(state, states[0].State);
        Assert.Equal(0, other.LoadStoryIndexOfArticle("a1"));
        Assert.Equal(-1, other.LoadStoryIndexOfArticle("empty"));
        Assert.Null(other.LoadStoryIndexOfArticle("never"));
        // The story list follows the positions given, not the order of the batch.
        Assert.Equal(["s-one", "s-two"], other.GetStories().Select(s => s.Id));
        Assert.Equal(3, other.StoriesAssignedFrom());
    }

    [ContractFact]
    public void A_features_name_types_round_trip_and_are_replaced_by_a_later_save()
    {
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(2, 2, 1, 1),
            Features = new Dictionary<long, StoredFeature>
            {
                [7] = new(2, [0], NameTypes: [2, 0, 1, int.MaxValue]),
                [8] = new(2, [0]),
            },
        });
        Assert.Equal([2, 0, 1, int.MaxValue], Store.LoadStoryFeatures([7])[7].NameTypes ?? []);
        // A feature no document typed stays without kinds (unknown), not four zero counts.
        Assert.Null(Store.LoadStoryFeatures([8])[8].NameTypes);

        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(3, 3, 1, 1),
            Features = new Dictionary<long, StoredFeature> { [7] = new(3, [0], NameTypes: [3, 0, 1, 0]), [8] = new(3, [0], NameTypes: [0, 0, 0, 1]) },
        });
        using var other = OpenAgain();
        var features = other.LoadStoryFeatures([7, 8]);
        Assert.Equal([3, 0, 1, 0], features[7].NameTypes ?? []);
        Assert.Equal([0, 0, 0, 1], features[8].NameTypes ?? []);
    }

    [ContractFact]
    public void Saving_story_state_changes_only_the_stories_named_and_keeps_redirects_one_hop()
    {
        Store.SaveStoryState(Changes(new(2, 2, 2, 2), Story("s-a", "A", "a1"), Story("s-b", "B", "a2")));
        // s-b merges into s-a; then s-a into a new s-c: whoever asked for s-b lands on s-c.
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(3, 3, 2, 1),
            Stories = [Story("s-a", "A", "a1", "a2")],
            StoryPositions = [0],
            RemovedStories = ["s-b"],
            Redirects = [new RedirectChange("s-b", "s-a")],
        });
        Assert.Equal(["a1", "a2"], Store.GetStory("s-b")!.ArticleIds);
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(4, 4, 3, 1),
            Stories = [Story("s-c", "C", "a3", "a1", "a2")],
            StoryPositions = [2],
            RemovedStories = ["s-a"],
            Redirects = [new RedirectChange("s-a", "s-c")],
        });
        Assert.Equal(["s-c"], Store.GetStories().Select(s => s.Id));
        Assert.Equal("s-c", Store.GetStory("s-b")!.Id);
        Assert.Equal("s-c", Store.GetStory("s-a")!.Id);

        // A story split off under a merged id is a story again, not a redirect.
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(4, 4, 4, 2),
            Stories = [Story("s-c", "C", "a3", "a1"), Story("s-b", "B again", "a2")],
            StoryPositions = [2, 3],
            Redirects = [new RedirectChange("s-b", null)],
        });
        Assert.Equal(["s-c", "s-b"], Store.GetStories().Select(s => s.Id));
        Assert.Equal("B again", Store.GetStory("s-b")!.Title);
        Assert.Equal(new StoryStateHeader(4, 4, 4, 2), Store.LoadStoryStateHeader());
    }

    [ContractFact]
    public void A_candidate_window_leaves_out_retired_and_idle_stories_and_keeps_merged_ones()
    {
        var day = TimeSpan.FromDays(1).Ticks;
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(6, 6, 6, 5),
            States =
            [
                new StoredStoryState(0, [0], new StoryActivity(Retired: false, LastArrival: 100, LastPublishedTicks: 40 * day)),
                new StoredStoryState(1, [1], new StoryActivity(Retired: true, LastArrival: 100, LastPublishedTicks: 40 * day)),
                new StoredStoryState(2, [2], new StoryActivity(Retired: false, LastArrival: 9, LastPublishedTicks: 40 * day)),
                new StoredStoryState(3, [3], new StoryActivity(Retired: false, LastArrival: 100, LastPublishedTicks: 2 * day)),
                new StoredStoryState(4, [4], new StoryActivity(Retired: false, LastArrival: 10, LastPublishedTicks: null)),
                new StoredStoryState(5, [5], Activity: null),
            ],
        });

        int[] all = [0, 1, 2, 3, 4, 5];
        Assert.Equal([0, 4, 5], Store.LoadStoryStates(all, new StoryCandidateWindow(MinLastArrival: 10, MinLastPublishedTicks: 10 * day)).Select(s => s.Index).Order());
        // An undated article keeps dated stories of any age; without a window every story is read.
        Assert.Equal([0, 3, 4, 5], Store.LoadStoryStates(all, new StoryCandidateWindow(10, null)).Select(s => s.Index).Order());
        var unfiltered = Store.LoadStoryStates(all).OrderBy(s => s.Index).ToList();
        Assert.Equal(all, unfiltered.Select(s => s.Index));
        Assert.Equal(new StoryActivity(true, 100, 40 * day), unfiltered[1].Activity);
        Assert.Null(unfiltered[4].Activity!.Value.LastPublishedTicks);
        Assert.Null(unfiltered[5].Activity);
    }

    [ContractFact]
    public void Retired_stories_are_told_apart_without_their_states_and_postings_keep_runs_of_dead_entries()
    {
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(4, 4, 4, 2),
            Features = new Dictionary<long, StoredFeature> { [7] = new(4, [-300, 2, -5, 3]) },
            States =
            [
                new StoredStoryState(0, [0], new StoryActivity(Retired: true, LastArrival: 1, LastPublishedTicks: null)),
                new StoredStoryState(1, [1], Activity: null),
                new StoredStoryState(2, [2], new StoryActivity(Retired: false, LastArrival: 3, LastPublishedTicks: null)),
                new StoredStoryState(3, [3], new StoryActivity(Retired: true, LastArrival: 4, LastPublishedTicks: 9)),
            ],
        });

        // Merged (1), live (2) and absent (99) stories are not retired.
        Assert.Equal([0, 3], Store.LoadRetiredStories([0, 1, 2, 3, 99]).Order());
        Assert.Empty(Store.LoadRetiredStories([1, 2]));
        Assert.Equal([-300, 2, -5, 3], Store.LoadStoryFeatures([7])[7].Postings);

        // A story written again as retired is reported; the flag comes from the latest write.
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(4, 5, 4, 1),
            States = [new StoredStoryState(2, [2], new StoryActivity(Retired: true, LastArrival: 3, LastPublishedTicks: null))],
        });
        Assert.Equal([0, 2, 3], Store.LoadRetiredStories([0, 1, 2, 3]).Order());
    }

    [ContractFact]
    public void Reset_replaces_the_stored_state_and_ReplaceStories_or_ClearDerived_drop_it()
    {
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(1, 1, 1, 1),
            Features = new Dictionary<long, StoredFeature> { [5] = new(1, [0]) },
            States = [new StoredStoryState(0, [1])],
            ArticleStories = new Dictionary<string, int> { ["a1"] = 0 },
            Stories = [Story("s-old", "Old", "a1")],
            StoryPositions = [0],
        });
        Store.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), Reset = true, Stories = [Story("s-new", "New", "a9")], StoryPositions = [0] });
        Assert.Empty(Store.LoadStoryFeatures([5]));
        Assert.Empty(Store.LoadStoryStates([0]));
        Assert.Null(Store.LoadStoryIndexOfArticle("a1"));
        Assert.Equal(["s-new"], Store.GetStories().Select(s => s.Id));

        Store.ReplaceStories([Story("s-replay", "Replayed", "a1")], new Dictionary<string, string>());
        Assert.Null(Store.LoadStoryStateHeader());

        Store.SaveStoryState(Changes(new(1, 1, 1, 1), Story("s-x", "X", "a1")));
        Store.ClearDerived();
        Assert.Null(Store.LoadStoryStateHeader());
        Assert.Empty(Store.GetStories());
    }

    [ContractFact]
    public void Template_page_marks_round_trip_survive_a_move_and_are_unknown_where_none_was_written()
    {
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(3, 3, 2, 2),
            ArticleStories = new Dictionary<string, int> { ["notice"] = 0, ["report"] = 1, ["empty"] = -1, ["unmarked"] = 1 },
            TemplatePages = new Dictionary<string, bool> { ["notice"] = true, ["report"] = false },
        });
        // A later save moves both marked articles (a split, a repartition) and names no mark: the first placement's marks stay.
        Store.SaveStoryState(new StoryStateChanges { Header = new(3, 3, 3, 3), ArticleStories = new Dictionary<string, int> { ["notice"] = 2, ["report"] = 2 } });

        using var other = OpenAgain();
        Assert.Equal(2, other.LoadStoryIndexOfArticle("notice"));
        var marks = other.LoadTemplatePageMarks(["notice", "report", "empty", "unmarked", "never"]);
        Assert.Equal(new Dictionary<string, bool> { ["notice"] = true, ["report"] = false }, marks);
        Assert.Empty(other.LoadTemplatePageMarks([]));

        Store.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), Reset = true });
        Assert.Empty(Store.LoadTemplatePageMarks(["notice", "report"]));
    }

    /// <summary>
    /// The detectors' windows (schema step 10): a text's postings are found by any of its keys (64-bit hashes, negative ones
    /// too) with its number, its entry by its number, each window apart; the clock is the highest number stored; a save naming
    /// a window's first number drops the texts and postings below it; a reset drops them all.
    /// </summary>
    [ContractFact]
    public void Detector_windows_find_postings_by_key_drop_below_the_first_number_and_go_with_a_reset()
    {
        Assert.Equal(0, Store.LoadWindowClock(TextWindow.Copies));
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(3, 3, 3, 3),
            WindowTexts =
            [
                new(TextWindow.Copies, 1, "a", [long.MinValue, 7, -5], [1, 2]),
                new(TextWindow.Copies, 2, "b", [7, 8], [3, 255, 0]),
                new(TextWindow.Templates, 2, "b", [7, 9], [4]),
                new(TextWindow.Templates, 3, "c", [9], []),
            ],
        });

        using var other = OpenAgain();
        Assert.Equal(2, other.LoadWindowClock(TextWindow.Copies));
        Assert.Equal(3, other.LoadWindowClock(TextWindow.Templates));
        Assert.Equal([(long.MinValue, 1L), (7L, 1L), (7L, 2L)],
            other.LoadWindowPostings(TextWindow.Copies, [7, long.MinValue, 9, 123]).Select(p => (p.Key, p.Number)).Order());
        Assert.Equal([(7L, 2L), (9L, 2L), (9L, 3L)], other.LoadWindowPostings(TextWindow.Templates, [7, 9]).Select(p => (p.Key, p.Number)).Order());
        var texts = other.LoadWindowTexts(TextWindow.Copies, [2, 1, 5]).OrderBy(t => t.Number).ToList();
        Assert.Equal(["a", "b"], texts.Select(t => t.ArticleId));
        Assert.Equal<byte>([3, 255, 0], texts[1].Entry);
        Assert.Equal(TextWindow.Copies, texts[1].Window);
        Assert.Equal<byte>([4], Assert.Single(other.LoadWindowTexts(TextWindow.Templates, [2])).Entry);

        // Dropping below 2 in the copy window: text 1 and its postings go, the template window keeps its own text 2.
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(4, 4, 4, 4),
            WindowTexts = [new(TextWindow.Copies, 3, "d", [-5], [6])],
            WindowsFrom = new Dictionary<TextWindow, long> { [TextWindow.Copies] = 2 },
        });
        Assert.Equal([(-5L, 3L), (7L, 2L)], Store.LoadWindowPostings(TextWindow.Copies, [7, long.MinValue, -5]).Select(p => (p.Key, p.Number)).Order());
        Assert.Equal(["b", "d"], Store.LoadWindowTexts(TextWindow.Copies, [1, 2, 3]).Select(t => t.ArticleId).Order());
        Assert.Equal(2, Store.LoadWindowTexts(TextWindow.Templates, [2, 3]).Count);

        Store.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), Reset = true, WindowTexts = [new(TextWindow.Templates, 1, "e", [9], [5])] });
        Assert.Equal(0, Store.LoadWindowClock(TextWindow.Copies));
        Assert.Empty(Store.LoadWindowPostings(TextWindow.Copies, [7, -5]));
        Assert.Equal([(9L, 1L)], Store.LoadWindowPostings(TextWindow.Templates, [7, 9]).Select(p => (p.Key, p.Number)));
        Assert.Equal(["e"], Store.LoadWindowTexts(TextWindow.Templates, [1, 2, 3]).Select(t => t.ArticleId));
    }

    /// <summary>
    /// A save of more rows than a backend may write in one statement (a first placement writes tens of thousands of features):
    /// every feature, state and placement is kept as given, and a story's articles in their order. The counts are not multiples
    /// of any likely run of rows, so a last, shorter run is written too.
    /// </summary>
    [ContractFact]
    public void A_story_state_save_of_many_rows_keeps_every_row_in_order()
    {
        var raws = Enumerable.Range(0, 131).Select(i => Raw($"input number {i}")).ToList();
        foreach (var raw in raws)
        {
            Store.AddRaw(raw);
            Store.SaveDocument(Plain(raw.Id, $"Title {raw.Id}", $"Body {raw.Id}."));
        }
        var features = Enumerable.Range(0, 203).ToDictionary(i => 1_000_003L * i - 77, i => new StoredFeature(i + 1, [i, i + 5], Order: 3L * i, NameTypes: i % 3 == 0 ? [i, 0, 1, 0] : null));
        var states = Enumerable.Range(0, 70).Select(i => new StoredStoryState(i, [(byte)i, 7], i % 2 == 0 ? new StoryActivity(i % 4 == 0, i, i % 3 == 0 ? null : 10L * i) : null)).ToList();
        // All but the last article placed, in an order other than the articles' own.
        var placed = raws.Take(130).Select((raw, i) => (raw.Id, Story: (i * 7) % 70)).Reverse().ToDictionary(p => p.Id, p => p.Story);
        var members = raws.Take(130).Select(raw => raw.Id).Reverse().ToArray();
        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new StoryStateHeader(Documents: 130, Arrivals: 130, StoryCount: 70, LiveStories: 1),
            Reset = true,
            Features = features,
            States = states,
            ArticleStories = placed,
            Stories = [Story("s-large", "Many articles", members)],
            StoryPositions = [0],
        });

        using var other = OpenAgain();
        var read = other.LoadStoryFeatures([.. features.Keys]);
        Assert.Equal(features.Count, read.Count);
        foreach (var (key, feature) in features)
        {
            Assert.Equal((feature.DocumentFrequency, feature.Order), (read[key].DocumentFrequency, read[key].Order));
            Assert.Equal(feature.Postings, read[key].Postings);
            Assert.Equal(feature.NameTypes, read[key].NameTypes);
        }
        var readStates = other.LoadStoryStates([.. states.Select(s => s.Index)]).OrderBy(s => s.Index).ToList();
        Assert.Equal(states.Select(s => (s.Index, s.State.ToList())), readStates.Select(s => (s.Index, s.State.ToList())));
        foreach (var (id, story) in placed) Assert.Equal(story, other.LoadStoryIndexOfArticle(id));
        Assert.Equal([raws[130].Id], other.ArticlesWithoutStoryState());
        Assert.Equal(members, other.GetStory("s-large")!.ArticleIds);
    }

    [ContractFact]
    public void ArticlesWithoutStoryState_lists_articles_not_yet_placed_in_arrival_order()
    {
        var raws = new[] { Raw("first input"), Raw("second input"), Raw("third input") };
        foreach (var raw in raws) Store.AddRaw(raw);
        Store.SaveDocument(Plain(raws[2].Id, "Third", "Body three."));
        Store.SaveDocument(Plain(raws[0].Id, "First", "Body one."));
        Store.SaveDocument(Plain(raws[1].Id, "Second", "Body two."));
        Assert.Equal(raws.Select(r => r.Id), Store.ArticlesWithoutStoryState());

        Store.SaveStoryState(new StoryStateChanges
        {
            Header = new(1, 1, 1, 1),
            ArticleStories = new Dictionary<string, int> { [raws[1].Id] = 0 },
        });
        Assert.Equal([raws[0].Id, raws[2].Id], Store.ArticlesWithoutStoryState());
    }

    [ContractFact]
    public void ArticlesWithoutStoryState_follows_placements_resaves_clearing_and_rebuilds()
    {
        var raws = new[] { Raw("placed input"), Raw("waiting input"), Raw("late input") };
        foreach (var raw in raws) Store.AddRaw(raw);
        Store.SaveDocument(Plain(raws[0].Id, "Placed", "Body placed."));
        Store.SaveDocument(Plain(raws[1].Id, "Waiting", "Body waiting."));
        Store.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), ArticleStories = new Dictionary<string, int> { [raws[0].Id] = 0 } });
        // A placed article saved again (a changed boilerplate decision re-saves it) does not wait for a placement again.
        Store.SaveDocument(Plain(raws[0].Id, "Placed", "Body placed, boilerplate removed."));
        Store.SaveDocument(Plain(raws[2].Id, "Late", "Body late."));
        using (var other = OpenAgain()) Assert.Equal([raws[1].Id, raws[2].Id], other.ArticlesWithoutStoryState());

        // A placement written in a transaction that fails places nothing.
        Assert.Throws<InvalidOperationException>(() => Store.RunExclusive(() =>
        {
            Store.SaveStoryState(new StoryStateChanges { Header = new(2, 2, 1, 1), ArticleStories = new Dictionary<string, int> { [raws[1].Id] = 0 } });
            throw new InvalidOperationException("placement failed after saving");
        }));
        Assert.Equal([raws[1].Id, raws[2].Id], Store.ArticlesWithoutStoryState());

        // A rebuild replaces the whole state: what it does not place waits, whatever was placed before.
        Store.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), Reset = true, ArticleStories = new Dictionary<string, int> { [raws[2].Id] = 0 } });
        Assert.Equal([raws[0].Id, raws[1].Id], Store.ArticlesWithoutStoryState());

        // Stories replaced without a story state (the replay of a store that keeps none) leave every article to place.
        Store.ReplaceStories([Story("s-replay", "Replayed", raws[0].Id)], new Dictionary<string, string>());
        Assert.Equal(raws.Select(r => r.Id), Store.ArticlesWithoutStoryState());

        // Derived data cleared (a reprocess): no articles, none waiting; articles saved again wait again.
        Store.ClearDerived();
        Assert.Empty(Store.ArticlesWithoutStoryState());
        Store.SaveDocument(Plain(raws[2].Id, "Late", "Body late."));
        Assert.Equal([raws[2].Id], Store.ArticlesWithoutStoryState());
    }

    [ContractFact]
    public void Story_state_written_in_a_failed_transaction_is_not_kept()
    {
        Store.SaveStoryState(Changes(new(1, 1, 1, 1), Story("s-kept", "Kept", "a1")));
        Assert.Throws<InvalidOperationException>(() => Store.RunExclusive(() =>
        {
            Store.SaveStoryState(Changes(new(2, 2, 2, 2), Story("s-lost", "Lost", "a2")));
            throw new InvalidOperationException("placement failed after saving");
        }));
        Assert.Equal(new StoryStateHeader(1, 1, 1, 1), Store.LoadStoryStateHeader());
        Assert.Equal(["s-kept"], Store.GetStories().Select(s => s.Id));
    }
}
