using System.CommandLine;
using System.Globalization;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Training;

namespace Crosscheck.Cli.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train the project's statistical models from data on this machine.");
        var ner = Ner();
        command.Subcommands.Add(ner);
        command.Subcommands.Add(PageTypes());
        command.Subcommands.Add(AttributionCues());
        return command;
    }

    private static Command Ner()
    {
        var data = new Option<string[]>("--data") { Description = "English training files in CoNLL format.", AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var language = CommonOptions.Language(
            "Train the model of this language (ISO 639-1: de, es, fr, ...) from the shared ner-multilingual corpora instead of --data.");
        var corpora = new Option<string?>("--corpora") { Description = "The ner-multilingual folder (default: found in ../shared/data above the working directory).", HelpName = "DIR" };
        var only = new Option<string[]>("--corpus") { Description = "With --language: train on these corpora only (folder names, e.g. conll2002-es).", AllowMultipleArgumentsPerToken = true, HelpName = "NAME" };
        var output = new Option<string?>("--out") { Description = "Where to write the model file (default with --language: models/ner/ner.LANG.model.gz).", HelpName = "FILE" };
        var defaults = new NerTrainerOptions();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data per chain (the most tried by --cv).", DefaultValueFactory = _ => defaults.Epochs, HelpName = "N" };
        var cv = new Option<int>("--cv") { Description = "Choose the epoch count by an N-fold cross-validation inside the training data first (0: no).", HelpName = "N" };
        var onePass = new Option<bool>("--one-pass") { Description = "Train the first chain only (no document-aware second chain): about five times quicker." };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times in training.", DefaultValueFactory = _ => defaults.MinFeatureCount, HelpName = "N" };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this from the saved model.", DefaultValueFactory = _ => defaults.PruneBelow, HelpName = "X" };
        var noNameLists = new Option<bool>("--no-name-lists") { Description = "With --language: no gazetteer lists of the names tagged in the language's training corpora." };
        var nameWords = new Option<bool>("--name-word-lists") { Description = "With --language: also lists of the single words of the training names, by type and by how often the word stood in one." };
        var otherLanguageNames = new Option<bool>("--other-language-names")
        {
            Description = "With --language: also lists of the names tagged in the other languages' training files and English CoNLL-2003 train (Latin script).",
        };
        var openCorpusNames = new Option<bool>("--open-corpus-names")
        {
            Description = "With --language: also lists of the names tagged in the open English corpora under ner/ (GMB, wikigold, BTC, WNUT-17 train, re3d).",
        };
        var gazetteerCase = new Option<bool>("--gazetteer-case") { Description = "Also every gazetteer hit with the token's case and whether it starts the sentence." };
        var nameChunks = new Option<bool>("--name-chunks") { Description = "Also features of runs of capitalised words bridged by short lower-case words (\"Centro de Estudios de Historia\"): each token's place in its run, the run's first word and the word before it." };
        var edgeClasses = new Option<bool>("--edge-classes") { Description = "Also label-pair (transition) weights by the kinds of a token and the one before it (lower case, capitalised, capitals, number, other; sentence start)." };
        var headClusters = new Option<bool>("--head-clusters") { Description = "With --language: also the word clusters of a long word's head, its longest ending the clusters know as a word (a compound's last part)." };
        var documentTopics = new Option<bool>("--document-topics") { Description = "Also the document's topic words (its few most telling lower-case words, by count weighed by rarity in the clusters' text) read by every capitalised token, alone and with its coarse word cluster." };
        var dictionaryNouns = new Option<bool>("--dictionary-nouns") { Description = "With --language: the dictionary's capitalised common words (German nouns) as a list of their own, dict:noun." };
        var noDictionary = new Option<bool>("--no-dictionary") { Description = "With --language: no dictionary word lists (NerWordLists/LANG.tsv.gz) as gazetteer lists." };
        var noDocumentCopy = new Option<bool>("--no-document-copy") { Description = "With --language: no document-only copy of the features, even where the training data has documents." };
        var foldWords = new Option<bool?>("--fold-words")
        {
            Description = $"With --language: read words with their non-ASCII letters deleted from Latin-script words (true/false; default: only for {string.Join(", ", defaults.FoldedWordLanguages)}).",
            HelpName = "BOOL",
        };
        var longAffixes = new Option<bool>("--long-affixes") { Description = "Also affixes of 5 and 6 letters and the 5-letter stems of the neighbouring words." };
        var sentenceShape = new Option<bool>("--sentence-shape") { Description = "Also the sentence's length and ending (fragments such as titles read apart from running text)." };
        var nameLists = new Option<bool>("--name-lists") { Description = "Without --language: also gazetteer lists of the names tagged in the training files (jackknifed by blocks of documents)." };
        var nameListFolds = new Option<int>("--name-list-folds")
        {
            Description = "Folds of the name lists' jackknife (a training sentence sees the names of the other folds).",
            DefaultValueFactory = _ => defaults.NameListFolds,
            HelpName = "N",
        };
        var repeat = new Option<string[]>("--repeat")
        {
            Description = "With --language: visit a corpus's sentences K times per epoch (CORPUS=K, e.g. wikiann-ru=2).",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "CORPUS=K",
        };
        var seedRuns = new Option<int>("--seed-runs")
        {
            Description = "Train the first chain (the second too with --second-chain-orders) this many times in different sentence orders and average the runs' weights (one chain's tagging cost).",
            DefaultValueFactory = _ => defaults.SeedRuns,
            HelpName = "N",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The seed of the first sentence order (the orders of --seed-runs follow it: seed, seed + 1, ...; the --cv folds and the second chain's predicted features use it too), to weigh a setting on other orders.",
            DefaultValueFactory = _ => defaults.Seed,
            HelpName = "N",
        };
        var secondChainOrders = new Option<bool>("--second-chain-orders")
        {
            Description = "With --seed-runs and two chains: average the second chain over as many sentence orders as the first (by default it is trained once).",
        };
        var margin = new Option<float>("--margin")
        {
            Description = "Train with this margin: every wrong label's score is raised by it while decoding a training sentence (loss-augmented perceptron).",
            DefaultValueFactory = _ => defaults.Margin,
            HelpName = "X",
        };
        var holdOut = new Option<bool>("--hold-out")
        {
            Description = "For choosing settings: train on two thirds of the training documents, score every third with the whole tagger per corpus, save nothing.",
        };
        var withoutGazetteer = new Option<string[]>("--without-gazetteer")
        {
            Description = "Without --language: leave out these corpora's gazetteer lists (wikigold, btc, re3d, gmb), to score the model on one of them.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "CORPUS",
        };
        var holdOutLast = new Option<bool>("--hold-out-last")
        {
            Description = "With --hold-out: hold out the last third of the training documents in file order (later news, as a validation file's) instead of every third.",
        };
        var holdOutThird = new Option<int>("--hold-out-third")
        {
            Description = "With --hold-out (not --hold-out-last): which third of the documents is held out, 0, 1 or 2 (document number modulo 3).",
            DefaultValueFactory = _ => defaults.HoldOutThird,
            HelpName = "K",
        };
        var sentenceDocuments = new Option<bool>("--sentence-documents")
        {
            Description = "With --language: read every sentence as a document of its own (the hold-out still keeps the file's documents apart), to weigh the file's documents.",
        };
        var holdOutPredictions = new Option<string?>("--hold-out-predictions")
        {
            Description = "With --hold-out: write each corpus's held-out sentences with their predicted tags to DIR/CORPUS.txt (token gold predicted).",
            HelpName = "DIR",
        };
        var stemClusters = new Option<bool>("--stem-clusters") { Description = "With --language: also word clusters of crude stems (the first 5 letters), for inflected languages." };
        var clusterLevels = new Option<string?>("--cluster-levels")
        {
            Description = $"Cluster counts of the word clusters' three levels, coarse to fine (default {string.Join(",", defaults.Clusters.Levels)}).",
            HelpName = "A,B,C",
        };
        var clusterMinCount = new Option<int>("--cluster-min-count")
        {
            Description = "Words seen fewer times than this in the cluster text get no cluster.",
            DefaultValueFactory = _ => defaults.Clusters.MinCount,
            HelpName = "N",
        };
        var clusterContexts = new Option<int>("--cluster-contexts")
        {
            Description = "The word clusters' context words: this many of the most frequent words of the cluster text.",
            DefaultValueFactory = _ => defaults.Clusters.ContextWords,
            HelpName = "N",
        };
        var clusterWindow = new Option<int>("--cluster-window")
        {
            Description = "The word clusters' contexts: this many neighbours on each side, each distance apart.",
            DefaultValueFactory = _ => defaults.Clusters.Window,
            HelpName = "N",
        };
        var clusterDimensions = new Option<int>("--cluster-dimensions")
        {
            Description = "Dimensions of the random projection of the word clusters' context vectors.",
            DefaultValueFactory = _ => defaults.Clusters.Dimensions,
            HelpName = "N",
        };
        var moreNewsText = new Option<bool>("--more-news-text")
        {
            Description = "Without --language: the word clusters also read GUM's Wikinews texts (never PolNeAR's, which the attribution evaluation reads).",
        };
        var clusterText = new Option<string[]>("--cluster-text")
        {
            Description = "Also read this folder or file of unlabelled prose (HTML, plain text, fortune files; gzipped too) into the word clusters only, never as labelled data (the model cards name the Debian packages used).",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "PATH",
        };
        var clusterTextPrior = new Option<bool>("--cluster-text-prior")
        {
            Description = "Whether the --cluster-text prose also counts in the capitalisation prior (how often a word is capitalised mid-sentence); false: the corpora's text alone.",
            DefaultValueFactory = _ => defaults.ClusterTextInPrior,
            HelpName = "BOOL",
        };
        var command = new Command("ner", """
            Train the entity tagger (see models/ner/MODEL_CARD.md and the per-language cards beside it).

            Examples: crosscheck train ner --data ../shared/data/ner/conll2003/train.txt --out models/ner/ner.model.gz
                      crosscheck train ner --language es --cv 4
            """)
        { data, language, corpora, only, output, epochs, cv, onePass, minCount, prune, noNameLists, nameWords, otherLanguageNames, openCorpusNames, gazetteerCase, edgeClasses, nameChunks, headClusters, documentTopics, dictionaryNouns, noDictionary, noDocumentCopy, foldWords, longAffixes, sentenceShape, nameLists, nameListFolds, repeat, seedRuns, seed, secondChainOrders, margin, holdOut, holdOutLast, holdOutThird, withoutGazetteer, clusterLevels, clusterMinCount, clusterContexts, clusterWindow, clusterDimensions, moreNewsText, clusterText, clusterTextPrior, stemClusters, sentenceDocuments, holdOutPredictions };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var options = defaults with
            {
                Epochs = Math.Max(1, result.GetValue(epochs)),
                CrossValidationFolds = Math.Max(0, result.GetValue(cv)),
                TwoPass = !result.GetValue(onePass),
                MinFeatureCount = Math.Max(1, result.GetValue(minCount)),
                PruneBelow = Math.Max(0, result.GetValue(prune)),
                Corpora = result.GetValue(only) is { Length: > 0 } names ? names : null,
                TrainingNameLists = !result.GetValue(noNameLists),
                EnglishTrainingNameLists = result.GetValue(nameLists),
                NameWordLists = result.GetValue(nameWords),
                OtherLanguageNames = result.GetValue(otherLanguageNames),
                OpenCorpusNames = result.GetValue(openCorpusNames),
                DictionaryLists = !result.GetValue(noDictionary),
                GazetteerCase = result.GetValue(gazetteerCase),
                EdgeClasses = result.GetValue(edgeClasses),
                NameChunks = result.GetValue(nameChunks),
                HeadClusters = result.GetValue(headClusters),
                DocumentTopics = result.GetValue(documentTopics),
                DictionaryNouns = result.GetValue(dictionaryNouns),
                DocumentDomain = !result.GetValue(noDocumentCopy),
                LongAffixes = result.GetValue(longAffixes),
                SentenceShape = result.GetValue(sentenceShape),
                StemClusters = result.GetValue(stemClusters),
                NameListFolds = Math.Max(2, result.GetValue(nameListFolds)),
                SeedRuns = Math.Max(1, result.GetValue(seedRuns)),
                Seed = result.GetValue(seed),
                SecondChainOrders = result.GetValue(secondChainOrders),
                Margin = Math.Max(0, result.GetValue(margin)),
                CorpusRepeats = result.GetValue(repeat) is { Length: > 0 } repeats ? ParseRepeats(repeats) : null,
                DevelopmentHoldOut = result.GetValue(holdOut),
                HoldOutLastThird = result.GetValue(holdOutLast),
                HoldOutThird = result.GetValue(holdOutThird) is var third and >= 0 and <= 2 ? third
                    : throw new UserError($"--hold-out-third takes 0, 1 or 2 (got {result.GetValue(holdOutThird)})."),
                MoreNewsText = result.GetValue(moreNewsText),
                ClusterText = result.GetValue(clusterText) is { Length: > 0 } texts ? [.. texts.Select(ClusterTextPath)] : [],
                ClusterTextInPrior = result.GetValue(clusterTextPrior),
                SentenceDocuments = result.GetValue(sentenceDocuments),
                HeldOutPredictions = result.GetValue(holdOutPredictions),
                GazetteersLeftOut = result.GetValue(withoutGazetteer) is { Length: > 0 } leftOut ? leftOut : null,
                Clusters = defaults.Clusters with
                {
                    MinCount = Math.Max(1, result.GetValue(clusterMinCount)),
                    ContextWords = Math.Max(1, result.GetValue(clusterContexts)),
                    Window = Math.Max(1, result.GetValue(clusterWindow)),
                    Dimensions = Math.Max(1, result.GetValue(clusterDimensions)),
                    Levels = result.GetValue(clusterLevels) is { } levels ? ParseClusterLevels(levels) : defaults.Clusters.Levels,
                },
            };
            if (result.GetValue(language) is { } code)
            {
                var folder = result.GetValue(corpora) ?? SharedFolders.Find("data", MultilingualNerData.FolderName)
                    ?? throw new UserError($"no shared data/{MultilingualNerData.FolderName} folder found above the working directory; give --corpora DIR.");
                var key = code.Trim().ToLowerInvariant();
                if (result.GetValue(foldWords) is { } fold)
                    options = options with { FoldedWordLanguages = fold ? [key] : [] };
                if (MultilingualNerData.For(EvalCommand.RequireDirectory(folder), key).Count == 0)
                    throw new UserError($"no corpus for language '{key}' in {folder} (folders named CORPUS-{key} holding val.txt).");
                NerTrainer.RunLanguage(EvalCommand.RequireDirectory(folder), key, result.GetValue(output) ?? Path.Combine("models", "ner", $"ner.{key}.model.gz"), Console.Out, options);
                return ExitCodes.Ok;
            }
            var files = result.GetValue(data) is { Length: > 0 } given ? given.Select(EvalCommand.RequireFile).ToArray()
                : throw new UserError("give --data FILE (English CoNLL training files) or --language LANG.");
            NerTrainer.Run(files, result.GetValue(output) ?? throw new UserError("give --out FILE for the model."), Console.Out, options);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A --cluster-text path that exists, or a user error that names it (the trainer would stop on it after reading the corpora).</summary>
    private static string ClusterTextPath(string path) =>
        File.Exists(path) || Directory.Exists(path) ? path
            : throw new UserError($"--cluster-text: '{path}' does not exist (a folder or file of prose; install the Debian package the model card names, or leave the option out).");

    /// <summary>"wikiann-ru=2" pairs as a corpus → visits map.</summary>
    private static Dictionary<string, int> ParseRepeats(string[] pairs)
    {
        var repeats = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !int.TryParse(pair.AsSpan(equals + 1), out var times) || times < 1)
                throw new UserError($"--repeat takes CORPUS=K with K a whole number from 1 (got '{pair}').");
            repeats[pair[..equals]] = times;
        }
        return repeats;
    }

    /// <summary>
    /// "64,256,1024" as three increasing cluster counts: three, because the word clusters' fourth level is the
    /// capitalisation prior (<see cref="ClusterBuilder"/>) and the tagger reads that level by its place.
    /// </summary>
    private static int[] ParseClusterLevels(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var counts = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], out counts[i]) || counts[i] < 2 || counts[i] > ushort.MaxValue)
                throw new UserError($"--cluster-levels takes whole numbers from 2 to {ushort.MaxValue} (got '{parts[i]}' in '{text}').");
        }
        if (counts.Length != 3 || counts[0] >= counts[1] || counts[1] >= counts[2])
            throw new UserError($"--cluster-levels takes three increasing cluster counts, coarse to fine, such as 64,256,1024 (got '{text}').");
        return counts;
    }

    private static Command PageTypes()
    {
        var dir = new Argument<string>("dir") { Description = "A benchmark directory whose meta.json gives each page's page_type (html/, ground-truth.json as for `eval extraction`)." };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true, HelpName = "FILE" };
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation (whole sites held out).", DefaultValueFactory = _ => PageTypeTrainer.DefaultFolds, HelpName = "N" };
        var cache = new Option<string?>("--cache") { Description = "Keep every page's features in this file between runs (recomputed when the features changed).", HelpName = "FILE" };
        var depth = new Option<int?>("--depth") { Description = "Depth of the trees (default: chosen by the cross-validation among 2 and 3).", HelpName = "N" };
        var rounds = new Option<int?>("--rounds") { Description = "Rounds of trees (default: chosen by the cross-validation among 50 to 300).", HelpName = "N" };
        var threshold = new Option<bool>("--article-threshold") { Description = "Choose and ship a threshold on the probability of article by cross-validation (nested in each fold for the figures; slower)." };
        var articleTrees = new Option<bool>("--article-trees")
        {
            Description = "Also fit article-or-not trees of their own that alone decide whether a page is an article, and print the figures of the rule that makes a page an article "
                + "when either set of trees does (site CV on WCXB dev: article vs not 0.937 and 0.932 against 0.934 without; not in the shipped model: the trees alone keep "
                + "more articles out of stories; see docs/BENCHMARKS.md).",
        };
        var articleMean = new Option<bool>("--article-mean")
        {
            Description = "Fit article-or-not trees too and decide article or not by the mean of their and the six-way trees' probabilities (with --article-threshold, against "
                + "a threshold chosen by cross-validation; see docs/BENCHMARKS.md, pagetype10).",
        };
        var articleWords = new Option<bool>("--article-words")
        {
            Description = "Also fit a logistic regression of article or not over the page's hashed words (address, title, headings, buttons, link texts, first lines; "
                + "inside each training fold) and average its probability of article with the trees' (see docs/BENCHMARKS.md, pagetype11).",
        };
        var chooseWords = new Option<bool>("--choose-words")
        {
            Description = "With --article-words: choose the regression's L2, passes, the fewest sites a word must be seen on and its share of the decision by a "
                + "cross-validation inside each training fold (see docs/BENCHMARKS.md, pagetype12).",
        };
        var wordMinSites = new Option<int>("--word-min-sites")
        {
            Description = "With --article-words: learn only the words seen on at least this many training sites.",
            DefaultValueFactory = _ => PageWordTrainer.Settings.Default.MinSites,
            HelpName = "N",
        };
        var wordL2 = new Option<double>("--word-l2")
        {
            Description = "With --article-words: the regression's L2 penalty.",
            DefaultValueFactory = _ => PageWordTrainer.Settings.Default.L2,
            HelpName = "X",
        };
        var split = new Option<int>("--split")
        {
            Description = "Which split of the sites into cross-validation folds to report (0, the default, is the one the figures quote; others tell a gain from one split's luck).",
            HelpName = "N",
        };
        var errors = new Option<string?>("--errors") { Description = "Write the pages the cross-validation typed wrong to this file (tab-separated).", HelpName = "FILE" };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Write every page's held-out type and the six-way trees' probability of each type (and the article-or-not trees' probability of article, when fitted; "
                + "with --article-words, the words' probability of article and the share of the page's words the regression knows) to this file (tab-separated).",
            HelpName = "FILE",
        };
        var briefs = new Option<bool>("--brief-copies")
        {
            Description = "Train also on a short news brief made of each article page (its head and address, its first three paragraphs cut to forty words), "
                + "in the folds that train on its site and in the shipped model; briefs are never scored. Needs a cache written with it (one without is recomputed).",
        };
        var briefWeight = new Option<string?>("--brief-weight")
        {
            Description = "With --brief-copies: what each brief weighs in the fits, a number (1, the default: as a page), or \"site:X\" for X shared among a site's briefs (site:1: a site's briefs weigh one page together).",
            HelpName = "X|site:X",
        };
        var briefModels = new Option<string>("--brief-models")
        {
            Description = "With --brief-copies: which models train on the briefs, \"all\" (the default) or \"article\" (the article-or-not trees and the words' regression, not the six-way trees).",
            DefaultValueFactory = _ => "all",
            HelpName = "all|article",
        };
        briefModels.AcceptOnlyFromAmong("all", "article");
        var command = new Command("page-types", """
            Train the page-type model (article, forum, listing, product, service, documentation) on labelled
            pages: prints the accuracy of a cross-validation that holds out whole sites, then fits on every page.
            A page that cannot be read (a damaged .gz, a binary file) is named on stderr and left out; the model
            is trained on the others and written, and the exit code is 1.

            Example:  crosscheck train page-types ../shared/data/extraction-wcxb-dev --out src/Crosscheck.Extraction/PageTypes/page-types-model.txt
            """)
        { dir, output, folds, cache, depth, rounds, threshold, errors, predictions, articleTrees, articleMean, articleWords, chooseWords, wordMinSites, wordL2, split, briefs, briefWeight, briefModels };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var grid = PageTypeTrainer.Grid.Default;
            if (result.GetValue(depth) is { } fixedDepth) grid = grid with { Depths = [Math.Max(1, fixedDepth)] };
            if (result.GetValue(rounds) is { } fixedRounds) grid = grid with { Rounds = [Math.Max(1, fixedRounds)] };
            var skipped = new List<string>();
            var scores = PageTypeTrainer.Run(EvalCommand.RequireDirectory(result.GetValue(dir)!), result.GetValue(output)!, Math.Max(2, result.GetValue(folds)), Console.Out,
                result.GetValue(cache), grid, result.GetValue(threshold), result.GetValue(errors), articleModel: result.GetValue(articleTrees),
                foldSeed: result.GetValue(split), predictions: result.GetValue(predictions), articleByMean: result.GetValue(articleMean),
                words: result.GetValue(articleWords)
                    ? new PageTypeTrainer.WordFitting(PageWordTrainer.Settings.Default with { MinSites = Math.Max(1, result.GetValue(wordMinSites)), L2 = Math.Max(0, result.GetValue(wordL2)) }, result.GetValue(chooseWords))
                    : null,
                briefs: result.GetValue(briefs), briefFitting: BriefFitting(result.GetValue(briefWeight), result.GetValue(briefModels)!), skipped: skipped);
            return EvalCommand.SkippedPages(skipped, $"not trained on: the figures and the model written are over the other {scores.Pages}");
        }));
        return command;
    }

    /// <summary>`--brief-weight` and `--brief-models` read: "0.2" each brief so, "site:1" one page's weight shared among a site's briefs.</summary>
    public static PageTypeTrainer.BriefFitting BriefFitting(string? weight, string models)
    {
        var perSite = weight is not null && weight.StartsWith("site:", StringComparison.Ordinal);
        var number = perSite ? weight![5..] : weight ?? "1";
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || !double.IsFinite(value))
            throw new UserError($"--brief-weight takes a number above 0 or site:X (got {weight}).");
        return new PageTypeTrainer.BriefFitting(value, perSite, SixWay: models != "article");
    }

    private static Command AttributionCues()
    {
        var defaults = new CueTrainerOptions();
        var dir = new Argument<string>("dir") { Description = "A PolNeAR-style directory with text/ and attributions/ (its train split)." };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true, HelpName = "FILE" };
        var folds = new Option<string>("--folds")
        {
            Description = "Train on these folds of the directory's articles (as `eval attribution --fold K/N` numbers them), comma-separated.",
            DefaultValueFactory = _ => string.Join(',', defaults.Folds),
            HelpName = "K,K,...",
        };
        var of = new Option<int>("--of") { Description = "How many folds the articles are cut into.", DefaultValueFactory = _ => defaults.FoldCount, HelpName = "N" };
        var threshold = new Option<double>("--threshold") { Description = "The probability from which a word is taken for a cue.", DefaultValueFactory = _ => defaults.Threshold, HelpName = "P" };
        var minStem = new Option<int>("--min-stem-count") { Description = "Score only words whose stem headed an annotated cue this many times.", DefaultValueFactory = _ => defaults.MinStemCount, HelpName = "N" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training words.", DefaultValueFactory = _ => defaults.Epochs, HelpName = "N" };
        var stemMargin = new Option<double>("--stem-margin")
        {
            Description = "Keep scoring a stem only when one of its training words scored at least the threshold minus this (1: every stem; the shipped model: -0.05 at threshold 0.45, the stems reaching 0.5).",
            DefaultValueFactory = _ => defaults.StemMargin,
            HelpName = "P",
        };
        var command = new Command("attribution-cues", """
            Train the learned cue detector of the quote recogniser (the LearnedCue rule) on folds of PolNeAR train:
            the words the cue table does not list that head an annotated cue. Keep a fold out to measure it with
            `crosscheck eval attribution DIR --fold K/N --cue-model FILE`.

            Example:  crosscheck train attribution-cues ../shared/data/attribution-polnear/train --folds 1,2,3,4 --threshold 0.45 --stem-margin -0.05 --out models/attribution/cues.model.gz
            """)
        { dir, output, folds, of, threshold, minStem, epochs, stemMargin };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var count = result.GetValue(of);
            var chosen = result.GetValue(folds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => int.TryParse(k, CultureInfo.InvariantCulture, out var fold) && fold >= 1 && fold <= count ? fold : throw new UserError($"--folds: '{k}' is no fold of 1..{count}"))
                .ToArray();
            var options = defaults with
            {
                Folds = chosen,
                FoldCount = count,
                Threshold = result.GetValue(threshold),
                MinStemCount = result.GetValue(minStem),
                Epochs = result.GetValue(epochs),
                StemMargin = result.GetValue(stemMargin),
            };
            CueTrainer.Run(EvalCommand.RequireDirectory(result.GetValue(dir)!), result.GetValue(output)!, options, Console.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
