
namespace Crosscheck.Extraction.Tests;

public class JsonExtractionTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void A_record_with_unpaired_surrogate_escapes_keeps_its_text_with_replacement_characters()
    {
        var article = Extractor.Extract(TestInputs.Json("""
            {"title": "Flood \ud800 warning", "\udfff": 1, "text": "Flood warning\n\nRiver levels rose overnight \udc00 and the council opened two shelters for residents of the low streets."}
            """));

        Assert.Equal("Flood \uFFFD warning", article.Title);
        Assert.Contains("River levels rose overnight \uFFFD and the council opened two shelters", article.Body);
    }

    [Fact]
    public void Html_field_goes_through_the_html_extractor()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            url = "https://example.net/economy/inflation",
            html = TestInputs.Page("<nav><a href='/'>Home</a><a href='/a'>Economy</a></nav><article>" + TestInputs.Paragraphs + "</article>"),
            outlet = "Example Net",
        });

        var article = Extractor.Extract(TestInputs.Json(json));

        Assert.StartsWith("The national statistics office said on Tuesday", article.Body);
        Assert.DoesNotContain("Home", article.Body);
        Assert.Equal("Example Net", article.Outlet);
        Assert.Equal("https://example.net/economy/inflation", article.Url);
    }

    [Fact]
    public void Fields_override_what_content_suggests_and_bad_date_is_reported()
    {
        var article = Extractor.Extract(TestInputs.Json(
            """{"title":"Ferry service resumes","text":"The island ferry resumed its daily crossings on Friday after a week of storms.","published":"soon"}"""));

        Assert.Equal("Ferry service resumes", article.Title);
        Assert.Equal("The island ferry resumed its daily crossings on Friday after a week of storms.", article.Body);
        Assert.Null(article.Published);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("published", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[1,2,3]", "not an object")]
    [InlineData("{\"title\": \"x\"", "not valid JSON")]
    [InlineData("{\"title\": \"Only a title\"}", "neither text nor html")]
    public void Unusable_json_gives_an_empty_article_with_a_diagnostic(string json, string reason)
    {
        var article = Extractor.Extract(TestInputs.Json(json));

        Assert.Equal("", article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains(reason, StringComparison.Ordinal));
    }
}
