namespace Crosscheck.Core.Model;

/// <summary>What kind of bytes a raw input holds; decides which extractor reads it.</summary>
public enum RawKind
{
    /// <summary>An HTML page.</summary>
    Html,

    /// <summary>Text a crawler already scraped from a page (site chrome included).</summary>
    Text,

    /// <summary>One JSON object describing an article (a JSONL line or an API post).</summary>
    Json,
}

/// <summary>
/// An input exactly as received. Its id is the SHA-256 of the bytes, so the same content
/// ingested twice is the same record. Everything derived (articles, layers, stories) can be
/// rebuilt from these.
/// </summary>
public sealed record RawInput
{
    public required string Id { get; init; }

    /// <summary>Where it came from: a path, a URL, or "path#line" for a JSONL record.</summary>
    public required string Source { get; init; }

    public required RawKind Kind { get; init; }

    public required byte[] Content { get; init; }

    /// <summary>When it was received; also the order in which stories see articles without a date.</summary>
    public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Metadata given alongside the content (e.g. --published, --outlet), not found in it.</summary>
    public IngestHints Hints { get; init; } = IngestHints.None;
}

/// <summary>Metadata supplied by whoever ingests an input; extraction prefers what it finds in the content.</summary>
public sealed record IngestHints
{
    public static readonly IngestHints None = new();

    public DateTimeOffset? Published { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    /// <summary>
    /// When a crawler fetched the page (a WARC record's date). Only a last resort for the
    /// publication date: a page is published before it is fetched, often long before.
    /// </summary>
    public DateTimeOffset? Fetched { get; init; }

    /// <summary>The charset the transport declared (an HTTP Content-Type header), which outranks a charset declared inside the page.</summary>
    public string? Charset { get; init; }
}
