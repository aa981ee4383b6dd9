using Crosscheck.Stories.Claims;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Provenance;
using Crosscheck.Stories.Timeline;

namespace Crosscheck.Stories.Consolidation;

/// <summary>Everything the dossier builder can be tuned with; each part documents its own defaults.</summary>
public sealed record DossierBuilderOptions
{
    public static readonly DossierBuilderOptions Default = new();

    public EntityOptions Entities { get; init; } = new();

    public ClaimOptions Claims { get; init; } = new();

    public ProvenanceOptions Provenance { get; init; } = new();

    public QuoteOptions Quotes { get; init; } = new();

    public TimelineOptions Timeline { get; init; } = new();

    /// <summary>
    /// Syndication: the id of the article a given article copies, or null when it is an original.
    /// Supplied by the fingerprinting stage; a copy's uncited claims are traced to its original.
    /// Null (the default) when no syndication detection ran.
    /// </summary>
    public Func<string, string?>? CopyOf { get; init; }

    /// <summary>Stories larger than this are consolidated over their first documents only (bounded work). Default 5,000.</summary>
    public int MaxDocuments { get; init; } = 5000;
}
