using System.Collections.Frozen;
using System.Numerics;
using System.Text.RegularExpressions;
using Crosscheck.Core.Text;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Extraction.PageTypes;

/// <summary>The features of one page the page-type model reads, in the order of <see cref="PageSignals.Names"/>, and its hashed words (<see cref="PageWords"/>) when read.</summary>
internal sealed record PageFeatures(double[] Values)
{
    public PageWordVector? Words { get; init; }
}

/// <summary>
/// The general features a page's type is told from, read from what the content pass already built (the page
/// model, the metadata, the selected paragraphs) so that classifying costs no second parse: schema.org and
/// OpenGraph types, the URL's shape, how much of the page is prose, link density, repeated item blocks, code
/// blocks, price and cart markers, post-and-reply furniture, the kind of page the site's publishing system names on
/// its body element. Every value is scaled to about [0, 1]; the words each feature looks for are in markers.txt.
/// </summary>
internal static partial class PageSignals
{
    private static readonly string[] Groups = ["article", "forum", "listing", "product", "service", "documentation"];

    private static readonly FrozenDictionary<string, string[]> Markers =
        Lexicon.Rows(typeof(PageSignals).Assembly, "PageTypes/markers.txt", LexiconCase.Lower)
            .Where(row => row.Length == 2)
            .GroupBy(row => row[0], row => row[1], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly (string Group, FrozenSet<string> Words)[] SchemaMarkers = Sets("schema-");
    private static readonly (string Group, FrozenSet<string> Words)[] UrlMarkers = Sets("url-");
    private static readonly (string Group, string[] Fragments)[] ClassMarkers = Lists("class-");
    private static readonly (string Group, string[] Names)[] TemplateMarkers = Lists("template-");
    private static readonly (string Group, FrozenSet<string> Words)[] PronounMarkers =
        [.. new[] { "we", "you", "i" }.Select(g => (g, Markers["pronoun-" + g].ToFrozenSet(StringComparer.Ordinal)))];

    private static readonly FrozenSet<string> FunctionWords = Markers["function-word"].ToFrozenSet(StringComparer.Ordinal);
    private static readonly string[] RelatedBlockNames = Markers["related-block"];

    /// <summary>Phrases of short blocks, padded with spaces so they match whole words of a padded block.</summary>
    private static readonly (string Group, string[] Phrases)[] TextMarkers =
        [.. Lists("text-").Select(g => (g.Group, g.Fragments.Select(p => " " + Words(p) + " ").ToArray()))];

    /// <summary>The feature names, in the order of <see cref="Read"/>'s values; a model file names its features so a mismatch is caught.</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    private static readonly FrozenDictionary<string, int> IndexOfName =
        Names.Select((name, index) => (name, index)).ToFrozenDictionary(x => x.name, x => x.index, StringComparer.Ordinal);

    /// <summary>The position of feature <paramref name="name"/> in <see cref="Names"/>, or -1 when there is no such feature.</summary>
    public static int Index(string name) => IndexOfName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>A block at most this long is a label, a button or a line of post furniture rather than prose.</summary>
    private const int ShortBlockChars = 60;

    /// <summary>A block at least this long is prose.</summary>
    private const int LongBlockChars = 150;

    /// <summary>Siblings of one kind repeated this often are a list of items (posts, products, teasers).</summary>
    private const int RepeatedItems = 4;

    public static PageFeatures Read(PageModel page, ExtractedContent content, string? pageUrl, IReadOnlyList<string> paragraphs)
    {
        var values = new List<double>(Names.Count);

        var schema = content.SchemaTypes;
        foreach (var (_, markers) in SchemaMarkers) values.Add(schema.Any(markers.Contains) ? 1 : 0);
        var ogType = content.OpenGraphType?.ToLowerInvariant() ?? "";
        values.Add(ogType == "article" || ogType.StartsWith("article", StringComparison.Ordinal) ? 1 : 0);
        values.Add(ogType.Contains("product", StringComparison.Ordinal) ? 1 : 0);
        values.Add(ogType == "website" ? 1 : 0);
        values.Add(content.Published is { Source: not "url" } ? 1 : 0);
        values.Add(content.Byline is null ? 0 : 1);
        values.Add(content.Title?.TrimEnd().EndsWith('?') == true ? 1 : 0);

        AddUrl(values, content.Url ?? pageUrl);
        var wordCount = AddText(values, page, paragraphs);
        var headings = AddElements(values, page);
        AddMarkers(values, page);
        AddShape(values, content, content.Url ?? pageUrl, wordCount, headings);
        AddComposition(values, page, content, paragraphs);
        AddPublishingSystem(values, page);
        AddSiteLinks(values, page, content.Url ?? pageUrl);
        AddRelatedBlock(values, page);
        return new PageFeatures([.. values]);
    }

    private static void AddUrl(List<double> values, string? url)
    {
        var segments = new List<string>();
        var hasQuery = false;
        var path = "";
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            path = uri.AbsolutePath.ToLowerInvariant();
            segments.AddRange(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
            hasQuery = uri.Query.Length > 1;
            foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
                segments.Add(pair.Split('=')[0].ToLowerInvariant());
        }
        foreach (var (_, markers) in UrlMarkers) values.Add(segments.Any(markers.Contains) ? 1 : 0);
        var pathSegments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var last = pathSegments.Length == 0 ? "" : pathSegments[^1];
        values.Add(Math.Min(pathSegments.Length, 6) / 6.0);
        values.Add(Math.Min(last.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries).Length, 12) / 12.0);
        values.Add(DatePath().IsMatch(path) ? 1 : 0);
        values.Add(pathSegments.Length == 0 ? 1 : 0);
        values.Add(hasQuery ? 1 : 0);
        values.Add(LongNumber().IsMatch(last) ? 1 : 0);
        values.Add(last.EndsWith(".html", StringComparison.Ordinal) || last.EndsWith(".htm", StringComparison.Ordinal) ? 1 : 0);
    }

    /// <returns>The words of the extracted text.</returns>
    private static int AddText(List<double> values, PageModel page, IReadOnlyList<string> paragraphs)
    {
        var total = page.Nodes.Count == 0 ? 0 : page.Nodes[0].TextChars;
        var links = page.Nodes.Count == 0 ? 0 : page.Nodes[0].LinkChars;
        var extracted = paragraphs.Sum(p => p.Length);
        var longBlocks = 0;
        var longChars = 0;
        var shortBlocks = 0;
        foreach (var block in page.Blocks)
        {
            if (block.Text.Length >= LongBlockChars)
            {
                longBlocks++;
                longChars += block.Text.Length;
            }
            else if (block.Text.Length <= ShortBlockChars) shortBlocks++;
        }
        var blocks = Math.Max(1, page.Blocks.Count);
        var commas = paragraphs.Sum(p => p.Count(c => c == ','));
        values.Add(Log(total, 12));
        values.Add(Log(extracted, 12));
        values.Add(total == 0 ? 0 : Math.Min(1, extracted / (double)total));
        values.Add(total == 0 ? 0 : Math.Min(1, links / (double)total));
        values.Add(Log(page.Blocks.Count, 8));
        values.Add(longBlocks / (double)blocks);
        values.Add(shortBlocks / (double)blocks);
        values.Add(total == 0 ? 0 : longChars / (double)total);
        values.Add(Log(paragraphs.Count, 6));
        values.Add(paragraphs.Count == 0 ? 0 : Log(extracted / (double)paragraphs.Count, 8));
        values.Add(extracted == 0 ? 0 : Math.Min(1, commas * 100.0 / extracted / 3));

        // Who speaks to whom: per hundred words of the extracted text, scaled so that ten is one.
        var pronouns = new int[PronounMarkers.Length];
        var words = 0;
        foreach (var paragraph in paragraphs)
            foreach (var word in Words(paragraph).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                words++;
                for (var i = 0; i < PronounMarkers.Length; i++)
                    if (PronounMarkers[i].Words.Contains(word)) pronouns[i]++;
            }
        foreach (var count in pronouns) values.Add(words == 0 ? 0 : Math.Min(1.5, count * 10.0 / words));
        values.Add(paragraphs.Count == 0 ? 0 : paragraphs.Count(p => p.TrimEnd().EndsWith('?')) / (double)paragraphs.Count);
        return words;
    }

    /// <returns>The h2-h4 headings of the page.</returns>
    private static int AddElements(List<double> values, PageModel page)
    {
        int pre = 0, code = 0, headings = 0, tables = 0, items = 0, controls = 0, articles = 0, images = 0, times = 0, definitions = 0, linkedHeadings = 0, navLinkChars = 0;
        // Siblings of one kind (same parent, tag and class): a list of items when many.
        var siblings = new Dictionary<(int Parent, string Tag, string Class), (int Count, int Chars)>();
        foreach (var node in page.Nodes)
        {
            switch (node.Tag)
            {
                case "pre": pre++; break;
                case "code": code++; break;
                case "h2" or "h3" or "h4":
                    headings++;
                    // A heading that is mostly a link is a teaser's title: a listing's item.
                    if (node.TextChars > 0 && node.LinkChars * 2 > node.TextChars) linkedHeadings++;
                    break;
                case "nav" or "aside":
                    navLinkChars += node.LinkChars;
                    break;
                case "table": tables++; break;
                case "li": items++; break;
                case "form" or "input" or "button" or "select" or "textarea": controls++; break;
                case "article": articles++; break;
                case "img" or "picture": images++; break;
                case "time": times++; break;
                case "dl": definitions++; break;
            }
            if (node.Parent < 0 || node.Tag is "br" or "hr" or "span" or "a" or "b" or "i" or "em" or "strong" or "p") continue;
            var key = (node.Parent, node.Tag, node.Element.GetAttribute("class") ?? "");
            var (count, chars) = siblings.GetValueOrDefault(key);
            siblings[key] = (count + 1, chars + node.TextChars);
        }
        var total = Math.Max(1, page.Nodes.Count == 0 ? 0 : page.Nodes[0].TextChars);
        var largest = 0;
        var repeatedGroups = 0;
        var repeatedChars = 0;
        foreach (var (count, chars) in siblings.Values)
        {
            if (count < RepeatedItems || chars == 0) continue;
            largest = Math.Max(largest, count);
            repeatedGroups++;
            repeatedChars += chars;
        }
        foreach (var count in new[] { pre, code, headings, tables, items, controls, articles, images, times, definitions, linkedHeadings })
            values.Add(Log(count, 6));
        values.Add(Math.Min(1, navLinkChars / (double)total));
        values.Add(Log(largest, 5));
        values.Add(Log(repeatedGroups, 4));
        values.Add(Math.Min(1, repeatedChars / (double)total));
        return headings;
    }

    /// <summary>
    /// How the page names itself: the host's sub-domains (docs., blog., shop.) read with the URL markers, whether the
    /// slug and the title are written as a sentence (grammatical words) or as a run of nouns, a year or a count
    /// opening the title ("7 ways to…"), and how densely headings cut the text (a service page's sections are short).
    /// </summary>
    private static void AddShape(List<double> values, ExtractedContent content, string? url, int words, int headings)
    {
        var subdomains = Array.Empty<string>();
        var slug = "";
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var labels = uri.Host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
            // The registered name and its suffix are the site's, not a kind of page: only the labels before them.
            subdomains = [.. labels.Take(Math.Max(0, labels.Length - 2)).Where(label => label != "www")];
            slug = uri.AbsolutePath.ToLowerInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        }
        foreach (var (_, markers) in UrlMarkers) values.Add(subdomains.Any(markers.Contains) ? 1 : 0);
        var slugWords = slug.Split(['-', '_', '.', '+'], StringSplitOptions.RemoveEmptyEntries);
        values.Add(Log(slugWords.Count(FunctionWords.Contains), 2.5));
        var titleWords = Words(content.Title ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        values.Add(Math.Min(titleWords.Length, 24) / 24.0);
        values.Add(titleWords.Length == 0 ? 0 : titleWords.Count(FunctionWords.Contains) / (double)titleWords.Length);
        values.Add(TitleYear().IsMatch(content.Title ?? "") ? 1 : 0);
        values.Add(titleWords.Length > 0 && titleWords[0].All(char.IsAsciiDigit) ? 1 : 0);
        values.Add(Math.Min(1.5, headings * 100.0 / Math.Max(words, 50) / 4));
    }

    /// <summary>
    /// What the page is made of, article or list of entries: whether the page declares its date in its metadata (a
    /// time element alone is as often a listing's), how much of the kept text is prose paragraphs and how long the
    /// longest runs, how many links sit inside the long blocks, and the entries of repeated siblings that are a teaser
    /// (a linked headline with a line of text under it) or carry a date, and the short blocks that are a date.
    /// </summary>
    private static void AddComposition(List<double> values, PageModel page, ExtractedContent content, IReadOnlyList<string> paragraphs)
    {
        values.Add(content.Published is { Source: "json-ld" or "meta" or "microdata" } ? 1 : 0);

        var extracted = 0;
        var prose = 0;
        var longest = 0;
        var shortParagraphs = 0;
        foreach (var paragraph in paragraphs)
        {
            var text = paragraph.TrimEnd();
            extracted += text.Length;
            longest = Math.Max(longest, text.Length);
            if (text.Length < ShortBlockChars) shortParagraphs++;
            if (text.Length >= 100 && SentenceEnd(text)) prose += text.Length;
        }
        values.Add(extracted == 0 ? 0 : prose / (double)extracted);
        values.Add(Log(longest, 8));
        values.Add(paragraphs.Count == 0 ? 0 : shortParagraphs / (double)paragraphs.Count);

        int longChars = 0, longLinks = 0;
        foreach (var block in page.Blocks)
            if (block.Text.Length >= LongBlockChars)
            {
                longChars += block.Text.Length;
                longLinks += block.LinkChars;
            }
        values.Add(longChars == 0 ? 0 : Math.Min(1, longLinks / (double)longChars));

        // Headings and time elements counted over document order, so a subtree's count is a difference of two prefixes.
        var nodes = page.Nodes;
        var headingsBefore = new int[nodes.Count + 1];
        var timesBefore = new int[nodes.Count + 1];
        for (var i = 0; i < nodes.Count; i++)
        {
            headingsBefore[i + 1] = headingsBefore[i] + (nodes[i].Tag is "h2" or "h3" or "h4" or "h5" or "h6" ? 1 : 0);
            timesBefore[i + 1] = timesBefore[i] + (nodes[i].Tag == "time" ? 1 : 0);
        }
        var groups = new Dictionary<(int Parent, string Tag, string Class), (int Count, int Teasers, int TeaserChars, int Dated)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.Parent < 0 || node.TextChars == 0 || node.Tag is "br" or "hr" or "span" or "a" or "b" or "i" or "em" or "strong" or "p") continue;
            var end = Math.Min(node.End, nodes.Count);
            // A teaser: a headline (a heading or a link) and at least a line of text beside it, not a bare link.
            var own = node.TextChars - node.LinkChars;
            var teaser = node.TextChars <= 1200 && own >= 40 && node.LinkChars >= 15 && node.LinkChars * 5 < node.TextChars * 4
                || headingsBefore[end] - headingsBefore[i] == 1 && own >= 60 && node.TextChars <= 1200;
            var dated = timesBefore[end] > timesBefore[i];
            var key = (node.Parent, node.Tag, node.Element.GetAttribute("class") ?? "");
            var (count, teasers, teaserChars, datedItems) = groups.GetValueOrDefault(key);
            groups[key] = (count + 1, teasers + (teaser ? 1 : 0), teaserChars + (teaser ? node.TextChars : 0), datedItems + (dated ? 1 : 0));
        }
        int teaserItems = 0, teaserText = 0, datedEntries = 0;
        foreach (var (count, teasers, chars, dated) in groups.Values)
        {
            if (count < RepeatedItems) continue;
            if (teasers >= RepeatedItems)
            {
                teaserItems += teasers;
                teaserText += chars;
            }
            if (dated >= RepeatedItems) datedEntries += dated;
        }
        var total = nodes.Count == 0 ? 0 : nodes[0].TextChars;
        values.Add(Log(teaserItems, 5));
        values.Add(total == 0 ? 0 : Math.Min(1, teaserText / (double)total));
        values.Add(Log(datedEntries, 5));
        values.Add(Log(page.Blocks.Count(block => block.Text.Length <= ShortBlockChars && DateBlock().IsMatch(block.Text)), 5));
    }

    /// <summary>
    /// What the site's publishing system says it rendered: the kind of page, in the class names it gives the body (or
    /// html) element (a post "single-post postid-7", a page "page page-id-12", an archive "archive category", a product
    /// "single-product"); a service page and a blog post can read alike, but the system that made them keeps them
    /// apart. Then whether the head declares article:published_time, and article:modified_time without it: systems
    /// write both for a post but only the modified time for a page (a service page, an about page).
    /// </summary>
    private static void AddPublishingSystem(List<double> values, PageModel page)
    {
        var root = page.Nodes.Count == 0 ? null : page.Nodes[0].Element;
        var names = $"{root?.GetAttribute("class")} {root?.ParentElement?.GetAttribute("class")}".ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        foreach (var (_, markers) in TemplateMarkers)
            values.Add(names.Any(name => markers.Any(marker => TemplateName(name, marker))) ? 1 : 0);
        bool published = false, modified = false;
        if (root?.Owner?.Head is { } head)
            foreach (var meta in head.GetElementsByTagName("meta"))
            {
                var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name"))?.Trim();
                published |= string.Equals(key, "article:published_time", StringComparison.OrdinalIgnoreCase);
                modified |= string.Equals(key, "article:modified_time", StringComparison.OrdinalIgnoreCase);
            }
        values.Add(published ? 1 : 0);
        values.Add(modified && !published ? 1 : 0);
    }

    /// <summary>At most this many of a page's links are read for <see cref="AddSiteLinks"/>: a page of more is a listing whatever the rest say.</summary>
    private const int MaxLinksRead = 3000;

    /// <summary>
    /// Where the page sits in its site, read from the site's own links: whether the site's navigation (a nav or header
    /// element, or an element with the navigation role) links to the page itself, as a menu links its service pages,
    /// its documentation chapters and its section fronts but not one article among thousands; and how many distinct
    /// pages the page links below its own address (a listing or a hub links its entries, /blog/ to /blog/a-post) and
    /// beside it in the same folder (a documentation chapter's neighbours, a service page's sister services; another item
    /// of the page's own script, "view.html?id=8" from "view.html?id=7", is a page beside it, not the page itself).
    /// Then, from any link, how many services' share dialogs the page offers (<see cref="ShareDialogs"/>).
    /// </summary>
    private static void AddSiteLinks(List<double> values, PageModel page, string? url)
    {
        var document = page.Nodes.Count == 0 ? null : page.Nodes[0].Element.Owner;
        var selfLinks = 0;
        var selfInNavigation = false;
        var below = new HashSet<string>(StringComparer.Ordinal);
        var beside = new HashSet<string>(StringComparer.Ordinal);
        var shareServices = 0;
        if (document is not null && url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            var host = SiteHost(uri.Host);
            var own = SitePath(uri.AbsolutePath);
            var folder = own[..(own.LastIndexOf('/') + 1)];
            var read = 0;
            foreach (var link in document.Links)
            {
                if (++read > MaxLinksRead) break;
                var href = link.GetAttribute("href");
                if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#')) continue;
                if (ShareService(href) is var service and >= 0) shareServices |= 1 << service;
                if (!Uri.TryCreate(uri, href.Trim(), out var target)
                    || !target.Scheme.StartsWith("http", StringComparison.Ordinal) || SiteHost(target.Host) != host) continue;
                var path = SitePath(target.AbsolutePath);
                if (path == own && NamesAnotherItem(uri.Query, target.Query))
                    beside.Add(path + target.Query);
                else if (path == own)
                {
                    selfLinks++;
                    selfInNavigation |= own.Length > 0 && InNavigation(link);
                }
                else if (own.Length > 0 && path.Length > own.Length + 1 && path.StartsWith(own, StringComparison.Ordinal) && path[own.Length] == '/') below.Add(path);
                else if (path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path.IndexOf('/', folder.Length) < 0) beside.Add(path);
            }
        }
        values.Add(selfInNavigation ? 1 : 0);
        values.Add(Log(selfLinks, 3));
        values.Add(Log(below.Count, 5));
        values.Add(Log(beside.Count, 5));
        values.Add(Log(BitOperations.PopCount((uint)shareServices), 2));
    }

    /// <summary>
    /// Whether a "related / more stories" block comes after the page's text, as posts end (counted over the raw WCXB dev
    /// pages: after 30 % of the page's words on 25 % of the articles against 7 % of service pages and 7 % of listings): an
    /// element whose class or id holds one of markers.txt's related-block fragments, after the first long block (prose
    /// before it) and holding less than half the page's text (not a wrapper of the page).
    /// </summary>
    private static void AddRelatedBlock(List<double> values, PageModel page)
    {
        var firstProse = page.Nodes.Count;
        foreach (var block in page.Blocks)
            if (block.Text.Length >= LongBlockChars) firstProse = Math.Min(firstProse, block.Node);
        var total = page.Nodes.Count == 0 ? 0 : page.Nodes[0].TextChars;
        var related = false;
        for (var i = firstProse + 1; i < page.Nodes.Count && !related; i++)
        {
            var node = page.Nodes[i];
            if (node.TextChars * 2 >= total) continue;
            var names = $"{node.Element.GetAttribute("class")} {node.Element.GetAttribute("id")}";
            if (names.Length == 1) continue; // neither a class nor an id
            var lower = names.ToLowerInvariant();
            related = RelatedBlockNames.Any(f => lower.Contains(f, StringComparison.Ordinal));
        }
        values.Add(related ? 1 : 0);
    }

    /// <summary>
    /// The share dialogs a link may open, one per service: a page that offers itself to be passed on (a post, an
    /// article) links them with its own address; a company links its profile on the same services instead, which none
    /// of these paths is.
    /// </summary>
    private static readonly string[][] ShareDialogs =
    [
        ["facebook.com/sharer", "facebook.com/share.php", "facebook.com/dialog/share", "facebook.com/dialog/feed"],
        ["twitter.com/intent/tweet", "twitter.com/share", "x.com/intent/tweet", "x.com/intent/post", "x.com/share"],
        ["linkedin.com/sharearticle", "linkedin.com/sharing/", "linkedin.com/cws/share"],
        ["pinterest.com/pin/create"],
        ["reddit.com/submit"],
        ["api.whatsapp.com/send", "wa.me/?", "whatsapp://send"],
        ["mailto:?"],
        ["t.me/share", "telegram.me/share"],
    ];

    /// <summary>
    /// The index in <see cref="ShareDialogs"/> of the service whose share dialog <paramref name="href"/> opens, or -1. A dialog's
    /// path counts where it starts a host name or a part of one ("box.com/share" is not "x.com/share") and ends a path part
    /// (a profile named "SharePoint" is not "twitter.com/share").
    /// </summary>
    internal static int ShareService(string href)
    {
        if (href.Length < 8) return -1;
        for (var i = 0; i < ShareDialogs.Length; i++)
            foreach (var dialog in ShareDialogs[i])
                for (var at = href.IndexOf(dialog, StringComparison.OrdinalIgnoreCase); at >= 0; at = href.IndexOf(dialog, at + 1, StringComparison.OrdinalIgnoreCase))
                    if (StartsAName(href, at, dialog) && EndsAPart(href, at + dialog.Length, dialog)) return i;
        return -1;

        static bool StartsAName(string href, int at, string dialog) => at == 0 || href[at - 1] is '/' or '.' || dialog.Contains(':', StringComparison.Ordinal);
        static bool EndsAPart(string href, int end, string dialog) => dialog[^1] is '/' or '?' || end == href.Length || !(char.IsLetterOrDigit(href[end]) || href[end] is '_' or '-');
    }

    /// <summary>
    /// Whether a link to the page's own path names another page all the same: one script serving many items by a query
    /// ("view.html?id=7" and "view.html?id=8", an article's links to its neighbours), told by a key both queries hold
    /// with different values. A link without a query, or whose shared keys agree, is the page itself (the page's own
    /// address often carries a tracking tag or the list it was opened from).
    /// </summary>
    private static bool NamesAnotherItem(string pageQuery, string linkQuery)
    {
        if (pageQuery.Length <= 1 || linkQuery.Length <= 1) return false;
        var page = QueryPairs(pageQuery);
        foreach (var (key, value) in QueryPairs(linkQuery))
            if (page.TryGetValue(key, out var own) && own != value) return true;
        return false;
    }

    /// <summary>The key-value pairs of a query ("?a=1&amp;b=2"), keys lower case, the first value of a repeated key kept.</summary>
    private static Dictionary<string, string> QueryPairs(string query)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            pairs.TryAdd((equals < 0 ? pair : pair[..equals]).ToLowerInvariant(), equals < 0 ? "" : pair[(equals + 1)..]);
        }
        return pairs;
    }

    /// <summary>A host without its "www." label, so that links between the two spellings of a site are the site's own.</summary>
    private static string SiteHost(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..].ToLowerInvariant() : host.ToLowerInvariant();

    /// <summary>A path without its trailing slash and file suffix of an index page, lower case: "/Services/" and "/services/index.html" are one page.</summary>
    private static string SitePath(string path)
    {
        var lower = path.ToLowerInvariant();
        foreach (var index in (ReadOnlySpan<string>)["/index.html", "/index.htm", "/index.php", "/default.aspx"])
            if (lower.EndsWith(index, StringComparison.Ordinal)) lower = lower[..^(index.Length - 1)];
        return lower.TrimEnd('/');
    }

    /// <summary>Whether a link sits in the site's navigation: inside a nav or header element or one with the navigation role.</summary>
    private static bool InNavigation(AngleSharp.Dom.IElement link)
    {
        for (var element = link.ParentElement; element is not null; element = element.ParentElement)
            if (element.LocalName is "nav" or "header" || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>Whether a class name is a template marker: the same name, or a longer one it opens when it ends in '-' ("page-id-" opens "page-id-42").</summary>
    private static bool TemplateName(string name, string marker) =>
        marker.EndsWith('-') ? name.Length > marker.Length && name.StartsWith(marker, StringComparison.Ordinal) : name == marker;

    /// <summary>Whether a paragraph ends as a sentence does (after any closing quote or bracket).</summary>
    private static bool SentenceEnd(string text)
    {
        var end = text.Length - 1;
        while (end > 0 && text[end] is '"' or '\'' or '”' or '’' or ')' or '»') end--;
        return text[end] is '.' or '!' or '?' or '…' or '。' or '！' or '？';
    }

    private static void AddMarkers(List<double> values, PageModel page)
    {
        var classCounts = new int[ClassMarkers.Length];
        var judged = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var node in page.Nodes)
        {
            var names = ((node.Element.GetAttribute("class") ?? "") + " " + (node.Element.GetAttribute("id") ?? "")).Trim();
            if (names.Length == 0) continue;
            if (!judged.TryGetValue(names, out var hits))
            {
                var lower = names.ToLowerInvariant();
                hits = [.. ClassMarkers.Select(g => g.Fragments.Any(f => lower.Contains(f, StringComparison.Ordinal)))];
                judged[names] = hits;
            }
            for (var i = 0; i < hits.Length; i++)
                if (hits[i]) classCounts[i]++;
        }
        foreach (var count in classCounts) values.Add(Log(count, 6));

        var textCounts = new int[TextMarkers.Length];
        var prices = 0;
        var phones = 0;
        foreach (var block in page.Blocks)
        {
            if (block.Text.Length <= ShortBlockChars)
            {
                var padded = " " + Words(block.Text) + " ";
                for (var i = 0; i < TextMarkers.Length; i++)
                    foreach (var phrase in TextMarkers[i].Phrases)
                        if (padded.Contains(phrase, StringComparison.Ordinal))
                        {
                            textCounts[i]++;
                            break;
                        }
                if (Price().IsMatch(block.Text)) prices++;
            }
            if (block.Text.Length <= 400 && Phone().IsMatch(block.Text)) phones++;
        }
        foreach (var count in textCounts) values.Add(Log(count, 5));
        values.Add(Log(prices, 5));
        values.Add(Log(phones, 3));
    }

    private static List<string> BuildNames()
    {
        var names = new List<string>();
        names.AddRange(SchemaMarkers.Select(m => "schema-" + m.Group));
        names.AddRange(["og-article", "og-product", "og-website", "has-date", "has-byline", "title-question"]);
        names.AddRange(UrlMarkers.Select(m => "url-" + m.Group));
        names.AddRange(["url-depth", "url-slug-words", "url-date", "url-root", "url-query", "url-long-number", "url-html"]);
        names.AddRange(["text-chars", "extracted-chars", "extracted-share", "link-density", "blocks", "long-block-share", "short-block-share",
            "long-text-share", "paragraphs", "paragraph-length", "commas", "we-rate", "you-rate", "i-rate", "question-paragraphs"]);
        names.AddRange(["pre", "code", "h2-h3", "tables", "list-items", "form-controls", "article-elements", "images", "time-elements", "definition-lists",
            "linked-headings", "nav-link-share", "largest-repeat", "repeated-groups", "repeated-text-share"]);
        names.AddRange(ClassMarkers.Select(m => "class-" + m.Group));
        names.AddRange(TextMarkers.Select(m => "text-" + m.Group));
        names.AddRange(["prices", "phone-numbers"]);
        names.AddRange(UrlMarkers.Select(m => "host-" + m.Group));
        names.AddRange(["slug-function-words", "title-words", "title-function-share", "title-year", "title-count", "headings-per-words"]);
        names.AddRange(["declared-date", "prose-paragraph-share", "longest-paragraph", "short-paragraph-share", "prose-link-density",
            "teaser-items", "teaser-text-share", "dated-items", "date-blocks"]);
        names.AddRange(TemplateMarkers.Select(m => "template-" + m.Group));
        names.AddRange(["published-time", "modified-time-only"]);
        names.AddRange(["self-in-navigation", "self-links", "links-below", "links-beside", "share-links"]);
        names.Add("related-after-prose");
        return names;
    }

    /// <summary>log(1 + count) scaled so that about e^<paramref name="scale"/> maps to one.</summary>
    private static double Log(double count, double scale) => Math.Min(1.5, Math.Log(1 + count) / scale);

    /// <summary>Lower-case words joined by single spaces, for whole-word phrase matching.</summary>
    private static string Words(string text) => string.Join(' ', WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value));

    private static (string Group, FrozenSet<string> Words)[] Sets(string prefix) =>
        [.. Groups.Where(g => Markers.ContainsKey(prefix + g)).Select(g => (g, Markers[prefix + g].ToFrozenSet(StringComparer.Ordinal)))];

    private static (string Group, string[] Fragments)[] Lists(string prefix) =>
        [.. Groups.Where(g => Markers.ContainsKey(prefix + g)).Select(g => (g, Markers[prefix + g]))];

    [GeneratedRegex(@"(^|/)(19|20)\d\d(/|-)(0?[1-9]|1[0-2])(/|-|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePath();

    [GeneratedRegex(@"\b(19|20)\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex TitleYear();

    /// <summary>A short block that is (or opens with) a date: "2024-10-15", "15/10/2024", "Oct 15, 2024", "15 October 2024".</summary>
    [GeneratedRegex(@"\b((19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? (19|20)\d\d|\d{1,2}\.? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (19|20)\d\d)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DateBlock();

    [GeneratedRegex(@"\d{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[$€£¥₹]\s?\d|\d\s?(€|£|usd|eur|gbp|kr|zł)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    [GeneratedRegex(@"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\+\d{1,3}[\s.-]?\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\p{L}\p{N}]+:?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
