using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Extraction;
using Crosscheck.Extraction;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Training;

/// <summary>One labelled page: its features, its true type and the site it is from (folds never split a site).</summary>
public sealed record PageTypeSample(string Id, string Site, double[] Features, PageType Type);

/// <summary>
/// Trains the page-type model (<see cref="PageTypeModel"/>): multinomial logistic regression with L2 regularisation,
/// fitted by full-batch gradient descent over the features <see cref="PageSignals"/> reads from each page of a
/// labelled benchmark directory (meta.json page_type). Cross-validation holds out whole sites, so a site's
/// templates never sit on both sides; the shipped model is then fitted on every page.
/// </summary>
public static class PageTypeTrainer
{
    public const int DefaultFolds = 5;

    /// <summary>The fitting settings: gradient steps, their size and the L2 penalty on the weights.</summary>
    public sealed record Settings(int Iterations = 3000, double LearningRate = 0.5, double L2 = 1e-3);

    /// <summary>Extracts every labelled page of a benchmark directory and keeps its features and type.</summary>
    public static List<PageTypeSample> Collect(string dir)
    {
        var extractor = new ArticleExtractor();
        var samples = new List<PageTypeSample>();
        foreach (var page in BenchmarkDirectory.Load(dir).Pages)
        {
            if (PageTypeInfo.Parse(page.Labels?.PageType) is not { } type) continue;
            var (_, features) = extractor.ExtractPage(BenchmarkDirectory.ToRawInput(page));
            if (features is null) continue;
            samples.Add(new PageTypeSample(page.Id, Site(page.Url) ?? page.Id, features, type));
        }
        return samples;
    }

    /// <summary>Fits a model on <paramref name="samples"/>.</summary>
    internal static PageTypeModel Train(IReadOnlyList<PageTypeSample> samples, Settings? settings = null)
    {
        var (iterations, learningRate, l2) = settings ?? new Settings();
        var classes = PageTypeInfo.All;
        var features = PageSignals.Names.Count;
        var bias = new double[classes.Count];
        var weights = classes.Select(_ => new double[features]).ToArray();
        if (samples.Count == 0) return new PageTypeModel(classes, bias, weights);
        var gradientBias = new double[classes.Count];
        var gradient = classes.Select(_ => new double[features]).ToArray();
        var probabilities = new double[classes.Count];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradientBias);
            foreach (var row in gradient) Array.Clear(row);
            foreach (var sample in samples)
            {
                Softmax(bias, weights, sample.Features, probabilities);
                for (var c = 0; c < classes.Count; c++)
                {
                    var error = probabilities[c] - (classes[c] == sample.Type ? 1 : 0);
                    gradientBias[c] += error;
                    var row = gradient[c];
                    for (var f = 0; f < features; f++) row[f] += error * sample.Features[f];
                }
            }
            for (var c = 0; c < classes.Count; c++)
            {
                bias[c] -= learningRate * gradientBias[c] / samples.Count;
                for (var f = 0; f < features; f++)
                    weights[c][f] -= learningRate * (gradient[c][f] / samples.Count + l2 * weights[c][f]);
            }
        }
        return new PageTypeModel(classes, bias, weights);
    }

    /// <summary>The folds inner cross-validations (choosing the article threshold inside a training fold) use.</summary>
    public const int InnerFolds = 3;

    /// <summary>The article thresholds tried; the lowest wins among equals, nearest the plain highest-score rule.</summary>
    private static readonly double[] ThresholdGrid = [.. Enumerable.Range(0, 29).Select(i => 0.15 + i * 0.025)];

    /// <summary>
    /// Cross-validated scores: each fold's sites are held out, a model is fitted on the others and scores them.
    /// Each fold's model gets an article threshold chosen by a cross-validation inside its own training sites
    /// (<see cref="InnerFolds"/> folds), so the held-out figures are untouched by the choice.
    /// </summary>
    public static PageTypeScores CrossValidate(IReadOnlyList<PageTypeSample> samples, int folds = DefaultFolds, Settings? settings = null) =>
        PageTypeScores.Of([.. OutOfFold(samples, folds, settings, chooseThreshold: true).Select(x => (x.Sample.Type, x.Model.Classify(x.Sample.Features)))]);

    /// <summary>Every sample with the model of the fold that held it out (whole sites held out).</summary>
    private static List<(PageTypeSample Sample, PageTypeModel Model)> OutOfFold(IReadOnlyList<PageTypeSample> samples, int folds, Settings? settings, bool chooseThreshold)
    {
        var foldOfSite = samples.Select(s => s.Site).Distinct(StringComparer.Ordinal)
            .OrderBy(site => StableHash(site))
            .Select((site, i) => (site, i % folds))
            .ToDictionary(x => x.site, x => x.Item2, StringComparer.Ordinal);
        var byFold = new List<(PageTypeSample, PageTypeModel)>[folds];
        Parallel.For(0, folds, fold =>
        {
            var training = samples.Where(s => foldOfSite[s.Site] != fold).ToList();
            var model = Train(training, settings);
            if (chooseThreshold) model = WithThreshold(model, ChooseArticleThreshold(training, InnerFolds, settings));
            byFold[fold] = [.. samples.Where(s => foldOfSite[s.Site] == fold).Select(s => (s, model))];
        });
        return [.. byFold.SelectMany(f => f)];
    }

    /// <summary>
    /// The article threshold that tells article from not-article best over a cross-validation of
    /// <paramref name="samples"/> by site (ties: the better type accuracy, then the lower threshold).
    /// </summary>
    internal static double ChooseArticleThreshold(IReadOnlyList<PageTypeSample> samples, int folds, Settings? settings) =>
        ChooseArticleThreshold(OutOfFold(samples, folds, settings, chooseThreshold: false));

    private static double ChooseArticleThreshold(IReadOnlyList<(PageTypeSample Sample, PageTypeModel Model)> predictions) =>
        ThresholdGrid.Select(threshold =>
            {
                var scores = PageTypeScores.Of([.. predictions.Select(x => (x.Sample.Type, x.Model.Classify(x.Sample.Features, threshold)))]);
                return (threshold, scores.ArticleAccuracy, scores.Accuracy);
            })
            .OrderByDescending(x => x.ArticleAccuracy).ThenByDescending(x => x.Accuracy).ThenBy(x => x.threshold)
            .First().threshold;

    private static PageTypeModel WithThreshold(PageTypeModel model, double threshold) =>
        new(model.Classes, model.Bias, model.Weights) { ArticleThreshold = threshold };

    /// <summary>`crosscheck train page-types`: collects, cross-validates, fits on every page and writes the model with its figures in the header.</summary>
    /// <param name="dir">The labelled benchmark directory.</param>
    /// <param name="output">Where the model is written.</param>
    /// <param name="folds">Folds of the cross-validation.</param>
    /// <param name="log">Progress and figures.</param>
    /// <param name="cache">A file keeping every page's features between runs (recomputed when the feature names changed), or null.</param>
    /// <param name="settings">The fitting settings.</param>
    /// <param name="articleThreshold">
    /// Whether to choose an article threshold by cross-validation (nested inside each fold for the reported figures)
    /// and ship it; off, the type of highest score wins. On WCXB dev it moved article-vs-not by a few pages only.
    /// </param>
    public static PageTypeScores Run(string dir, string output, int folds, TextWriter log, string? cache = null, Settings? settings = null,
        bool articleThreshold = false)
    {
        var samples = cache is not null && ReadCache(cache) is { } cached ? cached : Collect(dir);
        if (cache is not null) WriteCache(cache, samples);
        settings ??= new Settings();
        log.WriteLine($"{samples.Count} labelled pages from {samples.Select(s => s.Site).Distinct(StringComparer.Ordinal).Count()} sites");
        var outOfFold = OutOfFold(samples, folds, settings, chooseThreshold: articleThreshold);
        var how = articleThreshold ? $"{folds}-fold cross-validation holding out whole sites, article threshold chosen inside each training fold"
            : $"{folds}-fold cross-validation holding out whole sites";
        if (articleThreshold)
        {
            var plain = PageTypeScores.Of([.. outOfFold.Select(x => (x.Sample.Type, x.Model.Classify(x.Sample.Features, null)))]);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{folds}-fold cross-validation by site, highest score wins: type accuracy {plain.Accuracy:F3}, article vs not {plain.ArticleAccuracy:F3}"));
        }
        var scores = PageTypeScores.Of([.. outOfFold.Select(x => (x.Sample.Type, x.Model.Classify(x.Sample.Features)))]);
        foreach (var line in scores.Describe(how)) log.WriteLine(line);
        var model = Train(samples, settings);
        var fitting = string.Create(CultureInfo.InvariantCulture, $"{settings.Iterations} gradient steps of {settings.LearningRate}, L2 {settings.L2}");
        if (articleThreshold)
        {
            // The shipped model's threshold: chosen by the same site-grouped cross-validation, now over every page.
            var threshold = ChooseArticleThreshold(outOfFold);
            model = WithThreshold(model, threshold);
            fitting += string.Create(CultureInfo.InvariantCulture, $"; article threshold {threshold:0.###} chosen by the cross-validation");
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"article threshold {threshold:0.###} (chosen by the {folds}-fold cross-validation)"));
        }
        var training = PageTypeScores.Of([.. samples.Select(s => (s.Type, model.Classify(s.Features)))]);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on all {samples.Count} pages: accuracy on them {training.Accuracy:F3} (not a held-out figure)"));
        using var writer = new StreamWriter(output);
        model.Write(writer,
        [
            "Page-type model (PageTypeModel): multinomial logistic regression over PageSignals, written by",
            $"`crosscheck train page-types {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))}` on {samples.Count} labelled pages (WCXB development split; collection counted as listing);",
            fitting + ".",
            .. scores.Describe(how),
            "Figures on the pages it was fitted on are higher; `crosscheck eval extraction` reports those.",
        ]);
        log.WriteLine($"model written to {output}");
        return scores;
    }

    private static List<PageTypeSample>? ReadCache(string path)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header()) return null;
        return [.. lines.Skip(1).Select(line => line.Split('\t')).Select(f => new PageTypeSample(
            f[0], f[1], [.. f.Skip(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))], PageTypeInfo.Parse(f[2])!.Value))];
    }

    private static void WriteCache(string path, IReadOnlyList<PageTypeSample> samples) =>
        File.WriteAllLines(path, [Header(), .. samples.Select(s =>
            string.Join('\t', new[] { s.Id, s.Site, s.Type.Name() }.Concat(s.Features.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))))]);

    private static string Header() => "id\tsite\ttype\t" + string.Join('\t', PageSignals.Names);

    private static void Softmax(double[] bias, double[][] weights, double[] features, double[] probabilities)
    {
        var max = double.MinValue;
        for (var c = 0; c < bias.Length; c++)
        {
            var score = bias[c];
            for (var f = 0; f < features.Length; f++) score += weights[c][f] * features[f];
            probabilities[c] = score;
            max = Math.Max(max, score);
        }
        var sum = 0.0;
        for (var c = 0; c < bias.Length; c++) sum += probabilities[c] = Math.Exp(probabilities[c] - max);
        for (var c = 0; c < bias.Length; c++) probabilities[c] /= sum;
    }

    private static string? Site(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>A hash that is the same in every run (string.GetHashCode is randomised per process), so folds are reproducible.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
