using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Stories.Claims;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Fingerprints;
using Crosscheck.Stories.Provenance;
using Crosscheck.Stories.Statements;
using Crosscheck.Stories.Timeline;

namespace Crosscheck.Stories.Consolidation;

/// <summary>
/// The Consolidate stage: from a story's annotated documents, the sourced dossier — entities
/// resolved across spellings, claims grouped and reconciled by independent origin, quotes by
/// speaker, citations, and the timeline. Reads layers only; absent layers give empty sections.
/// Stateless and thread-safe: one instance can build many dossiers at once.
/// </summary>
public sealed class DossierBuilder : IDossierBuilder
{
    private readonly DossierBuilderOptions _options;
    private readonly Func<string, string?>? _copyOf;

    /// <param name="options">Thresholds; <see cref="DossierBuilderOptions.Default"/> when null.</param>
    /// <param name="copyOf">Syndication lookup (article id → id of the original it copies); overrides <see cref="DossierBuilderOptions.CopyOf"/>.</param>
    public DossierBuilder(DossierBuilderOptions? options = null, Func<string, string?>? copyOf = null)
    {
        _options = options ?? DossierBuilderOptions.Default;
        _copyOf = copyOf ?? _options.CopyOf;
    }

    public Dossier Build(Story story, IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(documents);

        var views = InStoryOrder(story, documents).Take(_options.MaxDocuments).Select((d, i) => new DocumentView(d, i)).ToList();
        var entities = new EntityResolver(_options).Resolve(views);
        var copies = _copyOf is { } given ? GivenCopies(views, given) : DetectCopies(views);
        var originalOf = copies.ToDictionary(c => c.Article, c => c.Original, StringComparer.Ordinal);
        var origins = new OriginResolver(views, _options, originalOf.Count == 0 ? null : id => originalOf.GetValueOrDefault(id));
        var (statements, statementLinks) = new StatementBuilder(_options.Statements).BuildLinked(views, entities, origins);
        var claims = new ClaimGrouper(_options).Group(views, entities, origins, statementLinks);
        var quotes = new QuoteGrouper(_options).Group(views, entities, statementLinks);
        var timeline = new TimelineBuilder(_options).Build(views);
        var citations = views
            .Select(v => new DossierCitation(v.Id, origins.CitedOutlets(v)))
            .Where(c => c.Cites.Count > 0)
            .ToList();

        return new Dossier
        {
            Story = story,
            Articles = views.Select(v => v.Article).ToList(),
            Entities = entities.Entities,
            Claims = claims,
            Statements = statements,
            Quotes = quotes,
            Citations = citations,
            Timeline = timeline,
            UndatedArticles = TimelineBuilder.UndatedArticles(views),
            Copies = copies,
        };
    }

    /// <summary>
    /// Copies among the story's own articles, registered oldest first so a copy links to the
    /// earliest text it repeats (undated articles last, in story order).
    /// </summary>
    private List<DossierCopy> DetectCopies(IReadOnlyList<DocumentView> views)
    {
        if (!_options.DetectCopies) return [];
        var detector = new SyndicationDetector(_options.Syndication);
        var oldestFirst = views.OrderBy(v => v.Article.Published?.Value ?? DateTimeOffset.MaxValue).ThenBy(v => v.Index).ToList();
        foreach (var view in oldestFirst) detector.Add(view.Document);
        var copies = views.Select(v => detector.CopyOf(v.Id) is { } copy ? new DossierCopy(v.Id, copy.OriginalId, copy.Share) : null).OfType<DossierCopy>().ToList();
        return [.. copies, .. Translations(oldestFirst, copies)];
    }

    /// <summary>
    /// Translations among the articles no syndicated-copy link explains: each linked to the oldest earlier original
    /// (not itself a copy or a translation) in another language that it translates (<see cref="TranslationDetector"/>).
    /// </summary>
    private List<DossierCopy> Translations(List<DocumentView> oldestFirst, List<DossierCopy> copies)
    {
        var linked = copies.Select(c => c.Article).ToHashSet(StringComparer.Ordinal);
        var candidates = oldestFirst.Where(v => v.Article.Language is not null).ToList();
        var translations = new List<DossierCopy>();
        if (candidates.Select(v => v.Article.Language).Distinct(StringComparer.Ordinal).Count() < 2) return translations;
        var pairs = candidates.ToDictionary(v => v, v => TranslationDetector.NeutralPairs(v.Document));
        for (var i = 1; i < candidates.Count; i++)
        {
            var later = candidates[i];
            if (linked.Contains(later.Id)) continue;
            for (var j = 0; j < i; j++)
            {
                var earlier = candidates[j];
                if (linked.Contains(earlier.Id)) continue;
                if (TranslationDetector.Translation(earlier.Article.Language, pairs[earlier], later.Article.Language, pairs[later], _options.Syndication) is not { } share) continue;
                translations.Add(new DossierCopy(later.Id, earlier.Id, share));
                linked.Add(later.Id);
                break;
            }
        }
        return translations;
    }

    /// <summary>Copies as a caller's syndication lookup names them (share unknown); only links within the story count.</summary>
    private static List<DossierCopy> GivenCopies(IReadOnlyList<DocumentView> views, Func<string, string?> copyOf)
    {
        var copies = new List<DossierCopy>();
        foreach (var view in views)
        {
            string? original;
            try
            {
                original = copyOf(view.Id);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Syndication detection is another component's guess; a failure there must not lose the dossier.
                original = null;
            }
            if (original is not null && original != view.Id) copies.Add(new DossierCopy(view.Id, original, null));
        }
        return copies;
    }

    /// <summary>The story's article order first; documents it does not list follow in the order given; duplicates once.</summary>
    private static IEnumerable<Document> InStoryOrder(Story story, IReadOnlyList<Document> documents)
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < story.ArticleIds.Count; i++) rank.TryAdd(story.ArticleIds[i], i);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return documents
            .Where(d => d is not null && seen.Add(d.Id))
            .Select((d, i) => (Document: d, Rank: rank.TryGetValue(d.Id, out var r) ? r : story.ArticleIds.Count + i))
            .OrderBy(x => x.Rank)
            .Select(x => x.Document);
    }
}
