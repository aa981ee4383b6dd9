namespace Crosscheck.Extraction.Tests;

/// <summary>A template's placeholder text is no one's text, on any kind of page.</summary>
public class PlaceholderTextTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    [Fact]
    public void Placeholder_text_goes_and_a_sentence_about_it_stays()
    {
        var kept = Html.HtmlContentExtractor.WithoutPlaceholderText(
            ["Our new studio opens in May.", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "Lorem ipsum 2", "Lorem ipsum is the filler text designers use before the words arrive."]);

        Assert.Equal(["Our new studio opens in May.", "Lorem ipsum is the filler text designers use before the words arrive."], kept);
    }

    [Fact]
    public void Prose_that_opens_with_the_phrase_stays()
    {
        var kept = Html.HtmlContentExtractor.WithoutPlaceholderText(
            ["Lorem ipsum dolor sit amet is a scrambled passage from a Latin treatise on ethics.", "Lorem ipsum dolor sit amet consectetur adipiscing elit."]);

        Assert.Equal(["Lorem ipsum dolor sit amet is a scrambled passage from a Latin treatise on ethics."], kept);
    }

    [Fact]
    public void A_section_left_with_its_placeholder_is_not_in_the_body()
    {
        var html = TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs +
            "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("some now think the central bank could cut interest rates", article.Body);
        Assert.DoesNotContain("Lorem ipsum", article.Body);
    }

    [Fact]
    public void A_page_of_placeholder_text_only_keeps_it()
    {
        List<string> page = ["Lorem ipsum", "Lorem ipsum dolor sit amet."];

        Assert.Equal(page, Html.HtmlContentExtractor.WithoutPlaceholderText(page));
    }
}
