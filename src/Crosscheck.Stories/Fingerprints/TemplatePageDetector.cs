using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Crosscheck.Core.Pipeline;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Stories.Fingerprints;

/// <summary>
/// Finds template pages online: a text that is mostly a block of words another recent text also holds verbatim (a cookie notice,
/// a paywall form, a site's disclaimer; at least two thirds of its words) under an own part that has nothing to do with that
/// block, as the other text's own part has not either. A short report ending in a sentence another report ends in too (an
/// agency's or charity's boilerplate) keeps its features while its own report is at least half as long as that sentence. A copy of a news report shares its body too, but its own part (a headline of its own, a changed word) speaks
/// of what the shared body says, or is shared by both; a template's headlines never recur in the block and differ from each
/// other. Shape only: word shingles, no word list, any language whose words <see cref="Words.Scan"/> splits. Memory is bounded
/// by a window of recent texts. Not thread-safe.
/// </summary>
public sealed class TemplatePageDetector
{
    /// <summary>Words per shingle (as the syndication detector's).</summary>
    public const int ShingleWords = 4;

    /// <summary>Shingles the two texts must share at least.</summary>
    public const int MinShared = 10;

    /// <summary>Share of the new text's shingles the block must cover at least (a cheap first test; <see cref="MinCovered"/> decides).</summary>
    public const double MinShare = 0.5;

    /// <summary>
    /// Share of the new text's words the block must cover at least: it is at least twice the text's own part (a headline, a line
    /// of teaser). A short report that shares one closing sentence (a charity's or agency's boilerplate) as long as its own
    /// report, or up to twice as long, keeps its features (tidy11).
    /// </summary>
    public const double MinCovered = 2.0 / 3;

    /// <summary>Distinct words each text must keep outside the block (its own part: a headline; a copy with a word or two changed near its start keeps fewer).</summary>
    public const int MinOwnWords = 5;

    /// <summary>The two own parts may share at most this Jaccard share of their words (else they tell the same thing).</summary>
    public const double MaxOwnOverlap = 0.2;

    /// <summary>Words of at least this many characters count as content words of an own part.</summary>
    public const int ContentWordLength = 4;

    /// <summary>An own part's content words may recur in the block at most at this share (a report's headline recurs in its body).</summary>
    public const double MaxOwnInBlock = 0.1;

    private const int MaxWords = 5_000;
    private const int MaxPosting = 64;

    private readonly int _window;

    /// <summary>
    /// The texts of the window holding each shingle, oldest first, at most <see cref="MaxPosting"/>: an <see cref="Entry"/> while
    /// one text holds it (most shingles), a <see cref="List{T}"/> of them once two do.
    /// </summary>
    private readonly Dictionary<ulong, object> _postings = [];
    private readonly Queue<Entry> _recent = new();
    private long _query;

    /// <summary>
    /// With a store (<see cref="KeepWindowIn"/>): whether the window's texts are written to it, the store its earlier texts are read
    /// from (null when this detector holds its whole window), how many texts were added ever (the number of the last), and the
    /// texts added since the last <see cref="TakeWindowChanges"/>.
    /// </summary>
    private bool _storing;
    private IStoryStateStore? _stored;
    private long _clock;
    private readonly List<(Entry Entry, string ArticleId)> _unsaved = [];
    private string? _adding;

    /// <param name="window">
    /// Most recent texts kept for comparison. A text costs about 70 bytes per word here (its word hashes and content flags, its
    /// distinct shingles, their postings; measured on the SemEval articles), so a full default window of 5,000 texts of 600
    /// words holds about 210 MB (20,000 would hold 850 MB, too much beside the rest of a laptop's ingest). A site's notice or
    /// paywall form recurs far more often than once in 5,000 arrivals. The window fills only where that many texts are placed
    /// between saves (one ingest run's new articles, a replay, an in-memory clusterer): with a store the detector is new at each
    /// save (see StoryClusterer). Every evaluation stream (SemEval 2,419 texts, ECB+ 772, WCXB 1,497) fits in it whole.
    /// </param>
    public TemplatePageDetector(int window = 5_000) => _window = Math.Max(1, window);

    /// <summary>Registers a text (in arrival order) and returns whether it is a template page against a text seen before.</summary>
    public bool Add(string? text) => Add(Entry.Of(text ?? ""));

    /// <summary>
    /// <see cref="Add(string?)"/> of a text prepared ahead (<see cref="Prepare"/>), or of <paramref name="text"/> when none was:
    /// the same answer, the same window.
    /// </summary>
    /// <remarks>The article id, when given, is stored with the text when the window is (<see cref="KeepWindowIn"/>).</remarks>
    internal bool Add(Entry? prepared, string? text, string? articleId = null)
    {
        _adding = articleId;
        return Add(prepared ?? Entry.Of(text ?? ""));
    }

    private bool Add(Entry entry)
    {
        // A prepared text placed twice (never by the clusterer, which places an article once) is a text of its own each time.
        if (entry.Remembered) entry = entry.Fresh();
        var template = entry.Set.Length > 0 && IsTemplateAgainstSeen(entry);
        Remember(entry);
        return template;
    }

    /// <summary>
    /// What <see cref="Add(string?)"/> computes from the text alone (its word hashes, content flags and distinct shingles), and the
    /// syndication fingerprint of <paramref name="syndication"/> (null without one) from the same scan: the text's words are read,
    /// folded and hashed once for both (<see cref="MinHash.WordHashes"/>, the hashes both detectors use), and the shingles are
    /// taken from the fingerprint when it holds exactly this detector's (same shingle length, every word of the text read by both,
    /// none cut by its cap). Reads no state, so texts can be prepared in parallel, ahead of the one-by-one <see cref="Add(Entry?, string?, string?)"/>.
    /// </summary>
    internal static Entry Prepare(string? text, SyndicationDetector? syndication, out TextFingerprint? fingerprint)
    {
        text ??= "";
        var limit = syndication is null ? MaxWords : Math.Max(MaxWords, syndication.ScanLimit);
        var tokens = Clustering.Words.Scan(text, limit);
        var count = Math.Min(tokens.Count, MaxWords);
        var lengths = new int[count];
        var hashes = MinHash.WordHashes(text, tokens, lengths);
        fingerprint = syndication?.FingerprintOfWords(hashes);
        var sameShingles = fingerprint is not null && syndication!.Options.ShingleWords == ShingleWords && tokens.Count <= MaxWords
            && tokens.Count <= syndication.ScanLimit && tokens.Count - ShingleWords + 1 <= syndication.Options.MaxShingles;
        var words = hashes.Length == count ? hashes : hashes[..count];
        return Entry.Of(words, tokens, lengths, sameShingles ? fingerprint!.Shingles : null);
    }

    private bool IsTemplateAgainstSeen(Entry entry)
    {
        // Each text met counts the shingles it shares on itself (no dictionary): _query marks the counts of this call.
        _query++;
        var met = new List<Entry>();
        foreach (var shingle in entry.Set)
        {
            if (!_postings.TryGetValue(shingle, out var posting)) continue;
            if (posting is Entry single) Meet(single, met);
            else foreach (var other in (List<Entry>)posting) Meet(other, met);
        }
        if (_stored is not null) MeetStored(_stored, entry, met);
        foreach (var other in met)
        {
            var shared = other.Shared;
            if (shared < MinShared || shared < MinShare * entry.Set.Length) continue;
            // Every shingle of the text held by the other covers every word of it: no own part (a copy), no template.
            if (shared == entry.Set.Length) continue;
            if (SharesTemplate(entry, other)) return true;
        }
        return false;
    }

    private void Meet(Entry other, List<Entry> met)
    {
        if (other.Query != _query)
        {
            (other.Query, other.Shared) = (_query, 0);
            met.Add(other);
        }
        other.Shared++;
    }

    /// <summary>
    /// Whether the block the two texts share is a template of <paramref name="a"/> (the new text): it covers most of
    /// <paramref name="a"/> (<see cref="MinCovered"/>), each text keeps an own part, the two own parts differ, and neither recurs
    /// in the block. Each test is made only when the ones before it passed (a copy, with no own part, stops at the own part).
    /// </summary>
    internal static bool SharesTemplate(Entry a, Entry b)
    {
        var coveredA = a.Covered(b);
        if (coveredA.Count(covered => covered) < MinCovered * coveredA.Length) return false;
        var ownA = a.Own(coveredA);
        if (ownA.Count < MinOwnWords) return false;
        var coveredB = b.Covered(a);
        var ownB = b.Own(coveredB);
        if (ownB.Count < MinOwnWords) return false;
        var common = ownA.Count(ownB.Contains);
        if (common > MaxOwnOverlap * (ownA.Count + ownB.Count - common)) return false;
        return a.OwnInBlockShare(coveredA) < MaxOwnInBlock && b.OwnInBlockShare(coveredB) < MaxOwnInBlock;
    }

    private void Remember(Entry entry)
    {
        foreach (var shingle in entry.Set)
        {
            ref var posting = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, shingle, out var held);
            if (!held) posting = entry;
            else if (posting is Entry single) posting = new List<Entry>(2) { single, entry };
            else
            {
                var list = (List<Entry>)posting!;
                list.Add(entry);
                if (list.Count > MaxPosting) list.RemoveAt(0);
            }
        }
        entry.Remembered = true;
        if (_storing)
        {
            entry.Number = ++_clock;
            _unsaved.Add((entry, _adding ?? ""));
        }
        _recent.Enqueue(entry);
        while (_recent.Count > _window)
        {
            var old = _recent.Dequeue();
            foreach (var shingle in old.Set)
            {
                if (!_postings.TryGetValue(shingle, out var posting)) continue;
                if (posting is Entry single)
                {
                    if (single == old) _postings.Remove(shingle);
                }
                else
                {
                    var list = (List<Entry>)posting;
                    list.Remove(old);
                    if (list.Count == 0) _postings.Remove(shingle);
                }
            }
        }
    }

    /// <summary>
    /// Keeps the window in the store as well (the clusterer's stored state), its texts numbered on from
    /// <paramref name="clock"/> (the clusterer's arrivals, one text each): the texts added since the last <see cref="TakeWindowChanges"/>
    /// are handed to the save. With <paramref name="reading"/>, the window's earlier texts are there, not in memory: a text asks the store
    /// for the postings of its own shingles and reads only the texts that share enough of them to be compared, so the detector answers
    /// as one that never saved would, and memory holds only the texts since the last save. Without it (a rebuild from nothing) the whole
    /// window stays in memory, as without a store.
    /// </summary>
    internal void KeepWindowIn(IStoryStateStore? reading, long clock)
    {
        _storing = true;
        _stored = reading;
        _clock = clock;
    }

    /// <summary>
    /// The texts added since the last call that the window still holds, to be stored with their shingles, and the first number it holds
    /// (stored texts numbered below it are dropped); after it, a detector reading the store lets them go from memory.
    /// </summary>
    internal (List<StoredWindowText> Texts, long? From) TakeWindowChanges()
    {
        if (!_storing) return ([], null);
        var first = _clock - _window + 1;
        var texts = _unsaved.Where(u => u.Entry.Number >= first).Select(u =>
            new StoredWindowText(TextWindow.Templates, u.Entry.Number, u.ArticleId, Array.ConvertAll(u.Entry.Set, k => unchecked((long)k)), u.Entry.Serialize())).ToList();
        _unsaved.Clear();
        if (_stored is not null)
        {
            _postings.Clear();
            _recent.Clear();
        }
        return (texts, first > 1 ? first : null);
    }

    /// <summary>
    /// Meets the stored texts of the window that hold the new text's shingles: per shingle, the newest still in the window, as many as
    /// the posting's cap leaves beside the texts held in memory (all newer than the stored ones), so each is met as often as in the
    /// postings of a detector that never saved. Those met often enough to be compared are read whole (they stand for themselves in
    /// <paramref name="met"/>); the others only need their counts.
    /// </summary>
    private void MeetStored(IStoryStateStore stored, Entry entry, List<Entry> met)
    {
        var first = _clock - _window + 1;
        var holders = new Dictionary<long, Entry>();
        foreach (var posting in stored.LoadWindowPostings(TextWindow.Templates, Array.ConvertAll(entry.Set, k => unchecked((long)k)))
            .Where(p => p.Number >= first).GroupBy(p => p.Key))
        {
            var held = !_postings.TryGetValue(unchecked((ulong)posting.Key), out var inMemory) ? 0 : inMemory is Entry ? 1 : ((List<Entry>)inMemory).Count;
            foreach (var number in posting.Select(p => p.Number).OrderDescending().Take(MaxPosting - held))
            {
                if (!holders.TryGetValue(number, out var holder)) holders[number] = holder = Entry.Of([], []);
                Meet(holder, met);
            }
        }
        // Only a text sharing this many shingles can be a template's twin (IsTemplateAgainstSeen's first test): read those.
        var compared = holders.Where(h => h.Value.Shared >= MinShared && h.Value.Shared >= MinShare * entry.Set.Length).Select(h => h.Key).ToList();
        if (compared.Count == 0) return;
        var read = stored.LoadWindowTexts(TextWindow.Templates, compared).ToDictionary(t => t.Number, t => Entry.Deserialize(t.Entry));
        foreach (var number in compared)
        {
            if (!read.TryGetValue(number, out var whole)) continue;
            var stub = holders[number];
            (whole.Query, whole.Shared) = (stub.Query, stub.Shared);
            met[met.IndexOf(stub)] = whole;
        }
    }

    /// <summary>A text's folded words (hashed), whether each is a content word, and its distinct shingles.</summary>
    internal sealed class Entry
    {
        private Entry(ulong[] words, bool[] content, ulong[] set) => (Words, Content, Set) = (words, content, set);

        public ulong[] Words { get; }

        public bool[] Content { get; }

        /// <summary>The text's distinct shingles, sorted (none for a text of fewer words than a shingle).</summary>
        public ulong[] Set { get; }

        /// <summary>The call of <see cref="IsTemplateAgainstSeen"/> that last met this text, and the shingles it shares with that call's text.</summary>
        public long Query { get; set; }

        public int Shared { get; set; }

        /// <summary>Set when a detector has remembered this text (its postings hold it).</summary>
        public bool Remembered { get; set; }

        /// <summary>With a store, the text's number in the window's clock (0: not numbered).</summary>
        public long Number { get; set; }

        /// <summary>The entry of a text from its word hashes and content flags as an entry held them (<see cref="Words"/>, <see cref="Content"/>).</summary>
        public static Entry Of(ulong[] words, bool[] content)
        {
            if (content.Length != words.Length) throw new ArgumentException("One content flag per word.", nameof(content));
            return new Entry(words, content, DistinctShingles(words));
        }

        /// <summary>The words and content flags, as stored (<see cref="Deserialize"/>): the count, the hashes, one bit a flag.</summary>
        public byte[] Serialize()
        {
            var data = new byte[4 + Words.Length * 8 + (Words.Length + 7) / 8];
            BinaryPrimitives.WriteInt32LittleEndian(data, Words.Length);
            for (var i = 0; i < Words.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(4 + i * 8), Words[i]);
            var flags = 4 + Words.Length * 8;
            for (var i = 0; i < Content.Length; i++)
                if (Content[i]) data[flags + i / 8] |= (byte)(1 << (i % 8));
            return data;
        }

        public static Entry Deserialize(byte[] data)
        {
            var count = BinaryPrimitives.ReadInt32LittleEndian(data);
            var words = new ulong[count];
            var content = new bool[count];
            for (var i = 0; i < count; i++) words[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(4 + i * 8));
            var flags = 4 + count * 8;
            for (var i = 0; i < count; i++) content[i] = (data[flags + i / 8] & (1 << (i % 8))) != 0;
            return Of(words, content);
        }

        /// <summary>This text as one no detector has met yet.</summary>
        public Entry Fresh() => new(Words, Content, Set);

        /// <summary>The entry of a text built on the spot.</summary>
        public static Entry Of(string text)
        {
            var tokens = Clustering.Words.Scan(text, MaxWords);
            var lengths = new int[tokens.Count];
            return Of(MinHash.WordHashes(text, tokens, lengths), tokens, lengths, null);
        }

        /// <summary>
        /// The entry of a text from the hashes of its first words (<see cref="MinHash.WordHashes"/>, at most <see cref="MaxWords"/>),
        /// their tokens and folded lengths, and its distinct sorted shingles when they are known (else taken here).
        /// </summary>
        public static Entry Of(ulong[] words, List<WordToken> tokens, int[] foldedLengths, ulong[]? set)
        {
            var content = new bool[words.Length];
            for (var i = 0; i < words.Length; i++) content[i] = !tokens[i].IsNumber && foldedLengths[i] >= ContentWordLength;
            return new Entry(words, content, set ?? DistinctShingles(words));
        }

        private static ulong[] DistinctShingles(ulong[] words)
        {
            var shingles = new ulong[Math.Max(0, words.Length - ShingleWords + 1)];
            for (var i = 0; i < shingles.Length; i++) shingles[i] = MinHash.Shingle(words.AsSpan(i, ShingleWords));
            Array.Sort(shingles);
            var distinct = 0;
            for (var i = 0; i < shingles.Length; i++)
            {
                if (i == 0 || shingles[i] != shingles[distinct - 1]) shingles[distinct++] = shingles[i];
            }
            Array.Resize(ref shingles, distinct);
            return shingles;
        }

        private bool Holds(ulong shingle) => Array.BinarySearch(Set, shingle) >= 0;

        /// <summary>Which of this text's words lie in a shingle <paramref name="other"/> holds too (the block).</summary>
        public bool[] Covered(Entry other)
        {
            var covered = new bool[Words.Length];
            for (var i = 0; i + ShingleWords <= Words.Length; i++)
            {
                if (!other.Holds(MinHash.Shingle(Words.AsSpan(i, ShingleWords)))) continue;
                for (var k = 0; k < ShingleWords; k++) covered[i + k] = true;
            }
            return covered;
        }

        /// <summary>The distinct words outside the block (the own part).</summary>
        public HashSet<ulong> Own(bool[] covered)
        {
            HashSet<ulong> own = [];
            for (var i = 0; i < Words.Length; i++)
                if (!covered[i]) own.Add(Words[i]);
            return own;
        }

        /// <summary>The share of the own part's distinct content words that occur in the block too (0 when it has none).</summary>
        public double OwnInBlockShare(bool[] covered)
        {
            HashSet<ulong> block = [], ownContent = [];
            for (var i = 0; i < Words.Length; i++)
            {
                if (covered[i]) block.Add(Words[i]);
                else if (Content[i]) ownContent.Add(Words[i]);
            }
            return ownContent.Count == 0 ? 0 : (double)ownContent.Count(block.Contains) / ownContent.Count;
        }
    }
}
