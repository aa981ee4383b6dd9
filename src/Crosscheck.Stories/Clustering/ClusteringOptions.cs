namespace Crosscheck.Stories.Clustering;

/// <summary>
/// Every threshold of <see cref="StoryClusterer"/>, with its default. Defaults were set on the ECB+
/// development topics (two look-alike events per topic) preferring evidence that generalises —
/// shared rare entities and event specifics — over fine threshold fitting.
/// </summary>
public sealed record ClusteringOptions
{
    public static readonly ClusteringOptions Default = new();

    // ---- similarity: a weighted sum of three cosines (each in [0,1]), then scaled by time distance ----

    /// <summary>Weight of body+title term similarity (TF-IDF cosine, IDF learned online). Default 0.45.</summary>
    public double TermWeight { get; init; } = 0.45;

    /// <summary>Weight of entity overlap (IDF-weighted cosine over entity name words). Default 0.35.</summary>
    public double EntityWeight { get; init; } = 0.35;

    /// <summary>Weight of event specifics (numbers, years, resolved dates, quantities). Default 0.20.</summary>
    public double SpecificsWeight { get; init; } = 0.20;

    /// <summary>Weight of key-name agreement: the share of each side's most salient names found on the other side. Default 0 (off: it cost precision on the development topics with capitalisation-based names).</summary>
    public double KeyWeight { get; init; } = 0;

    /// <summary>How many of a side's most salient names count as its key names. Default 4.</summary>
    public int KeyNames { get; init; } = 4;

    /// <summary>A document joins its best candidate story at or above this similarity; else it opens a story. Default 0.30.</summary>
    public double AssignThreshold { get; init; } = 0.30;

    /// <summary>Two stories merge when their similarity reaches this (evidence accumulated on both sides). Default 0.45.</summary>
    public double MergeThreshold { get; init; } = 0.45;

    /// <summary>
    /// Each absent channel (a side without entities or specifics) is dropped and the weights re-normalised,
    /// but only up to this share of the total weight, so a bare document cannot join on terms alone too easily. Default 0.5.
    /// </summary>
    public double MaxDroppedWeight { get; init; } = 0.5;

    /// <summary>
    /// A new story is compared with its neighbours again after this many further arrivals (each delay
    /// once), joining one when it now reaches the assign threshold (singletons) or merge threshold.
    /// Bounded: a story is re-checked at most this many times. Default 16, 128, 1024.
    /// </summary>
    public IReadOnlyList<int> RecheckDelays { get; init; } = [16, 128, 1024];

    // ---- features ----

    /// <summary>Title words count this many times a body word. Default 2.</summary>
    public double TitleBoost { get; init; } = 2.0;

    /// <summary>
    /// Words, names and numbers of the lead (first <see cref="LeadWords"/> words) count this many times:
    /// the lead states the event itself, the rest adds background shared with look-alikes. Default 3.
    /// </summary>
    public double LeadBoost { get; init; } = 3.0;

    /// <summary>How many leading body words form the lead. Default 60.</summary>
    public int LeadWords { get; init; } = 60;

    /// <summary>Place mentions (LOC) weigh this many times other entity words: where it happened is an event specific. Default 1.5.</summary>
    public double PlaceBoost { get; init; } = 1.5;

    /// <summary>Words read per document at most; bounds the cost of a huge or hostile input. Default 20000.</summary>
    public int MaxWordsPerDocument { get; init; } = 20_000;

    /// <summary>Terms kept in a story centroid (highest weight first), bounding comparison cost. Default 300.</summary>
    public int CentroidTerms { get; init; } = 300;

    /// <summary>Entity words kept in a story profile. Default 120.</summary>
    public int CentroidEntities { get; init; } = 120;

    /// <summary>Specifics kept in a story profile. Default 80.</summary>
    public int CentroidSpecifics { get; init; } = 80;

    // ---- candidate retrieval through the inverted index (bounded time per document) ----

    /// <summary>Highest-weighted terms of a document used to look up candidate stories. Default 25.</summary>
    public int IndexTermsPerDocument { get; init; } = 25;

    /// <summary>Entity words of a document used to look up candidates. Default 25.</summary>
    public int IndexEntitiesPerDocument { get; init; } = 25;

    /// <summary>Specifics of a document used to look up candidates. Default 15.</summary>
    public int IndexSpecificsPerDocument { get; init; } = 15;

    /// <summary>Most recent postings read per feature; older postings are ignored and trimmed. Default 256.</summary>
    public int PostingScanLimit { get; init; } = 256;

    /// <summary>Candidate stories scored in full per document (best by index overlap). Default 24.</summary>
    public int MaxCandidates { get; init; } = 24;

    // ---- time ----

    /// <summary>No time penalty while a document is within this many days of a story's span. Default 3.</summary>
    public double TimeGraceDays { get; init; } = 3;

    /// <summary>Beyond the grace period similarity decays by e^(-days/this). Default 10.</summary>
    public double TimeDecayDays { get; init; } = 10;

    /// <summary>A story idle (no new article) this many days leaves the index: old look-alikes stay apart and cost stays flat. Default 30.</summary>
    public double MaxIdleDays { get; init; } = 30;

    /// <summary>For undated input, a story leaves the index after this many later arrivals without a new article. Default 50000.</summary>
    public int MaxIdleArrivals { get; init; } = 50_000;

    // ---- syndication ----

    /// <summary>When true a near-duplicate copy joins the story of its original directly. Default true.</summary>
    public bool UseSyndication { get; init; } = true;
}
