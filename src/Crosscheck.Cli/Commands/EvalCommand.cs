using System.CommandLine;
using Crosscheck.Annotation;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Evaluation.Quotes;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Evaluation.Extraction;
using Crosscheck.Annotation.Quantities;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Cli.Commands;

/// <summary>`eval ...`: quality on public data, with the metric of the published figures (../shared/data/README.md).</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure quality on evaluation data with the same metric as the published figures.");
        command.Subcommands.Add(Seeds());
        command.Subcommands.Add(Extraction());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(Clustering());
        command.Subcommands.Add(Attribution());
        command.Subcommands.Add(Quantities());
        command.Subcommands.Add(Similarity());
        command.Subcommands.Add(EventsEval.Create());
        return command;
    }

    private static Command Seeds()
    {
        var expected = new Option<string?>("--expected")
        {
            Description = "The expectations file (default: shared/seeds/expected.json found from the working directory up).",
            HelpName = "FILE",
        };
        var db = new Option<string?>("--db") { Description = "Score the stories of this database instead of ingesting the seed articles next to --expected into a temporary one.", HelpName = "FILE" };
        var command = new Command("seeds", """
            Score the seed articles' dossier against expected.json: prints every miss and a last line
            `seeds: N/M expectations held`.

            Example:  crosscheck eval seeds --expected ../shared/seeds/expected.json
            """)
        { expected, db };
        command.SetAction(result => CommandRunner.Run(() => SeedsEval.Run(result.GetValue(expected), result.GetValue(db), Console.Out)));
        return command;
    }

    private static Command Similarity()
    {
        var dir = new Argument<string>("dir") { Description = "A directory holding articles.jsonl (Crosscheck JSONL; the last segment of each url is its id) and pairs.tsv (pair_id ID1_ID2, lang1, lang2, Overall)." };
        var db = new Option<string?>("--db") { Description = "Ingest into this database (kept afterwards) instead of a temporary one.", HelpName = "FILE" };
        var command = new Command("similarity", """
            Same-story quality on rated article pairs: the articles are ingested into a fresh store and a pair is
            predicted "same story" when both articles end in one story. Overall <= 1.5 is the same story, >= 2.5
            different, pairs in between are left out. Prints precision, recall and F1 for same-language and
            cross-language pairs (all pairs, the training part and the held-out part, about one pair in five
            by a hash of its id), then per language pair.

            Example:  crosscheck eval similarity ../shared/data/similarity-semeval2022
            """)
        { dir, db };
        var tune = new Option<bool>("--tune") { Description = "Cluster the documents of --db (an earlier run's store) again under a grid of settings and print each setting's scores on the training pairs only (choose there; the held-out pairs are for the plain run), then the defaults' false and missed joins per language pair of the training pairs." };
        command.Options.Add(tune);
        var orders = new Option<int>("--orders") { HelpName = "N", Description = "With --tune: also cluster each setting in this many shuffled orders (seeds 1..N) and print the mean F1 and its range; the online clustering's figure moves with arrival order, and articles.jsonl lists each rated pair's two articles together." };
        command.Options.Add(orders);
        var defaultsOnly = new Option<bool>("--defaults-only") { Description = "With --tune: cluster the defaults alone instead of the whole grid (with --orders, to compare two ingests' stores)." };
        command.Options.Add(defaultsOnly);
        var grid = new Option<string>("--grid") { HelpName = "GRID", Description = "With --tune: the settings tried, lifts (the cross-language lifts, the default) or lift-neighbours (each lift one step from the defaults) or lift-steps (the two gaining steps together) or story-joins (the defaults against the earlier ones, three shared names across languages and no closest member required; each change alone; two-article split sides) or story-refine (simil12: lone-article merges guarded, an average link, the settle's re-placement) or story-refine2 (its round 2: the re-placement in turn, at other shares and margins) or name-join (simil13: the settle's name join for an analysed language always, never within one such language or never, each with and without the re-placement) or chinese-gloss (simil15: Chinese character pairs glossed into English terms, x0.5, x1, x2) or chinese-gloss2 (its round 2: x3, x4) or chinese-gloss3 (round 3, the glossary keyed by character pairs: x2, x3) or member-link (a story's closest member beside its profile) or han-names (sound keys of names Chinese writes in Han) or same-language-weights (channel weights of their own for two sides of one analysed language) or fitted-weights (the same-language weights as scripts/similarity-pair-fit.py fitted them on the training pairs, alone and with the threshold the fit implies) or cross-han (pairs across Han and other scripts scored up, with and without Han name keys) or template-pages (simil17: template pages, such as a cookie notice two pages share under their own headlines, kept out of the stories as by default, and placed as any page) or short-sides (simil20: a short side's lowered join threshold under 30 terms, without a guard and with one or two shared names, after the short sides off) or short-side-titles (simil21: that join guarded by a shared term of the short side's own title carried by at most 3 or 10 documents, with two shared names as the other way through and alone).", DefaultValueFactory = _ => "lifts" };
        command.Options.Add(grid);
        var errors = new Option<bool>("--errors") { Description = "With --tune: also classify the defaults' wrong training pairs in every order (missed though the two alone join, missed across scripts, with a short side, under the threshold; joined on their own or through the story)." };
        command.Options.Add(errors);
        var pairScores = new Option<string?>("--pair-scores") { HelpName = "FILE", Description = "With --tune: also write the defaults' judged training pairs to this TSV file: in how many orders each pair's two articles were joined, and how the clusterer scores the two alone, channel by channel, against their threshold (for offline analysis; held-out pairs are left out)." };
        command.Options.Add(pairScores);
        var joinedPairs = new Option<string?>("--joined-pairs")
        {
            HelpName = "FILE",
            Description = "With --tune: also write the judged training pairs (held-out pairs are left out) that the defaults put in one story, true joins and false, in each order "
                + "clustered, to this TSV file, one row per pair and order, with the join that last put the pair's two articles in one story. Columns: "
                + "order (0: the ingest order; 1..N: the shuffled orders of --orders); pair_id, lang1, lang2 (as in pairs.tsv); same_story (1: rated one story, a true join; 0: a false join); "
                + "joins_alone (1: the two articles alone reach their threshold); kind (placement, copy placement, merge after placement, recheck, settle lone, settle merge; "
                + "moved: put together by a split, repartition or re-placement, with no earlier join between them); step (the arrival the join was made at, from 1; settle: "
                + "at the end-of-batch settle; -: moved); into_size, joining_size (articles in the story joined into and in the side joining it; 0: moved); "
                + "score (the score the join was decided by: the two sides' similarity, or the member link's when a story's closest member decided it, "
                + "ClusteringOptions.MemberLinkWeight, off by default; 0: moved); pair_article_alone (1: the joining side was one of the pair's articles alone).",
        };
        command.Options.Add(joinedPairs);
        command.SetAction(result => CommandRunner.Run(() => result.GetValue(tune)
            ? SimilarityEval.Tune(result.GetValue(dir)!, result.GetValue(db) ?? throw new UserError("--tune needs --db FILE"), Console.Out,
                result.GetValue(orders) is var n and >= 0 ? n : throw new UserError("--orders must be 0 or more"), result.GetValue(defaultsOnly),
                result.GetValue(grid)!, result.GetValue(errors), result.GetValue(pairScores), result.GetValue(joinedPairs))
            : SimilarityEval.Run(result.GetValue(dir)!, result.GetValue(db), Console.Out, FirstGiven(result, orders, defaultsOnly, grid, errors, pairScores, joinedPairs))));
        return command;
    }

    /// <summary>The name of the first of <paramref name="options"/> given on the command line (a default does not count); null when none was.</summary>
    private static string? FirstGiven(System.CommandLine.ParseResult result, params Option[] options) =>
        options.FirstOrDefault(option => result.GetResult(option) is { Implicit: false })?.Name;

    private static Command Extraction()
    {
        var dir = new Argument<string>("dir") { Description = "A directory holding html/<id>.html or html/<id>.html.gz, ground-truth.json (id -> {articleBody}) and optionally meta.json (id -> {page_type, with, without})." };
        var output = CommonOptions.Out("the predictions as {id: {\"articleBody\": ...}}");
        var command = new Command("extraction", """
            Article-body extraction quality, ours and SmartReader's on the same pages: token 4-gram shingle
            precision, recall and F1 (the F1 of the means over pages); the word-level F1 of WCXB (lowercased
            \w+ tokens, multiset overlap, P/R/F1 per page averaged over pages), per page type when meta.json
            gives types; the shares of must-have and must-not-have snippets found; and the count of empty
            outputs on pages whose reference has 50 words or more. A page that is missing or cannot be read
            (a damaged .gz, a binary file) is named on stderr and left out; the others are scored, and the
            exit code is 1.

            --half even|odd scores one half of the pages, split by the parity of the last byte of the MD5 of the
            page id (UTF-8): extraction rules are chosen on the even half, and the odd half is the held-out check.

            Examples: crosscheck eval extraction ../shared/data/extraction-aeb-dev
                      crosscheck eval extraction ../shared/data/extraction-wcxb-dev --half even
                      crosscheck eval extraction ../shared/data/extraction-wcxb-dev --held-out-page-types
            """)
        { dir, output };
        var half = HalfOption("Score only the even or the odd half of the pages");
        command.Options.Add(half);
        var heldOutTypes = new Option<bool>("--held-out-page-types")
        {
            Description = "Type each labelled page by a page-type model fitted without its site (the site-held-out cross-validation of `train page-types`), "
                + "so the rules that depend on the page's type are scored as on an unseen site; the shipped model has seen every WCXB dev page. Takes a minute longer.",
        };
        command.Options.Add(heldOutTypes);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var pages = ParseHalf(result.GetValue(half));
            var directory = RequireDirectory(result.GetValue(dir)!);
            var evaluation = result.GetValue(heldOutTypes)
                ? Crosscheck.Training.PageTypeTrainer.EvaluateExtraction(directory, pages)
                : ExtractionEvaluator.Evaluate(directory, pages);
            if (pages != BenchmarkHalf.All) Console.Out.WriteLine($"pages: the {pages.ToString().ToLowerInvariant()} half (last byte of MD5(page id) {(pages == BenchmarkHalf.Even ? "even" : "odd")})");
            EvalReports.Write(evaluation, Console.Out);
            WritePredictions(result.GetValue(output), path => ExtractionEvaluator.WritePredictions(evaluation.Predictions, path));
            return SkippedPages(evaluation.Skipped, $"not scored: the figures above are over the other {evaluation.Predictions.Count}");
        }));
        return command;
    }

    /// <summary>
    /// The pages a benchmark run could not read, one line each on stderr as ingest names a bad file ("error: FILE: problem"),
    /// then what that cost (<paramref name="cost"/>, e.g. "not scored: the figures above are over the other 49") and the fix;
    /// exit code 1 when there are any: the figures (or the model) are over the pages read, not the benchmark's. <paramref name="labels"/>
    /// is the file that lists the pages read (a stories folder's gold.json).
    /// </summary>
    internal static int SkippedPages(IReadOnlyList<string> skipped, string cost, string labels = "ground-truth.json")
    {
        if (skipped.Count == 0) return ExitCodes.Ok;
        foreach (var note in skipped) Console.Error.WriteLine($"error: {OneLine.Of(note)}");
        Console.Error.WriteLine($"{skipped.Count} page(s) {cost}; restore the files named (fetch the benchmark again) or remove their ids from {labels}");
        return ExitCodes.BadInput;
    }

    private static Command Ner()
    {
        var file = new Argument<string>("file") { Description = "A CoNLL-format file (token ... tag per line, blank lines between sentences)." };
        var output = CommonOptions.Out("`token gold predicted` per line");
        var language = CommonOptions.Language(
            "The file's language (ISO 639-1: de, es, fr, ...): the shipped model of that language tags it, or the fallback where none is shipped. Default: English.");
        var model = new Option<string?>("--model") { Description = "A model file written by `crosscheck train ner` instead of the shipped model.", HelpName = "FILE" };
        var command = new Command("ner", """
            Named-entity quality, entity-level precision/recall/F1 per type and overall (the conlleval way), and tokens/s.
            A validation file of ner-multilingual that is also training data (no train.txt beside it: WikiNEuRal) is
            scored on its held-out part only; types a file never annotates (WikiANN has no MISC) are not scored.

            Examples: crosscheck eval ner ../shared/data/ner/conll2003/valid.txt
                      crosscheck eval ner ../shared/data/ner-multilingual/conll2002-es/val.txt --language es
            """)
        { file, output, language, model };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var modelFile = result.GetValue(model) is { } path ? RequireFile(path) : null;
            var evaluation = NerEvaluator.Evaluate(RequireFile(result.GetValue(file)!), modelFile, language: result.GetValue(language));
            EvalReports.Write(evaluation, Console.Out);
            WritePredictions(result.GetValue(output), path => NerEvaluator.WritePredictions(evaluation, path));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Clustering()
    {
        var input = new Argument<string>("input")
        {
            Description = "JSONL with {id, event, text[, published, title]} per line, or a folder of story labels for web pages (gold.json; pages in html/ there or in the sibling extraction-* folder).",
        };
        var output = CommonOptions.Out("the assignment as {id: story_id}");
        var batch = new Option<int>("--batch")
        {
            Description = "Feed the articles as successive ingests of N, each ending with the end-of-batch re-checks (0: one batch).",
            HelpName = "N",
        };
        var order = new Option<string>("--order")
        {
            Description = "Arrival order: `file` (default; for a folder, ingest's order by date) or `random:SEED`, a reproducible shuffle.",
            HelpName = "ORDER",
            DefaultValueFactory = _ => "file",
        };
        var pageType = new Option<string?>("--page-type")
        {
            Description = "For a folder of pages without story labels: only the pages of this type in its meta.json (e.g. article).",
            HelpName = "TYPE",
        };
        var half = HalfOption("For a folder of pages without story labels: only the even or the odd half of the pages");
        var grid = new Option<string?>("--grid")
        {
            Description = "Cluster the input once under each setting of an `eval similarity --tune` grid (e.g. short-sides) and print each one's scores, "
                + "then the false pairs a setting has that the first setting has not, and those it no longer has (each page is read once).",
            HelpName = "GRID",
        };
        var stored = new Option<bool>("--stored")
        {
            Description = "Save each batch's story state to a temporary SQLite store and place the next batch with a new clusterer reading it back, as separate ingest runs do (default: one clusterer in memory).",
        };
        var command = new Command("clustering", """
            Story clustering quality: the articles are clustered online as they arrive; prints B-cubed and
            pairwise precision/recall/F1 against the gold stories, the predicted and false pairs, and articles/s.
            A folder of story labels (gold.json) is scored on its pages, extracted and annotated as ingest does.
            A folder of pages without labels (an extraction benchmark: html/, ground-truth.json, meta.json) is a
            stream of unrelated pages, each its own story: every predicted pair is a probable false join.
            A page that cannot be read (a damaged .gz, a binary file, a labelled page with no file) is named on
            stderr and left out; the others are clustered and scored, and the exit code is 1.

            Examples: crosscheck eval clustering ../shared/data/clustering-ecbplus-dev/documents.jsonl --batch 20 --order random:1
                      crosscheck eval clustering ../shared/data/stories-aeb-dev
                      crosscheck eval clustering ../shared/data/extraction-wcxb-dev --page-type article --half even
            """)
        { input, output, batch, order, pageType, half, grid, stored };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var path = result.GetValue(input)!;
            using var temporary = result.GetValue(stored) ? new TemporaryStore() : null;
            var stream = new ClusteringStream(ParseBatch(result.GetValue(batch)), ParseOrder(result.GetValue(order)!)) { Store = temporary?.Store };
            var labelled = Directory.Exists(path) && File.Exists(Path.Combine(path, "gold.json"));
            // Under a grid each page or line is read and annotated once: the settings differ in the clustering alone.
            var texts = new Dictionary<string, Document>(StringComparer.Ordinal);
            var pages = new Dictionary<string, Document>(StringComparer.Ordinal);
            ClusteringEvaluation Evaluate(ClusteringOptions? options) => !Directory.Exists(path)
                ? ClusteringEvaluator.Evaluate(RequireFile(path), line => Once(texts, line.Id, () => Engine.AnnotateText(line.Id, line.Text, line.Published, line.Title)), options, stream)
                : labelled
                ? ClusteringEvaluator.EvaluatePages(path, page => Once(pages, page.Id, () => Engine.Processor.Process(page)), options, stream)
                : ClusteringEvaluator.EvaluateUnrelatedPages(path, page => Once(pages, page.Id, () => Engine.Processor.Process(page)), result.GetValue(pageType), ParseHalf(result.GetValue(half)), options, stream);
            if (result.GetValue(grid) is { } gridName)
            {
                ClusteringEvaluation? first = null;
                foreach (var (name, options) in SimilarityEval.GridOf(gridName))
                {
                    var setting = Evaluate(options);
                    Console.WriteLine(EvalReports.Format(setting.Scores, $"{path} ({stream}), {name}"));
                    first ??= setting;
                    foreach (var (a, b) in setting.FalsePairs.Except(first.FalsePairs)) Console.WriteLine($"  false pair the first setting has not: {a} {b}");
                    foreach (var (a, b) in first.FalsePairs.Except(setting.FalsePairs)) Console.WriteLine($"  false pair of the first setting this one has not: {a} {b}");
                }
                return ExitCodes.Ok;
            }
            var evaluation = Evaluate(null);
            Console.WriteLine(EvalReports.Format(evaluation.Scores, $"{path} ({stream})"));
            // On a folder of mostly lone pages each false pair is worth reading; on a corpus of look-alike events they are too many.
            if (evaluation.FalsePairs.Count <= 20)
            {
                foreach (var (first, second) in evaluation.FalsePairs) Console.WriteLine($"  false pair: {first} {second}");
            }
            WritePredictions(result.GetValue(output), outPath => ClusteringEvaluator.WritePredictions(evaluation.Predicted, outPath));
            return SkippedPages(evaluation.Skipped, $"not clustered: the figures above are over the other {evaluation.Predicted.Count}", labelled ? "gold.json" : "ground-truth.json");
        }));
        return command;
    }

    /// <summary>The document made for <paramref name="id"/>, made by <paramref name="make"/> the first time only.</summary>
    private static Document Once(Dictionary<string, Document> made, string id, Func<Document> make)
    {
        if (!made.TryGetValue(id, out var document)) made[id] = document = make();
        return document;
    }

    /// <summary>`--half even|odd`: one half of a benchmark's pages, split as <see cref="BenchmarkHalf"/> says (read back by <see cref="ParseHalf"/>).</summary>
    private static Option<string?> HalfOption(string what)
    {
        var half = new Option<string?>("--half")
        {
            Description = what + " (by the last byte of MD5(page id)); default all pages.",
            HelpName = "even|odd",
        };
        half.AcceptOnlyFromAmong("even", "odd");
        return half;
    }

    private static BenchmarkHalf ParseHalf(string? half) => half switch
    {
        "even" => BenchmarkHalf.Even,
        "odd" => BenchmarkHalf.Odd,
        _ => BenchmarkHalf.All,
    };

    public static int ParseBatch(int batch) => batch >= 0 ? batch : throw new UserError($"--batch {batch}: expected 0 (one batch) or a positive size");

    /// <summary>`file` keeps the input order (null seed); `random:SEED` shuffles with that integer seed.</summary>
    public static int? ParseOrder(string order)
    {
        if (order == "file") return null;
        const string random = "random:";
        if (order.StartsWith(random, StringComparison.Ordinal)
            && int.TryParse(order[random.Length..], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }
        throw new UserError($"--order {order}: expected `file` or `random:SEED` (an integer seed)");
    }

    private static Command Attribution()
    {
        var dir = new Argument<string>("dir") { Description = "A PolNeAR-style directory with text/ and attributions/." };
        var output = CommonOptions.Out("one JSON line per found attribution");
        var fold = new Option<string?>("--fold")
        {
            Description = "Score only fold K of N of the directory's articles (article i, in file-name order, is in fold i mod N + 1): a fold of train the rules were not chosen on.",
            HelpName = "K/N",
        };
        var folds = new Option<int>("--folds")
        {
            Description = "Score each of N folds apart, from one pass over the articles (cross-validation inside a training split).",
            HelpName = "N",
        };
        var without = new Option<string[]>("--without")
        {
            Description = $"Switch a speaker rule or an attribution rule off to measure what it does (repeatable): {string.Join(", ", Enum.GetNames<SpeakerRuleName>())}; " +
                $"or an attribution rule ({string.Join(", ", Enum.GetNames<AttributionRule>())}).",
            HelpName = "RULE",
            AllowMultipleArgumentsPerToken = false,
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Also print, per attribution rule and per cue (with its flags), how many attributions it found and how many match gold: which rule makes the wrong ones.",
        };
        var cues = new Option<string>("--cues")
        {
            Description = "Add the cues of this file (one a line, \"form\" or \"form<TAB>flags\" as in Quotes/Data/cues.txt) to the listed ones, to measure a cue list before listing it.",
            HelpName = "FILE",
        };
        var cueModel = new Option<string>("--cue-model")
        {
            Description = "Use this learned cue model (`crosscheck train attribution-cues`) instead of the shipped one, to measure a model trained without the scored fold.",
            HelpName = "FILE",
        };
        var cueThreshold = new Option<double?>("--cue-threshold") { Description = "Take a word for a learned cue from this probability on (default: the model's own).", HelpName = "P" };
        var command = new Command("attribution", """
            Attribution (quote and reported speech) quality: content and content+source P/R/F1, over all
            attributions and over direct quotes. Choose rules on folds of train; run dev only to report.

            Examples: crosscheck eval attribution ../shared/data/attribution-polnear/train --folds 5
                      crosscheck eval attribution ../shared/data/attribution-polnear/train --fold 5/5
                      crosscheck eval attribution ../shared/data/attribution-polnear/train --fold 5/5 --explain
                      crosscheck eval attribution ../shared/data/attribution-polnear/dev
            """)
        { dir, output, fold, folds, without, explain, cues, cueModel, cueThreshold };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var path = RequireDirectory(result.GetValue(dir)!);
            var names = result.GetValue(without) ?? [];
            var disabledAttributionRules = names.Where(IsAttributionRule).Select(name => Enum.Parse<AttributionRule>(name, ignoreCase: true)).ToHashSet();
            var disabledSpeakerRules = names.Where(name => !IsAttributionRule(name)).Select(ParseSpeakerRule).ToHashSet();
            var extraCues = result.GetValue(cues) is { } cueFile ? File.ReadAllLines(RequireFile(cueFile)) : [];
            var learnedCues = result.GetValue(cueModel) is { } modelFile ? LoadCueModel(RequireFile(modelFile)) : LearnedCueModel.Shipped;
            if (result.GetValue(cueThreshold) is { } probability) learnedCues = learnedCues?.WithThreshold(probability);
            var pipeline = names.Length == 0 && extraCues.Length == 0 && ReferenceEquals(learnedCues, LearnedCueModel.Shipped) ? Engine.Annotation
                : AnnotationPipeline.Create(new QuoteOptions
                {
                    DisabledSpeakerRules = disabledSpeakerRules, DisabledAttributionRules = disabledAttributionRules, ExtraCues = extraCues, LearnedCues = learnedCues,
                });
            Document Annotate(string text) => Engine.AnnotateText(pipeline, "text", text);
            var count = result.GetValue(folds);
            if (count != 0)
            {
                if (count < 2) throw new UserError($"--folds {count}: expected 2 or more");
                var perFold = AttributionEvaluator.EvaluateFolds(path, Annotate, count);
                WritePredictions(result.GetValue(output), outPath => AttributionEvaluator.WriteFound(perFold.SelectMany(f => f.Found), outPath), quiet: true);
                for (var k = 0; k < perFold.Count; k++)
                {
                    Console.WriteLine($"fold {k + 1}/{count}");
                    EvalReports.Write(perFold[k], Console.Out);
                    if (result.GetValue(explain)) EvalReports.WriteExplanation(perFold[k], Console.Out);
                }
                return ExitCodes.Ok;
            }
            var only = result.GetValue(fold) is { } text ? Fold.Parse(text) ?? throw new UserError($"--fold {text}: expected K/N with 1 <= K <= N and N >= 2") : (Fold?)null;
            var evaluation = AttributionEvaluator.Evaluate(path, Annotate, only);
            WritePredictions(result.GetValue(output), outPath => AttributionEvaluator.WriteFound(evaluation.Found, outPath), quiet: true);
            EvalReports.Write(evaluation, Console.Out);
            if (result.GetValue(explain)) EvalReports.WriteExplanation(evaluation, Console.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static LearnedCueModel LoadCueModel(string path)
    {
        using var stream = File.OpenRead(path);
        return LearnedCueModel.Load(stream);
    }

    private static bool IsAttributionRule(string name) => Enum.TryParse<AttributionRule>(name, ignoreCase: true, out var rule) && Enum.IsDefined(rule) && !int.TryParse(name, out _);

    private static SpeakerRuleName ParseSpeakerRule(string name) =>
        Enum.TryParse<SpeakerRuleName>(name, ignoreCase: true, out var rule) && Enum.IsDefined(rule) && !int.TryParse(name, out _)
            ? rule
            : throw new UserError($"--without {name}: no such rule; the speaker rules are {string.Join(", ", Enum.GetNames<SpeakerRuleName>())}, " +
                $"the attribution rules {string.Join(", ", Enum.GetNames<AttributionRule>())}");

    private static Command Quantities()
    {
        var file = new Argument<string>("file") { Description = "A JSONL file of sentences with hand-annotated quantities (format: data/quantities/README.md)." };
        var split = new Option<string>("--split")
        {
            Description = "Which sentences to score: train (for choosing rules), dev (report only) or all.",
            HelpName = "SPLIT",
            DefaultValueFactory = _ => "train",
        };
        var without = new Option<string[]>("--without")
        {
            Description = "Leave these rules of the quantity rule table out (names as `--misses` prints them), to measure what a rule does.",
            HelpName = "RULE",
            AllowMultipleArgumentsPerToken = true,
        };
        var misses = new Option<bool>("--misses") { Description = "Also print, per sentence, the gold quantities not found and the found ones not in the gold (with the rule that made them)." };
        var command = new Command("quantities", """
            Quantity recognition quality: value F1 (the same number, or the same low and high of a range) and
            value+unit F1 (and the same normalised unit), with recall per gold kind.

            Examples: crosscheck eval quantities data/quantities/news-quantities.jsonl --split dev
                      crosscheck eval quantities data/quantities/news-quantities.jsonl --without score --misses
            """)
        { file, split, without, misses };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var chosen = result.GetValue(split)!;
            if (chosen is not ("train" or "dev" or "all")) throw new UserError($"--split {chosen}: expected train, dev or all");
            var left = result.GetValue(without) ?? [];
            var known = QuantityRecognizer.RuleNames;
            if (left.FirstOrDefault(name => !known.Contains(name)) is { } unknown) throw new UserError($"--without {unknown}: no such rule (rules: {string.Join(", ", known)})");
            // Without a rule, the quantities are found again over the annotated document by a recogniser that leaves it out.
            var recognizer = left.Length == 0 ? null : new QuantityRecognizer(new QuantityOptions { Without = left.ToHashSet() });
            var evaluation = QuantityEvaluator.Evaluate(RequireFile(result.GetValue(file)!), chosen, text =>
            {
                var document = Engine.AnnotateText("text", text);
                recognizer?.Process(document);
                return document;
            });
            EvalReports.Write(evaluation, Console.Out, result.GetValue(misses));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new UserError($"{path}: no such file");

    public static string RequireDirectory(string path) =>
        Directory.Exists(path) ? path : throw new UserError($"{path}: no such directory");

    /// <summary>Writes the predictions when <c>--out</c> asked for them, and says where (unless the report that follows says it).</summary>
    private static void WritePredictions(string? path, Action<string> write, bool quiet = false)
    {
        if (path is null) return;
        write(path);
        if (!quiet) Console.WriteLine($"predictions written to {path}");
    }
}

/// <summary>A SQLite store in a temporary folder, deleted with it (<c>eval clustering --stored</c>).</summary>
internal sealed class TemporaryStore : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-eval-store-").FullName;

    public TemporaryStore() => Store = Crosscheck.Storage.Sqlite.SqliteStore.Open(Path.Combine(_dir, "stories.db"));

    public Crosscheck.Storage.Sqlite.SqliteStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
