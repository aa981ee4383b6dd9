using System.Globalization;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Time;

/// <summary>Month and weekday names, shared by the time and quantity recognisers (a day number next to a month is a date, not a count).</summary>
internal static class CalendarNames
{
    private static readonly Dictionary<string, int> Months = Load("WordLists/months.txt");
    private static readonly Dictionary<string, int> Weekdays = Load("WordLists/weekdays.txt");
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The month number of a capitalised month name or abbreviation, else 0.</summary>
    public static int Month(ReadOnlySpan<char> word) => MonthLookup.TryGetValue(word, out var month) ? month : 0;

    /// <summary>The ISO weekday (Monday = 1) of a capitalised weekday name, else 0.</summary>
    public static int Weekday(ReadOnlySpan<char> word) => WeekdayLookup.TryGetValue(word, out var day) ? day : 0;

    /// <summary>The shared list as written: matched case-sensitively, so the verbs "may" and "march" are not months.</summary>
    private static Dictionary<string, int> Load(string path)
    {
        var map = new Dictionary<string, int>(Lexicon.Comparer(LexiconCase.Exact));
        foreach (var row in Lexicon.Rows(Lexicon.Shared, path, LexiconCase.Exact)) map[row[0]] = int.Parse(row[1], CultureInfo.InvariantCulture);
        return map;
    }
}
