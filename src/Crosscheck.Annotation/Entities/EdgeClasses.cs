using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// The class of the edge into each token for label-pair (edge) weights (<see cref="NerFeatureOptions.EdgeClasses"/>):
/// the kinds of the token before (or the sentence start) and of the token itself, so a label transition can weigh
/// differently where it crosses a comma, a lower-case word or a number than between two capitalised words
/// ("PER , ORG" against one name of two words). One first-order table for every position cannot tell these apart.
/// </summary>
internal static class EdgeClasses
{
    private const int Kinds = 5;

    /// <summary>Classes there are: the kinds of the previous token (or the sentence start) times those of the token.</summary>
    public const int Count = (Kinds + 1) * Kinds;

    /// <summary>Each token's edge class, <c>previousKind * Kinds + kind</c> with the sentence start as kind <c>Kinds</c>.</summary>
    public static int[] Of(string text, TextSpan[] tokens)
    {
        var classes = new int[tokens.Length];
        var previous = Kinds;
        for (var i = 0; i < tokens.Length; i++)
        {
            var kind = KindOf(tokens[i].Of(text));
            classes[i] = previous * Kinds + kind;
            previous = kind;
        }
        return classes;
    }

    /// <summary>0 lower case, 1 capitalised, 2 all capitals, 3 with a digit, 4 anything else (punctuation, symbols).</summary>
    private static int KindOf(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty) return 4;
        var letters = 0;
        var upper = 0;
        foreach (var c in token)
        {
            if (char.IsDigit(c)) return 3;
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters == 0) return 4;
        if (!char.IsUpper(token[0])) return 0;
        return upper == letters && letters > 1 ? 2 : 1;
    }
}
