using Crosscheck.Annotation;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Extraction;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;
using Crosscheck.Storage.Postgres;
using Crosscheck.Storage.Sqlite;
using Crosscheck.Stories.Clustering;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Hosting;

/// <summary>
/// The composition root: the one place that chooses the concrete stages and store, so every
/// command (and the tests) run exactly the same flow.
/// </summary>
public static class Engine
{
    private static readonly Lazy<DocumentPipeline> SharedAnnotation = new(AnnotationPipeline.CreateDefault);

    private static readonly Lazy<ArticleExtractor> SharedExtractor = new(() => new ArticleExtractor());

    /// <summary>The annotation stages in order; built once because the entity model takes a moment to load.</summary>
    public static DocumentPipeline Annotation => SharedAnnotation.Value;

    public static ArticleProcessor Processor => new(SharedExtractor.Value, Annotation);

    public static IStoryClusterer NewClusterer() => new StoryClusterer(new ClusteringOptions());

    public static IDossierBuilder DossierBuilder() => new DossierBuilder();

    /// <summary>Annotates text as it is, with no extraction (used by evaluations on pre-extracted corpora).</summary>
    public static Document AnnotateText(string id, string text, DateTimeOffset? published = null, string? title = null)
    {
        var article = new Article { Id = id, Source = id, Body = text, Title = title };
        if (published is { } date) article.Published = new Found<DateTimeOffset>(date, "input");
        return Annotation.Run(new Document(article));
    }

    /// <summary>Annotates text as it is, as the default overload does, through another pipeline (built once by the caller).</summary>
    public static Document AnnotateText(DocumentPipeline pipeline, string id, string text)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.Run(new Document(new Article { Id = id, Source = id, Body = text }));
    }

    /// <summary>The stores a --db value can name, in the order they are tried: the SQLite file path is the catch-all.</summary>
    private static readonly StoreBackend[] StoreBackends = [PostgresStore.Backend, SqliteStore.Backend];

    /// <summary>Opens the store a --db option names: a SQLite file, or a postgres:// URL / connection string.</summary>
    public static IStore OpenStore(string location) => StoreLocation.Open(location, StoreBackends);

    /// <summary>The clusterer over a store's story state (see <see cref="StoredClustererFactory"/>), with the same options as <see cref="NewClusterer"/>.</summary>
    public static IStoredStoryClusterer StoredClusterer(IStoryStateStore store, bool rebuild) =>
        rebuild ? StoryClusterer.Rebuilding(store, new ClusteringOptions()) : StoryClusterer.Stored(store, new ClusteringOptions());

    /// <param name="store">Where inputs, articles and stories are kept.</param>
    /// <param name="allPages">Whether pages of every type join stories, not only articles and forum threads.</param>
    public static IngestService Ingest(IStore store, bool allPages = false) =>
        new(store, Processor, NewClusterer, recurring: new RecurringLineFilter(), storedClusterer: StoredClusterer) { StoriesFromAllPages = allPages };

    /// <summary>The engine the web server runs on: the same store, ingest and dossier builder as the commands.</summary>
    public static Crosscheck.Web.Hosting.CrosscheckBackend WebBackend() => new(OpenStore, store => Ingest(store), BuildDossier);

    public static Dossier BuildDossier(IStore store, Story story)
    {
        var documents = story.ArticleIds
            .Select(id => store.GetDocument(id))
            .OfType<Document>()
            .ToList();
        return DossierBuilder().Build(story, documents) with { TemplatePages = store.LoadTemplatePageMarks(story.ArticleIds) };
    }
}
