using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// The BILOU label set over the four entity types (Begin, Inside, Last, Outside, Unit). BILOU lets the
/// tagger learn entity boundaries explicitly, which beats BIO for CoNLL-style data (Ratinov and Roth 2009).
/// Label 0 is O; type t has labels 1+4t (B), 2+4t (I), 3+4t (L), 4+4t (U).
/// </summary>
internal static class Bilou
{
    public const int Outside = 0;
    public const int TypeCount = 4;
    public const int LabelCount = 1 + 4 * TypeCount;

    private const int B = 0, I = 1, L = 2, U = 3;

    public static readonly string[] TypeNames = ["PER", "ORG", "LOC", "MISC"];

    public static EntityType ToEntityType(int type) => (EntityType)type;

    public static int TypeIndex(EntityType type) => (int)type;

    public static int TypeOf(int label) => (label - 1) / 4;

    private static int Part(int label) => (label - 1) % 4;

    public static int Label(int type, int part) => 1 + 4 * type + part;

    /// <summary>Parses a CoNLL type name ("PER", "person", "ORG"...); -1 when it is not one of the four.</summary>
    public static int ParseType(ReadOnlySpan<char> name) => name switch
    {
        _ when name.Equals("PER", StringComparison.OrdinalIgnoreCase) || name.Equals("PERSON", StringComparison.OrdinalIgnoreCase) => 0,
        _ when name.Equals("ORG", StringComparison.OrdinalIgnoreCase) || name.Equals("ORGANIZATION", StringComparison.OrdinalIgnoreCase) => 1,
        _ when name.Equals("LOC", StringComparison.OrdinalIgnoreCase) || name.Equals("LOCATION", StringComparison.OrdinalIgnoreCase) => 2,
        _ when name.Equals("MISC", StringComparison.OrdinalIgnoreCase) => 3,
        _ => -1,
    };

    /// <summary>True when <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool Allowed(int previous, int next)
    {
        var previousOpen = previous > 0 && Part(previous) is B or I;
        if (previousOpen) return next > 0 && TypeOf(next) == TypeOf(previous) && Part(next) is I or L;
        return next == Outside || Part(next) is B or U;
    }

    /// <summary>True when a sentence may end after <paramref name="label"/>.</summary>
    public static bool CanEnd(int label) => label == Outside || Part(label) is L or U;

    /// <summary>BILOU labels for entity spans (token ranges [start, end) with a type index).</summary>
    public static int[] Encode(int length, IEnumerable<(int Start, int End, int Type)> spans)
    {
        var labels = new int[length];
        foreach (var (start, end, type) in spans)
        {
            if (end - start == 1)
            {
                labels[start] = Label(type, U);
                continue;
            }
            labels[start] = Label(type, B);
            for (var i = start + 1; i < end - 1; i++) labels[i] = Label(type, I);
            labels[end - 1] = Label(type, L);
        }
        return labels;
    }

    /// <summary>Entity spans from a label sequence; tolerant of invalid sequences.</summary>
    public static List<(int Start, int End, int Type)> Decode(ReadOnlySpan<int> labels)
    {
        var spans = new List<(int, int, int)>();
        var start = -1;
        var type = -1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == Outside)
            {
                if (start >= 0) spans.Add((start, i, type));
                start = -1;
                continue;
            }
            var t = TypeOf(label);
            var part = Part(label);
            if (start >= 0 && (t != type || part is B or U))
            {
                spans.Add((start, i, type));
                start = -1;
            }
            if (start < 0)
            {
                start = i;
                type = t;
            }
            if (part is L or U)
            {
                spans.Add((start, i + 1, type));
                start = -1;
            }
        }
        if (start >= 0) spans.Add((start, labels.Length, type));
        return spans;
    }
}
