using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs.Feeds;

/// <summary>
/// One feed item as an article: its link, title, date and the richest content the feed carries.
/// It is stored as a JSON article record (the JSONL format), so extraction reads feed items,
/// JSONL lines and API posts the same way, and the same item ingested twice is one record.
/// </summary>
internal sealed partial record FeedArticle(string? Url, string? Title, string? Content, string? Published)
{
    /// <summary>The feed carries only a description or summary for this item, not its full text.</summary>
    public bool SummaryOnly { get; init; }

    /// <summary>The publication date as ISO 8601 when it can be read (see <see cref="NormalizeDate"/>).</summary>
    public DateTimeOffset? PublishedDate =>
        Published is not null && DateTimeOffset.TryParse(NormalizeDate(Published), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>The raw input for this item, or a problem when it cannot become an article.</summary>
    public InputItem ToInput(string source, IngestHints hints, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(Content))
            return new BadInput(source, $"feed item {Describe()}has no content (no content:encoded, content, description or summary); skipped");
        // Checked before the record is written: an item many times the limit is not copied again.
        var record = Content.Length > maxBytes ? null : ToJson();
        if (record is null || record.Length > maxBytes)
        {
            var content = Encoding.UTF8.GetByteCount(Content);
            // JSON escapes '<', '>', '&' and quotes as six bytes each, so markup-heavy content can pass the limit only as a record.
            var size = record is null || record.Length <= content * 2
                ? $"is {Megabytes(record?.Length ?? content)} MB,"
                : $"holds {Megabytes(content)} MB of content, {Megabytes(record.Length)} MB as a record (JSON escapes its markup),";
            return new BadInput(source, $"feed item {Describe()}{size} over the {maxBytes / (1024 * 1024)} MB limit for one record; skipped");
        }
        return new RawItem(new RawInput { Id = ContentHash.Of(record), Source = source, Kind = RawKind.Json, Content = record, Hints = hints });
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Written field by field in a fixed order, so the same item always hashes the same.</summary>
    private byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (Url is not null) json.WriteString("url", Url);
            if (Title is not null) json.WriteString("title", Title);
            json.WriteString(LooksLikeHtml(Content!) ? "html" : "text", Content);
            if (Published is not null) json.WriteString("published", NormalizeDate(Published));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private string Describe() => string.IsNullOrWhiteSpace(Title) ? "" : $"'{(Title.Length > 60 ? Title[..60] + "…" : Title)}' ";

    /// <summary>Tags that only HTML content carries; a text summary may still hold a stray "&lt;" or "a &lt; b".</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HtmlTagNames = new HashSet<string>(
        ["p", "div", "br", "a", "em", "strong", "b", "i", "img", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "span", "table"],
        StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest run of attributes looked at inside one tag.</summary>
    private const int MaxTagAttributes = 500;

    /// <summary>
    /// Whether the content holds an HTML tag: '&lt;', a known tag name, then up to 500 characters
    /// other than '&lt;' or '&gt;' and a '&gt;'. One pass (each look ahead stops at the next '&lt;'), so the
    /// time is linear in the content; a regular expression with a timeout failed on long items of tag-like text.
    /// </summary>
    internal static bool LooksLikeHtml(string content)
    {
        var open = content.IndexOf('<');
        while (open >= 0)
        {
            var nameEnd = open + 1;
            while (nameEnd < content.Length && IsWordChar(content[nameEnd])) nameEnd++;
            var next = content.IndexOfAny(['<', '>'], nameEnd, Math.Min(MaxTagAttributes + 1, content.Length - nameEnd));
            if (next >= 0 && content[next] == '>' && HtmlTagNames.Contains(content.AsSpan(open + 1, nameEnd - open - 1)))
                return true;
            open = next >= 0 && content[next] == '<' ? next : content.IndexOf('<', nameEnd);
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// RSS dates are RFC 822 ("Tue, 14 Sep 2021 08:30:00 +0200" or "... GMT"); they are turned
    /// into ISO 8601 here so the offset survives. A date that cannot be read is passed on as
    /// written: extraction then records that it is not a date, and the item is still kept.
    /// </summary>
    internal static string NormalizeDate(string text)
    {
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        if (trimmed.Length > 80) return trimmed;
        var match = Rfc822Zone().Match(trimmed);
        if (match.Success)
        {
            var zone = match.Groups["zone"].Value;
            var offset = zone.Length == 5 && zone[0] is '+' or '-' ? $"{zone[..3]}:{zone[3..]}" : NamedZone(zone);
            if (offset is not null && DateTimeOffset.TryParse(match.Groups["time"].Value + " " + offset, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                return date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        }
        return trimmed;
    }

    /// <summary>The zone names RFC 822 allows besides numeric offsets.</summary>
    private static string? NamedZone(string zone) => zone.ToUpperInvariant() switch
    {
        "UT" or "UTC" or "GMT" or "Z" => "+00:00",
        "EST" => "-05:00",
        "EDT" => "-04:00",
        "CST" => "-06:00",
        "CDT" => "-05:00",
        "MST" => "-07:00",
        "MDT" => "-06:00",
        "PST" => "-08:00",
        "PDT" => "-07:00",
        _ => null,
    };

    [GeneratedRegex(@"^(?:[A-Za-z]{3},\s*)?(?<time>\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[+-]\d{4}|[A-Za-z]{1,3})$", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Rfc822Zone();
}
