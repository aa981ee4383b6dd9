using System.Text.RegularExpressions;

namespace Crosscheck.Extraction.Html;

internal sealed partial class HtmlContentExtractor
{
    /// <summary>
    /// The paragraphs without a template's placeholder text ("Lorem ipsum dolor sit amet...", "Lorem ipsum 2"), which a
    /// site left in a part it never filled: it is no one's text on any kind of page. A sentence about the placeholder
    /// ("Lorem ipsum is the filler text designers use") is text and stays. A page of nothing else keeps it.
    /// </summary>
    internal static List<string> WithoutPlaceholderText(List<string> paragraphs)
    {
        if (!paragraphs.Exists(p => PlaceholderText().IsMatch(p))) return paragraphs;
        var kept = paragraphs.FindAll(p => !PlaceholderText().IsMatch(p));
        return kept.Count > 0 ? kept : paragraphs;
    }

    [GeneratedRegex(@"^\s*lorem ipsum(?:\s+dolor\b|\s*\d*\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderText();
}
