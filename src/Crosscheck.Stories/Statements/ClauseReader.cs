using System.Collections.Frozen;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// A light clause reader: the stretch of a sentence that belongs to one predicate, so that what a report names
/// there (its arguments: who, whom, where, when, how many) is told apart from what the rest of its sentence names.
/// A clause ends at strong punctuation (";", ":", a dash, brackets, quotation marks) and before a word that opens
/// another clause ("that", "which", "who", "while", "because", "but"...; <c>Statements/clause-openers.txt</c>), and
/// reaches at most <see cref="MaxWords"/> words either side of the predicate. Commas do not end it: an apposition
/// ("the Prime Minister, Ada Lin, said") or a time ("on Monday,") often stands between a subject and its verb.
/// A relative clause between them ("The council, which met on Monday, approved") cuts the subject off: a reader
/// without syntax cannot tell where it closes.
/// </summary>
internal static class ClauseReader
{
    /// <summary>The most words a clause reaches on either side of its predicate.</summary>
    public const int MaxWords = 10;

    private static readonly FrozenSet<string> Openers = Lexicon.Set(typeof(ClauseReader).Assembly, "Statements/clause-openers.txt", LexiconCase.Lower);

    /// <summary>The clause of <paramref name="mention"/> inside <paramref name="sentence"/>.</summary>
    public static TextSpan Clause(string text, TextSpan sentence, TextSpan mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentenceStart = Math.Clamp(sentence.Start, 0, text.Length);
        var sentenceEnd = Math.Clamp(sentence.End, sentenceStart, text.Length);
        var mentionStart = Math.Clamp(mention.Start, sentenceStart, sentenceEnd);
        var mentionEnd = Math.Clamp(mention.End, mentionStart, sentenceEnd);
        return TextSpan.FromBounds(Start(text, sentenceStart, mentionStart), End(text, mentionEnd, sentenceEnd));
    }

    /// <summary>Scans left from the predicate: the clause begins after a boundary, an opener word, or the last word allowed.</summary>
    private static int Start(string text, int limit, int from)
    {
        var words = 0;
        var i = from;
        while (i > limit)
        {
            var c = text[i - 1];
            if (IsBoundary(c)) return i;
            if (!char.IsLetterOrDigit(c))
            {
                i--;
                continue;
            }
            var end = i;
            while (i > limit && IsWordChar(text[i - 1])) i--;
            // The opener itself is left out: "the police said that [Kim was arrested]".
            if (Openers.Contains(text[i..end].ToLowerInvariant()) || ++words > MaxWords) return end;
        }
        return limit;
    }

    /// <summary>Scans right from the predicate: the clause ends before a boundary, an opener word, or after the last word allowed.</summary>
    private static int End(string text, int from, int limit)
    {
        var words = 0;
        var i = from;
        while (i < limit)
        {
            var c = text[i];
            if (IsBoundary(c)) return i;
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < limit && IsWordChar(text[i])) i++;
            if (Openers.Contains(text[start..i].ToLowerInvariant()) || ++words > MaxWords) return start;
        }
        return limit;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '\'' or '’';

    private static bool IsBoundary(char c) => c is ';' or ':' or '—' or '–' or '(' or ')' or '"' or '“' or '”' or '«' or '»' or '[' or ']';
}
