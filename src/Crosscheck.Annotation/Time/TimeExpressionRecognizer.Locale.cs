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

    /// <summary>"lundi", "el lunes", "am Montag", "в понедельник", "星期一": the most recent such day, or the next one after a future marker.</summary>
    private RuleOutcome ReadLocaleWeekday(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        if (site.Calendar is not { } calendar || calendar.Match(calendar.Weekdays, site.Text, site.Token.Start, SentenceEnd(site)) is not { } weekday) return RuleOutcome.NotApplicable;
        var end = After(site, weekday.End);
        var first = site.Index;
        if (first > 0 && site.Tokens[first - 1].Kind == ScanKind.Word && calendar.Leads.Exists(lead => site.Tokens[first - 1].Of(site.Text).Equals(lead, StringComparison.OrdinalIgnoreCase))) first--;
        TryWeekday(site.Tokens, site.Index, site.Index, weekday.Value, site.Future ? Direction.Future : Direction.None, site.Anchor, out expression, out next);
        expression = expression with { Span = TextSpan.FromBounds(site.Tokens[first].Start, weekday.End) };
        next = end;
        return RuleOutcome.Found;
    }

    /// <summary>"5 mai 2021", "el 5 de mayo de 2021", "am 3. März", "5 мая", "5月3日": a day and its month, the year when written or inferred.</summary>
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
            // "5月3日": month, 月, day, 日.
            p = site.Token.End;
            if (number is < 1 or > 12 || p >= limit || text[p] != '月') return RuleOutcome.NotApplicable;
            var dayStart = ++p;
            while (p < limit && char.IsAsciiDigit(text[p])) p++;
            if (p == dayStart || p >= limit || text[p] is not ('日' or '号')) return RuleOutcome.NotApplicable;
            (month, day) = (number, ParseInt(text.AsSpan(dayStart, p - dayStart)));
            p++;
        }
        else
        {
            if (number is < 1 or > 31) return RuleOutcome.NotApplicable;
            p = Skip(text, site.Token.End, limit);
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
        int? year = null;
        // "5 mai 2021", "5 de mayo de 2021", "5 мая 2021 года", "2021年5月3日" is left to the digits before it.
        var q = Skip(text, p, limit);
        foreach (var joiner in calendar.Joiners)
        {
            if (joiner is not "." && text.AsSpan(q).StartsWith(joiner, StringComparison.OrdinalIgnoreCase) && q + joiner.Length < limit && text[q + joiner.Length] == ' ')
            {
                q = Skip(text, q + joiner.Length, limit);
                break;
            }
        }
        if (q + 4 <= limit && ParseInt(text.AsSpan(q, 4)) is var y and >= 1000 && (q + 4 == limit || !char.IsAsciiDigit(text[q + 4])) && y >= _options.MinYear && y <= _options.MaxYear)
        {
            year = y;
            end = q + 4;
        }
        var chosen = year ?? (site.Anchor is { } anchor ? InferYear(anchor, month, Math.Min(day, 28), site.Direction) : null);
        var span = TextSpan.FromBounds(site.Token.Start, end);
        next = After(site, end);
        if (chosen is not { } known) expression = new TimeExpression(span, $"XXXX-{month:D2}-{day:D2}", TimeGranularity.Day, true, 0f);
        else if (TryDate(known, month, day, out var date)) expression = year is null
            ? new TimeExpression(span, DayValue(date), TimeGranularity.Day, true, _options.InferredConfidence)
            : new TimeExpression(span, DayValue(date), TimeGranularity.Day);
        else return RuleOutcome.NotApplicable;
        return RuleOutcome.Found;
    }

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
