using System.Collections.Frozen;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Events;

/// <summary>The predicate of an event mention's words: its head word and the key mentions of one event share.</summary>
public static class EventPredicate
{
    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Lower);

    /// <summary>
    /// The predicate key of a mention's words ("checked herself into" → the class of "check"; "checks out" adds
    /// "+out"), or null for a pronoun or demonstrative standing for an event ("it"), which names no predicate.
    /// </summary>
    public static string? Key(string mentionText)
    {
        ArgumentNullException.ThrowIfNull(mentionText);
        var words = Words(mentionText);
        if (words.Count == 0) return null;
        if (words.Count == 1 && PredicateLexicon.ReferenceWords.Contains(words[0].ToLowerInvariant())) return null;
        var head = CompoundHead(words) ?? Head(words);
        var particle = words.Skip(1).Select(w => w.ToLowerInvariant()).FirstOrDefault(PredicateLexicon.Particles.Contains);
        var key = PredicateLexicon.ClassOf(head);
        return particle is null ? key : key + "+" + particle;
    }

    /// <summary>The head word of a mention's words: the first that is not a function word ("has checked" → "checked").</summary>
    public static string Head(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.FirstOrDefault(w => !FunctionWords.Contains(w.ToLowerInvariant())) ?? words[0];
    }

    /// <summary>
    /// The last word of a noun compound ("double homicide", "fatal shooting", "AFC playoffs": the head of an English
    /// noun phrase is its last noun), or null when the words are no compound: one word, a function word or particle
    /// among them ("life in prison", "checked into"), or a first word that is a verb form ("opened fire", "set fire").
    /// </summary>
    private static string? CompoundHead(IReadOnlyList<string> words)
    {
        if (words.Count < 2) return null;
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            if (FunctionWords.Contains(lower) || PredicateLexicon.Particles.Contains(lower)) return null;
        }
        var first = words[0].ToLowerInvariant();
        var verbForm = PredicateLexicon.IsIrregularForm(first)
            || first.EndsWith("ed", StringComparison.Ordinal) || first.EndsWith("ing", StringComparison.Ordinal);
        return verbForm ? null : words[^1];
    }

    /// <summary>The words of a mention: letters, with inner hyphens and apostrophes.</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Words(text, 0, text.Length, digits: false);
    }

    /// <summary>
    /// The words between two offsets of a text: runs of letters (and of digits too when <paramref name="digits"/>:
    /// "2011", "7.0" as "7" and "0"), with inner hyphens and apostrophes before a letter ("al-Shabab", "O'Neil").
    /// </summary>
    public static List<string> Words(string text, int start, int end, bool digits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        var words = new List<string>();
        bool InWord(char c) => char.IsLetter(c) || (digits && char.IsDigit(c));
        var i = start;
        while (i < end)
        {
            if (!InWord(text[i])) { i++; continue; }
            var from = i;
            while (i < end && (InWord(text[i]) || ((text[i] is '-' or '\'' or '’') && i + 1 < end && char.IsLetter(text[i + 1])))) i++;
            words.Add(text[from..i]);
        }
        return words;
    }
}
