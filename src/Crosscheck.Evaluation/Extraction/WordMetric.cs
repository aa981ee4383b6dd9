using System.Text.RegularExpressions;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>Precision, recall and F1 of one page.</summary>
public readonly record struct WordScore(double Precision, double Recall, double F1);

/// <summary>
/// The WCXB metric: both texts lower-cased and cut into word tokens (\w+), compared as multisets of words; per page
/// precision, recall and F1, averaged over pages by the caller. A page whose reference is empty scores one when
/// the prediction is empty too and zero otherwise, as in the benchmark's own script.
/// </summary>
public static partial class WordMetric
{
    public static WordScore Score(string truth, string predicted)
    {
        var truthWords = Count(truth);
        var predictedWords = Count(predicted);
        var truthTotal = truthWords.Values.Sum();
        var predictedTotal = predictedWords.Values.Sum();
        if (truthTotal == 0) return predictedTotal == 0 ? new WordScore(1, 1, 1) : new WordScore(0, 0, 0);
        if (predictedTotal == 0) return new WordScore(0, 0, 0);
        var common = 0;
        foreach (var (word, count) in predictedWords)
            if (truthWords.TryGetValue(word, out var truthCount)) common += Math.Min(count, truthCount);
        var precision = (double)common / predictedTotal;
        var recall = (double)common / truthTotal;
        return new WordScore(precision, recall, PrecisionRecall.F1(precision, recall));
    }

    /// <summary>How many word tokens the text has.</summary>
    public static int WordCount(string text) => Word().Count(text);

    /// <summary>The share of <paramref name="snippets"/> found in the text, ignoring case (1 when there are none, as in the benchmark).</summary>
    public static double SnippetShare(string text, IReadOnlyList<string> snippets)
    {
        if (snippets.Count == 0) return 1;
        var lower = text.ToLowerInvariant();
        return snippets.Count(s => lower.Contains(s.ToLowerInvariant(), StringComparison.Ordinal)) / (double)snippets.Count;
    }

    private static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match match in Word().Matches(text.ToLowerInvariant()))
            counts[match.Value] = counts.GetValueOrDefault(match.Value) + 1;
        return counts;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
