using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.Heuristics;

/// <summary>
/// Site-independent word lists kept as embedded text files next to this class (read with
/// <see cref="Lexicon"/>, lower-cased), so the heuristics can be read and changed without touching code.
/// Month and weekday names come from the lists every stage shares.
/// </summary>
internal static class HeuristicData
{
    /// <summary>Vocabulary of site furniture: sharing, comments, subscriptions, navigation, ads.</summary>
    public static readonly FrozenSet<string> ChromeWords = LoadSet("chrome-words.txt");

    /// <summary>Words by which a site addresses its reader ("your", "please") or speaks of itself.</summary>
    public static readonly FrozenSet<string> AddressWords = LoadSet("address-words.txt");

    /// <summary>Furniture words that make a short sentence addressing the reader a site notice.</summary>
    public static readonly FrozenSet<string> NoticeWords = LoadSet("notice-words.txt");

    /// <summary>Job titles that make a short line a byline ("correspondent", "staff writer").</summary>
    public static readonly FrozenSet<string> BylineRoles = LoadSet("byline-roles.txt");

    /// <summary>Short function words ignored when judging how much of a line is furniture.</summary>
    public static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words-short.txt", LexiconCase.Lower);

    /// <summary>Month names and abbreviations (lower case) mapped to month numbers.</summary>
    public static readonly FrozenDictionary<string, int> Months = Lexicon.Rows(Lexicon.Shared, "WordLists/months.txt", LexiconCase.Lower)
        .ToFrozenDictionary(row => row[0], row => int.Parse(row[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Weekday names and abbreviations (lower case).</summary>
    public static readonly FrozenSet<string> Weekdays = Lexicon.Rows(Lexicon.Shared, "WordLists/weekdays.txt", LexiconCase.Lower)
        .Select(row => row[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may stand around a date on a date line ("published", "updated", "GMT").</summary>
    public static readonly FrozenSet<string> DateFillerWords = LoadSet("date-filler-words.txt");

    /// <summary>Fragments of class/id names that mark page furniture.</summary>
    public static readonly string[] NegativeClassHints = LoadLines("negative-class-hints.txt").ToArray();

    /// <summary>The furniture fragments that name a container of replies (comments), content on a forum thread.</summary>
    public static readonly string[] ReplyClassHints = LoadLines("reply-class-hints.txt").ToArray();

    /// <summary>The furniture fragments other than <see cref="ReplyClassHints"/>.</summary>
    public static readonly string[] NonReplyNegativeClassHints = NegativeClassHints.Except(ReplyClassHints, StringComparer.Ordinal).ToArray();

    /// <summary>Fragments of class/id names that mark a disclosure's panel (an accordion's answer, a tab's pane): hidden until a click, yet the page's text.</summary>
    public static readonly string[] DisclosureClassHints = LoadLines("disclosure-class-hints.txt").ToArray();

    /// <summary>Fragments of class/id names that mark article content.</summary>
    public static readonly string[] PositiveClassHints = LoadLines("positive-class-hints.txt").ToArray();

    /// <summary>HTML elements whose content is never article text.</summary>
    public static readonly FrozenSet<string> SkippedTags = LoadSet("skipped-tags.txt");

    /// <summary>HTML elements that start a new text block.</summary>
    public static readonly FrozenSet<string> BlockTags = LoadSet("block-tags.txt");

    /// <summary>ISO 639-1 codes of the languages the language identifier tells apart: the shared list of news languages.</summary>
    public static readonly string[] NewsLanguages = Lexicon.Lines(Lexicon.Shared, "WordLists/news-languages.txt", LexiconCase.Exact).ToArray();

    private static IReadOnlyList<string> LoadLines(string name) =>
        Lexicon.Lines(typeof(HeuristicData).Assembly, "Heuristics/" + name, LexiconCase.Exact);

    private static FrozenSet<string> LoadSet(string name) =>
        Lexicon.Set(typeof(HeuristicData).Assembly, "Heuristics/" + name, LexiconCase.Lower);
}
