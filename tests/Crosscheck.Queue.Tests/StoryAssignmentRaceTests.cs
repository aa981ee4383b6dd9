using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Extraction;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Hosting;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Processing;
using Crosscheck.Queue.Tests.Support;
using Crosscheck.Storage.Postgres;
using Crosscheck.Storage.Postgres.Tests;
using Xunit;

namespace Crosscheck.Queue.Tests;

/// <summary>
/// Workers share one PostgreSQL store: while one of them takes the corpus-level boilerplate decision
/// and assigns stories, another keeps storing articles. An article stored during that pass was not
/// judged with the others, so the stories must not be marked as covering it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class StoryAssignmentRaceTests : IDisposable
{
    private const string Outlet = "Lakeside Ledger";

    /// <summary>Prose-shaped site furniture at the foot of every article of the outlet.</summary>
    private const string Blurb = "The Lakeside Ledger is published every weekday by a cooperative of its readers and reporters.";

    private static readonly string[] Bodies =
    [
        "Engineers closed the old river bridge on Monday evening after an inspection found a crack in one of its girders.",
        "The weekly farmers' market will move into the old cafe hall from next Saturday, the organisers announced.",
        "Pupils at the hillside primary school returned to classrooms that had been closed for a month for a new roof.",
        "Councillors voted on Thursday to introduce parking charges at the two car parks beside the lake.",
        "A new ferry timetable adds two evening crossings to the island during the summer months, the operator said.",
    ];

    private readonly string _schema = PostgresTestServer.NewSchemaName();
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-race-").FullName;

    public void Dispose()
    {
        PostgresTestServer.DropSchema(_schema);
        Directory.Delete(_dir, recursive: true);
    }

    [PostgresFact]
    public void An_article_stored_during_the_boilerplate_pass_leaves_the_stories_stale_until_it_is_judged()
    {
        var database = PostgresTestServer.InSchema(_schema);
        using var store = PostgresStore.Open(database);
        using var otherWorker = PostgresStore.Open(database);
        var raws = ReadInputs();
        var late = raws[^1];
        foreach (var raw in raws) Assert.True(store.AddRaw(raw));
        // The first articles are processed before the pass, as a worker would.
        foreach (var raw in raws[..^1]) store.SaveDocument(Engine.Processor.Process(raw));

        // The pass re-annotates the articles it rewrites; the first time it does, another worker
        // stores the last article (after the pass has read the corpus, before it finishes).
        var storedDuringPass = 0;
        var hook = new CallbackStage(() =>
        {
            if (Interlocked.Exchange(ref storedDuringPass, 1) == 0) otherWorker.SaveDocument(Engine.Processor.Process(late));
        });
        var annotation = new DocumentPipelineBuilder();
        foreach (var stage in Engine.Annotation.Stages) annotation.Use(stage);
        var processor = new ArticleProcessor(new ArticleExtractor(), annotation.Use(hook).Build());
        var service = new IngestService(store, processor, Engine.NewClusterer, recurring: new RecurringLineFilter(), storedClusterer: Engine.StoredClusterer);

        Assert.True(service.AssignStoriesIfStale());
        Assert.Equal(1, storedDuringPass);
        Assert.Equal(raws.Count, store.CountArticles());
        Assert.Contains(Blurb, store.GetDocument(late.Id)!.Text);
        // Not judged yet, so not covered: the next dry queue assigns again, and the late article loses its blurb too.
        Assert.True(service.StoriesAreStale());

        Assert.True(service.AssignStoriesIfStale());
        Assert.False(service.StoriesAreStale());
        Assert.All(store.AllDocuments(), d => Assert.DoesNotContain(Blurb, d.Text));
        Assert.Equal(raws.Count, store.GetStories().Sum(s => s.ArticleIds.Count));
    }

    private List<RawInput> ReadInputs()
    {
        var path = Path.Combine(_dir, "ledger.jsonl");
        File.WriteAllLines(path, Bodies.Select((body, i) => JsonSerializer.Serialize(new
        {
            url = $"https://lakeside-ledger.example/news/{i}",
            title = body[..body.IndexOf(' ', 30)],
            text = body + "\n\n" + Blurb,
            outlet = Outlet,
        })));
        return [.. new InputReader().Read([path], IngestHints.None).OfType<RawItem>().Select(item => item.Raw)];
    }

    /// <summary>An annotation stage that only calls back: the moment a pass re-annotates an article.</summary>
    private sealed class CallbackStage(Action callback) : IDocumentStage
    {
        public string Name => "callback";

        public IReadOnlyCollection<Layer> Requires => [];

        public IReadOnlyCollection<Layer> Assigns => [];

        public void Process(Document document) => callback();
    }
}
