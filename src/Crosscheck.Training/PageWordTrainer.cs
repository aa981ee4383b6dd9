using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Training;

/// <summary>
/// Fits <see cref="PageTypeModel.ArticleWords"/>: a logistic regression of article or not over the pages' hashed
/// words (<see cref="PageWords"/>), by AdaGrad steps with a small L2 penalty over a few shuffled passes. The settings
/// are fixed, not chosen on the data: the trainer fits it inside each training fold, so its held-out figures come
/// from pages it never saw.
/// </summary>
internal static class PageWordTrainer
{
    private const double LearningRate = 0.5;
    private const double L2 = 1e-4;
    private const int Epochs = 6;

    /// <summary>Weights smaller than this are left out of the model (its file stays small; they move a page's log-odds by almost nothing).</summary>
    private const double LeastWeight = 1e-3;

    public static PageTypeModel.ArticleWords? Fit(IReadOnlyList<PageTypeSample> samples)
    {
        var pages = samples.Where(s => s.Words is not null).ToList();
        if (pages.Count == 0) return null;
        var weights = new double[PageWords.Buckets];
        var squares = new double[PageWords.Buckets];
        double bias = 0, biasSquares = 0;
        var random = new Random(1);
        var order = Enumerable.Range(0, pages.Count).ToArray();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var words = pages[index].Words!;
                var score = bias;
                for (var i = 0; i < words.Indices.Length; i++) score += weights[words.Indices[i]] * words.Values[i];
                var gradient = 1 / (1 + Math.Exp(-Math.Clamp(score, -30, 30))) - (pages[index].Type == PageType.Article ? 1 : 0);
                for (var i = 0; i < words.Indices.Length; i++)
                {
                    var bucket = words.Indices[i];
                    var step = gradient * words.Values[i] + L2 * weights[bucket];
                    squares[bucket] += step * step;
                    weights[bucket] -= LearningRate * step / Math.Sqrt(squares[bucket] + 1e-8);
                }
                biasSquares += gradient * gradient;
                bias -= LearningRate * gradient / Math.Sqrt(biasSquares + 1e-8);
            }
        }
        var kept = new Dictionary<int, double>();
        for (var bucket = 0; bucket < weights.Length; bucket++)
            if (Math.Abs(weights[bucket]) >= LeastWeight) kept[bucket] = weights[bucket];
        return new PageTypeModel.ArticleWords(bias, kept);
    }
}
