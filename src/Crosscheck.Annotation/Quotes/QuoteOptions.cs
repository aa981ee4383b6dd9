using Crosscheck.Annotation.Words;

namespace Crosscheck.Annotation.Quotes;

/// <summary>Thresholds of <see cref="QuoteRecognizer"/>; the defaults are the documented behaviour.</summary>
public sealed record QuoteOptions : WordLayerOptions
{
    /// <summary>A quoted span longer than this is taken for a stray quotation mark and dropped.</summary>
    public int MaxQuoteChars { get; init; } = 6_000;

    /// <summary>A quote with no cue and no speaker is kept only from this many words on (shorter ones are mostly scare quotes).</summary>
    public int MinUnattributedWords { get; init; } = 5;

    /// <summary>Most tokens a speaker noun phrase may span ("Defense Department spokeswoman Jane Doe").</summary>
    public int MaxSpeakerTokens { get; init; } = 10;

    /// <summary>How far back (characters) a pronoun or role noun may look for the person it stands for.</summary>
    public int MaxAntecedentDistance { get; init; } = 3_000;

    /// <summary>Also report attributions without quotation marks ("X said that ...", "according to X, ...").</summary>
    public bool ReportedSpeech { get; init; } = true;

    /// <summary>
    /// Also report an attribution inside the content of another ("Smith said the aides told him that ..."),
    /// as PolNeAR annotates both.
    /// </summary>
    public bool NestedAttributions { get; init; } = true;

    /// <summary>
    /// Cue lines ("form", or "form&lt;TAB&gt;flags" as in <c>Quotes/Data/cues.txt</c>) added to the listed cues, to measure a cue list
    /// before it is listed (`crosscheck eval attribution --cues FILE`); empty for the documented behaviour.
    /// </summary>
    public IReadOnlyList<string> ExtraCues { get; init; } = [];

    /// <summary>
    /// The learned detector of cues the table does not list (<see cref="AttributionRule.LearnedCue"/>): the shipped model by default;
    /// another one (`crosscheck eval attribution --cue-model FILE`) to measure it, or null for none.
    /// </summary>
    public LearnedCueModel? LearnedCues { get; init; } = LearnedCueModel.Shipped;

    /// <summary>Speaker rules switched off, to measure what each one does (`crosscheck eval attribution --without RULE`).</summary>
    public IReadOnlySet<SpeakerRuleName> DisabledSpeakerRules { get; init; } = new HashSet<SpeakerRuleName>();

    /// <summary>
    /// Attribution rules switched off, to measure what each one does (`crosscheck eval attribution --without RULE`): the
    /// attributions a rule finds are not made; a rule that only refines another's speaker (<see cref="AttributionRule.ParticipleClauseSubject"/>,
    /// <see cref="AttributionRule.CoordinatedClauseSubject"/>) leaves that rule's speaker instead; a rule that keeps attributions
    /// out (<see cref="AttributionRule.NestedSpeechOnly"/>) lets them in.
    /// </summary>
    public IReadOnlySet<AttributionRule> DisabledAttributionRules { get; init; } = new HashSet<AttributionRule>();
}
