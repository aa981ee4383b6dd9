using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Extraction.Tests;

/// <summary>Page types told from general features of small hand-written pages, and the model file's format.</summary>
public class PageTypeTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static (Article Article, double[] Signals) Extract(string html, string url)
    {
        var (article, signals) = Extractor.ExtractPage(TestInputs.Html(html, url));
        Assert.NotNull(signals);
        return (article, signals.Values);
    }

    private static double Signal(double[] signals, string name) => signals[PageSignals.Names.ToList().IndexOf(name)];

    private const string NewsHead = """<meta property="og:type" content="article"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Inflation slows"}</script>""";

    private static string ProductPage() => TestInputs.Page(
        "<nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav>" +
        "<div class='product-main'><h1>Ash-handled garden spade</h1><div class='price'>$34.99</div>" +
        "<p>A forged steel spade with a long ash handle, for digging heavy clay and lifting turf.</p>" +
        "<div class='stock'>In stock</div><form class='cart'><input name='qty' value='1'><button class='add-to-cart'>Add to cart</button></form>" +
        "<div class='sku'>SKU: GS-1042</div><h2>Customer reviews</h2><div class='review'>Sturdy and sharp.</div><div class='review'>Good value.</div></div>",
        """<meta property="og:type" content="product"><script type="application/ld+json">{"@type": "Product", "name": "Garden spade", "offers": {"@type": "Offer", "price": "34.99"}}</script>""");

    private static string ForumPage()
    {
        var posts = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<div class='post' id='post{i}'><div class='userinfo'><a class='username' href='/u/{i}'>member{i}</a><span>Joined: 2019</span><span>Posts: {i * 12}</span></div>" +
            $"<div class='postbody'>Has anyone else had trouble with the boiler pressure dropping overnight? Mine falls from 1.5 to 0.5 bar by morning, reply {i}.</div>" +
            "<a href='#'>Reply</a> <a href='#'>Quote</a> <a href='#'>Report</a></div>"));
        return TestInputs.Page($"<h1>Boiler pressure keeps dropping?</h1><div class='thread'>{posts}</div>",
            """<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "Boiler pressure keeps dropping?"}</script>""");
    }

    private static string DocumentationPage() => TestInputs.Page(
        "<aside class='sidebar'><ul><li><a href='/docs/install'>Installation</a></li><li><a href='/docs/usage'>Usage</a></li><li><a href='/docs/api'>API</a></li></ul></aside>" +
        "<main class='docs-content'><h1>Reading configuration files</h1><p>The loader reads settings from a file and from the environment, the environment winning.</p>" +
        "<h2>Syntax</h2><pre><code class='language-python'>config = load('settings.toml')</code></pre>" +
        "<h2>Parameters</h2><p>path: the file to read. strict: whether unknown keys are an error.</p>" +
        "<h2>Returns</h2><p>A mapping of setting names to values.</p><pre><code>print(config['port'])</code></pre>" +
        "<h2>Example</h2><pre><code>load('dev.toml', strict=True)</code></pre><p>Edit this page</p></main>");

    private static string ListingPage()
    {
        var cards = string.Concat(Enumerable.Range(1, 12).Select(i =>
            $"<div class='card teaser'><a href='/recipes/soup-{i}'><img src='/i/{i}.jpg' alt=''><h3>Winter soup number {i}</h3></a><p>Ready in {20 + i} minutes.</p></div>"));
        return TestInputs.Page($"<h1>Soup recipes</h1><div class='grid results'>{cards}</div><div class='pagination'><a href='?page=2'>Next page</a></div><p>Load more</p>");
    }

    [Fact]
    public void A_news_article_is_an_article()
    {
        var (article, _) = Extract(TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + TestInputs.Paragraphs + "</article>", NewsHead),
            "https://news.example/economy/2024/10/15/inflation-slows-to-lowest-in-three-years");

        Assert.Equal(PageType.Article, article.PageType);
    }

    [Fact]
    public void A_product_page_is_a_product()
    {
        var (article, signals) = Extract(ProductPage(), "https://tools.example/products/ash-handled-garden-spade");

        Assert.Equal(1, Signal(signals, "schema-product"));
        Assert.True(Signal(signals, "prices") > 0);
        Assert.Equal(PageType.Product, article.PageType);
    }

    [Fact]
    public void A_forum_thread_is_a_forum_thread()
    {
        var (article, signals) = Extract(ForumPage(), "https://heating.example/forum/threads/boiler-pressure-keeps-dropping.4411/");

        Assert.True(Signal(signals, "class-forum") > 0);
        Assert.True(Signal(signals, "title-question") > 0);
        Assert.Equal(PageType.Forum, article.PageType);
    }

    [Fact]
    public void A_documentation_page_is_documentation()
    {
        var (article, signals) = Extract(DocumentationPage(), "https://loader.example/docs/reference/configuration");

        Assert.True(Signal(signals, "pre") > 0);
        Assert.Equal(PageType.Documentation, article.PageType);
    }

    [Fact]
    public void A_grid_of_teaser_cards_is_a_listing()
    {
        var (article, signals) = Extract(ListingPage(), "https://food.example/category/soups");

        Assert.True(Signal(signals, "largest-repeat") > 0);
        Assert.Equal(PageType.Listing, article.PageType);
    }

    private static string DatedTeasers()
    {
        var entries = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<article class='entry'><h2><a href='/news/item-{i}'>Council votes on the new bus lanes, part {i}</a></h2>" +
            $"<time datetime='2024-10-0{i}'>Oct {i}, 2024</time>" +
            "<p>The council met on Monday evening to decide where the lanes will run and who will pay for the new signals.</p></article>"));
        return $"<h1>Latest news</h1><div class='entries'>{entries}</div>";
    }

    private static string DatedTeaserPage() => TestInputs.Page(DatedTeasers());

    [Fact]
    public void An_article_reads_as_prose_with_a_declared_date_and_no_entries()
    {
        var (_, signals) = Extract(TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</article>",
                NewsHead + """<meta property="article:published_time" content="2024-10-15T08:00:00Z">"""),
            "https://news.example/economy/2024/10/15/inflation-slows-to-lowest-in-three-years");

        Assert.Equal(1, Signal(signals, "declared-date"));
        Assert.True(Signal(signals, "prose-paragraph-share") > 0.9);
        Assert.Equal(0, Signal(signals, "short-paragraph-share"));
        Assert.Equal(0, Signal(signals, "prose-link-density"));
        Assert.Equal(0, Signal(signals, "teaser-items"));
        Assert.Equal(0, Signal(signals, "dated-items"));
    }

    [Fact]
    public void A_page_of_dated_teasers_reads_as_entries_and_is_not_an_article()
    {
        var (article, signals) = Extract(DatedTeaserPage(), "https://town.example/news");

        Assert.Equal(0, Signal(signals, "declared-date"));
        // Eight teasers of one kind, each a linked headline over a line of text, each with its date.
        Assert.Equal(Math.Log(1 + 8) / 5, Signal(signals, "teaser-items"), 6);
        Assert.Equal(Math.Log(1 + 8) / 5, Signal(signals, "dated-items"), 6);
        Assert.True(Signal(signals, "teaser-text-share") > 0.8);
        Assert.True(Signal(signals, "date-blocks") > 0);
        Assert.NotEqual(PageType.Article, article.PageType);
    }

    [Fact]
    public void A_fragment_such_as_a_feed_items_content_is_an_article_whatever_it_looks_like()
    {
        // The dated teasers above, not as a page but as the HTML body of an article record (a feed item's content, a post):
        // a fragment has none of the furniture the model tells a page's type by, and what carries it declares an article.
        var record = System.Text.Json.JsonSerializer.Serialize(new { url = "https://town.example/news/council", html = DatedTeasers() });

        var (article, signals) = Extractor.ExtractPage(TestInputs.Json(record));

        Assert.Null(signals);
        Assert.Equal(PageType.Article, article.PageType);
        Assert.Contains("where the lanes will run", article.Body, StringComparison.Ordinal);
        // The same entries as a whole page at that address are typed by the model.
        Assert.NotEqual(PageType.Article, Extract(DatedTeaserPage(), "https://town.example/news/council").Article.PageType);
    }

    [Theory]
    [InlineData("<!doctype html><html><body><p>Text</p></body></html>", true)]
    [InlineData("<HEAD><title>T</title></HEAD><p>Text</p>", true)]
    [InlineData("<body class='x'><p>Text</p>", true)]
    [InlineData("<p>Text</p><p>More</p>", false)]
    [InlineData("<header><p>A site header is no head element</p></header><p>Text</p>", false)]
    public void A_page_opens_an_html_head_or_body_element_and_a_fragment_does_not(string html, bool wholePage) =>
        Assert.Equal(wholePage, Html.HtmlContentExtractor.IsWholePage(html));

    [Theory]
    [InlineData("post-template-default single single-post postid-6623 single-format-standard", "template-article")]
    [InlineData("page-template-default page page-id-2488 wp-theme-example", "template-service")]
    [InlineData("path-node page-node-type-basic-page", "template-service")]
    [InlineData("archive category category-news", "template-listing")]
    [InlineData("single-product woocommerce-page", "template-product")]
    public void The_body_class_names_the_kind_of_page_its_publishing_system_rendered(string bodyClass, string feature)
    {
        var html = TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</article>").Replace("<body>", $"<body class='{bodyClass}'>", StringComparison.Ordinal);

        var (_, signals) = Extract(html, "https://site.example/inflation-slows");

        string[] templates = ["template-article", "template-service", "template-listing", "template-product", "template-forum"];
        foreach (var name in templates) Assert.Equal(name == feature ? 1 : 0, Signal(signals, name));
    }

    [Theory]
    [InlineData("<html class='page-id-'><head><title>T</title></head><body><p>Text of the page.</p></body></html>", 0)]
    [InlineData("<html class='js page-id-12'><head><title>T</title></head><body class='home'><p>Text of the page.</p></body></html>", 1)]
    [InlineData("<html><head><title>T</title></head><body class='pagemaster page-identity'><p>Text of the page.</p></body></html>", 0)]
    public void A_template_name_is_a_whole_class_name_or_one_its_prefix_opens_on_the_body_or_html_element(string html, double servicePage)
    {
        var (_, signals) = Extract(html, "https://site.example/about");

        Assert.Equal(servicePage, Signal(signals, "template-service"));
    }

    [Theory]
    [InlineData("""<meta property="article:published_time" content="2024-10-15T08:00:00Z"><meta property="article:modified_time" content="2024-10-16T08:00:00Z">""", 1, 0)]
    [InlineData("""<meta property="article:modified_time" content="2024-10-16T08:00:00Z">""", 0, 1)]
    [InlineData("", 0, 0)]
    public void The_head_says_whether_a_post_was_published_or_a_page_only_modified(string head, double published, double modifiedOnly)
    {
        var (_, signals) = Extract(TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</article>", head), "https://site.example/inflation-slows");

        Assert.Equal(published, Signal(signals, "published-time"));
        Assert.Equal(modifiedOnly, Signal(signals, "modified-time-only"));
    }

    [Fact]
    public void Links_inside_long_blocks_raise_the_prose_link_density()
    {
        var linked = "<p>" + string.Concat(Enumerable.Range(1, 6).Select(i => $"<a href='/topic/{i}'>Related story number {i}</a> and ")) + "some words after them.</p>";
        var (_, signals) = Extract(TestInputs.Page("<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + linked + "</article>"),
            "https://news.example/economy/inflation-slows");

        // The three plain paragraphs are under the long-block length; the one long block is mostly its six links (132 of 184 characters).
        Assert.InRange(Signal(signals, "prose-link-density"), 0.6, 0.8);
    }

    [Fact]
    public void The_site_links_say_whether_its_navigation_links_the_page_and_what_lies_below_and_beside_it()
    {
        // A service page its menu links (another spelling of the host, a trailing slash), with three services below it
        // and two pages beside it; the footer's link to the page itself is counted but is no navigation.
        const string Menu = "<header><nav><a href='https://www.city.example/services/'>Services</a> <a href='/about'>About</a></nav></header>";
        const string Body = "<main><h1>Services</h1><p>What the city does for you.</p><ul><li><a href='/services/permits'>Permits</a></li>" +
            "<li><a href='services/waste'>Waste</a></li><li><a href='/services/parking/'>Parking</a></li><li><a href='#top'>Top</a></li></ul>" +
            "<a href='/contact'>Contact</a> <a href='https://other.example/services/x'>Elsewhere</a></main><footer><a href='/services'>Services</a></footer>";
        var (_, menu) = Extract(TestInputs.Page(Menu + Body), "https://city.example/services");

        Assert.Equal(1, Signal(menu, "self-in-navigation"));
        Assert.True(Signal(menu, "self-links") > 0);
        // permits, waste (relative, resolved from the folder: /services/waste) and parking below; about and contact beside.
        Assert.True(Signal(menu, "links-below") > 0);
        Assert.True(Signal(menu, "links-beside") > 0);

        // The same page with the menu not linking it, and no page below: what an article among many looks like.
        var (_, article) = Extract(TestInputs.Page("<header><nav><a href='/about'>About</a></nav></header><main><h1>Inflation slows</h1>" + TestInputs.Paragraphs +
            "<a href='/services'>Services</a></main>"), "https://city.example/services");
        Assert.Equal(0, Signal(article, "self-in-navigation"));
        Assert.Equal(0, Signal(article, "links-below"));
    }

    [Fact]
    public void Share_dialogs_are_counted_by_service_and_a_companys_profiles_are_not()
    {
        const string Address = "https://mag.example/2024/05/inflation-slows";
        // Three services' share dialogs (the X one twice, in two spellings) and an e-mail with a subject.
        const string Share = "<div class='share'><a href='https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fmag.example'>Share</a> " +
            "<a href='https://twitter.com/intent/tweet?url=x'>Post</a> <a href='https://x.com/intent/post?url=x'>Post</a> " +
            "<a href='mailto:?subject=Inflation%20slows'>Mail</a></div>";
        var (_, shared) = Extract(TestInputs.Page("<main><h1>Inflation slows</h1>" + Share + TestInputs.Paragraphs + "</main>"), Address);
        var (_, one) = Extract(TestInputs.Page("<main><h1>Inflation slows</h1><a href='https://twitter.com/share?url=x'>Post</a>" + TestInputs.Paragraphs + "</main>"), Address);
        Assert.True(Signal(shared, "share-links") > Signal(one, "share-links"));
        Assert.True(Signal(one, "share-links") > 0);

        // A company's profiles on the same services and a plain e-mail address are no share dialogs.
        const string Profiles = "<footer><a href='https://www.facebook.com/cityplumbing'>Facebook</a> <a href='https://x.com/cityplumbing'>X</a> " +
            "<a href='https://www.linkedin.com/company/cityplumbing'>LinkedIn</a> <a href='mailto:info@city.example'>Mail</a></footer>";
        var (_, company) = Extract(TestInputs.Page("<main><h1>Plumbing services</h1>" + TestInputs.Paragraphs + "</main>" + Profiles), "https://city.example/services");
        Assert.Equal(0, Signal(company, "share-links"));
    }

    [Fact]
    public void A_related_block_after_the_text_is_counted_and_one_before_it_is_not()
    {
        // A block of prose (150 characters or more) before the related block.
        const string Prose = "<p>Rents and insurance premiums still rose faster than wages, and the office said that services inflation, " +
            "which the central bank watches most closely, stayed above three percent for the sixth month running.</p>";
        const string Related = "<div class='related-posts'><a href='/a'>Prices rise</a> <a href='/b'>Rates hold</a></div>";
        var (_, post) = Extract(TestInputs.Page("<main><article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + Prose + Related + "</article></main>"),
            "https://mag.example/2024/05/inflation-slows");
        Assert.Equal(1, Signal(post, "related-after-prose"));

        // The same block before any prose (a service page's sister services over its text), and a page without prose, count for nothing.
        var (_, service) = Extract(TestInputs.Page("<main>" + Related + "<h1>Plumbing services</h1>" + TestInputs.Paragraphs + Prose + "</main>"),
            "https://city.example/services");
        Assert.Equal(0, Signal(service, "related-after-prose"));
        var (_, bare) = Extract(TestInputs.Page("<main><h1>Plumbing services</h1>" + TestInputs.Paragraphs + Related + "</main>"), "https://city.example/services");
        Assert.Equal(0, Signal(bare, "related-after-prose"));
    }

    [Theory]
    [InlineData("https://twitter.com/share?url=x", 1)]
    [InlineData("https://mobile.twitter.com/intent/tweet?text=x", 1)]
    [InlineData("https://x.com/share?url=x", 1)]
    [InlineData("//www.facebook.com/sharer/sharer.php?u=x", 0)]
    [InlineData("https://t.me/share/url?url=x", 7)]
    [InlineData("https://wa.me/?text=x", 5)]
    [InlineData(" mailto:?subject=x", 6)]
    // A profile whose name begins like a dialog's path, and a dialog's path at the end of another host's name, are no share dialogs.
    [InlineData("https://twitter.com/SharePoint", -1)]
    [InlineData("https://x.com/share_this", -1)]
    [InlineData("https://www.box.com/shared/static/report.pdf", -1)]
    [InlineData("https://www.netflix.com/share/title", -1)]
    [InlineData("https://chat.me/share/room", -1)]
    [InlineData("mailto:news@mag.example?subject=x", -1)]
    public void A_share_dialog_is_told_by_its_host_and_whole_path_parts(string href, int service) =>
        Assert.Equal(service, PageSignals.ShareService(href));

    [Fact]
    public void Another_item_of_the_pages_own_script_is_a_page_beside_it_not_the_page_itself()
    {
        // An article served by a script with a query (the item's number, and the list page it was opened from) links
        // its neighbours through the same script: they are other pages, not links to itself.
        const string Address = "https://mag.example/news/view.html?idx=7&page=1&sec=3";
        var neighbours = string.Concat(Enumerable.Range(8, 6).Select(i => $"<li><a href='/news/view.html?idx={i}&sec=3'>Neighbour {i}</a></li>"));
        var (_, signals) = Extract(TestInputs.Page("<main><h1>Inflation slows</h1>" + TestInputs.Paragraphs + $"<ul>{neighbours}</ul></main>"), Address);

        Assert.Equal(0, Signal(signals, "self-links"));
        Assert.True(Signal(signals, "links-beside") > 0);

        // A link to its own item (every key it shares with the page's query agreeing) or to the bare path is the page
        // itself, as is the path of a page whose address carries only a tag the link leaves out.
        var (_, own) = Extract(TestInputs.Page("<main><h1>Inflation slows</h1>" + TestInputs.Paragraphs +
            "<a href='/news/view.html?idx=7&sec=3'>Print</a> <a href='/news/view.html'>Here</a></main>"), Address);
        Assert.True(Signal(own, "self-links") > 0);
        Assert.Equal(0, Signal(own, "links-beside"));
        var (_, tagged) = Extract(TestInputs.Page("<main><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "<a href='/blog/inflation-slows'>Link</a></main>"),
            "https://shop.example/blog/inflation-slows?srsltid=abc");
        Assert.True(Signal(tagged, "self-links") > 0);
    }

    [Fact]
    public void A_page_without_an_address_is_taken_as_an_article()
    {
        var article = Extractor.Extract(TestInputs.Html(ProductPage()));

        Assert.Equal(PageType.Article, article.PageType);
    }

    [Fact]
    public void A_page_whose_source_is_its_address_is_stored_as_the_type_it_was_read_as()
    {
        // Fetched from an address given only as the source (no URL hint, no canonical link): the page is typed by that
        // address, which it keeps as its own, and the type the content was chosen by is the one stored.
        const string address = "https://tools.example/products/ash-handled-garden-spade";
        var input = TestInputs.Html(ProductPage()) with { Source = address };

        var article = Extractor.Extract(input);

        Assert.Null(input.Hints.Url);
        Assert.Equal(address, article.Url);
        Assert.Equal(PageType.Product, article.PageType);
    }

    [Fact]
    public void Scraped_text_is_an_article()
    {
        var article = Extractor.Extract(TestInputs.Text("Ferry crossings resume\n\nThe operator said on Monday that crossings would resume next week."));

        Assert.Equal(PageType.Article, article.PageType);
    }

    [Fact]
    public void The_shipped_model_names_every_class_and_reads_back_as_written()
    {
        var model = PageTypeModel.Default;
        Assert.Equal(PageTypeInfo.All, model.Classes);

        var written = new StringWriter();
        model.Write(written, ["a test copy"]);
        var rows = written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#')).Select(line => line.TrimEnd('\r').Split('\t'));
        var copy = PageTypeModel.Parse(rows);

        var features = PageSignals.Names.Select((_, i) => (i % 7) / 7.0).ToArray();
        Assert.Equal(model.Scores(features), copy.Scores(features), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void A_model_naming_an_unknown_feature_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PageTypeModel.Parse(
        [
            ["classes", "article", "product"],
            ["start", "0", "0"],
            ["tree", "article", "no-such-feature<0.5", "=1", "=-1"],
            ["tree", "product", "=0"],
        ]));

        Assert.Contains("no-such-feature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_ending_inside_a_split_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => PageTypeModel.Parse(
        [
            ["classes", "article", "product"],
            ["start", "0", "0"],
            ["tree", "article", "prices<0.5", "=1"],
            ["tree", "product", "=0"],
        ]));
    }

    [Fact]
    public void A_tree_sends_a_page_left_below_its_threshold_and_right_from_it()
    {
        // Product gains 2 when a page shows prices (at or above 0.3), article 1 when it does not.
        var model = PageTypeModel.Parse(
        [
            ["classes", "article", "product"],
            ["start", "0", "0"],
            ["tree", "article", "prices<0.3", "=1", "=0"],
            ["tree", "product", "prices<0.3", "=0", "=2"],
        ]);
        var features = new double[PageSignals.Names.Count];

        features[PageSignals.Index("prices")] = 0.29;
        Assert.Equal(PageType.Article, model.Classify(features));
        features[PageSignals.Index("prices")] = 0.3;
        Assert.Equal(PageType.Product, model.Classify(features));
        Assert.Equal([0.0, 2.0], model.Scores(features));
    }

    [Fact]
    public void An_article_threshold_decides_article_or_not_and_survives_writing()
    {
        // Article scores 1 above the other class: probability e/(1+e) ≈ 0.73.
        var model = PageTypeModel.Parse(
        [
            ["classes", "article", "service"],
            ["start", "1", "0"],
        ]);
        var features = new double[PageSignals.Names.Count];

        Assert.Equal(PageType.Article, model.Classify(features));
        Assert.Equal(PageType.Service, model.Classify(features, 0.8));
        Assert.Equal(PageType.Article, model.Classify(features, 0.7));

        var strict = model.WithArticleThreshold(0.8);
        var written = new StringWriter();
        strict.Write(written, []);
        var copy = PageTypeModel.Parse(written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')));

        Assert.Equal(0.8, copy.ArticleThreshold);
        Assert.Equal(PageType.Service, copy.Classify(features));
    }

    [Fact]
    public void Article_or_not_by_the_mean_of_both_sets_of_trees_and_survives_writing()
    {
        // Six-way: article's probability e/(1+e) ≈ 0.731; article-or-not trees: 1/(1+e^0.5) ≈ 0.378; mean ≈ 0.554.
        var model = PageTypeModel.Parse(
        [
            ["classes", "article", "service"],
            ["start", "1", "0"],
            ["article-start", "-0.5"],
        ]);
        var features = new double[PageSignals.Names.Count];

        Assert.Equal(PageType.Service, model.Classify(features));
        var byMean = model.WithArticleByMean(true);
        Assert.Equal(0.554, byMean.ArticleProbability(features), 3);
        Assert.Equal(PageType.Article, byMean.Classify(features));
        Assert.Equal(PageType.Service, byMean.Classify(features, 0.6));

        var written = new StringWriter();
        byMean.WithArticleThreshold(0.6).Write(written, []);
        var copy = PageTypeModel.Parse(written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r').Split('\t')));

        Assert.True(copy.ArticleByMean);
        Assert.Equal(PageType.Service, copy.Classify(features));
        Assert.Equal(PageType.Article, copy.WithArticleThreshold(0.55).Classify(features));
    }
}
