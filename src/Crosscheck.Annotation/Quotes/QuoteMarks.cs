using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// Finds quoted passages: straight and curly double quotes and guillemets, a quote running over
/// several paragraphs (each reopened, closed only at the end, as news style writes them), a quote
/// whose opening mark was lost (a closing mark with nothing open: the quote starts at the paragraph),
/// and a quote left open at a paragraph's end (closed there). Spans include the marks.
/// </summary>
internal static class QuoteMarks
{
    /// <summary>The pairs of marks an English quote is written in (an opening mark <see cref="IsOpening"/>, its closing one <see cref="IsClosing"/>).</summary>
    public static IReadOnlyList<(char Open, char Close)> Pairs { get; } = [('\u201C', '\u201D'), ('"', '"'), ('\u00AB', '\u00BB'), ('\u2039', '\u203A')];

    public static bool IsOpening(char c) => c is '\u201C' or '\u00AB' or '\u201E' or '\u2039';

    public static bool IsClosing(char c) => c is '\u201D' or '\u00BB' or '\u203A';

    public static bool IsQuoteChar(char c) => c == '"' || IsOpening(c) || IsClosing(c);

    public static List<TextSpan> Find(string text, int maxQuoteChars)
    {
        var quotes = new List<TextSpan>();
        var open = -1;
        var paragraphStart = 0;
        var emittedInParagraph = false;
        var reopening = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (open >= 0 && !ContinuesInNextParagraph(text, i))
                {
                    Emit(quotes, open, TrimEnd(text, open, i), maxQuoteChars);
                    open = -1;
                }
                reopening = open >= 0;
                paragraphStart = i + 1;
                emittedInParagraph = false;
                continue;
            }
            var width = IsDoubledApostrophe(text, i) ? 2 : 1;
            var c = width == 2 ? '"' : text[i];
            if (reopening && (c == '"' || IsOpening(c)))
            {
                // The mark reopening a quote carried over from the previous paragraph.
                reopening = false;
                i += width - 1;
                continue;
            }
            if (c == '"')
            {
                var opens = IsOpeningStraight(text, i, width);
                if (open >= 0 && (text[open] is '"' or '\u201C' or '\'' || !opens))
                {
                    Emit(quotes, open, i + width, maxQuoteChars);
                    open = -1;
                    emittedInParagraph = true;
                }
                else if (opens)
                {
                    open = i;
                }
                else if (!emittedInParagraph)
                {
                    Emit(quotes, FirstNonSpace(text, paragraphStart, i), i + width, maxQuoteChars);
                    emittedInParagraph = true;
                }
                i += width - 1;
            }
            else if (IsOpening(c))
            {
                if (open < 0) open = i;
            }
            else if (IsClosing(c))
            {
                if (open < 0 && (StartsWord(text, i) || FirstNonSpace(text, paragraphStart, i) == i))
                {
                    // A closing mark typed where an opening one belongs (”Yes,” she said; a paragraph opening ” … and so): it opens.
                    open = i;
                }
                else if (open >= 0)
                {
                    Emit(quotes, open, i + 1, maxQuoteChars);
                    open = -1;
                    emittedInParagraph = true;
                }
                else if (!emittedInParagraph)
                {
                    Emit(quotes, FirstNonSpace(text, paragraphStart, i), i + 1, maxQuoteChars);
                    emittedInParagraph = true;
                }
            }
        }
        return quotes;
    }

    private static void Emit(List<TextSpan> quotes, int start, int end, int max)
    {
        if (end - start >= 2 && end - start <= max) quotes.Add(TextSpan.FromBounds(start, end));
    }

    /// <summary>
    /// Two apostrophes standing for a double quotation mark (''Like this,'' as some wire and archive text
    /// writes quotes). Inside a quote a lone apostrophe stays an apostrophe.
    /// </summary>
    public static bool IsDoubledApostrophe(string text, int i) =>
        text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'' && (i + 2 >= text.Length || text[i + 2] != '\'');

    /// <summary>Whether a quotation mark (one character, or a doubled apostrophe) ends right before <paramref name="end"/>.</summary>
    public static bool IsMarkBefore(string text, int end) =>
        end > 0 && (IsClosing(text[end - 1]) || text[end - 1] == '"' || (end > 1 && text[end - 1] == '\'' && text[end - 2] == '\''));

    // A straight quote opens when it starts a word: after a space, a bracket or a dash, before a non-space.
    private static bool IsOpeningStraight(string text, int i, int width)
    {
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + width < text.Length ? text[i + width] : ' ';
        return (char.IsWhiteSpace(before) || before is '(' or '[' or '\u2014' or '\u2013' or '-' or ':' or '\u2018' or '\'') && !char.IsWhiteSpace(after);
    }

    private static bool StartsWord(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1])) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private static bool ContinuesInNextParagraph(string text, int newline)
    {
        var j = newline;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        return j < text.Length && (text[j] == '"' || IsOpening(text[j]) || IsDoubledApostrophe(text, j));
    }

    private static int FirstNonSpace(string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        return from;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
