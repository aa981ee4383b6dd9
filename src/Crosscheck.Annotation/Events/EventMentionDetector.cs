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
/// words or names, each with the polarity the words before it give (<c>negation.txt</c>, <c>modality.txt</c>;
/// a denial verb before it negates it too). Rules over words: no tagger.
/// </summary>
public static class EventMentionDetector
{
    private static readonly Assembly Own = typeof(EventMentionDetector).Assembly;

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Lower);

    private static readonly FrozenSet<string> Negation = Lexicon.Set(Own, "Events/Data/negation.txt", LexiconCase.Lower);

    private static readonly FrozenSet<string> Modality = Lexicon.Set(Own, "Events/Data/modality.txt", LexiconCase.Lower);

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
        var denied = -1;
        for (var w = 0; w < words.Count; w++)
        {
            var (ws, we, lower) = words[w];
            if (!IsEventWord(text, ws, lower, w == 0)) continue;
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
            result.Add(new EventMention(new TextSpan(ws, we), predicate, polarity));
        }
        return result;
    }

    private static bool IsEventWord(string text, int start, string lower, bool sentenceStart)
    {
        if (lower.Length < 3 || FunctionWords.Contains(lower)) return false;
        // A capitalised word inside a sentence is a name ("Burns", "Fielding"), not an event.
        if (!sentenceStart && char.IsUpper(text[start])) return false;
        if (PredicateLexicon.HasClass(lower)) return true;
        if (PredicateLexicon.IsIrregularForm(lower)) return true;
        return lower.Length > 4 && (lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal));
    }
}
