namespace Crosscheck.Annotation.Time;

/// <summary>Thresholds of <see cref="TimeExpressionRecognizer"/>; the defaults are the documented behaviour.</summary>
public sealed record TimeOptions
{
    /// <summary>
    /// When the text gives no year, infer it from the publication date (the year that puts the date
    /// nearest to it) instead of writing "XXXX". The guess is marked by <see cref="InferredConfidence"/>.
    /// </summary>
    public bool InferMissingYear { get; init; } = true;

    /// <summary>Confidence of a year inferred from the publication date.</summary>
    public float InferredConfidence { get; init; } = 0.7f;

    /// <summary>Confidence of a weekday or relative phrase resolved against the publication date (the tense is not read).</summary>
    public float RelativeConfidence { get; init; } = 0.8f;

    /// <summary>Four-digit numbers in this range may be years.</summary>
    public int MinYear { get; init; } = 1800;

    public int MaxYear { get; init; } = 2100;

    /// <summary>Sentences longer than this many characters are read only up to it, to bound the work on odd input.</summary>
    public int MaxSentenceChars { get; init; } = 20_000;
}
