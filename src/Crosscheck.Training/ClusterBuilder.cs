using System.Numerics;
using Crosscheck.Annotation.Entities;

namespace Crosscheck.Training;

/// <summary>Settings for <see cref="ClusterBuilder"/>.</summary>
public sealed record ClusterOptions
{
    /// <summary>Words seen fewer times than this get no cluster. Default 3.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>At most this many words (the most frequent) are clustered. Default 60,000.</summary>
    public int MaxWords { get; init; } = 60_000;

    /// <summary>The most frequent words serve as context features. Default 1,500.</summary>
    public int ContextWords { get; init; } = 1_500;

    /// <summary>
    /// Neighbours on each side that count as contexts, each distance its own block of features (1: the word just
    /// before and after). Default 1.
    /// </summary>
    public int Window { get; init; } = 1;

    /// <summary>Dimensions of the random projection of the context vectors. Default 128.</summary>
    public int Dimensions { get; init; } = 128;

    /// <summary>Cluster counts, coarse to fine, one level each. Default 64, 256, 1024.</summary>
    public int[] Levels { get; init; } = [64, 256, 1024];

    /// <summary>K-means centroids are fitted on this many most frequent words, then every word is assigned. Default 20,000.</summary>
    public int FitWords { get; init; } = 20_000;

    public int Iterations { get; init; } = 10;

    public int Seed { get; init; } = 20031;
}

/// <summary>
/// Distributional word clusters: every frequent word gets a vector of positive PMI with its left and right
/// neighbours (randomly projected to a few dimensions), and spherical k-means groups the vectors at several
/// granularities. A cheap stand-in for Brown clusters with the same use: words used alike share ids.
/// </summary>
internal static class ClusterBuilder
{
    public static WordClusters Build(IEnumerable<string[]> sentences, ClusterOptions options, TextWriter log) =>
        Build(sentences.Select(s => (s, true)), options, log);

    /// <summary>
    /// As <see cref="Build(IEnumerable{string[]}, ClusterOptions, TextWriter)"/>, but only the sentences marked
    /// <c>Prior</c> count in the capitalisation prior; every sentence counts in the contexts of the clusters.
    /// </summary>
    public static WordClusters Build(IEnumerable<(string[] Tokens, bool Prior)> marked, ClusterOptions options, TextWriter log)
    {
        var counts = new Dictionary<string, int>();
        // How often a word is capitalised where position does not force it (not sentence-initial, not in a
        // shouted line): a per-word prior telling names ("Chile") from common words ("The").
        var capitalised = new Dictionary<string, (int Capitalised, int Seen)>();
        var corpus = new List<string[]>();
        long tokens = 0;
        foreach (var (sentence, prior) in marked)
        {
            var lower = Array.ConvertAll(sentence, w => w.ToLowerInvariant());
            corpus.Add(lower);
            var shouting = sentence.Count(w => w.Length > 1 && w.Any(char.IsLetter) && !w.Any(char.IsLower)) * 10 >= sentence.Length * 6;
            for (var i = 1; i < sentence.Length && prior && !shouting; i++)
            {
                var word = sentence[i];
                if (word.Length == 0 || !char.IsLetter(word[0])) continue;
                var (cap, seen) = capitalised.GetValueOrDefault(lower[i]);
                capitalised[lower[i]] = (cap + (char.IsUpper(word[0]) ? 1 : 0), seen + 1);
            }
            foreach (var w in lower)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
                tokens++;
            }
        }
        var vocabulary = counts.Where(p => p.Value >= options.MinCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxWords).Select(p => p.Key).ToArray();
        log.WriteLine($"clusters: {tokens:N0} tokens, {counts.Count:N0} word types, clustering {vocabulary.Length:N0}");
        if (vocabulary.Length < options.Levels.Max()) return WordClusters.Empty;
        var wordIndex = new Dictionary<string, int>(vocabulary.Length);
        for (var i = 0; i < vocabulary.Length; i++) wordIndex[vocabulary[i]] = i;
        var contexts = Math.Min(options.ContextWords, vocabulary.Length);

        // Co-occurrence with the neighbours among the context words: the neighbour at distance d on the left counts in
        // block 2(d-1), on the right in block 2(d-1)+1, so that "the X" and "X the" stay apart.
        var window = Math.Max(1, options.Window);
        var blocks = 2 * window;
        var pairs = new Dictionary<long, int>();
        var contextTotals = new double[blocks * contexts];
        foreach (var sentence in corpus)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                if (!wordIndex.TryGetValue(sentence[i], out var w)) continue;
                for (var d = 1; d <= window; d++)
                {
                    if (i - d >= 0 && wordIndex.TryGetValue(sentence[i - d], out var left) && left < contexts)
                        Count(pairs, contextTotals, w, 2 * (d - 1) * contexts + left);
                    if (i + d < sentence.Length && wordIndex.TryGetValue(sentence[i + d], out var right) && right < contexts)
                        Count(pairs, contextTotals, w, (2 * (d - 1) + 1) * contexts + right);
                }
            }
        }
        var dims = options.Dimensions;
        var random = new Random(options.Seed);
        var projection = new float[blocks * contexts * dims];
        for (var i = 0; i < projection.Length; i++) projection[i] = (float)Gaussian(random);
        var wordTotals = new double[vocabulary.Length];
        double grand = 0;
        foreach (var (key, count) in pairs)
        {
            wordTotals[key / (blocks * contexts)] += count;
            grand += count;
        }
        var vectors = new float[vocabulary.Length * dims];
        foreach (var (key, count) in pairs)
        {
            var w = (int)(key / (blocks * contexts));
            var c = (int)(key % (blocks * contexts));
            var pmi = Math.Log(count * grand / (wordTotals[w] * contextTotals[c]));
            if (pmi <= 0) continue;
            var row = vectors.AsSpan(w * dims, dims);
            var p = projection.AsSpan(c * dims, dims);
            for (var d = 0; d < dims; d++) row[d] += (float)pmi * p[d];
        }
        for (var w = 0; w < vocabulary.Length; w++) Normalize(vectors.AsSpan(w * dims, dims));

        // The last level is not a cluster but the bucketed capitalisation prior.
        var levels = options.Levels.Length + 1;
        var ids = new ushort[vocabulary.Length * levels];
        for (var level = 0; level < options.Levels.Length; level++)
        {
            var assignment = KMeans(vectors, vocabulary.Length, dims, options.Levels[level], Math.Min(options.FitWords, vocabulary.Length), options.Iterations, random);
            for (var w = 0; w < vocabulary.Length; w++) ids[w * levels + level] = (ushort)assignment[w];
            log.WriteLine($"clusters: level {level} k={options.Levels[level]} done");
        }
        for (var w = 0; w < vocabulary.Length; w++)
            ids[w * levels + levels - 1] = CapitalisationBucket(capitalised.GetValueOrDefault(vocabulary[w]));
        var index = new Dictionary<ulong, int>(vocabulary.Length);
        for (var w = 0; w < vocabulary.Length; w++) index.TryAdd(FeatureHash.OfLower(vocabulary[w]), w);
        return new WordClusters(levels, index, ids);
    }

    private static ushort CapitalisationBucket((int Capitalised, int Seen) counts)
    {
        if (counts.Seen < 2) return 0;
        var ratio = (double)counts.Capitalised / counts.Seen;
        return ratio switch { 0 => 1, < 0.1 => 2, < 0.5 => 3, < 0.9 => 4, < 1 => 5, _ => 6 };
    }

    private static void Count(Dictionary<long, int> pairs, double[] contextTotals, int word, int context)
    {
        var key = (long)word * contextTotals.Length + context;
        pairs[key] = pairs.GetValueOrDefault(key) + 1;
        contextTotals[context]++;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm <= 0) return;
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    /// <summary>Spherical k-means fitted on the first <paramref name="fit"/> (most frequent) words, then applied to all.</summary>
    private static int[] KMeans(float[] vectors, int count, int dims, int k, int fit, int iterations, Random random)
    {
        k = Math.Min(k, fit);
        var centroids = new float[k * dims];
        var order = Enumerable.Range(0, fit).OrderBy(_ => random.Next()).Take(k).ToArray();
        for (var c = 0; c < k; c++) vectors.AsSpan(order[c] * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
        var assignment = new int[count];
        for (var iteration = 0; iteration <= iterations; iteration++)
        {
            var last = iteration == iterations;
            var limit = last ? count : fit;
            for (var w = 0; w < limit; w++)
            {
                var v = vectors.AsSpan(w * dims, dims);
                var best = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var s = Dot(v, centroids.AsSpan(c * dims, dims));
                    if (s > best)
                    {
                        best = s;
                        assignment[w] = c;
                    }
                }
            }
            if (last) break;
            Array.Clear(centroids);
            var sizes = new int[k];
            for (var w = 0; w < fit; w++)
            {
                var target = centroids.AsSpan(assignment[w] * dims, dims);
                var v = vectors.AsSpan(w * dims, dims);
                for (var d = 0; d < dims; d++) target[d] += v[d];
                sizes[assignment[w]]++;
            }
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0) vectors.AsSpan(random.Next(fit) * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
                Normalize(centroids.AsSpan(c * dims, dims));
            }
        }
        return assignment;
    }
}
