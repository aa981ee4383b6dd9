using System.Text;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Consolidation;

/// <summary>
/// The comparison forms every consolidation step shares, so that two outlets' spellings of the same
/// thing ("Évgueni" and "Evgueni", "U.N." and "UN") meet on one key.
/// </summary>
internal static class Folding
{
    /// <summary>ASCII, lower-case, quote-folded text (diacritics and other scripts transliterated).</summary>
    public static string Ascii(string text)
    {
        var folded = TextFold.FoldQuotes(text);
        var ascii = AnyAscii.Transliteration.Transliterate(folded);
        return ascii.ToLowerInvariant();
    }

    /// <summary>Only the ASCII letters and digits of <see cref="Ascii"/>: the key for exact matching.</summary>
    public static string Key(string text)
    {
        var ascii = Ascii(text);
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Lower-case ASCII words (letters and digits), in order; apostrophes stay inside words.</summary>
    public static List<string> Words(string text, int maxWords = int.MaxValue)
    {
        var ascii = Ascii(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= ascii.Length && words.Count < maxWords; i++)
        {
            var inWord = i < ascii.Length && (char.IsAsciiLetterOrDigit(ascii[i])
                || (ascii[i] == '\'' && start >= 0 && i + 1 < ascii.Length && char.IsAsciiLetter(ascii[i + 1])));
            if (inWord)
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                words.Add(ascii[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Whitespace collapsed and trimmed, bounded in length: how untrusted text enters the dossier.</summary>
    public static string Clean(string text, int maxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (sb.Length >= maxLength) break;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        if (sb.Length >= maxLength) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>
    /// The text without one pair of quote marks (any of <see cref="QuotationMarks.Pairs"/>) around the whole of it
    /// ("“We wait.”" → "We wait.", "»Wir warten.«" → "Wir warten."): a quote whose span
    /// took in its marks would otherwise be shown in doubled marks by every report, which add their own. Marks that
    /// open or close inside the text (two quoted parts, "“A,” he said, “B.”") keep the text as it is; a ’ between two
    /// letters is an apostrophe ("‘We don’t wait.’"), not a closing mark. Call it before <see cref="Clean"/>: a text
    /// cut short there has lost its closing mark, and its opening one would stay alone.
    /// </summary>
    public static string WithoutEnclosingQuoteMarks(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 3) return text;
        var (open, close) = (trimmed[0], trimmed[^1]);
        if (!QuotationMarks.Pairs.Contains((open, close))) return text;
        var inner = trimmed[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            var apostrophe = inner[i] == '’' && i > 0 && i + 1 < inner.Length && char.IsLetter(inner[i - 1]) && char.IsLetter(inner[i + 1]);
            if (inner[i] == open || (inner[i] == close && !apostrophe)) return text;
        }
        return inner.Trim().ToString();
    }

    /// <summary>Overlap of two word sets relative to the smaller one (1 when one contains the other).</summary>
    public static double Containment(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var word in small)
        {
            if (large.Contains(word)) shared++;
        }
        return (double)shared / small.Count;
    }

    /// <summary>Jaccard overlap of two word sets.</summary>
    public static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = 0;
        foreach (var word in a)
        {
            if (b.Contains(word)) shared++;
        }
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>Short stable hex id from parts (FNV-1a 64; stable across runs and machines, unlike string.GetHashCode).</summary>
    public static string StableId(string prefix, params string[] parts)
    {
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }
        return prefix + hash.ToString("x16")[..12];
    }
}
