namespace Crosscheck.Annotation.Words;

/// <summary>
/// What the options of the recognisers that read the shared word layer (quantities, time, citations, quotes) have
/// in common: the bound of that one scan of a document. The default is the same for all, so one scan serves each.
/// </summary>
public abstract record WordLayerOptions
{
    /// <summary>Sentences longer than this many characters are read only up to it, to bound the work on odd input.</summary>
    public int MaxSentenceChars { get; init; } = 20_000;
}
