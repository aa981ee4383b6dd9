namespace Crosscheck.Extraction.Tests;

public class MetadataTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static Core.Model.Article FromHead(string head, string body = "", string? url = null) =>
        Extractor.Extract(TestInputs.Html(TestInputs.Page(body + "<article>" + TestInputs.Paragraphs + "</article>", head), url));

    [Fact]
    public void Json_ld_date_author_and_publisher_win()
    {
        var article = FromHead("""
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
            {"@type":"NewsArticle","headline":"Inflation slows","datePublished":"2023-11-14T06:00:00Z",
             "author":[{"@type":"Person","name":"Lena Park"},{"@type":"Person","name":"Omar Haddad"}],
             "publisher":{"@type":"Organization","name":"Daily Ledger"}}]}</script>
            """);

        Assert.Equal(new DateTimeOffset(2023, 11, 14, 6, 0, 0, TimeSpan.Zero), article.Published!.Value);
        Assert.Equal("json-ld", article.Published.Source);
        Assert.Equal("Lena Park, Omar Haddad", article.Byline);
        Assert.Equal("Daily Ledger", article.Outlet);
        Assert.Equal("Inflation slows", article.Title);
    }

    [Fact]
    public void Open_graph_and_meta_tags_are_read()
    {
        var article = FromHead("""
            <meta property="og:site_name" content="Morning Courier">
            <meta property="og:title" content="Inflation slows to 2.4 percent">
            <meta property="article:published_time" content="2023-11-14T08:00:00+01:00">
            <meta name="author" content="Sara Lind">
            <link rel="canonical" href="/economy/inflation-slows">
            """, url: "https://www.courier.example/some/path?ref=home");

        Assert.Equal("Morning Courier", article.Outlet);
        Assert.Equal("Inflation slows to 2.4 percent", article.Title);
        Assert.Equal("meta", article.Published!.Source);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 7, 0, 0, TimeSpan.Zero), article.Published.Value.ToUniversalTime());
        Assert.Equal("Sara Lind", article.Byline);
        Assert.Equal("https://www.courier.example/economy/inflation-slows", article.Url);
    }

    [Fact]
    public void Time_element_then_url_pattern_give_the_date()
    {
        var fromTime = FromHead("", "<time datetime='2022-06-30'>30 June</time>");
        Assert.Equal("time", fromTime.Published!.Source);
        Assert.Equal(new DateTimeOffset(2022, 6, 30, 0, 0, 0, TimeSpan.Zero), fromTime.Published.Value);

        var fromUrl = FromHead("", url: "https://news.example.com/2021/03/17/election-results");
        Assert.Equal("url", fromUrl.Published!.Source);
        Assert.Equal(new DateTimeOffset(2021, 3, 17, 0, 0, 0, TimeSpan.Zero), fromUrl.Published.Value);
    }

    [Fact]
    public void Outlet_falls_back_to_the_domain_and_title_to_the_h1()
    {
        var article = FromHead("", "<h1>Inflation at three-year low</h1>", url: "https://www.ledger.example/economy/x");

        Assert.Equal("ledger.example", article.Outlet);
        Assert.Equal("Inflation at three-year low", article.Title);
        Assert.DoesNotContain("three-year low", article.Body);
    }

    private static Core.Model.Article Titled(string title, string? url = null, string head = "") =>
        Extractor.Extract(TestInputs.Html(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>{head}</head><body><article>{TestInputs.Paragraphs}</article></body></html>", url));

    [Fact]
    public void The_title_suffix_names_the_site_when_it_matches_the_domain()
    {
        Assert.Equal("The Valley Courier", Titled("Inflation slows to 2.4 percent | The Valley Courier", "https://www.valleycourier.example/economy/x").Outlet);
        Assert.Equal("Ledger News", Titled("Inflation slows to 2.4 percent - Ledger News", "https://ledger.example/x").Outlet);
        // A suffix that is not the site (a section name) leaves the domain as the outlet.
        Assert.Equal("ledger.example", Titled("Inflation slows to 2.4 percent - Economy", "https://ledger.example/x").Outlet);
    }

    [Fact]
    public void Without_an_address_a_bar_suffix_names_the_site_and_a_page_name_wins_over_it()
    {
        Assert.Equal("Valley Courier", Titled("Inflation slows to 2.4 percent | Valley Courier").Outlet);
        Assert.Null(Titled("Inflation slows to 2.4 percent").Outlet);
        Assert.Equal("Morning Courier", Titled("Inflation slows | Valley Courier", head: "<meta property=\"og:site_name\" content=\"Morning Courier\">").Outlet);
        Assert.Equal("Daily Ledger", Titled("Inflation slows | Valley Courier",
            head: "<script type=\"application/ld+json\">{\"@type\": \"WebPage\", \"publisher\": {\"@type\": \"Organization\", \"name\": \"Daily Ledger\"}}</script>").Outlet);
    }

    [Fact]
    public void Invalid_json_ld_is_skipped_with_a_diagnostic()
    {
        var article = FromHead("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", </script>");

        Assert.Contains(article.Diagnostics, d => d.Message.Contains("JSON-LD", StringComparison.Ordinal));
        Assert.NotEmpty(article.Body);
    }

    [Fact]
    public void A_json_ld_headline_with_an_unpaired_surrogate_escape_keeps_the_body_and_the_other_facts()
    {
        var article = FromHead("""
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Inflation \ud800 slows","datePublished":"2023-11-14T06:00:00Z",
             "author":{"\udc00":"x","name":"Lena Park"}}</script>
            """);

        Assert.StartsWith("The national statistics office said on Tuesday", article.Body);
        Assert.Equal("Inflation \uFFFD slows", article.Title);
        Assert.Equal("Lena Park", article.Byline);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 6, 0, 0, TimeSpan.Zero), article.Published?.Value);
    }

    [Theory]
    [InlineData("Tuesday, October 19, 2021", 2021, 10, 19)]
    [InlineData("19 Oct 2021", 2021, 10, 19)]
    [InlineData("Updated: 2021-10-19 14:02 GMT", 2021, 10, 19)]
    [InlineData("Sept. 3, 2019", 2019, 9, 3)]
    public void Date_lines_are_recognised(string line, int year, int month, int day)
    {
        var found = Metadata.DateText.AsDateLine(line, 12);

        Assert.NotNull(found);
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), found.Value.Value);
    }

    [Theory]
    [InlineData("The vote is set for October 19, 2021 in the capital.")]
    [InlineData("May the best team win")]
    public void Sentences_mentioning_dates_are_not_date_lines(string line) =>
        Assert.Null(Metadata.DateText.AsDateLine(line, 12));
}
