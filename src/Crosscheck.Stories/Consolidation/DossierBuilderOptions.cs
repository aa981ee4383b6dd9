using Crosscheck.Stories.Fingerprints;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Stories.Consolidation;

/// <summary>
/// Every threshold of the dossier builder (the Consolidate stage), with its default, in one place: the
/// parts of a dossier (entities, claims and their origins, quotes, timeline) are steps of one stage, so
/// they are tuned through one record, section by section, like <see cref="Clustering.ClusteringOptions"/>.
/// </summary>
public sealed record DossierBuilderOptions
{
    public static readonly DossierBuilderOptions Default = new();

    // ---- entities: resolution of names across spellings ----

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

    // ---- claims: grouping, and when their values agree ----

    /// <summary>Relative slack for an unhedged count ("1,000"): rounding, not disagreement. Default 2%.</summary>
    public double ExactTolerance { get; init; } = 0.02;

    /// <summary>Relative slack for a hedged value ("about", "nearly", "some"). Default 15%.</summary>
    public double HedgedTolerance { get; init; } = 0.15;

    /// <summary>
    /// How far an open bound reaches: "at least 1,000" is read as 1,000–2,000 and "up to 1,000" as
    /// 500–1,000, so it agrees with "about 1,000" but not with "5,000". Default 2.
    /// </summary>
    public double OpenBoundFactor { get; init; } = 2.0;

    /// <summary>Relative slack between money amounts after conversion to USD (exchange-rate drift). Default 5%.</summary>
    public double MoneyTolerance { get; init; } = 0.05;

    /// <summary>Counts with no counted noun say nothing comparable; they are left out unless this is set.</summary>
    public bool KeepCountsWithoutNoun { get; init; }

    /// <summary>Longest representative sentence kept in a claim, in characters (untrusted text is bounded).</summary>
    public int MaxClaimLength { get; init; } = 600;

    // ---- provenance: how a claim's origin is traced ----

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

    // ---- quotes: grouping by speaker ----

    /// <summary>Quotes shorter than this many words (scare quotes around a phrase) are not kept. Default 2.</summary>
    public int MinQuoteWords { get; init; } = 2;

    /// <summary>Word overlap (share of the shorter quote) above which two quotes of one speaker are one quote. Default 0.6.</summary>
    public double SameSpeakerOverlap { get; init; } = 0.6;

    /// <summary>Overlap needed when one article could not name the speaker. Default 0.85.</summary>
    public double UnknownSpeakerOverlap { get; init; } = 0.85;

    /// <summary>Longest quote text kept, in characters. Default 1,500.</summary>
    public int MaxQuoteLength { get; init; } = 1500;

    // ---- timeline ----

    /// <summary>Time expressions the annotator is less sure of than this are left out. Default 0.5.</summary>
    public float MinTimeConfidence { get; init; } = 0.5f;

    /// <summary>Word overlap (share of the shorter sentence) above which two same-dated sentences are one event. Default 0.5.</summary>
    public double SameEventOverlap { get; init; } = 0.5;

    /// <summary>
    /// Lower overlap that suffices when the two sentences name the same thing right next to the date
    /// ("the August 2020 coup", "the coup in August 2020"). Default 0.25.
    /// </summary>
    public double AnchoredEventOverlap { get; init; } = 0.25;

    /// <summary>Longest event text kept, in characters. Default 500.</summary>
    public int MaxEventLength { get; init; } = 500;

    // ---- copies and bounds ----

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

    /// <summary>Bounds and display of the statements section (<see cref="StatementOptions.Default"/>).</summary>
    public StatementOptions Statements { get; init; } = StatementOptions.Default;
}
