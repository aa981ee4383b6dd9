using Crosscheck.Stories.Clustering;

namespace Crosscheck.Stories.Fingerprints;

/// <summary>
/// Finds template pages online: a text that is mostly a block of words another recent text also holds verbatim (a cookie notice,
/// a paywall form, a site's disclaimer) under an own part that has nothing to do with that block, as the other text's own part
/// has not either. A copy of a news report shares its body too, but its own part (a headline of its own, a changed word) speaks
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

    /// <summary>Share of the new text's shingles the block must cover at least.</summary>
    public const double MinShare = 0.5;

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
    private readonly Dictionary<ulong, List<Entry>> _postings = [];
    private readonly Queue<Entry> _recent = new();

    /// <param name="window">Most recent texts kept for comparison.</param>
    public TemplatePageDetector(int window = 20_000) => _window = Math.Max(1, window);

    /// <summary>Registers a text (in arrival order) and returns whether it is a template page against a text seen before.</summary>
    public bool Add(string? text)
    {
        var entry = Entry.Of(text ?? "");
        var template = entry.Shingles.Length > 0 && IsTemplateAgainstSeen(entry);
        Remember(entry);
        return template;
    }

    private bool IsTemplateAgainstSeen(Entry entry)
    {
        var overlaps = new Dictionary<Entry, int>();
        foreach (var shingle in entry.Set)
        {
            if (!_postings.TryGetValue(shingle, out var posting)) continue;
            foreach (var other in posting) overlaps[other] = overlaps.GetValueOrDefault(other) + 1;
        }
        foreach (var (other, shared) in overlaps)
        {
            if (shared < MinShared || shared < MinShare * entry.Set.Count) continue;
            if (SharesTemplate(entry, other)) return true;
        }
        return false;
    }

    /// <summary>Whether the block the two texts share is a template: each keeps an own part, the two own parts differ, and neither recurs in the block.</summary>
    internal static bool SharesTemplate(Entry a, Entry b)
    {
        var (ownA, blockA, contentA) = a.Split(b.Set);
        var (ownB, blockB, contentB) = b.Split(a.Set);
        if (ownA.Count < MinOwnWords || ownB.Count < MinOwnWords) return false;
        var common = ownA.Count(ownB.Contains);
        if (common > MaxOwnOverlap * (ownA.Count + ownB.Count - common)) return false;
        return InBlockShare(contentA, blockA) < MaxOwnInBlock && InBlockShare(contentB, blockB) < MaxOwnInBlock;
    }

    private static double InBlockShare(HashSet<ulong> content, HashSet<ulong> block) =>
        content.Count == 0 ? 0 : (double)content.Count(block.Contains) / content.Count;

    private void Remember(Entry entry)
    {
        foreach (var shingle in entry.Set)
        {
            if (!_postings.TryGetValue(shingle, out var posting)) _postings[shingle] = posting = [];
            posting.Add(entry);
            if (posting.Count > MaxPosting) posting.RemoveAt(0);
        }
        _recent.Enqueue(entry);
        while (_recent.Count > _window)
        {
            var old = _recent.Dequeue();
            foreach (var shingle in old.Set)
            {
                if (!_postings.TryGetValue(shingle, out var posting)) continue;
                posting.Remove(old);
                if (posting.Count == 0) _postings.Remove(shingle);
            }
        }
    }

    /// <summary>A text's folded words (hashed), whether each is a content word, and its shingle at each position.</summary>
    internal sealed class Entry
    {
        private Entry(ulong[] words, bool[] content, ulong[] shingles)
        {
            (Words, Content, Shingles) = (words, content, shingles);
            Set = [.. shingles];
        }

        public ulong[] Words { get; }

        public bool[] Content { get; }

        /// <summary>The shingle starting at each word position (none for a text of fewer words than a shingle).</summary>
        public ulong[] Shingles { get; }

        public HashSet<ulong> Set { get; }

        public static Entry Of(string text)
        {
            var tokens = Clustering.Words.Scan(text, MaxWords);
            var words = new ulong[tokens.Count];
            var content = new bool[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var folded = Clustering.Words.Fold(text.AsSpan(tokens[i].Start, tokens[i].Length));
                words[i] = Hash(folded);
                content[i] = !tokens[i].IsNumber && folded.Length >= ContentWordLength;
            }
            var shingles = new ulong[Math.Max(0, words.Length - ShingleWords + 1)];
            for (var i = 0; i < shingles.Length; i++)
            {
                var h = 0xcbf29ce484222325UL;
                for (var k = 0; k < ShingleWords; k++) h = (h ^ words[i + k]) * 0x100000001b3UL;
                shingles[i] = h ^ (h >> 31);
            }
            return new Entry(words, content, shingles);
        }

        /// <summary>The words outside the shingles shared with <paramref name="other"/> (the own part), those inside (the block), and the own part's content words.</summary>
        public (HashSet<ulong> Own, HashSet<ulong> Block, HashSet<ulong> OwnContent) Split(HashSet<ulong> other)
        {
            var covered = new bool[Words.Length];
            for (var i = 0; i < Shingles.Length; i++)
            {
                if (!other.Contains(Shingles[i])) continue;
                for (var k = 0; k < ShingleWords; k++) covered[i + k] = true;
            }
            HashSet<ulong> own = [], block = [], ownContent = [];
            for (var i = 0; i < Words.Length; i++)
            {
                if (covered[i]) block.Add(Words[i]);
                else
                {
                    own.Add(Words[i]);
                    if (Content[i]) ownContent.Add(Words[i]);
                }
            }
            return (own, block, ownContent);
        }

        private static ulong Hash(string word)
        {
            var h = 0xcbf29ce484222325UL;
            foreach (var c in word) h = (h ^ c) * 0x100000001b3UL;
            return h;
        }
    }
}
