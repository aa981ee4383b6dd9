namespace Crosscheck.Extraction.Tests;

public class HtmlExtractionTests
{
    private static readonly ArticleExtractor Extractor = new();

    [Fact]
    public void Article_text_is_found_among_navigation_and_link_lists()
    {
        var html = TestInputs.Page(
            "<div class='top'><ul><li><a href='/1'>World</a></li><li><a href='/2'>Business</a></li><li><a href='/3'>Opinion</a></li></ul></div>" +
            "<div class='layout'><div class='story'>" + TestInputs.Paragraphs + "</div>" +
            "<div class='rail'><h3>Most read</h3><ul><li><a href='/x'>Ten tips for saving energy this winter at home</a></li><li><a href='/y'>The best walks in the national park this autumn</a></li></ul></div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(3, article.Paragraphs.Count());
        Assert.DoesNotContain("Most read", article.Body);
        Assert.DoesNotContain("Business", article.Body);
    }

    [Fact]
    public void Headings_and_lists_inside_the_article_are_kept()
    {
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs +
            "<h2>What changes in January</h2><ul><li>Pensions rise by 3 percent.</li><li>The minimum wage goes up to 12.80 an hour.</li></ul>" +
            "<p>The government will publish its own forecast next month, a spokeswoman said.</p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("What changes in January", article.Paragraphs);
        Assert.Contains("Pensions rise by 3 percent.", article.Paragraphs);
        Assert.EndsWith("a spokeswoman said.", article.Body);
    }

    [Fact]
    public void Share_bar_comments_and_cookie_notice_are_dropped()
    {
        var html = TestInputs.Page(
            "<div class='consent-box'>This site uses cookies. By continuing you accept our cookie policy.</div>" +
            "<article><div class='social-share'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a></div>" + TestInputs.Paragraphs + "</article>" +
            "<div id='comments'><p>I don't believe these numbers at all, prices in my town went up a lot this year.</p></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.DoesNotContain("cookie", article.Body);
        Assert.DoesNotContain("Share", article.Body);
        Assert.DoesNotContain("believe", article.Body);
    }

    [Fact]
    public void Paragraphs_are_separated_by_one_blank_line_and_whitespace_is_normalised()
    {
        var html = TestInputs.Page("<article><p>  First   paragraph of the story,\n with a line break and\u00A0a no-break space.</p>\n\n\n<p>Second paragraph of the story, which is also long enough to count.</p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal("First paragraph of the story, with a line break and a no-break space.\n\nSecond paragraph of the story, which is also long enough to count.", article.Body);
    }

    [Fact]
    public void Line_breaks_split_paragraphs_in_pages_without_p_tags()
    {
        var html = TestInputs.Page("<div class='text'>The mayor opened the new library on Saturday morning in front of a large crowd.<br><br>It holds more than 80,000 books and has a café on the roof, the city said.</div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(2, article.Paragraphs.Count());
    }
}
