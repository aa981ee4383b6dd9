using System.Text;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Clustering;

/// <summary>A word or number found by <see cref="Words"/>.</summary>
public readonly record struct WordToken(int Start, int Length, bool IsNumber, bool IsCapitalised, bool StartsSentence);

/// <summary>
/// A language-neutral word scanner shared by clustering and fingerprinting. It works on any script
/// (letters and digits by Unicode category) so that no stage depends on an English tokenizer, and it
/// keeps "1,000" and "6.1" whole because numbers are event specifics.
/// </summary>
public static class Words
{
    /// <summary>Scans at most <paramref name="maxTokens"/> tokens so one huge input cannot stall a caller.</summary>
    public static List<WordToken> Scan(string text, int maxTokens = int.MaxValue)
    {
        var tokens = new List<WordToken>(Math.Min(text.Length / 5 + 1, 4096));
        var sentenceStart = true;
        var i = 0;
        while (i < text.Length && tokens.Count < maxTokens)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c == '\n' || SentenceMarks.EndsSentence(c)) sentenceStart = true;
                i++;
                continue;
            }
            var start = i;
            var isNumber = char.IsDigit(c);
            var hasLetter = !isNumber;
            i++;
            while (i < text.Length)
            {
                var d = text[i];
                if (char.IsLetterOrDigit(d) || char.IsSurrogate(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    if (!char.IsDigit(d)) hasLetter = true;
                    i++;
                }
                else if (d is '.' or ',' && isNumber && !hasLetter && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                {
                    i++;
                }
                else if (d is '\'' or '\u2019' && !isNumber && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                {
                    // "Reid's": the possessive belongs to the name; keep the stem as its own word.
                    break;
                }
                else
                {
                    break;
                }
            }
            var number = isNumber && !hasLetter;
            tokens.Add(new WordToken(start, i - start, number, char.IsUpper(c), sentenceStart));
            sentenceStart = false;
        }
        return tokens;
    }

    /// <summary>
    /// The comparison form of a word: lower case, and transliterated to ASCII when it is not already,
    /// so "Zürich"/"Zurich" and "Лавров"/"Lavrov" meet. Pure ASCII (the common case) allocates once.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }
        if (ascii) return string.Create(word.Length, word, static (dest, src) => src.ToLowerInvariant(dest));
        var transliterated = AnyAscii.Transliteration.Transliterate(word.ToString());
        var sb = new StringBuilder(transliterated.Length);
        foreach (var c in transliterated)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.Length > 0 ? sb.ToString() : word.ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Whether <paramref name="word"/> is an ending written after an apostrophe onto the word before it: a lower-case
    /// run right after "X'" — the English possessive ("Reid's"), Turkish case endings ("Ankara'da", "Fenerbahçe'nin").
    /// Not the word after an elided article ("l'Élysée", "dell'Italia"), which begins with a capital in a name.
    /// </summary>
    public static bool IsApostropheSuffix(string text, WordToken word) =>
        word.Start >= 2 && text[word.Start - 1] is '\'' or '\u2019' && char.IsLetter(text[word.Start - 2]) && char.IsLower(text[word.Start]);

    /// <summary>Languages that write "1.000,5" for one thousand and a half (the comma is the decimal mark).</summary>
    private static readonly HashSet<string> DecimalCommaLanguages = new(StringComparer.Ordinal) { "de", "es", "fr", "it", "nl", "pl", "pt", "ru", "tr" };

    /// <summary>Whether numbers in <paramref name="language"/> (ISO 639-1) take the comma as decimal mark.</summary>
    public static bool UsesDecimalComma(string? language) => language is not null && DecimalCommaLanguages.Contains(language);

    /// <summary>
    /// A number in canonical form: thousands separators dropped ("1,000" → "1000"). With
    /// <paramref name="decimalComma"/> (German, French, Russian... write "1.000,5") the point groups and the
    /// comma is the decimal mark, so "1.000" there and "1,000" in English meet as "1000".
    /// </summary>
    public static string FoldNumber(ReadOnlySpan<char> number, bool decimalComma = false)
    {
        var (grouping, decimalMark) = decimalComma ? ('.', ',') : (',', '.');
        var sb = new StringBuilder(number.Length);
        for (var i = 0; i < number.Length; i++)
        {
            var c = number[i];
            if (c == grouping) continue;
            sb.Append(c == decimalMark ? '.' : c);
        }
        var s = sb.ToString();
        return s.Contains('.') ? s.TrimEnd('0').TrimEnd('.') : s.TrimStart('0') is { Length: > 0 } t ? t : "0";
    }
}
