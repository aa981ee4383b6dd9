using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Crosscheck.Core.Model;

namespace Crosscheck.Reports;

/// <summary>
/// Writes a dossier as the dossier JSON contract of docs/JSON.md (snake_case fields, types as
/// "PERSON"/"ORG"/"LOC"/"MISC", statuses as "corroborated"/"single-origin"/"conflicting"/"unique"),
/// plus extra fields: variant_counts, possible_matches, statements, quote articles, and the statement a claim statement or quote belongs to.
/// </summary>
public static class DossierJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Non-Latin names stay readable; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Write(Dossier dossier, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(dossier, json);
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.WriteLine();
    }

    public static string ToJson(Dossier dossier)
    {
        using var writer = new StringWriter();
        Write(dossier, writer);
        return writer.ToString();
    }

    private static void Write(Dossier dossier, Utf8JsonWriter json)
    {
        json.WriteStartObject();

        json.WriteStartObject("story");
        WriteStringFields(json, ("id", dossier.Story.Id), ("title", dossier.Story.Title));
        WriteDate(json, "first_seen", dossier.Story.FirstSeen);
        WriteDate(json, "last_seen", dossier.Story.LastSeen);
        json.WriteEndObject();

        WriteObjects(json, "articles", dossier.Articles, article =>
        {
            WriteStringFields(json,
                ("id", article.Id), ("source", article.Source), ("outlet", article.Outlet), ("title", article.Title),
                ("published", ReportText.Published(article)), ("language", article.Language), ("body", article.Body),
                ("url", article.Url), ("byline", article.Byline));
            if (dossier.CopyOf(article.Id) is { } copy)
            {
                json.WriteStartObject("copy_of");
                WriteString(json, "article", copy.Original);
                if (copy.Share is { } share) WriteNumber(json, "shared", Math.Round(share, 3));
                else json.WriteNull("shared");
                json.WriteEndObject();
            }
            else json.WriteNull("copy_of");
            if (dossier.IsTemplatePage(article.Id) is { } template) json.WriteBoolean("template_page", template);
            else json.WriteNull("template_page");
        });

        WriteObjects(json, "entities", dossier.Entities, entity =>
        {
            WriteStringFields(json, ("id", entity.Id), ("name", entity.Name), ("type", ReportText.Type(entity.Type)));
            WriteStrings(json, "variants", entity.Variants);
            json.WriteStartArray("variant_counts");
            foreach (var count in entity.VariantCounts) json.WriteNumberValue(count);
            json.WriteEndArray();
            WriteStrings(json, "articles", entity.Articles);
            json.WriteNumber("mentions", entity.Mentions);
            WriteObjects(json, "possible_matches", entity.PossibleMatches, match =>
            {
                WriteString(json, "entity", match.EntityId);
                json.WriteNumber("confidence", match.Confidence);
                WriteString(json, "reason", match.Reason);
            });
        });

        WriteObjects(json, "statements", dossier.Statements, statement =>
        {
            WriteStringFields(json, ("id", statement.Id), ("predicate", statement.Predicate), ("text", statement.Text));
            WriteStrings(json, "participants", statement.Participants);
            WriteStrings(json, "articles", statement.Articles);
            WriteStrings(json, "origins", statement.Origins);
            WriteString(json, "status", ReportText.Status(statement.Status));
            json.WriteStartObject("first");
            WriteStringFields(json, ("article", statement.FirstArticle), ("outlet", statement.FirstOutlet));
            if (statement.FirstSeen is { } seen) WriteString(json, "published", seen.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            else json.WriteNull("published");
            json.WriteEndObject();
            WriteObjects(json, "wordings", statement.Wordings, wording => WriteWording(json, wording));
            WriteObjects(json, "similar", statement.Similar, wording => WriteWording(json, wording));
        });

        WriteObjects(json, "claims", dossier.Claims, claim =>
        {
            WriteStringFields(json, ("id", claim.Id), ("kind", claim.Kind), ("text", claim.Text), ("subject", claim.Subject));
            WriteAmount(json, claim.Value, claim.Unit);
            if (claim.Normalized is { } normalized)
            {
                json.WriteStartObject("normalized");
                WriteAmount(json, normalized.Value, normalized.Unit);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("normalized");
            }
            WriteStrings(json, "articles", claim.Articles);
            WriteStrings(json, "origins", claim.Origins);
            WriteString(json, "status", ReportText.Status(claim.Status));
            WriteObjects(json, "statements", claim.Statements, statement =>
            {
                WriteStringFields(json, ("article", statement.Article), ("text", statement.Text));
                WriteAmount(json, statement.Value, statement.Unit);
                WriteStringFields(json,
                    ("qualifier", ReportText.Qualifier(statement.Qualifier)), ("origin", statement.Origin), ("statement", statement.StatementId));
            });
        });

        WriteObjects(json, "quotes", dossier.Quotes, quote =>
        {
            WriteStringFields(json, ("speaker", quote.Speaker), ("speaker_entity", quote.SpeakerEntity), ("text", quote.Text), ("article", quote.Article));
            WriteStrings(json, "articles", quote.Articles.Count > 0 ? quote.Articles : [quote.Article]);
            WriteString(json, "statement", quote.StatementId);
        });

        WriteObjects(json, "citations", dossier.Citations, citation =>
        {
            WriteString(json, "article", citation.Article);
            WriteStrings(json, "cites", citation.Cites);
        });

        WriteObjects(json, "timeline", dossier.Timeline, entry =>
        {
            WriteString(json, "date", entry.Date);
            if (entry.DateNote is { } note) WriteString(json, "date_note", note);
            WriteString(json, "text", entry.Text);
            WriteStrings(json, "articles", entry.Articles);
        });

        WriteObjects(json, "undated_articles", dossier.UndatedArticles, range =>
        {
            WriteStringFields(json, ("article", range.Article), ("from", range.From), ("to", range.To), ("basis", range.Basis));
        });

        json.WriteEndObject();
    }

    /// <summary>A named array with one object per item; <paramref name="writeFields"/> writes the fields inside it.</summary>
    private static void WriteObjects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> writeFields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeFields(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(ReportText.Safe(value));
        json.WriteEndArray();
    }

    /// <summary>String fields in the order given: an object's fields read as one list, as the contract lists them.</summary>
    private static void WriteWording(Utf8JsonWriter json, StatementWording wording) =>
        WriteStringFields(json, ("article", wording.Article), ("text", wording.Text), ("origin", wording.Origin), ("polarity", wording.Polarity));

    private static void WriteStringFields(Utf8JsonWriter json, params ReadOnlySpan<(string Name, string? Value)> fields)
    {
        foreach (var (name, value) in fields) WriteString(json, name, value);
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, ReportText.Safe(value));
    }

    /// <summary>An amount as its "value" and "unit" fields.</summary>
    private static void WriteAmount(Utf8JsonWriter json, double value, string? unit)
    {
        WriteNumber(json, "value", value);
        WriteString(json, "unit", unit);
    }

    /// <summary>NaN and infinities are not JSON; they are written as null rather than breaking the document.</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date) json.WriteString(name, date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }
}
