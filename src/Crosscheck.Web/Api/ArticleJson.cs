using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Reports;

namespace Crosscheck.Web.Api;

/// <summary>
/// An article with every annotation layer it has, each item with its offsets and the text it
/// covers, so API callers need not slice the body themselves. An absent layer is left out.
/// </summary>
public static class ArticleJson
{
    public static byte[] Write(Document document, Story? story)
    {
        var article = document.Article;
        var text = document.Text;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("id", article.Id);
            json.WriteString("source", Safe(article.Source));
            json.WriteString("url", Safe(article.Url));
            json.WriteString("outlet", Safe(article.Outlet));
            json.WriteString("title", Safe(article.Title));
            json.WriteString("byline", Safe(article.Byline));
            json.WriteString("published", ReportText.Published(article));
            json.WriteString("published_from", article.Published?.Source);
            json.WriteString("language", article.Language);
            json.WriteString("page_type", article.PageType.Name());
            json.WriteString("body", Safe(text));
            if (story is null) json.WriteNull("story");
            else
            {
                json.WriteStartObject("story");
                json.WriteString("id", story.Id);
                json.WriteString("title", Safe(story.Title));
                json.WriteEndObject();
            }
            json.WriteStartArray("diagnostics");
            foreach (var d in article.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("stage", d.Stage);
                json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", Safe(d.Message));
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartObject("layers");
            WriteLayer(json, document, Layer.Sentences, "sentences", document.Sentences, (j, s) => Span(j, s.Span, text));
            WriteLayer(json, document, Layer.Tokens, "tokens", document.Tokens, (j, t) =>
            {
                Span(j, t.Span, text);
                j.WriteString("kind", t.Kind.ToString().ToLowerInvariant());
            });
            WriteLayer(json, document, Layer.Mentions, "mentions", document.Mentions, (j, m) =>
            {
                Span(j, m.Span, text);
                j.WriteString("type", ReportText.Type(m.Type));
                j.WriteString("role", m.Role);
                j.WriteNumber("confidence", m.Confidence);
            });
            WriteLayer(json, document, Layer.Quantities, "quantities", document.Quantities, (j, q) =>
            {
                Span(j, q.Span, text);
                j.WriteString("kind", q.Kind.ToString().ToLowerInvariant());
                Number(j, "value", q.Value);
                if (q.High is { } high) Number(j, "high", high); else j.WriteNull("high");
                j.WriteString("unit", q.Unit);
                j.WriteString("qualifier", ReportText.Qualifier(q.Qualifier));
                j.WriteString("period", q.Period);
                j.WriteString("counted", q.CountedHead);
                if (q.Normalized is { } n)
                {
                    j.WriteStartObject("normalized");
                    Number(j, "value", n.Value);
                    j.WriteString("unit", n.Unit);
                    j.WriteEndObject();
                }
                else j.WriteNull("normalized");
            });
            WriteLayer(json, document, Layer.TimeExpressions, "time_expressions", document.TimeExpressions, (j, t) =>
            {
                Span(j, t.Span, text);
                j.WriteString("value", t.Value);
                j.WriteString("granularity", t.Granularity.ToString().ToLowerInvariant());
                j.WriteBoolean("relative", t.Relative);
            });
            WriteLayer(json, document, Layer.Quotes, "quotes", document.Quotes, (j, q) =>
            {
                Span(j, q.Span, text);
                j.WriteBoolean("direct", q.Direct);
                j.WriteString("cue", q.Cue);
                j.WriteString("speaker", Safe(q.SpeakerDescription ?? (q.SpeakerSpan is { } s && InBounds(s, text) ? s.TextOf(text) : null)));
                if (q.SpeakerMention is { } index) j.WriteNumber("speaker_mention", index); else j.WriteNull("speaker_mention");
            });
            WriteLayer(json, document, Layer.Citations, "citations", document.Citations, (j, c) =>
            {
                Span(j, c.Span, text);
                j.WriteString("source", Safe(c.Source));
                j.WriteBoolean("is_outlet", c.IsOutlet);
            });
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteLayer<T>(Utf8JsonWriter json, Document document, Layer layer, string name, T[] items, Action<Utf8JsonWriter, T> write)
    {
        if (!document.Has(layer)) return;
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Span(Utf8JsonWriter json, TextSpan span, string text)
    {
        json.WriteNumber("start", span.Start);
        json.WriteNumber("length", span.Length);
        json.WriteString("text", InBounds(span, text) ? Safe(span.TextOf(text)) : null);
    }

    private static bool InBounds(TextSpan span, string text) => span.Start >= 0 && span.Length >= 0 && span.End <= text.Length;

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static string? Safe(string? text) => text is null ? null : ReportText.Safe(text);
}
