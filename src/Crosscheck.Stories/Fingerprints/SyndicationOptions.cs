namespace Crosscheck.Stories.Fingerprints;

/// <summary>Thresholds of <see cref="SyndicationDetector"/>, with defaults.</summary>
public sealed record SyndicationOptions
{
    public static readonly SyndicationOptions Default = new();

    /// <summary>Words per shingle. Default 4: long enough that distinct articles rarely share one by chance.</summary>
    public int ShingleWords { get; init; } = 4;

    /// <summary>
    /// LSH bands × rows = MinHash size. Defaults 42 × 3 (126 hashes): a pair with Jaccard 0.6 becomes a
    /// candidate with probability 0.99996, a pair at 0.3 with probability 0.68, unrelated pairs (&lt;0.05) rarely.
    /// </summary>
    public int Bands { get; init; } = 42;

    /// <summary>Rows per LSH band. Default 3.</summary>
    public int Rows { get; init; } = 3;

    /// <summary>A candidate is a copy when the exact shingle Jaccard reaches this. Default 0.5.</summary>
    public double JaccardThreshold { get; init; } = 0.5;

    /// <summary>
    /// ...or when this share of the newer text's shingles is found in the older one (a trimmed or
    /// excerpted copy, or a copy with boilerplate added). Default 0.8.
    /// </summary>
    public double ContainmentThreshold { get; init; } = 0.8;

    /// <summary>Texts with fewer shingles than this are too short to call copies. Default 15.</summary>
    public int MinShingles { get; init; } = 15;

    /// <summary>Shingles read per document at most (bounds cost on huge input). Default 20000.</summary>
    public int MaxShingles { get; init; } = 20_000;

    /// <summary>Most recent documents kept for comparison; older ones are evicted, bounding memory. Default 20000.</summary>
    public int Window { get; init; } = 20_000;

    /// <summary>Most recent entries kept per LSH bucket; a bucket shared by many texts is boilerplate, not a copy signal. Default 64.</summary>
    public int MaxBucketSize { get; init; } = 64;

    /// <summary>
    /// A translation is recognised when this share of the smaller article's language-neutral pairs (two numbers
    /// or name keys in a row, <see cref="TranslationDetector"/>) is found in the other, in another language.
    /// Default 0.5: a translation keeps its figures and names in their order; two outlets' own reports of one
    /// event share some figures and names, seldom half of their sequence.
    /// </summary>
    public double TranslationShare { get; init; } = 0.5;

    /// <summary>Articles with fewer language-neutral pairs than this are too thin to call translations. Default 6.</summary>
    public int TranslationMinPairs { get; init; } = 6;
}
