namespace Crosscheck.Stories.Clustering;

/// <summary>
/// A document or story as the clusterer sees it: per channel, a sparse vector of feature id to
/// weight (a story's is the sum of its documents' unit vectors, pruned to the strongest features),
/// plus its time span. IDF is applied at comparison time, so stories built while the document
/// frequencies were young are still compared with today's statistics.
/// </summary>
internal sealed class Profile(Dictionary<long, double>[] vectors, DateTimeOffset? first, DateTimeOffset? last, long arrival)
{
    private readonly double[] _norms = [double.NaN, double.NaN, double.NaN];
    private readonly long[] _normDocuments = new long[3];
    private readonly double[] _writtenNorms = [double.NaN, double.NaN, double.NaN];
    private readonly long[] _writtenNormDocuments = new long[3];

    public Dictionary<long, double>[] Vectors { get; } = vectors;

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

    public static Profile FromDocument(DocumentFeatures features, DateTimeOffset? published, long arrival) =>
        FromVectors(Vectorize(features), features.Language, published, arrival);

    /// <summary>A document's profile from its <see cref="Vectorize"/>d features (used once: the profile takes the vectors).</summary>
    public static Profile FromVectors(Dictionary<long, double>[] vectors, string? language, DateTimeOffset? published, long arrival) =>
        new(vectors, published, published, arrival) { Languages = language is not null ? [language] : [] };

    /// <summary>A document's unit vector per channel, keyed by feature id: a function of its features alone (no statistics), so it can be computed ahead.</summary>
    public static Dictionary<long, double>[] Vectorize(DocumentFeatures features) =>
        [Unit(features.Terms, 0), Unit(features.Entities, 1), Unit(features.Specifics, 2)];

    /// <summary>
    /// Euclidean norm of the IDF-weighted vector. Cached while the collection grows by less than 2%,
    /// since IDF then moves too little to matter and recomputing per comparison would dominate cost.
    /// A norm computed afresh adds this profile to <paramref name="refreshed"/> when given (see <see cref="ForgetUnwrittenNorms"/>).
    /// </summary>
    public double Norm(int channel, FeatureSpace space, long documents, ICollection<Profile>? refreshed = null)
    {
        if (!double.IsNaN(_norms[channel]) && documents - _normDocuments[channel] <= Math.Max(2, _normDocuments[channel] / 50)) return _norms[channel];
        space.Prefetch(Vectors[channel].Keys);
        double sum = 0;
        foreach (var (id, weight) in Vectors[channel])
        {
            var w = weight * space.Idf(id, documents);
            sum += w * w;
        }
        _norms[channel] = Math.Sqrt(sum);
        _normDocuments[channel] = documents;
        refreshed?.Add(this);
        return _norms[channel];
    }

    /// <summary>
    /// Goes back to the norms as last written (or read): a norm refreshed while a story was compared but not changed is
    /// not written back, so a process reading the story from the store reuses the older one, and a process keeping it
    /// in memory must do the same, or the two would score the story differently and place articles differently.
    /// </summary>
    public void ForgetUnwrittenNorms()
    {
        _writtenNorms.CopyTo(_norms, 0);
        _writtenNormDocuments.CopyTo(_normDocuments, 0);
    }

    /// <summary>The features most worth looking up in the index: highest weight × IDF first.</summary>
    public List<(long Id, double Weight)> QueryFeatures(int channel, FeatureSpace space, long documents, int limit)
    {
        space.Prefetch(Vectors[channel].Keys);
        var scored = new List<(long Id, double Weight, long Order)>(Vectors[channel].Count);
        foreach (var (id, weight) in Vectors[channel]) scored.Add((id, weight * space.Idf(id, documents), space.Order(id)));
        // Ties go to the feature counted first (ids are hashes: an order by id would pick among equals at random).
        scored.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Order.CompareTo(b.Order));
        if (scored.Count > limit) scored.RemoveRange(limit, scored.Count - limit);
        return scored.ConvertAll(s => (s.Id, s.Weight));
    }

    public Profile Plus(Profile other, ClusteringOptions options, FeatureSpace[] spaces)
    {
        var vectors = new Dictionary<long, double>[3];
        for (var c = 0; c < 3; c++)
        {
            var sum = new Dictionary<long, double>(Vectors[c]);
            foreach (var (id, weight) in other.Vectors[c]) sum[id] = sum.GetValueOrDefault(id) + weight;
            vectors[c] = Prune(sum, c switch { 0 => options.CentroidTerms, 1 => options.CentroidEntities, _ => options.CentroidSpecifics }, spaces[c]);
        }
        return new Profile(vectors, Min(First, other.First), Max(Last, other.Last), Math.Max(Arrival, other.Arrival))
        {
            Languages = other.Languages.All(l => Array.IndexOf(Languages, l) >= 0) ? Languages : [.. Languages.Union(other.Languages, StringComparer.Ordinal)],
        };
    }

    /// <summary>Same span and arrival, no vectors: what a retired story keeps.</summary>
    public Profile Stripped() => new([[], [], []], First, Last, Arrival) { Languages = Languages };

    private static Dictionary<long, double> Unit(Dictionary<string, double> features, int channel)
    {
        double sum = 0;
        foreach (var weight in features.Values) sum += weight * weight;
        var norm = Math.Sqrt(sum);
        var vector = new Dictionary<long, double>(features.Count);
        if (norm == 0) return vector;
        // Sorted keys fix the vector's order (and so the order sums are taken in) for the same stream.
        foreach (var key in features.Keys.Order(StringComparer.Ordinal)) vector[FeatureSpace.KeyOf(channel, key)] = features[key] / norm;
        return vector;
    }

    private static Dictionary<long, double> Prune(Dictionary<long, double> vector, int limit, FeatureSpace space)
    {
        if (vector.Count <= limit) return vector;
        space.Prefetch(vector.Keys);
        // Ties go to the feature counted first (ids are hashes; see QueryFeatures).
        var kept = vector.OrderByDescending(p => p.Value).ThenBy(p => space.Order(p.Key)).Take(limit);
        return kept.ToDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>
    /// Writes the profile exactly (vectors in their order, span, arrival, cached norms, languages), so a stored story
    /// compares as the one in memory did: the languages decide whether two stories meet across languages.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        foreach (var vector in Vectors)
        {
            writer.Write(vector.Count);
            foreach (var (id, weight) in vector)
            {
                writer.Write(id);
                writer.Write(weight);
            }
        }
        WriteTime(writer, First);
        WriteTime(writer, Last);
        writer.Write(Arrival);
        for (var c = 0; c < 3; c++)
        {
            writer.Write(_norms[c]);
            writer.Write(_normDocuments[c]);
        }
        _norms.CopyTo(_writtenNorms, 0);
        _normDocuments.CopyTo(_writtenNormDocuments, 0);
        writer.Write(Languages.Length);
        foreach (var language in Languages) writer.Write(language);
    }

    /// <param name="reader">Positioned at a profile <see cref="Write"/> wrote.</param>
    /// <param name="withLanguages">False for a story state of format 1, written before profiles carried languages.</param>
    public static Profile Read(BinaryReader reader, bool withLanguages = true)
    {
        var vectors = new Dictionary<long, double>[3];
        for (var c = 0; c < 3; c++)
        {
            var count = reader.ReadInt32();
            var vector = new Dictionary<long, double>(count);
            for (var i = 0; i < count; i++) vector.Add(reader.ReadInt64(), reader.ReadDouble());
            vectors[c] = vector;
        }
        var (first, last, arrival) = (ReadTime(reader), ReadTime(reader), reader.ReadInt64());
        var norms = new double[3];
        var normDocuments = new long[3];
        for (var c = 0; c < 3; c++)
        {
            norms[c] = reader.ReadDouble();
            normDocuments[c] = reader.ReadInt64();
        }
        var languages = withLanguages ? new string[reader.ReadInt32()] : [];
        for (var i = 0; i < languages.Length; i++) languages[i] = reader.ReadString();
        var profile = new Profile(vectors, first, last, arrival) { Languages = languages };
        norms.CopyTo(profile._norms, 0);
        normDocuments.CopyTo(profile._normDocuments, 0);
        norms.CopyTo(profile._writtenNorms, 0);
        normDocuments.CopyTo(profile._writtenNormDocuments, 0);
        return profile;
    }

    private static void WriteTime(BinaryWriter writer, DateTimeOffset? time)
    {
        writer.Write(time is not null);
        if (time is not { } value) return;
        writer.Write(value.Ticks);
        writer.Write(value.Offset.Ticks);
    }

    private static DateTimeOffset? ReadTime(BinaryReader reader) =>
        reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), new TimeSpan(reader.ReadInt64())) : null;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
