namespace Crosscheck.Core.Text;

/// <summary>
/// A 32-bit string hash that is the same in every process (<c>string.GetHashCode</c> is randomised per process), for
/// what is stored in a model file or must repeat from run to run: hashed word buckets, reproducible fold orders.
/// </summary>
public static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static uint Fnv1a32(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
