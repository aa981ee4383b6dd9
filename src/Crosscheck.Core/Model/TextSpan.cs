namespace Crosscheck.Core.Model;

/// <summary>
/// A range of characters in a document's body text. Layers point into the text with spans
/// instead of copying substrings, so a document's annotations stay small and always agree
/// with the text they describe.
/// </summary>
public readonly record struct TextSpan(int Start, int Length) : IComparable<TextSpan>
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>The index of the span containing <paramref name="position"/> in spans sorted and not overlapping, or -1 (binary search).</summary>
    public static int IndexContaining(IReadOnlyList<TextSpan> sorted, int position)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (position < sorted[mid].Start) hi = mid - 1;
            else if (position >= sorted[mid].End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);

    public string TextOf(string text) => text.Substring(Start, Length);

    public int CompareTo(TextSpan other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : Length.CompareTo(other.Length);
    }

    public override string ToString() => $"[{Start}..{End})";
}
