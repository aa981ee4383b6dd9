using SmartReader;

namespace Crosscheck.Extraction.Html;

/// <summary>SmartReader (a Readability port) as a second opinion for pages our extractor finds empty, and as a baseline.</summary>
internal static class SmartReaderFallback
{
    private static readonly Uri PlaceholderUri = new("https://localhost/");

    /// <summary>The paragraphs SmartReader finds, or none when it fails.</summary>
    public static List<string> Extract(string html, string? pageUrl)
    {
        try
        {
            var uri = pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var parsed) ? parsed : PlaceholderUri;
            // Only its body text is wanted (metadata is read by HtmlMetadataReader), and its JSON-LD
            // reader took minutes on a script holding thousands of tags (found by the randomized readers).
            var article = new Reader(uri.ToString(), html) { DisableJSONLD = true }.GetArticle();
            if (!article.IsReadable || string.IsNullOrWhiteSpace(article.TextContent)) return [];
            return Paragraphs(article.TextContent);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    private static List<string> Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var collapsed = BodyText.Collapse(line);
            if (collapsed.Length > 0) paragraphs.Add(collapsed);
        }
        return paragraphs;
    }
}
