using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;
using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>The page-type trainer's boosted trees (Crosscheck.Training) on small made-up feature sets.</summary>
public class PageTypeBoosterTests
{
    private static double[] Features(double prices, double code)
    {
        var features = new double[PageSignals.Names.Count];
        features[PageSignals.Index("prices")] = prices;
        features[PageSignals.Index("code")] = code;
        return features;
    }

    [Fact]
    public void Boosted_trees_learn_a_rule_no_weighted_sum_can()
    {
        // Exclusive or: a page with prices or code but not both is a product, else an article. No linear score
        // separates the four corners; two levels of splits do. Unequal corners, so the first split gains something.
        var samples = new List<PageTypeSample>();
        foreach (var (prices, code, copies) in new[] { (0.0, 0.0, 12), (1.0, 0.0, 8), (0.0, 1.0, 10), (1.0, 1.0, 6) })
            for (var copy = 0; copy < copies; copy++)
                samples.Add(new PageTypeSample($"{prices}-{code}-{copy}", $"site{copy}", Features(prices, code),
                    (prices > 0) != (code > 0) ? PageType.Product : PageType.Article));

        var model = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 60, Depth: 2));

        Assert.Equal(PageType.Article, model.Classify(Features(0, 0)));
        Assert.Equal(PageType.Product, model.Classify(Features(1, 0)));
        Assert.Equal(PageType.Product, model.Classify(Features(0, 1)));
        Assert.Equal(PageType.Article, model.Classify(Features(1, 1)));
        Assert.Equal(60, model.Rounds.Count);
        Assert.True(model.Depth <= 2);
    }

    [Fact]
    public void A_fitted_model_reads_back_as_written()
    {
        var samples = Enumerable.Range(0, 30).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features(i / 30.0, (i % 3) / 3.0),
            i < 10 ? PageType.Article : i < 20 ? PageType.Listing : PageType.Service)).ToList();
        var model = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 20, Depth: 3));

        var written = new StringWriter();
        model.Write(written, ["a test model"]);
        var copy = PageTypeModel.Parse(written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#')).Select(line => line.TrimEnd('\r').Split('\t')));

        foreach (var sample in samples)
            Assert.Equal(model.Scores(sample.Features), copy.Scores(sample.Features), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Article_or_not_trees_decide_article_and_the_six_way_trees_which_other_type()
    {
        // A page without prices is an article. The six-way trees here never saw an article (every page a service or a
        // product, told apart by code), so whatever says "article" below comes from the article-or-not trees.
        var samples = Enumerable.Range(0, 40).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features(i % 2, i % 4 < 2 ? 0 : 1),
            i % 2 == 0 ? PageType.Article : PageType.Service)).ToList();
        var sixWay = PageTypeBooster.Fit([.. samples.Select(s => s with { Type = s.Features[PageSignals.Index("code")] > 0 ? PageType.Product : PageType.Service })],
            new PageTypeBooster.Settings(Rounds: 20, Depth: 2));
        var odds = PageTypeBooster.FitArticle(samples, new PageTypeBooster.Settings(Rounds: 30, Depth: 1));
        var model = sixWay.WithArticle(odds);

        Assert.True(odds.Probability(Features(0, 0)) > 0.9);
        Assert.True(odds.Probability(Features(1, 0)) < 0.1);
        Assert.Equal(PageType.Service, sixWay.Classify(Features(0, 0)));
        Assert.Equal(PageType.Article, model.Classify(Features(0, 0)));
        Assert.Equal(PageType.Article, model.Classify(Features(0, 1)));
        Assert.Equal(PageType.Service, model.Classify(Features(1, 0)));
        Assert.Equal(PageType.Product, model.Classify(Features(1, 1)));
        Assert.Equal(odds.Probability(Features(0, 1)), model.ArticleProbability(Features(0, 1)));

        var written = new StringWriter();
        model.Write(written, []);
        var copy = PageTypeModel.Parse(written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')));
        Assert.NotNull(copy.Article);
        Assert.Equal(30, copy.Article.Trees.Count);
        foreach (var (prices, code) in new[] { (0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0) })
        {
            Assert.Equal(model.Classify(Features(prices, code)), copy.Classify(Features(prices, code)));
            Assert.Equal(odds.Probability(Features(prices, code)), copy.Article.Probability(Features(prices, code)), 6);
        }
    }

    [Fact]
    public void Held_out_page_types_come_from_fold_models_fitted_as_the_shipped_model_was()
    {
        // `eval extraction --held-out-page-types` reports the figures of models fitted like the shipped one: a fold model
        // of a shipped model with an article threshold has its own threshold (chosen inside the fold), one of a model with
        // article-or-not trees has such trees (deciding by their mean with the six-way trees' when the shipped model's do),
        // one of a plain model neither; one model per fold.
        var samples = Enumerable.Range(0, 45).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features((i * 7 % 10) / 10.0, i % 3 == 0 ? 1 : 0),
            i % 3 == 0 ? PageType.Documentation : i * 7 % 10 < 5 ? PageType.Article : PageType.Service)).ToList();
        var plain = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 2));
        var grid = new PageTypeTrainer.Grid([2], [5]);
        const int folds = 3;

        var plainFolds = PageTypeTrainer.FoldModelsLike(plain, samples, folds, grid);
        var thresholdFolds = PageTypeTrainer.FoldModelsLike(plain.WithArticleThreshold(0.6), samples, folds, grid);
        var articleFolds = PageTypeTrainer.FoldModelsLike(plain.WithArticle(PageTypeBooster.FitArticle(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 1))), samples, folds, grid);
        var meanFolds = PageTypeTrainer.FoldModelsLike(plain.WithArticle(PageTypeBooster.FitArticle(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 1))).WithArticleByMean(true), samples, folds, grid);

        foreach (var models in new[] { plainFolds, thresholdFolds, articleFolds, meanFolds })
        {
            Assert.Equal(samples.Count, models.Count);
            Assert.Equal(folds, models.Values.Distinct().Count());
        }
        Assert.All(plainFolds.Values, model => Assert.True(model.ArticleThreshold is null && model.Article is null));
        Assert.All(thresholdFolds.Values, model => Assert.True(model.ArticleThreshold is not null && model.Article is null));
        Assert.All(articleFolds.Values, model => Assert.True(model.Article is not null && model.ArticleThreshold is null && !model.ArticleByMean));
        Assert.All(meanFolds.Values, model => Assert.True(model.Article is not null && model.ArticleThreshold is null && model.ArticleByMean));
    }

    [Fact]
    public void The_extractor_types_pages_with_the_model_its_options_name()
    {
        // `eval extraction --held-out-page-types` relies on this: a page typed by another model than the shipped one.
        var samples = Enumerable.Range(0, 12).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features(i / 12.0, 0), PageType.Service)).ToList();
        var everythingService = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 2));
        var paragraph = "<p>The council voted on Tuesday to rebuild the old harbour wall, which storms breached twice last winter, "
            + "and engineers said the work would take most of next year while the ferry keeps running from the north quay.</p>";
        var html = "<html><head><title>Council votes to rebuild harbour wall</title></head><body><article><h1>Council votes to rebuild harbour wall</h1>"
            + string.Concat(Enumerable.Repeat(paragraph, 6)) + "</article></body></html>";
        var input = new RawInput
        {
            Id = "harbour",
            Source = "harbour.html",
            Kind = RawKind.Html,
            Content = System.Text.Encoding.UTF8.GetBytes(html),
            Hints = new IngestHints { Url = "https://news.example.org/2024/05/07/council-votes-to-rebuild-harbour-wall" },
        };

        Assert.Equal(PageType.Article, new ArticleExtractor().Extract(input).PageType);
        Assert.Equal(PageType.Service, new ArticleExtractor(new ExtractionOptions { PageTypeModel = everythingService }).Extract(input).PageType);
    }

    [Fact]
    public void A_brief_of_an_article_keeps_its_head_and_its_first_long_paragraphs_cut_short()
    {
        var long1 = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));
        var truth = $"Short line\n{long1}\nThe second paragraph has enough words to be kept here.\nA third paragraph also holds eight words or more.\nA fourth one is never kept by the brief.";
        var html = "<html><head><title>Harbour wall &amp; ferry</title><meta property=\"og:type\" content=\"article\"></head><body><nav>menu</nav><p>long original</p></body></html>";

        var brief = PageTypeTrainer.BriefOf(html, truth)!;

        Assert.Contains("<meta property=\"og:type\" content=\"article\">", brief);
        Assert.Contains("<h1>Harbour wall &amp; ferry</h1>", brief);
        Assert.Contains("word39</p>", brief);
        Assert.DoesNotContain("word40", brief);
        Assert.Contains("A third paragraph", brief);
        Assert.DoesNotContain("fourth", brief);
        Assert.DoesNotContain("Short line", brief);
        Assert.DoesNotContain("menu", brief);
        Assert.Null(PageTypeTrainer.BriefOf(html, "Only one paragraph of eight words or more is here.\nshort"));
    }

    [Fact]
    public void Briefs_train_the_fold_models_of_their_site_and_are_never_scored()
    {
        var samples = Enumerable.Range(0, 30).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features((i * 7 % 10) / 10.0, 0),
            i * 7 % 10 < 5 ? PageType.Article : PageType.Service)).ToList();
        var briefs = samples.Where(s => s.Type == PageType.Article)
            .Select(s => new PageTypeSample(s.Id + PageTypeTrainer.BriefSuffix, s.Site, Features(0.9, 0), PageType.Article)).ToList();
        var plain = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 2));

        var folds = PageTypeTrainer.FoldModelsLike(plain, [.. samples, .. briefs], 3, new PageTypeTrainer.Grid([2], [5]));

        Assert.True(briefs.All(b => b.Brief) && samples.All(s => !s.Brief));
        Assert.Equal(samples.Select(s => s.Id).Order(), folds.Keys.Order());
        // The briefs (all at 0.9, where the plain pages there are services) move the fold models: a page at 0.9 is typed otherwise than without them.
        var without = PageTypeTrainer.FoldModelsLike(plain, samples, 3, new PageTypeTrainer.Grid([2], [5]));
        Assert.Contains(samples, s => folds[s.Id].Classify(Features(0.9, 0)) != without[s.Id].Classify(Features(0.9, 0)));
    }

    [Fact]
    public void A_page_of_weight_two_fits_as_two_copies_of_it_and_weight_moves_the_trees()
    {
        var samples = Enumerable.Range(0, 30).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features((i * 7 % 10) / 10.0, i % 3 / 3.0),
            i * 7 % 10 < 5 ? PageType.Article : i % 2 == 0 ? PageType.Service : PageType.Listing)).ToList();
        var odd = new PageTypeSample("odd", "site0", Features(0.9, 0), PageType.Article);
        var settings = new PageTypeBooster.Settings(Rounds: 10, Depth: 2);

        var twice = PageTypeBooster.Fit([.. samples, odd, odd with { Id = "odd2" }], settings);
        var weighted = PageTypeBooster.Fit([.. samples, odd with { Weight = 2 }], settings);
        var light = PageTypeBooster.Fit([.. samples, odd with { Weight = 0.2 }], settings);
        var articleTwice = PageTypeBooster.FitArticle([.. samples, odd, odd with { Id = "odd2" }], settings);
        var articleWeighted = PageTypeBooster.FitArticle([.. samples, odd with { Weight = 2 }], settings);

        foreach (var sample in samples.Append(odd))
        {
            Assert.Equal(twice.Scores(sample.Features), weighted.Scores(sample.Features), (a, b) => Math.Abs(a - b) < 1e-9);
            Assert.Equal(articleTwice.Probability(sample.Features), articleWeighted.Probability(sample.Features), 9);
        }
        // A lighter page pulls the trees less towards its type where it sits.
        Assert.True(light.ArticleProbability(odd.Features) < weighted.ArticleProbability(odd.Features));
    }

    [Fact]
    public void A_page_kept_from_the_six_way_trees_changes_them_not_but_trains_the_article_trees()
    {
        var samples = Enumerable.Range(0, 30).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features((i * 7 % 10) / 10.0, 0),
            i * 7 % 10 < 5 ? PageType.Article : PageType.Service)).ToList();
        var briefs = Enumerable.Range(0, 6).Select(i => new PageTypeSample($"b{i}{PageTypeTrainer.BriefSuffix}", $"site{i}", Features(0.9, 0), PageType.Article, SixWay: false)).ToList();
        var settings = new PageTypeBooster.Settings(Rounds: 10, Depth: 2);

        var sixWay = PageTypeBooster.Fit([.. samples, .. briefs], settings);
        var plain = PageTypeBooster.Fit(samples, settings);
        Assert.Equal(plain.Scores(Features(0.9, 0)), sixWay.Scores(Features(0.9, 0)));
        Assert.True(PageTypeBooster.FitArticle([.. samples, .. briefs], settings).Probability(Features(0.9, 0))
            > PageTypeBooster.FitArticle(samples, settings).Probability(Features(0.9, 0)) + 0.1);
    }

    [Fact]
    public void Brief_fitting_weighs_and_marks_the_briefs_only_and_a_sites_briefs_share_its_weight()
    {
        var pages = Enumerable.Range(0, 6).Select(i => new PageTypeSample($"p{i}", $"site{i % 2}", Features(0, 0), PageType.Article)).ToList();
        var samples = pages.Concat(pages.Take(5).Select(p => p with { Id = p.Id + PageTypeTrainer.BriefSuffix })).ToList();

        var perSite = new PageTypeTrainer.BriefFitting(1, PerSite: true, SixWay: false).Apply(samples);
        var each = new PageTypeTrainer.BriefFitting(0.2).Apply(samples);

        Assert.All(perSite.Where(s => !s.Brief).Concat(each.Where(s => !s.Brief)), s => Assert.True(s.Weight == 1 && s.SixWay));
        // site0 has three briefs (p0, p2, p4), site1 two (p1, p3): a third and a half each.
        Assert.All(perSite.Where(s => s.Brief).GroupBy(s => s.Site), site => Assert.Equal(1, site.Sum(s => s.Weight), 12));
        Assert.Equal(1 / 3.0, perSite.Single(s => s.Id == "p0" + PageTypeTrainer.BriefSuffix).Weight, 12);
        Assert.All(perSite.Where(s => s.Brief), s => Assert.False(s.SixWay));
        Assert.All(each.Where(s => s.Brief), s => Assert.True(s.Weight == 0.2 && s.SixWay));
    }
}
