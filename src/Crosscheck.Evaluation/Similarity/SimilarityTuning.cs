using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Evaluation.Similarity;

/// <summary>One clustering setting tried by <see cref="SimilarityTuning"/> and its scores.</summary>
public sealed record TunedSetting(string Name, ClusteringOptions Options, SimilarityEvaluation Evaluation)
{
    /// <summary>What settings are chosen by: the mean of same-language and cross-language F1 on the training pairs only.</summary>
    public double TrainScore => (Evaluation.Group("train same-language").F1 + Evaluation.Group("train cross-language").F1) / 2;
}

/// <summary>
/// Chooses clustering thresholds on the training part of the rated pairs: the documents already ingested into a
/// store are clustered again under each setting (as ingest assigns stories: publication order, then arrival), and
/// every setting is scored; the held-out pairs are printed beside but never chosen on.
/// </summary>
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

    /// <summary>Clusters <paramref name="documents"/> (those ingest would: with text, of a page type that forms stories) under each setting and scores the pairs; best training score first.</summary>
    public static List<TunedSetting> Run(
        IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, IEnumerable<(string Name, ClusteringOptions Options)> settings,
        Action<TunedSetting>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ordered = documents.Where(d => !string.IsNullOrWhiteSpace(d.Text) && d.Article.PageType.FormsStories())
            .Select((document, arrival) => (document, arrival))
            .OrderBy(x => x.document.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.arrival)
            .Select(x => x.document)
            .ToList();
        var results = new List<TunedSetting>();
        foreach (var (name, options) in settings)
        {
            var clusterer = new StoryClusterer(options);
            foreach (var document in ordered) clusterer.Assign(document);
            clusterer.Settle();
            var stories = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                if (document.Article.Url is { } url) stories[SimilarityEvaluator.KeyOf(url)] = clusterer.StoryOf(document.Id) ?? document.Id;
            }
            var result = new TunedSetting(name, options, SimilarityEvaluator.Score(pairs, stories));
            progress?.Invoke(result);
            results.Add(result);
        }
        return [.. results.OrderByDescending(r => r.TrainScore)];
    }
}
