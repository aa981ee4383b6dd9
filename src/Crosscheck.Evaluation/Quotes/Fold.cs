using System.Globalization;

namespace Crosscheck.Evaluation.Quotes;

/// <summary>
/// Fold <see cref="Index"/> of <see cref="Count"/> (1-based) of a directory's articles in file-name order: article i
/// belongs to fold (i mod Count) + 1. Rules are chosen on some folds of a training split and measured on one they
/// were not chosen on (cross-validation inside train), so that the evaluation split is run only to report.
/// </summary>
public readonly record struct Fold(int Index, int Count)
{
    /// <summary>Whether the article at this position (0-based, file-name order) is in the fold.</summary>
    public bool Holds(int articleIndex) => articleIndex % Count == Index - 1;

    /// <summary>Reads "K/N" (1 ≤ K ≤ N, N ≥ 2); null when the text is not that.</summary>
    public static Fold? Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 ||
            !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
            !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }
        return count >= 2 && index >= 1 && index <= count ? new Fold(index, count) : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
