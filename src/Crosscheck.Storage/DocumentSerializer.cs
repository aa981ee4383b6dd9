using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Storage.Serialization;

namespace Crosscheck.Storage;

/// <summary>
/// Turns documents (article, diagnostics and every annotation layer) into compact JSON and back,
/// exactly: an absent layer stays absent, an empty one stays empty, numbers keep every bit.
/// Every store uses it, so stored layers read the same whichever backend wrote them; the same
/// text can travel in a queue message. Malformed input throws <see cref="JsonException"/>.
/// </summary>
public static class DocumentSerializer
{
    private static readonly WireContext Context = WireContext.Default;

    /// <summary>The whole document: article fields, diagnostics and the layers it has.</summary>
    public static string Serialize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var wire = new DocumentWire
        {
            Article = ToWire(document.Article),
            Sentences = document.Has(Layer.Sentences) ? SentencesToWire(document.Sentences) : null,
            Tokens = document.Has(Layer.Tokens) ? TokensToWire(document.Tokens) : null,
            Mentions = document.Has(Layer.Mentions) ? Array.ConvertAll(document.Mentions, ToWire) : null,
            Quantities = document.Has(Layer.Quantities) ? Array.ConvertAll(document.Quantities, ToWire) : null,
            TimeExpressions = document.Has(Layer.TimeExpressions) ? Array.ConvertAll(document.TimeExpressions, ToWire) : null,
            Quotes = document.Has(Layer.Quotes) ? Array.ConvertAll(document.Quotes, ToWire) : null,
            Citations = document.Has(Layer.Citations) ? Array.ConvertAll(document.Citations, ToWire) : null,
        };
        return JsonSerializer.Serialize(wire, Context.DocumentWire);
    }

    public static Document Deserialize(string json)
    {
        var wire = JsonSerializer.Deserialize(json, Context.DocumentWire) ?? throw new JsonException("A document was expected, found null.");
        var document = new Document(FromWire(wire.Article));
        if (wire.Sentences is { } sentences) document.Sentences = SentencesFromWire(sentences);
        if (wire.Tokens is { } tokens) document.Tokens = TokensFromWire(tokens);
        if (wire.Mentions is { } mentions) document.Mentions = Array.ConvertAll(mentions, FromWire);
        if (wire.Quantities is { } quantities) document.Quantities = Array.ConvertAll(quantities, FromWire);
        if (wire.TimeExpressions is { } times) document.TimeExpressions = Array.ConvertAll(times, FromWire);
        if (wire.Quotes is { } quotes) document.Quotes = Array.ConvertAll(quotes, FromWire);
        if (wire.Citations is { } citations) document.Citations = Array.ConvertAll(citations, FromWire);
        return document;
    }

    /// <summary>One layer of a document, which must have it (see <see cref="Document.Has"/>).</summary>
    public static string SerializeLayer(Document document, Layer layer)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.Has(layer)) throw new ArgumentException($"The document has no {layer} layer.", nameof(layer));
        return layer switch
        {
            Layer.Sentences => JsonSerializer.Serialize(SentencesToWire(document.Sentences), Context.Int32Array),
            Layer.Tokens => JsonSerializer.Serialize(TokensToWire(document.Tokens), Context.TokenLayerWire),
            Layer.Mentions => JsonSerializer.Serialize(Array.ConvertAll(document.Mentions, ToWire), Context.MentionWireArray),
            Layer.Quantities => JsonSerializer.Serialize(Array.ConvertAll(document.Quantities, ToWire), Context.QuantityWireArray),
            Layer.TimeExpressions => JsonSerializer.Serialize(Array.ConvertAll(document.TimeExpressions, ToWire), Context.TimeExpressionWireArray),
            Layer.Quotes => JsonSerializer.Serialize(Array.ConvertAll(document.Quotes, ToWire), Context.QuoteWireArray),
            Layer.Citations => JsonSerializer.Serialize(Array.ConvertAll(document.Citations, ToWire), Context.CitationWireArray),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown layer."),
        };
    }

    /// <summary>Sets one layer on the document from what <see cref="SerializeLayer"/> wrote.</summary>
    public static void ReadLayer(Document document, Layer layer, string json)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (layer)
        {
            case Layer.Sentences: document.Sentences = SentencesFromWire(Read(json, Context.Int32Array)); break;
            case Layer.Tokens: document.Tokens = TokensFromWire(Read(json, Context.TokenLayerWire)); break;
            case Layer.Mentions: document.Mentions = Array.ConvertAll(Read(json, Context.MentionWireArray), FromWire); break;
            case Layer.Quantities: document.Quantities = Array.ConvertAll(Read(json, Context.QuantityWireArray), FromWire); break;
            case Layer.TimeExpressions: document.TimeExpressions = Array.ConvertAll(Read(json, Context.TimeExpressionWireArray), FromWire); break;
            case Layer.Quotes: document.Quotes = Array.ConvertAll(Read(json, Context.QuoteWireArray), FromWire); break;
            case Layer.Citations: document.Citations = Array.ConvertAll(Read(json, Context.CitationWireArray), FromWire); break;
            default: throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown layer.");
        }
    }

    /// <summary>The name a layer is stored under; stable across enum reordering.</summary>
    public static string LayerName(Layer layer) => layer.ToString();

    /// <summary>The layer stored under <paramref name="name"/>, false for a name this build does not know.</summary>
    public static bool TryParseLayer(string name, out Layer layer) =>
        Enum.TryParse(name, ignoreCase: false, out layer) && Enum.IsDefined(layer);

    public static string SerializeDiagnostics(IEnumerable<Diagnostic> diagnostics) =>
        JsonSerializer.Serialize(diagnostics.Select(ToWire).ToArray(), Context.DiagnosticWireArray);

    public static IReadOnlyList<Diagnostic> DeserializeDiagnostics(string json) =>
        Array.ConvertAll(Read(json, Context.DiagnosticWireArray), FromWire);

    public static string SerializeHints(IngestHints hints)
    {
        ArgumentNullException.ThrowIfNull(hints);
        var wire = new HintsWire(hints.Published, hints.Outlet, hints.Url, hints.Title, hints.Fetched, hints.Charset);
        return JsonSerializer.Serialize(wire, Context.HintsWire);
    }

    /// <summary>The hints as stored; <see cref="IngestHints.None"/> itself when none was given.</summary>
    public static IngestHints DeserializeHints(string json)
    {
        var wire = Read(json, Context.HintsWire);
        var hints = new IngestHints
        {
            Published = wire.Published, Outlet = wire.Outlet, Url = wire.Url, Title = wire.Title, Fetched = wire.Fetched, Charset = wire.Charset,
        };
        return hints == IngestHints.None ? IngestHints.None : hints;
    }

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new JsonException($"A {typeof(T).Name} was expected, found null.");

    private static ArticleWire ToWire(Article article) => new()
    {
        Id = article.Id,
        Source = article.Source,
        Url = article.Url,
        Outlet = article.Outlet,
        Title = article.Title,
        Byline = article.Byline,
        Published = article.Published?.Value,
        PublishedSource = article.Published?.Source,
        Language = article.Language,
        Body = article.Body,
        Diagnostics = article.Diagnostics.Count == 0 ? null : article.Diagnostics.Select(ToWire).ToArray(),
        PageType = article.PageType == PageType.Article ? null : article.PageType.Name(),
    };

    private static Article FromWire(ArticleWire wire)
    {
        var article = new Article
        {
            Id = wire.Id,
            Source = wire.Source,
            Url = wire.Url,
            Outlet = wire.Outlet,
            Title = wire.Title,
            Byline = wire.Byline,
            Published = wire.Published is { } published ? new Found<DateTimeOffset>(published, wire.PublishedSource ?? "") : null,
            Language = wire.Language,
            Body = wire.Body,
            PageType = wire.PageType is null ? PageType.Article : PageTypeInfo.Parse(wire.PageType) ?? throw new JsonException($"Unknown page type '{wire.PageType}'."),
        };
        if (wire.Diagnostics is { } diagnostics) article.Diagnostics.AddRange(diagnostics.Select(FromWire));
        return article;
    }

    private static DiagnosticWire ToWire(Diagnostic diagnostic) => new(diagnostic.Stage, diagnostic.Severity, diagnostic.Message);

    private static Diagnostic FromWire(DiagnosticWire wire) => new(wire.Stage, wire.Severity, wire.Message);

    private static int[] SentencesToWire(Sentence[] sentences)
    {
        var flat = new int[sentences.Length * 2];
        for (var i = 0; i < sentences.Length; i++)
        {
            flat[2 * i] = sentences[i].Span.Start;
            flat[2 * i + 1] = sentences[i].Span.Length;
        }
        return flat;
    }

    private static Sentence[] SentencesFromWire(int[] flat)
    {
        if (flat.Length % 2 != 0) throw new JsonException("Sentences must be (start, length) pairs.");
        var sentences = new Sentence[flat.Length / 2];
        for (var i = 0; i < sentences.Length; i++) sentences[i] = new Sentence(new TextSpan(flat[2 * i], flat[2 * i + 1]));
        return sentences;
    }

    private static TokenLayerWire TokensToWire(Token[] tokens)
    {
        var kinds = new List<TokenKind>();
        var triples = new int[tokens.Length * 3];
        for (var i = 0; i < tokens.Length; i++)
        {
            var kindIndex = kinds.IndexOf(tokens[i].Kind);
            if (kindIndex < 0)
            {
                kindIndex = kinds.Count;
                kinds.Add(tokens[i].Kind);
            }
            triples[3 * i] = tokens[i].Span.Start;
            triples[3 * i + 1] = tokens[i].Span.Length;
            triples[3 * i + 2] = kindIndex;
        }
        return new TokenLayerWire { Kinds = [.. kinds], Triples = triples };
    }

    private static Token[] TokensFromWire(TokenLayerWire wire)
    {
        var flat = wire.Triples;
        if (flat.Length % 3 != 0) throw new JsonException("Tokens must be (start, length, kind) triples.");
        var tokens = new Token[flat.Length / 3];
        for (var i = 0; i < tokens.Length; i++)
        {
            var kindIndex = flat[3 * i + 2];
            if ((uint)kindIndex >= (uint)wire.Kinds.Length) throw new JsonException($"Token kind index {kindIndex} is out of range.");
            tokens[i] = new Token(new TextSpan(flat[3 * i], flat[3 * i + 1]), wire.Kinds[kindIndex]);
        }
        return tokens;
    }

    // Defaults are written as null (left out of the JSON) and restored on reading.
    private static float? OmitDefault(float confidence) => confidence == 1f ? null : confidence;

    private static int[]? SpanToWire(TextSpan? span) => span is { } s ? [s.Start, s.Length] : null;

    private static TextSpan? SpanFromWire(int[]? pair) => pair switch
    {
        null => null,
        [var start, var length] => new TextSpan(start, length),
        _ => throw new JsonException("A span must be a (start, length) pair."),
    };

    private static MentionWire ToWire(Mention mention) => new()
    {
        Span = mention.Span,
        Type = mention.Type,
        Role = mention.Role,
        Confidence = OmitDefault(mention.Confidence),
    };

    private static Mention FromWire(MentionWire wire) =>
        new(wire.Span, wire.Type, wire.Role, wire.Confidence ?? 1f);

    private static QuantityWire ToWire(Quantity quantity) => new()
    {
        Span = quantity.Span,
        Kind = quantity.Kind,
        Value = quantity.Value,
        High = quantity.High,
        Unit = quantity.Unit,
        Qualifier = quantity.Qualifier == Qualifier.None ? null : quantity.Qualifier,
        Period = quantity.Period,
        Counted = SpanToWire(quantity.Counted),
        CountedHead = quantity.CountedHead,
        Normalized = quantity.Normalized is { } n ? new NormalizedWire(n.Value, n.Unit, n.Note) : null,
        Rule = quantity.Rule,
    };

    private static Quantity FromWire(QuantityWire wire) => new(
        wire.Span,
        wire.Kind,
        wire.Value,
        wire.High,
        wire.Unit,
        wire.Qualifier ?? Qualifier.None,
        wire.Period,
        SpanFromWire(wire.Counted),
        wire.CountedHead,
        wire.Normalized is { } n ? new NormalizedValue(n.Value, n.Unit, n.Note) : null,
        wire.Rule);

    private static TimeExpressionWire ToWire(TimeExpression time) => new()
    {
        Span = time.Span,
        Value = time.Value,
        Granularity = time.Granularity,
        Relative = time.Relative ? true : null,
        Confidence = OmitDefault(time.Confidence),
        Rule = time.Rule,
    };

    private static TimeExpression FromWire(TimeExpressionWire wire) =>
        new(wire.Span, wire.Value, wire.Granularity, wire.Relative ?? false, wire.Confidence ?? 1f, wire.Rule);

    private static QuoteWire ToWire(Quote quote) => new()
    {
        Span = quote.Span,
        Direct = quote.Direct,
        Cue = quote.Cue,
        SpeakerSpan = SpanToWire(quote.SpeakerSpan),
        SpeakerMention = quote.SpeakerMention,
        SpeakerDescription = quote.SpeakerDescription,
        Rule = quote.Rule,
    };

    private static Quote FromWire(QuoteWire wire) => new(
        wire.Span,
        wire.Direct,
        wire.Cue,
        SpanFromWire(wire.SpeakerSpan),
        wire.SpeakerMention,
        wire.SpeakerDescription,
        wire.Rule);

    private static CitationWire ToWire(Citation citation) => new()
    {
        Span = citation.Span,
        Source = citation.Source,
        IsOutlet = citation.IsOutlet,
        Rule = citation.Rule,
    };

    private static Citation FromWire(CitationWire wire) => new(wire.Span, wire.Source, wire.IsOutlet, wire.Rule);
}
