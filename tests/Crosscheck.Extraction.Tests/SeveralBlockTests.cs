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

    /// <summary>A service page of three services with promotion banners between them; <paramref name="section"/> writes each service's section.</summary>
    private static string PestControlPage(Func<string, string, string> section)
    {
        const string banner = "<section class='promo-banner'><div class='container'><div class='row'><div class='col'><p>Book a free inspection this month and we will check your attic, your crawl space and every room of the house, " +
            "write down what we find, and leave you a plan with a fixed price, with no obligation to go ahead with any of it, whatever we find in the end.</p><a href='/book'>Book now</a></div></div></div></section>";
        return TestInputs.Page(SiteMenu + "<div class='page'>" +
            "<section class='hero-banner'><div class='container'><div class='row'><div class='col'><h1>Pest control in Millbrook</h1><p>We are a family business that has kept homes and shops in Millbrook free of pests for thirty years, " +
            "with treatments that are safe for children and pets, and a guarantee that we come back for free if the pests do.</p></div></div></div></section>" +
            section("Ant control", "Ants follow the same trails every day, so we treat the trails and the nests at their source, inside and outside, and most colonies are gone within two weeks.") +
            banner +
            section("Rodent control", "Mice and rats get in through gaps the width of a pencil, so we seal every gap we find, set traps where they run, and come back twice to check the house is clear.") +
            banner.Replace("attic", "garage") +
            section("Termite control", "Termites eat wood from the inside, so we test the frame of the house for moisture and damage, and lay a barrier in the ground that keeps them out for years.") +
            "</div>");
    }

    [Fact]
    public void Every_service_of_a_service_page_is_kept_though_banners_sit_between_them()
    {
        // Sections nested as a page builder nests them, so that no one container near the text holds them all.
        var html = PestControlPage((name, text) => $"<section class='block'><div class='container'><div class='row'><div class='col'><h2>{name}</h2><p>{text}</p></div></div></div></section>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://pests.example/services/pest-control-millbrook"));

        Assert.Equal(Core.Model.PageType.Service, article.PageType);
        Assert.Contains("treat the trails and the nests", article.Body);
        Assert.Contains("seal every gap we find", article.Body);
        Assert.Contains("lay a barrier in the ground", article.Body);
    }

    [Fact]
    public void A_smaller_section_of_a_service_page_is_kept_past_the_calls_to_action_around_it()
    {
        string Section(string inner) => $"<section class='block'><div class='container'><div class='row'><div class='col'>{inner}</div></div></div></section>";
        const string actions = "<p><a href='/quote'>Get a quote</a></p><p><a href='/call'>Call us today</a></p><p><a href='/visit'>Visit a shop</a></p><p><a href='/chat'>Chat with us</a></p>";
        var html = TestInputs.Page(SiteMenu + "<div class='page'>" +
            Section("<h1>Window cleaning</h1><p>We clean the windows of houses, shops and offices across the county, inside and out, with purified water that dries without streaks, " +
                "and we clean the frames, the sills and the gutters on the same visit if you ask us to, at no extra charge for the ladder work.</p>" +
                "<p>Our cleaners are trained to work at height, insured for any damage, and come at a time that suits you, early in the morning or on a Saturday, " +
                "so that nobody has to take a day off work to let them in or to move the furniture away from the glass.</p>") +
            actions +
            Section("<h2>Conservatory roofs</h2><p>Glass and plastic roofs are washed by hand with soft brushes, and the moss is lifted from the joints before it can let the rain in.</p>") +
            actions +
            "</div>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://windows.example/services/window-cleaning"));

        Assert.Equal(Core.Model.PageType.Service, article.PageType);
        Assert.Contains("purified water", article.Body);
        Assert.Contains("moss is lifted from the joints", article.Body);
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
    public void Widget_elements_each_named_with_their_own_id_besides_the_shared_name_are_kept_whole()
    {
        string Widget(int id, string text) => $"<div class='pb-element pb-element-{id:x6} pb-widget pb-widget-text'><div class='pb-widget-container'><p>" + text + "</p></div></div>";
        var pieces = Enumerable.Range(1, 12).Select(i => Widget(i * 7919, $"Part {i} of the guide explains, step by step and with examples, how to keep a small garden of herbs alive through a dry summer."));
        var html = TestInputs.Page(SiteMenu + "<div class='pb-page'><div class='pb-section'>" + string.Concat(pieces) + "</div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Equal(12, article.Paragraphs.Count());
    }

    [Fact]
    public void Many_sidebar_widgets_of_links_stay_furniture()
    {
        string Links(int i) => string.Concat(Enumerable.Range(1, 6).Select(j => $"<li><a href='/{i}/{j}'>Archive of the month number {j} in the section {i} of this site</a></li>"));
        var widgets = string.Concat(Enumerable.Range(1, 12).Select(i => $"<div class='widget widget_links'><h3 class='widgettitle'>Section {i}</h3><ul>{Links(i)}</ul></div>"));
        var html = TestInputs.Page("<div class='content'><article>" + TestInputs.Paragraphs + "</article></div><div class='aside'>" + widgets + "</div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("on Tuesday", article.Body);
        Assert.DoesNotContain("Archive of the month", article.Body);
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

    private static readonly string[] CategoryEntries =
    [
        "Bread baked at home (12 pages)", "Cakes for birthdays and weddings (31 pages)", "Soups of the northern coast (8 pages)",
        "Sauces that keep for a week (14 pages)", "Pickles and preserves (22 pages)", "Dishes cooked in one pot (17 pages)",
        "Salads for the summer months (9 pages)", "Breakfasts under ten minutes (11 pages)",
    ];

    [Fact]
    public void The_linked_entries_of_a_category_page_are_its_content()
    {
        var entries = string.Concat(CategoryEntries.Select(entry => $"<li><a href='/c/{entry.Length}'>{entry}</a></li>"));
        var html = TestInputs.Page(SiteMenu + "<div class='content'><h1>Recipes</h1><p>This category lists recipes by kind of dish.</p>" +
            "<div class='groups'><ul>" + entries + "</ul></div></div>" +
            "<div class='note'><p>A reader wrote that the soup pages helped her cook for a family of eight, and thanked the editors at length for it.</p></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("This category lists recipes", article.Body);
        foreach (var entry in CategoryEntries) Assert.Contains(entry, article.Body);
        Assert.DoesNotContain("Help centre", article.Body);
    }

    [Fact]
    public void A_short_list_of_links_after_an_article_stays_out_of_it()
    {
        var entries = string.Concat(CategoryEntries.Take(4).Select(entry => $"<li><a href='/c/{entry.Length}'>{entry}</a></li>"));
        var html = TestInputs.Page("<div class='site'><main><article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</article>" +
            "<ul class='more'>" + entries + "</ul></main></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.StartsWith("The national statistics office", article.Body);
        Assert.DoesNotContain(CategoryEntries[0], article.Body);
    }

    [Fact]
    public void A_table_of_linked_entries_with_no_prose_at_all_is_kept()
    {
        var rows = string.Concat(CategoryEntries.Select((entry, i) =>
            $"<tr class='entry'><td>{i + 1}.</td><td><a href='/e/{i}'>{entry}</a> (<a href='/site/{i}'>example.org</a>)</td></tr><tr><td></td><td><a href='/u/{i}'>reader{i}</a> posted an hour ago</td></tr>"));
        var html = TestInputs.Page("<center><table><tr><td><a href='/'>Front</a> | <a href='/new'>new</a></td></tr><tr><td><table>" + rows + "</table></td></tr></table></center>");

        var article = Extractor.Extract(TestInputs.Html(html));

        foreach (var entry in CategoryEntries) Assert.Contains(entry, article.Body);
    }

    [Fact]
    public void Customer_reviews_under_a_product_stay_out_of_its_description()
    {
        var review = "<div class='review'><p>I absolutely love this kettle, it boils water in two minutes, looks lovely on the counter, and my whole family uses it every single morning.</p><span>Ann B.</span></div>";
        var html = TestInputs.Page(SiteMenu + "<div class='product'><h1>Steel kettle</h1>" +
            "<div class='description'><p>A kettle of brushed steel that holds one and a half litres, with a lid that opens wide for cleaning, a filter for hard water, and a base that turns all the way round.</p>" +
            "<p>It switches itself off when the water boils or when it is lifted from its base, and the handle stays cool to the touch.</p></div>" +
            "<div id='product-reviews'>" + review + review + review + review + "</div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("brushed steel", article.Body);
        Assert.DoesNotContain("absolutely love", article.Body);
    }

    /// <summary>A thread page whose question is the page's post and whose replies sit in containers named as comments.</summary>
    private static string ThreadWithCommentNamedReplies(string schemaType)
    {
        var (author, question) = ThreadPosts[0];
        var replies = ThreadPosts.Skip(1).Select((post, i) =>
            $"<article class='comment' id='comment-{i + 2}'><div class='comment-author'>{post.Author}</div><div class='comment-content'><p>{post.Text}</p></div></article>");
        return TestInputs.Page(SiteMenu + "<h1>Chain keeps slipping on the small gears?</h1>" +
            $"<div class='post'><span>{author}</span><p>{question}</p></div>" +
            "<div class='comments' id='comments'>" + string.Concat(replies) + "</div>",
            $$"""<script type="application/ld+json">{"@type": "{{schemaType}}", "headline": "Chain keeps slipping on the small gears?"}</script>""");
    }

    private const string ThreadAddress = "https://bikes.example/forum/threads/chain-keeps-slipping-on-the-small-gears.5521/";

    [Fact]
    public void Replies_in_containers_named_as_comments_are_kept_on_a_forum_thread()
    {
        var article = Extractor.Extract(TestInputs.Html(ThreadWithCommentNamedReplies("DiscussionForumPosting"), ThreadAddress));

        Assert.Equal(Core.Model.PageType.Forum, article.PageType);
        AssertEveryPostKept(article.Body);
    }

    [Fact]
    public void Comments_under_a_news_article_stay_out_of_it()
    {
        var comments = ThreadPosts.Select((post, i) =>
            $"<article class='comment' id='comment-{i + 2}'><div class='comment-author'>{post.Author}</div><div class='comment-content'><p>{post.Text}</p></div></article>");
        var html = TestInputs.Page(SiteMenu + "<article><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</article>" +
            "<div class='comments' id='comments'>" + string.Concat(comments) + "</div>",
            """<meta property="og:type" content="article"><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Inflation slows"}</script>""");

        var article = Extractor.Extract(TestInputs.Html(html, "https://news.example/economy/2024/10/15/inflation-slows-to-lowest-in-three-years"));

        Assert.Equal(Core.Model.PageType.Article, article.PageType);
        Assert.Contains("lowest rate in three years", article.Body);
        Assert.DoesNotContain("twelve links", article.Body);
    }

    [Fact]
    public void Comments_under_the_answers_of_a_question_and_answer_page_stay_out()
    {
        var article = Extractor.Extract(TestInputs.Html(ThreadWithCommentNamedReplies("QAPage"), ThreadAddress));

        // Told to be a thread all the same, so the comments stay out because the page is a Q&A page.
        Assert.Equal(Core.Model.PageType.Forum, article.PageType);
        Assert.Contains(ThreadPosts[0].Text, article.Body);
        Assert.DoesNotContain(ThreadPosts[1].Text, article.Body);
    }

    [Fact]
    public void A_text_the_page_carries_twice_is_kept_once()
    {
        var html = TestInputs.Page(SiteMenu + "<div class='story'><div class='wide'><h1>Inflation slows</h1>" + TestInputs.Paragraphs + "</div>" +
            "<div class='narrow'>" + TestInputs.Paragraphs + "</div></div>");

        var body = Extractor.Extract(TestInputs.Html(html)).Body;

        const string sentence = "Economists had expected a rate of 2.6 percent";
        Assert.Equal(body.IndexOf(sentence, StringComparison.Ordinal), body.LastIndexOf(sentence, StringComparison.Ordinal));
        Assert.Contains(sentence, body);
    }

    [Fact]
    public void Short_lines_and_a_lone_repeated_paragraph_are_kept_every_time()
    {
        const string first = "A long paragraph that the page prints twice, once for wide screens and once for narrow ones.";
        const string second = "Another long paragraph of the same copied passage, which the narrow copy repeats word for word.";
        const string definition = "A definition that the page shows under each of its two tabs, once for each language of the example.";

        const string closing = "A closing paragraph that the page prints once, after the copied passage and before the second tab.";

        var kept = Html.HtmlContentExtractor.WithoutRepeatedParagraphs(["Pros", definition, first, second, "Pros", first, second, closing, definition]);

        Assert.Equal(["Pros", definition, first, second, "Pros", closing, definition], kept);
    }

    [Fact]
    public void The_cards_of_a_listing_are_kept_where_its_introduction_outweighs_any_one_of_them()
    {
        // Eight linked recipe cards; an introduction longer than the cards' text but shorter than one and a half times it.
        var cards = string.Concat(CategoryEntries.Select((entry, i) => $"<div class='card'><a href='/recipes/{i}'><h3>{entry}</h3></a></div>"));
        var introduction = "<div class='intro'><p>Every recipe on these pages was cooked in our own kitchen before it was written down, with weights for the scales and " +
            "times for an ordinary oven, and each one says how long it keeps and whether it freezes.</p></div>";
        var html = TestInputs.Page(SiteMenu + "<h1>Recipes by kind</h1>" + introduction + "<div class='grid results'>" + cards + "</div><div class='pagination'><a href='?page=2'>Next page</a></div>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://food.example/category/recipes"));

        Assert.Equal(Core.Model.PageType.Listing, article.PageType);
        foreach (var entry in CategoryEntries) Assert.Contains(entry, article.Body);
    }

    [Fact]
    public void A_consent_dialog_outside_the_main_element_does_not_stand_for_the_page()
    {
        const string purpose = "<p>We and our partners store cookies on your device, read them on later visits, and use what they tell us to measure traffic, " +
            "to show advertising that suits you, and to remember your settings, for as long as the law allows, unless you refuse, which you may do at any time.</p>";
        var html = TestInputs.Page(SiteMenu +
            "<main><h1>Weekend markets</h1><div class='list'><p>The farmers' market on the square opens at eight on Saturday, with bread, cheese, and vegetables from the valley.</p>" +
            "<p>The flea market by the river runs on Sunday morning, and the town hall asks sellers to register by Friday.</p></div></main>" +
            "<div id='cookie-consent'><div class='dialog'><h2>Your privacy</h2>" + purpose + purpose.Replace("traffic", "visits") + purpose.Replace("device", "phone") + purpose.Replace("law", "regulator") + "</div></div>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("The farmers' market on the square", article.Body);
        Assert.Contains("The flea market by the river", article.Body);
        Assert.DoesNotContain("store cookies on your device", article.Body);
    }

    [Fact]
    public void The_summary_of_each_entry_of_a_listing_is_kept_though_named_a_teaser()
    {
        var article = ExtractRecipeListing("<div class='list'>" + string.Concat(CategoryEntries.Select((entry, i) =>
            $"<article class='item'><h2><a href='/r/{i}'>{entry}</a></h2><p class='teaser'>{EntrySummary(i)}</p></article>")) + "</div>");

        foreach (var entry in CategoryEntries) Assert.Contains(entry, article.Body);
        AssertEntrySummariesKept(article);
    }

    private static string EntrySummary(int entry) => $"Summary number {entry}: what the pages hold, who wrote them, and how often they are brought up to date by the editors.";

    private static Core.Model.Article ExtractRecipeListing(string entryList) =>
        Extractor.Extract(TestInputs.Html(TestInputs.Page(SiteMenu + "<main><h1>Recipes</h1>" + entryList + "</main>"), "https://food.example/category/recipes"));

    private static void AssertEntrySummariesKept(Core.Model.Article article)
    {
        Assert.Contains("Summary number 0:", article.Body);
        Assert.Contains("Summary number 7:", article.Body);
    }

    [Fact]
    public void A_utility_class_whose_value_names_a_banner_does_not_make_a_section_furniture()
    {
        // Each section's wrapper carries a utility class whose arbitrary value mentions a banner: styling, not a banner.
        string Section(string name, string text) => "<div class='stack lg:first:pt-[calc(var(--banner-min-height))]'><div class='wrap'><div class='grid'>" +
            $"<section class='block'><div class='inner'><h2>{name}</h2><p>{text}</p></div></section></div></div></div>";
        var html = TestInputs.Page(SiteMenu + "<main>" +
            Section("Hosting", "We run your website on servers in two data centres, watch them day and night, and move it to the other one within minutes if one fails.") +
            Section("Domains", "We register the name of your website, renew it every year before it runs out, and point it at the servers you choose, wherever they are.") +
            Section("Mail", "We keep the mail of your company on our own servers, filter out spam and viruses before they reach anyone, and keep a copy of every message for ten years.") +
            "</main>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("servers in two data centres", article.Body);
        Assert.Contains("register the name of your website", article.Body);
        Assert.Contains("filter out spam and viruses", article.Body);
    }

    [Fact]
    public void The_sections_of_a_service_page_hidden_only_from_screen_readers_are_kept()
    {
        // Each section shows its text to the eye (aria-hidden) and gives screen readers a short link instead.
        var html = PestControlPage((name, text) => "<section class='block'><div class='container'><div class='row'><div class='col'>" +
            $"<div aria-hidden='true'><h2>{name}</h2><p>{text}</p></div><a class='sr' href='/services/{name.Length}'>{name}</a></div></div></div></section>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://pests.example/services/pest-control-millbrook"));

        Assert.Equal(Core.Model.PageType.Service, article.PageType);
        Assert.Contains("treat the trails and the nests", article.Body);
        Assert.Contains("seal every gap we find", article.Body);
        Assert.Contains("lay a barrier in the ground", article.Body);
    }
    [Fact]
    public void The_card_lists_of_a_listing_are_kept_inside_its_main_element_though_named_as_furniture()
    {
        // The page puts its entries in its main element, in lists whose names say "recirc" and "sidebar" (the template's words).
        string CardList(string name, IEnumerable<string> entries) => $"<div class='{name}'><div class='card-list'>" +
            string.Concat(entries.Select((entry, i) => $"<a class='card' href='/r/{name}/{i}'><div class='card__content'><span class='card__title'>{entry}</span></div></a>")) + "</div></div>";
        var html = TestInputs.Page(SiteMenu + "<main><h1>Recipes</h1><p>What to cook tonight: the recipes our readers made most this month.</p>" +
            CardList("spotlight-sidebar", CategoryEntries.Take(4)) + CardList("recirc-list", CategoryEntries.Skip(4)) + "</main>" +
            "<div class='sidebar'><div class='card-list'>" + string.Concat(Enumerable.Range(0, 6).Select(i => $"<a class='card' href='/shop/{i}'>Kitchen knife number {i} from our shop</a>")) + "</div></div>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://food.example/category/recipes"));

        Assert.Equal(Core.Model.PageType.Listing, article.PageType);
        foreach (var entry in CategoryEntries) Assert.Contains(entry, article.Body);
        Assert.DoesNotContain("Kitchen knife number", article.Body);
    }

    [Fact]
    public void The_summary_of_a_listing_entry_hidden_only_from_screen_readers_is_kept()
    {
        // Each entry's summary is a second link to it, hidden from screen readers (who read the headline's link) but shown to the eye.
        var article = ExtractRecipeListing("<section class='river'>" + string.Concat(CategoryEntries.Select((entry, i) =>
            $"<article class='river'><header><h2><a href='/r/{i}'>{entry}</a></h2><p class='desc'><a href='/r/{i}' aria-hidden='true' tabindex='-1'>{EntrySummary(i)}</a></p></header></article>")) + "</section>");

        Assert.Equal(Core.Model.PageType.Listing, article.PageType);
        Assert.Contains(CategoryEntries[0], article.Body);
        AssertEntrySummariesKept(article);
    }

    [Fact]
    public void The_entries_of_a_listing_without_a_main_element_are_kept_though_their_list_is_named_as_furniture()
    {
        var entries = string.Concat(CategoryEntries.Select((entry, i) =>
            $"<div class='product-card'><a href='/p/{i}'><div class='name'>{entry}</div></a><div class='price'>$ {i + 10}.99</div></div>"));
        var html = TestInputs.Page(SiteMenu + "<div id='site-content'><h1>Cookbooks</h1><section class='related-products'><div class='grid'>" + entries + "</div></section>" +
            "<div class='notice'><p>We are growing our network of shops.</p></div></div>");

        var article = Extractor.Extract(TestInputs.Html(html, "https://food.example/category/cookbooks"));

        Assert.Equal(Core.Model.PageType.Listing, article.PageType);
        foreach (var entry in CategoryEntries) Assert.Contains(entry, article.Body);
    }

    [Fact]
    public void The_date_and_byline_of_each_entry_of_a_listing_are_kept_and_an_articles_are_not()
    {
        // Each entry of a section front names its writer and its day under the headline: they are the entry's, as its summary is.
        var listing = ExtractRecipeListing("<div class='list'>" + string.Concat(CategoryEntries.Select((entry, i) =>
            $"<article class='item'><h2><a href='/r/{i}'>{entry}</a></h2><p class='meta'>By Mary Ellen Baker</p><time>March {i + 3}, 2025</time>" +
            $"<p class='teaser'>{EntrySummary(i)}</p></article>")) + "</div>");

        Assert.Equal(Core.Model.PageType.Listing, listing.PageType);
        AssertEntrySummariesKept(listing);
        Assert.Contains("By Mary Ellen Baker", listing.Body);
        Assert.Contains("March 3, 2025", listing.Body);
        Assert.Contains("March 10, 2025", listing.Body);

        // An article's byline and date are its metadata, not its text.
        var article = Extractor.Extract(TestInputs.Html(TestInputs.Page(SiteMenu + "<main><article><h1>A bakery opens on the square</h1>" +
            "<p>By Mary Ellen Baker</p><p>March 3, 2025</p>" +
            "<p>The bakery on the square opened on Monday, with bread from a wood-fired oven, cakes for the weekend, and a queue that reached the fountain.</p>" +
            "<p>Its owners, who sold bread at the market for ten years, say they will bake twice a day, and close on Sundays, when the market is open.</p>" +
            "</article></main>")));
        Assert.Contains("wood-fired oven", article.Body);
        Assert.DoesNotContain("Mary Ellen Baker", article.Body);
    }

    [Fact]
    public void A_heading_that_links_to_its_own_page_is_kept_and_a_list_of_links_is_not()
    {
        // Each section's heading links to the page that tells more about it; the links under the sections are a plain list.
        string Section(string name, string text) => $"<h3><a href='/services/{name.Length}'>{name}</a></h3><p>{text}</p>";
        var html = TestInputs.Page(SiteMenu + "<main><h1>What we do</h1><div class='services'>" +
            Section("Garden design", "We draw your garden to scale, choose plants that suit its soil and its light, and mark where each one goes, season by season.") +
            Section("Tree surgery", "We prune, fell and remove trees of any height, grind out the stumps, and take every branch away on the same day.") +
            Section("Lawn renovation", "We scarify and aerate tired lawns, level the hollows, and sow or turf the bare patches in spring and in autumn.") +
            "</div><ul><li><a href='/a'>Pricing for families</a></li><li><a href='/b'>Pricing for companies</a></li><li><a href='/c'>Frequently asked questions</a></li></ul></main>");

        var article = Extractor.Extract(TestInputs.Html(html));

        Assert.Contains("Garden design", article.Body);
        Assert.Contains("Tree surgery", article.Body);
        Assert.Contains("Lawn renovation", article.Body);
        Assert.Contains("scarify and aerate", article.Body);
        Assert.DoesNotContain("Pricing for families", article.Body);
    }
}
