using System.Text.RegularExpressions;

namespace Crosscheck.Extraction.Html;

internal sealed partial class HtmlContentExtractor
{
    /// <summary>The fewest characters of a paragraph read as an entry of a reference list (a citation names authors, a title and a source).</summary>
    private const int MinCitationChars = 40;

    /// <summary>
    /// An article without its list of works cited: a heading such as "References" or "Bibliography" followed by
    /// citations (a year and a bibliographic mark: a DOI, "et al.", volume and pages, "Surname AB,"), the heading and
    /// the run of citations go, and what follows the run stays. Such a list is the article's apparatus, not its text,
    /// and a long one outweighs the article's own words. A heading followed by prose (a "Sources" paragraph that
    /// explains) is the article's own and stays, as does a citation quoted inside the text.
    /// </summary>
    internal static List<string> WithoutReferenceList(List<string> paragraphs)
    {
        List<string>? kept = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (!(ReferenceListHeading().IsMatch(paragraphs[i]) && i + 1 < paragraphs.Count && IsCitation(paragraphs[i + 1])))
            {
                kept?.Add(paragraphs[i]);
                continue;
            }
            kept ??= paragraphs.GetRange(0, i);
            // The run of citations, with the short lines between them (a sub-heading, "Further reading").
            while (i + 1 < paragraphs.Count && (IsCitation(paragraphs[i + 1])
                   || (paragraphs[i + 1].Length < MinCitationChars && i + 2 < paragraphs.Count && IsCitation(paragraphs[i + 2]))))
                i++;
        }
        // A page that is nothing but a reference list (a bibliography's own page) keeps it.
        return kept is { Count: > 0 } ? kept : paragraphs;
    }

    private static bool IsCitation(string paragraph) =>
        paragraph.Length >= MinCitationChars && CitationYear().IsMatch(paragraph) && BibliographicMark().IsMatch(paragraph);

    [GeneratedRegex(@"^\s*(?:References|Bibliography|Works cited|Literature cited|Cited works|Citations|Sources|References and notes)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceListHeading();

    [GeneratedRegex(@"\b(?:1[89]\d\d|20\d\d)[a-z]?\b", RegexOptions.CultureInvariant)]
    private static partial Regex CitationYear();

    // A DOI, "et al.", a volume with its issue or pages ("12(3):", "; 59(3)", ": 165-173", "pp. 4"), "Surname AB," or
    // "Surname, A. B.", a journal, press or access note, or a link.
    [GeneratedRegex(@"\bdoi\b|\bet al\b|\d+\s*\(\d+\)\s*:|;\s*\d+\s*[:(]|:\s*\d+\s*[-–]\s*\d+|(?-i:\b\p{Lu}[\p{Ll}'’-]+,? (?:\p{Lu}\.? ?){1,3}[,.])|\bpp?\.\s*\d|\bvol\.|\bjournal\b|\bpress\b|\bretrieved\b|\baccessed\b|https?://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BibliographicMark();
}
