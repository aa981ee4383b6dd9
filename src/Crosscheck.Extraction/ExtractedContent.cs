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

    /// <summary>schema.org types the page declares (JSON-LD @type, microdata itemtype), lower case.</summary>
    public HashSet<string> SchemaTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>The page's og:type, when it has one.</summary>
    public string? OpenGraphType { get; set; }

    /// <summary>The features the page's type is told from (<see cref="PageTypes.PageSignals"/>); null for inputs that are not HTML pages.</summary>
    public double[]? PageSignals { get; set; }

    /// <summary>Whether the page is safe and promising enough to hand to the slower fallback extractor.</summary>
    public bool FallbackAllowed { get; set; }

    public List<Diagnostic> Diagnostics { get; } = [];

    public void Note(DiagnosticSeverity severity, string message) =>
        Diagnostics.Add(new Diagnostic(ArticleExtractor.StageName, severity, message));
}
