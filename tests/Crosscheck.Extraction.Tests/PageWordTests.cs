using AngleSharp.Html.Parser;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;
using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>The page's hashed words (<see cref="PageWords"/>) and the regression of article over them (<see cref="PageTypeModel.Words"/>).</summary>
public class PageWordTests
{
    private static PageWordVector Read(string html, string url) => PageWords.Read(new HtmlParser().ParseDocument(html), url);

    private static bool Has(PageWordVector words, string gram) => Array.BinarySearch(words.Indices, PageWords.Bucket(gram)) >= 0;

    [Fact]
    public void Each_field_keeps_its_own_words_and_the_opening_lines_skip_navigation_links_and_buttons()
    {
        var words = Read("""
            <html><head><title>Blue Kettle 2000</title></head><body>
            <nav><a href="/shop">Shop</a><span>Menu</span></nav>
            <h1>Blue kettle</h1><p>Boils a litre in 90 seconds.</p>
            <button>Add to cart</button><a href="/reviews">Read reviews</a>
            </body></html>
            """, "https://example.org/products/blue-kettle?id=7");

        Assert.All(new[] { "u:products", "u:blue_kettle", "t:kettle_0000", "h:blue_kettle", "b:add_to", "a:read_reviews", "a:shop", "x:boils_a", "x:00" },
            gram => Assert.True(Has(words, gram), gram));
        Assert.All(new[] { "x:menu", "x:add", "x:shop" }, gram => Assert.False(Has(words, gram), gram));
        Assert.Equal(words.Indices.Order(), words.Indices);
    }

    [Fact]
    public void The_same_page_hashes_to_the_same_buckets_with_each_field_of_unit_length()
    {
        const string html = "<html><head><title>Reply to the thread</title></head><body><p>Posted by a reader</p></body></html>";
        var first = Read(html, "https://forum.example.net/t/42");
        var second = Read(html, "https://forum.example.net/t/42");

        Assert.Equal(first.Indices, second.Indices);
        Assert.Equal(first.Values, second.Values);
        // The title "Reply to the thread": four words and three pairs, each 1/sqrt(7).
        Assert.Equal(1 / Math.Sqrt(7), first.Values[Array.BinarySearch(first.Indices, PageWords.Bucket("t:reply_to"))], 12);
    }

    [Fact]
    public void A_field_reads_at_most_a_thousand_words_however_long_the_title()
    {
        // Distinct letter-only words ("baa", "bab", ...): digits would all read as 0.
        var title = string.Join(' ', Enumerable.Range(0, 5000).Select(i => "b" + (char)('a' + i / 676 % 26) + (char)('a' + i / 26 % 26) + (char)('a' + i % 26)));
        var words = Read($"<html><head><title>{title}</title></head><body><button>{title}</button></body></html>", "https://example.org/");

        // A thousand words and 999 pairs in each field, however many the page holds.
        Assert.Equal(1 / Math.Sqrt(1999), words.Values[Array.BinarySearch(words.Indices, PageWords.Bucket("t:baaa"))], 12);
        Assert.Equal(1 / Math.Sqrt(1999), words.Values[Array.BinarySearch(words.Indices, PageWords.Bucket("b:baaa"))], 12);
    }

    [Fact]
    public void The_shipped_model_read_from_its_text_is_the_model_read_from_its_rows()
    {
        var assembly = typeof(PageWords).Assembly;
        const string path = "PageTypes/page-types-model.txt";
        var fromText = PageTypeModel.Parse(Crosscheck.Core.Text.Lexicon.Text(assembly, path));
        var fromRows = PageTypeModel.Parse(Crosscheck.Core.Text.Lexicon.Rows(assembly, path, Crosscheck.Core.Text.LexiconCase.Exact));

        Assert.NotNull(fromText.Words);
        Assert.Equal(fromRows.Words!.Weights.Count, fromText.Words.Weights.Count);
        Assert.True(fromText.Words.Weights.Count > 300_000);
        Assert.Equal(Written(fromRows), Written(fromText));
    }

    [Theory]
    [InlineData("word\t1\t0.5\nwords-bias\t0\t{0}\n")]
    [InlineData("words-bias\t0\t{0}\nword\t1\tx\n")]
    [InlineData("words-bias\t0\t{0}\nword\t1\t0.5\t2\n")]
    public void A_word_line_out_of_place_or_malformed_fails_the_text_as_it_fails_the_rows(string words)
    {
        var text = "classes\tarticle\tforum\nstart\t0\t0\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, words, PageWords.Buckets);
        Assert.Throws<InvalidDataException>(() => PageTypeModel.Parse(text));
        Assert.Throws<InvalidDataException>(() => PageTypeModel.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))));
    }

    private static string Written(PageTypeModel model)
    {
        var written = new StringWriter();
        model.Write(written, []);
        return written.ToString();
    }

    private static PageTypeSample Page(int i, string opening, PageType type) =>
        new($"p{i}", $"site{i}", new double[PageSignals.Names.Count], type,
            Read($"<html><body><p>{opening} number {i}</p></body></html>", $"https://site{i}.example/page"));

    /// <summary>The regression fitted on <paramref name="samples"/>, weighing its whole share on pages of a dozen grams such as <see cref="Pages"/>' (<see cref="PageTypeModel.ArticleWords.FullShareGrams"/>).</summary>
    private static PageTypeModel.ArticleWords FitOnFewGrams(List<PageTypeSample> samples, PageWordTrainer.Settings? settings = null) =>
        PageWordTrainer.Fit(samples, settings)! with { FullShareGrams = 0 };

    /// <summary>Trees that cannot tell the pages apart (every feature 0), fitted on labels two in five articles: a page is a product to them.</summary>
    private static PageTypeModel BlindTrees(List<PageTypeSample> samples) =>
        PageTypeBooster.Fit([.. samples.Select((s, i) => s with { Type = i % 5 < 2 ? PageType.Article : PageType.Product })],
            new PageTypeBooster.Settings(Rounds: 5, Depth: 1));

    private static List<PageTypeSample> Pages() =>
        [.. Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? Page(i, "posted by our reporter", PageType.Article) : Page(i, "add to cart now", PageType.Product))];

    [Fact]
    public void The_words_regression_learns_which_words_mark_an_article_and_joins_the_trees_decision()
    {
        var samples = Pages();
        var words = FitOnFewGrams(samples);
        var article = samples[0].Words!;
        var product = samples[1].Words!;
        Assert.True(words.Probability(article) > 0.7);
        Assert.True(words.Probability(product) < 0.3);

        // Trees that cannot tell the pages apart (every feature 0; two in five articles) type both a product;
        // with the words averaged in, the article page becomes an article and the product page stays a product.
        var trees = BlindTrees(samples);
        var withWords = trees.WithWords(words);
        var features = new double[PageSignals.Names.Count];
        Assert.Equal(PageType.Product, trees.Classify(features, null, words: article));
        Assert.Equal(PageType.Article, withWords.Classify(features, null, words: article));
        Assert.Equal(PageType.Product, withWords.Classify(features, null, words: product));
        Assert.Equal(PageType.Product, withWords.Classify(features, null, words: null));
        Assert.Equal((trees.ArticleProbability(features) + words.Probability(article)) / 2, withWords.ArticleProbability(features, article), 12);

        var written = new StringWriter();
        withWords.Write(written, []);
        var copy = PageTypeModel.Parse(written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')));
        Assert.NotNull(copy.Words);
        Assert.Equal(words.Probability(article), copy.Words.Probability(article), 4);
        // The file keeps no gram count: a model read from it has the shipped one, lifted here for the made-up pages.
        Assert.Equal(PageTypeModel.ArticleWords.DefaultFullShareGrams, copy.Words.FullShareGrams);
        Assert.Equal(withWords.Classify(features, null, words: article), copy.WithWords(copy.Words with { FullShareGrams = 0 }).Classify(features, null, words: article));

        var otherBuckets = written.ToString().Replace($"words-bias\t{copy.Words.Bias.ToString("G9", System.Globalization.CultureInfo.InvariantCulture)}\t{PageWords.Buckets}", $"words-bias\t0\t{PageWords.Buckets * 2}");
        Assert.Throws<InvalidDataException>(() => PageTypeModel.Parse(otherBuckets.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t'))));
    }

    [Fact]
    public void A_page_whose_words_the_regression_mostly_never_met_is_told_by_the_trees_alone()
    {
        var samples = Pages();
        var words = FitOnFewGrams(samples);
        var trees = BlindTrees(samples);
        var withWords = trees.WithWords(words);
        var features = new double[PageSignals.Names.Count];
        var known = samples[0].Words!;
        var foreign = Read("<html><body><p>zwei drei vier fünf sechs sieben</p></body></html>", "https://andere.example/seite");

        Assert.True(words.KnownShare(known) > 0.9);
        Assert.True(words.Knows(known));
        Assert.Equal(0, words.KnownShare(foreign));
        Assert.False(words.Knows(foreign));
        // Unknown words leave the regression at its bias, not at a view of the page: the trees decide alone.
        Assert.Equal(trees.ArticleProbability(features), withWords.ArticleProbability(features, foreign), 12);
        // The same model decides as it does with no words at all (both by its article threshold, not by highest score).
        Assert.Equal(withWords.Classify(features, null, words: null), withWords.Classify(features, null, words: foreign));
        Assert.NotEqual(trees.ArticleProbability(features), withWords.ArticleProbability(features, known), 6);
    }

    [Fact]
    public void On_a_page_of_few_grams_the_words_weigh_in_proportion_to_its_grams()
    {
        var samples = Pages();
        var trees = BlindTrees(samples);
        var features = new double[PageSignals.Names.Count];
        var page = samples[0].Words!;
        var fitted = PageWordTrainer.Fit(samples)!;
        var fromTrees = trees.ArticleProbability(features);
        var fromWords = fitted.Probability(page);

        var enough = trees.WithWords(fitted with { FullShareGrams = page.Indices.Length });
        var twiceTheGrams = trees.WithWords(fitted with { FullShareGrams = 2 * page.Indices.Length });

        Assert.Equal(fitted.Share, enough.Words!.ShareOn(page));
        Assert.Equal(fitted.Share / 2, twiceTheGrams.Words!.ShareOn(page), 12);
        Assert.Equal((1 - fitted.Share) * fromTrees + fitted.Share * fromWords, enough.ArticleProbability(features, page), 12);
        Assert.Equal((1 - fitted.Share / 2) * fromTrees + fitted.Share / 2 * fromWords, twiceTheGrams.ArticleProbability(features, page), 12);
        Assert.Equal(PageTypeModel.ArticleWords.DefaultFullShareGrams, fitted.FullShareGrams);
    }

    /// <summary>A short news brief as a small outlet's site serves it: a headline and three short paragraphs in an article element, its date and site name in the head.</summary>
    private static string Brief(string headline, string first, string second) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{headline}} - Millbrook Ledger</title>
        <meta property="og:site_name" content="Millbrook Ledger"><meta property="article:published_time" content="2025-03-11T07:30:00Z"></head>
        <body><header><a href="/">Millbrook Ledger</a></header><main><article><h1>{{headline}}</h1>
        <p>{{first}}</p><p>{{second}}</p>
        <p>The Millbrook Ledger has covered the valley's towns since 1921 and is owned by a reader cooperative.</p>
        </article></main><footer><a href="/contact">Contact</a></footer></body></html>
        """;

    [Theory]
    [InlineData("Library reopens after roof repairs", "The town library reopened on Tuesday after six weeks of repairs to a roof that had leaked since the winter storms.", "Staff said the children's section would keep longer hours until the end of the month.")]
    [InlineData("Bus route to the hospital changes", "The number 12 bus will run past the hospital's new entrance from Monday, the transport office said.", "Two stops on the old road will close, and a shuttle will serve the car park at weekends.")]
    [InlineData("School choir wins regional contest", "Pupils of the primary school choir took first place at the regional contest on Saturday, ahead of eleven other schools.", "The choir will sing at the county hall in June.")]
    [InlineData("Bridge closed for two nights", "The river bridge will be closed to traffic on Wednesday and Thursday night while engineers replace its lamps.", "Drivers are asked to use the ring road; the footpath stays open.")]
    public void The_shipped_model_types_a_short_news_brief_an_article_at_a_news_address(string headline, string first, string second)
    {
        var (article, signals) = new ArticleExtractor().ExtractPage(TestInputs.Html(Brief(headline, first, second), "https://millbrook-ledger.example/news/7"));

        Assert.Equal(PageType.Article, article.PageType);
        // Few grams, so the words' regression, whose score on such a page is little more than its bias, weighs less than its share.
        var words = PageTypeModel.Default.Words!;
        Assert.True(words.ShareOn(signals!.Words!) < words.Share / 2);
    }

    /// <summary>A word of letters only (digits all read as 0) that names <paramref name="i"/>.</summary>
    private static string Letters(int i) => "q" + (char)('a' + i / 26 % 26) + (char)('a' + i % 26);

    [Fact]
    public void A_word_seen_on_one_training_site_only_is_learnt_only_when_one_site_is_enough()
    {
        // Two pages a site, each page with a word of its own beside the words every article or product shares.
        var samples = Enumerable.Range(0, 40)
            .Select(i => Page(i, (i % 2 == 0 ? "posted by our reporter " : "add to cart now ") + Letters(i), i % 2 == 0 ? PageType.Article : PageType.Product) with { Site = $"site{i / 2}" })
            .ToList();
        var own = PageWords.Bucket("x:" + Letters(6));

        var everyWord = PageWordTrainer.Fit(samples, PageWordTrainer.Settings.Default with { MinSites = 1 })!;
        var sharedWords = PageWordTrainer.Fit(samples, PageWordTrainer.Settings.Default with { MinSites = 2 })!;

        Assert.True(everyWord.Weights.ContainsKey(own));
        Assert.False(sharedWords.Weights.ContainsKey(own));
        Assert.True(sharedWords.Weights.ContainsKey(PageWords.Bucket("x:reporter")));
        Assert.True(sharedWords.Weights.Count < everyWord.Weights.Count);
    }

    [Fact]
    public void The_words_weigh_their_share_of_the_decision_and_the_share_survives_the_file()
    {
        var samples = Pages();
        var words = FitOnFewGrams(samples, PageWordTrainer.Settings.Default with { Share = 0.3 });
        var trees = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 2, Depth: 1)).WithWords(words);
        var features = new double[PageSignals.Names.Count];
        var page = samples[0].Words!;

        Assert.Equal(0.3, words.Share);
        Assert.Equal(0.7 * trees.WithWords(null).ArticleProbability(features) + 0.3 * words.Probability(page), trees.ArticleProbability(features, page), 12);

        var written = Written(trees);
        Assert.Equal(0.3, PageTypeModel.Parse(written).Words!.Share);
        // A file written before the share was chosen (no share on its words-bias line) averages the two halves alike.
        var older = string.Join('\n', written.Split('\n').Select(line => line.StartsWith("words-bias\t", StringComparison.Ordinal) ? string.Join('\t', line.TrimEnd('\r').Split('\t')[..3]) : line));
        Assert.Equal(0.5, PageTypeModel.Parse(older).Words!.Share);
        var outOfRange = string.Join('\n', written.Split('\n').Select(line => line.StartsWith("words-bias\t", StringComparison.Ordinal) ? string.Join('\t', [.. line.TrimEnd('\r').Split('\t')[..3], "1.5"]) : line));
        Assert.Throws<InvalidDataException>(() => PageTypeModel.Parse(outOfRange));
    }

    [Fact]
    public void Fold_models_of_a_model_with_words_fit_their_own_words()
    {
        var samples = Pages();
        var plain = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 1));
        var grid = new PageTypeTrainer.Grid([1], [5]);

        var folds = PageTypeTrainer.FoldModelsLike(plain.WithWords(PageWordTrainer.Fit(samples)), samples, 3, grid);

        Assert.Equal(samples.Count, folds.Count);
        Assert.Equal(3, folds.Values.Distinct().Count());
        Assert.All(folds.Values, model => Assert.NotNull(model.Words));
        Assert.Equal(3, folds.Values.Select(model => model.Words).Distinct().Count());
        Assert.All(PageTypeTrainer.FoldModelsLike(plain, samples, 3, grid).Values, model => Assert.Null(model.Words));
    }

    [Fact]
    public void A_lighter_page_moves_the_words_regression_less()
    {
        // Product pages whose words are also on a page typed article: the heavier that page, the more article its words read.
        var samples = Pages();
        var mixed = Page(100, "add to cart now", PageType.Article);
        var page = samples[1].Words!;

        var full = PageWordTrainer.Fit([.. samples, mixed])!.Probability(page);
        var light = PageWordTrainer.Fit([.. samples, mixed with { Weight = 0.1 }])!.Probability(page);
        var none = PageWordTrainer.Fit([.. samples, mixed with { Weight = 0 }])!.Probability(page);

        Assert.True(full > light + 0.01, $"{full} against {light}");
        Assert.True(light > none, $"{light} against {none}");
    }
}
