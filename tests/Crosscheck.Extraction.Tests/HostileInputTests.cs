using System.Diagnostics;
using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Tests;

/// <summary>
/// Untrusted input must give a bounded result with a diagnostic, never an exception. The limits are counted, not
/// timed (size, depth, nodes and node visits in ExtractionOptions), and the tests assert the diagnostic of the limit
/// their page reaches. The wall-clock guard only catches a blow-up such as a quadratic walk (minutes on these pages):
/// the slowest page here takes 0.6 s on a quiet machine but took 26–29 s in whole-suite runs at load 50 on two cores,
/// where a 20 s guard failed with nothing wrong.
/// </summary>
public class HostileInputTests
{
    private static readonly ArticleExtractor Extractor = new();
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    // Load the language models once before timing anything: that is a one-off cost per process.
    static HostileInputTests() => Extractor.Extract(TestInputs.Text("Warm-up\n\nThe language models are loaded by this sentence before any test is timed."));

    private static Article Timed(RawInput input)
    {
        var watch = Stopwatch.StartNew();
        var article = Extractor.Extract(input);
        Assert.True(watch.Elapsed < Limit, $"extraction took {watch.Elapsed}");
        Assert.True(article.Body.Length <= ExtractionOptions.Default.MaxBodyChars);
        return article;
    }

    [Fact]
    public void Unclosed_elements_between_unmatched_end_tags_are_flattened()
    {
        // Each "<artic</a>" opens an element never closed and each "</nav>" matches none: the page nests as deep as
        // it repeats, though it has as many end tags as start tags.
        var html = new StringBuilder("<html><body>");
        while (html.Length < 3_000_000) html.Append("</a></nav><artic");

        var article = Timed(TestInputs.Html(html.ToString()));

        Assert.Contains(article.Diagnostics, d => d.Message.Contains("nested deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_thousand_deep_nesting_is_flattened_and_read()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++) html.Append("<div>");
        html.Append("<p>Deep text that is long enough to be a paragraph of the article, with commas, too.</p>");
        for (var i = 0; i < 10_000; i++) html.Append("</div>");
        html.Append("<p>A shallow paragraph that anyone can read without digging through ten thousand elements.</p></body></html>");

        var article = Timed(TestInputs.Html(html.ToString()));

        Assert.Contains(article.Diagnostics, d => d.Message.Contains("nested deeper", StringComparison.Ordinal));
        Assert.Contains("Deep text", article.Body);
    }

    [Fact]
    public void A_table_of_two_hundred_thousand_rows_is_read_in_linear_time()
    {
        // Found by the randomized readers (Crosscheck.Ingest.Tests/Fuzz): the metadata walk read each
        // element's children backwards through a collection whose indexer counts from the start.
        var rows = string.Concat(Enumerable.Repeat("<tr>", 200_000));

        var article = Timed(TestInputs.Html(TestInputs.Page("<article>" + TestInputs.Paragraphs + "</article><table><tr><td>x" + rows + "</table>")));

        Assert.Contains("The national statistics office said on Tuesday", article.Body, StringComparison.Ordinal);
        Assert.Equal("Test page", article.Title);
    }

    [Fact]
    public void Fifty_megabyte_page_is_cut_and_reported()
    {
        var paragraph = "<p>" + string.Concat(Enumerable.Repeat("Markets rose again on Friday, lifted by bank shares. ", 20)) + "</p>";
        var html = new StringBuilder("<html><body><article>");
        while (html.Length < 50_000_000) html.Append(paragraph);
        html.Append("</article></body></html>");

        var article = Timed(TestInputs.Html(html.ToString()));

        Assert.Contains(article.Diagnostics, d => d.Message.Contains("cut", StringComparison.Ordinal));
        Assert.NotEmpty(article.Body);
    }

    [Fact]
    public void Page_of_only_scripts_has_no_body_and_says_why()
    {
        var html = "<html><head><script>var a = 1;</script></head><body>" +
                   string.Concat(Enumerable.Repeat("<script>document.write('<p>' + 'generated text that is long enough' + '</p>');</script>", 200)) + "</body></html>";

        var article = Timed(TestInputs.Html(html));

        Assert.Equal("", article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("only scripts", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_html_keeps_what_arrived()
    {
        var html = "<html><head><title>Cut</title></head><body><article><p>The first paragraph arrived in full before the connection dropped, and it is long enough to count.</p><p>The second para";

        var article = Timed(TestInputs.Html(html));

        Assert.StartsWith("The first paragraph arrived in full", article.Body);
    }

    [Fact]
    public void Binary_bytes_give_a_diagnostic_not_an_exception()
    {
        var random = new Random(7);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);

        foreach (var kind in new[] { RawKind.Html, RawKind.Text, RawKind.Json })
        {
            var article = Timed(TestInputs.Bytes(bytes, kind));
            Assert.Contains(article.Diagnostics, d => d.Message.Contains("binary", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Empty_input_gives_an_empty_article_with_a_diagnostic()
    {
        foreach (var kind in new[] { RawKind.Html, RawKind.Text, RawKind.Json })
        {
            var article = Timed(TestInputs.Bytes([], kind));
            Assert.Equal("", article.Body);
            Assert.NotEmpty(article.Diagnostics);
        }
    }

    [Fact]
    public void Random_markup_never_throws_and_stays_bounded()
    {
        string[] pieces = ["<div>", "</div>", "<p>", "</p>", "<a href='x'>", "</a>", "<table><tr><td>", "<br>", "<!--", "-->", "<script>", "</script>",
            "<li>", "<h2>", "&amp;", "&#x0;", "&#99999999;", "<![CDATA[", "\0", "\uFFFF", "<svg><foreignObject>", "<template>", "<select><option>",
            "Officials said on Monday that the plan would be reviewed, ", "word ", "\n", "<p class='comment'>", "<nav>", "<", ">", "\"", "'"];
        var random = new Random(20240229);
        for (var round = 0; round < 150; round++)
        {
            var html = new StringBuilder();
            var length = random.Next(1, 3000);
            for (var i = 0; i < length; i++) html.Append(pieces[random.Next(pieces.Length)]);
            var kind = (RawKind)(round % 3);
            var content = kind == RawKind.Json
                ? Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { html = html.ToString(), title = "t" }))
                : Encoding.UTF8.GetBytes(html.ToString());

            var article = Timed(TestInputs.Bytes(content, kind));

            Assert.DoesNotContain(article.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("failed", StringComparison.Ordinal));
            Assert.DoesNotContain("\n\n\n", article.Body);
        }
    }

    [Fact]
    public void A_page_over_the_size_limit_because_of_its_scripts_keeps_its_article()
    {
        var state = "<script>window.state = {" + string.Concat(Enumerable.Repeat("\"k\": \"<div>value</div>\", ", 2000)) + "};</script>";
        var html = TestInputs.Page("<div class='app'>" + state + "<main><article>" + TestInputs.Paragraphs + "</article></main></div>", "<style>p { margin: 0 }</style>" + state);
        var limited = new ArticleExtractor(new ExtractionOptions { MaxHtmlChars = html.Length / 2, UseSmartReaderFallback = false });

        var article = limited.Extract(TestInputs.Html(html));

        Assert.Equal(3, article.Paragraphs.Count());
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("scripts and styles were dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_over_the_work_budget_keeps_what_was_read_and_says_so_whatever_the_load()
    {
        // The budget counts nodes visited, not time: the same page is cut at the same place on a loaded machine as on a quiet one.
        var paragraphs = string.Concat(Enumerable.Range(1, 400).Select(i => $"<p>Paragraph {i} of the council's report on the harbour, read in full by the extractor.</p>"));
        var limited = new ArticleExtractor(new ExtractionOptions { MaxWork = 300, UseSmartReaderFallback = false });

        var articles = Enumerable.Range(0, 3).Select(_ => limited.Extract(TestInputs.Html(TestInputs.Page("<article>" + paragraphs + "</article>")))).ToList();

        Assert.Contains("Paragraph 1 of the council's report", articles[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Paragraph 400 of", articles[0].Body, StringComparison.Ordinal);
        Assert.Contains(articles[0].Diagnostics, d => d.Message.Contains("300 node visits", StringComparison.Ordinal));
        Assert.All(articles, a => Assert.Equal(articles[0].Body, a.Body));
    }
}
