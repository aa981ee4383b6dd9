namespace Crosscheck.Extraction.Tests;

/// <summary>Pages whose text is hidden until a script reveals it, or given only in noscript.</summary>
public class ConcealedTextTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    [Fact]
    public void Text_of_a_page_rendered_hidden_until_a_script_reveals_it_is_read()
    {
        var html = TestInputs.Page("<div style='visibility:hidden'><main><article>" + TestInputs.Paragraphs + "</article></main></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(3, article.Paragraphs.Count());
        Assert.StartsWith("The national statistics office", article.Body);
    }

    [Fact]
    public void Text_given_only_in_noscript_is_read()
    {
        var html = TestInputs.Page("<div id='app'></div><noscript><div class='thread'>" + TestInputs.Paragraphs + "</div></noscript>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(3, article.Paragraphs.Count());
    }

    [Fact]
    public void Hidden_text_stays_out_when_the_page_shows_its_article()
    {
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs + "</article>" +
            "<div hidden><p>Sign in to your account to keep reading the rest of the stories of this week, it only takes a minute.</p></div>" +
            "<noscript><p>Please turn on scripts in your browser to see the interactive charts that go with this story.</p></noscript>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.DoesNotContain("Sign in", article.Body);
        Assert.DoesNotContain("scripts", article.Body);
    }
}
