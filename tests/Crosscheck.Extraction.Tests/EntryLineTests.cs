using Crosscheck.Core.Model;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Extraction.Tests;

/// <summary>Lines a page of a given type carries about its entries rather than as its text, and placeholder text on any page.</summary>
public class EntryLineTests
{
    private const string Address = "https://kettles.example/shop/steel-kettle-1-5-litres";

    private const string Description =
        "<p>Brushed steel that holds one and a half litres, with a lid that opens wide for cleaning and a filter for hard water.</p>" +
        "<p>The base turns all the way round, the handle stays cool, and the kettle switches itself off when it boils dry.</p>" +
        "<p>Every part can be replaced, and the maker repairs it for ten years after it was bought, postage paid both ways.</p>";

    private const string Reviews =
        "<h2>Customer reviews</h2>" +
        "<p>Bought it for my mother, who loves it and uses it every morning, though she says the lid is a little stiff at first.</p>" +
        "<p>Boils quickly and quietly, and it still looks new after a year on the stove beside the window, which I had not expected.</p>";

    [Fact]
    public void A_product_page_ends_before_its_reviews_and_an_article_keeps_them()
    {
        var html = TestInputs.Page("<article><h1>Steel kettle</h1>" + Description + Reviews + "</article>");

        var asProduct = new ArticleExtractor(new ExtractionOptions { UseSmartReaderFallback = false, PageTypeModel = OneTypeModels.EverythingOf(PageType.Product) }).Extract(TestInputs.Html(html, Address));
        var asArticle = new ArticleExtractor(new ExtractionOptions { UseSmartReaderFallback = false }).Extract(TestInputs.Html(html, Address));

        Assert.Equal(PageType.Product, asProduct.PageType);
        Assert.Contains("maker repairs it for ten years", asProduct.Body);
        Assert.DoesNotContain("Customer reviews", asProduct.Body);
        Assert.DoesNotContain("Boils quickly", asProduct.Body);
        Assert.Equal(PageType.Article, asArticle.PageType);
        Assert.Contains("Boils quickly", asArticle.Body);
    }

    [Fact]
    public void Recommendations_end_a_product_page_but_a_rating_line_beside_its_name_does_not()
    {
        List<string> page = ["Steel kettle", "Reviews (12)", "Brushed steel, one and a half litres.", "The handle stays cool.", "Repairs for ten years.",
            "You may also like", "Copper kettle", "Glass teapot"];

        var kept = HtmlContentExtractor.WithoutProductTail(page);

        Assert.Equal(page[..5], kept);
    }

    [Fact]
    public void Lines_without_a_word_go_from_a_product_page_and_a_thread_but_stay_on_a_listing()
    {
        List<string> lines = ["How do I descale a kettle?", "12", "4.5/5", "Use white vinegar and water, then boil it twice with clean water.", "$29.99"];

        Assert.Equal([lines[0], lines[3]], HtmlContentExtractor.WithoutEntryLines(lines, PageType.Forum));
        Assert.Equal([lines[0], lines[3]], HtmlContentExtractor.WithoutEntryLines(lines, PageType.Product));
        Assert.Equal(lines, HtmlContentExtractor.WithoutEntryLines(lines, PageType.Listing));
        Assert.Equal(lines, HtmlContentExtractor.WithoutEntryLines(lines, PageType.Article));
    }

    [Fact]
    public void A_price_label_goes_from_a_shops_grid_but_a_sentence_about_prices_stays()
    {
        List<string> lines = ["Steel kettle", "Sale price $19.99 Regular price $29.99", "Unit price / per", "Prices of steel rose by a fifth this year, the maker says."];

        Assert.Equal([lines[0], lines[3]], HtmlContentExtractor.WithoutEntryLines(lines, PageType.Listing));
        Assert.Equal(lines, HtmlContentExtractor.WithoutEntryLines(lines, PageType.Service));
    }

    [Fact]
    public void Placeholder_text_goes_from_every_page()
    {
        var html = TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs +
            "<div><h3>Head line</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></div></article>");

        var article = new ArticleExtractor(new ExtractionOptions { UseSmartReaderFallback = false }).Extract(TestInputs.Html(html));

        Assert.Contains("some now think the central bank could cut interest rates", article.Body);
        Assert.DoesNotContain("Lorem ipsum", article.Body);
    }

    [Fact]
    public void A_page_made_only_of_such_lines_keeps_them()
    {
        List<string> lines = ["1", "2", "3"];

        Assert.Equal(lines, HtmlContentExtractor.WithoutEntryLines(lines, PageType.Forum));
    }
}
