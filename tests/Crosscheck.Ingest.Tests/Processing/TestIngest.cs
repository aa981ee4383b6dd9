using System.Text.Json;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Pipeline;
using Crosscheck.Extraction;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>The ingest the processing tests run: real extraction and clustering, annotation cut to sentences and tokens (fast, no models).</summary>
internal static class TestIngest
{
    public static ArticleExtractor Extractor { get; } = new();

    public static ArticleProcessor Processor { get; } = new(Extractor, new DocumentPipelineBuilder().Use(new SentenceSplitter()).Use(new Tokenizer()).Build());

    public static IngestService Service(IStore store, RecurringLineFilter? recurring, bool allPages = false) =>
        new(store, Processor, () => new StoryClusterer(new ClusteringOptions()), recurring: recurring,
            storedClusterer: (state, rebuild) => rebuild ? StoryClusterer.Rebuilding(state, new ClusteringOptions()) : StoryClusterer.Stored(state, new ClusteringOptions()))
        { StoriesFromAllPages = allPages };

    /// <summary>An ingest that replays stories and checks inputs against <paramref name="limits"/>.</summary>
    public static IngestService WithLimits(IStore store, InputLimits limits) =>
        new(store, Processor, () => new StoryClusterer(new ClusteringOptions()), new InputReader(limits));

    /// <summary>
    /// A JSONL input <paramref name="name"/> in <paramref name="folder"/>: <paramref name="outlet"/>'s articles at news addresses on
    /// the outlet's own host, each text followed by <paramref name="furniture"/> when given (site furniture recurring across its pages).
    /// </summary>
    public static string WriteOutletBatch(
        string folder, string name, string outlet, IEnumerable<(string Slug, string Title, string Text)> articles, string? furniture)
    {
        var host = outlet.ToLowerInvariant().Replace(' ', '-');
        var lines = articles.Select(a => JsonSerializer.Serialize(new
        {
            url = $"https://{host}.example/news/{a.Slug}",
            title = a.Title,
            text = furniture is null ? a.Text : a.Text + "\n\n" + furniture,
            outlet,
        }));
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
