using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs.Feeds;

/// <summary>
/// Reads RSS (0.9x, 1.0, 2.0) and Atom feeds through CodeHollow.FeedReader, and JSON Feeds
/// (jsonfeed.org 1.0 and 1.1) directly. Each item becomes one article; an item that cannot be
/// one is reported as "path#n" (n counting items from 1) and skipped, the others kept.
/// </summary>
public sealed class FeedInput(InputLimits? limits = null)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly InputLimits _limits = limits ?? InputLimits.Default;

    /// <summary>The problem reported for a feed without items: a bad input file, but a quiet moment for a watched feed.</summary>
    internal const string NoItems = "is a feed with no items";

    public IEnumerable<InputItem> ReadXml(string path, byte[] content, IngestHints hints) => Entries(path, content, json: false, hints).Select(e => e.Item);

    public IEnumerable<InputItem> ReadJson(string path, byte[] content, IngestHints hints) => Entries(path, content, json: true, hints).Select(e => e.Item);

    /// <summary>
    /// The items of a feed with the articles they came from (null for a problem with the whole feed
    /// or an item that is not one): for callers that act on an item before ingesting it, e.g. fetch
    /// the page of an item that carries only a summary.
    /// </summary>
    internal IReadOnlyList<FeedEntry> Entries(string path, byte[] content, bool json, IngestHints hints) =>
        json ? JsonEntries(path, content, hints) : XmlEntries(path, content, hints);

    private List<FeedEntry> XmlEntries(string path, byte[] content, IngestHints hints)
    {
        if (RefusedStructure(content) is { } refused) return [Problem(path, refused)];
        Feed feed;
        try
        {
            // FeedReader reads bytes by their XML declaration but not by a UTF-16 byte-order mark.
            feed = ContentSniffer.HasUtf16Bom(content) ? FeedReader.ReadFromString(ContentSniffer.DecodeText(content)) : FeedReader.ReadFromByteArray(content);
        }
        catch (Exception ex) when (ex is XmlException or FormatException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            return [Problem(path, $"is not a well-formed RSS or Atom feed ({FirstLine(ex.Message)})")];
        }
        if (feed.Type == FeedType.Unknown) return [Problem(path, "is XML but not an RSS or Atom feed")];
        var articles = feed.Items.Select(item => new FeedArticle(
            Absolute(item.Link, feed.Link),
            Clean(item.Title),
            Richest(item.Content, item.Description),
            Clean(PublishedText(item)))
        { SummaryOnly = string.IsNullOrWhiteSpace(item.Content) });
        return Items(path, articles, feed.Items.Count, hints);
    }

    /// <summary>
    /// Deepest element nesting read (16,384). Feeds nest a few levels; the XML tree the feed parser
    /// builds costs time with the square of the depth (3 s at this bound, minutes at 200,000).
    /// </summary>
    internal const int MaxXmlDepth = 16_384;

    /// <summary>Why the feed is refused before it is parsed into a tree (entity declarations, absurd nesting), or null.</summary>
    private static string? RefusedStructure(byte[] content)
    {
        if (DeclaresEntities(content)) return "feed declares XML entities, which are refused (a known way to blow up memory); remove the DOCTYPE";
        var text = ContentSniffer.HasUtf16Bom(content) ? Encoding.UTF8.GetBytes(ContentSniffer.DecodeText(content)) : content;
        return NestsDeeperThan(text, MaxXmlDepth) ? $"feed nests elements deeper than {MaxXmlDepth:N0} levels; refused (real feeds nest a few)" : null;
    }

    /// <summary>
    /// Whether the document type declaration holds entity declarations. Entities are how XML bombs
    /// expand a few bytes into gigabytes, and feeds never need them; they can be declared only in
    /// the doctype's internal subset, which comes before the root element however long the
    /// comments ahead of it are, so the prolog is read to its end (the DTD is not processed: no
    /// entity is expanded and nothing is fetched). A plain doctype, as RSS 0.91 feeds carry, is fine.
    /// </summary>
    private static bool DeclaresEntities(byte[] content)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null, MaxCharactersFromEntities = 1, IgnoreComments = true, IgnoreProcessingInstructions = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.DocumentType) return reader.Value.Contains("<!ENTITY", StringComparison.Ordinal);
                if (reader.NodeType == XmlNodeType.Element) return false;
            }
        }
        catch (XmlException)
        {
            // A prolog that cannot be read is refused if it might declare entities anywhere (in
            // UTF-8 or UTF-16); otherwise the feed parser reports what is malformed.
            return EntityMarkers.Any(marker => content.AsSpan().IndexOf(marker) >= 0);
        }
        return false;
    }

    /// <summary>
    /// Whether start tags nest deeper than <paramref name="limit"/>, counted over the bytes in one
    /// pass (comments, CDATA sections, processing instructions and declarations skipped). Lenient on
    /// purpose: the feed parser repairs some malformed XML (stray control characters) before building
    /// its tree, so a strict reader that stops at the first error cannot bound what it builds.
    /// </summary>
    internal static bool NestsDeeperThan(ReadOnlySpan<byte> xml, int limit)
    {
        var depth = 0;
        var at = 0;
        while (at < xml.Length)
        {
            var open = xml[at..].IndexOf((byte)'<');
            if (open < 0) break;
            at += open;
            var tag = xml[at..];
            ReadOnlySpan<byte> terminator;
            var change = 0;
            if (tag.StartsWith("<!--"u8)) terminator = "-->"u8;
            else if (tag.StartsWith("<![CDATA["u8)) terminator = "]]>"u8;
            else if (tag.StartsWith("<?"u8)) terminator = "?>"u8;
            else
            {
                terminator = ">"u8;
                change = tag.Length < 2 || tag[1] == (byte)'!' ? 0 : tag[1] == (byte)'/' ? -1 : 1;
            }
            var end = tag.IndexOf(terminator);
            if (end < 0) break;
            if (change > 0 && tag[end - 1] != (byte)'/' && ++depth > limit) return true;
            if (change < 0) depth = Math.Max(0, depth - 1);
            at += end + terminator.Length;
        }
        return false;
    }

    private static readonly byte[][] EntityMarkers = [.. new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode }.Select(e => e.GetBytes("<!ENTITY"))];

    private List<FeedEntry> JsonEntries(string path, byte[] content, IngestHints hints)
    {
        // The parser takes bytes as UTF-8 without checking inside strings, and reading such a string throws later.
        if (!ContentSniffer.HasUtf16Bom(content) && ContentSniffer.FirstInvalidUtf8(content) is var invalid and >= 0)
            return [Problem(path, $"is not valid UTF-8 (first bad byte at offset {invalid}); a JSON Feed must be UTF-8")];
        JsonDocument json;
        try
        {
            json = ContentSniffer.HasUtf16Bom(content) ? JsonDocument.Parse(ContentSniffer.DecodeText(content), JsonOptions) : JsonDocument.Parse(content, JsonOptions);
        }
        catch (JsonException ex)
        {
            return [Problem(path, $"is not valid JSON ({FirstLine(ex.Message)})")];
        }
        using (json)
        {
            var root = json.RootElement;
            if (!JsonText.TryGetProperty(root, "items", out var items) || items.ValueKind != JsonValueKind.Array)
                return [Problem(path, "is not a JSON Feed (needs an object with an \"items\" array)")];
            var home = String(root, "home_page_url");
            var results = new List<FeedEntry>();
            var number = 0;
            foreach (var item in items.EnumerateArray())
            {
                number++;
                if (number > _limits.MaxFeedItems) break;
                var source = $"{path}#{number}";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    results.Add(Problem(source, $"JSON Feed item is a {item.ValueKind.ToString().ToLowerInvariant()}, not an object; skipped"));
                    continue;
                }
                var article = new FeedArticle(
                    Absolute(String(item, "url") ?? String(item, "external_url"), home),
                    Clean(String(item, "title")),
                    Richest(String(item, "content_html"), String(item, "content_text"), String(item, "summary")),
                    Clean(String(item, "date_published") ?? String(item, "date_modified")))
                { SummaryOnly = String(item, "content_html") is null && String(item, "content_text") is null };
                results.Add(Entry(article, source, hints));
            }
            return Finish(path, results, items.GetArrayLength());
        }
    }

    private List<FeedEntry> Items(string path, IEnumerable<FeedArticle> articles, int count, IngestHints hints)
    {
        var results = articles.Take(_limits.MaxFeedItems)
            .Select((article, index) => Entry(article, $"{path}#{index + 1}", hints))
            .ToList();
        return Finish(path, results, count);
    }

    /// <summary>One item as an entry; an item that cannot be written as a record is reported on its own, so the feed's other items are kept.</summary>
    private FeedEntry Entry(FeedArticle article, string source, IngestHints hints)
    {
        try
        {
            return new FeedEntry(article.ToInput(source, hints, _limits.MaxRecordBytes), article);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or RegexMatchTimeoutException)
        {
            return Problem(source, $"feed item cannot be read ({FirstLine(ex.Message)}); skipped");
        }
    }

    private List<FeedEntry> Finish(string path, List<FeedEntry> results, int count)
    {
        if (count == 0) results.Add(Problem(path, NoItems));
        if (count > _limits.MaxFeedItems)
            results.Add(Problem(path, $"has {count:N0} items; only the first {_limits.MaxFeedItems:N0} were read (split it into files of at most {_limits.MaxFeedItems:N0} items to read the rest)"));
        return results;
    }

    private static FeedEntry Problem(string source, string problem) => new(new BadInput(source, problem), null);

    /// <summary>Full text beats a summary: content:encoded or Atom content, then description or summary.</summary>
    private static string? Richest(params string?[] candidates) =>
        candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).FirstOrDefault();

    /// <summary>Atom items carry "published" and "updated"; the first publication is the one that dates the story.</summary>
    private static string? PublishedText(FeedItem item) => item.SpecificItem switch
    {
        AtomFeedItem atom => atom.PublishedDateString ?? atom.UpdatedDateString,
        Rss10FeedItem rdf => rdf.DC?.DateString ?? item.PublishingDateString,
        Rss20FeedItem rss => rss.PublishingDateString ?? rss.DC?.DateString,
        _ => item.PublishingDateString,
    };

    private static string? Absolute(string? link, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, link, out var resolved)) return resolved.ToString();
        return link;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? String(JsonElement element, string name) => JsonText.Property(element, name);

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}

/// <summary>One item read from a feed: what ingest takes, and the article it came from (null for a problem).</summary>
internal sealed record FeedEntry(InputItem Item, FeedArticle? Article);
