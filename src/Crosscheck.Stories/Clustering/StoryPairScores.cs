using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// How a <see cref="StoryClusterer"/> would score documents now, without adding any: for tests and diagnostics (the error analysis
/// of <c>crosscheck eval similarity --tune</c>, <c>crosscheck eval events --document-pairs</c>). Each document is profiled as if placed
/// first and stored nowhere. The clusterer lends them only its options and its pair score (the one its placements use); nothing
/// here is on the placing path.
/// </summary>
public static class StoryPairScores
{
    /// <summary>Similarity of two documents as the clusterer would score them now.</summary>
    public static double Compare(this StoryClusterer clusterer, Document a, Document b) => clusterer.CompareChannels(a, b).Score;

    /// <summary>
    /// <see cref="Compare"/>'s score with what it rests on: each channel's cosine as weighed (terms, entities, specifics; after the
    /// cross-language lifts; NaN where a side has none), for error analysis of rated pairs.
    /// </summary>
    public static PairComparison CompareChannels(this StoryClusterer clusterer, Document a, Document b)
    {
        ArgumentNullException.ThrowIfNull(clusterer);
        return clusterer.ScoreChannels(ProfileOf(clusterer, a), ProfileOf(clusterer, b));
    }

    /// <summary>
    /// <see cref="Compare"/> for every two of <paramref name="documents"/> (each document's profile made once): the matrix of the
    /// clusterer's pair scores, for diagnostics (<c>crosscheck eval events --document-pairs</c>).
    /// </summary>
    public static double[,] CompareAll(this StoryClusterer clusterer, IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(clusterer);
        ArgumentNullException.ThrowIfNull(documents);
        var profiles = documents.Select(document => ProfileOf(clusterer, document)).ToArray();
        var result = new double[profiles.Length, profiles.Length];
        for (var i = 0; i < profiles.Length; i++)
        {
            for (var j = i + 1; j < profiles.Length; j++) result[i, j] = result[j, i] = clusterer.Similarity(profiles[i], profiles[j]);
        }
        return result;
    }

    /// <summary>A document's profile as if placed first (arrival 0), stored nowhere.</summary>
    private static Profile ProfileOf(StoryClusterer clusterer, Document document) =>
        Profile.FromDocument(DocumentFeatures.Extract(document, clusterer.Options), document.Article.Published?.Value, 0);
}

/// <summary>Two documents' similarity as the clusterer scores them (<see cref="StoryPairScores.CompareChannels"/>) and its channel cosines (NaN: dropped, a side has none).</summary>
public readonly record struct PairComparison(double Score, double Terms, double Entities, double Specifics);
