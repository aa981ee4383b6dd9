using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Training;

/// <summary>
/// Ways of joining a model's six-way trees and its article-or-not trees (<see cref="PageTypeModel.Article"/>) that
/// `train page-types --article-trees` scores beside the shipped rule; none ships (see docs/BENCHMARKS.md, pagetype4 to
/// pagetype6: each kept more articles out of stories), so they live with the trainer, not in the model.
/// </summary>
internal static class PageTypeTrialRules
{
    /// <summary>
    /// The type of a page when an article is what either the six-way trees or the article-or-not trees make it; a
    /// page neither makes an article gets the six-way trees' type. Without article-or-not trees, the model's own type.
    /// </summary>
    public static PageType ArticleByEither(PageTypeModel model, double[] features)
    {
        if (model.Article is null) return model.Classify(features);
        // Where the six-way trees name another type, the article-or-not trees keep the page an article or leave it that type.
        return model.WithArticle(null).Classify(features, model.ArticleThreshold) == PageType.Article ? PageType.Article : model.Classify(features);
    }

    /// <summary>
    /// The type of a page when article or not is decided by the mean of the six-way trees' and the article-or-not
    /// trees' probabilities of article; a page that is not gets the six-way trees' best other type. Without
    /// article-or-not trees, the model's own type.
    /// </summary>
    public static PageType ArticleByMean(PageTypeModel model, double[] features)
    {
        if (model.Article is null) return model.Classify(features);
        var sixWay = model.WithArticle(null);
        var mean = (model.Article.Probability(features) + sixWay.ArticleProbability(features)) / 2;
        // Threshold 0 makes the page an article, one above 1 makes it the best other type.
        return sixWay.Classify(features, mean >= 0.5 ? 0 : 1.01);
    }
}
