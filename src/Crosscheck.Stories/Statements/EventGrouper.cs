using System.Collections.Frozen;
using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// One event mention to group: its id, the story and the article (document) it belongs to, its predicate key
/// (<see cref="EventPredicate.Key"/>, null for a pronoun) and the words around it (<see cref="EventGrouper.ContextWords"/>).
/// </summary>
public sealed record EventMentionInput(string Id, string Story, string Document, string? Predicate, IReadOnlySet<string> Context);

/// <summary>
/// Groups event mentions across the articles of a story: mentions of one story whose predicates share a class
/// (lemma, synonym or derivation) are one event. Acts of saying are each their own event (what was said is the
/// statement; on ECB+ choosing topics joining them by class, or by a shared name in their sentences, scored lower),
/// unless two articles report one act in the same words: a saying of the same class whose nearby words mostly
/// agree with a saying in another article of the story (the same speaker saying the same thing, as copied or
/// rewritten reports put it) joins it. A mention with no predicate stays alone.
/// The order of the input decides nothing but the cluster ids.
/// </summary>
public static class EventGrouper
{
    /// <summary>How many words either side of a mention, inside its sentence, make its context.</summary>
    public const int ContextWindow = 6;

    /// <summary>
    /// The share of their context words (Jaccard) two sayings of one class in different articles must have in common
    /// to be one act of saying. Chosen with the window on the ECB+ choosing topics only, by leaving topics out
    /// (docs/BENCHMARKS.md, events7; <c>scripts/events-coref-cv.py sayings</c>): ±6 words at 0.15–0.25 score alike,
    /// 0.25 joins fewer wrong pairs.
    /// </summary>
    public const double SameSayingAgreement = 0.25;

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words.txt", LexiconCase.Lower);

    /// <summary>Each mention id's cluster id.</summary>
    public static Dictionary<string, string> Group(IEnumerable<EventMentionInput> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var sayings = new Dictionary<(string Story, string Predicate), List<EventMentionInput>>();
        foreach (var mention in mentions)
        {
            if (mention.Predicate is not { } predicate)
            {
                result[mention.Id] = "alone:" + mention.Id;
            }
            else if (PredicateLexicon.IsReporting(predicate))
            {
                var key = (mention.Story, predicate);
                if (!sayings.TryGetValue(key, out var list)) sayings[key] = list = [];
                list.Add(mention);
            }
            else
            {
                result[mention.Id] = $"{mention.Story}|{predicate}#0";
            }
        }
        foreach (var ((story, predicate), list) in sayings)
        {
            foreach (var (id, act) in SameSayings(list)) result[id] = act is null ? "alone:" + id : $"{story}|{predicate}@{act}";
        }
        return result;
    }

    /// <summary>
    /// The content words (lower case, function words left out) within <see cref="ContextWindow"/> words either side
    /// of <paramref name="mention"/>, inside <paramref name="sentence"/>: who and what a mention is about, roughly.
    /// </summary>
    public static HashSet<string> ContextWords(string text, TextSpan sentence, TextSpan mention)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Clamp(sentence.Start, 0, text.Length);
        var end = Math.Clamp(sentence.End, start, text.Length);
        var before = Tokens(text, start, Math.Clamp(mention.Start, start, end));
        var after = Tokens(text, Math.Clamp(mention.End, start, end), end);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in before.Skip(Math.Max(0, before.Count - ContextWindow)).Concat(after.Take(ContextWindow)))
        {
            if (!FunctionWords.Contains(word)) words.Add(word);
        }
        return words;
    }

    /// <summary>
    /// Sayings of one story and class, each with the id of the act it belongs to (the least member id of its group)
    /// or null when no saying of another article agrees with it. Pairs are compared all against all (a story's
    /// sayings of one class are tens to hundreds), over small word sets.
    /// </summary>
    private static IEnumerable<(string Id, string? Act)> SameSayings(List<EventMentionInput> sayings)
    {
        var owner = Enumerable.Range(0, sayings.Count).ToArray();
        int Root(int i)
        {
            while (owner[i] != i) i = owner[i] = owner[owner[i]];
            return i;
        }
        for (var i = 0; i < sayings.Count; i++)
        {
            for (var j = i + 1; j < sayings.Count; j++)
            {
                if (sayings[i].Document != sayings[j].Document && Agreement(sayings[i].Context, sayings[j].Context) >= SameSayingAgreement)
                {
                    owner[Root(i)] = Root(j);
                }
            }
        }
        var members = sayings.Select((s, i) => (s.Id, Root: Root(i))).ToList();
        var acts = members.GroupBy(m => m.Root).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Id).Order(StringComparer.Ordinal).First());
        return members.Select(m => (m.Id, acts.GetValueOrDefault(m.Root)));
    }

    /// <summary>The Jaccard share of two word sets (0 when both are empty).</summary>
    private static double Agreement(IReadOnlySet<string> first, IReadOnlySet<string> second)
    {
        if (first.Count == 0 && second.Count == 0) return 0;
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }

    /// <summary>The runs of letters or digits between two offsets, lower case (inner hyphens and apostrophes kept).</summary>
    private static List<string> Tokens(string text, int start, int end)
    {
        var tokens = new List<string>();
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var from = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || ((text[i] is '-' or '\'' or '’') && i + 1 < end && char.IsLetter(text[i + 1])))) i++;
            tokens.Add(text[from..i].ToLowerInvariant());
        }
        return tokens;
    }

    /// <summary>The same-lemma baseline: mentions of one story whose head words (<see cref="EventPredicate.Head"/>) share a lemma are one event (the classic baseline of the literature).</summary>
    public static Dictionary<string, string> SameLemma(IEnumerable<(string Id, string Story, string Text)> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, story, text) in mentions)
        {
            var words = EventPredicate.Words(text);
            result[id] = words.Count == 0 ? "alone:" + id : $"{story}|{PredicateLexicon.Lemma(EventPredicate.Head(words))}";
        }
        return result;
    }
}
