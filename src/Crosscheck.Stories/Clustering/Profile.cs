namespace Crosscheck.Stories.Clustering;

/// <summary>
/// A document or story as the clusterer sees it: per channel, a sparse vector of feature id to
/// weight (a story's is the sum of its documents' unit vectors, pruned to the strongest features),
/// plus its time span. IDF is applied at comparison time, so stories built while the document
/// frequencies were young are still compared with today's statistics.
/// </summary>
internal sealed class Profile(Dictionary<int, double>[] vectors, DateTimeOffset? first, DateTimeOffset? last, long arrival)
{
    private readonly double[] _norms = [double.NaN, double.NaN, double.NaN];
    private readonly long[] _normDocuments = new long[3];

    public Dictionary<int, double>[] Vectors { get; } = vectors;

    public DateTimeOffset? First { get; } = first;

    public DateTimeOffset? Last { get; } = last;

    /// <summary>Arrival number of the latest document in it.</summary>
    public long Arrival { get; } = arrival;

    /// <summary>The identified languages of its documents (distinct; empty when none was identified).</summary>
    public string[] Languages { get; private init; } = [];

    /// <summary>Whether both carry languages and share none: their words can meet only through names and numbers.</summary>
    public bool OtherLanguageThan(Profile other)
    {
        if (Languages.Length == 0 || other.Languages.Length == 0) return false;
        foreach (var language in Languages)
        {
            if (Array.IndexOf(other.Languages, language) >= 0) return false;
        }
        return true;
    }

    public static Profile Empty() => new([[], [], []], null, null, 0);

    public static Profile FromDocument(DocumentFeatures features, FeatureSpace[] spaces, DateTimeOffset? published, long arrival)
    {
        var vectors = new[]
        {
            Unit(features.Terms, spaces[0]),
            Unit(features.Entities, spaces[1]),
            Unit(features.Specifics, spaces[2]),
        };
        return new Profile(vectors, published, published, arrival) { Languages = features.Language is { } language ? [language] : [] };
    }

    /// <summary>
    /// Euclidean norm of the IDF-weighted vector. Cached while the collection grows by less than 2%,
    /// since IDF then moves too little to matter and recomputing per comparison would dominate cost.
    /// </summary>
    public double Norm(int channel, FeatureSpace space, long documents)
    {
        if (!double.IsNaN(_norms[channel]) && documents - _normDocuments[channel] <= Math.Max(2, _normDocuments[channel] / 50)) return _norms[channel];
        double sum = 0;
        foreach (var (id, weight) in Vectors[channel])
        {
            var w = weight * space.Idf(id, documents);
            sum += w * w;
        }
        _norms[channel] = Math.Sqrt(sum);
        _normDocuments[channel] = documents;
        return _norms[channel];
    }

    /// <summary>The features most worth looking up in the index: highest weight × IDF first.</summary>
    public List<(int Id, double Weight)> QueryFeatures(int channel, FeatureSpace space, long documents, int limit)
    {
        var scored = new List<(int Id, double Weight)>(Vectors[channel].Count);
        foreach (var (id, weight) in Vectors[channel]) scored.Add((id, weight * space.Idf(id, documents)));
        scored.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Id.CompareTo(b.Id));
        if (scored.Count > limit) scored.RemoveRange(limit, scored.Count - limit);
        return scored;
    }

    public Profile Plus(Profile other, ClusteringOptions options)
    {
        var vectors = new Dictionary<int, double>[3];
        for (var c = 0; c < 3; c++)
        {
            var sum = new Dictionary<int, double>(Vectors[c]);
            foreach (var (id, weight) in other.Vectors[c]) sum[id] = sum.GetValueOrDefault(id) + weight;
            vectors[c] = Prune(sum, c switch { 0 => options.CentroidTerms, 1 => options.CentroidEntities, _ => options.CentroidSpecifics });
        }
        return new Profile(vectors, Min(First, other.First), Max(Last, other.Last), Math.Max(Arrival, other.Arrival))
        {
            Languages = other.Languages.All(l => Array.IndexOf(Languages, l) >= 0) ? Languages : [.. Languages.Union(other.Languages, StringComparer.Ordinal)],
        };
    }

    /// <summary>Same span and arrival, no vectors: what a retired story keeps.</summary>
    public Profile Stripped() => new([[], [], []], First, Last, Arrival) { Languages = Languages };

    private static Dictionary<int, double> Unit(Dictionary<string, double> features, FeatureSpace space)
    {
        double sum = 0;
        foreach (var weight in features.Values) sum += weight * weight;
        var norm = Math.Sqrt(sum);
        var vector = new Dictionary<int, double>(features.Count);
        if (norm == 0) return vector;
        // Sorted keys give ids in a fixed order, so the same stream always yields the same ids.
        foreach (var key in features.Keys.Order(StringComparer.Ordinal)) vector[space.Id(key)] = features[key] / norm;
        return vector;
    }

    private static Dictionary<int, double> Prune(Dictionary<int, double> vector, int limit)
    {
        if (vector.Count <= limit) return vector;
        var kept = vector.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(limit);
        return kept.ToDictionary(p => p.Key, p => p.Value);
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
