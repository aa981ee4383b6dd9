using System.Text.Json;
using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.Json;

/// <summary>The fields of one JSON article object: {url, title, text | html, published, outlet}.</summary>
internal sealed record JsonArticleInput(string? Url, string? Title, string? Text, string? Html, string? Published, string? Outlet)
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>Reads the object, or returns null with the reason when it is not one.</summary>
    public static JsonArticleInput? Parse(string json, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"JSON input is a {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return null;
            }
            return new JsonArticleInput(
                Field(root, "url", "link"),
                Field(root, "title", "headline"),
                Field(root, "text", "body", "content"),
                Field(root, "html"),
                Field(root, "published", "date", "datePublished"),
                Field(root, "outlet", "source", "site"));
        }
        catch (JsonException e)
        {
            error = $"JSON input is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static string? Field(JsonElement root, params string[] names)
    {
        foreach (var name in names)
        {
            var text = JsonText.Property(root, name);
            if (!string.IsNullOrWhiteSpace(text)) return text;
        }
        return null;
    }
}
