namespace Crosscheck.Stories.Entities;

/// <summary>Thresholds of entity resolution; every default is documented where it is declared.</summary>
public sealed record EntityOptions
{
    /// <summary>
    /// Jaro-Winkler similarity (on ASCII-folded forms) above which two given names are taken as
    /// spellings of one name when their consonant skeletons differ. Only consulted when the
    /// surnames already agree; 0.9 lets "Christophe"/"Christoph" through but not "Maria"/"Mario".
    /// </summary>
    public double GivenNameSimilarity { get; init; } = 0.9;

    /// <summary>Jaro-Winkler similarity above which two surnames with the same consonant skeleton agree.</summary>
    public double SurnameSimilarity { get; init; } = 0.85;

    /// <summary>
    /// Least Jaro-Winkler similarity for two words with the same consonant skeleton to count as one
    /// transliterated name ("Yevgeny"/"Evgueni"); below it the shared skeleton is taken as chance.
    /// </summary>
    public double TransliterationFloor { get; init; } = 0.6;

    /// <summary>Least similarity (Jaro-Winkler on folded names) for an unmerged pair to be reported as a possible match.</summary>
    public double PossibleMatchSimilarity { get; init; } = 0.75;

    /// <summary>Mentions longer than this many words are not names (a tagger that ran over); they are skipped.</summary>
    public int MaxNameWords { get; init; } = 8;

    /// <summary>Acronyms are 2 to this many letters ("UN", "ECOWAS", "NATO").</summary>
    public int MaxAcronymLetters { get; init; } = 10;
}
