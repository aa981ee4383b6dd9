using Crosscheck.Annotation.Events;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// One event mention to group: its id, the story its article belongs to, its predicate key
/// (<see cref="EventPredicate.Key"/>, null for a pronoun) and the names of its sentence (entity mentions, lower case).
/// </summary>
public sealed record EventMentionInput(string Id, string Story, string? Predicate, IReadOnlySet<string> Names);

/// <summary>
/// Groups event mentions across the articles of a story: mentions of one story whose predicates share a class
/// (lemma, synonym or derivation) are one event, except acts of saying, each its own event (what was said is
/// the statement; on ECB+ train topics keeping them apart scored higher than joining those whose sentences
/// share a name). A mention with no predicate stays alone.
/// The order of the input decides nothing but the cluster ids.
/// </summary>
public static class EventGrouper
{
    /// <summary>Each mention id's cluster id.</summary>
    public static Dictionary<string, string> Group(IEnumerable<EventMentionInput> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var candidates = new Dictionary<(string Story, string Predicate), List<List<EventMentionInput>>>();
        foreach (var mention in mentions)
        {
            if (mention.Predicate is not { } predicate || PredicateLexicon.IsReporting(mention.Predicate))
            {
                result[mention.Id] = "alone:" + mention.Id;
                continue;
            }
            var key = (mention.Story, predicate);
            if (!candidates.TryGetValue(key, out var clusters)) candidates[key] = clusters = [];
            var joined = clusters.FirstOrDefault();
            if (joined is null) clusters.Add(joined = []);
            joined.Add(mention);
            result[mention.Id] = $"{mention.Story}|{predicate}#{clusters.IndexOf(joined)}";
        }
        return result;
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
