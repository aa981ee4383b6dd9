using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Testing;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>
/// Golden spec files for the claim layers (after Markdig's spec files). A case is a quoted input
/// line ("> ..."), an optional "published: YYYY-MM-DD" line, and expectation lines
/// ("- key=value; key=value" or "- none"). Each expectation must be met by one item of the layer
/// the file is about; "none" means the layer is empty. The inputs are short sentences from the
/// public texts under ../shared/data (the files say which), never from the seed articles.
/// </summary>
public static class ClaimSpecs
{
    public sealed record SpecCase(string File, int Line, string Text, DateTimeOffset? Published, List<Dictionary<string, string>> Expectations);

    public static string SpecDirectory => Path.Combine(Docs.RepositoryRoot(), "tests", "Crosscheck.Annotation.Tests", "Claims", "Specs");

    public static IReadOnlyList<SpecCase> Read(string file)
    {
        var path = Path.Combine(SpecDirectory, file);
        var cases = new List<SpecCase>();
        string? text = null;
        DateTimeOffset? published = null;
        var line = 0;
        var start = 0;
        List<Dictionary<string, string>>? expectations = null;
        void Flush()
        {
            if (text is not null && expectations is not null) cases.Add(new SpecCase(file, start, text, published, expectations));
            text = null;
            published = null;
            expectations = null;
        }
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (raw.StartsWith("> ", StringComparison.Ordinal))
            {
                Flush();
                text = raw[2..].Replace("\\n", "\n", StringComparison.Ordinal);
                start = line;
                expectations = [];
            }
            else if (raw.StartsWith("published: ", StringComparison.Ordinal) && text is not null)
            {
                published = DateTimeOffset.Parse(raw["published: ".Length..].Trim() + "T12:00:00Z", CultureInfo.InvariantCulture);
            }
            else if (raw.StartsWith("- ", StringComparison.Ordinal) && expectations is not null)
            {
                var body = raw[2..].Trim();
                var expectation = new Dictionary<string, string>(StringComparer.Ordinal);
                if (body == "none") expectation["none"] = "true";
                else
                {
                    foreach (var pair in body.Split("; "))
                    {
                        var eq = pair.IndexOf('=');
                        if (eq > 0) expectation[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
                    }
                }
                expectations.Add(expectation);
            }
        }
        Flush();
        return cases;
    }

    public static IEnumerable<object[]> Rows(string file) => Read(file).Select((_, index) => new object[] { file, index });

    private static string Fold(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');

    /// <summary>Why the document does not meet one expectation, or null when it does.</summary>
    public static string? Check(Document document, string layer, Dictionary<string, string> expected)
    {
        var none = expected.ContainsKey("none");
        switch (layer)
        {
            case "quantities":
                if (none) return document.Quantities.Length == 0 ? null : "expected no quantity, found " + Describe(document, document.Quantities);
                return document.Quantities.Any(q => QuantityMatches(document, q, expected)) ? null : "no quantity matches; found " + Describe(document, document.Quantities);
            case "time":
                if (none) return document.TimeExpressions.Length == 0 ? null : "expected no time expression, found " + Describe(document, document.TimeExpressions);
                return document.TimeExpressions.Any(t => TimeMatches(document, t, expected)) ? null : "no time expression matches; found " + Describe(document, document.TimeExpressions);
            case "quotes":
                if (none) return document.Quotes.Length == 0 ? null : "expected no quote, found " + Describe(document, document.Quotes);
                return document.Quotes.Any(q => QuoteMatches(document, q, expected)) ? null : "no quote matches; found " + Describe(document, document.Quotes);
            default:
                if (none) return document.Citations.Length == 0 ? null : "expected no citation, found " + Describe(document, document.Citations);
                return document.Citations.Any(c => CitationMatches(document, c, expected)) ? null : "no citation matches; found " + Describe(document, document.Citations);
        }
    }

    private static bool QuantityMatches(Document document, Quantity q, Dictionary<string, string> e) =>
        (!e.TryGetValue("kind", out var kind) || q.Kind.ToString() == kind) &&
        (!e.TryGetValue("value", out var value) || Math.Abs(q.Value - Number(value)) <= 1e-6 * Math.Max(1, Math.Abs(q.Value))) &&
        (!e.TryGetValue("high", out var high) || (q.High is { } h && Math.Abs(h - Number(high)) <= 1e-6 * Math.Max(1, h))) &&
        (!e.TryGetValue("unit", out var unit) || q.Unit == unit) &&
        (!e.TryGetValue("qualifier", out var qualifier) || q.Qualifier.ToString() == qualifier) &&
        (!e.TryGetValue("period", out var period) || q.Period == period) &&
        (!e.TryGetValue("head", out var head) || q.CountedHead == head) &&
        (!e.TryGetValue("usd", out var usd) || (q.Normalized is { } n && Math.Abs(n.Value - Number(usd)) <= 0.02 * Number(usd)));

    private static bool TimeMatches(Document document, TimeExpression t, Dictionary<string, string> e) =>
        (!e.TryGetValue("text", out var text) || document[t.Span] == text) &&
        (!e.TryGetValue("value", out var value) || t.Value == value) &&
        (!e.TryGetValue("granularity", out var granularity) || t.Granularity.ToString() == granularity);

    private static bool QuoteMatches(Document document, Quote q, Dictionary<string, string> e) =>
        (!e.TryGetValue("contains", out var contains) || Fold(document[q.Span]).Contains(Fold(contains), StringComparison.Ordinal)) &&
        (!e.TryGetValue("speaker", out var speaker) || (Speaker(document, q) ?? "").Contains(speaker, StringComparison.Ordinal)) &&
        (!e.TryGetValue("direct", out var direct) || q.Direct == (direct == "true"));

    private static bool CitationMatches(Document document, Citation c, Dictionary<string, string> e) =>
        (!e.TryGetValue("source", out var source) || c.Source == source) &&
        (!e.TryGetValue("outlet", out var outlet) || c.IsOutlet == (outlet == "true"));

    public static string? Speaker(Document document, Quote quote) =>
        quote.SpeakerMention is { } m && m < document.Mentions.Length ? document[document.Mentions[m].Span] : quote.SpeakerDescription;

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static string Describe(Document document, Quantity[] items) =>
        string.Join(" | ", items.Select(q => Format(q, document)));

    public static string Format(Quantity q, Document document)
    {
        var parts = new List<string> { $"kind={q.Kind}", "value=" + q.Value.ToString("R", CultureInfo.InvariantCulture) };
        if (q.High is { } h) parts.Add("high=" + h.ToString("R", CultureInfo.InvariantCulture));
        if (q.Unit is not null) parts.Add("unit=" + q.Unit);
        if (q.Qualifier != Qualifier.None) parts.Add("qualifier=" + q.Qualifier);
        if (q.Period is not null) parts.Add("period=" + q.Period);
        if (q.CountedHead is not null) parts.Add("head=" + q.CountedHead);
        if (q.Normalized is { } n && q.Unit != "USD") parts.Add("usd=" + Math.Round(n.Value).ToString(CultureInfo.InvariantCulture));
        return string.Join("; ", parts);
    }

    public static string Describe(Document document, TimeExpression[] items) =>
        string.Join(" | ", items.Select(t => Format(t, document)));

    public static string Format(TimeExpression t, Document document) => $"text={document[t.Span]}; value={t.Value}; granularity={t.Granularity}";

    public static string Describe(Document document, Quote[] items) =>
        string.Join(" | ", items.Select(q => $"[{Speaker(document, q)}] {document[q.Span]}"));

    public static string Describe(Document document, Citation[] items) =>
        string.Join(" | ", items.Select(c => Format(c)));

    public static string Format(Citation c) => $"source={c.Source}; outlet={(c.IsOutlet ? "true" : "false")}";
}
