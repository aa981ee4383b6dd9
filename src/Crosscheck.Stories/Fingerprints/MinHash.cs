using Crosscheck.Core.Text;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Stories.Fingerprints;

/// <summary>
/// Word shingles and their MinHash signature. Words are compared case-folded and transliterated,
/// so a copy that only changed case or accents still matches; hashing is fixed (no per-process seed),
/// so signatures are stable across runs.
/// </summary>
public static class MinHash
{
    /// <summary>The distinct shingle hashes of a text, sorted (for exact Jaccard and containment).</summary>
    public static ulong[] Shingles(string text, int shingleWords, int maxShingles)
    {
        var tokens = Words.Scan(text, ScanLimit(shingleWords, maxShingles));
        return tokens.Count < shingleWords ? [] : Shingles(WordHashes(text, tokens), shingleWords, maxShingles);
    }

    /// <summary>How many words <see cref="Shingles(string, int, int)"/> reads at most.</summary>
    internal static int ScanLimit(int shingleWords, int maxShingles) => maxShingles + shingleWords;

    /// <summary>
    /// <see cref="Shingles(string, int, int)"/> of a text whose word hashes (<see cref="WordHashes"/>, of its words in order, at
    /// least its first <see cref="ScanLimit"/> when it has that many) are known.
    /// </summary>
    internal static ulong[] Shingles(ReadOnlySpan<ulong> wordHashes, int shingleWords, int maxShingles)
    {
        wordHashes = wordHashes[..Math.Min(wordHashes.Length, ScanLimit(shingleWords, maxShingles))];
        if (wordHashes.Length < shingleWords) return [];
        var set = new HashSet<ulong>(Math.Min(wordHashes.Length, maxShingles));
        for (var i = 0; i + shingleWords <= wordHashes.Length && set.Count < maxShingles; i++) set.Add(Shingle(wordHashes.Slice(i, shingleWords)));
        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>
    /// The hash of each word (<paramref name="tokens"/> of <paramref name="text"/>, from <see cref="Words.Scan"/>): that of its
    /// <see cref="Words.Fold"/>ed form. <paramref name="foldedLengths"/>, when given, receives the folded form's length of each of
    /// the first words (as many as it holds). An ASCII word is hashed as it stands (<see cref="HashFolded"/> lower-cases it, its
    /// folded form is as long): only other words are folded.
    /// </summary>
    internal static ulong[] WordHashes(string text, List<WordToken> tokens, Span<int> foldedLengths = default)
    {
        var hashes = new ulong[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            var folded = word.ContainsAnyExceptInRange('\0', (char)127) ? Words.Fold(word).AsSpan() : word;
            hashes[i] = HashFolded(folded);
            if (i < foldedLengths.Length) foldedLengths[i] = folded.Length;
        }
        return hashes;
    }

    public static ulong[] Signature(ReadOnlySpan<ulong> shingles, int size)
    {
        var signature = new ulong[size];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < size; i++)
            {
                var v = Mix(shingle + (ulong)(i + 1) * 0x9E3779B97F4A7C15UL);
                if (v < signature[i]) signature[i] = v;
            }
        }
        return signature;
    }

    /// <summary>Size of the intersection of two sorted sets.</summary>
    public static int Overlap(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => ShingleSets.Overlap(a, b);

    /// <summary>The hash of one shingle: the word hashes (<see cref="HashFolded"/>) of its words, in order.</summary>
    internal static ulong Shingle(ReadOnlySpan<ulong> wordHashes)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var word in wordHashes) h = Mix(h ^ word);
        return h;
    }

    /// <summary>The hash of a word already folded by <see cref="Words.Fold"/> (so the same as the word's own hash here).</summary>
    internal static ulong HashFolded(ReadOnlySpan<char> folded)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var c in folded)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 0x100000001b3UL;
        }
        return h;
    }

    /// <summary>SplitMix64 finaliser: a cheap, well-spread bijection on 64 bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
