using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Time;

/// <summary>The time rules of the document's language: they read calendar words from <see cref="LocaleCalendar"/>.</summary>
public sealed partial class TimeExpressionRecognizer
{
    /// <summary>"hier", "ayer", "gestern", "вчера", "昨天".</summary>
    private RuleOutcome ReadLocaleDeictic(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        if (site.Calendar is not { } calendar || calendar.Match(calendar.Deictic, site.Text, site.Token.Start, SentenceEnd(site)) is not { } day) return RuleOutcome.NotApplicable;
        next = After(site, day.End);
        var span = TextSpan.FromBounds(site.Token.Start, day.End);
        expression = site.Anchor is { } anchor
            ? new TimeExpression(span, DayValue(anchor.AddDays(day.Value)), TimeGranularity.Day, true, _options.RelativeConfidence)
            : new TimeExpression(span, "XXXX-XX-XX", TimeGranularity.Day, true, 0f);
        return RuleOutcome.Found;
    }

    /// <summary>
    /// "lundi", "el lunes", "am Montag", "в понедельник", "星期一": the most recent such day, or the next one after a future
    /// marker; "lundi dernier", "el próximo lunes", "letzten Montag" the one a week word names; "上周三" the Wednesday of last week.
    /// </summary>
    private RuleOutcome ReadLocaleWeekday(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        if (site.Calendar is not { } calendar) return RuleOutcome.NotApplicable;
        var (text, limit, at) = (site.Text, SentenceEnd(site), site.Token.Start);
        if (calendar.Match(calendar.WeekPrefixes, text, at, limit) is { } week && calendar.Match(calendar.Weekdays, text, week.End, limit) is { } ofWeek)
        {
            next = After(site, ofWeek.End);
            var weekSpan = TextSpan.FromBounds(at, ofWeek.End);
            expression = site.Anchor is { } anchored
                ? new TimeExpression(weekSpan, DayValue(anchored.AddDays((7 * week.Value) + ofWeek.Value - IsoWeekday(anchored))), TimeGranularity.Day, true, _options.RelativeConfidence)
                : new TimeExpression(weekSpan, "XXXX-XX-XX", TimeGranularity.Day, true, 0f);
            return RuleOutcome.Found;
        }
        var shift = 0;
        var weekdayAt = at;
        if (calendar.Match(calendar.WeekdayShifts, text, at, limit) is { } before)
        {
            shift = before.Value;
            weekdayAt = Skip(text, before.End, limit);
        }
        if (calendar.Match(calendar.Weekdays, text, weekdayAt, limit) is not { } weekday) return RuleOutcome.NotApplicable;
        var end = weekday.End;
        var afterAt = Skip(text, end, limit);
        if (shift == 0 && afterAt > end && calendar.Match(calendar.WeekdayShifts, text, afterAt, limit) is { } after)
        {
            shift = after.Value;
            end = after.End;
        }
        var first = site.Index;
        if (first > 0 && site.Tokens[first - 1].Kind == ScanKind.Word && calendar.Leads.Exists(lead => site.Tokens[first - 1].Of(site.Text).Equals(lead, StringComparison.OrdinalIgnoreCase))) first--;
        var direction = shift switch
        {
            > 0 => Direction.Future,
            < 0 => Direction.Past,
            _ => site.Future ? Direction.Future : Direction.None,
        };
        var span = TextSpan.FromBounds(site.Tokens[first].Start, end);
        expression = site.Anchor is { } anchor
            ? new TimeExpression(span, DayValue(WeekdayDate(anchor, weekday.Value, direction, shift != 0)), TimeGranularity.Day, true, _options.RelativeConfidence)
            : new TimeExpression(span, "XXXX-XX-XX", TimeGranularity.Day, true, 0f);
        next = After(site, end);
        return RuleOutcome.Found;
    }

    /// <summary>"la semaine dernière", "el año pasado", "letzte Woche", "в прошлом месяце", "去年": a week, month or year counted from the publication date, when the document has one.</summary>
    private RuleOutcome ReadLocaleRelative(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        if (site.Calendar is not { } calendar || calendar.Match(calendar.Relative, site.Text, site.Token.Start, SentenceEnd(site)) is not { } relative) return RuleOutcome.NotApplicable;
        // Without a publication date "la semaine dernière" has no value: an unknown week ("XXXX-WXX") would be one more
        // date shared by every report saying "last week" in any language (on similarity-semeval2022, whose articles carry
        // no date, it moved cross-language story F1 from 0.654 to 0.649), so the rule reads nothing then.
        if (site.Anchor is null) return RuleOutcome.NotApplicable;
        var (unit, shift) = calendar.RelativeMeanings[relative.Value];
        var span = TextSpan.FromBounds(site.Token.Start, relative.End);
        next = After(site, relative.End);
        expression = site.Anchor is { } anchor
            ? new TimeExpression(span, ShiftedValue(anchor, unit, shift), unit, true, _options.RelativeConfidence)
            : new TimeExpression(span, UnknownValue(unit), unit, true, 0f);
        return RuleOutcome.Found;
    }

    /// <summary>"mars 2024", "marzo de 2024", "im März 2024", "в марте 2024 года": a month with its year; a month alone is left (mars, Mai are words too).</summary>
    private RuleOutcome ReadLocaleMonthYear(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var limit = SentenceEnd(site);
        if (site.Calendar is not { } calendar || calendar.Match(calendar.Months, site.Text, site.Token.Start, limit) is not { } month) return RuleOutcome.NotApplicable;
        if (YearAfter(site.Text, SkipYearJoiner(calendar, site.Text, month.End, limit), limit) is not { } year) return RuleOutcome.NotApplicable;
        expression = new TimeExpression(TextSpan.FromBounds(site.Token.Start, year.End), MonthValue(year.Value, month.Value), TimeGranularity.Month);
        next = After(site, year.End);
        return RuleOutcome.Found;
    }

    /// <summary>"05/03/2024", "05.03.2024" (day first), "2024年3月5日", "2024年3月": a date written in digits.</summary>
    private RuleOutcome ReadLocaleDigitDate(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        if (site.Calendar is not { } calendar) return RuleOutcome.NotApplicable;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        var token = site.Token;
        if (calendar.Unspaced) return ReadYearFirstDate(site, out expression, out next);
        int day, month, year, end;
        var digits = token.Of(text);
        if (digits.Count('.') == 2)
        {
            // "05.03.2024": the scanner keeps a digit run with dots whole.
            var first = digits.IndexOf('.');
            var second = digits.LastIndexOf('.');
            if (first is < 1 or > 2 || second - first is < 2 or > 3 || digits.Length - second != 5) return RuleOutcome.NotApplicable;
            (day, month, year) = (ParseInt(digits[..first]), ParseInt(digits[(first + 1)..second]), ParseInt(digits[(second + 1)..]));
            end = token.End;
        }
        else if (i + 4 < tokens.Count && token.Length <= 2 && IsSeparator(calendar, text, tokens[i + 1]) && tokens[i + 3].Of(text).SequenceEqual(tokens[i + 1].Of(text)) &&
                 tokens[i + 2].Kind == ScanKind.Number && tokens[i + 2].Length <= 2 && IsYear(text, tokens[i + 4]) &&
                 !tokens[i + 1].SpaceBefore && !tokens[i + 2].SpaceBefore && !tokens[i + 3].SpaceBefore && !tokens[i + 4].SpaceBefore)
        {
            (day, month, year) = (ParseInt(digits), ParseInt(tokens[i + 2].Of(text)), ParseInt(tokens[i + 4].Of(text)));
            end = tokens[i + 4].End;
        }
        else
        {
            return RuleOutcome.NotApplicable;
        }
        if (year < _options.MinYear || year > _options.MaxYear || !TryDate(year, month, day, out var date)) return RuleOutcome.NotApplicable;
        expression = new TimeExpression(TextSpan.FromBounds(token.Start, end), DayValue(date), TimeGranularity.Day);
        next = After(site, end);
        return RuleOutcome.Found;
    }

    /// <summary>"2024年3月5日", "2024年3月", "2024年": year 年, month 月, day 日 (or 号), each part after the year optional.</summary>
    private RuleOutcome ReadYearFirstDate(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, limit, token) = (site.Text, SentenceEnd(site), site.Token);
        var yearMark = Skip(text, token.End, limit);
        if (!IsYear(text, token) || yearMark >= limit || text[yearMark] != '年') return RuleOutcome.NotApplicable;
        var year = ParseInt(token.Of(text));
        var end = yearMark + 1;
        var value = year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var granularity = TimeGranularity.Year;
        if (DigitsBefore(text, end, limit, '月') is { } month && month.Value is >= 1 and <= 12)
        {
            (end, value, granularity) = (month.End, MonthValue(year, month.Value), TimeGranularity.Month);
            if ((DigitsBefore(text, end, limit, '日') ?? DigitsBefore(text, end, limit, '号')) is { } day && TryDate(year, month.Value, day.Value, out var date))
            {
                (end, value, granularity) = (day.End, DayValue(date), TimeGranularity.Day);
            }
        }
        expression = new TimeExpression(TextSpan.FromBounds(token.Start, end), value, granularity);
        next = After(site, end);
        return RuleOutcome.Found;
    }

    /// <summary>
    /// "3月" at <paramref name="p"/>: the digits' value and the position after <paramref name="mark"/>. Spaces may stand
    /// around the digits ("2019 年 5 月 23 日"): machine translation into Chinese writes them so.
    /// </summary>
    private static (int Value, int End)? DigitsBefore(string text, int p, int limit, char mark)
    {
        p = Skip(text, p, limit);
        var q = p;
        while (q < limit && q - p < 2 && char.IsAsciiDigit(text[q])) q++;
        if (q == p) return null;
        var at = Skip(text, q, limit);
        return at < limit && text[at] == mark ? (ParseInt(text.AsSpan(p, q - p)), at + 1) : null;
    }

    private static bool IsSeparator(LocaleCalendar calendar, string text, Scanned token) =>
        token.Kind == ScanKind.Punct && token.Length == 1 && calendar.Separators.Contains(text[token.Start]);

    /// <summary>"5 mai 2021", "el 5 de mayo de 2021", "am 3. März", "5 мая", "5月3日", "1er mai": a day and its month, the year when written or inferred.</summary>
    private RuleOutcome ReadLocaleDayMonth(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        if (site.Calendar is not { } calendar) return RuleOutcome.NotApplicable;
        var (text, limit) = (site.Text, SentenceEnd(site));
        var number = ParseInt(site.Token.Of(text));
        int month, day, p;
        if (calendar.Unspaced)
        {
            // "5月3日" (or "5 月 3 日"): month, 月, day, 日.
            p = Skip(text, site.Token.End, limit);
            if (number is < 1 or > 12 || p >= limit || text[p] != '月') return RuleOutcome.NotApplicable;
            if ((DigitsBefore(text, p + 1, limit, '日') ?? DigitsBefore(text, p + 1, limit, '号')) is not { } dayOfMonth) return RuleOutcome.NotApplicable;
            (month, day, p) = (number, dayOfMonth.Value, dayOfMonth.End);
        }
        else
        {
            if (number is < 1 or > 31) return RuleOutcome.NotApplicable;
            p = site.Token.End;
            var ordinal = calendar.Ordinals.Find(suffix => text.AsSpan(p).StartsWith(suffix, StringComparison.Ordinal));
            if (ordinal is not null) p += ordinal.Length;
            p = Skip(text, p, limit);
            foreach (var joiner in calendar.Joiners)
            {
                if (text.AsSpan(p).StartsWith(joiner, StringComparison.OrdinalIgnoreCase) && (joiner is "." || !char.IsLetter(text[Math.Min(p + joiner.Length, limit - 1)])))
                {
                    p = Skip(text, p + joiner.Length, limit);
                    break;
                }
            }
            if (calendar.Match(calendar.Months, text, p, limit) is not { } named) return RuleOutcome.NotApplicable;
            (month, day) = (named.Value, number);
            p = named.End;
        }
        var end = p;
        // "5 mai 2021", "5 de mayo de 2021", "5 мая 2021 года"; "2021年5月3日" is read from its year by ReadYearFirstDate.
        var year = YearAfter(text, SkipYearJoiner(calendar, text, p, limit), limit);
        if (year is { } written) end = written.End;
        var chosen = year?.Value ?? (site.Anchor is { } anchor ? InferYear(anchor, month, Math.Min(day, 28), site.Direction) : null);
        var span = TextSpan.FromBounds(site.Token.Start, end);
        next = After(site, end);
        if (chosen is not { } known) expression = new TimeExpression(span, $"XXXX-{month:D2}-{day:D2}", TimeGranularity.Day, true, 0f);
        else if (TryDate(known, month, day, out var date)) expression = year is null
            ? new TimeExpression(span, DayValue(date), TimeGranularity.Day, true, _options.InferredConfidence)
            : new TimeExpression(span, DayValue(date), TimeGranularity.Day);
        else return RuleOutcome.NotApplicable;
        return RuleOutcome.Found;
    }

    /// <summary>Past the spaces after a month and a joiner word before its year ("de" in "mayo de 2021").</summary>
    private static int SkipYearJoiner(LocaleCalendar calendar, string text, int p, int limit)
    {
        var q = Skip(text, p, limit);
        foreach (var joiner in calendar.Joiners)
        {
            if (joiner is not "." && text.AsSpan(q).StartsWith(joiner, StringComparison.OrdinalIgnoreCase) && q + joiner.Length < limit && text[q + joiner.Length] == ' ')
            {
                return Skip(text, q + joiner.Length, limit);
            }
        }
        return q;
    }

    /// <summary>A four-digit year in range starting at <paramref name="q"/>, and where it ends.</summary>
    private (int Value, int End)? YearAfter(string text, int q, int limit) =>
        q + 4 <= limit && ParseInt(text.AsSpan(q, 4)) is var y and >= 1000 && (q + 4 == limit || !char.IsAsciiDigit(text[q + 4])) && y >= _options.MinYear && y <= _options.MaxYear
            ? (y, q + 4)
            : null;

    private static int SentenceEnd(TimeSite site) => site.Tokens[^1].End;

    /// <summary>The first token starting at or after <paramref name="end"/>.</summary>
    private static int After(TimeSite site, int end)
    {
        var k = site.Index + 1;
        while (k < site.Tokens.Count && site.Tokens[k].Start < end) k++;
        return k;
    }

    private static int Skip(string text, int p, int limit)
    {
        while (p < limit && char.IsWhiteSpace(text[p])) p++;
        return p;
    }
}
