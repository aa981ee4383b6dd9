using Crosscheck.Annotation.Words;

namespace Crosscheck.Annotation.Time;

/// <summary>Thresholds of <see cref="TimeExpressionRecognizer"/>; the defaults are the documented behaviour.</summary>
public sealed record TimeOptions : WordLayerOptions
{
    /// <summary>
    /// When the text gives no year, infer it from the publication date (the year that puts the date
    /// nearest to it) instead of writing "XXXX". The guess is marked by <see cref="InferredConfidence"/>.
    /// </summary>
    public bool InferMissingYear { get; init; } = true;

    /// <summary>Confidence of a year inferred from the publication date.</summary>
    public float InferredConfidence { get; init; } = 0.7f;

    /// <summary>Confidence of a weekday or relative phrase resolved against the publication date (the tense is not read).</summary>
    public float RelativeConfidence { get; init; } = 0.8f;

    /// <summary>Four-digit numbers in this range may be years.</summary>
    public int MinYear { get; init; } = 1800;

    public int MaxYear { get; init; } = 2100;

    /// <summary>Rules of the time table left out, to measure what one does (none by default).</summary>
    public IReadOnlySet<TimeRuleName> Without { get; init; } = new HashSet<TimeRuleName>();
}

/// <summary>The rules of the time expression table, in the order they are tried at each word or number.</summary>
public enum TimeRuleName
{
    /// <summary>"hier", "ayer", "gestern", "вчера", "昨天": the document's language (Time/Data/calendar-xx.txt).</summary>
    LocaleDeictic,

    /// <summary>"lundi", "el lunes", "am Montag", "в понедельник", "星期一", "lundi dernier", "el próximo lunes", "上周三".</summary>
    LocaleWeekday,

    /// <summary>"la semaine dernière", "el año pasado", "letzte Woche", "в прошлом месяце", "去年".</summary>
    LocaleRelative,

    /// <summary>"mars 2024", "marzo de 2024", "im März 2024", "в марте 2024 года".</summary>
    LocaleMonthYear,

    /// <summary>"05/03/2024", "05.03.2024", "2024年3月5日": a date in digits, day first in the European languages.</summary>
    LocaleDigitDate,

    /// <summary>"5 mai 2021", "el 5 de mayo", "am 3. März", "5 мая", "5月3日".</summary>
    LocaleDayMonth,

    /// <summary>"yesterday", "today".</summary>
    Deictic,

    /// <summary>"last week", "next year".</summary>
    Relative,

    /// <summary>"earlier this month".</summary>
    EarlierThis,

    /// <summary>"Sept. 20, 2024", "January 2013", "in late May".</summary>
    MonthFirst,

    /// <summary>"on Tuesday".</summary>
    Weekday,

    /// <summary>"2021-09-01".</summary>
    IsoDate,

    /// <summary>"1 September 2021".</summary>
    DayFirst,

    /// <summary>"in 2013", "mid-2020".</summary>
    CuedYear,

    /// <summary>"3 days ago".</summary>
    DigitsAgo,
}
