using System.Text.RegularExpressions;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>Precision and recall of one page.</summary>
public readonly record struct PageScore(double Precision, double Recall);

/// <summary>
/// The article-body metric of the extraction benchmark: the text is lower-cased and cut into
/// word tokens (\w+), every run of four tokens is a shingle, and predicted and true shingle
/// multisets are compared per page.
/// </summary>
public static partial class ShingleMetric
{
    public const int ShingleSize = 4;

    public static PageScore Score(string truth, string predicted)
    {
        var truthShingles = Shingles(truth);
        var predictedShingles = Shingles(predicted);
        var truthTotal = truthShingles.Values.Sum();
        var predictedTotal = predictedShingles.Values.Sum();
        if (truthTotal == 0 && predictedTotal == 0) return new PageScore(1, 1);
        var common = 0;
        foreach (var (shingle, count) in predictedShingles)
            if (truthShingles.TryGetValue(shingle, out var truthCount)) common += Math.Min(count, truthCount);
        var precision = predictedTotal == 0 ? 0 : (double)common / predictedTotal;
        var recall = truthTotal == 0 ? 0 : (double)common / truthTotal;
        return new PageScore(precision, recall);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in Token().Matches(text.ToLowerInvariant())) tokens.Add(match.Value);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return shingles;
        // Texts shorter than a shingle still count as one shingle, as in the benchmark.
        for (var i = 0; i < Math.Max(1, tokens.Count - ShingleSize + 1); i++)
        {
            var shingle = string.Join(' ', tokens.Skip(i).Take(ShingleSize));
            shingles[shingle] = shingles.GetValueOrDefault(shingle) + 1;
        }
        return shingles;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
