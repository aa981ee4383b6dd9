using System.Collections.Frozen;
using System.Reflection;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Events;

/// <summary>Whether an event mention says it happened, did not (negated or denied), or might (would, may, plans to).</summary>
public enum EventPolarity
{
    Asserted,
    Negated,
    Possible,
}

/// <summary>An event word in a text: its span, predicate key (<see cref="EventPredicate.Key"/>) and polarity.</summary>
public readonly record struct EventMention(TextSpan Span, string Predicate, EventPolarity Polarity);

/// <summary>
/// Finds the words that report something happening: words of a known predicate class
/// (<c>Events/Data/predicate-classes.txt</c>), verb forms (irregular past forms, -ed, -ing) that are not function
/// words or names, and nouns of happening (-tion, -ment, -ure, -ance, -sis; <c>not-events.txt</c> lists the look-alikes
/// that name none), each with the polarity the words before it give (<c>negation.txt</c>, <c>modality.txt</c>;
/// a denial verb before it negates it too). Rules over words: no tagger.
/// </summary>
public static class EventMentionDetector
{
    private static readonly Assembly Own = typeof(EventMentionDetector).Assembly;

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Lower);

    private static readonly FrozenSet<string> Negation = Lexicon.Set(Own, "Events/Data/negation.txt", LexiconCase.Lower);

    private static readonly FrozenSet<string> Modality = Lexicon.Set(Own, "Events/Data/modality.txt", LexiconCase.Lower);

    private static readonly FrozenSet<string> NotEvents = Lexicon.Set(Own, "Events/Data/not-events.txt", LexiconCase.Lower);

    private static readonly string[] EventNounEndings = ["tion", "sion", "ment", "ure", "ance", "ence", "sis"];

    private static readonly string DenialClass = PredicateLexicon.ClassOf("deny");

    /// <summary>How many words before a predicate a negation or modal word may stand ("would not have been").</summary>
    private const int PolarityWindow = 3;

    /// <summary>The event mentions in <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/> (one sentence).</summary>
    public static List<EventMention> Detect(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<EventMention>();
        var words = new List<(int Start, int End, string Lower)>();
        var i = start;
        while (i < end)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var s = i;
            while (i < end && (char.IsLetter(text[i]) || (text[i] is '-' or '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1])))) i++;
            words.Add((s, i, text[s..i].ToLowerInvariant()));
        }
        // A headline in title case capitalises its verbs too ("Actress Checks Into Rehab").
        var titleCase = words.Count(w => char.IsUpper(text[w.Start])) > 0.6 * words.Count;
        var denied = -1;
        for (var w = 0; w < words.Count; w++)
        {
            var (ws, _, lower) = words[w];
            if (!IsEventWord(lower, w == 0 || titleCase || !char.IsUpper(text[ws]))) continue;
            var predicate = PredicateLexicon.ClassOf(lower);
            var polarity = EventPolarity.Asserted;
            for (var back = Math.Max(0, w - PolarityWindow); back < w; back++)
            {
                var before = words[back].Lower;
                if (Negation.Contains(before) || before.EndsWith("n't", StringComparison.Ordinal)) polarity = EventPolarity.Negated;
                else if (polarity == EventPolarity.Asserted && Modality.Contains(before)) polarity = EventPolarity.Possible;
            }
            if (denied >= 0 && w - denied <= PolarityWindow + 1) polarity = EventPolarity.Negated;
            if (predicate == DenialClass) denied = w;
            result.Add(new EventMention(new TextSpan(ws, words[w].End - ws), predicate, polarity));
        }
        return result;
    }

    /// <param name="lower">The word, lower case.</param>
    /// <param name="mayBeCapitalised">False for a capitalised word inside a sentence that is not a headline: a name ("Burns"), not an event.</param>
    private static bool IsEventWord(string lower, bool mayBeCapitalised)
    {
        if (lower.Length < 3 || !mayBeCapitalised || NotEvents.Contains(lower)) return false;
        // A predicate class comes first: "said" is a function word to clustering but an event here.
        if (PredicateLexicon.HasClass(lower)) return true;
        if (FunctionWords.Contains(lower)) return false;
        if (PredicateLexicon.IsIrregularForm(lower)) return true;
        if (lower.Length > 4 && (lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal))) return true;
        var singular = lower.EndsWith('s') ? lower[..^1] : lower;
        return singular.Length > 5 && Array.Exists(EventNounEndings, ending => singular.EndsWith(ending, StringComparison.Ordinal));
    }
}
