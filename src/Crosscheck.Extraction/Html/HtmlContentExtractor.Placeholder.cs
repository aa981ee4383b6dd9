using System.Text.RegularExpressions;

namespace Crosscheck.Extraction.Html;

internal sealed partial class HtmlContentExtractor
{
    /// <summary>
    /// The paragraphs without a template's placeholder text ("Lorem ipsum dolor sit amet...", "Lorem ipsum 2"), which a
    /// site left in a part it never filled: it is no one's text on any kind of page. A sentence about the placeholder
    /// ("Lorem ipsum is the filler text designers use", "Lorem ipsum dolor sit amet is a scrambled passage of Cicero") is
    /// text and stays: the filler is the phrase alone (with a number at most) or the phrase running on in its own Latin
    /// ("dolor sit amet, consectetur ..."), or "dolor sit amet" ending the paragraph. A page of nothing else keeps it.
    /// </summary>
    internal static List<string> WithoutPlaceholderText(List<string> paragraphs)
    {
        if (!paragraphs.Exists(p => PlaceholderText().IsMatch(p))) return paragraphs;
        var kept = paragraphs.FindAll(p => !PlaceholderText().IsMatch(p));
        return kept.Count > 0 ? kept : paragraphs;
    }

    [GeneratedRegex(@"^\s*lorem ipsum(?:\s+dolor\s+sit\s+amet(?:[\s,.;:]+consectetur\b|[\s,.;:]*$)|\s*\d*\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderText();
}
