using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;
using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>Text a page hides until a click (an accordion's answers, a tab's panes), and lines a page of entries repeats.</summary>
public class DisclosureAndRepeatTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    private const string Address = "https://garden.example/guides/2024/03/02/growing-tomatoes-under-glass";

    /// <summary>A guide with a FAQ whose answers are shown at a click; <paramref name="answer"/> writes each hidden answer.</summary>
    private static string GuideWithQuestions(Func<string, string> answer) => TestInputs.Page(
        "<article><h1>Growing tomatoes under glass</h1>" + TestInputs.Paragraphs +
        "<h2>Questions</h2><div class='faq'>" +
        "<button aria-expanded='false'>When should the seeds be sown?</button>" +
        answer("Sow the seeds in late winter on a warm windowsill, and move the young plants into the greenhouse once the nights stay mild.") +
        "<button aria-expanded='false'>How often do the plants need water?</button>" +
        answer("Water the plants every morning in summer, at the roots rather than on the leaves, so that the fruit does not split.") +
        "</div></article>");

    [Theory]
    [InlineData("<div class='faq__answer' style='display: none'><p>{0}</p></div>")]
    [InlineData("<div class='accordion-panel' hidden><p>{0}</p></div>")]
    [InlineData("<div class='chakra-collapse' style='display:none;opacity:0'><p>{0}</p></div>")]
    [InlineData("<div role='tabpanel' hidden><p>{0}</p></div>")]
    [InlineData("<div hidden='until-found'><p>{0}</p></div>")]
    public void The_answers_of_a_disclosure_hidden_until_a_click_are_read(string answerHtml)
    {
        var article = Extractor.Extract(TestInputs.Html(GuideWithQuestions(text => string.Format(System.Globalization.CultureInfo.InvariantCulture, answerHtml, text)), Address));

        Assert.Contains("lowest rate in three years", article.Body);
        Assert.Contains("Sow the seeds in late winter", article.Body);
        Assert.Contains("at the roots rather than on the leaves", article.Body);
    }

    [Fact]
    public void Hidden_text_not_named_as_a_disclosure_stays_out()
    {
        // A plain hidden block, a collapsed menu and a dialog: the last two name a collapse or a tab, but also furniture.
        var html = GuideWithQuestions(text => $"<div style='display:none'><p>{text}</p></div>").Replace("</article>",
            "<div class='nav-collapse' style='display:none'><p>Seeds, tools, greenhouses, watering cans and every other department of the shop.</p></div>" +
            "<div class='modal' style='display:none'><div class='tab-content'><p>Sign in to your account to save this guide and read it later on any device.</p></div></div></article>",
            StringComparison.Ordinal);

        var article = Extractor.Extract(TestInputs.Html(html, Address));

        Assert.Contains("lowest rate in three years", article.Body);
        Assert.DoesNotContain("Sow the seeds", article.Body);
        Assert.DoesNotContain("every other department", article.Body);
        Assert.DoesNotContain("Sign in", article.Body);
    }

    [Fact]
    public void Every_repeat_of_a_line_goes_but_a_price()
    {
        var kept = Html.HtmlContentExtractor.WithoutAnyRepeat(["Add to cart", "$29.99", "A slide of the carousel.", "Add to cart", "$29.99", "29,99 €", "A slide of the carousel.", "29,99 €"]);

        Assert.Equal(["Add to cart", "$29.99", "A slide of the carousel.", "$29.99", "29,99 €", "29,99 €"], kept);
    }

    [Fact]
    public void A_product_page_shows_its_repeated_lines_once_and_an_article_keeps_them()
    {
        // The same page typed two ways: a model that types every page as a product, and the shipped model (an article).
        var samples = Enumerable.Range(0, 12).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features(i / 12.0), PageType.Product)).ToList();
        var everythingProduct = PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 2));
        const string slide = "Brushed steel that holds one and a half litres, with a lid that opens wide for cleaning and a filter for hard water.";
        var html = TestInputs.Page("<article><h1>Steel kettle</h1>" + TestInputs.Paragraphs +
            $"<div class='slides'><p>{slide}</p><p>Cool handle</p><p>{slide}</p><p>Cool handle</p></div></article>");

        var asProduct = new ArticleExtractor(new ExtractionOptions { UseSmartReaderFallback = false, PageTypeModel = everythingProduct }).Extract(TestInputs.Html(html, Address));
        var asArticle = Extractor.Extract(TestInputs.Html(html, Address));

        Assert.Equal(PageType.Product, asProduct.PageType);
        Assert.Equal(1, Occurrences(asProduct.Body, "Cool handle"));
        Assert.Equal(1, Occurrences(asProduct.Body, "Brushed steel"));
        Assert.Equal(PageType.Article, asArticle.PageType);
        Assert.Equal(2, Occurrences(asArticle.Body, "Cool handle"));
    }

    private static double[] Features(double prices)
    {
        var features = new double[PageSignals.Names.Count];
        features[PageSignals.Index("prices")] = prices;
        return features;
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
