using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Time;

/// <summary>
/// Finds time expressions and resolves them to ISO 8601 values: absolute dates ("Feb. 14, 2022",
/// "January 2013", "in 2013"), dates without a year ("September 1", "in late May"), weekdays and
/// relative phrases ("on Saturday", "last week", "next year", "yesterday", "three days ago").
/// Whatever depends on the publication date is resolved against it when known; otherwise the
/// missing part is written "X" ("XXXX-09-01"). Guessed parts lower <see cref="TimeExpression.Confidence"/>.
/// </summary>
public sealed class TimeExpressionRecognizer(TimeOptions options)
    : DocumentStage("time", [Layer.Sentences], [Layer.TimeExpressions])
{
    private enum Direction
    {
        None,
        Past,
        Future,
        Near,
    }

    private static readonly Dictionary<string, Direction> DirectionWords = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> PartWords = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, TimeGranularity> UnitWords = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, int> DeicticWords = new(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> FutureMarkers = Lexicon.Set(typeof(TimeExpressionRecognizer).Assembly, "Time/Data/future-markers.txt", LexiconCase.IgnoreCase);
    private static readonly HashSet<string> RelativeLeads = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> OrdinalSuffixes = new(StringComparer.OrdinalIgnoreCase) { "st", "nd", "rd", "th" };

    static TimeExpressionRecognizer()
    {
        foreach (var row in Lexicon.Rows(typeof(TimeExpressionRecognizer).Assembly, "Time/Data/cues.txt", LexiconCase.Exact))
        {
            switch (row[0])
            {
                case "past": DirectionWords[row[1]] = Direction.Past; break;
                case "future": DirectionWords[row[1]] = Direction.Future; break;
                case "near": DirectionWords.TryAdd(row[1], Direction.Near); break;
                case "part": PartWords.Add(row[1]); break;
                case "unit": UnitWords[row[1]] = Enum.Parse<TimeGranularity>(row[2]); break;
                case "relative": RelativeLeads.Add(row[1]); break;
                case "deictic": DeicticWords[row[1]] = int.Parse(row[2], CultureInfo.InvariantCulture); break;
            }
        }
    }

    private readonly TimeOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    public TimeExpressionRecognizer()
        : this(new TimeOptions())
    {
    }

    public override void Process(Document document)
    {
        var text = document.Text;
        DateOnly? anchor = document.Article.Published is { } published
            ? new DateOnly(published.Value.Year, published.Value.Month, published.Value.Day)
            : null;
        var found = new List<TimeExpression>();
        foreach (var sentence in WordLayer.Of(document, _options.MaxSentenceChars))
        {
            var tokens = sentence.Words;
            var future = tokens.Exists(t => t.Kind == ScanKind.Word && FutureMarkers.Contains(t.Of(text).ToString()));
            for (var i = 0; i < tokens.Count; i++)
            {
                if (TryRead(text, tokens, i, anchor, future, out var expression, out var next))
                {
                    found.Add(expression);
                    i = next - 1;
                }
            }
        }
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.TimeExpressions = [.. found];
    }

    private bool TryRead(string text, List<Scanned> tokens, int i, DateOnly? anchor, bool future, out TimeExpression expression, out int next)
    {
        expression = default;
        next = i + 1;
        var token = tokens[i];
        var first = i;
        var direction = Direction.None;
        if (i > 0 && tokens[i - 1].Kind == ScanKind.Word && DirectionWords.TryGetValue(tokens[i - 1].Of(text).ToString(), out var before)) direction = before;
        if (i > 1 && tokens[i - 1].Of(text) is "-" && PartWords.Contains(tokens[i - 2].Of(text).ToString())) direction = Direction.Near;

        if (token.Kind == ScanKind.Word)
        {
            var word = token.Of(text);
            // A capitalised "Today" inside a sentence is a title ("NBC's Today"), not the day.
            if (DeicticWords.TryGetValue(word.ToString(), out var offset) && (i == 0 || !char.IsUpper(word[0])))
            {
                if (!anchor.HasValue)
                {
                    expression = new TimeExpression(Span(tokens, i, i + 1), "XXXX-XX-XX", TimeGranularity.Day, true, 0f);
                    return true;
                }
                expression = new TimeExpression(Span(tokens, i, i + 1), DayValue(anchor.Value.AddDays(offset)), TimeGranularity.Day, true, _options.RelativeConfidence);
                return true;
            }
            if (i + 1 < tokens.Count && RelativeLeads.Contains(word.ToString()) && IsRelativeHead(text, tokens[i + 1]))
            {
                return TryRelative(text, tokens, i, anchor, out expression, out next);
            }
            if (word.Equals("earlier", StringComparison.OrdinalIgnoreCase) || word.Equals("later", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 2 < tokens.Count && tokens[i + 1].Is(text, "this") && UnitWords.ContainsKey(tokens[i + 2].Of(text).ToString()))
                {
                    if (TryRelative(text, tokens, i + 1, anchor, out expression, out next))
                    {
                        expression = expression with { Span = TextSpan.FromBounds(token.Start, expression.Span.End) };
                        return true;
                    }
                }
                return false;
            }
            var month = token.IsCapitalized(text) ? CalendarNames.Month(word) : 0;
            if (month > 0) return TryMonthFirst(text, tokens, i, month, direction, anchor, out expression, out next);
            var weekday = token.IsCapitalized(text) ? CalendarNames.Weekday(word) : 0;
            // "Super Tuesday", "Black Friday": a capitalised word before the weekday makes it a name.
            var named = i > 0 && tokens[i - 1].IsCapitalized(text) && !RelativeLeads.Contains(tokens[i - 1].Of(text).ToString()) &&
                !DirectionWords.ContainsKey(tokens[i - 1].Of(text).ToString()) && !(i - 1 == 0);
            if (weekday > 0 && word.Length > 4 && !named)
            {
                if (future && direction is Direction.None or Direction.Near) direction = Direction.Future;
                var lead = i > 0 && RelativeLeads.Contains(tokens[i - 1].Of(text).ToString()) ? i - 1 : i;
                return TryWeekday(tokens, lead, i, weekday, direction, anchor, out expression, out next);
            }
            return false;
        }

        if (token.Kind == ScanKind.Number && IsPlainInteger(text, token))
        {
            var value = ParseInt(token.Of(text));
            // ISO date written out: 2021-09-01.
            if (token.Length == 4 && i + 4 < tokens.Count && tokens[i + 1].Of(text) is "-" && tokens[i + 3].Of(text) is "-" &&
                !tokens[i + 1].SpaceBefore && !tokens[i + 2].SpaceBefore && !tokens[i + 3].SpaceBefore && !tokens[i + 4].SpaceBefore &&
                tokens[i + 2].Kind == ScanKind.Number && tokens[i + 4].Kind == ScanKind.Number &&
                TryDate(value, ParseInt(tokens[i + 2].Of(text)), ParseInt(tokens[i + 4].Of(text)), out var iso))
            {
                expression = new TimeExpression(Span(tokens, i, i + 5), DayValue(iso), TimeGranularity.Day);
                next = i + 5;
                return true;
            }
            // Day before month: "1 September 2021", "14th of February".
            if (value is >= 1 and <= 31 && token.Length <= 2)
            {
                var j = i + 1;
                if (j < tokens.Count && !tokens[j].SpaceBefore && OrdinalSuffixes.Contains(tokens[j].Of(text).ToString())) j++;
                if (j < tokens.Count && tokens[j].Is(text, "of")) j++;
                if (j < tokens.Count && tokens[j].IsCapitalized(text) && CalendarNames.Month(tokens[j].Of(text)) is var m and > 0)
                {
                    var end = j + 1;
                    if (end < tokens.Count && tokens[end].Of(text) is "." && !tokens[end].SpaceBefore) end++;
                    int? year = null;
                    if (end < tokens.Count && IsYear(text, tokens[end]))
                    {
                        year = ParseInt(tokens[end].Of(text));
                        end++;
                    }
                    return Finish(tokens, first, end, year, m, value, direction, anchor, out expression, out next);
                }
            }
            // A year with a cue before it: "in 2013", "since 2015", "mid-2020", "the 2016 election".
            if (IsYear(text, token) && (direction != Direction.None))
            {
                if (i + 1 < tokens.Count && (tokens[i + 1].Of(text) is "%" || (!tokens[i + 1].SpaceBefore && tokens[i + 1].Kind == ScanKind.Word))) return false;
                var start = i;
                if (i > 1 && tokens[i - 1].Of(text) is "-" && PartWords.Contains(tokens[i - 2].Of(text).ToString())) start = i - 2;
                else if (i > 0 && PartWords.Contains(tokens[i - 1].Of(text).ToString())) start = i - 1;
                expression = new TimeExpression(Span(tokens, start, i + 1), value.ToString("D4", CultureInfo.InvariantCulture), TimeGranularity.Year);
                next = i + 1;
                return true;
            }
            // "three days ago" with digits: "3 days ago".
            if (i + 2 < tokens.Count && UnitWords.TryGetValue(tokens[i + 1].Of(text).ToString(), out var agoUnit) && tokens[i + 2].Is(text, "ago"))
            {
                return Ago(tokens, i, value, agoUnit, anchor, out expression, out next);
            }
        }
        return false;
    }

    private static bool IsRelativeHead(string text, Scanned head)
    {
        var word = head.Of(text).ToString();
        return UnitWords.ContainsKey(word) && !word.EndsWith('s');
    }

    /// <summary>"last week", "next year", "this month", "past weekend": the unit shifted from the publication date.</summary>
    private bool TryRelative(string text, List<Scanned> tokens, int i, DateOnly? anchor, out TimeExpression expression, out int next)
    {
        expression = default;
        next = i + 2;
        var lead = tokens[i].Of(text);
        var unit = UnitWords[tokens[i + 1].Of(text).ToString()];
        var shift = DirectionWords.GetValueOrDefault(lead.ToString()) switch
        {
            Direction.Past => -1,
            Direction.Future => 1,
            _ => 0,
        };
        var span = Span(tokens, i, i + 2);
        if (unit == TimeGranularity.Day) return false;
        if (!anchor.HasValue)
        {
            expression = new TimeExpression(span, unit switch { TimeGranularity.Year => "XXXX", TimeGranularity.Month => "XXXX-XX", _ => "XXXX-WXX" }, unit, true, 0f);
            return true;
        }
        var a = anchor.Value;
        var value = unit switch
        {
            TimeGranularity.Year => (a.Year + shift).ToString("D4", CultureInfo.InvariantCulture),
            TimeGranularity.Month => MonthValue(a.AddMonths(shift).Year, a.AddMonths(shift).Month),
            _ => WeekValue(a.AddDays(7 * shift)),
        };
        expression = new TimeExpression(span, value, unit, true, _options.RelativeConfidence);
        return true;
    }

    private bool TryMonthFirst(string text, List<Scanned> tokens, int i, int month, Direction direction, DateOnly? anchor, out TimeExpression expression, out int next)
    {
        expression = default;
        next = i + 1;
        var j = i + 1;
        var abbreviation = tokens[i].Length <= 4 && CalendarNames.Month(tokens[i].Of(text)) > 0 && tokens[i].Of(text) is not "May" and not "June" and not "July";
        if (j < tokens.Count && tokens[j].Of(text) is "." && !tokens[j].SpaceBefore) j++;
        if (j < tokens.Count && tokens[j].Kind == ScanKind.Number && IsPlainInteger(text, tokens[j]) && tokens[j].Length <= 2 && ParseInt(tokens[j].Of(text)) is var day and >= 1 and <= 31)
        {
            var end = j + 1;
            if (end < tokens.Count && !tokens[end].SpaceBefore && OrdinalSuffixes.Contains(tokens[end].Of(text).ToString())) end++;
            // "September 11 attacks" and "May 5" read the same; a following ':' or digit group is a time or a score.
            if (end < tokens.Count && !tokens[end].SpaceBefore && tokens[end].Kind != ScanKind.Punct) return false;
            int? year = null;
            if (end + 1 < tokens.Count && tokens[end].Of(text) is "," && IsYear(text, tokens[end + 1]))
            {
                year = ParseInt(tokens[end + 1].Of(text));
                end += 2;
            }
            else if (end < tokens.Count && IsYear(text, tokens[end]))
            {
                year = ParseInt(tokens[end].Of(text));
                end++;
            }
            return Finish(tokens, LeadStart(text, tokens, i), end, year, month, day, direction, anchor, out expression, out next);
        }
        var k = j;
        if (k < tokens.Count && tokens[k].Is(text, "of")) k++;
        if (k < tokens.Count && IsYear(text, tokens[k]))
        {
            var year = ParseInt(tokens[k].Of(text));
            expression = new TimeExpression(Span(tokens, LeadStart(text, tokens, i), k + 1), MonthValue(year, month), TimeGranularity.Month);
            next = k + 1;
            return true;
        }
        // A bare month needs a cue when its name is also a common word ("may", "march") or an abbreviation.
        var bareOk = direction != Direction.None || (!abbreviation && month != 5 && month != 3 && i > 0);
        if (!bareOk) return false;
        return Finish(tokens, LeadStart(text, tokens, i), j == i + 1 ? i + 1 : j, null, month, null, direction, anchor, out expression, out next);
    }

    // "in late May", "last June": the span starts at "late"/"last" so readers see the qualifier.
    private static int LeadStart(string text, List<Scanned> tokens, int i)
    {
        var start = i;
        if (start > 0 && PartWords.Contains(tokens[start - 1].Of(text).ToString())) start--;
        else if (start > 1 && tokens[start - 1].Of(text) is "-" && PartWords.Contains(tokens[start - 2].Of(text).ToString())) start -= 2;
        if (start > 0 && (tokens[start - 1].Is(text, "last") || tokens[start - 1].Is(text, "next") || tokens[start - 1].Is(text, "this"))) start--;
        return start;
    }

    private bool Finish(List<Scanned> tokens, int first, int end, int? year, int month, int? day, Direction direction, DateOnly? anchor, out TimeExpression expression, out int next)
    {
        expression = default;
        next = end;
        var span = Span(tokens, first, end);
        if (year is { } known)
        {
            if (day is { } d)
            {
                if (!TryDate(known, month, d, out var date)) return false;
                expression = new TimeExpression(span, DayValue(date), TimeGranularity.Day);
            }
            else
            {
                expression = new TimeExpression(span, MonthValue(known, month), TimeGranularity.Month);
            }
            return true;
        }
        if (day is { } dd && (month < 1 || dd > DateTime.DaysInMonth(2000, month))) return false;
        if (!anchor.HasValue || !_options.InferMissingYear)
        {
            var unknown = day is { } d2
                ? $"XXXX-{month:D2}-{d2:D2}"
                : $"XXXX-{month:D2}";
            expression = new TimeExpression(span, unknown, day.HasValue ? TimeGranularity.Day : TimeGranularity.Month, anchor.HasValue);
            return true;
        }
        var inferred = InferYear(anchor.Value, month, day ?? 15, direction);
        if (day is { } d3)
        {
            if (!TryDate(inferred, month, d3, out var date)) return false;
            expression = new TimeExpression(span, DayValue(date), TimeGranularity.Day, true, _options.InferredConfidence);
        }
        else
        {
            expression = new TimeExpression(span, MonthValue(inferred, month), TimeGranularity.Month, true, _options.InferredConfidence);
        }
        return true;
    }

    /// <summary>The year that puts month/day nearest the anchor, or the nearest one before/after it when the cue says so.</summary>
    private static int InferYear(DateOnly anchor, int month, int day, Direction direction)
    {
        var best = anchor.Year;
        var bestDistance = int.MaxValue;
        for (var year = anchor.Year - 1; year <= anchor.Year + 1; year++)
        {
            var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
            var distance = candidate.DayNumber - anchor.DayNumber;
            if (direction == Direction.Past && distance > 0 && !(candidate.Month == anchor.Month && candidate.Year == anchor.Year)) continue;
            if (direction == Direction.Future && distance < 0 && !(candidate.Month == anchor.Month && candidate.Year == anchor.Year)) continue;
            // Ties and near-ties go to the past: news mostly reports what happened.
            var weighted = distance > 0 ? distance * 2 : -distance;
            if (weighted < bestDistance)
            {
                bestDistance = weighted;
                best = year;
            }
        }
        return best;
    }

    private bool TryWeekday(List<Scanned> tokens, int first, int i, int weekday, Direction direction, DateOnly? anchor, out TimeExpression expression, out int next)
    {
        next = i + 1;
        var span = Span(tokens, first, i + 1);
        if (!anchor.HasValue)
        {
            expression = new TimeExpression(span, "XXXX-XX-XX", TimeGranularity.Day, true, 0f);
            return true;
        }
        var a = anchor.Value;
        var today = (int)a.DayOfWeek == 0 ? 7 : (int)a.DayOfWeek;
        DateOnly date;
        if (direction == Direction.Future)
        {
            // "next Monday" skips the current week's; "will meet on Monday" said on a Monday means that day.
            var ahead = (weekday - today + 7) % 7;
            var explicitNext = first < i;
            date = a.AddDays(ahead == 0 && explicitNext ? 7 : ahead);
        }
        else
        {
            // A bare weekday in a news report is most often the most recent one (the day of publication
            // included); "last Wednesday" said on a Wednesday is the week before.
            var back = (today - weekday + 7) % 7;
            date = a.AddDays(back == 0 && first < i ? -7 : -back);
        }
        expression = new TimeExpression(span, DayValue(date), TimeGranularity.Day, true, _options.RelativeConfidence);
        return true;
    }

    private bool Ago(List<Scanned> tokens, int i, int amount, TimeGranularity unit, DateOnly? anchor, out TimeExpression expression, out int next)
    {
        next = i + 3;
        var span = Span(tokens, i, i + 3);
        if (!anchor.HasValue || amount > 1000)
        {
            expression = new TimeExpression(span, "XXXX", unit, true, 0f);
            return true;
        }
        var a = anchor.Value;
        var value = unit switch
        {
            TimeGranularity.Day => DayValue(a.AddDays(-amount)),
            TimeGranularity.Week => WeekValue(a.AddDays(-7 * amount)),
            TimeGranularity.Month => MonthValue(a.AddMonths(-amount).Year, a.AddMonths(-amount).Month),
            _ => (a.Year - amount).ToString("D4", CultureInfo.InvariantCulture),
        };
        expression = new TimeExpression(span, value, unit, true, _options.RelativeConfidence);
        return true;
    }

    private bool IsYear(string text, Scanned token)
    {
        if (token.Kind != ScanKind.Number || token.Length != 4 || !IsPlainInteger(text, token)) return false;
        var value = ParseInt(token.Of(text));
        return value >= _options.MinYear && value <= _options.MaxYear;
    }

    private static bool IsPlainInteger(string text, Scanned token)
    {
        foreach (var c in token.Of(text))
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return token.Length <= 9;
    }

    private static int ParseInt(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static TextSpan Span(List<Scanned> tokens, int first, int end) => TextSpan.FromBounds(tokens[first].Start, tokens[end - 1].End);

    private static string DayValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string MonthValue(int year, int month) => $"{year:D4}-{month:D2}";

    private static string WeekValue(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dateTime):D4}-W{ISOWeek.GetWeekOfYear(dateTime):D2}";
    }
}
