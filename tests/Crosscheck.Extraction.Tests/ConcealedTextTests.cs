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

    [Fact]
    public void A_page_inside_an_unclosed_sidebar_is_read()
    {
        // The banner's aside never closes, so the parser puts the whole page inside it.
        var html = TestInputs.Page("<aside class='banner'><div><a href='/news'>We joined a larger company</a></div><main><article>" + TestInputs.Paragraphs + "</article></main>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(3, article.Paragraphs.Count());
    }

    [Fact]
    public void A_page_whose_script_renders_the_text_gets_its_long_description_as_the_body()
    {
        const string description = "My bicycle chain keeps slipping on the two smallest gears, even after I cleaned it and oiled it twice. Is the chain worn out, are the gears worn, or is it something else that I have not thought of yet?";
        var html = TestInputs.Page("<div id='app'></div>", $"<meta name='description' content='{description}'>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(description, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("description", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_description_does_not_stand_in_for_a_missing_body()
    {
        var html = TestInputs.Page("<div id='app'></div>", "<meta name='description' content='Online care for the whole family, any day of the year.'>");

        Assert.Equal("", Extractor.Extract(TestInputs.Html(html)).Body);
    }

    [Fact]
    public void A_page_whose_script_renders_the_text_gets_the_article_body_of_its_structured_data()
    {
        const string first = "The river rose two metres overnight and the bridge on the old road was closed before dawn, the council said.";
        const string second = "Families on the lower streets were asked to move their cars to higher ground before the next high tide.";
        var json = $$"""{"@type": "NewsArticle", "headline": "River closes bridge", "articleBody": "{{first}}\n\n{{second}}"}""";
        var html = TestInputs.Page("<div id='app'></div>", $"<script type='application/ld+json'>{json}</script>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal([first, second], article.Paragraphs);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("structured data", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_whose_only_text_is_in_form_controls_and_menus_keeps_that_text()
    {
        var sessions = string.Concat(Enumerable.Range(1, 8).Select(i => $"<option>Session {i}: Tuesday at {i + 8} o'clock, beginners' swimming in the small pool</option>"));
        var html = TestInputs.Page($"<nav><a href='/'>Home</a></nav><form><select name='session'>{sessions}</select><button>Book this session</button></form>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("Session 3: Tuesday at 11 o'clock", article.Body);
    }

    [Fact]
    public void A_page_with_a_few_words_of_site_furniture_only_stays_empty()
    {
        var html = TestInputs.Page("<div id='app'></div><footer><a href='/help'>Help</a> <a href='/sites'>Sites in other languages</a></footer>");

        Assert.Equal("", Extractor.Extract(TestInputs.Html(html)).Body);
    }
}
