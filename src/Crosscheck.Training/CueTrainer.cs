using System.Globalization;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Evaluation.Quotes;

namespace Crosscheck.Training;

/// <summary>Settings of <see cref="CueTrainer"/>; the defaults are those the shipped model was trained with.</summary>
public sealed record CueTrainerOptions
{
    /// <summary>The folds (1-based, of <see cref="FoldCount"/>, as `eval attribution --fold K/N` numbers them) to train on.</summary>
    public IReadOnlyList<int> Folds { get; init; } = [1, 2, 3, 4];

    public int FoldCount { get; init; } = 5;

    /// <summary>A stem is scored only when it headed an annotated cue this many times in the training folds.</summary>
    public int MinStemCount { get; init; } = 2;

    /// <summary>Features seen fewer times among the training words get no weight.</summary>
    public int MinFeatureCount { get; init; } = 2;

    public int Epochs { get; init; } = 8;

    public double LearningRate { get; init; } = 0.1;

    public double L2 { get; init; } = 1e-4;

    /// <summary>The probability written into the model, from which a word is taken for a cue.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>
    /// After fitting, a stem stays among the scored ones only when one of its training words scored at least
    /// <see cref="Threshold"/> minus this: a stem none of whose words came near a cue on the words it was fitted on costs a
    /// scoring for every word of it and almost never yields one. 1 keeps every stem. 0 (the shipped model's) was chosen by
    /// cross-validation inside folds 1-4: it leaves about half the words of the stems unscored and moved no fold by more than
    /// 0.0003 (docs/BENCHMARKS.md, attrib10).
    /// </summary>
    public double StemMargin { get; init; }
}

/// <summary>
/// Trains the learned cue detector (<see cref="LearnedCueModel"/>) on PolNeAR-style folds: every lowercase word the cue table does
/// not list, outside quotes, is an example; it is positive when it heads an annotated cue (the first cue word that is no auxiliary or
/// adverb: "has long argued" → "argued"), and the other words of an annotated cue are left out. Only words whose stem headed a cue
/// <see cref="CueTrainerOptions.MinStemCount"/> times are kept, as the model scores only those. A logistic model is fitted by
/// stochastic gradient descent with per-feature step sizes (AdaGrad) and an L2 penalty, in a fixed order, so a run is repeatable.
/// </summary>
public static class CueTrainer
{
    private sealed record Example(string Stem, string[] Features, bool IsCue);

    public static LearnedCueModel Train(string dir, CueTrainerOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var lexicon = QuoteLexicon.Instance;
        var sentences = new DocumentPipelineBuilder().Use(new SentenceSplitter()).Build();
        var candidates = new List<(string Stem, Func<string[]> Features, bool IsCue)>();
        var articles = 0;
        foreach (var article in AttributionEvaluator.CueArticles(dir))
        {
            if (!options.Folds.Contains(article.Index % options.FoldCount + 1)) continue;
            articles++;
            var document = sentences.Run(new Document(new Article { Id = "train", Source = "train", Body = article.Text }));
            var quoted = QuoteMarks.Find(document.Text, new QuoteOptions().MaxQuoteChars);
            foreach (var sentence in WordLayer.Of(document, new QuoteOptions().MaxSentenceChars))
            {
                AddCandidates(candidates, document.Text, sentence.Words, quoted, article.Cues, lexicon);
            }
        }
        var stemCounts = candidates.Where(c => c.IsCue).CountBy(c => c.Stem).ToDictionary(StringComparer.Ordinal);
        var stems = stemCounts.Where(s => s.Value >= options.MinStemCount).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var examples = candidates.Where(c => stems.Contains(c.Stem)).Select(c => new Example(c.Stem, c.Features(), c.IsCue)).ToList();
        log.WriteLine($"{articles} articles, folds {string.Join(',', options.Folds)} of {options.FoldCount}: {candidates.Count:N0} candidate words, " +
            $"{candidates.Count(c => c.IsCue):N0} cue heads; {stems.Count} stems headed a cue {options.MinStemCount}+ times; " +
            $"{examples.Count:N0} examples kept, {examples.Count(e => e.IsCue):N0} of them cues");
        var (weights, bias) = Fit(examples, options);
        var fitted = new LearnedCueModel(weights, bias, stems, options.Threshold);
        var probabilities = examples.Select(e => fitted.Probability(e.Features)).ToArray();
        var reaching = examples.Where((_, n) => probabilities[n] >= options.Threshold - options.StemMargin).Select(e => e.Stem).ToHashSet(StringComparer.Ordinal);
        var model = new LearnedCueModel(weights, bias, stems.Where(reaching.Contains), options.Threshold);
        var dropped = examples.Where(e => !reaching.Contains(e.Stem)).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{reaching.Count} of {stems.Count} stems have a training word scoring {options.Threshold - options.StemMargin:0.##}+ and stay scored; " +
            $"the others' {dropped.Count:N0} training words ({dropped.Count(e => e.IsCue)} of them cues) are no longer scored"));
        var found = examples.Count(e => model.Probability(e.Features) >= options.Threshold);
        var right = examples.Count(e => e.IsCue && model.Probability(e.Features) >= options.Threshold);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{weights.Count:N0} weights; on its own training words at {options.Threshold}: {found} taken for cues, {right} right (P {Ratio(right, found):F3} R {Ratio(right, examples.Count(e => e.IsCue)):F3})"));
        return model;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>The candidate words of one sentence with their label; features are read only for the words kept.</summary>
    private static void AddCandidates(List<(string Stem, Func<string[]> Features, bool IsCue)> candidates, string text, List<Scanned> tokens,
        List<TextSpan> quoted, IReadOnlyList<(int Start, int End)> cues, QuoteLexicon lexicon)
    {
        var heads = new HashSet<int>();
        var insideCue = new HashSet<int>();
        foreach (var (start, end) in cues)
        {
            var head = -1;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Start < start || tokens[i].End > end) continue;
                insideCue.Add(i);
                if (head < 0 && tokens[i].Kind == ScanKind.Word && !lexicon.SubjectSkip.Contains(tokens[i].Of(text).ToString())) head = i;
            }
            if (head >= 0) heads.Add(head);
        }
        var sentence = CueFeatures.SentenceFacts.Of(text, tokens, lexicon);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!CueFeatures.IsCandidateWord(text, tokens[i], lexicon) || TextSpan.IndexContaining(quoted, tokens[i].Start) >= 0) continue;
            var isCue = heads.Contains(i);
            if (!isCue && insideCue.Contains(i)) continue;
            var at = i;
            candidates.Add((CueFeatures.StemOf(tokens[i].Of(text)), () =>
            {
                var features = new List<string>(CueFeatures.Typical);
                CueFeatures.Add(features, text, tokens, at, sentence, lexicon);
                return [.. features];
            }, isCue));
        }
    }

    private static (Dictionary<string, float> Weights, float Bias) Fit(List<Example> examples, CueTrainerOptions options)
    {
        var counts = examples.SelectMany(e => e.Features).CountBy(f => f, StringComparer.Ordinal).Where(c => c.Value >= options.MinFeatureCount).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (feature, _) in counts) index[feature] = index.Count;
        var rows = examples.Select(e => (Features: e.Features.Where(index.ContainsKey).Select(f => index[f]).ToArray(), Label: e.IsCue ? 1.0 : 0.0)).ToArray();
        var model = new AdaGradLogistic(index.Count, options.LearningRate, options.L2);
        AdaGradLogistic.Passes(rows.Length, options.Epochs, seed: 17, r => model.Step(rows[r].Features, [], rows[r].Label));
        var (weights, bias) = (model.Weights, model.Bias);
        var kept = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (feature, i) in index)
        {
            if (Math.Abs(weights[i]) >= 1e-3) kept[feature] = (float)weights[i];
        }
        return (kept, (float)bias);
    }

    /// <summary>Trains and writes the model to <paramref name="outPath"/>, logging what it read and how large the file is.</summary>
    public static void Run(string dir, string outPath, CueTrainerOptions options, TextWriter log)
    {
        var model = Train(dir, options, log);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var stream = File.Create(outPath)) model.Save(stream);
        // Read it back as the recogniser will, to report what loading costs (the model card quotes it).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        LearnedCueModel loaded;
        using (var stream = File.OpenRead(outPath)) loaded = LearnedCueModel.Load(stream);
        log.WriteLine($"saved {outPath}: {model.WeightCount:N0} weights, {model.Stems.Count} stems, threshold {model.Threshold.ToString(CultureInfo.InvariantCulture)}, " +
            $"{new FileInfo(outPath).Length / 1024.0:F0} KB; loads in {clock.Elapsed.TotalMilliseconds:F0} ms; {loaded.HashCollisions} features share a hash");
    }
}
