using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Provenance;

namespace Crosscheck.Stories.Statements;

/// <summary>One given event mention of a story's document to group as the dossier's statements would: its id, its document's id and its span.</summary>
public sealed record StatementMentionInput(string Id, string Document, TextSpan Span);

/// <summary>
/// Groups given event mentions of one story into events as the dossier does (<see cref="EventGrouper"/> over
/// <see cref="StatementBuilder.Reports"/>: one predicate class, look-alikes apart, acts of saying joined only when
/// their words agree), so the grouping behind the statements section can be scored on a corpus's mentions. Every
/// event counts, whether the dossier would show it as a statement or not (a corpus's sayings and events reported
/// once are events too); a mention with no predicate (a pronoun) or outside the story's sentences stays alone.
/// </summary>
public static class StatementGrouping
{
    /// <summary>Each mention id's cluster id.</summary>
    /// <param name="documents">The story's documents, in story order (its entities are resolved over all of them).</param>
    /// <param name="mentions">The mentions to group; a mention of a document not in <paramref name="documents"/> stays alone.</param>
    /// <param name="options">The dossier's thresholds (<see cref="DossierBuilderOptions.Default"/> when null).</param>
    public static Dictionary<string, string> Group(IReadOnlyList<Document> documents, IEnumerable<StatementMentionInput> mentions, DossierBuilderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(mentions);
        options ??= DossierBuilderOptions.Default;
        var views = documents.Select((d, i) => new DocumentView(d, i)).ToList();
        var viewOf = new Dictionary<string, DocumentView>(StringComparer.Ordinal);
        foreach (var view in views) viewOf.TryAdd(view.Id, view);
        var entities = new EntityResolver(options).Resolve(views);
        var origins = new OriginResolver(views, options, null);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var byDocument = new Dictionary<string, List<(string Id, EventMention Mention)>>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            result[mention.Id] = "alone:" + mention.Id;
            if (!viewOf.TryGetValue(mention.Document, out var view) || !view.IsInBounds(mention.Span) || EventPredicate.Key(view.TextOf(mention.Span)) is not { } predicate) continue;
            if (!byDocument.TryGetValue(mention.Document, out var list)) byDocument[mention.Document] = list = [];
            list.Add((mention.Id, new EventMention(mention.Span, predicate, EventPolarity.Asserted)));
        }
        // A mention belongs to the sentence it starts in (a corpus's mention may run past a sentence end the
        // sentence splitter put inside it).
        IEnumerable<EventMention> Given(DocumentView view, TextSpan sentence) =>
            byDocument.GetValueOrDefault(view.Id)?.Select(m => m.Mention).Where(m => m.Span.Start >= sentence.Start && m.Span.Start < sentence.End) ?? [];
        var reports = views.SelectMany(view => StatementBuilder.Reports(view, entities, origins, Given, readArguments: false));
        var number = 0;
        foreach (var group in EventGrouper.Group(reports))
        {
            // "CLASS#n" for an event, "CLASS@n" for an act of reporting (as scripts/events-coref-cv.py reads them).
            var cluster = $"{group.Predicate}{(PredicateLexicon.IsReporting(group.Predicate) ? '@' : '#')}{number++}";
            foreach (var report in group.Reports)
            {
                foreach (var (id, _) in byDocument[report.View.Id].Where(m => m.Mention.Span == report.Mention.Span)) result[id] = cluster;
            }
        }
        return result;
    }
}
