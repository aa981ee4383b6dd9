namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Deterministic 64-bit hashing of strings and feature keys. Features are identified by hash instead of
/// by string so that tagging allocates nothing per feature; <c>string.GetHashCode</c> is randomised per
/// process and so cannot be stored in a model file.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h ^= c;
            h *= FnvPrime;
        }
        return Mix(h);
    }

    /// <summary>Hash of the text lower-cased (invariant), without allocating the lower-case string.</summary>
    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h ^= char.ToLowerInvariant(c);
            h *= FnvPrime;
        }
        return Mix(h);
    }

    public static ulong Of(string text) => Of(text.AsSpan());

    /// <summary>SplitMix64 finaliser: spreads FNV's weak low bits.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL);

    public static ulong Feature(int template, ulong value) => Combine((ulong)template + 1, value);

    public static ulong Feature(int template, ulong a, ulong b) => Combine(Combine((ulong)template + 1, a), b);
}
