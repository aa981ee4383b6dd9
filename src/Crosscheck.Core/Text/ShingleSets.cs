namespace Crosscheck.Core.Text;

/// <summary>Comparisons of shingle sets kept as sorted arrays of distinct hashes (boilerplate and copy detection).</summary>
public static class ShingleSets
{
    /// <summary>Size of the intersection of two sorted sets of distinct hashes (one merge pass).</summary>
    public static int Overlap(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return count;
    }
}
