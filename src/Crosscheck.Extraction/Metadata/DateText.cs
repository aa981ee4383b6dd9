using System.Globalization;
using System.Text.RegularExpressions;
using Crosscheck.Extraction.Heuristics;

namespace Crosscheck.Extraction.Metadata;

/// <summary>
/// A date read from human text; <see cref="Value"/> is null when the year is missing, and then
/// <see cref="Month"/>, <see cref="Day"/> and any <see cref="Weekday"/> written with it are kept.
/// </summary>
internal readonly record struct TextDate(DateTimeOffset? Value, int Index, int Length, string Matched, int Month = 0, int Day = 0, DayOfWeek? Weekday = null);

/// <summary>Reads dates from machine fields (ISO 8601, RFC 1123), URLs and human text.</summary>
internal static partial class DateText
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Parses a machine-readable date such as "2021-10-19T08:30:00+02:00" or "Tue, 19 Oct 2021 08:30:00 GMT".</summary>
    public static DateTimeOffset? ParseMachine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 80) return null;
        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return Plausible(parsed);
        // Compact forms seen in meta tags: 20211019 or 20211019T083000Z.
        if (text.Length >= 8 && DateTimeOffset.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out parsed))
            return Plausible(parsed);
        return Find(text) is { Value: { } human } ? human : null;
    }

    /// <summary>A date in a URL path: /2021/10/19/, /2021-10-19/ or /20211019/.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048) return null;
        var match = UrlDate().Match(url);
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture) : 1;
        return Make(year, month, day);
    }

    /// <summary>The first human-written date in <paramref name="text"/>, with or without a year.</summary>
    public static TextDate? Find(string text)
    {
        if (text.Length > 4000) return null;
        foreach (Match match in IsoDate().Matches(text))
        {
            var date = Make(int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture));
            if (date is not null) return new TextDate(date, match.Index, match.Length, match.Value);
        }
        foreach (Match match in HumanDate().Matches(text))
        {
            var monthName = (match.Groups["mon"].Success ? match.Groups["mon"].Value : match.Groups["mon2"].Value).ToLowerInvariant();
            if (!HeuristicData.Months.TryGetValue(monthName, out var month)) continue;
            var dayText = match.Groups["day"].Success ? match.Groups["day"].ValueSpan : match.Groups["day2"].ValueSpan;
            var day = int.Parse(dayText, CultureInfo.InvariantCulture);
            if (day is < 1 or > 31) continue;
            var weekday = match.Groups["wd"];
            var start = match.Index;
            if (weekday.Success && !HeuristicData.Weekdays.Contains(weekday.Value.ToLowerInvariant()))
                start = (match.Groups["mon"].Success ? match.Groups["mon"] : match.Groups["day2"]).Index;
            var length = match.Index + match.Length - start;
            var matched = text.Substring(start, length);
            var yearGroup = match.Groups["year"].Success ? match.Groups["year"] : match.Groups["year2"];
            if (!yearGroup.Success)
                return new TextDate(null, start, length, matched, month, day, weekday.Success ? WeekdayOf(weekday.Value) : null);
            var date = Make(int.Parse(yearGroup.ValueSpan, CultureInfo.InvariantCulture), month, day);
            if (date is not null) return new TextDate(date, start, length, matched);
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="line"/> is a date line: a date and nothing but date filler words,
    /// times and punctuation around it.
    /// </summary>
    public static TextDate? AsDateLine(string line, int maxWords)
    {
        if (BodyText.CountWords(line) > maxWords) return null;
        if (Find(line) is not { } found) return null;
        var rest = line.Remove(found.Index, found.Length);
        foreach (var word in rest.Split([' ', ',', '|', '-', '–', '—', ':', '/', '(', ')', '·', '•'], StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = word.Trim('.').ToLowerInvariant();
            if (lower.Length == 0 || HeuristicData.DateFillerWords.Contains(lower) || HeuristicData.Weekdays.Contains(lower)) continue;
            if (lower.All(c => char.IsDigit(c) || c is ':' or '.')) continue;
            return null;
        }
        return found;
    }

    /// <summary>
    /// The year a year-less date with its weekday ("Tuesday, October 19") must have: a weekday,
    /// month and day recur only every 5, 6 or 11 years, so the latest such date not after
    /// <paramref name="reference"/> (when the text was fetched or received) is the only candidate
    /// within a decade. Null without a weekday, or when none of the last eleven years fits.
    /// </summary>
    public static DateTimeOffset? PinYearByWeekday(TextDate partial, DateTimeOffset reference)
    {
        if (partial.Value is not null || partial.Weekday is not { } weekday || partial.Month is < 1 or > 12 || partial.Day < 1) return null;
        var latest = reference.AddDays(2);
        for (var year = latest.Year; year > latest.Year - 11; year--)
        {
            if (partial.Day > DateTime.DaysInMonth(year, partial.Month)) continue;
            var date = new DateTimeOffset(year, partial.Month, partial.Day, 0, 0, 0, TimeSpan.Zero);
            if (date <= latest && date.DayOfWeek == weekday) return Plausible(date);
        }
        return null;
    }

    /// <summary>English weekday names and their usual abbreviations ("Tue", "Tues", "Thurs").</summary>
    private static DayOfWeek? WeekdayOf(string word)
    {
        var lower = word.TrimEnd('.').ToLowerInvariant();
        if (lower.Length < 3) return null;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            if (name.StartsWith(lower, StringComparison.Ordinal)) return day;
        }
        return null;
    }

    private static DateTimeOffset? Make(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1 || year < 1900 || year > 2200) return null;
        if (day > DateTime.DaysInMonth(year, month)) return null;
        return Plausible(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
    }

    private static DateTimeOffset? Plausible(DateTimeOffset value) =>
        value < Earliest || value > DateTimeOffset.UtcNow.AddDays(2) ? null : value;

    // No match timeout on these: the inputs are bounded (a URL of 2,048 characters, a text of 4,000) and no quantifier nests
    // another, so the work is bounded by the length; a timeout is a clock, under which a loaded machine would find no
    // date where a quiet one finds it, and a page's date decides where its article is placed.
    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-]?(?<m>0[1-9]|1[0-2])(?:[/-]?(?<d>0[1-9]|[12]\d|3[01]))?(?=[/._-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:\b(?<wd>[a-z]{3,9})\.?,?\s+)?(?:\b(?<mon>[a-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d{2})\b)?|\b(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon2>[a-z]{3,9})\.?(?:,?\s+(?<year2>(?:19|20)\d{2})\b)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HumanDate();
}
