using System.Runtime.InteropServices;

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

    /// <summary>
    /// The share of the entity norm's square that country keys make (<see cref="CountryNames"/>), taken with that norm (NaN when
    /// it was taken without looking for keys): within one language the keys are not compared, so they leave the norm too.
    /// </summary>
    private double _keySquares = double.NaN;
    private double _writtenKeySquares = double.NaN;

    /// <summary>
    /// The share of the entity norm's square that Han name sound keys make (<see cref="HanNameKeys"/>), taken with that norm when
    /// asked for (NaN otherwise). Not stored: a profile read back takes it again at its first comparison that asks.
    /// </summary>
    private double _soundKeySquares = double.NaN;

    /// <summary>Whether the profile is in the list of refreshed norms a <see cref="Norm"/> call was given (until <see cref="ForgetUnwrittenNorms"/>).</summary>
    private bool _listedRefreshed;

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
    /// A norm computed afresh adds this profile to <paramref name="refreshed"/> when given, once until <see cref="ForgetUnwrittenNorms"/>
    /// (a flag rather than a set: hashing each new profile for a set cost more than the norm).
    /// With <c>countryKeys</c> (the entity channel may hold country keys, <see cref="ClusteringOptions.CountryKeys"/>) their share of
    /// the norm is taken in the same pass, for <see cref="NormWithoutCountryKeys"/>; without, no feature is asked whether it is a key.
    /// Likewise <c>soundKeys</c> (Han name sound keys, <see cref="ClusteringOptions.HanNameKeys"/>) for <see cref="EntityNorm"/>.
    /// </summary>
    public double Norm(int channel, FeatureSpace space, long documents, List<Profile>? refreshed = null, bool countryKeys = false, bool soundKeys = false)
    {
        var withKeys = countryKeys && channel == StoryClusterer.EntityChannel;
        var withSoundKeys = soundKeys && channel == StoryClusterer.EntityChannel;
        if (!double.IsNaN(_norms[channel]) && documents - _normDocuments[channel] <= Math.Max(2, _normDocuments[channel] / 50)
            && !(withKeys && double.IsNaN(_keySquares)) && !(withSoundKeys && double.IsNaN(_soundKeySquares)))
        {
            return _norms[channel];
        }
        space.Prefetch(Vectors[channel].Keys);
        double sum = 0, keys = 0, soundKeySquares = 0;
        foreach (var (id, weight) in Vectors[channel])
        {
            var w = weight * space.Idf(id, documents);
            sum += w * w;
            if (withKeys && CountryNames.IsKeyFeature(id)) keys += w * w;
            else if (withSoundKeys && HanNameKeys.IsKeyFeature(id)) soundKeySquares += w * w;
        }
        _norms[channel] = Math.Sqrt(sum);
        _normDocuments[channel] = documents;
        if (channel == StoryClusterer.EntityChannel)
        {
            _keySquares = withKeys ? keys : double.NaN;
            _soundKeySquares = withSoundKeys ? soundKeySquares : double.NaN;
        }
        if (refreshed is not null && !_listedRefreshed)
        {
            _listedRefreshed = true;
            refreshed.Add(this);
        }
        return _norms[channel];
    }

    /// <summary>
    /// The entity channel's <see cref="Norm"/> without its country keys: within one language a key's match is not counted (the
    /// country's own name is shared already), so its weight must not lower every cosine through the norm either.
    /// </summary>
    public double NormWithoutCountryKeys(FeatureSpace space, long documents, List<Profile>? refreshed = null) =>
        EntityNorm(space, documents, refreshed, soundKeys: false, withoutCountryKeys: true, withoutSoundKeys: false);

    /// <summary>
    /// The entity channel's <see cref="Norm"/> (country keys looked for) without the keys a comparison does not count: country keys
    /// within one language, Han name sound keys (when <paramref name="soundKeys"/> are made) unless one side writes Han and the other not.
    /// </summary>
    public double EntityNorm(FeatureSpace space, long documents, List<Profile>? refreshed, bool soundKeys, bool withoutCountryKeys, bool withoutSoundKeys)
    {
        var norm = Norm(StoryClusterer.EntityChannel, space, documents, refreshed, countryKeys: true, soundKeys: soundKeys);
        var dropped = (withoutCountryKeys && _keySquares > 0 ? _keySquares : 0) + (withoutSoundKeys && _soundKeySquares > 0 ? _soundKeySquares : 0);
        return dropped > 0 ? Math.Sqrt(Math.Max(0, norm * norm - dropped)) : norm;
    }

    /// <summary>Whether any of its documents is in Chinese, whose foreign names are written in Han characters.</summary>
    public bool WritesHan => Array.IndexOf(Languages, "zh") >= 0;

    /// <summary>
    /// Goes back to the norms as last written (or read): a norm refreshed while a story was compared but not changed is
    /// not written back, so a process reading the story from the store reuses the older one, and a process keeping it
    /// in memory must do the same, or the two would score the story differently and place articles differently.
    /// </summary>
    public void ForgetUnwrittenNorms()
    {
        _writtenNorms.CopyTo(_norms, 0);
        _writtenNormDocuments.CopyTo(_normDocuments, 0);
        _keySquares = _writtenKeySquares;
        _soundKeySquares = double.NaN;
        _listedRefreshed = false;
    }

    /// <summary>The features most worth looking up in the index: highest weight × IDF first.</summary>
    /// <remarks>
    /// Only the best <paramref name="limit"/> are kept, each inserted into place as it beats the last kept: the same list as
    /// sorting them all and cutting, since two features never compare equal (each has its own order, <see cref="FeatureSpace.Order"/>).
    /// A story's profile has hundreds of features and every placement asks for a few dozen.
    /// </remarks>
    public List<(long Id, double Weight)> QueryFeatures(int channel, FeatureSpace space, long documents, int limit)
    {
        if (limit <= 0) return [];
        space.Prefetch(Vectors[channel].Keys);
        var kept = new List<(long Id, double Weight, long Order)>(Math.Min(limit, Vectors[channel].Count) + 1);
        foreach (var (id, weight) in Vectors[channel])
        {
            var (idf, order) = space.IdfAndOrder(id, documents);
            var candidate = (Id: id, Weight: weight * idf, Order: order);
            if (kept.Count == limit && !Before(candidate, kept[^1])) continue;
            var at = kept.Count;
            while (at > 0 && Before(candidate, kept[at - 1])) at--;
            kept.Insert(at, candidate);
            if (kept.Count > limit) kept.RemoveAt(limit);
        }
        return kept.ConvertAll(s => (s.Id, s.Weight));

        // Ties go to the feature counted first (ids are hashes: an order by id would pick among equals at random).
        static bool Before((long Id, double Weight, long Order) a, (long Id, double Weight, long Order) b) =>
            a.Weight != b.Weight ? a.Weight.CompareTo(b.Weight) > 0 : a.Order < b.Order;
    }

    public Profile Plus(Profile other, ClusteringOptions options, FeatureSpace[] spaces)
    {
        var vectors = new Dictionary<long, double>[3];
        for (var c = 0; c < 3; c++)
        {
            // Copied in order and added to in the other's order: the sums, and so the order they are enumerated (and written) in, are kept.
            var sum = new Dictionary<long, double>(Vectors[c].Count + other.Vectors[c].Count);
            foreach (var (id, weight) in Vectors[c]) sum.Add(id, weight);
            vectors[c] = Added(sum, other.Vectors[c], c, options, spaces[c]);
        }
        return new Profile(vectors, Min(First, other.First), Max(Last, other.Last), Math.Max(Arrival, other.Arrival)) { Languages = Union(Languages, other.Languages) };
    }

    /// <summary>
    /// The sum of <paramref name="profiles"/> in their order: what adding each in turn to an empty profile with <see cref="Plus"/>
    /// gives, pruned after each as there, but summed in place rather than copying the growing vectors once per profile.
    /// </summary>
    public static Profile Sum(IEnumerable<Profile> profiles, ClusteringOptions options, FeatureSpace[] spaces)
    {
        Dictionary<long, double>[] vectors = [[], [], []];
        DateTimeOffset? first = null, last = null;
        long arrival = 0;
        string[] languages = [];
        foreach (var profile in profiles)
        {
            for (var c = 0; c < 3; c++) vectors[c] = Added(vectors[c], profile.Vectors[c], c, options, spaces[c]);
            (first, last, arrival) = (Min(first, profile.First), Max(last, profile.Last), Math.Max(arrival, profile.Arrival));
            languages = Union(languages, profile.Languages);
        }
        return new Profile(vectors, first, last, arrival) { Languages = languages };
    }

    /// <summary>Adds <paramref name="other"/> into <paramref name="sum"/> (new features after the old, in their order) and prunes the result to the channel's size.</summary>
    private static Dictionary<long, double> Added(Dictionary<long, double> sum, Dictionary<long, double> other, int channel, ClusteringOptions options, FeatureSpace space)
    {
        foreach (var (id, weight) in other) CollectionsMarshal.GetValueRefOrAddDefault(sum, id, out _) += weight;
        return Prune(sum, channel switch { 0 => options.CentroidTerms, 1 => options.CentroidEntities, _ => options.CentroidSpecifics }, space);
    }

    private static string[] Union(string[] mine, string[] theirs) =>
        theirs.All(l => Array.IndexOf(mine, l) >= 0) ? mine : [.. mine.Union(theirs, StringComparer.Ordinal)];

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
        // Heaviest first; ties go to the feature counted first (ids are hashes; see QueryFeatures), then to the one met first,
        // as a stable sort would leave them. Once per article a story takes, so no LINQ: its buffers cost more than the sort.
        var entries = new (long Id, double Weight, long Order, int Index)[vector.Count];
        var i = 0;
        foreach (var (id, weight) in vector)
        {
            entries[i] = (id, weight, space.Order(id), i);
            i++;
        }
        Array.Sort(entries, static (a, b) =>
            a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Index.CompareTo(b.Index));
        var kept = new Dictionary<long, double>(limit);
        for (var k = 0; k < limit; k++) kept.Add(entries[k].Id, entries[k].Weight);
        return kept;
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
        writer.Write(_keySquares);
        _norms.CopyTo(_writtenNorms, 0);
        _normDocuments.CopyTo(_writtenNormDocuments, 0);
        _writtenKeySquares = _keySquares;
        writer.Write(Languages.Length);
        foreach (var language in Languages) writer.Write(language);
    }

    /// <param name="reader">Positioned at a profile <see cref="Write"/> wrote.</param>
    /// <param name="format">The story state's format (<see cref="StoryState"/>): 1 was written before profiles carried languages, 2 before they carried the country keys' share of the entity norm.</param>
    public static Profile Read(BinaryReader reader, int format)
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
        var keySquares = format >= 3 ? reader.ReadDouble() : double.NaN;
        var languages = format >= 2 ? new string[reader.ReadInt32()] : [];
        for (var i = 0; i < languages.Length; i++) languages[i] = reader.ReadString();
        var profile = new Profile(vectors, first, last, arrival) { Languages = languages };
        norms.CopyTo(profile._norms, 0);
        normDocuments.CopyTo(profile._normDocuments, 0);
        norms.CopyTo(profile._writtenNorms, 0);
        normDocuments.CopyTo(profile._writtenNormDocuments, 0);
        profile._keySquares = profile._writtenKeySquares = keySquares;
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
