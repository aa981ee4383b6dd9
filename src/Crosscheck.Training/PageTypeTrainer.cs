using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Evaluation.Extraction;
using Crosscheck.Extraction;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Training;

/// <summary>
/// One labelled page: its features, its true type, the site it is from (folds never split a site) and its hashed words (<see cref="PageWords"/>) when read.
/// A brief (<see cref="PageTypeTrainer.BriefOf"/>) is a training page made of an article of the same site: it trains a fold's models, never scores one.
/// <paramref name="Weight"/> scales the page's share of every fit (its gradient and curvature in the trees, its step in the words' regression);
/// <paramref name="SixWay"/> false keeps it out of the six-way trees (it then trains only the article-or-not trees and the words).
/// </summary>
public sealed record PageTypeSample(string Id, string Site, double[] Features, PageType Type, PageWordVector? Words = null, double Weight = 1, bool SixWay = true)
{
    public bool Brief => Id.EndsWith(PageTypeTrainer.BriefSuffix, StringComparison.Ordinal);
}

/// <summary>
/// Trains the page-type model (<see cref="PageTypeModel"/>): gradient-boosted trees (<see cref="PageTypeBooster"/>)
/// over the features <see cref="PageSignals"/> reads from each page of a labelled benchmark directory (meta.json
/// page_type). Cross-validation holds out whole sites, so a site's templates never sit on both sides. The trees'
/// depth and number of rounds are chosen by a cross-validation inside each training fold (nested), so the reported
/// held-out figures are untouched by the choice; the shipped model is then fitted on every page with the settings
/// the same cross-validation over every page chooses. Optionally article or not is decided by trees of its own
/// (<see cref="PageTypeModel.Article"/>), chosen the same way.
/// </summary>
public static partial class PageTypeTrainer
{
    public const int DefaultFolds = 5;

    /// <summary>The folds inner cross-validations (choosing settings and the article threshold inside a training fold) use.</summary>
    public const int InnerFolds = 3;

    /// <summary>The settings tried: every depth with every number of rounds (one fit per depth scores every shorter length).</summary>
    public sealed record Grid(IReadOnlyList<int> Depths, IReadOnlyList<int> Rounds)
    {
        public static Grid Default { get; } = new([2, 3], [50, 100, 150, 200, 300]);
    }

    /// <summary>
    /// How briefs (<see cref="BriefOf"/>) are trained on: each with <paramref name="Weight"/>, or (<paramref name="PerSite"/>) with
    /// <paramref name="Weight"/> shared among its site's briefs, so a site's briefs together weigh as that many pages; with
    /// <paramref name="SixWay"/> false only the article-or-not trees and the words' regression train on them, not the six-way trees.
    /// </summary>
    public sealed record BriefFitting(double Weight = 1, bool PerSite = false, bool SixWay = true)
    {
        /// <summary>pagetype16's briefs: each weighs as a page and trains every model.</summary>
        public static BriefFitting Full { get; } = new();

        /// <summary>The samples with every brief weighted and marked so; other pages unchanged.</summary>
        public List<PageTypeSample> Apply(IReadOnlyList<PageTypeSample> samples)
        {
            var briefsOfSite = samples.Where(s => s.Brief).GroupBy(s => s.Site, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return [.. samples.Select(s => s.Brief ? s with { Weight = PerSite ? Weight / briefsOfSite[s.Site] : Weight, SixWay = SixWay } : s)];
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{(PerSite ? $"a site's briefs weighing {Weight:0.###} page{(Weight == 1 ? "" : "s")} together" : $"each brief weighing {Weight:0.###} page")}{(SixWay ? "" : ", in the article-or-not trees and the words only")}");
    }

    /// <summary>The id ending of a brief made of an article page (<see cref="BriefOf"/>).</summary>
    public const string BriefSuffix = "#brief";

    /// <summary>
    /// Extracts every labelled page of a benchmark directory and keeps its features and type; with <paramref name="briefs"/>,
    /// each article page also gives a brief of itself (<see cref="BriefOf"/>), typed article, of the same site. A labelled page that
    /// has no file or cannot be read (a damaged .gz, a binary file) is left out with a note in <paramref name="skipped"/> (<see cref="BenchmarkDirectory.Inputs"/>).
    /// </summary>
    public static List<PageTypeSample> Collect(string dir, bool briefs = false, ICollection<string>? skipped = null)
    {
        var extractor = new ArticleExtractor();
        var samples = new List<PageTypeSample>();
        static bool Labelled(BenchmarkPage page) => PageTypeInfo.Parse(page.Labels?.PageType) is not null;
        var loaded = BenchmarkDirectory.Load(dir);
        skipped ??= [];
        foreach (var missing in loaded.Missing.Where(Labelled)) skipped.Add(BenchmarkPages.Note(missing));
        foreach (var (page, input) in BenchmarkDirectory.Inputs(loaded.Pages.Where(Labelled), skipped))
        {
            var type = PageTypeInfo.Parse(page.Labels!.PageType)!.Value;
            var (_, features) = extractor.ExtractPage(input);
            if (features is null) continue;
            var site = Site(page.Url) ?? page.Id;
            samples.Add(new PageTypeSample(page.Id, site, features.Values, type, features.Words));
            if (!briefs || type != PageType.Article || BriefOf(Encoding.UTF8.GetString(input.Content), page.Truth) is not { } brief) continue;
            var (_, briefFeatures) = extractor.ExtractPage(input with { Id = page.Id + BriefSuffix, Content = Encoding.UTF8.GetBytes(brief) });
            if (briefFeatures is not null) samples.Add(new PageTypeSample(page.Id + BriefSuffix, site, briefFeatures.Values, type, briefFeatures.Words));
        }
        return samples;
    }

    /// <summary>Paragraphs a brief keeps, the words it keeps of each, and the fewest words a kept paragraph has.</summary>
    private const int BriefParagraphs = 3, BriefParagraphWords = 40, BriefLeastWords = 8;

    /// <summary>
    /// A short news brief made of an article page, as a crawl also brings them (a headline and two or three short
    /// paragraphs), where the benchmark's articles are long: the page's own head (title, meta) and address, and as body
    /// its title and the first three paragraphs of eight words or more of its reference text, each cut to forty words,
    /// in an article element. Null when the text has fewer than two such paragraphs. Trained on, the trees learn that
    /// an article's length and a few prices or links are no listing's or service's mark.
    /// </summary>
    internal static string? BriefOf(string html, string truth)
    {
        var paragraphs = truth.Split('\n').Select(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length >= BriefLeastWords).Take(BriefParagraphs)
            .Select(words => string.Join(' ', words.Take(BriefParagraphWords))).ToList();
        if (paragraphs.Count < 2) return null;
        var head = HeadElement().Match(html) is { Success: true } match ? match.Value : "<head></head>";
        var title = TitleElement().Match(head) is { Success: true } t ? WebUtility.HtmlDecode(t.Groups[1].Value).Trim() : "";
        static string encode(string text) => WebUtility.HtmlEncode(text);
        return $"<!DOCTYPE html><html>{head}<body><header><a href=\"/\">Home</a></header><main><article><h1>{encode(title)}</h1>"
            + string.Concat(paragraphs.Select(p => $"<p>{encode(p)}</p>")) + "</article></main><footer><a href=\"/about\">About</a></footer></body></html>";
    }

    [GeneratedRegex(@"<head[\s>].*?</head>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadElement();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();

    /// <summary>
    /// `eval extraction --held-out-page-types`: scores the extraction of <paramref name="dir"/> with every labelled page
    /// typed by a page-type model fitted without the page's site (the models of the site-held-out cross-validation
    /// `train page-types` reports, settings chosen inside each training fold), so the type-dependent extraction rules
    /// are scored on the types an unseen site's pages would get, not on the shipped model's own training pages. Each fold
    /// model is trained as the shipped one was: with an article threshold and article-or-not trees when it has them.
    /// </summary>
    public static ExtractionEvaluation EvaluateExtraction(string dir, BenchmarkHalf half, int folds = DefaultFolds) =>
        ExtractionEvaluator.Evaluate(dir, half, FoldModelsLike(PageTypeModel.Default, Collect(dir), folds, Grid.Default));

    /// <summary>
    /// Each sample's model of the site-held-out cross-validation, every fold model fitted as <paramref name="shipped"/>
    /// was: with a nested article threshold when it has one, with article-or-not trees when it has them.
    /// </summary>
    internal static Dictionary<string, PageTypeModel> FoldModelsLike(PageTypeModel shipped, IReadOnlyList<PageTypeSample> samples, int folds, Grid grid) =>
        OutOfFold(samples, folds, training => FitChoosing(training, InnerFolds, grid,
                articleThreshold: shipped.ArticleThreshold is not null, articleModel: shipped.Article is not null, articleByMean: shipped.ArticleByMean,
                shipped.Words is null ? null : WordFitting.Fixed))
            .ToDictionary(x => x.Sample.Id, x => x.Model, StringComparer.Ordinal);

    /// <summary>The article thresholds tried; the lowest wins among equals, nearest the plain highest-score rule.</summary>
    private static readonly double[] ThresholdGrid = [.. Enumerable.Range(0, 29).Select(i => 0.15 + i * 0.025)];

    /// <summary>
    /// The depth and rounds of <paramref name="grid"/> that score best over a cross-validation of
    /// <paramref name="samples"/> by site: article vs not plus type accuracy, ties to the smaller model.
    /// </summary>
    internal static PageTypeBooster.Settings ChooseSettings(IReadOnlyList<PageTypeSample> samples, int folds, Grid grid)
    {
        if (grid.Depths.Count == 1 && grid.Rounds.Count == 1) return new PageTypeBooster.Settings(grid.Rounds[0], grid.Depths[0]);
        var best = (Settings: new PageTypeBooster.Settings(grid.Rounds[0], grid.Depths[0]), Score: double.MinValue);
        foreach (var depth in grid.Depths.Order())
        {
            var fitted = OutOfFold(samples, folds, training => PageTypeBooster.Fit(training, new PageTypeBooster.Settings(grid.Rounds.Max(), depth)));
            foreach (var rounds in grid.Rounds.Order())
            {
                var scores = PageTypeScores.Of([.. fitted.Select(x => (x.Sample.Type, x.Model.Classify(x.Sample.Features, null, rounds)))]);
                var score = scores.ArticleAccuracy + scores.Accuracy;
                if (score > best.Score + 1e-12) best = (new PageTypeBooster.Settings(rounds, depth), score);
            }
        }
        return best.Settings;
    }

    /// <summary>
    /// The depth and rounds of <paramref name="grid"/> for the article-or-not trees (<see cref="PageTypeModel.Article"/>)
    /// that tell article from not-article best over a cross-validation of <paramref name="samples"/> by site, ties to the smaller model.
    /// </summary>
    internal static PageTypeBooster.Settings ChooseArticleSettings(IReadOnlyList<PageTypeSample> samples, int folds, Grid grid)
    {
        if (grid.Depths.Count == 1 && grid.Rounds.Count == 1) return new PageTypeBooster.Settings(grid.Rounds[0], grid.Depths[0]);
        var best = (Settings: new PageTypeBooster.Settings(grid.Rounds[0], grid.Depths[0]), Correct: -1);
        foreach (var depth in grid.Depths.Order())
        {
            var fitted = OutOfFold(samples, folds, training => Untrained.WithArticle(PageTypeBooster.FitArticle(training, new PageTypeBooster.Settings(grid.Rounds.Max(), depth))));
            foreach (var rounds in grid.Rounds.Order())
            {
                var correct = fitted.Count(x => x.Model.Article!.Probability(x.Sample.Features, rounds) >= 0.5 == (x.Sample.Type == PageType.Article));
                if (correct > best.Correct) best = (new PageTypeBooster.Settings(rounds, depth), correct);
            }
        }
        return best.Settings;
    }

    /// <summary>A model of no trees, holding article trees while they are fitted and scored alone.</summary>
    private static PageTypeModel Untrained => new(PageTypeInfo.All, new double[PageTypeInfo.All.Count], []);

    /// <summary>
    /// A model fitted on <paramref name="training"/> with settings (and, when asked, an article threshold) chosen by a
    /// cross-validation inside <paramref name="training"/> only. <paramref name="words"/>: how the words' regression is
    /// fitted, or null for none; with <see cref="WordFitting.Choose"/> its settings are chosen by the same cross-validation.
    /// </summary>
    private static PageTypeModel FitChoosing(IReadOnlyList<PageTypeSample> training, int folds, Grid grid, bool articleThreshold, bool articleModel, bool articleByMean,
        WordFitting? words, Action<PageWordTrainer.Settings>? chosenWords = null)
    {
        var settings = ChooseSettings(training, folds, grid);
        var articleSettings = articleModel ? ChooseArticleSettings(training, folds, grid) : null;
        var wordSettings = words is null ? null : words.Choose ? ChooseWordSettings(training, folds, settings, articleSettings, articleByMean) : words.Settings;
        if (wordSettings is not null) chosenWords?.Invoke(wordSettings);
        var model = Trees(training, settings, articleSettings, articleByMean, wordSettings);
        return articleThreshold
            ? model.WithArticleThreshold(ChooseArticleThreshold(OutOfFold(training, folds, inner => Trees(inner, settings, articleSettings, articleByMean, wordSettings))))
            : model;
    }

    /// <summary>How the words' regression is fitted: with <paramref name="Settings"/>, or (<paramref name="Choose"/>) with the settings and share a cross-validation inside the training pages chooses.</summary>
    public sealed record WordFitting(PageWordTrainer.Settings Settings, bool Choose = false)
    {
        /// <summary>The default settings (<see cref="PageWordTrainer.Settings.Default"/>), not chosen.</summary>
        public static WordFitting Fixed { get; } = new(PageWordTrainer.Settings.Default);
    }

    /// <summary>
    /// The words' settings and share (<see cref="PageWordTrainer.Choices"/> × <see cref="PageWordTrainer.Shares"/>) that
    /// tell article from not-article best when joined with the trees, over a cross-validation of <paramref name="samples"/>
    /// by site: the trees (fitted with the settings already chosen) and each candidate regression fitted without the
    /// held-out sites. Ties go to the earlier candidate (the default first).
    /// </summary>
    internal static PageWordTrainer.Settings ChooseWordSettings(IReadOnlyList<PageTypeSample> samples, int folds,
        PageTypeBooster.Settings settings, PageTypeBooster.Settings? articleSettings, bool articleByMean)
    {
        var trees = OutOfFold(samples, folds, inner => Trees(inner, settings, articleSettings, articleByMean, null))
            .ToDictionary(x => x.Sample.Id, x => x.Model.ArticleProbability(x.Sample.Features), StringComparer.Ordinal);
        var best = (Settings: PageWordTrainer.Settings.Default, Correct: -1);
        foreach (var candidate in PageWordTrainer.Choices)
        {
            var words = OutOfFold(samples, folds, inner => Untrained.WithWords(PageWordTrainer.Fit(inner, candidate)))
                .Select(x => (x.Sample, Trees: trees[x.Sample.Id], Model: x.Model.Words, Words: x.Model.Words is { } model && x.Sample.Words is { } page ? model.ProbabilityIfKnown(page) : null))
                .ToList();
            foreach (var share in PageWordTrainer.Shares)
            {
                var correct = words.Count(x => (x.Words is { } p && x.Model!.ShareOn(share, x.Sample.Words!) is var s ? (1 - s) * x.Trees + s * p : x.Trees) >= 0.5 == (x.Sample.Type == PageType.Article));
                if (correct > best.Correct) best = (candidate with { Share = share }, correct);
            }
        }
        return best.Settings;
    }

    /// <summary>
    /// The six-way trees and, given <paramref name="articleSettings"/>, the article-or-not trees, fitted on
    /// <paramref name="samples"/>; with <paramref name="articleByMean"/> the two decide article or not by their mean; with
    /// <paramref name="words"/> the words' regression, fitted so, joins that decision (<see cref="PageTypeModel.Words"/>).
    /// </summary>
    private static PageTypeModel Trees(IReadOnlyList<PageTypeSample> samples, PageTypeBooster.Settings settings, PageTypeBooster.Settings? articleSettings, bool articleByMean,
        PageWordTrainer.Settings? words) =>
        PageTypeBooster.Fit(samples, settings).WithArticle(articleSettings is null ? null : PageTypeBooster.FitArticle(samples, articleSettings))
            .WithArticleByMean(articleByMean && articleSettings is not null)
            .WithWords(words is null ? null : PageWordTrainer.Fit(samples, words));

    /// <summary>The type <paramref name="model"/> gives a labelled page, its words included.</summary>
    private static PageType Classify(PageTypeModel model, PageTypeSample sample, double? threshold) => model.Classify(sample.Features, threshold, words: sample.Words);

    private static PageType Classify(PageTypeModel model, PageTypeSample sample) => Classify(model, sample, model.ArticleThreshold);

    /// <summary>Every sample with the model of the fold that held it out (whole sites held out), each fold's model fitted by <paramref name="fit"/>; <paramref name="foldSeed"/> 0 gives the reproducible split every figure quotes, another number another split of the sites (to tell a gain from the luck of one split).</summary>
    private static List<(PageTypeSample Sample, PageTypeModel Model)> OutOfFold(IReadOnlyList<PageTypeSample> samples, int folds,
        Func<IReadOnlyList<PageTypeSample>, PageTypeModel> fit, int foldSeed = 0)
    {
        var foldOfSite = samples.Select(s => s.Site).Distinct(StringComparer.Ordinal)
            .OrderBy(site => StableHash.Fnv1a32(foldSeed == 0 ? site : $"{foldSeed}/{site}"))
            .Select((site, i) => (site, i % folds))
            .ToDictionary(x => x.site, x => x.Item2, StringComparer.Ordinal);
        var byFold = new List<(PageTypeSample, PageTypeModel)>[folds];
        Parallel.For(0, folds, fold =>
        {
            var model = fit([.. samples.Where(s => foldOfSite[s.Site] != fold)]);
            // A brief is of its article's site, so never in a training fold beside the page it was made of; it is never scored.
            byFold[fold] = [.. samples.Where(s => foldOfSite[s.Site] == fold && !s.Brief).Select(s => (s, model))];
        });
        return [.. byFold.SelectMany(f => f)];
    }

    /// <summary>The article threshold that tells article from not-article best over out-of-fold predictions (ties: the better type accuracy, then the lower threshold).</summary>
    private static double ChooseArticleThreshold(IReadOnlyList<(PageTypeSample Sample, PageTypeModel Model)> predictions) =>
        ThresholdGrid.Select(threshold =>
            {
                var scores = PageTypeScores.Of([.. predictions.Select(x => (x.Sample.Type, Classify(x.Model, x.Sample, threshold)))]);
                return (threshold, scores.ArticleAccuracy, scores.Accuracy);
            })
            .OrderByDescending(x => x.ArticleAccuracy).ThenByDescending(x => x.Accuracy).ThenBy(x => x.threshold)
            .First().threshold;

    /// <summary>`crosscheck train page-types`: collects, cross-validates (settings chosen inside each fold), fits on every page and writes the model with its figures in the header.</summary>
    /// <param name="dir">The labelled benchmark directory.</param>
    /// <param name="output">Where the model is written.</param>
    /// <param name="folds">Folds of the cross-validation.</param>
    /// <param name="log">Progress and figures.</param>
    /// <param name="cache">A file keeping every page's features between runs (recomputed when the feature names changed), or null.</param>
    /// <param name="grid">The depths and rounds to choose from (one of each: no choice).</param>
    /// <param name="articleThreshold">
    /// Whether to choose an article threshold by cross-validation (nested inside each fold for the reported figures)
    /// and ship it; off, the type of highest score wins.
    /// </param>
    /// <param name="articleModel">
    /// Whether to fit and ship article-or-not trees of their own (<see cref="PageTypeModel.Article"/>, depth and rounds
    /// chosen by the same nested cross-validation); off, the six-way trees decide article or not too.
    /// </param>
    /// <param name="foldSeed">Which split of the sites into folds the reported cross-validation uses (0: the usual one).</param>
    /// <param name="errors">A file listing every page the cross-validation typed wrong (id, site, true and predicted type, probability of article), or null.</param>
    /// <param name="predictions">A file listing every page with its held-out type, the six-way trees' probability of each type and, with <paramref name="articleModel"/>, the article-or-not trees' probability of article (for trying second stages outside the code), or null.</param>
    /// <param name="articleByMean">Whether article or not is told by the mean of the six-way and the article-or-not trees' probabilities (fits the article-or-not trees).</param>
    /// <param name="words">How a regression over the page's hashed words that joins the article decision (<see cref="PageTypeModel.Words"/>) is fitted inside each training fold, or null for none.</param>
    /// <param name="briefs">Whether every article page's brief (<see cref="BriefOf"/>) is trained on beside it (in the folds that train on its site, and in the shipped model); briefs are never scored.</param>
    /// <param name="briefFitting">With <paramref name="briefs"/>: how much each brief weighs and which models it trains (null: <see cref="BriefFitting.Full"/>).</param>
    /// <param name="skipped">
    /// Receives a note on every labelled page that could not be read ("FILE: problem; page skipped"): the model is trained on the
    /// others, and the caller names these and fails. The cache is not written then, so the next run reads the pages again.
    /// </param>
    public static PageTypeScores Run(string dir, string output, int folds, TextWriter log, string? cache = null, Grid? grid = null,
        bool articleThreshold = false, string? errors = null, bool articleModel = false, int foldSeed = 0, string? predictions = null, bool articleByMean = false,
        WordFitting? words = null, bool briefs = false, BriefFitting? briefFitting = null, ICollection<string>? skipped = null)
    {
        articleModel |= articleByMean;
        var articleWords = words is not null;
        var chosenWords = new System.Collections.Concurrent.ConcurrentQueue<PageWordTrainer.Settings>();
        var unread = new List<string>();
        var samples = cache is not null && ReadCache(cache) is { } cached && cached.Any(s => s.Brief) == briefs ? cached : Collect(dir, briefs, unread);
        foreach (var note in unread) skipped?.Add(note);
        if (cache is not null && unread.Count == 0) WriteCache(cache, samples);
        briefFitting ??= BriefFitting.Full;
        if (briefs && briefFitting != BriefFitting.Full) samples = briefFitting.Apply(samples);
        grid ??= Grid.Default;
        log.WriteLine($"{samples.Count(s => !s.Brief)} labelled pages{(briefs ? $" and {samples.Count(s => s.Brief)} briefs of their articles ({briefFitting})" : "")} from {samples.Select(s => s.Site).Distinct(StringComparer.Ordinal).Count()} sites");
        var outOfFold = OutOfFold(samples, folds, training => FitChoosing(training, InnerFolds, grid, articleThreshold, articleModel, articleByMean, words, chosenWords.Enqueue), foldSeed);
        var how = $"{folds}-fold cross-validation holding out whole sites{(foldSeed == 0 ? "" : $" (split {foldSeed})")}, depth and rounds" + (articleModel ? " of the six-way and the article-or-not trees" : "")
            + (articleByMean ? " (article or not by the mean of their probabilities)" : "")
            + (words is null ? "" : words.Choose ? ", the settings and share of a regression over the page's words joining the article decision," : ", a regression over the page's words joining the article decision,")
            + (articleThreshold ? " and article threshold" : "")
            + $" chosen by a {InnerFolds}-fold cross-validation inside each training fold";
        foreach (var (model, index) in outOfFold.Select(x => x.Model).Distinct().Select((m, i) => (m, i)))
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {index + 1}: {model.Rounds.Count} rounds of depth {model.Depth}{(model.Article is { } odds ? $"; article or not: {odds.Trees.Count} trees of depth {odds.Trees.Select(t => t.Depth).DefaultIfEmpty(0).Max()}" : "")}{(model.ArticleThreshold is { } t ? $", article threshold {t:0.###}" : "")}"));
        var scores = PageTypeScores.Of([.. outOfFold.Select(x => (x.Sample.Type, Classify(x.Model, x.Sample)))]);
        foreach (var line in scores.Describe(how)) log.WriteLine(line);
        if (articleModel)
            foreach (var line in PageTypeScores.Of([.. outOfFold.Select(x => (x.Sample.Type, PageTypeTrialRules.ArticleByEither(x.Model, x.Sample.Features)))])
                .Describe("the same models, a page an article when either the six-way or the article-or-not trees make it one"))
                log.WriteLine(line);
        if (articleModel)
            foreach (var line in PageTypeScores.Of([.. outOfFold.Select(x => (x.Sample.Type, PageTypeTrialRules.ArticleByMean(x.Model, x.Sample.Features)))])
                .Describe("the same models, article or not by the mean of the six-way and the article-or-not trees' probabilities"))
                log.WriteLine(line);
        if (errors is not null)
            File.WriteAllLines(errors, ["id\tsite\ttype\tpredicted\tarticle probability", .. outOfFold
                .Select(x => (x.Sample, Predicted: Classify(x.Model, x.Sample), Article: x.Model.ArticleProbability(x.Sample.Features, x.Sample.Words)))
                .Where(x => x.Predicted != x.Sample.Type)
                .OrderBy(x => x.Sample.Id, StringComparer.Ordinal)
                .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Sample.Id}\t{x.Sample.Site}\t{x.Sample.Type.Name()}\t{x.Predicted.Name()}\t{x.Article:0.###}"))]);

        if (predictions is not null)
            File.WriteAllLines(predictions, [string.Join('\t', ["id", "site", "type", "predicted", .. PageTypeInfo.All.Select(type => "p-" + type.Name()),
                    .. articleModel ? new[] { "p-article-trees" } : [], .. articleWords ? new[] { "p-article-words", "words-known" } : []]), .. outOfFold
                .OrderBy(x => x.Sample.Id, StringComparer.Ordinal)
                .Select(x => string.Join('\t', [x.Sample.Id, x.Sample.Site, x.Sample.Type.Name(), Classify(x.Model, x.Sample).Name(),
                    .. Probabilities(x.Model, x.Sample.Features).Select(p => p.ToString("0.#####", CultureInfo.InvariantCulture)),
                    // Every row has the header's columns: a value the page or its model lacks is an empty field.
                    .. articleModel ? new[] { x.Model.Article is { } odds ? odds.Probability(x.Sample.Features).ToString("0.#####", CultureInfo.InvariantCulture) : "" } : [],
                    .. articleWords ? x.Model.Words is { } words && x.Sample.Words is { } pageWords
                        ? new[] { words.Probability(pageWords).ToString("0.#####", CultureInfo.InvariantCulture), words.KnownShare(pageWords).ToString("0.#####", CultureInfo.InvariantCulture) }
                        : ["", ""] : []]))]);

        // The shipped model: settings chosen by the same site-grouped cross-validation, now over every page.
        var settings = ChooseSettings(samples, folds, grid);
        var articleSettings = articleModel ? ChooseArticleSettings(samples, folds, grid) : null;
        if (words is { Choose: true })
            foreach (var chosen in chosenWords) log.WriteLine($"words chosen in a training fold: {chosen}");
        var wordSettings = words is null ? null : words.Choose ? ChooseWordSettings(samples, folds, settings, articleSettings, articleByMean) : words.Settings;
        var shipped = Trees(samples, settings, articleSettings, articleByMean, wordSettings);
        var fitting = settings + (articleSettings is null ? "" : $"; article or not: {articleSettings}{(articleByMean ? ", deciding with the six-way trees by the mean of their probabilities" : "")}") + $", chosen by a {folds}-fold cross-validation by site over every page"
            + (wordSettings is null ? "" : $"; the article decision averaged with a regression over the page's hashed words ({wordSettings}{(words!.Choose ? ", chosen by the same cross-validation" : "")})");
        if (articleThreshold)
        {
            var threshold = ChooseArticleThreshold(OutOfFold(samples, folds, training => Trees(training, settings, articleSettings, articleByMean, wordSettings)));
            shipped = shipped.WithArticleThreshold(threshold);
            fitting += string.Create(CultureInfo.InvariantCulture, $"; article threshold {threshold:0.###} chosen by the same cross-validation");
        }
        shipped = shipped.WithHeldOut(new PageTypeModel.HeldOutFigures(scores.Accuracy, scores.ArticleAccuracy, scores.Pages,
            $"{how}, on {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}"));
        log.WriteLine("shipped model: " + fitting);
        var training = PageTypeScores.Of([.. samples.Select(s => (s.Type, Classify(shipped, s)))]);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on all {samples.Count} pages: accuracy on them {training.Accuracy:F3} (not a held-out figure)"));
        using var writer = new StreamWriter(output);
        shipped.Write(writer,
        [
            "Page-type model (PageTypeModel): gradient-boosted trees over PageSignals" + (articleModel ? " (six-way trees and article-or-not trees)" : "")
                + (articleWords ? " and a regression of article over the page's hashed words (PageWords)" : "") + ", written by",
            $"`crosscheck train page-types {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}` on {samples.Count(s => !s.Brief)} labelled pages (WCXB development split; collection counted as listing){(briefs ? $" with --brief-copies (a brief of each article page trained on beside it, {briefFitting})" : "")};",
            fitting + ".",
            .. scores.Describe(how),
            "Figures on the pages it was fitted on are higher; `crosscheck eval extraction` reports those.",
        ]);
        log.WriteLine($"model written to {output}");
        return scores;
    }

    /// <summary>The six-way trees' probability of each type (<see cref="PageTypeInfo.All"/> order): the softmax of the scores.</summary>
    private static double[] Probabilities(PageTypeModel model, double[] features)
    {
        var scores = model.Scores(features);
        var max = scores.Max();
        var sum = scores.Sum(score => Math.Exp(score - max));
        return [.. PageTypeInfo.All.Select(type => model.Classes.ToList().IndexOf(type) is var c and >= 0 ? Math.Exp(scores[c] - max) / sum : 0)];
    }

    private static List<PageTypeSample>? ReadCache(string path)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header()) return null;
        return [.. lines.Skip(1).Select(line => line.Split('\t')).Select(f => new PageTypeSample(
            f[0], f[1], [.. f[3..^1].Select(v => double.Parse(v, CultureInfo.InvariantCulture))], PageTypeInfo.Parse(f[2])!.Value, ParseWords(f[^1])))];
    }

    private static void WriteCache(string path, IReadOnlyList<PageTypeSample> samples) =>
        File.WriteAllLines(path, [Header(), .. samples.Select(s =>
            string.Join('\t', new[] { s.Id, s.Site, s.Type.Name() }.Concat(s.Features.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append(FormatWords(s.Words))))]);

    /// <summary>A page's words in the cache: "bucket:value" pairs joined by spaces, "-" when the page has none read.</summary>
    private static string FormatWords(PageWordVector? words) => words is null ? "-"
        : string.Join(' ', words.Indices.Select((bucket, i) => string.Create(CultureInfo.InvariantCulture, $"{bucket}:{words.Values[i]:R}")));

    private static PageWordVector? ParseWords(string text)
    {
        if (text == "-") return null;
        var pairs = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split(':')).ToArray();
        return new PageWordVector([.. pairs.Select(p => int.Parse(p[0], CultureInfo.InvariantCulture))], [.. pairs.Select(p => double.Parse(p[1], CultureInfo.InvariantCulture))]);
    }

    private static string Header() => "id\tsite\ttype\t" + string.Join('\t', PageSignals.Names) + $"\twords/{PageWords.Buckets}";

    private static string? Site(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
