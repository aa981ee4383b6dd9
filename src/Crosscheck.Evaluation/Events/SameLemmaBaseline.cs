using Crosscheck.Annotation.Events;

namespace Crosscheck.Evaluation.Events;

/// <summary>
/// The same-lemma baseline of the cross-document event coreference literature: mentions of one story whose head
/// words (<see cref="EventPredicate.Head"/>) share a lemma are one event. <c>crosscheck eval events</c> scores it
/// beside Crosscheck's grouping on the same stories.
/// </summary>
public static class SameLemmaBaseline
{
    /// <summary>Each mention id's cluster id; a mention with no word stays alone.</summary>
    public static Dictionary<string, string> Group(IEnumerable<(string Id, string Story, string Text)> mentions)
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
