namespace Crosscheck.Extraction.Tests;

/// <summary>Pages whose main content is several blocks rather than one container of prose.</summary>
public class SeveralBlockTests
{
    private static readonly ArticleExtractor Extractor = new(new ExtractionOptions { UseSmartReaderFallback = false });

    private const string SiteMenu =
        "<div class='top'><ul><li><a href='/'>Home</a></li><li><a href='/plans'>Plans</a></li><li><a href='/help'>Help centre</a></li></ul></div>";

    [Fact]
    public void Every_section_of_a_page_made_of_sections_is_kept()
    {
        var html = TestInputs.Page(SiteMenu + "<div class='page'>" +
            "<div class='intro'><div class='lead'><h1>Storage that grows with you</h1><p>Keep every file in one place, from a few photos to the archives of a whole company, and pay only for what you use, month by month, with no contract and no fee to leave.</p></div></div>" +
            "<div class='row'><div class='col'><h2>Backups every night</h2><ul><li>A copy of every file in a second data centre</li><li>Thirty days of earlier versions to go back to</li></ul></div></div>" +
            "<div class='row'><div class='col'><h2>Sharing without attachments</h2><ul><li>Send a link instead of a large file</li><li>Choose who may see and who may change it</li></ul></div></div>" +
            "<div class='row'><div class='col'><h2>Support around the clock</h2><ul><li>Staff answer by phone on every day of the year</li><li>Most questions are solved within the hour</li></ul></div></div>" +
            "</div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("Keep every file in one place", article.Body);
        Assert.Contains("Thirty days of earlier versions", article.Body);
        Assert.Contains("Send a link instead of a large file", article.Body);
        Assert.Contains("Most questions are solved within the hour", article.Body);
        Assert.DoesNotContain("Help centre", article.Body);
    }

    /// <summary>A question, a long answer and a short reply, as (author, text).</summary>
    private static readonly (string Author, string Text)[] ThreadPosts =
    [
        ("walker22", "My bicycle chain keeps slipping on the two smallest gears, even after I cleaned it. Is the chain worn out or is it the gears?"),
        ("gearhead", "Measure the chain with a ruler first: twelve links should be twelve inches, and if they are longer than that, it is worn and should be replaced, along with the gears, which wear with it and slip once the chain is changed, usually on the small ones first."),
        ("walker22", "Thanks, it was a little longer than that, so I will replace both the chain and the gears this weekend."),
    ];

    private static void AssertEveryPostKept(string body)
    {
        foreach (var (_, text) in ThreadPosts) Assert.Contains(text, body);
    }

    [Fact]
    public void Every_post_of_a_thread_is_kept_with_its_question()
    {
        var posts = ThreadPosts.Select(post => $"<div class='entry'><span>{post.Author}</span><p>{post.Text}</p></div>");
        var html = TestInputs.Page(SiteMenu + "<div class='topic'>" + string.Concat(posts) + "</div>");

        AssertEveryPostKept(Extractor.Extract(TestInputs.Html(html)).Body);
    }

    [Fact]
    public void Teasers_outside_the_main_element_stay_out_of_the_article()
    {
        var teaser = "<li><h3><a href='/other'>Council approves the new budget after a long night</a></h3><p>The vote came after eleven hours of debate about schools, roads and the library on the east side of town.</p></li>";
        var html = TestInputs.Page("<div class='site'><main><article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</article></main>" +
            "<div class='more'><ul>" + teaser + teaser + teaser + teaser + "</ul></div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.StartsWith("The national statistics office", article.Body);
        Assert.DoesNotContain("eleven hours of debate", article.Body);
    }

    [Fact]
    public void Text_wrapped_piece_by_piece_in_widget_elements_is_kept_whole()
    {
        string Widget(string text) => "<div class='pb-widget'><div class='pb-widget-container'><p>" + text + "</p></div></div>";
        var pieces = Enumerable.Range(1, 12).Select(i => Widget($"Part {i} of the guide explains, step by step and with examples, how to keep a small garden of herbs alive through a dry summer."));
        var html = TestInputs.Page(SiteMenu + "<div class='pb-page'><div class='pb-section'>" + string.Concat(pieces) + "</div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(12, article.Paragraphs.Count());
    }

    [Fact]
    public void Repeated_caption_footers_stay_furniture()
    {
        var figures = string.Concat(Enumerable.Range(1, 10).Select(i => $"<div class='media'><img src='/{i}.jpg'><div class='media-footer'>Photo {i} by the agency</div></div>"));
        var html = TestInputs.Page("<article>" + TestInputs.Paragraphs + figures + TestInputs.Paragraphs.Replace("Tuesday", "Wednesday") + "</article>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.DoesNotContain("by the agency", article.Body);
        Assert.Contains("on Wednesday", article.Body);
    }

    [Fact]
    public void Posts_in_a_wrapper_named_for_its_sidebar_are_kept()
    {
        // Each post nested as forum software does, deep enough that its text votes for the post but not for the thread.
        var posts = ThreadPosts.Select(post =>
            $"<div class='post'><div class='inner'><div class='who'>{post.Author}</div><div class='cell'><div class='content'><div class='post-text'><p>{post.Text}</p></div></div></div></div></div>");
        var html = TestInputs.Page(SiteMenu + "<div class='layout-main layout-main--with-sidebar'><div class='posts'>" + string.Concat(posts) +
            "</div></div><div class='sidebar'><p>Join the club ride on Sunday, every member of the forum is welcome to come along.</p></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        AssertEveryPostKept(article.Body);
        Assert.DoesNotContain("club ride", article.Body);
    }
}
