using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Tokens;

/// <summary>
/// Splits each sentence into tokens the way news corpora do (CoNLL/PTB style): abbreviations and
/// dotted acronyms keep their periods ("Gen.", "U.S."), numbers keep their separators ("1,000",
/// "2.5", "1996-08-22"), clitics split off ("Russia" "'s", "do" "n't"), URLs stay whole, quotes and
/// dashes are tokens of their own. Words glued together by bad extraction or translation
/// ("LavrovHe") are split at the case change when the tail is a frequent function word.
/// </summary>
public sealed class Tokenizer() : DocumentStage("tokens", [Layer.Sentences], [Layer.Tokens])
{
    public override void Process(Document document)
    {
        var text = document.Text;
        var tokens = new List<Token>(text.Length / 5 + 4);
        foreach (var sentence in document.Sentences)
        {
            var start = Math.Clamp(sentence.Span.Start, 0, text.Length);
            var end = Math.Clamp(sentence.Span.End, start, text.Length);
            Tokenize(text, start, end, tokens);
        }
        document.Tokens = [.. tokens];
    }

    /// <summary>Tokenizes a whole raw string (no sentence layer needed).</summary>
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text, 0, text.Length, tokens);
        return [.. tokens];
    }

    /// <summary>The token strings of a raw string, as the trainer and evaluator use them.</summary>
    public static string[] TokenStrings(string text) =>
        Array.ConvertAll(Tokenize(text), token => token.Span.TextOf(text));

    /// <summary>Appends the tokens of <c>text[start..end)</c> to <paramref name="output"/>, in order.</summary>
    public static void Tokenize(string text, int start, int end, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B' || c == '\uFEFF')
            {
                i++;
                continue;
            }
            int next;
            if (UrlLength(text, i, end) is var url and > 0)
            {
                output.Add(new Token(new TextSpan(i, url), TokenKind.Url));
                next = i + url;
            }
            else if (IsWordChar(c) && !char.IsDigit(c))
            {
                next = ScanWord(text, i, end, output);
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < end && char.IsDigit(text[i + 1]) && (i == start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '(')))
            {
                // ".001": a leading decimal point belongs to its number (and ends no sentence).
                next = ScanNumber(text, i, end, output);
            }
            else if (IsApostrophe(c) && i > start && IsWordChar(text[i - 1]) && CliticLength(text, i, end) is var clitic and > 0)
            {
                output.Add(new Token(new TextSpan(i, clitic), TokenKind.Word));
                next = i + clitic;
            }
            else
            {
                next = ScanSymbol(text, i, end, output);
            }
            i = Math.Max(next, i + 1);
        }
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c)) return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || c == '\u00AD';
    }

    private static bool IsLetter(char c) => char.IsLetter(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Length of "http://...", "https://..." or "www...." at <paramref name="i"/>, trailing punctuation excluded; 0 when none.</summary>
    private static int UrlLength(string text, int i, int end)
    {
        var c = text[i];
        if (c is not ('h' or 'H' or 'w' or 'W')) return 0;
        if (i > 0 && IsWordChar(text[i - 1])) return 0;
        var rest = text.AsSpan(i, end - i);
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && IsWordChar(rest[4]))))
            return 0;
        var j = 0;
        while (j < rest.Length && !char.IsWhiteSpace(rest[j]) && rest[j] is not ('<' or '>' or '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB'))
            j++;
        while (j > 0 && rest[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '\u2019')
            j--;
        return j;
    }

    /// <summary>Length of a clitic ("'s", "'re", "'ll"...) starting at apostrophe <paramref name="i"/> and ending the word; 0 when none.</summary>
    private static int CliticLength(string text, int i, int end)
    {
        var j = i + 1;
        while (j < end && IsLetter(text[j]) && j - i <= 3) j++;
        if (j < end && IsWordChar(text[j])) return 0;
        var tail = text.AsSpan(i + 1, j - i - 1);
        return tail.Equals("s", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("re", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("ve", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("d", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("m", StringComparison.OrdinalIgnoreCase)
            ? j - i
            : 0;
    }

    /// <summary>True when an apostrophe at <paramref name="i"/> starts "n't" with the n before it ("don't").</summary>
    private static bool IsNegationClitic(string text, int i, int end, int wordStart) =>
        i - 1 > wordStart && (text[i - 1] is 'n' or 'N') && i + 1 < end && (text[i + 1] is 't' or 'T')
        && (i + 2 >= end || !IsWordChar(text[i + 2]));

    private static int ScanWord(string text, int start, int end, List<Token> output)
    {
        var j = start;
        while (true)
        {
            while (j < end && IsWordChar(text[j])) j++;
            if (j >= end) break;
            var c = text[j];
            if (IsHyphen(c) && j + 1 < end && IsWordChar(text[j + 1]))
            {
                j++;
                continue;
            }
            if (IsApostrophe(c) && c != '`' && j + 1 < end && IsLetter(text[j + 1]))
            {
                if (IsNegationClitic(text, j, end, start))
                {
                    EmitWord(text, start, j - 1, output);
                    output.Add(new Token(new TextSpan(j - 1, 3), TokenKind.Word));
                    return j + 2;
                }
                if (CliticLength(text, j, end) > 0) break;
                j++;
                continue;
            }
            // "RM23.50", "magnitude-5.2": a decimal point between digits stays inside the word (it ends no sentence).
            if (c == '.' && j > start && char.IsDigit(text[j - 1]) && j + 1 < end && char.IsDigit(text[j + 1]))
            {
                j++;
                continue;
            }
            if (c == '.')
            {
                var periodEnd = DottedEnd(text, start, j, end);
                if (periodEnd > j)
                {
                    j = periodEnd;
                    // "U.S.-led": a dotted acronym can still head a hyphenated compound.
                    if (j + 1 < end && IsHyphen(text[j]) && IsWordChar(text[j + 1]))
                    {
                        j++;
                        continue;
                    }
                    break;
                }
                // "reuters.com", "e.g": a period glued between lower-case letters stays inside the word.
                if (j + 1 < end && char.IsLower(text[j + 1]) && j > start && char.IsLower(text[j - 1]))
                {
                    j++;
                    continue;
                }
            }
            break;
        }
        EmitWord(text, start, j, output);
        return j;
    }

    /// <summary>
    /// When the word <c>text[start..period)</c> followed by the period at <paramref name="period"/> is an
    /// initial ("J."), a dotted acronym ("U.S.", "a.m.") or a listed abbreviation ("Gen."), returns the
    /// position after the abbreviation's last period; otherwise <paramref name="period"/>.
    /// </summary>
    private static int DottedEnd(string text, int start, int period, int end)
    {
        var word = text.AsSpan(start, period - start);
        // Dotted acronym: single letters separated by periods.
        if (word.Length == 1 && IsLetter(word[0]))
        {
            var j = period + 1;
            while (j + 1 < end && IsLetter(text[j]) && text[j + 1] == '.')
                j += 2;
            if (j > period + 1) return j;
            // A lone capital is an initial ("J. Smith"); a lone lower-case letter is not ("plan b.").
            return char.IsUpper(word[0]) ? period + 1 : period;
        }
        if (Lexicon.Contains(TokenLexicon.Abbreviations, word)) return period + 1;
        return period;
    }

    /// <summary>Emits a word, split where bad extraction glued two words at a case change.</summary>
    private static void EmitWord(string text, int start, int end, List<Token> output)
    {
        if (end <= start) return;
        var pieceStart = start;
        if (end - start >= 4 && !Lexicon.Contains(TokenLexicon.CamelCaseNames, text.AsSpan(start, end - start)))
        {
            for (var k = start + 1; k < end; k++)
            {
                if (!char.IsUpper(text[k]) || !char.IsLower(text[k - 1])) continue;
                if (ShouldSplitAt(text, pieceStart, k, end))
                {
                    output.Add(new Token(TextSpan.FromBounds(pieceStart, k), TokenKind.Word));
                    pieceStart = k;
                }
            }
        }
        output.Add(new Token(TextSpan.FromBounds(pieceStart, end), TokenKind.Word));
    }

    /// <summary>
    /// A lower→upper change inside a word marks a glued pair when the capitalised tail is a frequent
    /// function word after a real lower-case head ("LavrovHe", "BarndowAnd"), or when a lower-case word
    /// runs into a long capitalised word ("offensiveSabotage"). Brand-style names ("McDonald", "YouTube",
    /// "iPhone") have short heads and stay whole.
    /// </summary>
    private static bool ShouldSplitAt(string text, int wordStart, int k, int end)
    {
        var headLower = 0;
        for (var h = k - 1; h >= wordStart && char.IsLower(text[h]); h--) headLower++;
        var tailEnd = k + 1;
        while (tailEnd < end && char.IsLower(text[tailEnd])) tailEnd++;
        var tail = text.AsSpan(k, tailEnd - k);
        var tailIsWholeRest = tailEnd == end || char.IsUpper(text[tailEnd]) || !IsLetter(text[tailEnd]);
        if (!tailIsWholeRest) return false;
        if (headLower >= 2 && Lexicon.Contains(TokenLexicon.CapitalisedFunctionWords, tail)) return true;
        return char.IsLower(text[wordStart]) && headLower >= 4 && tail.Length >= 4;
    }

    private static int ScanNumber(string text, int start, int end, List<Token> output)
    {
        var j = start;
        while (true)
        {
            while (j < end && char.IsDigit(text[j])) j++;
            if (j + 1 < end && text[j] is ',' or '.' or ':' or '/' or '-' && char.IsDigit(text[j + 1]))
            {
                j++;
                continue;
            }
            break;
        }
        // Ordinals, decades and glued units stay with the number: "10th", "1990s", "5km".
        while (j < end && IsWordChar(text[j])) j++;
        output.Add(new Token(TextSpan.FromBounds(start, j), TokenKind.Number));
        return j;
    }

    private static int ScanSymbol(string text, int start, int end, List<Token> output)
    {
        var c = text[start];
        var j = start + 1;
        if (char.IsHighSurrogate(c) && j < end && char.IsLowSurrogate(text[j]))
        {
            j++;
            output.Add(new Token(TextSpan.FromBounds(start, j), TokenKind.Symbol));
            return j;
        }
        // Runs of the same mark are one token: "...", "--", "!!", "==".
        if (c is '.' or '-' or '!' or '?' or '*' or '=' or '_' or '~' or '#')
            while (j < end && text[j] == c) j++;
        var category = char.GetUnicodeCategory(c);
        var kind = category is UnicodeCategory.CurrencySymbol or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
            || c is '%' or '&' or '@' or '#'
            ? TokenKind.Symbol
            : TokenKind.Punctuation;
        output.Add(new Token(TextSpan.FromBounds(start, j), kind));
        return j;
    }
}
