namespace Crosscheck.Stories.Provenance;

/// <summary>How a claim's origin is traced; every default is documented here.</summary>
public sealed record ProvenanceOptions
{
    /// <summary>
    /// An article "names one main source" when one outlet makes up at least this share of its outlet
    /// citations (and is cited at least <see cref="MainSourceMinCitations"/> times, or is the only one
    /// cited). Its uncited claims are then traced to that outlet. Default 0.6.
    /// </summary>
    public double MainSourceShare { get; init; } = 0.6;

    /// <summary>Citations an outlet needs to be an article's main source when others are cited too. Default 2.</summary>
    public int MainSourceMinCitations { get; init; } = 2;

    /// <summary>Longest chain of syndicated copies followed to an original (guards against cycles). Default 4.</summary>
    public int MaxCopyDepth { get; init; } = 4;
}
