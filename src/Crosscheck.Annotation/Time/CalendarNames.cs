using Crosscheck.Annotation.Quantities;

namespace Crosscheck.Annotation.Time;

/// <summary>Month and weekday names, shared by the time and quantity recognisers (a day number next to a month is a date, not a count).</summary>
internal static class CalendarNames
{
    private static readonly Dictionary<string, int> Months = Load("Time.Data.months.txt");
    private static readonly Dictionary<string, int> Weekdays = Load("Time.Data.weekdays.txt");
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The month number of a capitalised month name or abbreviation, else 0.</summary>
    public static int Month(ReadOnlySpan<char> word) => MonthLookup.TryGetValue(word, out var month) ? month : 0;

    /// <summary>The ISO weekday (Monday = 1) of a capitalised weekday name, else 0.</summary>
    public static int Weekday(ReadOnlySpan<char> word) => WeekdayLookup.TryGetValue(word, out var day) ? day : 0;

    private static Dictionary<string, int> Load(string resource)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in ResourceText.Rows(resource)) map[row[0]] = int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture);
        return map;
    }
}
