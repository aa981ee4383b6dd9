using Crosscheck.Core.Model;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>
/// One extracted page scored: the shingle metric, the word metric, the shares of the must-have and
/// must-not-have snippets found (when the benchmark lists them) and whether the output was empty although the
/// reference has text.
/// </summary>
public sealed record PageResult(string Id, string? PageType, PageScore Shingles, WordScore Words, double? WithFound, double? WithoutFound, bool EmptyOnText)
{
    /// <summary>A reference of this many words or more is a page full of text: an empty output on it is a failure of its own.</summary>
    public const int TextPageWords = 50;

    public static PageResult Of(BenchmarkPage page, string predicted)
    {
        var labels = page.Labels;
        return new PageResult(
            page.Id,
            labels?.PageType,
            ShingleMetric.Score(page.Truth, predicted),
            WordMetric.Score(page.Truth, predicted),
            labels is null ? null : WordMetric.SnippetShare(predicted, labels.With),
            labels is null ? null : WordMetric.SnippetShare(predicted, labels.Without),
            WordMetric.WordCount(page.Truth) >= TextPageWords && WordMetric.WordCount(predicted) == 0);
    }
}

/// <summary>The word metric over some pages: precision, recall and F1 each averaged over the pages (the benchmark's way).</summary>
public sealed record WordScores(double F1, double Precision, double Recall, int Pages)
{
    public static WordScores Of(IReadOnlyCollection<WordScore> scores) => scores.Count == 0
        ? new WordScores(0, 0, 0, 0)
        : new WordScores(scores.Average(s => s.F1), scores.Average(s => s.Precision), scores.Average(s => s.Recall), scores.Count);
}

/// <summary>The word metric on the pages of one type.</summary>
public sealed record TypeWordScores(string PageType, WordScores Scores);

/// <summary>Per page, the share of must-have snippets found (higher is better) and of must-not-have ones found (lower is better), averaged over the labelled pages.</summary>
public sealed record SnippetShares(double With, double Without, int Pages);

/// <summary>
/// One extractor's figures: shingle precision and recall averaged over pages with the F1 of those two means, its
/// speed, the word metric overall and per page type, the snippet shares, and the count of empty outputs on pages
/// whose reference has <see cref="PageResult.TextPageWords"/> words or more.
/// </summary>
public sealed record ExtractorScores(
    string Name,
    double F1,
    double Precision,
    double Recall,
    int Pages,
    double PagesPerSecond,
    WordScores Words,
    IReadOnlyList<TypeWordScores> WordsByType,
    SnippetShares? Snippets,
    int EmptyOnTextPages)
{
    public static ExtractorScores Of(string name, IReadOnlyList<PageResult> pages, double pagesPerSecond)
    {
        var (f1, precision, recall) = ExtractionEvaluator.Summarise([.. pages.Select(p => p.Shingles)]);
        var byType = pages.Where(p => p.PageType is not null)
            .GroupBy(p => p.PageType!, StringComparer.Ordinal)
            .Select(g => new TypeWordScores(g.Key, WordScores.Of([.. g.Select(p => p.Words)])))
            .OrderByDescending(t => t.Scores.Pages).ThenBy(t => t.PageType, StringComparer.Ordinal)
            .ToList();
        var labelled = pages.Where(p => p.WithFound is not null).ToList();
        var snippets = labelled.Count == 0 ? null : new SnippetShares(labelled.Average(p => p.WithFound!.Value), labelled.Average(p => p.WithoutFound!.Value), labelled.Count);
        return new ExtractorScores(name, f1, precision, recall, pages.Count, pagesPerSecond,
            WordScores.Of([.. pages.Select(p => p.Words)]), byType, snippets, pages.Count(p => p.EmptyOnText));
    }
}

/// <summary>
/// Ours and SmartReader's figures on the same pages, our predicted bodies by page id, the pages skipped and, when
/// the benchmark labels page types, how well ours were told.
/// </summary>
public sealed record ExtractionEvaluation(
    ExtractorScores Ours,
    ExtractorScores Baseline,
    IReadOnlyDictionary<string, string> Predictions,
    IReadOnlyList<string> Skipped)
{
    public PageTypeScores? PageTypes { get; init; }

    /// <summary>
    /// The shipped page-type model's held-out figures, recorded when it was trained (a cross-validation by site on its
    /// training pages); printed beside <see cref="PageTypes"/>, which on those same pages is an in-sample figure.
    /// </summary>
    public PageTypeHeldOut? PageTypesHeldOut { get; init; }

    /// <summary>
    /// Whether each page was typed by a page-type model not fitted on its site (`--held-out-page-types`): then
    /// <see cref="PageTypes"/> and every word figure are held-out figures for the type-dependent rules too.
    /// </summary>
    public bool PageTypesOutOfFold { get; init; }

    /// <summary>How many pages our extractor gave each type (whether or not the benchmark labels types).</summary>
    public IReadOnlyDictionary<PageType, int> PageTypesFound { get; init; } = new Dictionary<PageType, int>();
}

/// <summary>Type and article-vs-not accuracy of the cross-validation the page-type model's trainer ran, as recorded in the model.</summary>
public sealed record PageTypeHeldOut(double TypeAccuracy, double ArticleAccuracy, int Pages, string How);
