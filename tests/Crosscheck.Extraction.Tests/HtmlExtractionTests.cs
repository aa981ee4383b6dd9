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

    [Fact]
    public void Body_chunks_split_across_layout_rows_are_joined()
    {
        const string rail = "<div class='rail'><div class='ad-slot'></div></div>";
        var html = TestInputs.Page("<div class='page'><div class='chunks'>" +
            "<div class='row'><div class='body-text'><p>The harbour authority said on Monday that the new container terminal will open in March, two years later than planned.</p>" +
            "<p>Construction costs rose by a third, mostly because of steel prices, a spokesman for the authority said.</p></div>" + rail + "</div>" +
            "<div class='row'><div class='body-text'><p>Shipping companies had hoped to move part of their traffic to the terminal this winter, according to the port's users' association.</p>" +
            "<p>The first ships are now expected in April, once cranes, rail links and customs offices have been tested, the authority added.</p>" +
            "<p>Local residents, who had complained about noise from night work, welcomed the slower pace of construction.</p></div>" + rail + "</div>" +
            "</div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.StartsWith("The harbour authority said on Monday", article.Body);
        Assert.EndsWith("welcomed the slower pace of construction.", article.Body);
        Assert.Equal(5, article.Paragraphs.Count());
    }

    [Fact]
    public void Embedded_posts_quoted_in_the_article_are_kept_while_a_share_bar_is_not()
    {
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs +
            "<div class='social-embed'><blockquote class='tweet-embed'><p>Shop prices in our village are the same as last year, nothing got cheaper.</p>— A reader (@reader) <a href='/status/1'>October 3</a></blockquote></div>" +
            "<p>The office will publish its next estimate in four weeks, a spokeswoman said on Tuesday.</p>" +
            "<div class='social-share'><a href='#'>Share on Facebook</a> <a href='#'>Share by email</a></div></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("Shop prices in our village are the same as last year, nothing got cheaper.", article.Paragraphs);
        Assert.DoesNotContain("Share", article.Body);
        Assert.EndsWith("a spokeswoman said on Tuesday.", article.Body);
    }

    [Fact]
    public void Each_table_row_is_one_line_with_its_cells_in_order()
    {
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs +
            "<table><tr><th>Region</th><th>Rate</th><th>Top 5</th></tr><tr><td>North</td><td>2.1</td><td>yes</td></tr><tr><td>South</td><td>2.9</td><td>no</td></tr></table>" +
            "<p>Regional figures will follow at the end of the month, the statistics office said.</p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        var paragraphs = article.Paragraphs.ToList();
        var header = paragraphs.IndexOf("Region Rate Top 5");
        Assert.True(header > 0, article.Body);
        Assert.Equal("North 2.1 yes", paragraphs[header + 1]);
        Assert.Equal("South 2.9 no", paragraphs[header + 2]);
    }

    [Fact]
    public void A_bare_web_address_shown_in_the_article_is_kept_but_link_furniture_is_not()
    {
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs +
            "<p>The full report is published on the office's website:<br><a href='https://stats.example.org/cpi-october'>https://stats.example.org/cpi-october</a></p>" +
            "<p><a href='/economy'>More economy news</a></p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("https://stats.example.org/cpi-october", article.Paragraphs);
        Assert.DoesNotContain("More economy news", article.Body);
    }

    [Fact]
    public void Advert_labels_between_paragraphs_are_dropped()
    {
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs + "<div class='slot'><p>Advert</p></div>" +
            "<p>The office will publish its next estimate in four weeks, a spokeswoman said on Tuesday.</p></article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.DoesNotContain("Advert", article.Body);
        Assert.Equal(4, article.Paragraphs.Count());
    }

    [Fact]
    public void Article_in_a_layout_table_keeps_its_paragraphs()
    {
        var html = TestInputs.Page("<table><tr><td class='menu'><a href='/'>Home</a></td><td>" +
            "The city council approved the new budget on Thursday evening, after a debate that lasted more than six hours.<br><br>" +
            "Spending on schools rises by four percent, while the road maintenance fund is frozen for a second year.<br><br>" +
            "Opposition members said the plan relied on optimistic tax forecasts and voted against it." +
            "</td></tr></table>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(3, article.Paragraphs.Count());
        Assert.StartsWith("The city council approved", article.Body);
    }
}
