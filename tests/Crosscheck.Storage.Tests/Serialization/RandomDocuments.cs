using Crosscheck.Core.Model;
using CsCheck;

namespace Crosscheck.Storage.Tests.Serialization;

/// <summary>
/// Generators of arbitrary documents: any layer present or absent, empty or not, every optional
/// field set or null, any double or float bits. Strings avoid lone surrogates, which UTF-8 (JSON,
/// SQLite, PostgreSQL) cannot carry and which are replaced by U+FFFD, keeping offsets.
/// </summary>
public static class RandomDocuments
{
    /// <summary>Documents whose text may hold NUL characters (which the serializer keeps).</summary>
    public static Gen<Document> WithNul { get; } = Create(lowestChar: '\0');

    /// <summary>Documents without NUL characters, which stores replace in their text columns.</summary>
    public static Gen<Document> WithoutNul { get; } = Create(lowestChar: '\u0001');

    private static Gen<Document> Create(char lowestChar)
    {
        var text = Gen.String[Gen.Char[lowestChar, '\uD7FF'], 0, 12];
        var optionalText = text.Null(0.3);
        var span = Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 2_000], (start, length) => new TextSpan(start, length));
        var optionalSpan = span.Nullable(0.4);

        var mention = Gen.Select(span, Gen.Enum<EntityType>(), Gen.Select(optionalText, Gen.Float),
            (s, type, rest) => new Mention(s, type, rest.Item1, rest.Item2));
        var normalized = Gen.Select(Gen.Double, text, optionalText, (value, unit, note) => new NormalizedValue(value, unit, note)).Null(0.5);
        var quantity = Gen.Select(
            Gen.Select(span, Gen.Enum<QuantityKind>(), Gen.Double),
            Gen.Select(Gen.Double.Nullable(0.5), optionalText, Gen.Enum<Qualifier>()),
            Gen.Select(optionalText, optionalSpan, Gen.Select(optionalText, normalized)),
            (a, b, c) => new Quantity(a.Item1, a.Item2, a.Item3, b.Item1, b.Item2, b.Item3, c.Item1, c.Item2, c.Item3.Item1, c.Item3.Item2));
        var time = Gen.Select(Gen.Select(span, text), Gen.Enum<TimeGranularity>(), Gen.Select(Gen.Bool, Gen.Float),
            (a, granularity, b) => new TimeExpression(a.Item1, a.Item2, granularity, b.Item1, b.Item2));
        var quote = Gen.Select(Gen.Select(span, Gen.Bool, optionalText), optionalSpan, Gen.Select(Gen.Int[0, 50].Nullable(0.5), optionalText),
            (a, speakerSpan, b) => new Quote(a.Item1, a.Item2, a.Item3, speakerSpan, b.Item1, b.Item2));
        var citation = Gen.Select(span, text, Gen.Bool, (s, source, outlet) => new Citation(s, source, outlet));
        var diagnostic = Gen.Select(text, Gen.Enum<DiagnosticSeverity>(), text, (stage, severity, message) => new Diagnostic(stage, severity, message));
        var published = Gen.Select(Gen.Long[new DateTime(1900, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks], Gen.Int[-14 * 60, 14 * 60], text,
                (ticks, offsetMinutes, source) => new Found<DateTimeOffset>(new DateTimeOffset(ticks, TimeSpan.FromMinutes(offsetMinutes)), source))
            .Null(0.3);
        var article = Gen.Select(
            Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 16], text, optionalText),
            Gen.Select(optionalText, optionalText, optionalText),
            Gen.Select(published, optionalText, Gen.String[Gen.Char[lowestChar, '\uD7FF'], 0, 300]),
            (a, b, c) => new Article
            {
                Id = a.Item1, Source = a.Item2, Url = a.Item3,
                Outlet = b.Item1, Title = b.Item2, Byline = b.Item3,
                Published = c.Item1, Language = c.Item2, Body = c.Item3,
            });

        return Gen.Select(
            Gen.Select(article, diagnostic.Array[0, 3], Layer(span.Select(s => new Sentence(s)))),
            Gen.Select(Layer(Gen.Select(span, Gen.Enum<TokenKind>(), (s, k) => new Token(s, k))), Layer(mention), Layer(quantity)),
            Gen.Select(Layer(time), Layer(quote), Layer(citation)),
            (a, b, c) =>
            {
                var (body, diagnostics, sentences) = a;
                body.Diagnostics.AddRange(diagnostics);
                var document = new Document(body);
                if (sentences is not null) document.Sentences = sentences;
                if (b.Item1 is { } tokens) document.Tokens = tokens;
                if (b.Item2 is { } mentions) document.Mentions = mentions;
                if (b.Item3 is { } quantities) document.Quantities = quantities;
                if (c.Item1 is { } times) document.TimeExpressions = times;
                if (c.Item2 is { } quotes) document.Quotes = quotes;
                if (c.Item3 is { } citations) document.Citations = citations;
                return document;
            });
    }

    /// <summary>An array layer, or null (absent) a third of the time.</summary>
    private static Gen<T[]?> Layer<T>(Gen<T> item) => item.Array[0, 6].Null(0.33);
}
