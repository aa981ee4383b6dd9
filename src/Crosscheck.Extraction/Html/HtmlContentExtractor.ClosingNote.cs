using System.Text.RegularExpressions;

namespace Crosscheck.Extraction.Html;

internal sealed partial class HtmlContentExtractor
{
    /// <summary>How far from an article's end a note about its writer or its publisher is looked for, in paragraphs.</summary>
    private const int ClosingNoteReach = 3;

    /// <summary>The most words of a line that heads a closing note ("About the author", the writer's name alone).</summary>
    private const int MaxClosingNoteHeadingWords = 5;

    /// <summary>
    /// An article without the note that closes many articles about who wrote it or who publishes it ("Jane Doe is a
    /// freelance writer...", "Dr. Jane Doe, MD, is a ...", "Acme Media is a leader in ..."): a paragraph among the last
    /// few that opens with a capitalised name of two to four words and "is a/an/the...", and everything after it (a
    /// note is the article's end). The short line heading it goes too when it is the name itself or starts with "About"
    /// ("About the author"). The note is the site's template, not the article's text. A sentence opening with a
    /// determiner ("The Senate is the...") is the article's own and stays.
    /// </summary>
    internal static List<string> WithoutClosingNote(List<string> paragraphs)
    {
        var cut = -1;
        for (var i = paragraphs.Count - 1; i >= 0 && i >= paragraphs.Count - ClosingNoteReach; i--)
            if (OpensAsNoteAboutSomeone().IsMatch(paragraphs[i])) cut = i;
        if (cut < 0) return paragraphs;
        if (cut > 0 && paragraphs[cut - 1].Trim() is var heading && heading.Length > 0
            && heading.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxClosingNoteHeadingWords
            && (heading.StartsWith("About", StringComparison.OrdinalIgnoreCase) || paragraphs[cut].TrimStart('*', ' ').StartsWith(heading, StringComparison.Ordinal)))
            cut--;
        // A page that is nothing but such a note (an author's page) keeps it: never an empty body from this cut.
        return cut > 0 ? paragraphs.GetRange(0, cut) : paragraphs;
    }

    [GeneratedRegex(@"^\s*\*?(?:Dr\. )?(?!(?:The|This|That|These|Those|Our|Its|His|Her|Their|Your|My|Each|Every|All|Some|Most|Many)\b)\p{Lu}[\w'’.-]+(?: \p{Lu}[\w'’.-]+){1,3},?(?: (?:MD|PhD|DVM|RD|MPH)\b,?)* (?:is|was|has been) (?:a|an|the|currently|adjunct|associate|assistant|senior|founder|co-founder|chief)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpensAsNoteAboutSomeone();
}
