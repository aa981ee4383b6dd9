using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.PageTypes;

/// <summary>
/// A multinomial logistic regression over <see cref="PageSignals"/>: one weight per type and feature plus a bias
/// per type; the type of highest score wins. The shipped model is page-types-model.txt beside this class (written
/// by <c>crosscheck train page-types</c>; its header says what it was trained on and how it scored), read once.
/// Features are matched by name, so a model never silently reads the wrong feature.
/// </summary>
internal sealed class PageTypeModel
{
    private const string ResourcePath = "PageTypes/page-types-model.txt";

    private static readonly Lazy<PageTypeModel> Shipped = new(() =>
        Parse(Lexicon.Rows(typeof(PageTypeModel).Assembly, ResourcePath, LexiconCase.Exact)));

    public PageTypeModel(IReadOnlyList<PageType> classes, double[] bias, double[][] weights)
    {
        if (bias.Length != classes.Count || weights.Length != classes.Count || weights.Any(w => w.Length != PageSignals.Names.Count))
            throw new ArgumentException("a page-type model needs one bias and one weight per feature for each class");
        Classes = classes;
        Bias = bias;
        Weights = weights;
    }

    /// <summary>The model shipped in the assembly.</summary>
    public static PageTypeModel Default => Shipped.Value;

    public IReadOnlyList<PageType> Classes { get; }

    public double[] Bias { get; }

    /// <summary>Weights by class, then by feature in the order of <see cref="PageSignals.Names"/>.</summary>
    public double[][] Weights { get; }

    /// <summary>
    /// When set, a page is an article exactly when the model's probability of article reaches this value (else the
    /// best other type): the trainer chooses it by cross-validation to tell article from not-article best, which
    /// matters more than the other types (articles form stories). Null: the type of highest score.
    /// </summary>
    public double? ArticleThreshold { get; init; }

    /// <summary>The score of each class (in <see cref="Classes"/> order) for one page's features.</summary>
    public double[] Scores(double[] features)
    {
        var scores = new double[Classes.Count];
        for (var c = 0; c < scores.Length; c++)
        {
            var score = Bias[c];
            var weights = Weights[c];
            for (var f = 0; f < features.Length; f++) score += weights[f] * features[f];
            scores[c] = score;
        }
        return scores;
    }

    public PageType Classify(double[] features) => Classify(features, ArticleThreshold);

    /// <summary>The type of a page with the article threshold <paramref name="articleThreshold"/> (null: highest score).</summary>
    public PageType Classify(double[] features, double? articleThreshold)
    {
        var scores = Scores(features);
        var article = Classes.Count;
        for (var c = 0; c < Classes.Count; c++)
            if (Classes[c] == PageType.Article) article = c;
        if (articleThreshold is { } threshold && article < Classes.Count)
        {
            if (ArticleProbability(scores, article) >= threshold) return PageType.Article;
            var other = -1;
            for (var c = 0; c < scores.Length; c++)
                if (c != article && (other < 0 || scores[c] > scores[other])) other = c;
            return Classes[other];
        }
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
            if (scores[c] > scores[best]) best = c;
        return Classes[best];
    }

    /// <summary>The model's probability that a page is an article (softmax of the scores); 0 when article is not a class.</summary>
    public double ArticleProbability(double[] features)
    {
        var article = Classes.ToList().IndexOf(PageType.Article);
        return article < 0 ? 0 : ArticleProbability(Scores(features), article);
    }

    private static double ArticleProbability(double[] scores, int article)
    {
        var max = scores.Max();
        var sum = scores.Sum(score => Math.Exp(score - max));
        return Math.Exp(scores[article] - max) / sum;
    }

    /// <summary>Writes the model in the format <see cref="Parse"/> reads, after <paramref name="header"/> lines written as comments.</summary>
    public void Write(TextWriter output, IEnumerable<string> header)
    {
        foreach (var line in header) output.WriteLine("# " + line);
        output.WriteLine("classes\t" + string.Join('\t', Classes.Select(c => c.Name())));
        output.WriteLine("bias\t" + string.Join('\t', Bias.Select(Format)));
        if (ArticleThreshold is { } threshold) output.WriteLine("article-threshold\t" + Format(threshold));
        for (var f = 0; f < PageSignals.Names.Count; f++)
            output.WriteLine("feature\t" + PageSignals.Names[f] + "\t" + string.Join('\t', Weights.Select(w => Format(w[f]))));
    }

    /// <summary>Reads a model from its rows (tab-separated, comments removed); throws <see cref="InvalidDataException"/> on a malformed or mismatched file.</summary>
    public static PageTypeModel Parse(IEnumerable<string[]> rows)
    {
        List<PageType>? classes = null;
        double[]? bias = null;
        double? articleThreshold = null;
        var byFeature = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            switch (row[0])
            {
                case "classes":
                    classes = [.. row.Skip(1).Select(name => PageTypeInfo.Parse(name) ?? throw new InvalidDataException($"page-type model: unknown class '{name}'"))];
                    break;
                case "bias":
                    bias = Numbers(row, 1);
                    break;
                case "article-threshold" when row.Length == 2:
                    articleThreshold = Numbers(row, 1)[0];
                    break;
                case "feature" when row.Length > 2:
                    if (PageSignals.Names.Contains(row[1]) is false) throw new InvalidDataException($"page-type model: unknown feature '{row[1]}'");
                    byFeature[row[1]] = Numbers(row, 2);
                    break;
                default:
                    throw new InvalidDataException($"page-type model: unexpected line '{string.Join(' ', row)}'");
            }
        }
        if (classes is null || bias is null || bias.Length != classes.Count)
            throw new InvalidDataException("page-type model: needs a classes line and a bias line of the same length");
        var weights = classes.Select((_, c) => PageSignals.Names.Select(name => byFeature.TryGetValue(name, out var w) ? w[c] : 0).ToArray()).ToArray();
        if (byFeature.Values.Any(w => w.Length != classes.Count)) throw new InvalidDataException("page-type model: a feature line has the wrong number of weights");
        return new PageTypeModel(classes, bias, weights) { ArticleThreshold = articleThreshold };
    }

    private static double[] Numbers(string[] row, int from) =>
        [.. row.Skip(from).Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))];

    private static string Format(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
