namespace Crosscheck.Evaluation.Events;

/// <summary>Precision, recall and F1 of one coreference metric.</summary>
public readonly record struct CorefScore(double Precision, double Recall)
{
    public double F1 => PrecisionRecall.F1(Precision, Recall);
}

/// <summary>MUC, B-cubed and CEAF-e of one partition against the gold one, and their mean F1 (the CoNLL F1).</summary>
public sealed record CorefScores(CorefScore Muc, CorefScore BCubed, CorefScore CeafE, int Mentions, int GoldClusters, int PredictedClusters)
{
    /// <summary>The CoNLL F1 in percent: the mean of the three F1.</summary>
    public double Conll => (Muc.F1 + BCubed.F1 + CeafE.F1) / 3 * 100;
}

/// <summary>
/// The coreference metrics as the CoNLL-2012 reference scorer (v8.01) defines them, over one partition of the gold
/// mentions (K = gold clusters) and one of the predicted mentions (R = predicted clusters), singletons included.
/// When the two sides hold different mentions (mentions detected, not given) a mention on one side only counts
/// as that scorer counts it: its own part when cutting a cluster (MUC), nothing shared (B-cubed, CEAF-e).
/// With gold mentions given, the caller makes every left-out mention a singleton of its own first.
/// </summary>
public static class CorefMetrics
{
    public static CorefScores Score(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var goldSize = CountBy(gold);
        var predictedSize = CountBy(predicted);
        var overlap = new Dictionary<(string Gold, string Predicted), int>();
        foreach (var (mention, goldCluster) in gold)
        {
            if (!predicted.TryGetValue(mention, out var predictedCluster)) continue;
            var key = (goldCluster, predictedCluster);
            overlap[key] = overlap.GetValueOrDefault(key) + 1;
        }
        var muc = new CorefScore(
            Muc(predictedSize, overlap.Select(o => (o.Key.Predicted, o.Value))),
            Muc(goldSize, overlap.Select(o => (o.Key.Gold, o.Value))));
        double bPrecision = 0, bRecall = 0;
        foreach (var ((g, p), n) in overlap)
        {
            bPrecision += (double)n * n / predictedSize[p];
            bRecall += (double)n * n / goldSize[g];
        }
        var bcubed = new CorefScore(predicted.Count == 0 ? 0 : bPrecision / predicted.Count, gold.Count == 0 ? 0 : bRecall / gold.Count);
        var aligned = CeafAlignment(goldSize, predictedSize, overlap);
        var ceaf = new CorefScore(predictedSize.Count == 0 ? 0 : aligned / predictedSize.Count, goldSize.Count == 0 ? 0 : aligned / goldSize.Count);
        return new CorefScores(muc, bcubed, ceaf, gold.Count, goldSize.Count, predictedSize.Count);
    }

    /// <summary>Gold mentions the prediction leaves out become singletons of their own, as the gold-mention task counts them.</summary>
    public static Dictionary<string, string> WithSingletons(IReadOnlyDictionary<string, string> predicted, IEnumerable<string> goldMentions)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(goldMentions);
        var result = new Dictionary<string, string>(predicted, StringComparer.Ordinal);
        foreach (var mention in goldMentions) result.TryAdd(mention, "alone:" + mention);
        return result;
    }

    private static Dictionary<string, int> CountBy(IReadOnlyDictionary<string, string> clusterOf)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cluster in clusterOf.Values) sizes[cluster] = sizes.GetValueOrDefault(cluster) + 1;
        return sizes;
    }

    /// <summary>
    /// MUC recall of the <paramref name="keySize"/> clusters against the other side: sum of (|K| - parts K is cut into)
    /// over sum of (|K| - 1), where each mention of K the other side lacks is a part of its own; <paramref name="cells"/>
    /// lists each (key cluster, mentions it shares with one other cluster). Swapping the sides gives precision.
    /// No links at all (only singletons) scores 0.
    /// </summary>
    private static double Muc(Dictionary<string, int> keySize, IEnumerable<(string Key, int Shared)> cells)
    {
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        var covered = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, shared) in cells)
        {
            parts[key] = parts.GetValueOrDefault(key) + 1;
            covered[key] = covered.GetValueOrDefault(key) + shared;
        }
        double numerator = 0, denominator = 0;
        foreach (var (key, size) in keySize)
        {
            var cut = parts.GetValueOrDefault(key) + (size - covered.GetValueOrDefault(key));
            numerator += size - cut;
            denominator += size - 1;
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    /// <summary>
    /// The largest sum of phi(K, R) = 2|K ∩ R| / (|K| + |R|) over one-to-one alignments of gold and predicted clusters.
    /// Clusters that share no mention have phi 0, so the alignment is solved apart in each connected part of the
    /// overlap graph (the Hungarian algorithm on each), which keeps it fast on thousands of clusters.
    /// </summary>
    private static double CeafAlignment(Dictionary<string, int> goldSize, Dictionary<string, int> predictedSize, Dictionary<(string Gold, string Predicted), int> overlap)
    {
        var goldLinks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var predictedLinks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (g, p) in overlap.Keys)
        {
            (goldLinks.TryGetValue(g, out var gl) ? gl : goldLinks[g] = []).Add(p);
            (predictedLinks.TryGetValue(p, out var pl) ? pl : predictedLinks[p] = []).Add(g);
        }
        var seenGold = new HashSet<string>(StringComparer.Ordinal);
        var seenPredicted = new HashSet<string>(StringComparer.Ordinal);
        double total = 0;
        foreach (var start in goldLinks.Keys.Order(StringComparer.Ordinal))
        {
            if (!seenGold.Add(start)) continue;
            var golds = new List<string> { start };
            var predicteds = new List<string>();
            var queue = new Queue<(bool IsGold, string Id)>();
            queue.Enqueue((true, start));
            while (queue.TryDequeue(out var node))
            {
                var links = node.IsGold ? goldLinks[node.Id] : predictedLinks[node.Id];
                foreach (var next in links)
                {
                    if (node.IsGold ? seenPredicted.Add(next) : seenGold.Add(next))
                    {
                        (node.IsGold ? predicteds : golds).Add(next);
                        queue.Enqueue((!node.IsGold, next));
                    }
                }
            }
            var phi = new double[golds.Count, predicteds.Count];
            for (var i = 0; i < golds.Count; i++)
            {
                for (var j = 0; j < predicteds.Count; j++)
                {
                    phi[i, j] = overlap.TryGetValue((golds[i], predicteds[j]), out var n) ? 2.0 * n / (goldSize[golds[i]] + predictedSize[predicteds[j]]) : 0;
                }
            }
            total += MaximumAssignment(phi);
        }
        return total;
    }

    /// <summary>The largest sum of one-to-one picks from a rows × columns matrix of non-negative weights (Hungarian algorithm, O(n³)).</summary>
    internal static double MaximumAssignment(double[,] weights)
    {
        int rows = weights.GetLength(0), columns = weights.GetLength(1), n = Math.Max(rows, columns);
        if (n == 0) return 0;
        if (rows == 1 || columns == 1)
        {
            double best = 0;
            foreach (var w in weights) best = Math.Max(best, w);
            return best;
        }
        // Minimise the negated weights on a square matrix padded with zeros (potentials u, v; p[j] = row of column j).
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        double Cost(int i, int j) => i <= rows && j <= columns ? -weights[i - 1, j - 1] : 0;
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var column = 0;
            var minimum = new double[n + 1];
            Array.Fill(minimum, double.PositiveInfinity);
            var used = new bool[n + 1];
            do
            {
                used[column] = true;
                int row = p[column], nextColumn = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    var reduced = Cost(row, j) - u[row] - v[j];
                    if (reduced < minimum[j]) { minimum[j] = reduced; way[j] = column; }
                    if (minimum[j] < delta) { delta = minimum[j]; nextColumn = j; }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minimum[j] -= delta;
                }
                column = nextColumn;
            }
            while (p[column] != 0);
            do
            {
                var previous = way[column];
                p[column] = p[previous];
                column = previous;
            }
            while (column != 0);
        }
        double sum = 0;
        for (var j = 1; j <= n; j++)
        {
            if (p[j] >= 1 && p[j] <= rows && j <= columns) sum += weights[p[j] - 1, j - 1];
        }
        return sum;
    }
}
