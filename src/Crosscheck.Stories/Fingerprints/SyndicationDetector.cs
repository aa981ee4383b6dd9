using Crosscheck.Core.Model;

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
        Newest = null;
        if (_seen.TryGetValue(id, out var known)) return known;
        var (shingles, keys) = (fingerprint.Shingles, fingerprint.BandKeys);
        if (keys is null)
        {
            _seen[id] = null;
            return null;
        }

        var (match, rootArrival) = FindOriginal(shingles, keys);
        _seen[id] = match;

        var arrival = ++_arrivals;
        Remember(new Entry(id, arrival, shingles, keys, match?.OriginalId ?? id, match is null ? arrival : rootArrival));
        return match;
    }

    /// <summary>The window entry the last <see cref="Add(string, TextFingerprint)"/> made (null when it made none: a text too short, an id seen before).</summary>
    internal Entry? Newest { get; private set; }

    /// <summary>How many texts the window holds at most (<see cref="SyndicationOptions.Window"/>).</summary>
    internal int Window => _options.Window;

    /// <summary>
    /// Puts back an entry a detector of the same options made (<see cref="Newest"/>), in the order they were made: a detector given
    /// its window's entries so holds the same window, buckets and clock as the one that made them (a bucket and the window both
    /// drop their oldest first). The copy links the entries carry are kept as made; the ids are not <see cref="Copies"/>.
    /// </summary>
    internal void Restore(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _arrivals = Math.Max(_arrivals, entry.Arrival);
        Remember(entry);
    }

    private void Remember(Entry entry)
    {
        foreach (var key in entry.Keys)
        {
            if (!_buckets.TryGetValue(key, out var bucket)) _buckets[key] = bucket = [];
            bucket.Add(entry);
            if (bucket.Count > _options.MaxBucketSize) bucket.RemoveAt(0);
        }
        _window.Enqueue(entry);
        Newest = entry;
        while (_window.Count > _options.Window) Evict(_window.Dequeue());
    }

    private (CopyMatch? Match, long RootArrival) FindOriginal(ulong[] shingles, ulong[] keys)
    {
        _candidates.Clear();
        foreach (var key in keys)
        {
            if (_buckets.TryGetValue(key, out var bucket)) _candidates.UnionWith(bucket);
        }
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
    internal sealed class Entry(string id, long arrival, ulong[] shingles, ulong[] keys, string rootId, long rootArrival)
    {
        public string Id { get; } = id;

        public long Arrival { get; } = arrival;

        public ulong[] Shingles { get; } = shingles;

        public ulong[] Keys { get; } = keys;

        public string RootId { get; } = rootId;

        public long RootArrival { get; } = rootArrival;
    }
}
