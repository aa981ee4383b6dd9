using System.Text.Json;
using AngleSharp.Dom;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Extraction.Metadata;

namespace Crosscheck.Extraction.Html;

/// <summary>
/// Reads article metadata from a page: JSON-LD first (the most deliberate), then OpenGraph and
/// article meta tags, then microdata and &lt;time&gt;, then the URL. Each date records where it was found.
/// </summary>
internal static class HtmlMetadataReader
{
    private const int MaxJsonLdChars = 1_000_000;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    private static readonly string[] PublishedMetaNames =
    [
        "article:published_time", "og:published_time", "published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
        "parsely-pub-date", "article.published", "originalpublicationdate", "og:article:published_time", "cxenseparse:recs:publishtime",
    ];

    public static void Read(IDocument document, string? pageUrl, ExtractedContent content)
    {
        var found = PageElements.Collect(document);
        var meta = found.Meta;
        var jsonLd = ReadJsonLd(found.JsonLdScripts, content);
        content.SchemaTypes.UnionWith(jsonLd.Types);
        content.StructuredBody = jsonLd.ArticleBody;
        content.SchemaTypes.UnionWith(found.ItemTypes);
        content.OpenGraphType = meta.GetValueOrDefault("og:type");

        content.Url = Absolute(found.Canonical?.GetAttribute("href"), pageUrl)
            ?? Absolute(meta.GetValueOrDefault("og:url"), pageUrl) ?? pageUrl;

        content.Title = FirstNonEmpty(jsonLd.Headline, meta.GetValueOrDefault("og:title"), meta.GetValueOrDefault("twitter:title"),
            found.FirstBodyH1?.TextContent, document.Title);
        if (content.Title is not null) content.Title = BodyText.Collapse(content.Title);

        content.Description = FirstNonEmpty(meta.GetValueOrDefault("og:description"), meta.GetValueOrDefault("description"),
            meta.GetValueOrDefault("twitter:description"));
        // The site's own name, from what names it most deliberately to the title's "… | Site" suffix; else its domain.
        content.Outlet = FirstNonEmpty(meta.GetValueOrDefault("og:site_name"), jsonLd.Publisher, jsonLd.AnyPublisher, jsonLd.WebSiteName,
                meta.GetValueOrDefault("application-name"), TitleSuffix(document.Title, content.Url))
            ?? Domain(content.Url);

        content.Byline = FirstNonEmpty(jsonLd.Author, NotUrl(meta.GetValueOrDefault("author")), NotUrl(meta.GetValueOrDefault("article:author")),
            NotUrl(meta.GetValueOrDefault("byl")), ShortText(found.RelAuthor));
        if (content.Byline is not null)
        {
            content.Byline = BodyText.Collapse(content.Byline);
            if (content.Byline.StartsWith("By ", StringComparison.OrdinalIgnoreCase)) content.Byline = content.Byline[3..].Trim();
        }

        content.Published = ReadPublished(found, jsonLd, meta, content.Url ?? pageUrl);
    }

    private static Found<DateTimeOffset>? ReadPublished(PageElements found, JsonLdFacts jsonLd, Dictionary<string, string> meta, string? url)
    {
        if (DateText.ParseMachine(jsonLd.DatePublished) is { } fromJsonLd) return new(fromJsonLd, "json-ld");
        foreach (var name in PublishedMetaNames)
            if (DateText.ParseMachine(meta.GetValueOrDefault(name)) is { } fromMeta) return new(fromMeta, "meta");
        foreach (var element in found.DatePublished)
        {
            var value = element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent;
            if (DateText.ParseMachine(value) is { } fromMicrodata) return new(fromMicrodata, "microdata");
        }
        if (DateText.ParseMachine(found.FirstTime?.GetAttribute("datetime")) is { } fromTime) return new(fromTime, "time");
        if (DateText.FromUrl(url) is { } fromUrl) return new(fromUrl, "url");
        return null;
    }

    /// <summary>
    /// The elements metadata is read from, gathered in one walk over the page: a selector query
    /// per kind would walk the whole tree each time, and pages run to thousands of elements.
    /// </summary>
    private sealed class PageElements
    {
        public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<IElement> JsonLdScripts { get; } = [];
        public List<IElement> DatePublished { get; } = [];
        public HashSet<string> ItemTypes { get; } = new(StringComparer.Ordinal);
        public IElement? Canonical { get; private set; }
        public IElement? FirstBodyH1 { get; private set; }
        public IElement? RelAuthor { get; private set; }
        public IElement? FirstTime { get; private set; }

        public static PageElements Collect(IDocument document)
        {
            var found = new PageElements();
            var body = document.Body;
            var stack = new Stack<(IElement Element, bool InBody)>();
            if (document.DocumentElement is { } root) stack.Push((root, root == body));
            while (stack.Count > 0)
            {
                var (element, inBody) = stack.Pop();
                found.Visit(element, inBody);
                // Copied once: the collection's indexer counts from the first child on every call, so
                // reading it backwards cost n² on an element with many children (a table of 400,000 rows).
                var children = element.Children.ToArray();
                // Pushed in reverse so elements are visited in document order: "first" means first on the page.
                for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], inBody || children[i] == body));
            }
            return found;
        }

        private void Visit(IElement element, bool inBody)
        {
            switch (element.LocalName)
            {
                case "meta":
                    var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
                    var value = element.GetAttribute("content");
                    if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value)) Meta.TryAdd(key.Trim(), value.Trim());
                    break;
                case "link" when Canonical is null && element.GetAttribute("rel") == "canonical":
                    Canonical = element;
                    break;
                case "script" when element.GetAttribute("type") == "application/ld+json":
                    JsonLdScripts.Add(element);
                    break;
                case "h1" when inBody && FirstBodyH1 is null:
                    FirstBodyH1 = element;
                    break;
                case "time" when FirstTime is null && element.HasAttribute("datetime"):
                    FirstTime = element;
                    break;
            }
            if (RelAuthor is null && element.GetAttribute("rel") == "author") RelAuthor = element;
            if (element.GetAttribute("itemprop") == "datePublished") DatePublished.Add(element);
            // itemtype="https://schema.org/Product": the type is the last path segment.
            if (element.GetAttribute("itemtype") is { Length: > 0 } itemType)
                foreach (var type in itemType.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    ItemTypes.Add(type.TrimEnd('/')[(type.TrimEnd('/').LastIndexOf('/') + 1)..].ToLowerInvariant());
        }
    }

    private sealed class JsonLdFacts
    {
        public string? Headline;
        public string? DatePublished;
        public string? Author;
        public string? Publisher;

        /// <summary>The publisher of any other object (a web page, a product), when no article names one.</summary>
        public string? AnyPublisher;

        /// <summary>The text of the page's article as its JSON-LD gives it.</summary>
        public string? ArticleBody;

        /// <summary>The name of the page's WebSite object.</summary>
        public string? WebSiteName;

        /// <summary>Every @type of every object, lower case: what the page says it is (an article, a product, a Q&amp;A page...).</summary>
        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);
    }

    private static JsonLdFacts ReadJsonLd(List<IElement> scripts, ExtractedContent content)
    {
        var facts = new JsonLdFacts();
        foreach (var script in scripts)
        {
            var text = script.TextContent;
            if (text.Length > MaxJsonLdChars) continue;
            try
            {
                using var json = JsonDocument.Parse(text, JsonOptions);
                Visit(json.RootElement, facts, 0);
            }
            catch (JsonException)
            {
                content.Note(DiagnosticSeverity.Info, "a JSON-LD block is not valid JSON; skipped");
            }
        }
        return facts;
    }

    private static void Visit(JsonElement element, JsonLdFacts facts, int depth)
    {
        if (depth > 8) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Visit(item, facts, depth + 1);
                break;
            case JsonValueKind.Object:
                if (JsonText.TryGetProperty(element, "@graph", out var graph)) Visit(graph, facts, depth + 1);
                AddTypes(element, facts.Types);
                if (facts.AnyPublisher is null && JsonText.TryGetProperty(element, "publisher", out var anyPublisher)) facts.AnyPublisher = Names(anyPublisher);
                if (facts.WebSiteName is null && HasType(element, "WebSite")) facts.WebSiteName = String(element, "name");
                if (!IsArticleType(element)) break;
                facts.Headline ??= String(element, "headline") ?? String(element, "name");
                facts.ArticleBody ??= String(element, "articleBody");
                facts.DatePublished ??= String(element, "datePublished") ?? String(element, "dateCreated");
                if (facts.Author is null && JsonText.TryGetProperty(element, "author", out var author)) facts.Author = Names(author);
                if (facts.Publisher is null && JsonText.TryGetProperty(element, "publisher", out var publisher)) facts.Publisher = Names(publisher);
                break;
        }
    }

    /// <summary>The names an object's "@type" gives: one string or an array of them.</summary>
    private static IEnumerable<string> TypeNames(JsonElement element)
    {
        if (!JsonText.TryGetProperty(element, "@type", out var type)) yield break;
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
                if (JsonText.String(item) is { } name) yield return name;
        }
        else if (JsonText.String(type) is { } name)
        {
            yield return name;
        }
    }

    private static void AddTypes(JsonElement element, HashSet<string> types)
    {
        foreach (var name in TypeNames(element)) types.Add(name.ToLowerInvariant());
    }

    private static bool HasType(JsonElement element, string name) => TypeNames(element).Contains(name, StringComparer.Ordinal);

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • "];

    /// <summary>
    /// The site name a page title ends with ("Harbour reopens | Valley Courier"): the part after the last separator,
    /// short and shorter than the rest. With a known address it must match the domain ("The Courier" on
    /// thecourier.example), since a domain is surer than a guess; without one, a "|" suffix or a capitalised one is taken.
    /// </summary>
    public static string? TitleSuffix(string? title, string? url)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        title = BodyText.Collapse(title);
        var (at, separator) = TitleSeparators.Select(s => (At: title.LastIndexOf(s, StringComparison.Ordinal), Separator: s)).MaxBy(x => x.At);
        if (at <= 0) return null;
        var suffix = title[(at + separator.Length)..].Trim();
        var words = suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (suffix.Length < 2 || suffix.Length > 40 || words > 5 || at < suffix.Length) return null;
        if (Domain(url) is { } domain) return MatchesDomain(suffix, domain) ? suffix : null;
        return separator == " | " || char.IsUpper(suffix[0]) ? suffix : null;
    }

    /// <summary>Whether a name and a host name the same site: one's letters hold the other's main label ("BBC News", bbc.co.uk).</summary>
    private static bool MatchesDomain(string name, string host)
    {
        var key = new string([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        var labels = host.ToLowerInvariant().Split('.');
        // The main label is the longest one that is not a generic suffix ("co", "com", "org").
        var main = labels.Take(Math.Max(1, labels.Length - 1)).MaxBy(l => l.Length) ?? "";
        main = new string([.. main.Where(char.IsLetterOrDigit)]);
        return key.Length >= 2 && main.Length >= 2 && (key.Contains(main, StringComparison.Ordinal) || main.Contains(key, StringComparison.Ordinal));
    }

    private static bool IsArticleType(JsonElement element) =>
        TypeNames(element).Any(name => name.EndsWith("Article", StringComparison.Ordinal) || name is "BlogPosting" or "Report" or "LiveBlogPosting");

    private static string? String(JsonElement element, string name) =>
        JsonText.Property(element, name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>"name" of a person/organisation object, a plain string, or several joined with commas.</summary>
    private static string? Names(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return NotUrl(JsonText.String(value));
            case JsonValueKind.Object:
                return String(value, "name");
            case JsonValueKind.Array:
                var names = value.EnumerateArray().Select(Names).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().Take(6).ToList();
                return names.Count == 0 ? null : string.Join(", ", names);
            default:
                return null;
        }
    }

    private static string? FirstNonEmpty(params string?[] values)
    {
        foreach (var value in values)
            if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
        return null;
    }

    private static string? NotUrl(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.Contains('/') ? null : value;

    private static string? ShortText(IElement? element)
    {
        var text = element?.TextContent;
        return text is null || text.Length > 100 ? null : text;
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, href.Trim(), out var combined))
            return combined.ToString();
        return null;
    }

    /// <summary>The host of a URL without "www.", used as the outlet when the page names none.</summary>
    public static string? Domain(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;
}
