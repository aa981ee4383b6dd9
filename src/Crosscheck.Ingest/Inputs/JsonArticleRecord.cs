using System.Text.Json;
using Crosscheck.Core.Text;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Checks one JSON article record (a JSONL line or an API post) before it is stored:
/// it must be an object with a non-empty "text" or "html" string. Other fields
/// (url, title, published, outlet) are optional and read by extraction.
/// </summary>
public static class JsonArticleRecord
{
    /// <summary>What a record holds, as the problems name it.</summary>
    private const string Shape = "{\"url\", \"title\", \"text\" or \"html\", \"published\", \"outlet\"}";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Null when the record is usable, else what is wrong with it.</summary>
    public static string? Problem(ReadOnlyMemory<byte> record)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(record, Options);
        }
        catch (JsonException ex)
        {
            return $"invalid JSON ({FirstSentence(ex.Message)}); each article is one JSON object, {Shape}";
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return $"expected a JSON object with \"text\" or \"html\", found {json.RootElement.ValueKind.ToString().ToLowerInvariant()}";
            foreach (var field in new[] { "text", "html" })
            {
                if (!string.IsNullOrWhiteSpace(JsonText.Property(json.RootElement, field))) return null;
            }
            return $"no \"text\" or \"html\" field with content (each line needs one: {Shape})";
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
