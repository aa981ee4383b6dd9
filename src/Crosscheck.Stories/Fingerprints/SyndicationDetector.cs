using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Stories.Fingerprints;

/// <summary>A copy's link to the earliest version of its text.</summary>
/// <param name="OriginalId">The earliest article this text was copied from.</param>
/// <param name="Share">Share of the copy's shingles found in the version it matched (1 = all copied).</param>
/// <param name="Jaccard">Shingle Jaccard similarity with that version.</param>
public readonly record struct CopyMatch(string OriginalId, double Share, double Jaccard);

/// <summary>A text's shingles and, when it has enough of them to be compared, their MinHash band keys (see <see cref="SyndicationDetector.Fingerprint"/>).</summary>
public sealed class TextFingerprint
{
    internal TextFingerprint(SyndicationOptions options, ulong[] shingles, ulong[]? bandKeys) => (Options, Shingles, BandKeys) = (options, shingles, bandKeys);

    internal SyndicationOptions Options { get; }

    internal ulong[] Shingles { get; }

    /// <summary>Null when the text has too few shingles to be compared.</summary>
    internal ulong[]? BandKeys { get; }
}

/// <summary>
/// Finds syndicated and lightly edited copies online: MinHash over word shingles with LSH banding
/// proposes candidates among recent documents, exact shingle overlap confirms them (Jaccard for
/// whole copies, containment for trimmed copies or copies with boilerplate added). Each copy is
/// linked to the earliest version of its text. Copies are marked, never dropped: they are evidence
/// of spread. Memory is bounded by a window of recent documents. Not thread-safe.
/// </summary>
public sealed class SyndicationDetector(SyndicationOptions? options = null)
{
    private readonly SyndicationOptions _options = options ?? SyndicationOptions.Default;
    private readonly Dictionary<ulong, List<Entry>> _buckets = [];
    private readonly Queue<Entry> _window = new();
    private readonly Dictionary<string, CopyMatch?> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<Entry> _candidates = [];
    private long _arrivals;

    /// <summary>
    /// With a store (<see cref="KeepWindowIn"/>): whether the window's texts are written to it (<see cref="TakeWindowChanges"/>), and the
    /// store its earlier texts are read from, null when this detector holds its whole window (a rebuild starts from nothing).
    /// </summary>
    private bool _storing;
    private IStoryStateStore? _stored;
    private bool _clockRead;

    /// <summary>With a store, the entries made since the last <see cref="TakeWindowChanges"/>, oldest first.</summary>
    private readonly List<Entry> _unsaved = [];

    /// <summary>Every copy found so far, by copy id.</summary>
    public IEnumerable<KeyValuePair<string, CopyMatch>> Copies =>
        _seen.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value!.Value));

    /// <summary>The original a copy was linked to and the share of copied text, or null for an original.</summary>
    public (string OriginalId, double Share)? CopyOf(string articleId) =>
        _seen.TryGetValue(articleId, out var match) && match is { } m ? (m.OriginalId, m.Share) : null;

    public CopyMatch? Add(Document document) => Add(document.Id, document.Text ?? "");

    /// <summary>Registers a text (in publication order) and returns its copy link when it copies an earlier one. Idempotent per id.</summary>
    public CopyMatch? Add(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _seen.TryGetValue(id, out var known) ? known : Add(id, Fingerprint(text));
    }

    /// <summary>
    /// What <see cref="Add(string, string)"/> computes from the text alone (shingles, MinHash band keys), under this detector's options.
    /// It reads no state, so texts can be fingerprinted in parallel, ahead of the one-by-one <see cref="Add(string, TextFingerprint)"/>.
    /// </summary>
    public TextFingerprint Fingerprint(string text)
    {
        var shingles = MinHash.Shingles(text ?? "", _options.ShingleWords, _options.MaxShingles);
        return Fingerprinted(shingles);
    }

    /// <summary>
    /// <see cref="Fingerprint(string)"/> of a text whose word hashes (<see cref="MinHash.WordHashes"/> of its words in order, at
    /// least the first <see cref="ScanLimit"/> when it has that many) are known: the same fingerprint.
    /// </summary>
    internal TextFingerprint FingerprintOfWords(ReadOnlySpan<ulong> wordHashes) =>
        Fingerprinted(MinHash.Shingles(wordHashes, _options.ShingleWords, _options.MaxShingles));

    /// <summary>How many of a text's words <see cref="Fingerprint(string)"/> reads at most.</summary>
    internal int ScanLimit => MinHash.ScanLimit(_options.ShingleWords, _options.MaxShingles);

    internal SyndicationOptions Options => _options;

    private TextFingerprint Fingerprinted(ulong[] shingles) =>
        new(_options, shingles, shingles.Length < _options.MinShingles ? null : BandKeys(MinHash.Signature(shingles, _options.Bands * _options.Rows)));

    /// <summary>Whether a fingerprint was taken under this detector's options (only such a one can be <see cref="Add(string, TextFingerprint)"/>ed).</summary>
    public bool Takes(TextFingerprint fingerprint) => Equals(fingerprint?.Options, _options);

    /// <summary><see cref="Add(string, string)"/> of a text fingerprinted ahead by <see cref="Fingerprint"/>: the same link, the same window.</summary>
    public CopyMatch? Add(string id, TextFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (!Takes(fingerprint)) throw new ArgumentException("The fingerprint was taken under other options than this detector's.", nameof(fingerprint));
        if (_seen.TryGetValue(id, out var known)) return known;
        var (shingles, keys) = (fingerprint.Shingles, fingerprint.BandKeys);
        if (keys is null)
        {
            _seen[id] = null;
            return null;
        }
        if (_stored is not null && !_clockRead)
        {
            _arrivals = _stored.LoadWindowClock(TextWindow.Copies);
            _clockRead = true;
        }

        var (match, rootArrival) = FindOriginal(shingles, keys);
        _seen[id] = match;

        var arrival = ++_arrivals;
        var entry = new Entry(id, arrival, shingles, keys, match?.OriginalId ?? id, match is null ? arrival : rootArrival);
        foreach (var key in keys)
        {
            if (!_buckets.TryGetValue(key, out var bucket)) _buckets[key] = bucket = [];
            bucket.Add(entry);
            if (bucket.Count > _options.MaxBucketSize) bucket.RemoveAt(0);
        }
        _window.Enqueue(entry);
        if (_storing) _unsaved.Add(entry);
        while (_window.Count > _options.Window) Evict(_window.Dequeue());
        return match;
    }

    /// <summary>
    /// Keeps the window in the store as well (the clusterer's stored state): the texts made since the last call of
    /// <see cref="TakeWindowChanges"/> are handed to the save. With <paramref name="reading"/>, the window's earlier texts are there,
    /// not in memory: a text asks the store for the postings of its own band keys and reads the few texts they name, so the detector
    /// finds what one that never saved would, and memory holds only the texts since the last save. Without it (a rebuild from
    /// nothing) the whole window stays in memory, as without a store.
    /// </summary>
    internal void KeepWindowIn(IStoryStateStore? reading)
    {
        _storing = true;
        _stored = reading;
    }

    /// <summary>
    /// The texts made since the last call that the window still holds, to be stored with their band keys, and the first number it
    /// holds (stored texts numbered below it are dropped); after it, a detector reading the store lets them go from memory.
    /// </summary>
    internal (List<StoredWindowText> Texts, long? From) TakeWindowChanges()
    {
        if (!_storing) return ([], null);
        var first = _arrivals - _options.Window + 1;
        var texts = _unsaved.Where(e => e.Arrival >= first)
            .Select(e => new StoredWindowText(TextWindow.Copies, e.Arrival, e.Id, Array.ConvertAll(e.Keys, k => unchecked((long)k)), Serialize(e))).ToList();
        var from = first > 1 && (_stored is null || _clockRead) ? first : (long?)null;
        _unsaved.Clear();
        if (_stored is not null)
        {
            _buckets.Clear();
            _window.Clear();
            _seen.Clear();
        }
        return (texts, from);
    }

    /// <summary>
    /// Adds to <see cref="_candidates"/> what the stored window's buckets of these keys hold: per key, the newest texts still in the
    /// window, as many as the bucket's cap leaves beside the texts held in memory (all newer than the stored ones): the bucket a
    /// detector that never saved would hold.
    /// </summary>
    private void AddStoredCandidates(IStoryStateStore stored, ulong[] keys)
    {
        var first = _arrivals - _options.Window + 1;
        var numbers = new HashSet<long>();
        foreach (var bucket in stored.LoadWindowPostings(TextWindow.Copies, [.. keys.Distinct().Select(k => unchecked((long)k))])
            .Where(p => p.Number >= first).GroupBy(p => p.Key))
        {
            var held = _buckets.TryGetValue(unchecked((ulong)bucket.Key), out var inMemory) ? inMemory.Count : 0;
            numbers.UnionWith(bucket.Select(p => p.Number).OrderDescending().Take(_options.MaxBucketSize - held));
        }
        if (numbers.Count == 0) return;
        foreach (var text in stored.LoadWindowTexts(TextWindow.Copies, numbers)) _candidates.Add(Deserialize(text));
    }

    private static byte[] Serialize(Entry entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(entry.RootArrival);
            writer.Write(entry.RootId);
            writer.Write(entry.Shingles.Length);
            foreach (var shingle in entry.Shingles) writer.Write(shingle);
        }
        return buffer.ToArray();
    }

    private static Entry Deserialize(StoredWindowText text)
    {
        using var reader = new BinaryReader(new MemoryStream(text.Entry, writable: false));
        var rootArrival = reader.ReadInt64();
        var rootId = reader.ReadString();
        var shingles = new ulong[reader.ReadInt32()];
        for (var i = 0; i < shingles.Length; i++) shingles[i] = reader.ReadUInt64();
        return new Entry(text.ArticleId, text.Number, shingles, [], rootId, rootArrival);
    }

    private (CopyMatch? Match, long RootArrival) FindOriginal(ulong[] shingles, ulong[] keys)
    {
        _candidates.Clear();
        foreach (var key in keys)
        {
            if (_buckets.TryGetValue(key, out var bucket)) _candidates.UnionWith(bucket);
        }
        if (_stored is not null) AddStoredCandidates(_stored, keys);
        Entry? best = null;
        CopyMatch? bestMatch = null;
        foreach (var candidate in _candidates)
        {
            var overlap = MinHash.Overlap(shingles, candidate.Shingles);
            if (overlap == 0) continue;
            var jaccard = (double)overlap / (shingles.Length + candidate.Shingles.Length - overlap);
            var share = (double)overlap / shingles.Length;
            if (jaccard < _options.JaccardThreshold && share < _options.ContainmentThreshold) continue;
            // The earliest root wins; among versions of that root, the one sharing most text gives the share.
            var better = best is null
                || candidate.RootArrival < best.RootArrival
                || (candidate.RootArrival == best.RootArrival && (share > bestMatch!.Value.Share || (share == bestMatch.Value.Share && candidate.Arrival < best.Arrival)));
            if (!better) continue;
            best = candidate;
            bestMatch = new CopyMatch(candidate.RootId, share, jaccard);
        }
        _candidates.Clear();
        return (bestMatch, best?.RootArrival ?? 0);
    }

    private ulong[] BandKeys(ulong[] signature)
    {
        var keys = new ulong[_options.Bands];
        for (var band = 0; band < _options.Bands; band++)
        {
            var h = (ulong)(band + 1) * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < _options.Rows; row++)
            {
                h ^= signature[band * _options.Rows + row];
                h *= 0x100000001b3UL;
                h ^= h >> 29;
            }
            keys[band] = h;
        }
        return keys;
    }

    private void Evict(Entry entry)
    {
        foreach (var key in entry.Keys)
        {
            if (!_buckets.TryGetValue(key, out var bucket)) continue;
            bucket.Remove(entry);
            if (bucket.Count == 0) _buckets.Remove(key);
        }
    }

    /// <summary>A text in the window; a copy carries its root's id and arrival so chains resolve to the earliest version.</summary>
    private sealed class Entry(string id, long arrival, ulong[] shingles, ulong[] keys, string rootId, long rootArrival)
    {
        public string Id { get; } = id;

        public long Arrival { get; } = arrival;

        public ulong[] Shingles { get; } = shingles;

        public ulong[] Keys { get; } = keys;

        public string RootId { get; } = rootId;

        public long RootArrival { get; } = rootArrival;
    }
}
