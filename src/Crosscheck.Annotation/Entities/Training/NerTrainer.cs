using System.Diagnostics;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities.Training;

/// <summary>Settings for <see cref="NerTrainer"/>; the defaults reproduce the shipped model.</summary>
public sealed record NerTrainerOptions
{
    /// <summary>Passes over the training data. Default 12.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Features seen fewer times than this in training are dropped. Default 1 (keep all).</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Averaged weights smaller than this in magnitude are dropped from the saved model. Default 0.005.</summary>
    public float PruneBelow { get; init; } = 0.005f;

    /// <summary>The shared data folder (holding ner/) for gazetteers and cluster text; null = found above the first training file.</summary>
    public string? DataRoot { get; init; }

    /// <summary>A CoNLL file scored after each epoch, for development only; null = none.</summary>
    public string? DevFile { get; init; }

    public ClusterOptions Clusters { get; init; } = new();

    public int Seed { get; init; } = 17;
}

/// <summary>
/// Trains the entity tagger: a structured (averaged) perceptron over BILOU labels with Viterbi decoding
/// (Collins 2002), on CoNLL-format files. Word clusters come from unlabelled news text and gazetteers from
/// openly licensed annotated corpora found in the shared data folder.
/// </summary>
public static class NerTrainer
{
    private const int L = Bilou.LabelCount;

    public static int Run(string[] trainFiles, string outModelPath, TextWriter log) =>
        Run(trainFiles, outModelPath, log, new NerTrainerOptions());

    public static int Run(string[] trainFiles, string outModelPath, TextWriter log, NerTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(trainFiles);
        ArgumentNullException.ThrowIfNull(log);
        if (trainFiles.Length == 0)
        {
            log.WriteLine("train ner: give at least one CoNLL training file (--data FILE).");
            return 2;
        }
        foreach (var file in trainFiles)
        {
            if (File.Exists(file)) continue;
            log.WriteLine($"train ner: training file '{file}' does not exist.");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var sentences = new List<ConllSentence>();
        var documentBase = 0;
        foreach (var file in trainFiles)
        {
            var read = ConllCorpus.Read(file);
            sentences.AddRange(read.Select(s => s with { Document = s.Document + documentBase }));
            documentBase += (read.Count == 0 ? 0 : read[^1].Document) + 1;
            log.WriteLine($"read {file}: {read.Count:N0} sentences");
        }
        var dataRoot = options.DataRoot ?? TrainingSources.FindDataRoot(trainFiles[0]);
        log.WriteLine(dataRoot is null ? "no shared data folder found: training without clusters and gazetteers" : $"shared data: {dataRoot}");

        var clusters = dataRoot is null
            ? WordClusters.Empty
            : ClusterBuilder.Build(sentences.Select(s => s.Tokens).Concat(TrainingSources.UnlabelledSentences(dataRoot, log)), options.Clusters, log);
        var gazetteer = dataRoot is null ? Gazetteer.Empty : BuildGazetteer(TrainingSources.GazetteerEntries(dataRoot, log), log);
        var features = new NerFeatures(clusters, gazetteer);
        log.WriteLine($"resources ready in {clock.Elapsed.TotalSeconds:F1}s: {clusters.Count:N0} clustered words, {gazetteer.Count:N0} gazetteer phrases");

        var encoded = Encode(sentences, features, options.MinFeatureCount, out var rows);
        log.WriteLine($"features: {rows.Count:N0} kept; {encoded.Count:N0} sentences encoded in {clock.Elapsed.TotalSeconds:F1}s");

        var dev = options.DevFile is null ? null : ConllCorpus.Read(options.DevFile);
        var (weights, transitions) = Train(encoded, rows.Count, options, log, epochModel: dev is null ? null : (w, t) =>
        {
            var model = new NerModel(features, rows, w, t);
            var score = NerEvaluator.Score(model, dev, null, out _);
            log.WriteLine($"  dev F1 {score.F1 * 100:F2}");
        });
        var model = Prune(features, rows, weights, transitions, options.PruneBelow);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outModelPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var stream = File.Create(outModelPath)) model.Save(stream);
        log.WriteLine($"saved {outModelPath}: {model.FeatureCount:N0} features, {new FileInfo(outModelPath).Length / 1024.0 / 1024.0:F1} MB, total {clock.Elapsed.TotalSeconds:F0}s");
        return 0;
    }

    private static Gazetteer BuildGazetteer(IEnumerable<(string List, string[] Tokens)> entries, TextWriter log)
    {
        var names = new List<string>();
        var phrases = new Dictionary<ulong, uint>();
        var maxTokens = 0;
        foreach (var (list, tokens) in entries)
        {
            var index = names.IndexOf(list);
            if (index < 0)
            {
                if (names.Count == 32) continue;
                names.Add(list);
                index = names.Count - 1;
            }
            var hash = Gazetteer.Start;
            foreach (var token in tokens) hash = Gazetteer.Extend(hash, FeatureHash.OfLower(token));
            phrases[hash] = phrases.GetValueOrDefault(hash) | 1u << index;
            maxTokens = Math.Max(maxTokens, tokens.Length);
        }
        log.WriteLine($"gazetteer: {phrases.Count:N0} phrases in {names.Count} lists ({string.Join(", ", names)})");
        return new Gazetteer([.. names], phrases, maxTokens);
    }

    internal sealed record EncodedSentence(int[] Features, int[] Offsets, int[] Gold);

    /// <summary>Extracts every sentence's features once (documents give the document-level context) and maps them to rows.</summary>
    private static List<EncodedSentence> Encode(List<ConllSentence> sentences, NerFeatures features, int minCount, out Dictionary<ulong, int> rows)
    {
        var hashed = new List<(ulong[] Features, int[] Offsets, int[] Gold)>(sentences.Count);
        var counts = new Dictionary<ulong, int>();
        var buffer = new List<ulong>();
        foreach (var document in sentences.GroupBy(s => s.Document))
        {
            var context = new DocumentContext();
            var texts = document.Select(s => s.AsText()).ToList();
            foreach (var (text, spans) in texts) context.Add(text, spans);
            var i = 0;
            foreach (var sentence in document)
            {
                var (text, spans) = texts[i++];
                var offsets = new int[spans.Length + 1];
                features.Extract(text, spans, context, buffer, offsets);
                var array = buffer.ToArray();
                foreach (var f in array) counts[f] = counts.GetValueOrDefault(f) + 1;
                var gold = Bilou.Encode(spans.Length, sentence.Entities(ConllCorpus.ConllType));
                hashed.Add((array, offsets, gold));
            }
        }
        rows = new Dictionary<ulong, int>();
        foreach (var (hash, count) in counts)
            if (count >= minCount) rows[hash] = rows.Count;
        var encoded = new List<EncodedSentence>(hashed.Count);
        foreach (var (hashes, offsets, gold) in hashed)
        {
            var ids = new int[hashes.Length];
            for (var k = 0; k < hashes.Length; k++) ids[k] = rows.TryGetValue(hashes[k], out var row) ? row : -1;
            encoded.Add(new EncodedSentence(ids, offsets, gold));
        }
        return encoded;
    }

    /// <summary>Averaged structured perceptron: weights are averaged over every update step (lazy sum trick).</summary>
    private static (float[] Weights, float[] Transitions) Train(List<EncodedSentence> data, int featureCount, NerTrainerOptions options, TextWriter log, Action<float[], float[]>? epochModel)
    {
        var weights = new float[(long)featureCount * L];
        var weightSums = new double[weights.Length];
        var transitions = new float[(L + 1) * L];
        var transitionSums = new double[transitions.Length];
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        long step = 1;
        var predicted = new int[512];
        var emissions = new float[512 * L];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int mistakes = 0, tokens = 0;
            foreach (var index in order)
            {
                var sentence = data[index];
                var n = sentence.Gold.Length;
                if (predicted.Length < n)
                {
                    predicted = new int[n * 2];
                    emissions = new float[n * 2 * L];
                }
                Score(sentence, weights, emissions);
                NerModel.Viterbi(emissions, n, transitions, predicted);
                tokens += n;
                for (var i = 0; i < n; i++)
                {
                    var gold = sentence.Gold[i];
                    var guess = predicted[i];
                    if (gold != guess)
                    {
                        mistakes++;
                        for (var f = sentence.Offsets[i]; f < sentence.Offsets[i + 1]; f++)
                        {
                            var row = sentence.Features[f];
                            if (row < 0) continue;
                            Update(weights, weightSums, (long)row * L + gold, 1, step);
                            Update(weights, weightSums, (long)row * L + guess, -1, step);
                        }
                    }
                    var goldPrevious = i == 0 ? -1 : sentence.Gold[i - 1];
                    var guessPrevious = i == 0 ? -1 : predicted[i - 1];
                    if (goldPrevious != guessPrevious || gold != guess)
                    {
                        Update(transitions, transitionSums, (goldPrevious + 1) * L + gold, 1, step);
                        Update(transitions, transitionSums, (guessPrevious + 1) * L + guess, -1, step);
                    }
                }
                step++;
            }
            log.WriteLine($"epoch {epoch}: {mistakes:N0} token errors of {tokens:N0} ({100.0 * mistakes / tokens:F2}%)");
            if (epochModel is not null && (epoch % 3 == 0 || epoch == options.Epochs))
                epochModel(Average(weights, weightSums, step), Average(transitions, transitionSums, step));
        }
        return (Average(weights, weightSums, step), Average(transitions, transitionSums, step));
    }

    private static void Score(EncodedSentence sentence, float[] weights, float[] emissions)
    {
        var n = sentence.Gold.Length;
        Array.Clear(emissions, 0, n * L);
        for (var i = 0; i < n; i++)
        {
            var scores = emissions.AsSpan(i * L, L);
            for (var f = sentence.Offsets[i]; f < sentence.Offsets[i + 1]; f++)
            {
                var row = sentence.Features[f];
                if (row < 0) continue;
                var w = weights.AsSpan((int)((long)row * L), L);
                for (var y = 0; y < L; y++) scores[y] += w[y];
            }
        }
    }

    private static void Update(float[] weights, double[] sums, long index, int delta, long step)
    {
        weights[index] += delta;
        sums[index] += (double)step * delta;
    }

    private static float[] Average(float[] weights, double[] sums, long step)
    {
        var average = new float[weights.Length];
        for (long i = 0; i < weights.Length; i++) average[i] = (float)(weights[i] - sums[i] / step);
        return average;
    }

    private static NerModel Prune(NerFeatures features, Dictionary<ulong, int> rows, float[] weights, float[] transitions, float below)
    {
        var kept = new Dictionary<ulong, int>();
        var keptWeights = new List<float>();
        foreach (var (hash, row) in rows)
        {
            var any = false;
            for (var y = 0; y < L; y++)
            {
                ref var w = ref weights[(long)row * L + y];
                if (MathF.Abs(w) < below) w = 0;
                else any = true;
            }
            if (!any) continue;
            kept[hash] = kept.Count;
            for (var y = 0; y < L; y++) keptWeights.Add(weights[(long)row * L + y]);
        }
        return new NerModel(features, kept, [.. keptWeights], transitions);
    }
}
