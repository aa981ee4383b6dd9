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
}
