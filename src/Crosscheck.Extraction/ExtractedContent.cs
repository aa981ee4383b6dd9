using Crosscheck.Core.Model;

namespace Crosscheck.Extraction;

/// <summary>What one content extractor (HTML, text) found, before hints and language are applied.</summary>
internal sealed class ExtractedContent
{
    public string? Title { get; set; }

    public string? Byline { get; set; }

    public string? Url { get; set; }

    public string? Outlet { get; set; }

    /// <summary>The page's own summary (og:description, meta description); usually the article's opening words.</summary>
    public string? Description { get; set; }

    public Found<DateTimeOffset>? Published { get; set; }

    /// <summary>A date line without a year, kept so the year can be pinned once the fetch date is known.</summary>
    public Metadata.TextDate? YearlessDateLine { get; set; }

    public List<string> Paragraphs { get; } = [];

    /// <summary>The article's text as the page's structured data (JSON-LD articleBody) gives it, for when the page shows none.</summary>
    public string? StructuredBody { get; set; }

    /// <summary>schema.org types the page declares (JSON-LD @type, microdata itemtype), lower case.</summary>
    public HashSet<string> SchemaTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The page's og:type, when it has one.</summary>
    public string? OpenGraphType { get; set; }

    /// <summary>The features the page's type is told from (<see cref="PageTypes.PageSignals"/>); null for inputs that are not HTML pages.</summary>
    public PageTypes.PageFeatures? PageSignals { get; set; }

    /// <summary>
    /// The page's type, told once by the HTML pass (which also chooses the content by it) and stored on the article as
    /// it is; an article for inputs that are not whole HTML pages or have no address.
    /// </summary>
    public PageType PageType { get; set; } = PageType.Article;

    /// <summary>Whether the page is safe and promising enough to hand to the slower fallback extractor.</summary>
    public bool FallbackAllowed { get; set; }

    /// <summary>
    /// What stands as the body when neither the extractor nor its fallback finds article text (the article body of
    /// the page's structured data, the page's text blocks outside its furniture, its description, else every text of
    /// the page), with the note that says so; null when there is none.
    /// </summary>
    public (List<string> Paragraphs, string Note)? LastResort { get; set; }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Takes the last resort when no paragraph was found: a page with text never yields an empty body.</summary>
    public void UseLastResortIfEmpty()
    {
        if (Paragraphs.Count > 0 || LastResort is not { } lastResort) return;
        Paragraphs.AddRange(lastResort.Paragraphs);
        Note(DiagnosticSeverity.Info, lastResort.Note);
    }

    public void Note(DiagnosticSeverity severity, string message) =>
        Diagnostics.Add(new Diagnostic(ArticleExtractor.StageName, severity, message));
}
