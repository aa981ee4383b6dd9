using System.Text.Json.Serialization;
using Crosscheck.Core.Model;

namespace Crosscheck.Storage.Serialization;

// The stored JSON shape of documents. Kept apart from the Core model so the model can evolve
// while stored data stays readable: names are short because layers are stored per article and
// tokens dominate the size; enums are written by name so reordering an enum in Core cannot
// silently change stored meaning. Defaults (confidence 1, no qualifier...) are left out.

internal sealed class DocumentWire
{
    [JsonPropertyName("article")] public required ArticleWire Article { get; init; }

    // Null means the layer is absent (no stage set it), which differs from an empty layer.
    [JsonPropertyName("sentences")] public int[]? Sentences { get; init; }
    [JsonPropertyName("tokens")] public TokenLayerWire? Tokens { get; init; }
    [JsonPropertyName("mentions")] public MentionWire[]? Mentions { get; init; }
    [JsonPropertyName("quantities")] public QuantityWire[]? Quantities { get; init; }
    [JsonPropertyName("time")] public TimeExpressionWire[]? TimeExpressions { get; init; }
    [JsonPropertyName("quotes")] public QuoteWire[]? Quotes { get; init; }
    [JsonPropertyName("citations")] public CitationWire[]? Citations { get; init; }
}

internal sealed class ArticleWire
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("outlet")] public string? Outlet { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("byline")] public string? Byline { get; init; }
    [JsonPropertyName("published")] public DateTimeOffset? Published { get; init; }
    [JsonPropertyName("published_source")] public string? PublishedSource { get; init; }
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("diagnostics")] public DiagnosticWire[]? Diagnostics { get; init; }

    /// <summary>Absent for an article, so the payloads of articles are as before page types were told apart.</summary>
    [JsonPropertyName("page_type")] public string? PageType { get; init; }
}

internal sealed record DiagnosticWire(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("severity")] DiagnosticSeverity Severity,
    [property: JsonPropertyName("message")] string Message);

/// <summary>Tokens as flat (start, length, kind index) triples; <see cref="Kinds"/> names each index.</summary>
internal sealed class TokenLayerWire
{
    [JsonPropertyName("k")] public required TokenKind[] Kinds { get; init; }
    [JsonPropertyName("t")] public required int[] Triples { get; init; }
}

/// <summary>
/// What every span-anchored layer item stores first: its (start, length) in the article body, as "s" and "l"
/// (ordered before the derived class's fields, as they were written before this base existed).
/// </summary>
internal abstract class SpanWire
{
    [JsonPropertyName("s"), JsonPropertyOrder(-1)] public int Start { get; init; }
    [JsonPropertyName("l"), JsonPropertyOrder(-1)] public int Length { get; init; }

    /// <summary>The item's span, for mapping to and from the model (not stored itself).</summary>
    [JsonIgnore]
    public TextSpan Span
    {
        get => new(Start, Length);
        init => (Start, Length) = (value.Start, value.Length);
    }
}

internal sealed class MentionWire : SpanWire
{
    [JsonPropertyName("t")] public EntityType Type { get; init; }
    [JsonPropertyName("r")] public string? Role { get; init; }
    [JsonPropertyName("c")] public float? Confidence { get; init; }
}

internal sealed class QuantityWire : SpanWire
{
    [JsonPropertyName("k")] public QuantityKind Kind { get; init; }
    [JsonPropertyName("v")] public double Value { get; init; }
    [JsonPropertyName("h")] public double? High { get; init; }
    [JsonPropertyName("u")] public string? Unit { get; init; }
    [JsonPropertyName("q")] public Qualifier? Qualifier { get; init; }
    [JsonPropertyName("p")] public string? Period { get; init; }
    [JsonPropertyName("cs")] public int[]? Counted { get; init; }
    [JsonPropertyName("ch")] public string? CountedHead { get; init; }
    [JsonPropertyName("n")] public NormalizedWire? Normalized { get; init; }
    [JsonPropertyName("r")] public string? Rule { get; init; }
}

internal sealed record NormalizedWire(
    [property: JsonPropertyName("v")] double Value,
    [property: JsonPropertyName("u")] string Unit,
    [property: JsonPropertyName("note")] string? Note);

internal sealed class TimeExpressionWire : SpanWire
{
    [JsonPropertyName("v")] public required string Value { get; init; }
    [JsonPropertyName("g")] public TimeGranularity Granularity { get; init; }
    [JsonPropertyName("rel")] public bool? Relative { get; init; }
    [JsonPropertyName("c")] public float? Confidence { get; init; }
    [JsonPropertyName("r")] public string? Rule { get; init; }
}

internal sealed class QuoteWire : SpanWire
{
    [JsonPropertyName("d")] public bool Direct { get; init; }
    [JsonPropertyName("cue")] public string? Cue { get; init; }
    [JsonPropertyName("ss")] public int[]? SpeakerSpan { get; init; }
    [JsonPropertyName("sm")] public int? SpeakerMention { get; init; }
    [JsonPropertyName("sd")] public string? SpeakerDescription { get; init; }
    [JsonPropertyName("r")] public string? Rule { get; init; }
}

internal sealed class CitationWire : SpanWire
{
    [JsonPropertyName("src")] public required string Source { get; init; }
    [JsonPropertyName("o")] public bool IsOutlet { get; init; }
    [JsonPropertyName("r")] public string? Rule { get; init; }
}

// Positional, so a hint added to IngestHints cannot be written without being read back (or the reverse): both
// directions call this constructor with every field.
internal sealed record HintsWire(
    [property: JsonPropertyName("published")] DateTimeOffset? Published,
    [property: JsonPropertyName("outlet")] string? Outlet,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("fetched")] DateTimeOffset? Fetched,
    [property: JsonPropertyName("charset")] string? Charset);

[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DocumentWire))]
[JsonSerializable(typeof(ArticleWire))]
[JsonSerializable(typeof(DiagnosticWire[]))]
[JsonSerializable(typeof(int[]))]
[JsonSerializable(typeof(TokenLayerWire))]
[JsonSerializable(typeof(MentionWire[]))]
[JsonSerializable(typeof(QuantityWire[]))]
[JsonSerializable(typeof(TimeExpressionWire[]))]
[JsonSerializable(typeof(QuoteWire[]))]
[JsonSerializable(typeof(CitationWire[]))]
[JsonSerializable(typeof(HintsWire))]
internal sealed partial class WireContext : JsonSerializerContext;
