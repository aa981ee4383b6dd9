using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.PageTypes;

/// <summary>
/// Gradient-boosted decision trees over <see cref="PageSignals"/>: each round adds one small regression tree per
/// type to that type's score (a start score plus the sum of its trees), and the type of highest score wins; the
/// scores are a softmax's logits, so they also give the probability of article. Trees tell apart what a weighted sum
/// cannot (a dated byline matters on a page of prose but not on a shop's grid). The shipped model is
/// page-types-model.txt beside this class (written by <c>crosscheck train page-types</c>; its header says what it was
/// trained on and how it scored held out), read once. Splits name their feature, so a model never silently reads the
/// wrong feature.
/// </summary>
internal sealed class PageTypeModel
{
    private const string ResourcePath = "PageTypes/page-types-model.txt";

    private static readonly Lazy<PageTypeModel> Shipped = new(() => Parse(Lexicon.Text(typeof(PageTypeModel).Assembly, ResourcePath)));

    /// <param name="classes">The types, in the order of the scores.</param>
    /// <param name="start">Each type's score before any tree.</param>
    /// <param name="rounds">Rounds of trees, each holding one tree per type (in <paramref name="classes"/> order).</param>
    public PageTypeModel(IReadOnlyList<PageType> classes, double[] start, IReadOnlyList<PageTypeTree[]> rounds)
    {
        if (start.Length != classes.Count || rounds.Any(round => round.Length != classes.Count))
            throw new ArgumentException("a page-type model needs one start score and one tree per round for each class");
        Classes = classes;
        Start = start;
        Rounds = rounds;
    }

    /// <summary>The model shipped in the assembly.</summary>
    public static PageTypeModel Default => Shipped.Value;

    public IReadOnlyList<PageType> Classes { get; }

    /// <summary>Each class's score before any tree (the log of its prior share, as the trainer starts).</summary>
    public double[] Start { get; }

    /// <summary>The rounds of trees; round r holds one tree per class.</summary>
    public IReadOnlyList<PageTypeTree[]> Rounds { get; }

    /// <summary>
    /// When set, a page is an article exactly when the model's probability of article reaches this value (else the
    /// best other type): the trainer can choose it by cross-validation to tell article from not-article best, which
    /// matters more than the other types (articles form stories). Null: the type of highest score.
    /// </summary>
    public double? ArticleThreshold { get; init; }

    /// <summary>
    /// How the model scored held out when it was trained (the trainer's cross-validation by site), so that an
    /// evaluation on the pages it was fitted on can print the honest figure beside its own; null when not recorded.
    /// </summary>
    public HeldOutFigures? HeldOut { get; init; }

    /// <summary>Type accuracy and article-vs-not accuracy of a cross-validation on <paramref name="Pages"/> pages, described by <paramref name="How"/>.</summary>
    public sealed record HeldOutFigures(double TypeAccuracy, double ArticleAccuracy, int Pages, string How);

    /// <summary>
    /// A second set of trees that decides article or not on its own (the log-odds of article: a start plus the sum of
    /// the trees); when set, it alone says whether a page is an article, and the six-way trees say which other type a
    /// page that is not is. Null: the six-way scores decide both.
    /// </summary>
    public ArticleOdds? Article { get; init; }

    /// <summary>
    /// With <see cref="Article"/>: article or not is told by the mean of the article-or-not trees' and the six-way
    /// trees' probabilities of article (against <see cref="ArticleThreshold"/>, else one half) rather than by the
    /// article-or-not trees alone. Two models that err on different pages: where one is unsure, the other's view counts.
    /// </summary>
    public bool ArticleByMean { get; init; }

    /// <summary>
    /// A logistic regression of article or not over the page's hashed words (<see cref="PageWords"/>); when set, the
    /// probability of article the decision reads is the trees' (as the properties above make it) and this one's, averaged
    /// with this one's <see cref="ArticleWords.Share"/>, against <see cref="ArticleThreshold"/>, else one half. A page
    /// without words, or whose words the regression mostly does not know (<see cref="ArticleWords.Knows"/>), is told by
    /// the trees alone; on a page of few grams the words weigh less (<see cref="ArticleWords.ShareOn(PageWordVector)"/>).
    /// </summary>
    public ArticleWords? Words { get; init; }

    /// <summary>
    /// The log-odds of article: a bias plus the weights of the page's buckets (buckets absent weigh nothing); its
    /// probability weighs <paramref name="Share"/> in the article decision, the trees' the rest.
    /// </summary>
    public sealed record ArticleWords(double Bias, IReadOnlyDictionary<int, double> Weights, double Share = 0.5)
    {
        public double Probability(PageWordVector words)
        {
            var score = Bias;
            for (var i = 0; i < words.Indices.Length; i++)
                if (Weights.TryGetValue(words.Indices[i], out var weight)) score += weight * words.Values[i];
            return 1 / (1 + Math.Exp(-Math.Clamp(score, -30, 30)));
        }

        /// <summary>
        /// How much of the page's words the regression knows: the squared values of the grams whose buckets hold a weight,
        /// over all of them (each field's grams weigh one, <see cref="PageWords"/>). A page of a language or a script the
        /// training pages did not use is mostly unknown, and its probability is then little more than the bias's.
        /// </summary>
        /// <remarks>A bucket holds a weight when a training gram fell in it and its fitted weight was not too small to keep
        /// (the trainer leaves out negligible weights, so a gram seen in training whose weight shrank to almost nothing counts
        /// as unknown). An unseen gram may land in a learnt bucket by collision: the share is an upper bound on what the
        /// regression really knows of the page.</remarks>
        public double KnownShare(PageWordVector words)
        {
            double known = 0, all = 0;
            for (var i = 0; i < words.Indices.Length; i++)
            {
                var square = words.Values[i] * words.Values[i];
                all += square;
                if (Weights.ContainsKey(words.Indices[i])) known += square;
            }
            return all > 0 ? known / all : 0;
        }

        /// <summary>
        /// The least <see cref="KnownShare"/> at which the words join the article decision. Below it most of the page's
        /// words were never met in training (a language or a script the training pages do not use), the probability is
        /// the bias's plus the few words it knows, and the bias is not a neutral one half: such pages would be pushed
        /// towards not-article for being foreign rather than for what they say. The trees, which read the page's
        /// structure, decide alone then.
        /// </summary>
        public const double LeastKnownShare = 0.5;

        /// <summary>Whether the page's words join the article decision (<see cref="LeastKnownShare"/>).</summary>
        public bool Knows(PageWordVector words) => KnownShare(words) >= LeastKnownShare;

        /// <summary>
        /// The grams (distinct buckets) from which a page's words weigh their whole <see cref="Share"/> in the article
        /// decision; below, the share shrinks in proportion (<see cref="ShareOn(PageWordVector)"/>). About a quarter of the pages the
        /// regression learnt from have fewer (WCXB dev: 25 % under 586 grams, the median 718, 2 % under 221). Each
        /// field's grams weigh one in all, so a field of few grams moves the score little however telling its words,
        /// and a page of few words (a short news brief: a headline, three paragraphs, two links) scores little more than
        /// the bias; the bias is where the sum of hundreds of grams starts, not a view of a page without them (it stands
        /// at about 0.2, where the training pages are half articles), and at full share it pushed such briefs to
        /// not-article for being short, not for what they say. The trees, which read the page's markup and shape,
        /// weigh the more.
        /// </summary>
        /// <remarks>Settable for tests, whose made-up pages hold a dozen grams (0: the whole share on every page); models use the default.</remarks>
        public int FullShareGrams { get; init; } = DefaultFullShareGrams;

        /// <summary>The shipped <see cref="FullShareGrams"/>.</summary>
        public const int DefaultFullShareGrams = 600;

        /// <summary>The words' share of the article decision on a page of these <paramref name="words"/>: <see cref="Share"/>, in proportion to its grams below <see cref="FullShareGrams"/>.</summary>
        public double ShareOn(PageWordVector words) => ShareOn(Share, words);

        /// <summary><see cref="ShareOn(PageWordVector)"/> for a share of <paramref name="share"/> (the trainer weighs several).</summary>
        public double ShareOn(double share, PageWordVector words) =>
            words.Indices.Length >= FullShareGrams ? share : share * words.Indices.Length / FullShareGrams;

        /// <summary>
        /// <see cref="Probability"/> when the regression <see cref="Knows"/> the page's words, else null (the trees decide
        /// alone): both read in one pass over the grams, one look-up each, since every page typed asks both.
        /// </summary>
        public double? ProbabilityIfKnown(PageWordVector words)
        {
            double score = Bias, known = 0, all = 0;
            for (var i = 0; i < words.Indices.Length; i++)
            {
                var square = words.Values[i] * words.Values[i];
                all += square;
                if (!Weights.TryGetValue(words.Indices[i], out var weight)) continue;
                known += square;
                score += weight * words.Values[i];
            }
            return all > 0 && known / all >= LeastKnownShare ? 1 / (1 + Math.Exp(-Math.Clamp(score, -30, 30))) : null;
        }
    }

    /// <summary>The same model with <paramref name="words"/> joining the article decision (null: the trees alone).</summary>
    public PageTypeModel WithWords(ArticleWords? words) => new(Classes, Start, Rounds) { ArticleThreshold = ArticleThreshold, HeldOut = HeldOut, Article = Article, ArticleByMean = ArticleByMean, Words = words };

    /// <summary>Boosted trees of the log-odds that a page is an article.</summary>
    public sealed record ArticleOdds(double Start, IReadOnlyList<PageTypeTree> Trees)
    {
        /// <summary>The probability of article after the first <paramref name="rounds"/> trees (null: all).</summary>
        public double Probability(double[] features, int? rounds = null)
        {
            var score = Start;
            for (var r = 0; r < Math.Min(rounds ?? Trees.Count, Trees.Count); r++) score += Trees[r].Evaluate(features);
            return 1 / (1 + Math.Exp(-score));
        }
    }

    /// <summary>The depth of the deepest tree (0: no split anywhere).</summary>
    public int Depth => Rounds.SelectMany(round => round).Select(tree => tree.Depth).DefaultIfEmpty(0).Max();

    /// <summary>The same trees with another article threshold (null: highest score).</summary>
    public PageTypeModel WithArticleThreshold(double? threshold) => new(Classes, Start, Rounds) { ArticleThreshold = threshold, HeldOut = HeldOut, Article = Article, ArticleByMean = ArticleByMean, Words = Words };

    /// <summary>The same model recording its held-out figures.</summary>
    public PageTypeModel WithHeldOut(HeldOutFigures figures) => new(Classes, Start, Rounds) { ArticleThreshold = ArticleThreshold, HeldOut = figures, Article = Article, ArticleByMean = ArticleByMean, Words = Words };

    /// <summary>The same six-way trees with <paramref name="article"/> deciding article or not (null: the six-way scores do).</summary>
    public PageTypeModel WithArticle(ArticleOdds? article) => new(Classes, Start, Rounds) { ArticleThreshold = ArticleThreshold, HeldOut = HeldOut, Article = article, ArticleByMean = ArticleByMean, Words = Words };

    /// <summary>The same model with article or not told by the mean of its two sets of trees (<see cref="ArticleByMean"/>) or not.</summary>
    public PageTypeModel WithArticleByMean(bool byMean) => new(Classes, Start, Rounds) { ArticleThreshold = ArticleThreshold, HeldOut = HeldOut, Article = Article, ArticleByMean = byMean, Words = Words };

    /// <summary>The score of each class (in <see cref="Classes"/> order) for one page's features.</summary>
    public double[] Scores(double[] features) => Scores(features, Rounds.Count);

    /// <summary>The scores after the first <paramref name="rounds"/> rounds only (the trainer scores several lengths of one fit).</summary>
    private double[] Scores(double[] features, int rounds)
    {
        var scores = (double[])Start.Clone();
        for (var r = 0; r < Math.Min(rounds, Rounds.Count); r++)
        {
            var round = Rounds[r];
            for (var c = 0; c < scores.Length; c++)
                scores[c] += round[c].Evaluate(features);
        }
        return scores;
    }

    public PageType Classify(double[] features) => Classify(features, ArticleThreshold);

    /// <summary>The type of a page from its features.</summary>
    public PageType Classify(PageFeatures page) => Classify(page.Values, ArticleThreshold, words: page.Words);

    /// <summary>
    /// The type of a page with the article threshold <paramref name="articleThreshold"/> (null: highest score),
    /// reading the first <paramref name="rounds"/> rounds of trees (null: all) and, with <see cref="Words"/>, the page's <paramref name="words"/>.
    /// </summary>
    public PageType Classify(double[] features, double? articleThreshold, int? rounds = null, PageWordVector? words = null)
    {
        var scores = Scores(features, rounds ?? Rounds.Count);
        var article = Classes.Count;
        for (var c = 0; c < Classes.Count; c++)
            if (Classes[c] == PageType.Article) article = c;
        if ((Article is not null || Words is not null) && article < Classes.Count) articleThreshold ??= 0.5;
        if (articleThreshold is { } threshold && article < Classes.Count)
        {
            var probability = ArticleProbability(features, scores, article, words);
            if (probability >= threshold) return PageType.Article;
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

    /// <summary>The model's probability that a page is an article (<see cref="Article"/>'s, else the softmax of the scores); 0 when article is not a class.</summary>
    public double ArticleProbability(double[] features, PageWordVector? words = null)
    {
        var article = Classes.ToList().IndexOf(PageType.Article);
        if (article < 0) return 0;
        return ArticleProbability(features, Scores(features), article, words);
    }

    /// <summary>The probability of article the decision reads: the trees' (<see cref="TreesArticleProbability"/>), averaged with the words' by their share on the page (<see cref="ArticleWords.ShareOn(PageWordVector)"/>) when the model has them and knows the page's words.</summary>
    private double ArticleProbability(double[] features, double[] scores, int article, PageWordVector? words) =>
        Words is { } model && words is not null && model.ProbabilityIfKnown(words) is { } fromWords
            ? (1 - model.ShareOn(words)) * TreesArticleProbability(features, scores, article) + model.ShareOn(words) * fromWords
            : TreesArticleProbability(features, scores, article);

    /// <summary>The trees' probability of article: the article-or-not trees', their mean with the six-way trees', or the six-way trees' alone.</summary>
    private double TreesArticleProbability(double[] features, double[] scores, int article) => Article switch
    {
        { } odds when ArticleByMean => (odds.Probability(features) + ArticleProbability(scores, article)) / 2,
        { } odds => odds.Probability(features),
        null => ArticleProbability(scores, article),
    };

    private static double ArticleProbability(double[] scores, int article)
    {
        var max = scores.Max();
        var sum = scores.Sum(score => Math.Exp(score - max));
        return Math.Exp(scores[article] - max) / sum;
    }

    /// <summary>
    /// Writes the model in the format <see cref="Parse(string)"/> reads, after <paramref name="header"/> lines written as
    /// comments: a classes line, a start line, the threshold if any, "article-decision mean" when <see cref="ArticleByMean"/>, then one line per tree ("tree", its class, its
    /// nodes in pre-order: "feature&lt;threshold" for a split, its left side first, "=value" for a leaf), then the
    /// article-or-not trees if any ("article-start", then one "article-tree" line per tree), then the words' regression
    /// if any ("words-bias" with the bucket count and the words' share of the decision, then one "word" line per bucket of nonzero weight).
    /// </summary>
    public void Write(TextWriter output, IEnumerable<string> header)
    {
        foreach (var line in header) output.WriteLine("# " + line);
        output.WriteLine("classes\t" + string.Join('\t', Classes.Select(c => c.Name())));
        output.WriteLine("start\t" + string.Join('\t', Start.Select(Format)));
        if (ArticleThreshold is { } threshold) output.WriteLine("article-threshold\t" + Format(threshold));
        if (ArticleByMean) output.WriteLine("article-decision\tmean");
        if (HeldOut is { } heldOut)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held-out\t{heldOut.TypeAccuracy:0.####}\t{heldOut.ArticleAccuracy:0.####}\t{heldOut.Pages}\t{heldOut.How}"));
        foreach (var round in Rounds)
            for (var c = 0; c < Classes.Count; c++)
                output.WriteLine("tree\t" + Classes[c].Name() + "\t" + string.Join('\t', round[c].Tokens(Format)));
        if (Article is { } odds)
        {
            output.WriteLine("article-start\t" + Format(odds.Start));
            foreach (var tree in odds.Trees) output.WriteLine("article-tree\t" + string.Join('\t', tree.Tokens(Format)));
        }
        if (Words is { } words)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"words-bias\t{Format(words.Bias)}\t{PageWords.Buckets}\t{Format(words.Share)}"));
            foreach (var (bucket, weight) in words.Weights.OrderBy(x => x.Key))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"word\t{bucket}\t{weight.ToString("G6", CultureInfo.InvariantCulture)}"));
        }
    }

    /// <summary>
    /// Reads a model from its file's text, comments and blank lines skipped as <see cref="Lexicon"/> skips them. Its "word"
    /// lines (all but some 1,400 of the shipped model's 383,600) are read from spans straight into the weights, without a
    /// string or a field array per line; every other line goes to <see cref="Parse(IEnumerable{string[]})"/> as its fields,
    /// as does a word line that is malformed or comes before "words-bias" (so that it fails there as it would).
    /// </summary>
    public static PageTypeModel Parse(string text)
    {
        var rows = new List<string[]>();
        var wordWeights = new Dictionary<int, double>();
        var wordsBiasSeen = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var entry = Lexicon.Entry(line);
            if (entry.IsEmpty || (wordsBiasSeen && TryReadWord(entry, wordWeights))) continue;
            var row = entry.ToString().Split('\t');
            for (var i = 0; i < row.Length; i++) row[i] = row[i].Trim();
            wordsBiasSeen |= row[0] == "words-bias";
            rows.Add(row);
        }
        return Parse(rows, wordWeights);
    }

    /// <summary>A "word", bucket, weight line into <paramref name="weights"/>; false, nothing added, when the line is not one.</summary>
    private static bool TryReadWord(ReadOnlySpan<char> entry, Dictionary<int, double> weights)
    {
        if (!entry.StartsWith("word\t", StringComparison.Ordinal)) return false;
        var fields = entry[5..];
        var tab = fields.IndexOf('\t');
        if (tab < 0 || fields[(tab + 1)..].Contains('\t')) return false;
        if (!int.TryParse(fields[..tab].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bucket)
            || !double.TryParse(fields[(tab + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            return false;
        weights[bucket] = weight;
        return true;
    }

    /// <summary>Reads a model from its rows (tab-separated, comments removed); throws <see cref="InvalidDataException"/> on a malformed or mismatched file.</summary>
    public static PageTypeModel Parse(IEnumerable<string[]> rows) => Parse(rows, new Dictionary<int, double>());

    /// <summary><see cref="Parse(IEnumerable{string[]})"/>, the words' weights read so far already in <paramref name="wordWeights"/>.</summary>
    private static PageTypeModel Parse(IEnumerable<string[]> rows, Dictionary<int, double> wordWeights)
    {
        List<PageType>? classes = null;
        double[]? start = null;
        double? articleThreshold = null;
        var articleByMean = false;
        HeldOutFigures? heldOut = null;
        var rounds = new List<PageTypeTree[]>();
        double? articleStart = null;
        var articleTrees = new List<PageTypeTree>();
        double? wordsBias = null;
        var wordsShare = 0.5;
        var next = 0;
        foreach (var row in rows)
        {
            switch (row[0])
            {
                case "classes":
                    classes = [.. row.Skip(1).Select(name => PageTypeInfo.Parse(name) ?? throw new InvalidDataException($"page-type model: unknown class '{name}'"))];
                    break;
                case "start":
                    start = [.. row.Skip(1).Select(Number)];
                    break;
                case "article-threshold" when row.Length == 2:
                    articleThreshold = Number(row[1]);
                    break;
                case "article-decision" when row is [_, "mean"]:
                    articleByMean = true;
                    break;
                case "held-out" when row.Length == 5:
                    heldOut = new HeldOutFigures(Number(row[1]), Number(row[2]), (int)Number(row[3]), row[4]);
                    break;
                case "tree" when row.Length > 2 && classes is not null:
                    // Trees come round by round, one per class in the classes line's order.
                    if (PageTypeInfo.Parse(row[1]) != classes[next]) throw new InvalidDataException($"page-type model: tree of '{row[1]}' where one of '{classes[next].Name()}' was due");
                    if (next == 0) rounds.Add(new PageTypeTree[classes.Count]);
                    rounds[^1][next] = PageTypeTree.Parse(row.AsSpan(2), Feature, Number);
                    next = (next + 1) % classes.Count;
                    break;
                case "article-start" when row.Length == 2:
                    articleStart = Number(row[1]);
                    break;
                case "article-tree" when row.Length > 1 && articleStart is not null:
                    articleTrees.Add(PageTypeTree.Parse(row.AsSpan(1), Feature, Number));
                    break;
                case "words-bias" when row.Length is 3 or 4:
                    if (row[2] != PageWords.Buckets.ToString(CultureInfo.InvariantCulture))
                        throw new InvalidDataException($"page-type model: words hashed into {row[2]} buckets, the reader hashes into {PageWords.Buckets}");
                    wordsBias = Number(row[1]);
                    // Files written before the share was chosen averaged the two halves alike.
                    if (row.Length == 4) wordsShare = Number(row[3]) is var share and >= 0 and <= 1 ? share
                        : throw new InvalidDataException($"page-type model: the words' share {row[3]} is not between 0 and 1");
                    break;
                case "word" when row.Length == 3 && wordsBias is not null:
                    wordWeights[int.Parse(row[1], CultureInfo.InvariantCulture)] = Number(row[2]);
                    break;
                default:
                    throw new InvalidDataException($"page-type model: unexpected line '{string.Join(' ', row)}'");
            }
        }
        if (classes is null || start is null || start.Length != classes.Count)
            throw new InvalidDataException("page-type model: needs a classes line and a start line of the same length");
        if (next != 0) throw new InvalidDataException("page-type model: the last round lacks trees");
        // Grown by doubling, the shipped model's weights would keep 19.6 MB where 10.9 MB hold them (measured), for the
        // life of the process: trimming costs some 10 ms once.
        wordWeights.TrimExcess();
        return new PageTypeModel(classes, start, rounds)
        {
            ArticleThreshold = articleThreshold, HeldOut = heldOut,
            Article = articleStart is { } odds ? new ArticleOdds(odds, articleTrees) : null,
            ArticleByMean = articleByMean && articleStart is not null,
            Words = wordsBias is { } bias ? new ArticleWords(bias, wordWeights, wordsShare) : null,
        };
    }

    private static int Feature(string name)
    {
        var index = PageSignals.Index(name);
        return index >= 0 ? index : throw new InvalidDataException($"page-type model: unknown feature '{name}'");
    }

    private static double Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
            : throw new InvalidDataException($"page-type model: '{value}' is not a number");

    /// <summary>Nine significant digits: a split threshold lies between two feature values and must stay there.</summary>
    private static string Format(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
