using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Stories.Fingerprints;

/// <summary>
/// Recognises an article that translates another (by a person or a machine): word shingles cannot meet across
/// languages, but a translation keeps the original's figures and names, in the same order. Each article is read
/// as its sequence of language-neutral tokens — numbers in canonical form (the language's decimal mark read) and
/// names reduced to their <see cref="NameKey"/> (consonants of the transliterated word, so "Poutine", "Putin" and
/// "Путин" meet) — and two articles in different languages whose sequences share most of their adjacent pairs are
/// a translation and its original. Like a syndicated copy, the translation is marked and adds no origin.
/// </summary>
public static class TranslationDetector
{
    /// <summary>The adjacent pairs of the document's language-neutral tokens (numbers, name keys), as a set.</summary>
    public static HashSet<string> NeutralPairs(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text ?? "";
        var decimalComma = Words.UsesDecimalComma(document.Article.Language);
        var tokens = new List<string>();
        foreach (var word in Words.Scan(text, 20_000))
        {
            var span = text.AsSpan(word.Start, word.Length);
            if (word.IsNumber) tokens.Add("#" + Words.FoldNumber(span, decimalComma));
            else if (word.IsCapitalised && !word.StartsSentence && NameKey.Of(Words.Fold(span)) is { } key) tokens.Add(key);
        }
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Count; i++) pairs.Add(tokens[i - 1] + " " + tokens[i]);
        return pairs;
    }

    /// <summary>
    /// Whether the later article translates the earlier one (or the reverse): both in identified,
    /// different languages, each with enough neutral pairs, and the smaller's pairs mostly found in the other.
    /// Returns the shared share, or null when they are not a translation pair.
    /// </summary>
    public static double? Translation(string? earlierLanguage, HashSet<string> earlierPairs, string? laterLanguage, HashSet<string> laterPairs, SyndicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(earlierPairs);
        ArgumentNullException.ThrowIfNull(laterPairs);
        ArgumentNullException.ThrowIfNull(options);
        if (earlierLanguage is null || laterLanguage is null || earlierLanguage == laterLanguage) return null;
        var (small, large) = earlierPairs.Count <= laterPairs.Count ? (earlierPairs, laterPairs) : (laterPairs, earlierPairs);
        if (small.Count < options.TranslationMinPairs) return null;
        var shared = small.Count(large.Contains);
        var share = (double)shared / small.Count;
        return share >= options.TranslationShare ? share : null;
    }
}
