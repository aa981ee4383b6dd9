using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// Where each statement of a dossier is worded: the sentence of every article's wording, so a figure or a quote
/// in (or overlapping) that sentence can name the statement it belongs to.
/// </summary>
internal sealed class StatementLinks
{
    public static readonly StatementLinks None = new();

    private readonly Dictionary<int, List<(TextSpan Sentence, string Id)>> _byArticle = [];

    public void Add(DocumentView view, TextSpan sentence, string statementId)
    {
        if (!_byArticle.TryGetValue(view.Index, out var sentences)) _byArticle[view.Index] = sentences = [];
        sentences.Add((sentence, statementId));
    }

    /// <summary>The statement worded in a sentence of the article that overlaps the span; the highest-ranked one when several are.</summary>
    public string? At(DocumentView view, TextSpan span) =>
        _byArticle.TryGetValue(view.Index, out var sentences) ? sentences.Find(s => s.Sentence.Overlaps(span)).Id : null;
}
