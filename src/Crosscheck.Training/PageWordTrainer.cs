using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Training;

/// <summary>
/// Fits <see cref="PageTypeModel.ArticleWords"/>: a logistic regression of article or not over the pages' hashed
/// words (<see cref="PageWords"/>), by AdaGrad steps with a small L2 penalty over a few shuffled passes (each page's step scaled by its
/// <see cref="PageTypeSample.Weight"/>). The trainer
/// fits it inside each training fold, so its held-out figures come from pages it never saw; with a choice
/// (<see cref="Choices"/>) its settings and its share of the article decision are chosen by a cross-validation inside
/// the training fold too.
/// </summary>
public static class PageWordTrainer
{
    /// <summary>
    /// The regression's settings: AdaGrad's learning rate, the L2 penalty, the passes over the pages, the fewest training
    /// sites a bucket must be seen on to be learnt (a word only one site uses names that site, not a kind of page: a page
    /// of a held-out site never meets it), and the words' share of the article decision (<see cref="PageTypeModel.ArticleWords.Share"/>).
    /// </summary>
    public sealed record Settings(double LearningRate = 0.5, double L2 = 1e-3, int Epochs = 6, int MinSites = 1, double Share = 0.5)
    {
        /// <summary>
        /// pagetype11's fixed settings with a stronger L2 (1e-3 for its 1e-4: fewer pages wrong on each of the three site
        /// cross-validation splits of WCXB, docs/BENCHMARKS.md pagetype12 and pagetype13).
        /// </summary>
        public static Settings Default { get; } = new();

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"learning rate {LearningRate}, L2 {L2}, {Epochs} passes, buckets seen on {MinSites}+ sites, words' share {Share}");
    }

    /// <summary>
    /// The fitting settings a choice tries (<see cref="PageTypeTrainer"/> scores each, at every one of <see cref="Shares"/>,
    /// by a cross-validation inside the training pages): every L2 with every number of passes and of sites; the default
    /// first, so that it wins ties.
    /// </summary>
    public static IReadOnlyList<Settings> Choices { get; } =
    [
        Settings.Default,
        .. from minSites in new[] { 1, 2 }
           from l2 in new[] { 1e-5, 1e-4, 1e-3 }
           from epochs in new[] { 3, 6, 12 }
           let settings = new Settings(Settings.Default.LearningRate, l2, epochs, minSites)
           where settings != Settings.Default
           select settings,
    ];

    /// <summary>The words' shares of the article decision a choice tries, the default first.</summary>
    public static IReadOnlyList<double> Shares { get; } = [Settings.Default.Share, 0.3, 0.4, 0.6, 0.7];

    /// <summary>Weights smaller than this are left out of the model (its file stays small; they move a page's log-odds by almost nothing).</summary>
    private const double LeastWeight = 1e-3;

    /// <summary>A page's score is clamped to ±this before the logistic function.</summary>
    private const double ScoreLimit = 30;

    internal static PageTypeModel.ArticleWords? Fit(IReadOnlyList<PageTypeSample> samples, Settings? settings = null)
    {
        settings ??= Settings.Default;
        var pages = samples.Where(s => s.Words is not null).ToList();
        if (pages.Count == 0) return null;
        var learnt = SeenOnSites(pages, settings.MinSites);
        var model = new AdaGradLogistic(PageWords.Buckets, settings.LearningRate, settings.L2, ScoreLimit);
        AdaGradLogistic.Passes(pages.Count, settings.Epochs, seed: 1, index =>
        {
            var words = pages[index].Words!;
            model.Step(words.Indices, words.Values, pages[index].Type == PageType.Article ? 1 : 0, learnt, pages[index].Weight);
        });
        var (weights, bias) = (model.Weights, model.Bias);
        var kept = new Dictionary<int, double>();
        for (var bucket = 0; bucket < weights.Length; bucket++)
            if (Math.Abs(weights[bucket]) >= LeastWeight) kept[bucket] = weights[bucket];
        return new PageTypeModel.ArticleWords(bias, kept, settings.Share);
    }

    /// <summary>Which buckets the pages of at least <paramref name="minSites"/> different sites hold.</summary>
    private static bool[] SeenOnSites(IReadOnlyList<PageTypeSample> pages, int minSites)
    {
        var seen = new bool[PageWords.Buckets];
        if (minSites <= 1)
        {
            Array.Fill(seen, true);
            return seen;
        }
        var sites = new int[PageWords.Buckets];
        foreach (var site in pages.GroupBy(page => page.Site, StringComparer.Ordinal))
            foreach (var bucket in site.SelectMany(page => page.Words!.Indices).Distinct())
                if (++sites[bucket] >= minSites) seen[bucket] = true;
        return seen;
    }
}
