namespace Crosscheck.Stories.Clustering;

/// <summary>
/// One channel of features (terms, entities or specifics): ids, document frequencies learned online,
/// and the inverted index from feature to the stories that recently carried it.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly List<List<int>?> _postings = [];
    private readonly List<bool> _compound = [];

    /// <summary>Whether the feature joins two words (an entity name's adjacent pair, such as a first and last name).</summary>
    public bool IsCompound(int id) => _compound[id];

    public int Id(string feature)
    {
        if (_ids.TryGetValue(feature, out var id)) return id;
        id = _ids.Count;
        _ids.Add(feature, id);
        _compound.Add(feature.Contains('_', StringComparison.Ordinal));
        _documentFrequency.Add(0);
        _postings.Add(null);
        return id;
    }

    public void CountDocument(int id) => _documentFrequency[id]++;

    /// <summary>
    /// A prior of this many background documents in which no feature occurs (function words are
    /// removed before counting). Without it, a small collection gives every shared word an IDF of
    /// about zero: five outlets reporting one event share exactly the words that make it one event.
    /// The prior fades as the collection grows. 50 joins small same-event sets and also raised
    /// ECB+ dev B-cubed F1 slightly (0.904 → 0.908).
    /// </summary>
    private const double BackgroundDocuments = 50;

    /// <summary>
    /// Smoothed IDF at the current collection size plus the background prior: a feature in every
    /// document of a large collection weighs about zero, a feature seen once weighs ln(N+B+1).
    /// </summary>
    public double Idf(int id, long documents) => Math.Log((documents + BackgroundDocuments + 1.0) / (_documentFrequency[id] + 0.5));

    public List<int>? Postings(int id) => _postings[id];

    /// <summary>
    /// Appends a story to a feature's postings. Lists are trimmed to their most recent entries, so the
    /// work per lookup and the memory per feature stay bounded however large the collection grows.
    /// </summary>
    public void Post(int id, int story, int limit)
    {
        var list = _postings[id] ??= new List<int>(4);
        if (list.Count > 0 && list[^1] == story) return;
        list.Add(story);
        if (list.Count > 2 * limit) list.RemoveRange(0, list.Count - limit);
    }
}
