using Crosscheck.Stories.Claims;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Fingerprints;
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
    /// A copy's uncited claims are traced to its original. Null (the default): the builder finds
    /// copies itself among the story's articles (see <see cref="DetectCopies"/>).
    /// </summary>
    public Func<string, string?>? CopyOf { get; init; }

    /// <summary>
    /// When no <see cref="CopyOf"/> lookup is given, fingerprint the story's articles in publication
    /// order and link near-verbatim copies to their earliest original. Default true.
    /// </summary>
    public bool DetectCopies { get; init; } = true;

    /// <summary>Thresholds of that copy detection.</summary>
    public SyndicationOptions Syndication { get; init; } = SyndicationOptions.Default;

    /// <summary>Stories larger than this are consolidated over their first documents only (bounded work). Default 5,000.</summary>
    public int MaxDocuments { get; init; } = 5000;
}
