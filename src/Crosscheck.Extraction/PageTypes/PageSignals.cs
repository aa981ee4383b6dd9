using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Crosscheck.Core.Text;
using Crosscheck.Extraction.Html;

namespace Crosscheck.Extraction.PageTypes;

/// <summary>
/// The general features a page's type is told from, read from what the content pass already built (the page
/// model, the metadata, the selected paragraphs) so that classifying costs no second parse: schema.org and
/// OpenGraph types, the URL's shape, how much of the page is prose, link density, repeated item blocks, code
/// blocks, price and cart markers, post-and-reply furniture. Every value is scaled to about [0, 1]; the words
/// each feature looks for are in markers.txt.
/// </summary>
internal static partial class PageSignals
{
    private static readonly string[] Groups = ["article", "forum", "listing", "product", "service", "documentation"];

    /// <summary>
    /// (Declared before <see cref="Names"/>, which reads it.) Which of the page's words each block of word scores reads: all of them, the title's, the address's (a word's
    /// place is its first letter: see <see cref="Word"/>); null reads every word.
    /// </summary>
    public static IReadOnlyList<(string Name, char? Place)> WordPlaces { get; } = [("words", null), ("title-words", 't'), ("address-words", 'u')];

    /// <summary>The number of page types the features name (the word scores hold one per type and place).</summary>
    public static int TypeCount => Groups.Length;

    private static readonly FrozenDictionary<string, string[]> Markers =
        Lexicon.Rows(typeof(PageSignals).Assembly, "PageTypes/markers.txt", LexiconCase.Lower)
            .Where(row => row.Length == 2)
            .GroupBy(row => row[0], row => row[1], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly (string Group, FrozenSet<string> Words)[] SchemaMarkers = Sets("schema-");
    private static readonly (string Group, FrozenSet<string> Words)[] UrlMarkers = Sets("url-");
    private static readonly (string Group, string[] Fragments)[] ClassMarkers = Lists("class-");
    private static readonly (string Group, FrozenSet<string> Words)[] PronounMarkers =
        [.. new[] { "we", "you", "i" }.Select(g => (g, Markers["pronoun-" + g].ToFrozenSet(StringComparer.Ordinal)))];

    private static readonly FrozenSet<string> FunctionWords = Markers["function-word"].ToFrozenSet(StringComparer.Ordinal);

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

    /// <summary>The place of the first word score (<see cref="WordScoreNames"/>, one per type and place): the last features.</summary>
    public static int WordScoreIndex => Names.Count - WordPlaces.Count * Groups.Length;

    /// <summary>The features <see cref="PageWordModel"/> fills from the page's words, one per type for each of <see cref="WordPlaces"/>, after every other feature.</summary>
    public static IEnumerable<string> WordScoreNames => WordPlaces.SelectMany(place => Groups.Select(g => place.Name + "-" + g));

    public static PageFeatures Read(PageModel page, ExtractedContent content, string? pageUrl, IReadOnlyList<string> paragraphs)
    {
        var values = new List<double>(Names.Count);
        var words = new HashSet<string>(StringComparer.Ordinal);

        var schema = content.SchemaTypes;
        foreach (var (_, markers) in SchemaMarkers) values.Add(schema.Any(markers.Contains) ? 1 : 0);
        var ogType = content.OpenGraphType?.ToLowerInvariant() ?? "";
        // Every schema.org and OpenGraph type the page declares, as words: the marker lists above name only some.
        foreach (var type in schema) words.Add(Word('j', type.ToLowerInvariant()));
        if (ogType.Length > 0) words.Add(Word('o', ogType));
        values.Add(ogType == "article" || ogType.StartsWith("article", StringComparison.Ordinal) ? 1 : 0);
        values.Add(ogType.Contains("product", StringComparison.Ordinal) ? 1 : 0);
        values.Add(ogType == "website" ? 1 : 0);
        values.Add(content.Published is { Source: not "url" } ? 1 : 0);
        values.Add(content.Byline is null ? 0 : 1);
        values.Add(content.Title?.TrimEnd().EndsWith('?') == true ? 1 : 0);

        AddUrl(values, content.Url ?? pageUrl, words);
        var wordCount = AddText(values, page, paragraphs);
        var headings = AddElements(values, page);
        AddMarkers(values, page);
        AddShape(values, content, content.Url ?? pageUrl, wordCount, headings, words);
        values.AddRange(WordScoreNames.Select(_ => 0.0));
        return new PageFeatures([.. values], [.. words]);
    }

    /// <summary>A word as the word model knows it: <paramref name="place"/> (t: title, u: address, j: schema.org type, o: OpenGraph type) and the word, digits as 0.</summary>
    private static string Word(char place, string word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 40) + 2];
        buffer[0] = place;
        buffer[1] = ':';
        for (var i = 0; i < buffer.Length - 2; i++) buffer[i + 2] = char.IsAsciiDigit(word[i]) ? '0' : word[i];
        return new string(buffer);
    }

    private static void AddUrl(List<double> values, string? url, HashSet<string> words)
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
        foreach (var segment in segments)
            foreach (var word in UrlWord().Matches(segment).Select(m => m.Value)) words.Add(Word('u', word));
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
    private static void AddShape(List<double> values, ExtractedContent content, string? url, int words, int headings, HashSet<string> pageWords)
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
        foreach (var word in titleWords) pageWords.Add(Word('t', word));
        foreach (var label in subdomains) pageWords.Add(Word('u', label));
        values.Add(Math.Min(titleWords.Length, 24) / 24.0);
        values.Add(titleWords.Length == 0 ? 0 : titleWords.Count(FunctionWords.Contains) / (double)titleWords.Length);
        values.Add(TitleYear().IsMatch(content.Title ?? "") ? 1 : 0);
        values.Add(titleWords.Length > 0 && titleWords[0].All(char.IsAsciiDigit) ? 1 : 0);
        values.Add(Math.Min(1.5, headings * 100.0 / Math.Max(words, 50) / 4));
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
        names.AddRange(WordScoreNames);
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

    [GeneratedRegex(@"\d{5,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[$€£¥₹]\s?\d|\d\s?(€|£|usd|eur|gbp|kr|zł)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    [GeneratedRegex(@"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\+\d{1,3}[\s.-]?\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\p{L}\p{N}]+:?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlWord();
}
