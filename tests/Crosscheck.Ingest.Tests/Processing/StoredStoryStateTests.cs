using System.Reflection;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;
using Crosscheck.Storage.Sqlite;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>
/// Stories placed from the story state kept in the store: the same logic as the in-memory clusterer,
/// continued across batches and processes, reading only what the new articles need.
/// </summary>
public sealed class StoredStoryStateTests(ITestOutputHelper output) : IDisposable
{
    private const string EcbDev = "data/clustering-ecbplus-dev/documents.jsonl";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-story-state-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SqliteStore OpenStore(string name) => SqliteStore.Open(Path.Combine(_dir, name));

    private static List<Document> EcbDocuments() =>
        [.. File.ReadLines(Path.Combine(Docs.SharedDirectory()!, EcbDev))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(e => Docs.Of(e.GetProperty("text").GetString()!, e.GetProperty("id").GetString()!))];

    /// <summary>Each article's story as the set of articles sharing it.</summary>
    private static Dictionary<string, string> Partition(IEnumerable<Story> stories) =>
        stories.SelectMany(s => s.ArticleIds.Select(a => (a, Key: string.Join(' ', s.ArticleIds.Order(StringComparer.Ordinal)))))
            .ToDictionary(p => p.a, p => p.Key, StringComparer.Ordinal);

    /// <summary>B-cubed F1 of one assignment against another taken as the reference.</summary>
    private static double BCubedAgreement(Dictionary<string, string> reference, Dictionary<string, string> other)
    {
        double precision = 0, recall = 0;
        var byReference = reference.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToHashSet());
        var byOther = other.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToHashSet());
        foreach (var (article, story) in reference)
        {
            var mine = byOther[other[article]];
            var theirs = byReference[story];
            var shared = mine.Count(theirs.Contains);
            precision += (double)shared / mine.Count;
            recall += (double)shared / theirs.Count;
        }
        precision /= reference.Count;
        recall /= reference.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>A JSONL input of <paramref name="count"/> articles (url, title, text) in the temporary folder.</summary>
    private string WriteJsonl(string name, int count, Func<int, (string Url, string Title, string Text)> article)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(article).Select(a => JsonSerializer.Serialize(new { url = a.Url, title = a.Title, text = a.Text })));
        return path;
    }

    private static void PlaceBatch(StoryClusterer clusterer, IEnumerable<Document> documents, int assignedFrom)
    {
        foreach (var document in documents) clusterer.Assign(document);
        clusterer.Settle();
        clusterer.Save(assignedFrom);
    }

    [SharedDataFact(EcbDev)]
    public void One_stored_batch_gives_exactly_the_stories_of_the_clusterer_in_memory()
    {
        var documents = EcbDocuments();
        var memory = new StoryClusterer(new ClusteringOptions());
        foreach (var document in documents) memory.Assign(document);
        memory.Settle();

        using var store = OpenStore("one.db");
        PlaceBatch(StoryClusterer.Rebuilding(store, new ClusteringOptions()), documents, documents.Count);

        Assert.Equal(memory.Stories.Select(s => (s.Id, string.Join(' ', s.ArticleIds))), store.GetStories().Select(s => (s.Id, string.Join(' ', s.ArticleIds))));
        Assert.All(memory.Redirects, r => Assert.Equal(r.Value, store.GetStory(r.Key)!.Id));
    }

    /// <summary>
    /// Half the articles in one batch, then the rest in small ones: small enough that a story compared but not changed in
    /// one batch (its profile norm refreshed in memory, not written) is compared again in the next before the corpus has
    /// grown enough to refresh it again, where a process reading it back from the store has the older norm.
    /// </summary>
    [SharedDataFact(EcbDev)]
    public void Batches_from_stored_state_agree_with_one_and_reading_the_stored_state_continues_as_the_cache_would()
    {
        var documents = EcbDocuments();
        var half = documents.Count / 2;
        List<Document>[] batches = [[.. documents.Take(half)], .. documents.Skip(half).Chunk(SmallBatch).Select(chunk => chunk.ToList())];
        var memory = new StoryClusterer(new ClusteringOptions());
        foreach (var document in documents) memory.Assign(document);
        memory.Settle();

        void PlaceAll(Func<int, StoryClusterer> clustererFor)
        {
            var placed = 0;
            for (var b = 0; b < batches.Length; b++)
            {
                placed += batches[b].Count;
                PlaceBatch(clustererFor(b), batches[b], placed);
            }
        }

        // The same batches, once by one clusterer keeping its cache, once by a new one for each batch reading the stored state.
        using var cached = OpenStore("cached.db");
        var kept = StoryClusterer.Rebuilding(cached, new ClusteringOptions());
        PlaceAll(_ => kept);
        // And once by one clusterer that forgets its cache after every save (as a long-running process does past its limit).
        using var forgetful = OpenStore("forgetful.db");
        var forgetting = StoryClusterer.Rebuilding(forgetful, new ClusteringOptions(), maxCachedStories: 1);
        PlaceAll(_ => forgetting);
        using var restarted = OpenStore("restarted.db");
        PlaceAll(b => b == 0 ? StoryClusterer.Rebuilding(restarted, new ClusteringOptions()) : StoryClusterer.Stored(restarted, new ClusteringOptions()));

        Assert.Equal(Partition(cached.GetStories()), Partition(restarted.GetStories()));
        Assert.Equal(cached.GetStories().Select(s => s.Id), restarted.GetStories().Select(s => s.Id));
        Assert.Equal(cached.GetStories().Select(s => (s.Id, string.Join(' ', s.ArticleIds))), forgetful.GetStories().Select(s => (s.Id, string.Join(' ', s.ArticleIds))));
        Assert.Equal(cached.LoadStoryStateHeader(), restarted.LoadStoryStateHeader());
        // Byte for byte, profile norms included: a norm the cache refreshed but never wrote would surface here first.
        Assert.Equal(StoredStates(cached), StoredStates(restarted));
        var stored = Partition(restarted.GetStories());
        Assert.Equal(documents.Count, stored.Count);
        // The batch end settles early: re-checks that one run defers to its end run at each batch end too.
        var agreement = BCubedAgreement(Partition(memory.Stories), stored);
        output.WriteLine($"B-cubed agreement of {batches.Length} batches with one: {agreement:F4}");
        Assert.True(agreement >= AgreementFloor, $"{batches.Length} batches agree with one at B-cubed {agreement:F4}");
    }

    private const double AgreementFloor = 0.98;

    /// <summary>
    /// The copy and template-page detectors' windows outlive a save: the same articles (written for this test) placed in one batch,
    /// one per batch by a new clusterer reading the state back each time (separate ingest runs), and one per batch by one clusterer
    /// saving after each (a watcher, a queue worker) give the same template marks, the same copy placement and the same stories.
    /// Before, the detectors were new at each save: the second notice page was not found a template page and the copy of the
    /// report was placed by similarity alone.
    /// </summary>
    [Fact]
    public void Copies_and_template_pages_are_found_across_saves_as_in_one_batch()
    {
        const string Minister = "Minister resigns over pension reform vote";
        const string Rickshaw = "Rickshaw driver hands out soap to passengers";
        static Document Article(string id, string title, string body) => new(new Article { Id = id, Source = "test", Title = title, Body = body });
        List<Document> Articles() =>
        [
            Article("notice-1", Minister, Minister + ". " + TemplatePageTexts.Notice),
            Article("report", "Warehouse fire in the port district", "Warehouse fire in the port district. " + TemplatePageTexts.Report),
            Article("lighthouse", "Lighthouse keeper retires after forty winters",
                "The last keeper of the Skerra lighthouse handed over the keys on Sunday after forty winters on the rock, the coastal trust said. "
                + "Automatic lamps will guide the fishing fleet from next month, and the keeper's cottage is to become a small museum of the island's boats."),
            Article("notice-2", Rickshaw, Rickshaw + ". " + TemplatePageTexts.Notice),
            Article("copy", "Harbour blaze closes ferry routes", "Harbour blaze closes ferry routes. " + TemplatePageTexts.Report + " Copyright the wire desk; all rights reserved."),
        ];
        string[] ids = ["notice-1", "report", "lighthouse", "notice-2", "copy"];

        (Dictionary<string, string> Stories, IReadOnlyDictionary<string, bool> Marks, string? CopyJoin) Placed(string name, Func<SqliteStore, int, StoryClusterer> clustererFor, int batchSize)
        {
            using var store = OpenStore(name);
            string? copyJoin = null;
            var placed = 0;
            foreach (var (batch, b) in Articles().Chunk(batchSize).Select((batch, b) => (batch, b)))
            {
                var clusterer = clustererFor(store, b);
                clusterer.JoinObserver = join => { if (join.Joining.Contains("copy")) copyJoin = join.Kind; };
                placed += batch.Length;
                PlaceBatch(clusterer, batch, placed);
            }
            return (Partition(store.GetStories()), store.LoadTemplatePageMarks(ids), copyJoin);
        }

        var one = Placed("one.db", (store, _) => StoryClusterer.Rebuilding(store, new ClusteringOptions()), batchSize: 5);
        var runs = Placed("runs.db", (store, b) => b == 0 ? StoryClusterer.Rebuilding(store, new ClusteringOptions()) : StoryClusterer.Stored(store, new ClusteringOptions()), batchSize: 1);
        StoryClusterer? kept = null;
        var worker = Placed("worker.db", (store, _) => kept ??= StoryClusterer.Rebuilding(store, new ClusteringOptions()), batchSize: 1);
        // A watcher or a queue worker keeps a clusterer reading the stored state (its detectors then hold only the texts since the last save).
        StoryClusterer? keptStored = null;
        var storedWorker = Placed("stored-worker.db", (store, b) => b == 0 ? StoryClusterer.Rebuilding(store, new ClusteringOptions())
            : keptStored ??= StoryClusterer.Stored(store, new ClusteringOptions()), batchSize: 1);

        Assert.True(one.Marks["notice-2"]);
        Assert.Equal(StoryJoin.CopyPlacement, one.CopyJoin);
        Assert.NotEqual(one.Stories["notice-1"], one.Stories["notice-2"]);
        Assert.Equal(one.Stories["report"], one.Stories["copy"]);
        foreach (var other in new[] { runs, worker, storedWorker })
        {
            Assert.Equal(one.Marks.OrderBy(p => p.Key, StringComparer.Ordinal), other.Marks.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(one.CopyJoin, other.CopyJoin);
            Assert.Equal(one.Stories, other.Stories);
        }
    }

    private const int SmallBatch = 12;

    /// <summary>Every story's stored state, in index order, as base64 (so a difference shows which story).</summary>
    private static List<string> StoredStates(SqliteStore store) =>
        [.. store.LoadStoryStates(Enumerable.Range(0, store.LoadStoryStateHeader()!.StoryCount).ToList())
            .OrderBy(s => s.Index).Select(s => $"{s.Index}: {Convert.ToBase64String(s.State)}")];

    /// <summary>
    /// Articles on a few made-up events, the events' reports interleaved: enough arrivals that re-checks
    /// queued in the first batch fall due in the second.
    /// </summary>
    private static List<Document> InterleavedEvents(int perEvent)
    {
        string[] events =
        [
            "The river ferry at Marlow ran aground on a sandbank; {0} passengers waited hours for the tugboat from Dunmore.",
            "Orchard growers in the Vell valley lost {0} tonnes of apples to an early frost, the Vell growers' cooperative said.",
            "The Castleford library closed its east wing after a burst pipe flooded {0} shelves of local archive records.",
        ];
        var start = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, perEvent).SelectMany(i => events.Select((text, e) =>
            Docs.Of(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, 10 + i) + "\n\nOfficials gave no further details on the day.",
                $"event{e}-report{i}", outlet: $"outlet{i % 4}.example", published: start.AddHours(i))))];
    }

    /// <summary>
    /// The kinds of name counted in one batch decide an end-of-batch join in the next: two reports tag a name as an
    /// organisation, a later lone report tags it as a person. Over all three it is mostly an organisation, so the lone report
    /// stays apart, for a clusterer keeping its cache and for one reading the counts back from the store alike; had the store
    /// lost the first two kinds, the person would decide and it would join, as it does when the kinds are ignored.
    /// </summary>
    [Fact]
    public void Kinds_of_name_counted_in_earlier_batches_decide_the_settle_as_the_cache_would()
    {
        List<Document> First() => FloodReports(EntityType.Org);
        List<Document> Second() => [LoneReport()];
        var options = new ClusteringOptions { UseSyndication = false, SettleNameThreshold = 0.01, NameJoinWaitsForFirstRecheck = false };
        StoryClusterer PlacedInTwoBatches(SqliteStore store, ClusteringOptions with, bool restart)
        {
            var clusterer = StoryClusterer.Rebuilding(store, with);
            PlaceBatch(clusterer, First(), 2);
            if (restart) clusterer = StoryClusterer.Stored(store, with);
            PlaceBatch(clusterer, Second(), 3);
            return clusterer;
        }
        using var cached = OpenStore("kinds-cached.db");
        using var restarted = OpenStore("kinds-restarted.db");
        using var ignored = OpenStore("kinds-ignored.db");

        var kept = PlacedInTwoBatches(cached, options, restart: false);
        var reading = PlacedInTwoBatches(restarted, options, restart: true);
        var kindless = PlacedInTwoBatches(ignored, options with { SettleNameTypes = NameTypes.Person | NameTypes.Org | NameTypes.Loc | NameTypes.Misc }, restart: true);

        Assert.NotEqual(kept.StoryOf("a"), kept.StoryOf("n"));
        Assert.NotEqual(reading.StoryOf("a"), reading.StoryOf("n"));
        Assert.Equal(kindless.StoryOf("a"), kindless.StoryOf("n"));
        Assert.Equal(Partition(cached.GetStories()), Partition(restarted.GetStories()));
        Assert.Equal(StoredStates(cached), StoredStates(restarted));
    }

    /// <summary>
    /// A short side's title guard (<see cref="ClusteringOptions.ShortSideTitleTermDocuments"/>, on by default) reads a lone story's
    /// title terms from the title the story keeps: a headline over a paywall notice, placed and stored in one batch, is joined by
    /// its full report in the next as it is by a clusterer keeping its cache, because the title is stored with the story.
    /// </summary>
    [Fact]
    public void A_lone_short_story_read_back_from_the_store_passes_its_title_guard_as_the_cached_one()
    {
        var day = new DateTimeOffset(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);
        Document En(Document document)
        {
            document.Article.Language = "en";
            return document;
        }
        List<Document> First() => [En(Docs.Of("Subscribers can log in to keep reading.", "p", published: day,
            title: "Ferry stopped as the river flooded the landing stages overnight"))];
        List<Document> Second() => [En(Docs.Of(
            "The ferry between Harwick and Lonmouth stopped running on Monday after the river Tamsel rose more than two metres overnight "
            + "and flooded the landing stages on both banks. Council engineer Marta Quill said the crossing would stay closed until the "
            + "water fell and the piers had been inspected. Commuters were told to use the road bridge upstream, which adds forty minutes "
            + "to the journey. Shops along the quay moved their stock upstairs as sandbags were handed out at the fire station, and two "
            + "care homes near the water were evacuated as a precaution. Forecasters expect more rain in the hills on Tuesday.",
            "r", published: day.AddHours(1), title: "Flood halts the Harwick ferry as the river Tamsel rises"))];
        var options = new ClusteringOptions { UseSyndication = false };
        StoryClusterer PlacedInTwoBatches(SqliteStore store, ClusteringOptions with, bool restart)
        {
            var clusterer = StoryClusterer.Rebuilding(store, with);
            PlaceBatch(clusterer, First(), 0);
            if (restart) clusterer = StoryClusterer.Stored(store, with);
            PlaceBatch(clusterer, Second(), 1);
            return clusterer;
        }
        using var cached = OpenStore("title-cached.db");
        using var restarted = OpenStore("title-restarted.db");
        using var unguarded = OpenStore("title-off.db");

        var kept = PlacedInTwoBatches(cached, options, restart: false);
        var reading = PlacedInTwoBatches(restarted, options, restart: true);
        var off = PlacedInTwoBatches(unguarded, options with { ShortSideTitleTermDocuments = 0 }, restart: true);

        Assert.Equal(kept.StoryOf("p"), kept.StoryOf("r"));
        Assert.Equal(reading.StoryOf("p"), reading.StoryOf("r"));
        Assert.NotEqual(off.StoryOf("p"), off.StoryOf("r"));
        Assert.Equal(Partition(cached.GetStories()), Partition(restarted.GetStories()));
        Assert.Equal(StoredStates(cached), StoredStates(restarted));
    }

    private const string MayorName = "Elsa Kovarik";
    private static readonly DateTimeOffset ReportDay = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Two flood reports ("a", "b") naming the mayor as a name of the given kind, and their town.</summary>
    private static List<Document> FloodReports(EntityType mayor) =>
    [
        Docs.Of($"Heavy rain flooded 300 homes in Ostrava Vale on Monday, and {MayorName} said crews worked through the night.", "a", published: ReportDay)
            .Naming(MayorName, mayor).Naming("Ostrava Vale", EntityType.Loc),
        Docs.Of($"Rescue teams pulled residents from flooded homes in Ostrava Vale, {MayorName} said; 300 homes were under water.", "b", published: ReportDay)
            .Naming(MayorName, mayor).Naming("Ostrava Vale", EntityType.Loc),
    ];

    /// <summary>A short report ("n") sharing only the mayor's name, tagged as a person, with the flood reports.</summary>
    private static Document LoneReport() =>
        Docs.Of($"On Tuesday, {MayorName} opened a school fair in Dunmere Park and a bakery in the Castle Quarter.", "n", published: ReportDay)
            .Naming(MayorName, EntityType.Person).Naming("Dunmere Park", EntityType.Loc).Naming("Castle Quarter", EntityType.Loc);

    /// <summary>
    /// A lone article's name join to a young story waits for its first re-check delay (ClusteringOptions.NameJoinWaitsForFirstRecheck):
    /// the batch in which it becomes due must make the join alike whether the clusterer kept its cache or reads the state back after a restart.
    /// </summary>
    [Fact]
    public void A_name_join_that_waited_is_made_alike_by_a_cached_and_a_restarted_clusterer()
    {
        List<Document> Flood() => [.. FloodReports(EntityType.Person), LoneReport()];
        List<Document> Later() =>
        [
            Docs.Of("The central bank of Tarvonia raised its benchmark rate by 50 basis points on Thursday.", "t1", published: ReportDay),
            Docs.Of("Tarvonia's currency strengthened after the central bank raised rates to 6.25 percent.", "t2", published: ReportDay),
            Docs.Of("Governor Milan Hrebec said further increases in Tarvonia could not be ruled out.", "t3", published: ReportDay),
        ];
        // The flood story and the lone report are both younger than three arrivals at the first settle: the join waits.
        var options = new ClusteringOptions { UseSyndication = false, SettleNameThreshold = 0.01, RecheckDelays = [3, 64, 512] };
        using var cached = OpenStore("wait-cached.db");
        using var restarted = OpenStore("wait-restarted.db");

        var kept = StoryClusterer.Rebuilding(cached, options);
        PlaceBatch(kept, Flood(), 3);
        var waited = kept.StoryOf("n");
        PlaceBatch(kept, Later(), 6);
        PlaceBatch(StoryClusterer.Rebuilding(restarted, options), Flood(), 3);
        var reading = StoryClusterer.Stored(restarted, options);
        PlaceBatch(reading, Later(), 6);

        Assert.NotEqual(kept.StoryOf("a"), waited);
        Assert.Equal(kept.StoryOf("a"), kept.StoryOf("n"));
        Assert.Equal(reading.StoryOf("a"), reading.StoryOf("n"));
        Assert.Equal(Partition(cached.GetStories()), Partition(restarted.GetStories()));
        Assert.Equal(StoredStates(cached), StoredStates(restarted));
    }

    [Fact]
    public void Re_checks_pending_across_batches_survive_a_clusterer_that_forgets_its_cache_and_a_restart()
    {
        var documents = InterleavedEvents(perEvent: 12);
        var first = documents.Take(6).ToList();
        var second = documents.Skip(6).ToList();

        // The first batch leaves re-checks not yet due (the shortest waits 16 arrivals); the second makes them due.
        using var cached = OpenStore("recheck-cached.db");
        var kept = StoryClusterer.Rebuilding(cached, new ClusteringOptions());
        PlaceBatch(kept, first, first.Count);
        PlaceBatch(kept, second, documents.Count);
        // Forgetting after every save reads each story again as a new instance; the queued re-checks must find it.
        using var forgetful = OpenStore("recheck-forgetful.db");
        var forgetting = StoryClusterer.Rebuilding(forgetful, new ClusteringOptions(), maxCachedStories: 1);
        PlaceBatch(forgetting, first, first.Count);
        PlaceBatch(forgetting, second, documents.Count);
        // A new process continues from the store, re-checks included.
        using var restarted = OpenStore("recheck-restarted.db");
        PlaceBatch(StoryClusterer.Rebuilding(restarted, new ClusteringOptions()), first, first.Count);
        PlaceBatch(StoryClusterer.Stored(restarted, new ClusteringOptions()), second, documents.Count);

        static List<(string Id, string Articles)> Listed(SqliteStore store) => [.. store.GetStories().Select(s => (s.Id, string.Join(' ', s.ArticleIds)))];
        Assert.Equal(documents.Count, cached.GetStories().Sum(s => s.ArticleIds.Count));
        Assert.Equal(Listed(cached), Listed(forgetful));
        Assert.Equal(Listed(cached), Listed(restarted));
        Assert.NotEqual("", cached.LoadStoryStateHeader()!.Rechecks);
        Assert.Equal(cached.LoadStoryStateHeader(), restarted.LoadStoryStateHeader());
    }

    [Fact]
    public void Placing_new_articles_reads_no_stored_document_but_theirs()
    {
        var path = WriteJsonl("first.jsonl", 6, i => ($"https://harbour.example/news/{i}", $"Harbour crane number {i} repaired",
            $"Engineers repaired harbour crane number {i} on Tuesday after a cable snapped during a storm.\n\nThe port said loading would resume within {i + 2} days."));
        var second = WriteJsonl("second.jsonl", 2, i => ($"https://valley.example/news/{i}", $"Valley school {i} reopens",
            $"The valley school number {i} reopened on Monday after the flood waters receded.\n\nParents cleaned the classrooms over the weekend."));
        using (var store = OpenStore("counted.db")) TestIngest.Service(store, recurring: null).Ingest([path], IngestHints.None);

        using var inner = OpenStore("counted.db");
        var counting = CountingStore.Wrap(inner, out var calls);
        var report = TestIngest.Service(counting, recurring: null).Ingest([second], IngestHints.None);

        Assert.Equal(2, report.Added);
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IStore.AllDocuments)));
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IStore.AllArticles)));
        Assert.Equal(2, calls.GetValueOrDefault(nameof(IStore.GetDocument)));
        Assert.Equal(8, inner.GetStories().Sum(s => s.ArticleIds.Count));
        Assert.Equal(inner.CountArticles(), inner.StoriesAssignedFrom());
    }

    [Fact]
    public void A_store_clustered_before_story_state_was_kept_is_brought_up_to_date_once()
    {
        var path = WriteJsonl("old.jsonl", 4, i => ($"https://ledger.example/{i}", $"Bridge toll {i} rises",
            $"The bridge toll rises by {i} cents from March, the county said on Friday.\n\nDrivers' groups called the rise unfair."));
        using var store = OpenStore("old.db");
        // What an older version left: stories from a replay, no story state.
        new IngestService(store, TestIngest.Processor, () => new StoryClusterer(new ClusteringOptions())).Ingest([path], IngestHints.None);
        Assert.Null(store.LoadStoryStateHeader());
        var before = Partition(store.GetStories());

        var service = TestIngest.Service(store, recurring: null);
        Assert.False(service.StoriesAreStale());
        service.PlaceNewArticles();

        Assert.NotNull(store.LoadStoryStateHeader());
        Assert.Equal(before, Partition(store.GetStories()));
        Assert.Empty(store.ArticlesWithoutStoryState());
    }

    /// <summary>The ECB+ dev texts, all published on one day, and options without re-checks (so only candidate lookups read stories).</summary>
    private static (ClusteringOptions Options, DateTimeOffset Published, List<Document> Old) OldEcbStories()
    {
        var published = new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
        // Copies are left out too: the later articles repeat the old texts, and the syndication detector's window (stored since
        // stream11) would place each in its original's story, read as a copy's target rather than as a candidate.
        return (new ClusteringOptions { RecheckDelays = [], UseSyndication = false }, published, EcbDocuments().Select(d => Docs.Of(d.Text, d.Id, published: published)).ToList());
    }

    /// <summary>
    /// At a large store most postings name old stories, many of them merged into another: a candidate lookup for a new
    /// article reads the merged ones (each leads to its survivor), but no survivor idle for months, which could never be a
    /// candidate. Re-checks are left out, so that only candidate lookups read stories.
    /// </summary>
    [SharedDataFact(EcbDev)]
    public void A_lookup_through_merged_stories_reads_no_survivor_outside_the_candidate_window()
    {
        var (options, published, old) = OldEcbStories();
        using var store = OpenStore("merged.db");
        PlaceBatch(StoryClusterer.Rebuilding(store, options), old, old.Count);
        var stored = store.LoadStoryStates(Enumerable.Range(0, store.LoadStoryStateHeader()!.StoryCount).ToList());
        Assert.Contains(stored, s => s.Activity is null);

        // The same texts again half a year later: their features' postings name the old stories, all idle.
        var later = old.Take(40).Select(d => Docs.Of(d.Text, d.Id + "-later", published: published.AddMonths(6))).ToList();
        var reading = new ReadRecordingStore(store);
        PlaceBatch(StoryClusterer.Stored(reading, options), later, old.Count + later.Count);

        Assert.Contains(reading.Read, s => s.Activity is null);
        Assert.DoesNotContain(reading.Read, s => s.Activity is not null && s.Index < stored.Count);
        Assert.Equal(old.Count + later.Count, store.GetStories().Sum(s => s.ArticleIds.Count));
    }

    /// <summary>
    /// Once the old stories are retired, the features written afterwards keep no posting that leads to them, merged ones
    /// included (a story merged into a retired one is dead too): a later lookup through the same features reads none of
    /// them, where before it read every merged one to find its survivor idle.
    /// </summary>
    [SharedDataFact(EcbDev)]
    public void Postings_written_after_old_stories_retire_lead_a_later_lookup_to_none_of_them()
    {
        var (options, published, old) = OldEcbStories();
        using var store = OpenStore("retired.db");
        // One clusterer keeping its cache, so the old stories are among those it retires once they are idle (at arrival 1,024).
        var kept = StoryClusterer.Rebuilding(store, options);
        PlaceBatch(kept, old, old.Count);
        var oldStories = store.LoadStoryStateHeader()!.StoryCount;
        Assert.Contains(store.LoadStoryStates(Enumerable.Range(0, oldStories).ToList()), s => s.Activity is null);
        var later = old.Select(d => Docs.Of(d.Text, d.Id + "-later", published: published.AddMonths(6))).ToList();
        PlaceBatch(kept, later, old.Count + later.Count);
        var states = store.LoadStoryStates(Enumerable.Range(0, oldStories).ToList());
        Assert.Contains(states, s => s.Activity is { Retired: true });

        // The same texts again a week on: their features were written after the retirement.
        var again = old.Take(40).Select(d => Docs.Of(d.Text, d.Id + "-again", published: published.AddMonths(6).AddDays(7))).ToList();
        var reading = new ReadRecordingStore(store);
        PlaceBatch(StoryClusterer.Stored(reading, options), again, old.Count + later.Count + again.Count);

        Assert.NotEmpty(reading.Read);
        Assert.DoesNotContain(reading.Read, s => s.Index < oldStories);
        Assert.Equal(old.Count + later.Count + again.Count, store.GetStories().Sum(s => s.ArticleIds.Count));
    }

    /// <summary>An <see cref="IStoryStateStore"/> that keeps every story state it read and passes the calls on.</summary>
    private sealed class ReadRecordingStore(IStoryStateStore inner) : IStoryStateStore
    {
        public List<StoredStoryState> Read { get; } = [];

        public StoryStateHeader? LoadStoryStateHeader() => inner.LoadStoryStateHeader();

        public IReadOnlyDictionary<long, StoredFeature> LoadStoryFeatures(IReadOnlyCollection<long> keys) => inner.LoadStoryFeatures(keys);

        public IReadOnlyList<StoredStoryState> LoadStoryStates(IReadOnlyCollection<int> indexes, StoryCandidateWindow? window = null)
        {
            var states = inner.LoadStoryStates(indexes, window);
            Read.AddRange(states);
            return states;
        }

        public IReadOnlyCollection<int> LoadRetiredStories(IReadOnlyCollection<int> indexes) => inner.LoadRetiredStories(indexes);

        public int? LoadStoryIndexOfArticle(string articleId) => inner.LoadStoryIndexOfArticle(articleId);

        public IReadOnlyList<string> ArticlesWithoutStoryState() => inner.ArticlesWithoutStoryState();

        public void SaveStoryState(StoryStateChanges changes) => inner.SaveStoryState(changes);

        public IReadOnlyDictionary<string, bool> LoadTemplatePageMarks(IReadOnlyCollection<string> articleIds) => inner.LoadTemplatePageMarks(articleIds);

        public IReadOnlyList<StoredWindowPosting> LoadWindowPostings(TextWindow window, IReadOnlyCollection<long> keys) => inner.LoadWindowPostings(window, keys);

        public IReadOnlyList<StoredWindowText> LoadWindowTexts(TextWindow window, IReadOnlyCollection<long> numbers) => inner.LoadWindowTexts(window, numbers);

        public long LoadWindowClock(TextWindow window) => inner.LoadWindowClock(window);
    }

    /// <summary>An <see cref="IStore"/> that counts calls by member name and passes them on.</summary>
    public class CountingStore : DispatchProxy
    {
        private IStore _inner = null!;
        private Dictionary<string, int> _calls = null!;

        public static IStore Wrap(IStore inner, out Dictionary<string, int> calls)
        {
            var proxy = Create<IStore, CountingStore>();
            var counting = (CountingStore)(object)proxy;
            counting._inner = inner;
            counting._calls = calls = [];
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            _calls[targetMethod.Name] = _calls.GetValueOrDefault(targetMethod.Name) + 1;
            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
