using System.Collections.Frozen;
using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.Heuristics;

/// <summary>
/// Site-independent word lists kept as embedded text files next to this class (one entry a
/// line, '#' starts a comment), so the heuristics can be read and changed without touching code.
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
    public static readonly FrozenSet<string> FunctionWords = LoadSet("function-words.txt");

    /// <summary>Month names and abbreviations (lower case) mapped to month numbers.</summary>
    public static readonly FrozenDictionary<string, int> Months = LoadMap("months.txt");

    /// <summary>Weekday names and abbreviations (lower case).</summary>
    public static readonly FrozenSet<string> Weekdays = LoadSet("weekdays.txt");

    /// <summary>Words that may stand around a date on a date line ("published", "updated", "GMT").</summary>
    public static readonly FrozenSet<string> DateFillerWords = LoadSet("date-filler-words.txt");

    /// <summary>Fragments of class/id names that mark page furniture.</summary>
    public static readonly string[] NegativeClassHints = LoadLines("negative-class-hints.txt").ToArray();

    /// <summary>Fragments of class/id names that mark article content.</summary>
    public static readonly string[] PositiveClassHints = LoadLines("positive-class-hints.txt").ToArray();

    /// <summary>HTML elements whose content is never article text.</summary>
    public static readonly FrozenSet<string> SkippedTags = LoadSet("skipped-tags.txt");

    /// <summary>HTML elements that start a new text block.</summary>
    public static readonly FrozenSet<string> BlockTags = LoadSet("block-tags.txt");

    /// <summary>ISO 639-1 codes of the languages the language identifier tells apart.</summary>
    public static readonly string[] NewsLanguages = LoadLines("news-languages.txt").ToArray();

    public static IEnumerable<string> LoadLines(string name) =>
        EmbeddedLines.Read(typeof(HeuristicData).Assembly, $"Crosscheck.Extraction.Heuristics.{name}", trailingComments: true);

    private static FrozenSet<string> LoadSet(string name) =>
        LoadLines(name).Select(l => l.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, int> LoadMap(string name)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in LoadLines(name))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !int.TryParse(parts[^1], out var value)) continue;
            foreach (var key in parts[..^1]) map[key.ToLowerInvariant()] = value;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
