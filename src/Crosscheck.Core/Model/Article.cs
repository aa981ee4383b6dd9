namespace Crosscheck.Core.Model;

/// <summary>Where a piece of metadata was found, so users can judge how far to trust it.</summary>
public sealed record Found<T>(T Value, string Source);

/// <summary>What extraction yields from one raw input: the clean article and its metadata.</summary>
public sealed class Article
{
    /// <summary>The content hash of the raw input this article was extracted from.</summary>
    public required string Id { get; init; }

    /// <summary>Path or URL as given.</summary>
    public required string Source { get; init; }

    public string? Url { get; set; }

    public string? Outlet { get; set; }

    public string? Title { get; set; }

    public string? Byline { get; set; }

    /// <summary>Publication time and where it was found ("json-ld", "meta", "dateline", "hint"...).</summary>
    public Found<DateTimeOffset>? Published { get; set; }

    /// <summary>ISO 639-1 code, or null when it could not be identified.</summary>
    public string? Language { get; set; }

    /// <summary>Clean text; paragraphs separated by one blank line.</summary>
    public string Body { get; set; } = "";

    /// <summary>The kind of page the article came from; only articles and forum threads form stories.</summary>
    public PageType PageType { get; set; } = PageType.Article;

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>
    /// A copy with another body and the same metadata, without diagnostics: the caller decides which
    /// of the old ones still hold for the new body.
    /// </summary>
    public Article WithBody(string body) => new()
    {
        Id = Id, Source = Source, Url = Url, Outlet = Outlet, Title = Title, Byline = Byline,
        Published = Published, Language = Language, Body = body, PageType = PageType,
    };

    /// <summary>Paragraphs of the body, in order.</summary>
    public IEnumerable<string> Paragraphs =>
        Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
