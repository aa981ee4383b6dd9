using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Evaluation.Similarity;

/// <summary>
/// One clustering setting tried by <see cref="SimilarityTuning"/> and its scores: the first in the ingest's own order,
/// then one per shuffled order asked for.
/// </summary>
public sealed record TunedSetting(string Name, ClusteringOptions Options, IReadOnlyList<SimilarityEvaluation> Evaluations)
{
    /// <summary>The scores in the ingest's own order (the order `eval similarity` itself clusters in).</summary>
    public SimilarityEvaluation Evaluation => Evaluations[0];

    /// <summary>The mean F1 of a group (e.g. "train same-language") over every order clustered.</summary>
    public double MeanF1(string group) => Evaluations.Average(e => e.Group(group).F1);

    /// <summary>The lowest and highest F1 of a group over the orders clustered.</summary>
    public (double Min, double Max) RangeF1(string group) => (Evaluations.Min(e => e.Group(group).F1), Evaluations.Max(e => e.Group(group).F1));

    /// <summary>What settings are chosen by: the mean of same-language and cross-language F1 on the training pairs only, over every order clustered.</summary>
    public double TrainScore => (MeanF1("train same-language") + MeanF1("train cross-language")) / 2;
}

/// <summary>
/// Chooses clustering thresholds on the training part of the rated pairs: the documents already ingested into a
/// store are clustered again under each setting (as ingest assigns stories: publication order, then arrival), and
/// every setting is scored; the held-out pairs are printed beside but never chosen on.
/// </summary>
/// <remarks>
/// The clustering is online, so its figure depends on the order articles arrive in, and similarity-semeval2022's
/// articles.jsonl lists the two articles of each rated pair one after the other (1,176 of its 1,243 pairs at most two
/// lines apart), which the ingest keeps. Shuffled orders (<c>orders</c>) show how far a figure moves by order alone.
/// </remarks>
public static class SimilarityTuning
{
    /// <summary>The settings tried: the defaults, without country keys, and the cross-language lifts of terms and entities with the shared names an entity cosine needs across languages.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> Grid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        yield return ("no country keys", ClusteringOptions.Default with { CountryKeys = false });
        foreach (var terms in new[] { 2.0, 2.5, 3.0 })
        {
            foreach (var entities in new[] { 1.5, 2.0, 2.5, 3.0 })
            {
                foreach (var shared in new[] { 2, 3, 4 })
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"cross-terms x{terms}, cross-entities x{entities}, shared names {shared}"),
                        ClusteringOptions.Default with { CrossLanguageTermScale = terms, CrossLanguageEntityScale = entities, CrossLanguageSharedNames = shared });
                }
            }
        }
    }

    /// <summary>
    /// Clusters <paramref name="documents"/> (those ingest would: with text, of a page type that forms stories) under each
    /// setting and scores the pairs, in the ingest's order and then in <paramref name="orders"/> shuffled orders (seeds 1,
    /// 2, ...: the same orders for every setting); best training score first.
    /// </summary>
    public static List<TunedSetting> Run(
        IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, IEnumerable<(string Name, ClusteringOptions Options)> settings,
        Action<TunedSetting>? progress = null, int orders = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfNegative(orders);
        var ingestOrder = documents.Where(d => !string.IsNullOrWhiteSpace(d.Text) && d.Article.PageType.FormsStories())
            .Select((document, arrival) => (document, arrival))
            .OrderBy(x => x.document.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.arrival)
            .Select(x => x.document)
            .ToArray();
        var sequences = new List<Document[]> { ingestOrder };
        for (var seed = 1; seed <= orders; seed++)
        {
            var shuffled = ingestOrder.ToArray();
            new Random(seed).Shuffle(shuffled);
            sequences.Add(shuffled);
        }
        var results = new List<TunedSetting>();
        foreach (var (name, options) in settings)
        {
            var result = new TunedSetting(name, options, [.. sequences.Select(sequence => Score(pairs, documents, sequence, options))]);
            progress?.Invoke(result);
            results.Add(result);
        }
        return [.. results.OrderByDescending(r => r.TrainScore)];
    }

    private static SimilarityEvaluation Score(IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, Document[] sequence, ClusteringOptions options)
    {
        var clusterer = new StoryClusterer(options);
        foreach (var document in sequence) clusterer.Assign(document);
        clusterer.Settle();
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Article.Url is { } url) stories[SimilarityEvaluator.KeyOf(url)] = clusterer.StoryOf(document.Id) ?? document.Id;
        }
        return SimilarityEvaluator.Score(pairs, stories);
    }
}
