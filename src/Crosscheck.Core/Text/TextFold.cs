using System.Text;

namespace Crosscheck.Core.Text;

/// <summary>Folding used wherever text from different outlets is compared.</summary>
public static class TextFold
{
    /// <summary>Curly and straight quotes and apostrophes folded to ASCII; everything else kept.</summary>
    public static string FoldQuotes(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Lower-case, quote-folded, whitespace-collapsed form for case-insensitive matching.</summary>
    public static string ForMatching(string text)
    {
        var folded = FoldQuotes(text).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
