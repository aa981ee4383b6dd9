using System.Collections.Frozen;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Sentences;

/// <summary>Thresholds for <see cref="SentenceSplitter"/>.</summary>
public sealed record SentenceSplitterOptions
{
    /// <summary>
    /// A run-on "sentence" longer than this many tokens (tables, lists, text with no punctuation) is cut,
    /// so that later stages work on bounded units. Default 400: longer than any real news sentence.
    /// </summary>
    public int MaxTokensPerSentence { get; init; } = 400;
}

/// <summary>
/// Finds sentences in news text. A blank line always ends a sentence (paragraphs never share one);
/// inside a paragraph a sentence ends at terminal punctuation (plus closing quotes and brackets) when the
/// next token can start a sentence. Abbreviations ("Gen.", "Jan.") and initials do not end sentences;
/// an abbreviation that can close one ("U.S.", "Inc.") does when a capitalised function word follows.
/// </summary>
public sealed class SentenceSplitter(SentenceSplitterOptions? options = null)
    : DocumentStage("sentences", [], [Layer.Sentences])
{
    private static readonly FrozenSet<string> FinalAbbreviations =
        Lexicon.Set(typeof(SentenceSplitter).Assembly, "Sentences/final-abbreviations.txt", LexiconCase.IgnoreCase);

    private readonly SentenceSplitterOptions _options = options ?? new SentenceSplitterOptions();

    public override void Process(Document document) =>
        document.Sentences = [.. Split(document.Text, _options).Select(span => new Sentence(span))];

    /// <summary>The sentence spans of a raw string, in order.</summary>
    public static List<TextSpan> Split(string text, SentenceSplitterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var maxTokens = Math.Max(1, (options ?? new SentenceSplitterOptions()).MaxTokensPerSentence);
        var sentences = new List<TextSpan>();
        var tokens = new List<Token>();
        var paragraphStart = 0;
        while (paragraphStart < text.Length)
        {
            var paragraphEnd = ParagraphEnd(text, paragraphStart);
            tokens.Clear();
            Tokenizer.Tokenize(text, paragraphStart, paragraphEnd, tokens);
            SplitParagraph(text, tokens, maxTokens, sentences);
            paragraphStart = paragraphEnd;
        }
        return sentences;
    }

    /// <summary>The end of the paragraph starting at <paramref name="start"/>: the first line break followed by a blank line.</summary>
    private static int ParagraphEnd(string text, int start)
    {
        var i = start;
        while (true)
        {
            var newline = text.IndexOf('\n', i);
            if (newline < 0) return text.Length;
            var j = newline + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r' or '\f' or '\v' or '\u00A0') j++;
            if (j < text.Length && text[j] == '\n') return j + 1;
            if (j >= text.Length) return text.Length;
            i = j;
        }
    }

    private static void SplitParagraph(string text, List<Token> tokens, int maxTokens, List<TextSpan> sentences)
    {
        var first = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var last = t;
            var ends = false;
            if (IsTerminal(text, tokens[t]))
            {
                while (last + 1 < tokens.Count && IsCloser(text, tokens[last + 1]) && tokens[last + 1].Span.Start == tokens[last].Span.End)
                    last++;
                ends = last + 1 >= tokens.Count || (CanStartSentence(text, tokens[last + 1]) && !IsAbbreviationStop(text, tokens, t));
            }
            else if (EndsWithPeriod(text, tokens[t]) && t + 1 < tokens.Count)
            {
                ends = IsFinalAbbreviation(text, tokens[t]) && IsCapitalisedFunctionWord(text, tokens[t + 1]);
            }
            if (!ends && last - first + 1 < maxTokens) continue;
            sentences.Add(TextSpan.FromBounds(tokens[first].Span.Start, tokens[last].Span.End));
            first = last + 1;
            t = last;
        }
        if (first < tokens.Count)
            sentences.Add(TextSpan.FromBounds(tokens[first].Span.Start, tokens[^1].Span.End));
    }

    private static bool IsTerminal(string text, Token token)
    {
        if (token.Kind != TokenKind.Punctuation) return false;
        foreach (var c in token.Span.Of(text))
            if (!SentenceMarks.EndsSentence(c))
                return false;
        return true;
    }

    /// <summary>
    /// Whether the stop at <paramref name="t"/> belongs to an abbreviation the tokenizer split: a party tag whose state is
    /// dotted ("R-S.C.", "D-N.Y.": the stop glued between "R-S" and "C."), or "No." before a number ("the No. 2 official").
    /// </summary>
    private static bool IsAbbreviationStop(string text, List<Token> tokens, int t)
    {
        if (t == 0 || t + 1 >= tokens.Count || tokens[t].Span.Length != 1 || text[tokens[t].Span.Start] != '.') return false;
        var before = tokens[t - 1].Span;
        var after = tokens[t + 1].Span;
        if (before.End != tokens[t].Span.Start) return false;
        var word = before.Of(text);
        if (word is "No" or "Nos") return char.IsDigit(text[after.Start]);
        // "R-S" + "." + "C.": a hyphen and one capital before the stop, one capital and its stop glued after it.
        return after.Start == tokens[t].Span.End && word.Length >= 3 && word[^2] == '-' && char.IsUpper(word[^1]) &&
            after.Length == 2 && char.IsUpper(text[after.Start]) && text[after.Start + 1] == '.';
    }

    private static bool IsCloser(string text, Token token) =>
        token.Span.Length == 1 && text[token.Span.Start] is '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u203A' or ')' or ']' or '}';

    private static bool CanStartSentence(string text, Token token)
    {
        var c = text[token.Span.Start];
        if (char.IsUpper(c) || char.IsDigit(c)) return true;
        if (char.IsLetter(c)) return !char.IsLower(c); // scripts without case
        return c is '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '(' or '[' or '-' or '\u2013' or '\u2014' or '\u2022' or '*';
    }

    private static bool EndsWithPeriod(string text, Token token) =>
        token.Kind == TokenKind.Word && token.Span.Length > 1 && text[token.Span.End - 1] == '.';

    private static bool IsFinalAbbreviation(string text, Token token)
    {
        var word = text.AsSpan(token.Span.Start, token.Span.Length - 1);
        // Dotted acronyms ("U.S.", "U.K.") can close a sentence; single initials ("J.") cannot.
        if (word.Length >= 3 && word[1] == '.') return true;
        return Lexicon.Contains(FinalAbbreviations, word);
    }

    private static bool IsCapitalisedFunctionWord(string text, Token token)
    {
        var span = token.Span.Of(text);
        return span.Length > 0 && char.IsUpper(span[0]) && Lexicon.Contains(TokenLexicon.CapitalisedFunctionWords, span);
    }
}
