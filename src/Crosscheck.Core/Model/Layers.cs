namespace Crosscheck.Core.Model;

/// <summary>The annotation layers a document can carry. Stages declare which they need and which they set.</summary>
public enum Layer
{
    Sentences,
    Tokens,
    Mentions,
    Quantities,
    TimeExpressions,
    Quotes,
    Citations,
}

public readonly record struct Sentence(TextSpan Span);

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
}

public readonly record struct Token(TextSpan Span, TokenKind Kind);

public enum EntityType
{
    Person,
    Org,
    Loc,
    Misc,
}

/// <summary>
/// A named-entity mention. <see cref="Role"/> carries a role cue found next to it
/// ("spokeswoman", "prime minister"), which speaker and entity resolution use.
/// </summary>
public readonly record struct Mention(TextSpan Span, EntityType Type, string? Role = null, float Confidence = 1f);

public enum QuantityKind
{
    Count,
    Money,
    Percent,
    Measure,

    /// <summary>A share of a whole, 0 to 1: "a third of", "two-thirds", "half of".</summary>
    Fraction,
}

/// <summary>How a number is hedged in the text; decides the tolerance when claims are compared.</summary>
public enum Qualifier
{
    None,
    About,
    AtLeast,
    MoreThan,
    AtMost,
    UpTo,
    LessThan,
    Nearly,
}

/// <summary>
/// A number in the text with what it measures. Money keeps its ISO 4217 currency in
/// <see cref="Unit"/>; a range keeps its upper bound in <see cref="High"/>. Money is also
/// <see cref="Normalized"/> to USD at the article's date when a rate is known, so claims in
/// different currencies can be compared without reaching back into annotation code.
/// <see cref="Period"/> is what a rate is per ("month", "barrel", "h"). <see cref="Rule"/> names the
/// recogniser rule that produced the quantity, so a wrong one can be traced to its rule.
/// </summary>
public readonly record struct Quantity(
    TextSpan Span,
    QuantityKind Kind,
    double Value,
    double? High = null,
    string? Unit = null,
    Qualifier Qualifier = Qualifier.None,
    string? Period = null,
    TextSpan? Counted = null,
    string? CountedHead = null,
    NormalizedValue? Normalized = null,
    string? Rule = null);

public enum TimeGranularity
{
    Year,
    Month,
    Week,
    Day,
}

/// <summary>
/// A time expression resolved to an ISO 8601 value as precise as the text allows
/// ("2020-08", "2021-09-01"); an unknown year is written "XXXX" ("XXXX-09-01").
/// </summary>
public readonly record struct TimeExpression(TextSpan Span, string Value, TimeGranularity Granularity, bool Relative = false, float Confidence = 1f);

/// <summary>
/// Attributed speech. <see cref="Span"/> is the content; the speaker is a mention (index into
/// the document's mentions) when one could be resolved, else a description ("a French diplomatic source").
/// </summary>
public readonly record struct Quote(
    TextSpan Span,
    bool Direct,
    string? Cue = null,
    TextSpan? SpeakerSpan = null,
    int? SpeakerMention = null,
    string? SpeakerDescription = null);

/// <summary>An outlet or source the article relies on ("according to Reuters").</summary>
public readonly record struct Citation(TextSpan Span, string Source, bool IsOutlet);
