using System.Collections.Frozen;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Entities;

/// <summary>
/// Story-level evidence about mentions that a single sentence cannot give the tagger: whether a
/// capitalised sentence-initial word is in fact a common word (the story also writes it in lower
/// case: "According", "Four"), and which type the words around a name point to ("the capital X").
/// </summary>
internal sealed class MentionContext
{
    private static readonly Dictionary<(string Word, bool Before), EntityType> Cues = LoadCues();
    private static readonly FrozenSet<string> Titles = Lexicon.Set(typeof(MentionContext).Assembly, "Entities/titles.txt", LexiconCase.Lower);
    private static readonly FrozenSet<string> Portfolios = Lexicon.Set(typeof(MentionContext).Assembly, "Entities/portfolios.txt", LexiconCase.Lower);

    private readonly HashSet<string> _lowerCaseWords = new(StringComparer.Ordinal);

    public MentionContext(IReadOnlyList<DocumentView> documents)
    {
        foreach (var view in documents)
        {
            var text = view.Text;
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetter(text[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (i < text.Length && char.IsLetter(text[i])) i++;
                if (char.IsLower(text[start]) && (start == 0 || !char.IsLetter(text[start - 1]))) _lowerCaseWords.Add(text[start..i]);
            }
        }
    }

    /// <summary>A one-word mention opening a sentence that the story elsewhere writes in lower case.</summary>
    public bool IsCommonWord(DocumentView view, TextSpan span, string name)
    {
        if (name.Contains(' ') || name.Length == 0) return false;
        var sentence = view.SentenceAt(span.Start);
        var position = sentence.Start;
        while (position < span.Start && !char.IsLetterOrDigit(view.Text[position])) position++;
        if (position != span.Start && !StartsLine(view.Text, span.Start)) return false;
        return _lowerCaseWords.Contains(name.ToLowerInvariant());
    }

    /// <summary>The type the neighbouring words indicate, if any.</summary>
    public static EntityType? Cue(DocumentView view, TextSpan span)
    {
        var before = WordBefore(view.Text, span.Start);
        if (before is not null)
        {
            if (Cues.TryGetValue((before, true), out var type)) return type;
            if (Titles.Contains(before)) return EntityType.Person;
        }
        var after = WordAfter(view.Text, span.End);
        return after is not null && Cues.TryGetValue((after, false), out var next) ? next : null;
    }

    /// <summary>
    /// The person's name inside a mention that a tagger started at a portfolio following a title
    /// ("Minister of [Defense Jane Doe]" → "Jane Doe"); null when the mention is not such a case.
    /// </summary>
    public static string? NameAfterPortfolio(DocumentView view, TextSpan span)
    {
        var before = WordBefore(view.Text, span.Start, out var position);
        if (before is "of" or "for") before = WordBefore(view.Text, position, out _);
        if (before is null || !Titles.Contains(before)) return null;
        var words = view.TextOf(span).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = 0;
        while (first < words.Length && Portfolios.Contains(Folding.Key(words[first]))) first++;
        if (first == 0 || words.Length - first < 2) return null;
        return words[first..].All(w => char.IsUpper(w[0])) ? string.Join(' ', words[first..]) : null;
    }

    private static bool StartsLine(string text, int position)
    {
        var i = position - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '"' or '\'' or '\u201C' or '\u2018') i--;
        return i < 0 || text[i] == '\n';
    }

    private static string? WordBefore(string text, int position) => WordBefore(text, position, out _);

    private static string? WordBefore(string text, int position, out int wordStart)
    {
        var end = position;
        while (end > 0 && text[end - 1] == ' ') end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        wordStart = start;
        return end > start && end - start <= 20 ? text[start..end].ToLowerInvariant() : null;
    }

    private static string? WordAfter(string text, int position)
    {
        var start = position;
        while (start < text.Length && text[start] == ' ') start++;
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end > start && end - start <= 20 ? text[start..end].ToLowerInvariant() : null;
    }

    private static Dictionary<(string, bool), EntityType> LoadCues()
    {
        var cues = new Dictionary<(string, bool), EntityType>();
        foreach (var line in Lexicon.Lines(typeof(MentionContext).Assembly, "Entities/type-cues.txt", LexiconCase.Lower))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !Enum.TryParse<EntityType>(parts[0], ignoreCase: true, out var type)) continue;
            cues[(parts[2], parts[1] == "before")] = type;
        }
        return cues;
    }
}
