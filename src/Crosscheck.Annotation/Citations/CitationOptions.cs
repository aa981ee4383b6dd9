namespace Crosscheck.Annotation.Citations;

/// <summary>Thresholds of <see cref="CitationRecognizer"/>; the defaults are the documented behaviour.</summary>
public sealed record CitationOptions
{
    /// <summary>How many words an unnamed source description may hold before its noun ("senior French diplomatic sources").</summary>
    public int MaxDescriptionWords { get; init; } = 4;

    /// <summary>How many tokens into a sentence a "(Reuters) -" dateline may start.</summary>
    public int DatelineWindow { get; init; } = 12;

    /// <summary>Also report sources named after "according to"/"citing" that are not in the outlet gazetteer ("according to the Pentagon").</summary>
    public bool IncludeNamedNonOutlets { get; init; } = true;

    /// <summary>Sentences longer than this many characters are read only up to it, to bound the work on odd input.</summary>
    public int MaxSentenceChars { get; init; } = 20_000;
}
