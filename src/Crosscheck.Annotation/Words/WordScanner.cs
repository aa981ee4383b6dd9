namespace Crosscheck.Annotation.Words;

internal enum ScanKind : byte
{
    Word,
    Number,
    Punct,
}

/// <summary>A piece of text the claim recognisers reason over: a word, a digit run, or one punctuation mark.</summary>
internal readonly record struct Scanned(int Start, int End, ScanKind Kind, bool SpaceBefore)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>
/// A small, allocation-light scanner private to the claim layers. It does not replace the
/// document tokenizer: it keeps digit groups ("1,000.5") whole and splits hyphens and currency
/// symbols off, which is what number and date rules need, and it needs no Tokens layer.
/// </summary>
internal static class WordScanner
{
    public static List<Scanned> Scan(string text, int start, int end)
    {
        var result = new List<Scanned>(Math.Max(4, (end - start) / 5));
        var i = start;
        var space = true;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }
            var from = i;
            ScanKind kind;
            if (char.IsDigit(c))
            {
                kind = ScanKind.Number;
                i++;
                while (i < end)
                {
                    if (char.IsDigit(text[i])) i++;
                    else if ((text[i] == ',' || text[i] == '.') && i + 1 < end && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1])) i++;
                    else break;
                }
            }
            else if (char.IsLetter(c))
            {
                kind = ScanKind.Word;
                i++;
                while (i < end)
                {
                    var d = text[i];
                    if (char.IsLetter(d) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark) i++;
                    else if ((d == '\'' || d == '\u2019') && i + 1 < end && char.IsLetter(text[i + 1]) && !IsPossessive(text, i, end)) i++;
                    else break;
                }
            }
            else
            {
                kind = ScanKind.Punct;
                i++;
            }
            result.Add(new Scanned(from, i, kind, space));
            space = false;
        }
        return result;
    }

    // "Chile's" scans as "Chile" + "'s" so the name stays recognisable; "don't" stays one word.
    private static bool IsPossessive(string text, int apostrophe, int end) =>
        apostrophe + 1 < end && (text[apostrophe + 1] == 's' || text[apostrophe + 1] == 'S') &&
        (apostrophe + 2 >= end || !char.IsLetter(text[apostrophe + 2]));

    public static bool Is(this Scanned token, string text, string word) =>
        token.Of(text).Equals(word, StringComparison.OrdinalIgnoreCase);

    public static bool IsCapitalized(this Scanned token, string text) =>
        token.Kind == ScanKind.Word && char.IsUpper(text[token.Start]);
}
