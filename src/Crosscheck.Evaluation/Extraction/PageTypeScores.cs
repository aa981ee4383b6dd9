using System.Globalization;
using Crosscheck.Core.Model;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>
/// How well page types were told: accuracy over all types and over article-or-not, and the confusion counts
/// (true type → predicted type → pages). Benchmarks' "collection" is counted as a listing.
/// </summary>
public sealed record PageTypeScores(int Pages, double Accuracy, double ArticleAccuracy, IReadOnlyDictionary<PageType, IReadOnlyDictionary<PageType, int>> Confusion)
{
    /// <summary>Accuracy, article-or-not accuracy and confusion counts of (true, predicted) pairs.</summary>
    public static PageTypeScores Of(IReadOnlyList<(PageType Truth, PageType Predicted)> predictions)
    {
        var confusion = PageTypeInfo.All.ToDictionary(t => t, t => (IReadOnlyDictionary<PageType, int>)PageTypeInfo.All.ToDictionary(
            p => p, p => predictions.Count(x => x.Truth == t && x.Predicted == p)));
        var n = Math.Max(1, predictions.Count);
        return new PageTypeScores(
            predictions.Count,
            predictions.Count(x => x.Truth == x.Predicted) / (double)n,
            predictions.Count(x => (x.Truth == PageType.Article) == (x.Predicted == PageType.Article)) / (double)n,
            confusion);
    }

    /// <summary>Pages whose true type is article.</summary>
    public int Articles => Confusion.TryGetValue(PageType.Article, out var row) ? row.Values.Sum() : 0;

    /// <summary>Articles typed article: the rest are kept out of stories, the costly error.</summary>
    public int ArticlesKept => Confusion.TryGetValue(PageType.Article, out var row) ? row.GetValueOrDefault(PageType.Article) : 0;

    /// <summary>
    /// Pages wrong on article-or-not: articles typed something else plus other pages typed article. Printed beside the share,
    /// which rounds (1,422 of 1,497 is 0.94990, "0.950" to three places, yet one page short of a 0.95 bar).
    /// </summary>
    public int ArticleWrong => Articles - ArticlesKept
        + Confusion.Where(row => row.Key != PageType.Article).Sum(row => row.Value.GetValueOrDefault(PageType.Article));

    /// <summary>The share of articles typed article (0 when there is none).</summary>
    public double ArticleRecall => Articles == 0 ? 0 : ArticlesKept / (double)Articles;

    /// <summary>A line of accuracies named by <paramref name="how"/>, then the confusion counts.</summary>
    public IEnumerable<string> Describe(string how)
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{how}: type accuracy {Accuracy:F3}, article vs not {ArticleAccuracy:F4} ({ArticleWrong} wrong of {Pages} pages); articles typed article {ArticlesKept} of {Articles} ({ArticleRecall:F3})");
        yield return "confusion (rows true, columns predicted): " + string.Join(' ', PageTypeInfo.All.Select(t => t.Name()));
        foreach (var (truth, row) in Confusion)
            yield return $"  {truth.Name(),-14}" + string.Join(' ', PageTypeInfo.All.Select(p => row[p].ToString(CultureInfo.InvariantCulture).PadLeft(5)));
    }
}
