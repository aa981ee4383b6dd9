using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Provenance;

/// <summary>
/// Where a statement in an article comes from. In order: the outlet its sentence cites, else the
/// outlet its paragraph cites, else the article's main cited source, else — for a syndicated copy —
/// the original's origin, else the article's own outlet. Copies and re-writes of one report thus
/// share one origin, which is what makes "five outlets, one origin" visible.
/// </summary>
internal sealed class OriginResolver
{
    private readonly DossierBuilderOptions _options;
    private readonly Func<string, string?>? _copyOf;
    private readonly Dictionary<string, DocumentView> _byId;
    private readonly Dictionary<DocumentView, OutletCitation[]> _citations = [];
    private readonly Dictionary<DocumentView, string> _articleOrigin = [];
    private readonly Dictionary<DocumentView, string> _ownOutlet = [];

    /// <param name="documents">The story's articles.</param>
    /// <param name="options">The provenance thresholds.</param>
    /// <param name="copyOf">The original an article copies, or null; a plain lookup that does not throw (the dossier builder guards a caller's own lookup).</param>
    public OriginResolver(IReadOnlyList<DocumentView> documents, DossierBuilderOptions options, Func<string, string?>? copyOf)
    {
        _options = options;
        _copyOf = copyOf;
        _byId = [];
        foreach (var view in documents) _byId.TryAdd(view.Id, view);
        Names = new OutletNames();
        // Articles of unknown outlets (text files with no URL) are each their own origin unless something links
        // them (a citation, a copy): named by their number in the story's article list, so they count apart
        // without naming a file.
        var unknown = documents.Where(v => ArticleOutlet.Known(v.Article) is null).Distinct().ToList();
        foreach (var view in documents)
        {
            _ownOutlet[view] = ArticleOutlet.Known(view.Article)
                ?? (unknown.Count == 1 ? ArticleOutlet.Unknown : $"{ArticleOutlet.Unknown} [{view.Index + 1}]");
            var citations = view.Document.Citations
                .Where(c => c.IsOutlet && !string.IsNullOrWhiteSpace(c.Source) && view.IsInBounds(c.Span))
                .Select(c => new OutletCitation(c.Span, Folding.Clean(c.Source, 120), view.ParagraphOf(c.Span.Start)))
                .OrderBy(c => c.Span.Start)
                .ToArray();
            _citations[view] = citations;
            foreach (var citation in citations) Names.Add(citation.Source);
            if (!unknown.Contains(view)) Names.Add(_ownOutlet[view]);
        }
    }

    public OutletNames Names { get; }

    /// <summary>Spans of outlet citations in a document (their names are sources, not actors).</summary>
    public IEnumerable<TextSpan> CitationSpans(DocumentView view) => _citations[view].Select(c => c.Span);

    /// <summary>The origin of what an article states at a position in its text.</summary>
    public string OriginOf(DocumentView view, int position)
    {
        var citations = _citations[view];
        if (citations.Length > 0)
        {
            var sentence = view.SentenceAt(position);
            var inSentence = Nearest(citations.Where(c => sentence.Overlaps(c.Span) || sentence.Contains(c.Span.Start)), position);
            if (inSentence is not null) return Names.Canonical(inSentence.Value.Source);
            var paragraph = view.ParagraphOf(position);
            var inParagraph = Nearest(citations.Where(c => c.Paragraph == paragraph), position);
            if (inParagraph is not null) return Names.Canonical(inParagraph.Value.Source);
        }
        return ArticleOrigin(view, 0);
    }

    /// <summary>The canonical outlets an article cites, in order of first citation.</summary>
    public IReadOnlyList<string> CitedOutlets(DocumentView view) =>
        _citations[view].Select(c => Names.Canonical(c.Source)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The article's own outlet as the story names it.</summary>
    public string OutletOf(DocumentView view) =>
        ArticleOutlet.Known(view.Article) is null ? _ownOutlet[view] : Names.Canonical(_ownOutlet[view]);

    private string ArticleOrigin(DocumentView view, int depth)
    {
        if (_articleOrigin.TryGetValue(view, out var known)) return known;
        var origin = MainSource(view);
        if (origin is null && _copyOf is not null && depth < _options.MaxCopyDepth)
        {
            var original = _copyOf(view.Id);
            if (original is not null && original != view.Id)
            {
                origin = _byId.TryGetValue(original, out var originalView)
                    ? ArticleOrigin(originalView, depth + 1)
                    : Names.Canonical(original);
            }
        }
        origin ??= OutletOf(view);
        if (depth == 0) _articleOrigin[view] = origin;
        return origin;
    }

    private string? MainSource(DocumentView view)
    {
        var citations = _citations[view];
        if (citations.Length == 0) return null;
        var counts = citations.GroupBy(c => Names.Canonical(c.Source)).Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ToList();
        if (counts.Count == 1) return counts[0].Name;
        var (name, count) = counts[0];
        return count >= _options.MainSourceMinCitations && count >= _options.MainSourceShare * citations.Length ? name : null;
    }

    private static OutletCitation? Nearest(IEnumerable<OutletCitation> citations, int position)
    {
        OutletCitation? best = null;
        var bestDistance = int.MaxValue;
        foreach (var citation in citations)
        {
            // A citation before the statement ("According to X, ...") is as near as one after it ("..., X said").
            var distance = position < citation.Span.Start ? citation.Span.Start - position : Math.Max(0, position - citation.Span.End);
            if (distance < bestDistance)
            {
                best = citation;
                bestDistance = distance;
            }
        }
        return best;
    }

    private readonly record struct OutletCitation(TextSpan Span, string Source, int Paragraph);
}
