using System.Globalization;

namespace Crosscheck.Storage;

/// <summary>
/// Reduces a user's search text to plain words, so no query can reach a search engine's own
/// syntax (FTS5 operators, tsquery operators) and fail: "AND (", a lone quote or "NEAR/" are
/// words or nothing. Stores then combine the words themselves, quoted.
/// </summary>
public static class SearchTerms
{
    /// <summary>Words beyond this are ignored: a search box is not a document.</summary>
    public const int MaxTerms = 32;

    /// <summary>Longer runs are cut: no real word is longer, and bounds keep queries cheap.</summary>
    public const int MaxTermLength = 64;

    /// <summary>The words of <paramref name="query"/>, lower-cased, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Of(string? query)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(query)) return terms;
        var text = query.AsSpan();
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            while (i < text.Length && !IsWordChar(text, i)) i++;
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            if (i == start) continue;
            var word = text[start..Math.Min(i, start + MaxTermLength)].ToString().ToLowerInvariant();
            // A cut at the length bound must not split a surrogate pair.
            if (char.IsHighSurrogate(word[^1])) word = word[..^1];
            if (word.Length > 0 && !terms.Contains(word)) terms.Add(word);
        }
        return terms;
    }

    // Letters, digits and combining marks make words (as in the FTS5 unicode61 tokenizer);
    // surrogate pairs are judged by the code point they form.
    private static bool IsWordChar(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        UnicodeCategory category;
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[index + 1]));
        else if (char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(text[index - 1]))
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[index - 1], c));
        else
            category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }
}
