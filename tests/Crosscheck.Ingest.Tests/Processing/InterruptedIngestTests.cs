using Crosscheck.Core.Model;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>
/// An ingest killed part-way leaves a store in one of two states; the same ingest run again must
/// finish the work and end where one uninterrupted run ends. The states are made here by doing
/// the first steps of an ingest by hand (the kill tests in Crosscheck.Cli.Tests make them with real
/// processes and SIGKILL).
/// </summary>
public sealed class InterruptedIngestTests : IDisposable
{
    private const string Outlet = "Lakeside Herald";

    /// <summary>Site furniture that recurs across the outlet's unrelated articles (removed once four are stored).</summary>
    private const string Blurb = "The Lakeside Herald is printed every Thursday and delivered free to every household around the lake.";

    private static readonly (string Slug, string Title, string Text)[] Articles =
    [
        ("ferry", "Ferry timetable cut for winter",
            "The lake ferry will run four crossings a day instead of nine from November, the operator said on Monday.\n\nCommuters on the eastern shore said the early boat was the only one that got them to work on time."),
        ("library", "Library opens on Sundays",
            "The town library will open on Sunday afternoons from next month after volunteers offered to staff the desk.\n\nThe librarian said the reading room had been full every Saturday since the heating was repaired."),
        ("orchard", "Orchard harvest best in a decade",
            "Apple growers on the southern slopes picked their largest crop in ten years after a warm, dry September.\n\nThe cider press by the harbour is running through the night to keep up with deliveries."),
        ("footpath", "Footpath reopens after landslip",
            "The footpath along the northern cliffs reopened on Friday, two years after a landslip carried away a section of it.\n\nWalkers will find a new timber bridge across the gully where the old path fell into the water."),
        ("choir", "Village choir wins regional prize",
            "The village choir took first prize at the regional festival on Saturday with a programme of folk songs from the valley.\n\nIts conductor, who founded the choir forty years ago, said it would be her last competition."),
        ("station", "Fire station gets new engine",
            "The fire station on the harbour road took delivery of a new engine on Wednesday, replacing one bought in 1998.\n\nThe crew said the old engine's pump had failed twice during the summer's grass fires."),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-interrupted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteBatch(string name, IEnumerable<(string Slug, string Title, string Text)> articles) =>
        TestIngest.WriteOutletBatch(_dir, name, Outlet, articles, furniture: Blurb);

    private static IngestService Service(IStore store) => TestIngest.Service(store, new RecurringLineFilter());

    private SqliteStore OpenStore(string name) => SqliteStore.Open(Path.Combine(_dir, name));

    private static List<RawInput> RawInputs(string path) => [.. new InputReader().Read([path], IngestHints.None).OfType<RawItem>().Select(i => i.Raw)];

    /// <summary>What a killed run leaves: <paramref name="stored"/> raw inputs stored, the first <paramref name="saved"/> of them with their articles, no stories assigned.</summary>
    private static void StopPartWay(IStore store, List<RawInput> inputs, int stored, int saved)
    {
        foreach (var raw in inputs.Take(stored)) store.AddRaw(raw);
        store.RunInTransaction(() =>
        {
            foreach (var raw in inputs.Take(saved)) store.SaveDocument(TestIngest.Processor.Process(raw));
        });
    }

    /// <summary>The stories as sets of article ids, in a fixed order, so two stores can be compared.</summary>
    private static List<string> Partition(IStore store) =>
        [.. store.GetStories().Select(s => string.Join(' ', s.ArticleIds.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    private static void AssertEveryInputHasItsArticleInOneStory(IStore store)
    {
        Assert.Empty(store.RawWithoutDocument());
        Assert.Equal(store.CountRaw(), store.CountArticles());
        var placed = store.GetStories().SelectMany(s => s.ArticleIds).ToList();
        Assert.Equal(placed.Count, placed.Distinct().Count());
        Assert.Equal(store.AllArticles().Select(a => a.Id).Order(), placed.Order());
        Assert.Equal(store.CountArticles(), store.StoriesAssignedFrom());
    }

    [Fact]
    public void Inputs_stored_by_a_run_killed_while_processing_are_processed_by_the_same_command_run_again()
    {
        var path = WriteBatch("all.jsonl", Articles);
        using var clean = OpenStore("clean.db");
        Service(clean).Ingest([path], IngestHints.None);
        using var store = OpenStore("killed.db");
        StopPartWay(store, RawInputs(path), stored: 5, saved: 2);

        var report = Service(store).Ingest([path], IngestHints.None);

        Assert.Equal(5, report.AlreadyStored);
        Assert.Equal(3, report.Resumed);
        Assert.Equal(4, report.Added);
        AssertEveryInputHasItsArticleInOneStory(store);
        Assert.Equal(Partition(clean), Partition(store));
        Assert.Equal(clean.AllArticles().Select(a => a.Body), store.AllArticles().Select(a => a.Body));
        Assert.All(store.AllArticles(), a => Assert.DoesNotContain(Blurb, a.Body));
    }

    [Fact]
    public void Stories_left_stale_by_a_run_killed_after_saving_articles_are_assigned_by_the_same_command_run_again()
    {
        var first = WriteBatch("first.jsonl", Articles[..2]);
        var second = WriteBatch("second.jsonl", Articles[2..]);
        using var clean = OpenStore("clean.db");
        Service(clean).Ingest([first], IngestHints.None);
        Service(clean).Ingest([second], IngestHints.None);
        using var store = OpenStore("killed.db");
        Service(store).Ingest([first], IngestHints.None);
        // The second run saved every article, then was killed before its boilerplate pass and stories.
        var inputs = RawInputs(second);
        StopPartWay(store, inputs, stored: inputs.Count, saved: inputs.Count);
        Assert.True(Service(store).StoriesAreStale());

        var report = Service(store).Ingest([second], IngestHints.None);

        Assert.Equal(0, report.Added);
        Assert.Equal(inputs.Count, report.AlreadyStored);
        AssertEveryInputHasItsArticleInOneStory(store);
        Assert.Equal(Partition(clean), Partition(store));
        // The corpus pass the killed run never made is made now, over the first run's articles too.
        Assert.All(store.AllArticles(), a => Assert.DoesNotContain(Blurb, a.Body));
        Assert.Equal(clean.AllArticles().Select(a => a.Body), store.AllArticles().Select(a => a.Body));
    }

    [Fact]
    public void A_store_whose_stories_cover_every_article_is_left_as_it_is()
    {
        var path = WriteBatch("all.jsonl", Articles);
        using var store = OpenStore("done.db");
        var service = Service(store);
        var first = service.Ingest([path], IngestHints.None);

        var again = service.Ingest([path], IngestHints.None);

        Assert.Equal(0, again.Added);
        Assert.Equal(0, again.Resumed);
        Assert.Equal(0, again.RecurringArticles);
        Assert.Equal(first.Stories, again.Stories);
        Assert.False(service.StoriesAreStale());
    }
}
