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
public sealed partial class TimeExpressionRecognizer(TimeOptions options)
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

    private TimeRule[]? _ruleTable;

    /// <summary>The table without the rules <see cref="TimeOptions.Without"/> leaves out.</summary>
    private TimeRule[] ActiveRules => _ruleTable ??= [.. TimeRules.Where(rule => !_options.Without.Contains(rule.Name))];

    /// <summary>The rules' names and examples, in table order (for tests and documentation).</summary>
    public static IReadOnlyList<(TimeRuleName Name, string Example)> RuleExamples { get; } =
        [.. new TimeExpressionRecognizer().TimeRules.Select(rule => (rule.Name, rule.Example))];

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
        var calendar = LocaleCalendar.For(document.Article.Language);
        var found = new List<TimeExpression>();
        foreach (var sentence in WordLayer.Of(document, _options.MaxSentenceChars))
        {
            var tokens = sentence.Words;
            var future = HasFutureMarker(text, tokens);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (TryRead(text, tokens, i, anchor, future, calendar, out var expression, out var next))
                {
                    found.Add(expression);
                    i = next - 1;
                }
            }
        }
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.TimeExpressions = [.. found];
    }

    /// <summary>What one rule of <see cref="TimeRules"/> sees: a token of a sentence, with what the words around it say.</summary>
    private readonly record struct TimeSite(string Text, List<Scanned> Tokens, int Index, DateOnly? Anchor, bool Future, Direction Direction, LocaleCalendar? Calendar = null)
    {
        public Scanned Token => Tokens[Index];
    }

    /// <summary>
    /// The outcome of one rule at one token: it does not apply (the next rule is tried), it found an expression, or it
    /// applies and finds none there (no later rule is tried: "May" read as a month that is no date is no weekday either).
    /// </summary>
    private enum RuleOutcome
    {
        NotApplicable,
        Found,
        Nothing,
    }

    private delegate RuleOutcome TimeRuleRead(TimeSite site, out TimeExpression expression, out int next);

    /// <summary>One named rule of the time table, with an example it reads.</summary>
    private sealed record TimeRule(TimeRuleName Name, string Example, bool OnWords, TimeRuleRead Read)
    {
        /// <summary>A rule of the document's language (calendar-xx.txt), not an English one.</summary>
        public bool Locale { get; } = Name.ToString().StartsWith("Locale", StringComparison.Ordinal);
    }

    /// <summary>The rules in the order they are tried at each token; the first that applies decides (see <see cref="TimeRuleName"/>).</summary>
    private TimeRule[] TimeRules =>
    [
        // The document's language, when it has a calendar-xx.txt (English has none): tried first, so no English
        // rule settles a foreign word before them.
        new(TimeRuleName.LocaleDeictic, "Le port a rouvert hier.", OnWords: true, ReadLocaleDeictic),
        new(TimeRuleName.LocaleWeekday, "Der Bürgermeister sprach am Montag.", OnWords: true, ReadLocaleWeekday),
        new(TimeRuleName.LocaleRelative, "Мост закрыли на прошлой неделе.", OnWords: true, ReadLocaleRelative),
        new(TimeRuleName.LocaleMonthYear, "Die Brücke wurde im März 2020 eröffnet.", OnWords: true, ReadLocaleMonthYear),
        new(TimeRuleName.LocaleDigitDate, "Le décret est daté du 05/03/2024.", OnWords: false, ReadLocaleDigitDate),
        new(TimeRuleName.LocaleDayMonth, "El puente abrió el 5 de mayo de 2021.", OnWords: false, ReadLocaleDayMonth),
        new(TimeRuleName.Deictic, "The ferry ran again yesterday.", OnWords: true, ReadDeictic),
        new(TimeRuleName.Relative, "The harbour closed last week.", OnWords: true, ReadRelative),
        new(TimeRuleName.EarlierThis, "The pier reopened earlier this month.", OnWords: true, ReadEarlierThis),
        new(TimeRuleName.MonthFirst, "The vote is on Sept. 20, 2024.", OnWords: true, ReadMonthFirst),
        new(TimeRuleName.Weekday, "The mayor spoke on Tuesday.", OnWords: true, ReadWeekday),
        new(TimeRuleName.IsoDate, "The notice is dated 2021-09-01.", OnWords: false, ReadIsoDate),
        new(TimeRuleName.DayFirst, "The bridge opened on 1 September 2021.", OnWords: false, ReadDayFirst),
        new(TimeRuleName.CuedYear, "The port was built in 2013.", OnWords: false, ReadCuedYear),
        new(TimeRuleName.DigitsAgo, "The storm hit 3 days ago.", OnWords: false, ReadDigitsAgo),
    ];

    private bool TryRead(string text, List<Scanned> tokens, int i, DateOnly? anchor, bool future, LocaleCalendar? calendar, out TimeExpression expression, out int next)
    {
        expression = default;
        next = i + 1;
        var token = tokens[i];
        var onWord = token.Kind == ScanKind.Word;
        // A digit run with dots is a date only in a language with a calendar ("05.03.2024"); English reads plain integers.
        if (!onWord && !(token.Kind == ScanKind.Number && (IsPlainInteger(text, token) || calendar is not null))) return false;
        // The English rules read only words in ASCII letters: a word of a language with a calendar that starts otherwise
        // ("été", "вчера", "上") is tried by the calendar's rules alone, and passed over at once when no calendar word
        // starts with its letter, as most words of such a text.
        var localeOnly = onWord && calendar is not null && !char.IsAscii(text[token.Start]);
        if (localeOnly && !calendar!.CouldStart(text[token.Start])) return false;
        var direction = Direction.None;
        // Span lookups: these run at every word of every sentence, where a string per word was the stage's main cost.
        if (i > 0 && tokens[i - 1].Kind == ScanKind.Word && DirectionWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[i - 1].Of(text), out var before)) direction = before;
        if (i > 1 && tokens[i - 1].Of(text) is "-" && PartWords.Contains(tokens[i - 2].Of(text).ToString())) direction = Direction.Near;
        var site = new TimeSite(text, tokens, i, anchor, future, direction, calendar);
        foreach (var rule in ActiveRules)
        {
            if (rule.OnWords != onWord || (localeOnly && !rule.Locale)) continue;
            switch (rule.Read(site, out expression, out next))
            {
                case RuleOutcome.Found:
                    expression = expression with { Rule = rule.Name.ToString() };
                    return true;
                case RuleOutcome.Nothing:
                    next = i + 1;
                    return false;
            }
        }
        next = i + 1;
        return false;
    }

    private static RuleOutcome Outcome(bool found) => found ? RuleOutcome.Found : RuleOutcome.Nothing;

    /// <summary>"yesterday", "today": a day counted from the publication date; a capitalised "Today" inside a sentence is a title ("NBC's Today").</summary>
    private RuleOutcome ReadDeictic(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var word = site.Token.Of(site.Text);
        if (!DeicticWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var offset) || (site.Index > 0 && char.IsUpper(word[0]))) return RuleOutcome.NotApplicable;
        var span = Span(site.Tokens, site.Index, site.Index + 1);
        expression = site.Anchor is { } anchor
            ? new TimeExpression(span, DayValue(anchor.AddDays(offset)), TimeGranularity.Day, true, _options.RelativeConfidence)
            : new TimeExpression(span, "XXXX-XX-XX", TimeGranularity.Day, true, 0f);
        return RuleOutcome.Found;
    }

    /// <summary>"last week", "next year", "this month".</summary>
    private RuleOutcome ReadRelative(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        if (i + 1 >= tokens.Count || !RelativeLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(site.Token.Of(text)) || !IsRelativeHead(text, tokens[i + 1])) return RuleOutcome.NotApplicable;
        return Outcome(TryRelative(text, tokens, i, site.Anchor, out expression, out next));
    }

    /// <summary>"earlier this month", "later this year": the relative phrase after "earlier" or "later", the span taking it in.</summary>
    private RuleOutcome ReadEarlierThis(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        var word = site.Token.Of(text);
        if (!word.Equals("earlier", StringComparison.OrdinalIgnoreCase) && !word.Equals("later", StringComparison.OrdinalIgnoreCase)) return RuleOutcome.NotApplicable;
        if (i + 2 < tokens.Count && tokens[i + 1].Is(text, "this") && UnitWords.ContainsKey(tokens[i + 2].Of(text).ToString()) &&
            TryRelative(text, tokens, i + 1, site.Anchor, out expression, out next))
        {
            expression = expression with { Span = TextSpan.FromBounds(site.Token.Start, expression.Span.End) };
            return RuleOutcome.Found;
        }
        return RuleOutcome.Nothing;
    }

    /// <summary>"Sept. 20, 2024", "January 2013", "in late May": a capitalised month name and what follows it.</summary>
    private RuleOutcome ReadMonthFirst(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var month = site.Token.IsCapitalized(site.Text) ? CalendarNames.Month(site.Token.Of(site.Text)) : 0;
        if (month <= 0) return RuleOutcome.NotApplicable;
        return Outcome(TryMonthFirst(site.Text, site.Tokens, site.Index, month, site.Direction, site.Anchor, out expression, out next));
    }

    /// <summary>"on Tuesday", "next Monday": a weekday resolved against the publication date; "Super Tuesday" is a name.</summary>
    private RuleOutcome ReadWeekday(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        var word = site.Token.Of(text);
        var weekday = site.Token.IsCapitalized(text) ? CalendarNames.Weekday(word) : 0;
        var named = i > 0 && tokens[i - 1].IsCapitalized(text) && !RelativeLeads.Contains(tokens[i - 1].Of(text).ToString()) &&
            !DirectionWords.ContainsKey(tokens[i - 1].Of(text).ToString()) && !(i - 1 == 0);
        if (weekday <= 0 || word.Length <= 4 || named) return RuleOutcome.Nothing;
        var direction = site.Future && site.Direction is Direction.None or Direction.Near ? Direction.Future : site.Direction;
        var lead = i > 0 && RelativeLeads.Contains(tokens[i - 1].Of(text).ToString()) ? i - 1 : i;
        return Outcome(TryWeekday(tokens, lead, i, weekday, direction, site.Anchor, out expression, out next));
    }

    /// <summary>"2021-09-01": an ISO date written out.</summary>
    private static RuleOutcome ReadIsoDate(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        var token = site.Token;
        if (token.Length == 4 && i + 4 < tokens.Count && tokens[i + 1].Of(text) is "-" && tokens[i + 3].Of(text) is "-" &&
            !tokens[i + 1].SpaceBefore && !tokens[i + 2].SpaceBefore && !tokens[i + 3].SpaceBefore && !tokens[i + 4].SpaceBefore &&
            tokens[i + 2].Kind == ScanKind.Number && tokens[i + 4].Kind == ScanKind.Number &&
            TryDate(ParseInt(token.Of(text)), ParseInt(tokens[i + 2].Of(text)), ParseInt(tokens[i + 4].Of(text)), out var iso))
        {
            expression = new TimeExpression(Span(tokens, i, i + 5), DayValue(iso), TimeGranularity.Day);
            next = i + 5;
            return RuleOutcome.Found;
        }
        return RuleOutcome.NotApplicable;
    }

    /// <summary>"1 September 2021", "14th of February": a day number before a capitalised month name.</summary>
    private RuleOutcome ReadDayFirst(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        var value = ParseInt(site.Token.Of(text));
        if (value is < 1 or > 31 || site.Token.Length > 2) return RuleOutcome.NotApplicable;
        var j = i + 1;
        if (j < tokens.Count && !tokens[j].SpaceBefore && OrdinalSuffixes.Contains(tokens[j].Of(text).ToString())) j++;
        if (j < tokens.Count && tokens[j].Is(text, "of")) j++;
        if (j >= tokens.Count || !tokens[j].IsCapitalized(text) || CalendarNames.Month(tokens[j].Of(text)) is not (var month and > 0)) return RuleOutcome.NotApplicable;
        var end = j + 1;
        if (end < tokens.Count && tokens[end].Of(text) is "." && !tokens[end].SpaceBefore) end++;
        int? year = null;
        if (end < tokens.Count && IsYear(text, tokens[end]))
        {
            year = ParseInt(tokens[end].Of(text));
            end++;
        }
        return Outcome(Finish(tokens, i, end, year, month, value, site.Direction, site.Anchor, out expression, out next));
    }

    /// <summary>"in 2013", "since 2015", "mid-2020": a year after a cue; "2016-style", "2013%" are not years.</summary>
    private RuleOutcome ReadCuedYear(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        if (!IsYear(text, site.Token) || site.Direction == Direction.None) return RuleOutcome.NotApplicable;
        if (i + 1 < tokens.Count && (tokens[i + 1].Of(text) is "%" || (!tokens[i + 1].SpaceBefore && tokens[i + 1].Kind == ScanKind.Word))) return RuleOutcome.Nothing;
        var start = i;
        if (i > 1 && tokens[i - 1].Of(text) is "-" && PartWords.Contains(tokens[i - 2].Of(text).ToString())) start = i - 2;
        else if (i > 0 && PartWords.Contains(tokens[i - 1].Of(text).ToString())) start = i - 1;
        expression = new TimeExpression(Span(tokens, start, i + 1), ParseInt(site.Token.Of(text)).ToString("D4", CultureInfo.InvariantCulture), TimeGranularity.Year);
        return RuleOutcome.Found;
    }

    /// <summary>"3 days ago": a count of units back from the publication date.</summary>
    private RuleOutcome ReadDigitsAgo(TimeSite site, out TimeExpression expression, out int next)
    {
        expression = default;
        next = site.Index + 1;
        var (text, tokens, i) = (site.Text, site.Tokens, site.Index);
        if (i + 2 >= tokens.Count || !UnitWords.TryGetValue(tokens[i + 1].Of(text).ToString(), out var unit) || !tokens[i + 2].Is(text, "ago")) return RuleOutcome.NotApplicable;
        return Outcome(Ago(tokens, i, ParseInt(site.Token.Of(text)), unit, site.Anchor, out expression, out next));
    }

    private static bool HasFutureMarker(string text, List<Scanned> tokens)
    {
        var markers = FutureMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in tokens)
        {
            if (token.Kind == ScanKind.Word && markers.Contains(token.Of(text))) return true;
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
            expression = new TimeExpression(span, UnknownValue(unit), unit, true, 0f);
            return true;
        }
        expression = new TimeExpression(span, ShiftedValue(anchor.Value, unit, shift), unit, true, _options.RelativeConfidence);
        return true;
    }

    /// <summary>A relative year, month or week with no publication date to count from.</summary>
    private static string UnknownValue(TimeGranularity unit) => unit switch { TimeGranularity.Year => "XXXX", TimeGranularity.Month => "XXXX-XX", _ => "XXXX-WXX" };

    /// <summary>The year, month or week <paramref name="shift"/> units from <paramref name="anchor"/>'s.</summary>
    private static string ShiftedValue(DateOnly anchor, TimeGranularity unit, int shift) => unit switch
    {
        TimeGranularity.Year => (anchor.Year + shift).ToString("D4", CultureInfo.InvariantCulture),
        TimeGranularity.Month => MonthValue(anchor.AddMonths(shift).Year, anchor.AddMonths(shift).Month),
        _ => WeekValue(anchor.AddDays(7 * shift)),
    };

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
        expression = new TimeExpression(span, DayValue(WeekdayDate(anchor.Value, weekday, direction, first < i)), TimeGranularity.Day, true, _options.RelativeConfidence);
        return true;
    }

    /// <summary>The day a weekday names, seen from <paramref name="anchor"/>; <paramref name="shifted"/> when a word says "next" or "last".</summary>
    private static DateOnly WeekdayDate(DateOnly anchor, int weekday, Direction direction, bool shifted)
    {
        var today = IsoWeekday(anchor);
        if (direction == Direction.Future)
        {
            // "next Monday" skips the current week's; "will meet on Monday" said on a Monday means that day.
            var ahead = (weekday - today + 7) % 7;
            return anchor.AddDays(ahead == 0 && shifted ? 7 : ahead);
        }
        // A bare weekday in a news report is most often the most recent one (the day of publication
        // included); "last Wednesday" said on a Wednesday is the week before.
        var back = (today - weekday + 7) % 7;
        return anchor.AddDays(back == 0 && shifted ? -7 : -back);
    }

    private static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

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

    private static int ParseInt(ReadOnlySpan<char> digits) => DecimalDigits.ParseInteger(digits) ?? -1;

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
