using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Training;

/// <summary>
/// Fits <see cref="PageTypeModel"/>'s trees: multiclass gradient boosting of a softmax (each round one tree per
/// type, fitted to the gradient and curvature of the log loss, Newton leaf values shrunk by an L2 penalty and a
/// learning rate). Features are cut into at most <see cref="MaxBins"/> quantile bins of the training pages, so a
/// split is found by one histogram per node and feature. Deterministic: no sampling.
/// </summary>
internal static class PageTypeBooster
{
    /// <summary>At most this many split points per feature (quantiles of its training values).</summary>
    private const int MaxBins = 48;

    /// <summary>The fitting settings: rounds of trees, their depth, the shrinkage of each tree, the L2 penalty on a leaf and the least curvature (Hessian sum) of a leaf.</summary>
    public sealed record Settings(int Rounds = 200, int Depth = 3, double LearningRate = 0.1, double L2 = 1.0, double MinLeafHessian = 1.0)
    {
        public override string ToString() => FormattableString.Invariant(
            $"{Rounds} rounds of depth-{Depth} trees, learning rate {LearningRate}, leaf L2 {L2}, least leaf Hessian {MinLeafHessian}")
;
    }

    /// <summary>The six-way trees, fitted on the samples that train them (<see cref="PageTypeSample.SixWay"/>), each weighing its <see cref="PageTypeSample.Weight"/>.</summary>
    public static PageTypeModel Fit(IReadOnlyList<PageTypeSample> samples, Settings settings)
    {
        samples = samples.All(s => s.SixWay) ? samples : [.. samples.Where(s => s.SixWay)];
        var classes = PageTypeInfo.All;
        var k = classes.Count;
        var n = samples.Count;
        var weight = samples.Select(s => s.Weight).ToArray();
        // Start from each type's prior share (smoothed, by weight), so the first trees fit what sets pages apart, not the shares.
        var start = classes.Select(c => Math.Log((samples.Where(s => s.Type == c).Sum(s => s.Weight) + 1.0) / (weight.Sum() + k))).ToArray();
        var rounds = new List<PageTypeTree[]>(settings.Rounds);
        if (n == 0) return new PageTypeModel(classes, start, rounds);

        var (cuts, bins) = Binned(samples);
        var labels = samples.Select(s => classes.ToList().IndexOf(s.Type)).ToArray();
        var scores = new double[n][];
        for (var i = 0; i < n; i++) scores[i] = (double[])start.Clone();
        var gradient = new double[n];
        var hessian = new double[n];
        var probabilities = new double[n][];
        for (var i = 0; i < n; i++) probabilities[i] = new double[k];
        var all = Enumerable.Range(0, n).ToArray();

        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var i = 0; i < n; i++) Softmax(scores[i], probabilities[i]);
            var trees = new PageTypeTree[k];
            for (var c = 0; c < k; c++)
            {
                for (var i = 0; i < n; i++)
                {
                    var p = probabilities[i][c];
                    gradient[i] = weight[i] * (p - (labels[i] == c ? 1 : 0));
                    hessian[i] = weight[i] * Math.Max(p * (1 - p), 1e-6);
                }
                var nodes = new List<PageTypeTree.Node>();
                var leafOf = new double[n];
                Grow(all, 0, settings, cuts, bins, gradient, hessian, nodes, leafOf);
                trees[c] = PageTypeTree.FromPreOrder(nodes);
                for (var i = 0; i < n; i++) scores[i][c] += leafOf[i];
            }
            rounds.Add(trees);
        }
        return new PageTypeModel(classes, start, rounds);
    }

    /// <summary>
    /// The two-way model of <see cref="PageTypeModel.ArticleOdds"/>: boosted trees of the log-odds that a page is an
    /// article (logistic loss, Newton leaves, each page weighing its <see cref="PageTypeSample.Weight"/>), started from the smoothed log-odds of the article share. Fitted on
    /// article against every other type at once, its trees spend every split on the one boundary that decides whether
    /// a page joins stories, where the softmax's trees share theirs among six.
    /// </summary>
    public static PageTypeModel.ArticleOdds FitArticle(IReadOnlyList<PageTypeSample> samples, Settings settings)
    {
        var n = samples.Count;
        var isArticle = samples.Select(s => s.Type == PageType.Article).ToArray();
        var weight = samples.Select(s => s.Weight).ToArray();
        var articles = samples.Where(s => s.Type == PageType.Article).Sum(s => s.Weight);
        var start = Math.Log((articles + 1.0) / (weight.Sum() - articles + 1.0));
        var trees = new List<PageTypeTree>(settings.Rounds);
        if (n == 0) return new PageTypeModel.ArticleOdds(start, trees);
        var (cuts, bins) = Binned(samples);
        var scores = Enumerable.Repeat(start, n).ToArray();
        var gradient = new double[n];
        var hessian = new double[n];
        var all = Enumerable.Range(0, n).ToArray();
        for (var round = 0; round < settings.Rounds; round++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(-scores[i]));
                gradient[i] = weight[i] * (p - (isArticle[i] ? 1 : 0));
                hessian[i] = weight[i] * Math.Max(p * (1 - p), 1e-6);
            }
            var nodes = new List<PageTypeTree.Node>();
            var leafOf = new double[n];
            Grow(all, 0, settings, cuts, bins, gradient, hessian, nodes, leafOf);
            trees.Add(PageTypeTree.FromPreOrder(nodes));
            for (var i = 0; i < n; i++) scores[i] += leafOf[i];
        }
        return new PageTypeModel.ArticleOdds(start, trees);
    }

    /// <summary>Each feature's cuts (quantiles of the training values) and every page's bin of it.</summary>
    private static (double[][] Cuts, byte[][] Bins) Binned(IReadOnlyList<PageTypeSample> samples)
    {
        var features = samples[0].Features.Length;
        var cuts = new double[features][];
        var bins = new byte[features][];
        for (var f = 0; f < features; f++)
        {
            cuts[f] = Cuts([.. samples.Select(s => s.Features[f])]);
            bins[f] = [.. samples.Select(s => (byte)BinOf(cuts[f], s.Features[f]))];
        }
        return (cuts, bins);
    }

    /// <summary>Grows the subtree over <paramref name="rows"/> in pre-order into <paramref name="nodes"/>, noting each row's leaf value.</summary>
    private static void Grow(int[] rows, int depth, Settings settings, double[][] cuts, byte[][] bins, double[] gradient, double[] hessian,
        List<PageTypeTree.Node> nodes, double[] leafOf)
    {
        double g = 0, h = 0;
        foreach (var i in rows)
        {
            g += gradient[i];
            h += hessian[i];
        }
        var best = depth < settings.Depth ? BestSplit(rows, settings, cuts, bins, gradient, hessian, g, h) : null;
        if (best is not { } split)
        {
            var value = -settings.LearningRate * g / (h + settings.L2);
            nodes.Add(PageTypeTree.Node.Leaf(value));
            foreach (var i in rows) leafOf[i] = value;
            return;
        }
        nodes.Add(PageTypeTree.Node.Split(split.Feature, cuts[split.Feature][split.Bin]));
        var featureBins = bins[split.Feature];
        Grow([.. rows.Where(i => featureBins[i] <= split.Bin)], depth + 1, settings, cuts, bins, gradient, hessian, nodes, leafOf);
        Grow([.. rows.Where(i => featureBins[i] > split.Bin)], depth + 1, settings, cuts, bins, gradient, hessian, nodes, leafOf);
    }

    /// <summary>The split of most gain (rows whose bin is at most Bin go left), or null when none gains and leaves both sides enough curvature.</summary>
    private static (int Feature, int Bin)? BestSplit(int[] rows, Settings settings, double[][] cuts, byte[][] bins, double[] gradient, double[] hessian,
        double g, double h)
    {
        var parent = g * g / (h + settings.L2);
        var bestGain = 1e-9;
        (int, int)? best = null;
        var sumG = new double[MaxBins + 1];
        var sumH = new double[MaxBins + 1];
        for (var f = 0; f < cuts.Length; f++)
        {
            var count = cuts[f].Length;
            if (count == 0) continue;
            Array.Clear(sumG);
            Array.Clear(sumH);
            var featureBins = bins[f];
            foreach (var i in rows)
            {
                sumG[featureBins[i]] += gradient[i];
                sumH[featureBins[i]] += hessian[i];
            }
            double leftG = 0, leftH = 0;
            for (var bin = 0; bin < count; bin++)
            {
                leftG += sumG[bin];
                leftH += sumH[bin];
                var rightH = h - leftH;
                if (leftH < settings.MinLeafHessian || rightH < settings.MinLeafHessian) continue;
                var rightG = g - leftG;
                var gain = leftG * leftG / (leftH + settings.L2) + rightG * rightG / (rightH + settings.L2) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = (f, bin);
                }
            }
        }
        return best;
    }

    /// <summary>Split points between distinct values at quantiles of <paramref name="values"/>: a value below cut b falls in bin b or lower.</summary>
    private static double[] Cuts(double[] values)
    {
        var distinct = values.Distinct().Order().ToArray();
        if (distinct.Length < 2) return [];
        var midpoints = new List<double>(distinct.Length - 1);
        for (var i = 1; i < distinct.Length; i++) midpoints.Add((distinct[i - 1] + distinct[i]) / 2);
        if (midpoints.Count <= MaxBins) return [.. midpoints];
        // Too many: the midpoints nearest the quantiles of the values, so each bin holds about as many pages.
        var sorted = values.Order().ToArray();
        var chosen = new SortedSet<double>();
        for (var q = 1; q <= MaxBins; q++)
        {
            var at = sorted[Math.Min(sorted.Length - 1, q * sorted.Length / (MaxBins + 1))];
            var index = midpoints.BinarySearch(at);
            chosen.Add(midpoints[Math.Clamp(index >= 0 ? index : ~index, 0, midpoints.Count - 1)]);
        }
        return [.. chosen];
    }

    /// <summary>The bin of <paramref name="value"/>: the number of cuts at or below it.</summary>
    private static int BinOf(double[] cuts, double value)
    {
        var bin = 0;
        while (bin < cuts.Length && value >= cuts[bin]) bin++;
        return bin;
    }

    private static void Softmax(double[] scores, double[] probabilities)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++) sum += probabilities[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < scores.Length; c++) probabilities[c] /= sum;
    }
}
