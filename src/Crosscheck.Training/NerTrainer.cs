using System.Diagnostics;
using Crosscheck.Annotation.Entities;
using Crosscheck.Evaluation.Entities;

namespace Crosscheck.Training;

/// <summary>Settings for <see cref="NerTrainer"/>; the defaults reproduce the shipped model.</summary>
public sealed record NerTrainerOptions
{
    /// <summary>Passes over the training data for each chain. Default 12.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Train the second, document-aware chain (stacked on the first's predictions). Default on.</summary>
    public bool TwoPass { get; init; } = true;

    /// <summary>
    /// The first chain's predictions on the training data, which the second chain learns from, come from
    /// this many models each trained without the fold it predicts (so they make realistic mistakes). Default 4.
    /// </summary>
    public int Folds { get; init; } = 4;

    /// <summary>Features seen fewer times than this in training are dropped. Default 1 (keep all).</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>Averaged weights smaller than this in magnitude are dropped from the saved model. Default 0.005.</summary>
    public float PruneBelow { get; init; } = 0.005f;

    /// <summary>The shared data folder (holding ner/) for gazetteers and cluster text; null = found above the first training file.</summary>
    public string? DataRoot { get; init; }

    /// <summary>A CoNLL file scored after training each chain, for development only; null = none.</summary>
    public string? DevFile { get; init; }

    public ClusterOptions Clusters { get; init; } = new();

    /// <summary>
    /// Folds of a cross-validation of the first chain inside the training data (by document), run before the
    /// final training to choose the epoch count: each fold's F1 is logged after every epoch and the epoch with
    /// the best mean replaces <see cref="Epochs"/>. 0 = none (train with <see cref="Epochs"/>). Default 0.
    /// </summary>
    public int CrossValidationFolds { get; init; }

    /// <summary>With a language: train on these corpora only (folder names such as "conll2002-es"); null = all of the language's corpora.</summary>
    public IReadOnlyList<string>? Corpora { get; init; }

    /// <summary>
    /// Language models: gazetteer lists of the names tagged in each of the language's training corpora
    /// (<see cref="LanguageGazetteers"/>, jackknifed by blocks of documents). Default on.
    /// </summary>
    public bool TrainingNameLists { get; init; } = true;

    /// <summary>
    /// The English model: gazetteer lists of the names tagged in the training files ("conll2003:PER", ...) beside the open
    /// corpora's lists, jackknifed by blocks of documents (<see cref="LanguageGazetteers"/>). Default off.
    /// </summary>
    public bool EnglishTrainingNameLists { get; init; }

    /// <summary>
    /// The English model without these corpora's gazetteer lists ("wikigold", "btc", "re3d", "gmb"): to score a model on a
    /// corpus whose own names it would otherwise be given. null = every list.
    /// </summary>
    public IReadOnlyList<string>? GazetteersLeftOut { get; init; }

    /// <summary>
    /// Language models: lists of the single words of the training names by type and by how often the word stood in such a
    /// name (<see cref="LanguageGazetteers"/>, jackknifed like the name lists). Default off.
    /// </summary>
    public bool NameWordLists { get; init; }

    /// <summary>
    /// Language models: the names tagged in the other languages' training corpora and in English CoNLL-2003 train, Latin
    /// script only, as fixed gazetteer lists (<see cref="TrainingSources.OtherLanguageNames"/>). Default off.
    /// </summary>
    public bool OtherLanguageNames { get; init; }

    /// <summary>
    /// Language models: the names tagged in the openly licensed English corpora (GMB, wikigold, BTC, WNUT-17 train, re3d),
    /// as the fixed gazetteer lists "open:TYPE" (<see cref="TrainingSources.OpenCorpusNames"/>). Default off.
    /// </summary>
    public bool OpenCorpusNames { get; init; }

    /// <summary>Language models: the language's dictionary word lists (<c>NerWordLists/LANG.tsv.gz</c>) as gazetteer lists, where one is shipped. Default on.</summary>
    public bool DictionaryLists { get; init; } = true;

    /// <summary>
    /// Language models: a document-only copy of every feature for texts of several sentences
    /// (<see cref="NerFeatureOptions.DocumentDomain"/>), so newswire documents and isolated Wikipedia sentences share
    /// only what they have in common; used where the training data has documents of several sentences. Default on.
    /// </summary>
    public bool DocumentDomain { get; init; } = true;

    /// <summary>
    /// Languages whose models read words folded (<see cref="NerFeatureOptions.FoldedWords"/>): German, whose corpora
    /// disagree on umlauts (CoNLL-2003 train.txt has them as Cyrillic letters from a wrong code page, "Mьnchen"; its
    /// val.txt has them deleted, "Mnchen"; WikiANN and real text have "München").
    /// </summary>
    public IReadOnlyList<string> FoldedWordLanguages { get; init; } = ["de"];

    /// <summary>Language models: affixes of 5 and 6 letters and the crude stems of the neighbouring words (<see cref="NerFeatureOptions.LongAffixes"/>). Default off.</summary>
    public bool LongAffixes { get; init; }

    /// <summary>Language models: word clusters of crude stems besides those of word forms (<see cref="NerFeatureOptions.StemClusters"/>). Default off.</summary>
    public bool StemClusters { get; init; }

    /// <summary>Gazetteer hits read with the token's case and sentence position (<see cref="NerFeatureOptions.GazetteerCase"/>). Default off.</summary>
    public bool GazetteerCase { get; init; }

    /// <summary>Label-pair weights by the kinds of a token and the one before it (<see cref="NerFeatureOptions.EdgeClasses"/>). Default off.</summary>
    public bool EdgeClasses { get; init; }

    /// <summary>Runs of capitalised words bridged by short lower-case words read as units (<see cref="NerFeatureOptions.NameChunks"/>). Default off.</summary>
    public bool NameChunks { get; init; }

    /// <summary>Language models: the word clusters of a long word's head, its longest known ending (<see cref="NerFeatureOptions.HeadClusters"/>). Default off.</summary>
    public bool HeadClusters { get; init; }

    /// <summary>The document's topic words read by every capitalised token (<see cref="NerFeatureOptions.DocumentTopics"/>). Default off.</summary>
    public bool DocumentTopics { get; init; }

    /// <summary>
    /// Language models: the dictionary's common words split by the case the dictionary gives them ("dict:noun" for a
    /// capitalised entry, a German noun; "dict:common" for the rest), so with <see cref="GazetteerCase"/> a capitalised
    /// adjective in the text (part of a name) reads apart from a noun. Default off.
    /// </summary>
    public bool DictionaryNouns { get; init; }

    /// <summary>Language models: the sentence's length and ending as features (<see cref="NerFeatureOptions.SentenceShape"/>). Default off.</summary>
    public bool SentenceShape { get; init; }

    /// <summary>
    /// Language models: folds of the name lists' jackknife (<see cref="LanguageGazetteers"/>): with k folds a training
    /// sentence sees the names of (k-1)/k of the data, nearer the whole list a tagged text meets. Default 5.
    /// </summary>
    public int NameListFolds { get; init; } = LanguageGazetteers.DefaultFolds;

    /// <summary>
    /// Language models: corpora (folder names) whose sentences are visited this many times per epoch instead of once,
    /// to lean the shared weights towards that corpus's conventions; null = every corpus once.
    /// </summary>
    public IReadOnlyDictionary<string, int>? CorpusRepeats { get; init; }

    /// <summary>
    /// For choosing settings: train on two thirds of the training documents (and name lists of those),
    /// score every third document with the whole tagger (both chains, document consistency) per corpus, and save nothing.
    /// </summary>
    public bool DevelopmentHoldOut { get; init; }

    /// <summary>The development hold-out is the last third of the training documents in file order instead of every third document.</summary>
    public bool HoldOutLastThird { get; init; }

    /// <summary>
    /// Which third of the documents the development hold-out is (document number modulo 3; 2 by default), unless
    /// <see cref="HoldOutLastThird"/>: the three thirds in turn give three held-out figures for one setting, so a gain can
    /// be told from which documents one third happens to hold.
    /// </summary>
    public int HoldOutThird { get; init; } = 2;

    /// <summary>
    /// The English word clusters also read <see cref="TrainingSources.MoreNewsSentences"/> (GUM's Wikinews texts). Default off.
    /// </summary>
    public bool MoreNewsText { get; init; }

    /// <summary>
    /// Folders or files of unlabelled prose (<see cref="Training.ClusterText"/>: HTML, plain text, fortunes) whose
    /// sentences join the word clusters' text, and nothing else: never labelled data, never a name list. A path that
    /// does not exist stops the training with its name. Default none.
    /// </summary>
    public IReadOnlyList<string> ClusterText { get; init; } = [];

    /// <summary>
    /// <see cref="ClusterText"/>'s sentences count in the clusters' capitalisation prior too (how often a word is
    /// capitalised mid-sentence); off, the prior is the corpora's alone and the prose shapes the clusters only. Default on.
    /// </summary>
    public bool ClusterTextInPrior { get; init; } = true;

    /// <summary>
    /// The seed of the sentences' order (each epoch shuffles them anew) in every perceptron run: the chains', and the
    /// cross-validation folds' that choose the epochs (<see cref="CrossValidationFolds"/>) and predict the second chain's
    /// features. The word clusters have their own. Default 17.
    /// </summary>
    public int Seed { get; init; } = 17;

    /// <summary>
    /// The first chain (and the second with <see cref="SecondChainOrders"/>) is trained this many times, each with its own
    /// order of the sentences (seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, ...), and the averaged weights of the runs
    /// averaged again: the tagger reads one set of weights, so the tagging cost stays that of one chain. Default 1.
    /// </summary>
    public int SeedRuns { get; init; } = 1;

    /// <summary>
    /// With <see cref="SeedRuns"/> and two chains: the second chain is averaged over as many orders as the first
    /// (by default it is trained once). Default off.
    /// </summary>
    public bool SecondChainOrders { get; init; }

    /// <summary>
    /// Training decodes with this much added to the score of every label other than the gold one (loss-augmented
    /// decoding), so a sentence also updates the weights when the gold labels win by less than this margin. Default 0.
    /// </summary>
    public float Margin { get; init; }

    /// <summary>
    /// Language models: every sentence read as a document of its own, whatever document marks its file has (how files
    /// without marks are read), with the development hold-out still chosen by the file's documents: to weigh a
    /// document reading against sentences alone on the same held-out text. Default off.
    /// </summary>
    public bool SentenceDocuments { get; init; }

    /// <summary>With <see cref="DevelopmentHoldOut"/>: a folder for each corpus's held-out sentences with their predicted tags (CORPUS.txt, `token gold predicted`); null = none.</summary>
    public string? HeldOutPredictions { get; init; }
}

/// <summary>
/// Trains the entity tagger: structured averaged perceptrons over BILOU labels with Viterbi decoding
/// (Collins 2002), on CoNLL-format files. Word clusters come from unlabelled news text and gazetteers from
/// openly licensed annotated corpora found in the shared data folder. A second chain is stacked on the
/// first one's document-wide predictions (Ratinov and Roth 2009).
/// </summary>
public static class NerTrainer
{
    private const int L = Bilou.LabelCount;

    public static void Run(string[] trainFiles, string outModelPath, TextWriter log) =>
        Run(trainFiles, outModelPath, log, new NerTrainerOptions());

    /// <summary>
    /// Trains on <paramref name="trainFiles"/> and saves the model to <paramref name="outModelPath"/>, logging progress.
    /// Throws <see cref="ArgumentException"/> when no file is given and <see cref="FileNotFoundException"/> when one is missing.
    /// </summary>
    public static void Run(string[] trainFiles, string outModelPath, TextWriter log, NerTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(trainFiles);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        if (trainFiles.Length == 0) throw new ArgumentException("give at least one CoNLL training file (--data FILE).", nameof(trainFiles));
        foreach (var file in trainFiles)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"training file '{file}' does not exist.", file);
        }
        var clock = Stopwatch.StartNew();
        var sentences = Concatenate(trainFiles.Select(file =>
        {
            var read = ConllCorpus.Read(file);
            log.WriteLine($"read {file}: {read.Count:N0} sentences");
            return read;
        }), out _);
        var dataRoot = options.DataRoot ?? TrainingSources.FindDataRoot(trainFiles[0]);
        log.WriteLine(dataRoot is null ? "no shared data folder found: training without clusters and gazetteers" : $"shared data: {dataRoot}");

        var clusters = dataRoot is null
            ? WordClusters.Empty
            : ClusterBuilder.Build(sentences.Select(s => s.Tokens).Concat(TrainingSources.UnlabelledSentences(dataRoot, log))
                .Concat(options.MoreNewsText ? TrainingSources.MoreNewsSentences(dataRoot, log) : [])
                .Concat(Training.ClusterText.Sentences(options.ClusterText, log)), options.Clusters, log);
        var featureOptions = ChosenFeatures(options);
        log.WriteLine($"feature options: {featureOptions}");
        var isHeldOut = HeldOutRule(sentences, options);
        var trained = sentences.Where(s => !isHeldOut(s)).ToList();
        IEnumerable<(string List, string[] Tokens)> openEntries = dataRoot is null ? [] : TrainingSources.GazetteerEntries(dataRoot, log)
            .Where(e => options.GazetteersLeftOut?.Contains(e.List.Split(':')[0], StringComparer.OrdinalIgnoreCase) != true);
        NerModel model;
        if (options.EnglishTrainingNameLists)
        {
            // The names tagged in the training files join the open corpora's lists, jackknifed as in a language model.
            var gazetteers = LanguageGazetteers.Build(trained, [.. trained.Select(_ => "conll2003")], names: true, [.. openEntries], log, Math.Max(2, options.NameListFolds));
            var perFold = new Dictionary<Gazetteer, NerFeatures>();
            NerFeatures FeaturesOf(Gazetteer gazetteer) => perFold.TryGetValue(gazetteer, out var known) ? known : perFold[gazetteer] = new NerFeatures(clusters, gazetteer, featureOptions);
            model = Train(trained, FeaturesOf(gazetteers.Full), d => FeaturesOf(gazetteers.ForDocument(d)), null, options, log, clock);
        }
        else
        {
            var features = new NerFeatures(clusters, BuildGazetteer(openEntries, null, log), featureOptions);
            model = Train(trained, features, _ => features, null, options, log, clock);
        }
        if (options.DevelopmentHoldOut)
        {
            var heldOut = sentences.Where(isHeldOut).ToList();
            LogHeldOut("conll2003", model, heldOut, log, options.HeldOutPredictions);
            LogConsistencyVariants(model, heldOut, log);
            return;
        }
        Save(model, outModelPath, log, clock);
    }

    /// <summary>
    /// With a development hold-out, the documents neither trained on nor in a name list: every third document, or with
    /// <see cref="NerTrainerOptions.HoldOutLastThird"/> the last third in file order (newswire files run in date order,
    /// so the held-out news is later than the trained news, as a validation or test file's is).
    /// </summary>
    private static Func<ConllSentence, bool> HeldOutRule(IReadOnlyList<ConllSentence> sentences, NerTrainerOptions options)
    {
        if (!options.DevelopmentHoldOut || sentences.Count == 0) return _ => false;
        if (!options.HoldOutLastThird) return sentence => sentence.Document % 3 == options.HoldOutThird;
        var first = sentences[0].Document;
        var cut = first + (sentences[^1].Document - first + 1) * 2 / 3;
        return sentence => sentence.Document >= cut;
    }

    private static void LogHeldOut(string corpus, NerModel model, List<ConllSentence> heldOut, TextWriter log, string? predictionsFolder)
    {
        var predictions = new List<string[]>();
        var annotated = NerEvaluator.AnnotatedTypes(heldOut);
        var perType = NerEvaluator.Score(new EntityTagger(model), heldOut, predictions, out _, annotated: annotated);
        var score = new EntityScore(perType.Sum(t => t.Correct), perType.Sum(t => t.Found), perType.Sum(t => t.Gold));
        log.WriteLine($"{corpus} held-out third of the training data: F1 {score.F1 * 100:F2} (P {score.Precision * 100:F2}, R {score.Recall * 100:F2}; {heldOut.Count:N0} sentences)");
        log.WriteLine("  per type: " + string.Join(", ", Enumerable.Range(0, Bilou.TypeCount).Where(t => annotated[t]).Select(t => $"{Bilou.TypeNames[t]} {perType[t].F1 * 100:F2}")));
        foreach (var line in NerErrorKinds.Describe(NerErrorKinds.Count(heldOut, predictions), NerErrorKinds.TypeConfusions(heldOut, predictions))) log.WriteLine($"  {line}");
        if (predictionsFolder is null) return;
        Directory.CreateDirectory(predictionsFolder);
        NerEvaluator.WritePredictions(heldOut, predictions, Path.Combine(predictionsFolder, $"{corpus}.txt"));
    }

    /// <summary>The held-out score with each part of the document consistency (after tagging) left out, to weigh the parts on training data.</summary>
    private static void LogConsistencyVariants(NerModel model, List<ConllSentence> heldOut, TextWriter log)
    {
        var parts = new ConsistencyOptions();
        (string Name, ConsistencyOptions Options)[] variants =
        [
            ("no majority type", parts with { MajorityType = false }),
            ("no person name parts", parts with { PersonNameParts = false }),
            ("no propagated names", parts with { PropagateNames = false }),
            ("no consistency", new ConsistencyOptions { MajorityType = false, PersonNameParts = false, PropagateNames = false }),
        ];
        var annotated = NerEvaluator.AnnotatedTypes(heldOut);
        foreach (var (name, consistency) in variants)
        {
            var perType = NerEvaluator.Score(new EntityTagger(model, new EntityTaggerOptions { Consistency = consistency }), heldOut, null, out _, annotated: annotated);
            var score = new EntityScore(perType.Sum(t => t.Correct), perType.Sum(t => t.Found), perType.Sum(t => t.Gold));
            log.WriteLine($"  held-out, {name}: F1 {score.F1 * 100:F2}");
        }
    }

    /// <summary>The feature templates the options add to the base set (the document copy and folded words are decided per language).</summary>
    private static NerFeatureOptions ChosenFeatures(NerTrainerOptions options) =>
        (options.LongAffixes ? NerFeatureOptions.LongAffixes : NerFeatureOptions.None)
        | (options.SentenceShape ? NerFeatureOptions.SentenceShape : NerFeatureOptions.None)
        | (options.StemClusters ? NerFeatureOptions.StemClusters : NerFeatureOptions.None)
        | (options.GazetteerCase ? NerFeatureOptions.GazetteerCase : NerFeatureOptions.None)
        | (options.EdgeClasses ? NerFeatureOptions.EdgeClasses : NerFeatureOptions.None)
        | (options.HeadClusters ? NerFeatureOptions.HeadClusters : NerFeatureOptions.None)
        | (options.NameChunks ? NerFeatureOptions.NameChunks : NerFeatureOptions.None)
        | (options.DocumentTopics ? NerFeatureOptions.DocumentTopics : NerFeatureOptions.None);

    /// <summary>
    /// Trains the model of one language (ISO 639-1) from the corpora in <paramref name="multilingualFolder"/>
    /// (<see cref="MultilingualNerData"/>: every training file, and the training part of each validation file
    /// that has none), with word clusters from that training text alone (the English cluster text and
    /// gazetteers would only add another language's words), saves it, and logs each corpus's validation F1
    /// (the held-out part where the validation file is also training data).
    /// </summary>
    public static void RunLanguage(string multilingualFolder, string language, string outModelPath, TextWriter log, NerTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var corpora = MultilingualNerData.For(multilingualFolder, language);
        var chosen = corpora.Where(c => options.Corpora is null || options.Corpora.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
            throw new ArgumentException($"no corpus for language '{language}' in {multilingualFolder} (folders named CORPUS-{language} holding val.txt).", nameof(language));
        // The clusters and name lists read the training text of every corpus of the language, labelled or not for this model.
        var all = Concatenate(corpora.Select(c => MultilingualNerData.TrainingSentences([c], log)), out var corpusIndex);
        // The held-out documents are chosen before any re-reading of the documents, so every reading holds out the same text.
        var isHeldOutRule = HeldOutRule(all, options);
        var heldOutFlags = all.Select(s => isHeldOutRule(s)).ToArray();
        if (options.SentenceDocuments) all = [.. all.Select((sentence, index) => sentence with { Document = index })];
        var featureOptions = NerFeatureOptions.None;
        if (options.DocumentDomain && all.GroupBy(s => s.Document).Any(d => d.Count() > 1)) featureOptions |= NerFeatureOptions.DocumentDomain;
        if (options.FoldedWordLanguages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            featureOptions |= NerFeatureOptions.FoldedWords;
            all = [.. all.Select(s => s with { Tokens = Array.ConvertAll(s.Tokens, WordFolding.Fold) })];
        }
        featureOptions |= ChosenFeatures(options);
        log.WriteLine($"feature options: {featureOptions}");
        // More prose of the language (--cluster-text) joins the clusters' text only, read as the model reads words.
        var clusterText = Training.ClusterText.Sentences(options.ClusterText, log);
        if ((featureOptions & NerFeatureOptions.FoldedWords) != 0) clusterText = clusterText.Select(tokens => Array.ConvertAll(tokens, WordFolding.Fold));
        var clusterClock = Stopwatch.StartNew();
        var clusterSentences = all.Select(s => (Tokens: s.Tokens, Prior: true)).Concat(clusterText.Select(tokens => (Tokens: tokens, Prior: options.ClusterTextInPrior))).ToList();
        var clusters = ClusterBuilder.Build(clusterSentences, options.Clusters, log);
        log.WriteLine($"clusters: built in {clusterClock.Elapsed.TotalSeconds:F1} s");
        var stemClusters = (featureOptions & NerFeatureOptions.StemClusters) != 0
            ? ClusterBuilder.Build(clusterSentences.Select(s => (Array.ConvertAll(s.Tokens, w => NerFeatures.StemOf(w).ToString()), s.Prior)), options.Clusters, log)
            : null;
        var named = Enumerable.Range(0, all.Count).Where(i => !heldOutFlags[i]).ToArray();
        var kept = named.Where(i => chosen.Contains(corpora[corpusIndex[i]])).ToArray();
        var sentences = kept.Select(i => all[i]).ToList();
        var corpusOf = Array.ConvertAll(kept, i => corpora[corpusIndex[i]].Name);
        var dictionary = options.DictionaryLists ? LanguageGazetteers.DictionaryWords(language) : [];
        if ((featureOptions & NerFeatureOptions.FoldedWords) != 0) dictionary = [.. dictionary.Select(e => (WordFolding.Fold(e.Word), e.Kind))];
        var gazetteers = LanguageGazetteers.Build([.. named.Select(i => all[i])], Array.ConvertAll(named, i => corpora[corpusIndex[i]].Name), options.TrainingNameLists,
            [.. dictionary.Select(e => (DictionaryList(e.Word, e.Kind, options), new[] { e.Word })),
                .. options.OtherLanguageNames ? FoldedLike(featureOptions, TrainingSources.OtherLanguageNames(multilingualFolder, language, log)) : [],
                .. options.OpenCorpusNames ? FoldedLike(featureOptions, TrainingSources.OpenCorpusNames(TrainingSources.DataRootOfMultilingual(multilingualFolder), log)) : []], log, Math.Max(2, options.NameListFolds), options.NameWordLists);
        // The jackknife folds are by document number, which is the same in every subset of the sentences.
        var perFold = new Dictionary<Gazetteer, NerFeatures>();
        NerFeatures FeaturesOf(Gazetteer gazetteer) => perFold.TryGetValue(gazetteer, out var known) ? known : perFold[gazetteer] = new NerFeatures(clusters, gazetteer, featureOptions, stemClusters);
        var model = Train(sentences, FeaturesOf(gazetteers.Full), d => FeaturesOf(gazetteers.ForDocument(d)), corpusOf, options, log, clock);
        if (options.DevelopmentHoldOut)
        {
            for (var c = 0; c < corpora.Count; c++)
            {
                List<ConllSentence> heldOut = [.. Enumerable.Range(0, all.Count).Where(i => corpusIndex[i] == c && heldOutFlags[i]).Select(i => all[i])];
                LogHeldOut(corpora[c].Name, model, heldOut, log, options.HeldOutPredictions);
                if (heldOut.GroupBy(s => s.Document).Any(d => d.Count() > 1)) LogConsistencyVariants(model, heldOut, log);
            }
            return;
        }
        Save(model, outModelPath, log, clock);
        foreach (var corpus in corpora)
        {
            var validation = ConllCorpus.Read(corpus.ValidationFile);
            if (corpus.ValidationIsSplit) validation = MultilingualNerData.Split(validation).HeldOut;
            var score = NerEvaluator.Score(model, validation, null, out _);
            log.WriteLine($"{corpus.Name} {(corpus.ValidationIsSplit ? "held-out part of val.txt" : "val.txt")}: F1 {score.F1 * 100:F2} (P {score.Precision * 100:F2}, R {score.Recall * 100:F2}; {validation.Count:N0} sentences)");
        }
    }

    private static string DictionaryList(string word, string kind, NerTrainerOptions options) =>
        options.DictionaryNouns && kind == "common" && word.Length > 0 && char.IsUpper(word[0]) ? "dict:noun" : $"dict:{kind}";

    /// <summary>Sentences of several files or corpora in one list, documents numbered apart; <paramref name="partOf"/> gives each sentence's source index.</summary>
    private static List<ConllSentence> Concatenate(IEnumerable<List<ConllSentence>> parts, out int[] partOf)
    {
        var sentences = new List<ConllSentence>();
        var part = new List<int>();
        var documentBase = 0;
        var index = 0;
        foreach (var read in parts)
        {
            sentences.AddRange(read.Select(s => s with { Document = s.Document + documentBase }));
            part.AddRange(Enumerable.Repeat(index++, read.Count));
            documentBase = sentences.Count == 0 ? 0 : sentences[^1].Document + 1;
        }
        partOf = [.. part];
        return sentences;
    }

    private static void Save(NerModel model, string outModelPath, TextWriter log, Stopwatch clock)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(outModelPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var stream = File.Create(outModelPath)) model.Save(stream);
        log.WriteLine($"saved {outModelPath}: {model.FeatureCount:N0} weight rows, {new FileInfo(outModelPath).Length / 1024.0 / 1024.0:F1} MB, total {clock.Elapsed.TotalSeconds:F0}s");
    }

    /// <summary>
    /// Trains the chains on <paramref name="sentences"/>, each document encoded with <paramref name="encodeWith"/>
    /// (its number → the features it sees: jackknifed gazetteers), into a model saved with <paramref name="features"/>;
    /// <paramref name="groupOf"/> names each sentence's corpus for cross-validation figures per corpus (null = one group).
    /// </summary>
    private static NerModel Train(List<ConllSentence> sentences, NerFeatures features, Func<int, NerFeatures> encodeWith, string[]? groupOf,
        NerTrainerOptions options, TextWriter log, Stopwatch clock)
    {
        var clusters = features.Clusters;
        var gazetteer = features.Gazetteer;
        log.WriteLine($"resources ready in {clock.Elapsed.TotalSeconds:F1}s: {clusters.Count:N0} clustered words, {gazetteer.Count:N0} gazetteer phrases");

        var documents = sentences.GroupBy(s => s.Document).Select(d => d.ToList()).ToList();
        var texts = documents.Select(d => d.Select(s => s.AsText()).ToList()).ToList();
        var encoded = EncodeFirst(documents, texts, encodeWith, options.MinFeatureCount, out var rows);
        log.WriteLine($"first-chain features: {rows.Count:N0}; {encoded.Count:N0} sentences encoded in {clock.Elapsed.TotalSeconds:F1}s");
        var dev = options.DevFile is null ? null : ConllCorpus.Read(options.DevFile);
        var all = Repeated(Enumerable.Range(0, encoded.Count), groupOf, options);
        if (options.CrossValidationFolds > 1)
            options = options with { Epochs = CrossValidatedEpochs(encoded, documents, groupOf, rows.Count, options, log) };

        var (w1, t1) = TrainInOrders(encoded, all, rows.Count, options, options.SeedRuns, log, "first chain");
        var first = LinearChain.Pruned(rows, w1, t1, options.PruneBelow);
        var model = new NerModel(features, first, null);
        if (dev is not null) log.WriteLine($"  dev F1 (first chain): {NerEvaluator.Score(model, dev, null, out _).F1 * 100:F2}");

        if (options.TwoPass)
        {
            var predictions = CrossValidatedPredictions(encoded, documents, rows.Count, options, log);
            var encoded2 = EncodeSecond(documents, texts, encoded, predictions, features, rows, options.MinFeatureCount, out var rows2);
            log.WriteLine($"second-chain features: {rows2.Count:N0} ({clock.Elapsed.TotalSeconds:F0}s)");
            var (w2, t2) = TrainInOrders(encoded2, all, rows2.Count, options, options.SecondChainOrders ? options.SeedRuns : 1, log, "second chain");
            model = new NerModel(features, first, LinearChain.Pruned(rows2, w2, t2, options.PruneBelow));
            if (dev is not null) log.WriteLine($"  dev F1 (two chains): {NerEvaluator.Score(model, dev, null, out _).F1 * 100:F2}");
        }
        return model;
    }

    /// <summary>
    /// The epoch count with the best mean entity F1 over folds of the training documents, each fold scored by a
    /// first chain trained on the others (averaged weights taken after every epoch, so one run per fold suffices).
    /// </summary>
    private static int CrossValidatedEpochs(List<EncodedSentence> encoded, List<List<ConllSentence>> documents, string[]? groupOf, int featureCount, NerTrainerOptions options, TextWriter log)
    {
        var documentOf = DocumentOf(encoded.Count, documents);
        var folds = options.CrossValidationFolds;
        var sums = new double[options.Epochs + 1];
        var groups = groupOf is null ? [] : groupOf.Distinct().ToArray();
        var groupCounts = new EntityScore[options.Epochs + 1, groups.Length];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Repeated(Enumerable.Range(0, encoded.Count).Where(i => documentOf[i] % folds != fold), groupOf, options);
            var heldOut = Enumerable.Range(0, encoded.Count).Where(i => documentOf[i] % folds == fold).ToArray();
            var line = new System.Text.StringBuilder($"cross-validation fold {fold + 1}/{folds}:");
            Train(encoded, train, featureCount, options, log, $"fold {fold + 1}/{folds}", quiet: true, (epoch, weights, transitions) =>
            {
                var f1 = ChunkF1(encoded, heldOut, weights, transitions).F1;
                sums[epoch] += f1;
                line.Append($" {epoch}:{f1 * 100:F2}");
                for (var g = 0; g < groups.Length; g++)
                {
                    var group = groups[g];
                    var score = ChunkF1(encoded, [.. heldOut.Where(i => groupOf![i] == group)], weights, transitions);
                    var sum = groupCounts[epoch, g];
                    groupCounts[epoch, g] = new EntityScore(sum.Correct + score.Correct, sum.Found + score.Found, sum.Gold + score.Gold);
                }
            });
            log.WriteLine(line.ToString());
        }
        var best = Enumerable.Range(1, options.Epochs).MaxBy(e => sums[e]);
        for (var g = 0; g < groups.Length; g++)
            log.WriteLine($"cross-validation {groups[g]}: entity F1 of all folds by epoch "
                + string.Join(" ", Enumerable.Range(1, options.Epochs).Select(e => $"{e}:{groupCounts[e, g].F1 * 100:F2}")));
        log.WriteLine($"cross-validation: best mean F1 {sums[best] / folds * 100:F2} after {best} epochs (first chain, no document consistency)");
        return best;
    }

    /// <summary>The sentence indices to train on, those of a corpus in <see cref="NerTrainerOptions.CorpusRepeats"/> as many times as it says.</summary>
    private static int[] Repeated(IEnumerable<int> subset, string[]? groupOf, NerTrainerOptions options)
    {
        if (groupOf is null || options.CorpusRepeats is not { Count: > 0 } repeats) return [.. subset];
        return [.. subset.SelectMany(i => Enumerable.Repeat(i, Math.Max(1, repeats.GetValueOrDefault(groupOf[i], 1))))];
    }

    /// <summary>Entity-level counts of a first chain's Viterbi labels on some encoded sentences.</summary>
    private static EntityScore ChunkF1(List<EncodedSentence> encoded, int[] subset, float[] weights, float[] transitions)
    {
        int correct = 0, found = 0, gold = 0;
        var emissions = new float[16 * L];
        foreach (var i in subset)
        {
            var n = encoded[i].Gold.Length;
            if (emissions.Length < n * L) emissions = new float[n * L];
            Score(encoded[i], weights, emissions);
            var labels = new int[n];
            LinearChain.Viterbi(emissions, n, transitions, labels, encoded[i].Classes);
            var goldChunks = Bilou.Decode(encoded[i].Gold);
            var predicted = Bilou.Decode(labels).Where(c => (encoded[i].Unannotated & 1 << c.Type) == 0).ToList();
            gold += goldChunks.Count;
            found += predicted.Count;
            correct += predicted.Count(goldChunks.Contains);
        }
        return new EntityScore(correct, found, gold);
    }

    private static int[] DocumentOf(int count, List<List<ConllSentence>> documents)
    {
        var documentOf = new int[count];
        var index = 0;
        for (var d = 0; d < documents.Count; d++)
            foreach (var _ in documents[d]) documentOf[index++] = d;
        return documentOf;
    }

    /// <summary>Fixed name lists (other languages' names, open corpora's names) folded where the model reads words folded, as its dictionary lists are.</summary>
    private static IEnumerable<(string List, string[] Tokens)> FoldedLike(NerFeatureOptions featureOptions, IEnumerable<(string List, string[] Tokens)> entries) =>
        (featureOptions & NerFeatureOptions.FoldedWords) != 0 ? entries.Select(e => (e.List, Array.ConvertAll(e.Tokens, WordFolding.Fold))) : entries;

    /// <summary>A gazetteer of the entries, its lists in the order of <paramref name="listNames"/> (null = order of first appearance).</summary>
    internal static Gazetteer BuildGazetteer(IEnumerable<(string List, string[] Tokens)> entries, IReadOnlyList<string>? listNames, TextWriter log)
    {
        var names = listNames is null ? new List<string>() : [.. listNames];
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

    /// <summary>A sentence as feature rows per token (-1 = unknown feature), with optional second-chain extras; <c>Unannotated</c> as <see cref="ConllSentence.UnannotatedTypes"/>.</summary>
    // Classes: each token's edge class (EdgeClasses), empty without edge classes.
    private sealed record EncodedSentence(int[] Features, int[] Offsets, int[] Gold, int[] Classes, int[]? Extra = null, int[]? ExtraOffsets = null, int Unannotated = 0);

    /// <summary>Extracts every sentence's features once (documents give the document-level context) and maps them to rows.</summary>
    private static List<EncodedSentence> EncodeFirst(List<List<ConllSentence>> documents, List<List<(string Text, Core.Model.TextSpan[] Spans)>> texts,
        Func<int, NerFeatures> featuresOf, int minCount, out Dictionary<ulong, int> rows)
    {
        var hashed = new List<(ulong[] Features, int[] Offsets, int[] Gold, int[] Classes, int Unannotated)>();
        var counts = new Dictionary<ulong, int>();
        var buffer = new List<ulong>();
        for (var d = 0; d < documents.Count; d++)
        {
            var features = featuresOf(documents[d][0].Document);
            var context = new DocumentContext(countWords: (features.Options & NerFeatureOptions.DocumentTopics) != 0);
            foreach (var (text, spans) in texts[d]) context.Add(text, spans);
            for (var s = 0; s < documents[d].Count; s++)
            {
                var (text, spans) = texts[d][s];
                var offsets = new int[spans.Length + 1];
                features.Extract(text, spans, context, buffer, offsets);
                var array = buffer.ToArray();
                foreach (var f in array) counts[f] = counts.GetValueOrDefault(f) + 1;
                var classes = (features.Options & NerFeatureOptions.EdgeClasses) != 0 ? EdgeClasses.Of(text, spans) : [];
                hashed.Add((array, offsets, Bilou.Encode(spans.Length, documents[d][s].Entities(ConllCorpus.ConllType)), classes, documents[d][s].UnannotatedTypes));
            }
        }
        rows = new Dictionary<ulong, int>();
        foreach (var (hash, count) in counts)
            if (count >= minCount) rows[hash] = rows.Count;
        var encoded = new List<EncodedSentence>(hashed.Count);
        foreach (var (hashes, offsets, gold, classes, unannotated) in hashed) encoded.Add(new EncodedSentence(Rows(hashes, rows), offsets, gold, classes, Unannotated: unannotated));
        return encoded;
    }

    private static int[] Rows(ulong[] hashes, Dictionary<ulong, int> rows)
    {
        var ids = new int[hashes.Length];
        for (var k = 0; k < hashes.Length; k++) ids[k] = rows.TryGetValue(hashes[k], out var row) ? row : -1;
        return ids;
    }

    /// <summary>First-chain labels for every training sentence, each from a model that never saw its document.</summary>
    private static int[][] CrossValidatedPredictions(List<EncodedSentence> encoded, List<List<ConllSentence>> documents, int featureCount, NerTrainerOptions options, TextWriter log)
    {
        var documentOf = DocumentOf(encoded.Count, documents);
        var predictions = new int[encoded.Count][];
        var folds = Math.Max(2, options.Folds);
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Enumerable.Range(0, encoded.Count).Where(i => documentOf[i] % folds != fold).ToArray();
            var (weights, transitions) = Train(encoded, train, featureCount, options, log, $"fold {fold + 1}/{folds}", quiet: true);
            var emissions = new float[16 * L];
            for (var i = 0; i < encoded.Count; i++)
            {
                if (documentOf[i] % folds != fold) continue;
                var n = encoded[i].Gold.Length;
                if (emissions.Length < n * L) emissions = new float[n * L];
                Score(encoded[i], weights, emissions);
                predictions[i] = new int[n];
                LinearChain.Viterbi(emissions, n, transitions, predictions[i], encoded[i].Classes);
            }
        }
        return predictions;
    }

    private static List<EncodedSentence> EncodeSecond(List<List<ConllSentence>> documents, List<List<(string Text, Core.Model.TextSpan[] Spans)>> texts,
        List<EncodedSentence> first, int[][] predictions, NerFeatures features, Dictionary<ulong, int> firstRows, int minCount, out Dictionary<ulong, int> rows)
    {
        var extras = new List<(ulong[] Hashes, int[] Offsets)>();
        var counts = new Dictionary<ulong, int>();
        var buffer = new List<ulong>();
        var index = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var labels = new List<int[]>();
            for (var s = 0; s < documents[d].Count; s++) labels.Add(predictions[index + s]);
            var history = HistoryOf(texts[d], labels);
            for (var s = 0; s < documents[d].Count; s++)
            {
                var (text, tokenSpans) = texts[d][s];
                var offsets = new int[tokenSpans.Length + 1];
                features.ExtractHistory(text, tokenSpans, labels[s], history, buffer, offsets);
                var array = buffer.ToArray();
                foreach (var f in array) counts[f] = counts.GetValueOrDefault(f) + 1;
                extras.Add((array, offsets));
            }
            index += documents[d].Count;
        }
        rows = new Dictionary<ulong, int>(firstRows);
        foreach (var (hash, count) in counts)
            if (count >= minCount && !rows.ContainsKey(hash)) rows[hash] = rows.Count;
        var encoded = new List<EncodedSentence>(first.Count);
        for (var i = 0; i < first.Count; i++)
            encoded.Add(first[i] with { Extra = Rows(extras[i].Hashes, rows), ExtraOffsets = extras[i].Offsets });
        return encoded;
    }

    /// <summary>The first-chain history of a training document whose sentences are separate texts.</summary>
    private static DocumentHistory HistoryOf(List<(string Text, Core.Model.TextSpan[] Spans)> sentences, List<int[]> labels)
    {
        // DocumentHistory reads tokens from one text; the sentences are joined the same way the evaluator joins them.
        var builder = new System.Text.StringBuilder();
        var spans = new List<Core.Model.TextSpan[]>(sentences.Count);
        foreach (var (text, tokenSpans) in sentences)
        {
            var offset = builder.Length;
            spans.Add(Array.ConvertAll(tokenSpans, t => new Core.Model.TextSpan(t.Start + offset, t.Length)));
            builder.Append(text).Append('\n');
        }
        return DocumentHistory.Build(builder.ToString(), spans, labels);
    }

    /// <summary>
    /// <paramref name="orders"/> averaged perceptrons, each reading the sentences in its own order (seeds
    /// <see cref="NerTrainerOptions.Seed"/>, + 1, ...), their weights averaged again into one set.
    /// </summary>
    private static (float[] Weights, float[] Transitions) TrainInOrders(List<EncodedSentence> data, int[] subset, int featureCount, NerTrainerOptions options,
        int orders, TextWriter log, string name)
    {
        var (weights, transitions) = Train(data, subset, featureCount, options, log, name);
        for (var run = 1; run < orders; run++)
        {
            var (w, t) = Train(data, subset, featureCount, options with { Seed = options.Seed + run }, log, $"{name}, order {run + 1}");
            AddInto(weights, w);
            AddInto(transitions, t);
        }
        if (orders > 1)
        {
            Scale(weights, 1f / orders);
            Scale(transitions, 1f / orders);
        }
        return (weights, transitions);
    }

    /// <summary>Averaged structured perceptron over a subset of sentences: weights averaged over every step (lazy sum trick).</summary>
    private static (float[] Weights, float[] Transitions) Train(List<EncodedSentence> data, int[] subset, int featureCount, NerTrainerOptions options, TextWriter log, string name,
        bool quiet = false, Action<int, float[], float[]>? afterEpoch = null)
    {
        var weights = new float[(long)featureCount * L];
        var weightSums = new double[weights.Length];
        var transitions = new float[LinearChain.TransitionLength(options.EdgeClasses)];
        var transitionSums = new double[transitions.Length];
        var random = new Random(options.Seed);
        var order = (int[])subset.Clone();
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
                if (options.Margin > 0) AddMargin(emissions, sentence.Gold, options.Margin);
                LinearChain.Viterbi(emissions, n, transitions, predicted, sentence.Classes);
                tokens += n;
                var goldLabels = sentence.Unannotated == 0 ? sentence.Gold : AcceptUnannotated(sentence.Gold, predicted.AsSpan(0, n), sentence.Unannotated);
                for (var i = 0; i < n; i++)
                {
                    var gold = goldLabels[i];
                    var guess = predicted[i];
                    if (gold != guess)
                    {
                        mistakes++;
                        UpdateRows(sentence.Features, sentence.Offsets, i, gold, guess, weights, weightSums, step);
                        if (sentence.Extra is not null) UpdateRows(sentence.Extra, sentence.ExtraOffsets!, i, gold, guess, weights, weightSums, step);
                    }
                    var goldPrevious = i == 0 ? -1 : goldLabels[i - 1];
                    var guessPrevious = i == 0 ? -1 : predicted[i - 1];
                    if (goldPrevious != guessPrevious || gold != guess)
                    {
                        Update(transitions, transitionSums, (goldPrevious + 1) * L + gold, 1, step);
                        Update(transitions, transitionSums, (guessPrevious + 1) * L + guess, -1, step);
                        if (sentence.Classes.Length > 0)
                        {
                            var edge = (1 + sentence.Classes[i]) * LinearChain.TransitionTable;
                            Update(transitions, transitionSums, edge + (goldPrevious + 1) * L + gold, 1, step);
                            Update(transitions, transitionSums, edge + (guessPrevious + 1) * L + guess, -1, step);
                        }
                    }
                }
                step++;
            }
            if (!quiet || epoch == options.Epochs)
                log.WriteLine($"{name} epoch {epoch}: {mistakes:N0} token errors of {tokens:N0} ({100.0 * mistakes / tokens:F2}%)");
            afterEpoch?.Invoke(epoch, Average(weights, weightSums, step), Average(transitions, transitionSums, step));
        }
        return (Average(weights, weightSums, step), Average(transitions, transitionSums, step));
    }

    /// <summary>
    /// The gold labels with the prediction's mentions of types the sentence's corpus never annotates taken as
    /// right wherever the gold has no entity: such a corpus cannot say they are wrong (partial labels).
    /// </summary>
    private static int[] AcceptUnannotated(int[] gold, ReadOnlySpan<int> predicted, int unannotated)
    {
        int[]? accepted = null;
        foreach (var (start, end, type) in Bilou.Decode(predicted))
        {
            if ((unannotated & 1 << type) == 0) continue;
            var free = true;
            for (var i = start; i < end && free; i++) free = gold[i] == Bilou.Outside;
            if (!free) continue;
            accepted ??= (int[])gold.Clone();
            for (var i = start; i < end; i++) accepted[i] = predicted[i];
        }
        return accepted ?? gold;
    }

    private static void UpdateRows(int[] features, int[] offsets, int i, int gold, int guess, float[] weights, double[] sums, long step)
    {
        for (var f = offsets[i]; f < offsets[i + 1]; f++)
        {
            var row = features[f];
            if (row < 0) continue;
            Update(weights, sums, (long)row * L + gold, 1, step);
            Update(weights, sums, (long)row * L + guess, -1, step);
        }
    }

    private static void Score(EncodedSentence sentence, float[] weights, float[] emissions)
    {
        var n = sentence.Gold.Length;
        Array.Clear(emissions, 0, n * L);
        AddScores(sentence.Features, sentence.Offsets, n, weights, emissions);
        if (sentence.Extra is not null) AddScores(sentence.Extra, sentence.ExtraOffsets!, n, weights, emissions);
    }

    private static void AddScores(int[] features, int[] offsets, int n, float[] weights, float[] emissions)
    {
        for (var i = 0; i < n; i++)
        {
            var scores = emissions.AsSpan(i * L, L);
            for (var f = offsets[i]; f < offsets[i + 1]; f++)
            {
                var row = features[f];
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

    /// <summary>Adds the margin to every label but the gold one of each token (a sentence's unannotated types count as the gold's O).</summary>
    private static void AddMargin(float[] emissions, int[] gold, float margin)
    {
        for (var i = 0; i < gold.Length; i++)
            for (var y = 0; y < L; y++)
                if (y != gold[i]) emissions[i * L + y] += margin;
    }

    private static void AddInto(float[] sum, float[] values)
    {
        for (long i = 0; i < sum.Length; i++) sum[i] += values[i];
    }

    private static void Scale(float[] values, float factor)
    {
        for (long i = 0; i < values.Length; i++) values[i] *= factor;
    }

    private static float[] Average(float[] weights, double[] sums, long step)
    {
        var average = new float[weights.Length];
        for (long i = 0; i < weights.Length; i++) average[i] = (float)(weights[i] - sums[i] / step);
        return average;
    }
}
