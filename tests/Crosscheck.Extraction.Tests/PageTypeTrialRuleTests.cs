using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;
using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>The trainer's trial rules joining six-way and article-or-not trees (<see cref="PageTypeTrialRules"/>).</summary>
public sealed class PageTypeTrialRuleTests
{
    [Fact]
    public void By_either_rule_a_page_is_an_article_when_the_six_way_or_the_article_or_not_trees_make_it_one()
    {
        // Six-way: article on pages without prices, service on pages with them. Article-or-not: an article (log-odds 2)
        // on pages with a byline, not one (-2) without.
        var model = PageTypeModel.Parse(
        [
            ["classes", "article", "service"],
            ["start", "0", "0"],
            ["tree", "article", "prices<0.3", "=1", "=0"],
            ["tree", "service", "prices<0.3", "=0", "=1"],
            ["article-start", "0"],
            ["article-tree", "has-byline<0.5", "=-2", "=2"],
        ]);
        var features = new double[PageSignals.Names.Count];

        // No prices, no byline: the article-or-not trees alone say service; either rule keeps the six-way article.
        Assert.Equal(PageType.Service, model.Classify(features));
        Assert.Equal(PageType.Article, PageTypeTrialRules.ArticleByEither(model, features));
        // Prices and a byline: the article-or-not trees make it an article.
        features[PageSignals.Index("prices")] = 0.5;
        features[PageSignals.Index("has-byline")] = 1;
        Assert.Equal(PageType.Article, PageTypeTrialRules.ArticleByEither(model, features));
        // Prices, no byline: neither says article, and the page keeps the six-way type.
        features[PageSignals.Index("has-byline")] = 0;
        Assert.Equal(PageType.Service, PageTypeTrialRules.ArticleByEither(model, features));
    }

    [Fact]
    public void By_the_mean_rule_a_page_is_an_article_when_the_two_probabilities_of_article_average_half_or_more()
    {
        // Six-way: article leads service by 2 on pages without prices (probability of article 0.88), trails by 2 with them (0.12).
        // Article-or-not: log-odds 0 (probability 0.5) without a byline, -4 (0.018) or 4 (0.98) by prices with one.
        var model = PageTypeModel.Parse(
        [
            ["classes", "article", "service"],
            ["start", "0", "0"],
            ["tree", "article", "prices<0.3", "=1", "=-1"],
            ["tree", "service", "prices<0.3", "=-1", "=1"],
            ["article-start", "0"],
            ["article-tree", "has-byline<0.5", "=0", "prices<0.3", "=-4", "=4"],
        ]);
        var features = new double[PageSignals.Names.Count];

        // No prices, no byline: 0.88 and 0.5 average 0.69, an article.
        Assert.Equal(PageType.Article, PageTypeTrialRules.ArticleByMean(model, features));
        // Prices and a byline: 0.12 and 0.98 average 0.55, an article.
        features[PageSignals.Index("prices")] = 0.5;
        features[PageSignals.Index("has-byline")] = 1;
        Assert.Equal(PageType.Article, PageTypeTrialRules.ArticleByMean(model, features));
        // Prices, no byline: 0.12 and 0.5 average 0.31, the six-way trees' other type.
        features[PageSignals.Index("has-byline")] = 0;
        Assert.Equal(PageType.Service, PageTypeTrialRules.ArticleByMean(model, features));
    }
}
