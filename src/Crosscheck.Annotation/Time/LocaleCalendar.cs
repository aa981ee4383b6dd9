using System.Globalization;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Time;

/// <summary>
/// Calendar words of one language (Time/Data/calendar-xx.txt): days counted from the publication date
/// ("hier", "вчера"), weekdays, months as a date writes them, and the small words around them.
/// Languages without a file (English among them) have none and keep the English rules alone.
/// </summary>
internal sealed class LocaleCalendar
{
    private static readonly PerLanguage<LocaleCalendar> ByLanguage = new(["de", "es", "fr", "ru", "zh"], language => new LocaleCalendar(language));

    private LocaleCalendar(string language)
    {
        List<(string Form, int Value)> deictic = [], weekdays = [], months = [], weekdayShifts = [], weekPrefixes = [], relative = [];
        Unspaced = language == "zh";
        foreach (var row in Lexicon.Rows(typeof(LocaleCalendar).Assembly, $"Time/Data/calendar-{language}.txt", LexiconCase.Exact))
        {
            switch (row[0])
            {
                case "deictic": deictic.Add((row[1], int.Parse(row[2], CultureInfo.InvariantCulture))); break;
                case "weekday": weekdays.Add((row[1], int.Parse(row[2], CultureInfo.InvariantCulture))); break;
                case "month": months.Add((row[1], int.Parse(row[2], CultureInfo.InvariantCulture))); break;
                case "lead": Leads.Add(row[1]); break;
                case "joiner": Joiners.Add(row[1]); break;
                case "last": weekdayShifts.Add((row[1], -1)); break;
                case "next": weekdayShifts.Add((row[1], 1)); break;
                case "week": weekPrefixes.Add((row[1], int.Parse(row[2], CultureInfo.InvariantCulture))); break;
                case "relative":
                    relative.Add((row[1], RelativeMeanings.Count));
                    RelativeMeanings.Add((Enum.Parse<TimeGranularity>(row[2]), int.Parse(row[3], CultureInfo.InvariantCulture)));
                    break;
                case "separator": Separators.Add(row[1][0]); break;
                case "ordinal": Ordinals.Add(row[1]); break;
                default: throw new InvalidOperationException($"calendar-{language}.txt: unknown kind '{row[0]}'");
            }
        }
        // Longest form first: "avant-hier" before "hier", "星期日" before "周日", "上个月" before "上月".
        (Deictic, Weekdays, Months) = (new(deictic), new(weekdays), new(months));
        (WeekdayShifts, WeekPrefixes, Relative) = (new(weekdayShifts), new(weekPrefixes), new(relative));
        _tables = [Deictic, Weekdays, Months, WeekdayShifts, WeekPrefixes, Relative];
    }

    private readonly LocaleForms[] _tables;

    /// <summary>Whether any calendar word starts with <paramref name="c"/>.</summary>
    public bool CouldStart(char c)
    {
        foreach (var table in _tables)
        {
            if (table.CouldStart(c)) return true;
        }
        return false;
    }

    /// <summary>Chinese writes no spaces: a form may be glued to the next word.</summary>
    public bool Unspaced { get; }

    public LocaleForms Deictic { get; }

    public LocaleForms Weekdays { get; }

    public LocaleForms Months { get; }

    public List<string> Leads { get; } = [];

    public List<string> Joiners { get; } = [];

    /// <summary>"dernier", "próximo", "letzten", "прошлую": the week before (-1) or the coming one (+1), next to a weekday.</summary>
    public LocaleForms WeekdayShifts { get; }

    /// <summary>"上" in "上周三": weeks from the publication date's week, glued before a weekday.</summary>
    public LocaleForms WeekPrefixes { get; }

    /// <summary>"la semaine dernière", "去年": each form's value indexes <see cref="RelativeMeanings"/>.</summary>
    public LocaleForms Relative { get; }

    public List<(TimeGranularity Unit, int Shift)> RelativeMeanings { get; } = [];

    /// <summary>Marks between the parts of a day-first date in digits ("05/03/2024"); a dot is read in any language with a calendar ("05.03.2024").</summary>
    public List<char> Separators { get; } = [];

    /// <summary>"er" in "1er mai".</summary>
    public List<string> Ordinals { get; } = [];

    /// <summary>The calendar of <paramref name="language"/> (ISO 639-1, region ignored), or null.</summary>
    public static LocaleCalendar? For(string? language) => ByLanguage.For(language);

    /// <summary>The longest form of <paramref name="forms"/> starting at <paramref name="at"/> and ending at a word boundary (any end in Chinese).</summary>
    public (int Value, int End)? Match(LocaleForms forms, string text, int at, int limit) => forms.Match(text, at, limit, Unspaced);
}
