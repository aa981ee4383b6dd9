using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Annotation.Time;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quantities;

/// <summary>
/// Finds numbers with what they measure: counts with the noun they count, money with its ISO 4217
/// currency (normalised to USD at the article's date), percentages, measures, ranges, hedges and
/// rate periods. Years, dates, clock times, ordinals and numbers inside names or codes are skipped
/// by general rules; absurdly long or large numbers are rejected and noted as a diagnostic.
/// </summary>
public sealed class QuantityRecognizer(QuantityOptions options)
    : DocumentStage("quantities", [Layer.Sentences], [Layer.Quantities])
{
    private static readonly FrozenSet<string> TimeMarkers = Lexicon.Set(typeof(QuantityRecognizer).Assembly, "Quantities/Data/time-markers.txt", LexiconCase.IgnoreCase);
    private static readonly FrozenSet<string> QualifierBlockers = Lexicon.Set(typeof(QuantityRecognizer).Assembly, "Quantities/Data/qualifier-blockers.txt", LexiconCase.IgnoreCase);
    private static readonly FrozenSet<string> Durations = Lexicon.Set(typeof(QuantityRecognizer).Assembly, "Quantities/Data/durations.txt", LexiconCase.IgnoreCase);

    private readonly QuantityOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly QuantityLexicon _lexicon = QuantityLexicon.Instance;

    public QuantityRecognizer()
        : this(new QuantityOptions())
    {
    }

    /// <summary>The names of the rule table's rules, in the order they are tried.</summary>
    public static IReadOnlyList<string> RuleNames { get; } = [.. QuantityRules.Table.Select(r => r.Name)];

    public override void Process(Document document)
    {
        var text = document.Text;
        var published = document.Article.Published?.Value;
        var locale = LocaleNumbers.For(document.Article.Language);
        var found = new List<Quantity>();
        var rejected = 0;
        foreach (var sentence in WordLayer.Of(document, _options.MaxSentenceChars))
        {
            rejected += Recognize(new QuantityScan(text, sentence.Words, published, locale), found);
        }
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.Quantities = [.. found];
        if (rejected > 0)
        {
            document.Diagnostics.Add(new Diagnostic(Name, DiagnosticSeverity.Info,
                $"{rejected} number(s) rejected as absurd (more than {_options.MaxDigits} digits, above {_options.MaxValue:0e0}, or an exponent)"));
        }
    }

    /// <summary>A number as read from the text, before its context is examined.</summary>
    internal struct NumberRead
    {
        public double Value;
        public int First;
        public int End;
        public bool Digits;
        public bool Plain;
        public double Scale;
        public bool Absurd;

        /// <summary>The scale abbreviation glued to the digits ("m" of "600m"), if any.</summary>
        public string? Suffix;
    }

    /// <summary>Tries the rule table at every word; returns how many numbers were rejected as absurd.</summary>
    private int Recognize(QuantityScan scan, List<Quantity> found)
    {
        var rejected = 0;
        for (var i = 0; i < scan.Count; i++)
        {
            if (!MayStartQuantity(scan, i)) continue;
            foreach (var rule in QuantityRules.Table)
            {
                if (_options.Without.Contains(rule.Name) || rule.Match(this, scan, i) is not { } match) continue;
                if (match.Quantity is { } quantity)
                {
                    if (double.IsNaN(quantity.Value)) rejected++;
                    else found.Add(quantity);
                }
                i = Math.Max(i, match.Next - 1);
                break;
            }
        }
        return rejected;
    }

    /// <summary>
    /// Every rule starts at a number or at a word that can open one (a number word, "a" of "a thousand",
    /// "half", "dozens", "sixfold"); the other words are passed over without trying the table.
    /// </summary>
    private bool MayStartQuantity(QuantityScan scan, int i)
    {
        var token = scan.Tokens[i];
        if (token.Kind == ScanKind.Number) return true;
        if (token.Kind != ScanKind.Word) return false;
        var word = token.Of(scan.Text);
        if (scan.Locale is { Unspaced: true } && LocaleAmountReader.IsChineseNumeral(word[0])) return true;
        if (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            // "a thousand", "a third of": only before a scale or a fraction word.
            var next = i + 1 < scan.Count ? scan.Tokens[i + 1].Of(scan.Text) : default;
            return _lexicon.ScaleLookup.ContainsKey(next) || QuantityRules.Denominators.ContainsKey(next);
        }
        return _lexicon.UnitLookup.ContainsKey(word) || _lexicon.ScaleLookup.ContainsKey(word) || QuantityRules.VagueAmounts.ContainsKey(word) ||
            word.Equals("half", StringComparison.OrdinalIgnoreCase) || word.EndsWith("fold", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The general number reader behind <see cref="NumberRule"/>.</summary>
    internal RuleMatch? ReadNumber(QuantityScan scan, int i, QuantityRule rule)
    {
        var text = scan.Text;
        var tokens = scan.Tokens;
        if (!TryReadNumber(text, tokens, i, out var number)) return null;
        if (number.Absurd)
        {
            // A NaN quantity is counted as rejected by the caller and never stored.
            return new RuleMatch(new Quantity(default, QuantityKind.Count, double.NaN), number.End);
        }
        if (TryBuild(scan, number, out var quantity, out var next)) return new RuleMatch(quantity with { Rule = rule.Name }, next);
        return new RuleMatch(null, number.End);
    }

    /// <summary>Money in USD at the article's date, when a converter is configured.</summary>
    internal NormalizedValue? ToUsd(double value, string currency, DateTimeOffset? published) =>
        _options.Converter is { } converter ? converter.ToUsd(value, currency, published) : null;

    internal bool TryReadNumber(QuantityScan scan, int i, out NumberRead number) => TryReadNumber(scan.Text, scan.Tokens, i, out number);

    /// <summary>The unit of an age or duration compound at token <paramref name="i"/> ("year" of "50-year-old"), else null.</summary>
    internal static string? AgeUnit(QuantityScan scan, int i) =>
        i < scan.Count && scan.Tokens[i].Kind == ScanKind.Word && QuantityLexicon.Instance.AgeUnits.TryGetValue(scan.Tokens[i].Of(scan.Text), out var unit) ? unit : null;

    /// <summary>Whether a unit, currency or percent sign starts at token <paramref name="i"/>.</summary>
    internal bool HasUnitAt(QuantityScan scan, int i)
    {
        var j = i;
        string? currency = null;
        var kind = QuantityKind.Count;
        string? unit = null;
        ReadUnitAfter(scan, ref j, ref currency, ref kind, ref unit, scaled: false);
        return j > i;
    }

    private bool TryBuild(QuantityScan scan, NumberRead number, out Quantity quantity, out int next)
    {
        var text = scan.Text;
        var tokens = scan.Tokens;
        quantity = default;
        next = number.End;
        var first = number.First;

        // Currency written before the number: a symbol ("US$4.5", "€ 5") or an upper-case code ("NOK 6 billion").
        string? currency = null;
        var symbolStart = SymbolBefore(text, tokens, first, out var symbolIso);
        if (symbolStart >= 0)
        {
            currency = symbolIso;
            while (first > 0 && tokens[first - 1].Start >= symbolStart) first--;
        }
        else if (first > 0 && tokens[first - 1].Kind == ScanKind.Word && _lexicon.CodeLookup.TryGetValue(tokens[first - 1].Of(text), out var codeBefore))
        {
            currency = codeBefore;
            first--;
        }

        // A sign: "-1.3%", "minus 387 °F" (a dash glued to the number after a space; "COVID-19" and "2,500-3,000" are not signs).
        var negative = false;
        if (first > 0 && scan.IsDash(first - 1) && !tokens[first].SpaceBefore && (first - 1 == 0 || tokens[first - 1].SpaceBefore ||
            tokens[first - 2].Kind == ScanKind.Punct && tokens[first - 2].Of(text) is "(" or "$" or "€" or "£"))
        {
            negative = true;
            first--;
        }
        else if (first > 0 && tokens[first - 1].Is(text, "minus"))
        {
            negative = true;
            first--;
        }

        var qualifier = Qualifier.None;
        var betweenRange = false;
        if (Phrase.MatchBackward(_lexicon.Qualifiers, tokens, first, text) is { } hedge &&
            !(hedge.Start > 0 && hedge.Phrase.Value == nameof(Qualifier.UpTo) && QualifierBlockers.Contains(tokens[hedge.Start - 1].Of(text).ToString())) &&
            !(hedge.Phrase.Words is ["over"] && number.End < tokens.Count && Durations.Contains(tokens[number.End].Of(text).ToString())))
        {
            qualifier = _lexicon.QualifierValues[hedge.Phrase];
            first = hedge.Start;
        }
        else if (first > 0 && tokens[first - 1].Is(text, "between"))
        {
            betweenRange = true;
        }

        var j = number.End;
        var kind = QuantityKind.Count;
        string? unit = null;
        double? high = null;
        var value = number.Value;

        // "12 cents per share": cents are hundredths of a dollar.
        if (currency is null && (scan.Is(j, "cents") || scan.Is(j, "cent")))
        {
            currency = "USD";
            value /= 100;
            j++;
        }
        ReadUnitAfter(scan, ref j, ref currency, ref kind, ref unit, number.Scale > 1);

        // "600m" is metres unless it counts something ("3.4m units") or is money.
        if (number.Suffix is "m" && currency is null && kind == QuantityKind.Count && !CountsSomething(text, tokens, j))
        {
            value /= 1e6;
            kind = QuantityKind.Measure;
            unit = "m";
        }

        // A range: "2,500 to 3,000", "2,500-3,000", "between 2,500 and 3,000", "$5 million to $10 million", "two or three".
        // A change then a level is not one: "rose 8.1 percent to 99.20 yuan", "rise from $2.75 to $3".
        var orRange = currency is null && j + 1 < tokens.Count && tokens[j].Is(text, "or");
        if (j + 1 < tokens.Count && (IsRangeWord(text, tokens[j], betweenRange) || orRange) && !(tokens[j].Is(text, "to") && AfterChange(scan, first)))
        {
            var secondStart = j + 1;
            if (currency is not null && SymbolBefore(text, tokens, secondStart + 1, out _) is var s2 && s2 >= 0 && tokens[secondStart].Start == s2) secondStart++;
            if (TryReadNumber(text, tokens, secondStart, out var second) && !second.Absurd && second.Value > 0)
            {
                var low = value;
                // "$5 to $10 million": the first end takes the second's scale, unless it is already larger ("$800,000 to $1.3 million").
                if (number.Scale == 1 && second.Scale > 1 && low * second.Scale <= second.Value) low *= second.Scale;
                var secondEnd = second.End;
                var secondCurrency = currency;
                var secondKind = kind;
                string? secondUnit = unit;
                ReadUnitAfter(scan, ref secondEnd, ref secondCurrency, ref secondKind, ref secondUnit, second.Scale > 1);
                // Both ends in one unit: "0.4 percentage points to 5.1%" is a change and a level.
                var sameUnit = kind == QuantityKind.Count || secondEnd == second.End || (secondKind == kind && secondUnit == unit && secondCurrency == currency);
                if (second.Value > low && sameUnit && !negative)
                {
                    value = low;
                    high = second.Value;
                    j = second.End;
                    ReadUnitAfter(scan, ref j, ref currency, ref kind, ref unit, second.Scale > 1);
                }
            }
        }

        if (currency is not null)
        {
            kind = QuantityKind.Money;
            unit = currency;
        }

        if (kind == QuantityKind.Count && number.Digits && IsNotACount(text, tokens, number, first, qualifier)) return false;
        // "between 2003 and 2012", "in 2006 dollars": years, even with a range or a currency name after them.
        if (number.Plain && number.Scale == 1 && IsYearLike(number.Value) && symbolStart < 0 &&
            ((high is { } to && IsYearLike(to)) || (kind == QuantityKind.Money && first > 0 && IsYearContext(text, tokens[first - 1]))))
        {
            return false;
        }
        // "three-quarters", "two-thirds": a number word inside a compound is not a count.
        if (!number.Digits && number.End + 1 < tokens.Count && tokens[number.End].Of(text) is "-" && !tokens[number.End].SpaceBefore &&
            !tokens[number.End + 1].Is(text, "strong") && kind == QuantityKind.Count)
        {
            return false;
        }

        var strong = false;
        if (j + 1 < tokens.Count && tokens[j].Of(text) is "-" && !tokens[j + 1].SpaceBefore && tokens[j + 1].Is(text, "strong"))
        {
            strong = true;
            j += 2;
        }

        var spanEnd = tokens[j - 1].End;
        var afterUnit = j;

        // What is counted: "400 trained volunteers", "2,000 of its staff", "a 5,000-strong mission".
        TextSpan? counted = null;
        string? head = null;
        if (kind is QuantityKind.Count or QuantityKind.Percent)
        {
            // A percentage counts what follows "of" ("71% of stories"); "40 percent support" names no counted set.
            if (kind == QuantityKind.Count || (j < tokens.Count && tokens[j].Is(text, "of")))
            {
                (counted, head, j) = ReadCounted(text, tokens, j, strong || kind == QuantityKind.Percent);
            }
        }

        // "498 rushing yards": a unit read as the counted noun makes a measure.
        if (kind == QuantityKind.Count && head is not null && _lexicon.MeasureWords.TryGetValue(head, out var headUnit))
        {
            kind = QuantityKind.Measure;
            unit = headUnit;
        }

        // Year-like numbers count only when they visibly count something ("2000 troops", not "in 2013").
        if (kind == QuantityKind.Count && number.Plain && number.Scale == 1 && IsYearLike(value) && high is null &&
            (head is null || (first > 0 && IsYearContext(text, tokens[first - 1]))))
        {
            return false;
        }
        if (kind == QuantityKind.Count && number.Digits && number.Plain && high is null && head is null && !strong && qualifier == Qualifier.None && IsDateOrTime(text, tokens, number))
        {
            return false;
        }

        // A bare number word ("the two", "number two") is a pronoun or a label more often than a count; "three of them" counts.
        if (!number.Digits && kind == QuantityKind.Count && head is null && qualifier == Qualifier.None && high is null && !(number.End < tokens.Count && tokens[number.End].Is(text, "of"))) return false;

        var period = ReadPeriod(text, tokens, afterUnit, j, kind, out var periodEnd);
        if (period is null && kind != QuantityKind.Count && ReadPer(scan, afterUnit, out var perEnd) is { } per)
        {
            period = per;
            periodEnd = perEnd;
        }
        if (periodEnd > 0 && periodEnd == afterUnit) spanEnd = tokens[periodEnd - 1].End;
        if (periodEnd > afterUnit && counted is null) spanEnd = tokens[periodEnd - 1].End;

        if (negative)
        {
            value = -value;
            if (high is { } h) high = -h;
        }

        NormalizedValue? normalized = null;
        if (kind == QuantityKind.Money && unit is not null && _options.Converter is { } converter)
        {
            normalized = converter.ToUsd(value, unit, scan.Published);
        }

        var spanStart = tokens[first].Start;
        if (symbolStart >= 0 && first == number.First) spanStart = Math.Min(spanStart, symbolStart);
        quantity = new Quantity(TextSpan.FromBounds(spanStart, spanEnd), kind, value, high, unit, qualifier, period, counted, head, normalized);
        next = Math.Max(number.End, Math.Max(j, periodEnd));
        return true;
    }

    /// <summary>Whether the words after a number name what it counts ("3.4m units", "2m of them").</summary>
    private bool CountsSomething(string text, List<Scanned> tokens, int j) =>
        j < tokens.Count && tokens[j].Kind == ScanKind.Word && (tokens[j].Is(text, "of") || IsPluralNoun(tokens[j].Of(text)) ||
            (j + 1 < tokens.Count && tokens[j + 1].Kind == ScanKind.Word && IsPluralNoun(tokens[j + 1].Of(text))));

    /// <summary>A verb of change shortly before a number ("rose 8.1 percent", "will rise from $2.75"): its "to" leads to the new level, not to a range's end.</summary>
    private static bool AfterChange(QuantityScan scan, int first)
    {
        for (var k = first - 1; k >= Math.Max(0, first - 4); k--)
        {
            if (scan.IsAny(k, QuantityRules.ChangeWords)) return true;
            if (scan.Tokens[k].Kind == ScanKind.Punct) return false;
        }
        return false;
    }

    /// <summary>A rate's denominator: "per barrel", "a gallon", "an hour", "per share", "each car".</summary>
    private string? ReadPer(QuantityScan scan, int at, out int end)
    {
        end = 0;
        if (at + 1 >= scan.Count || scan.Tokens[at + 1].Kind != ScanKind.Word) return null;
        var per = scan.Is(at, "per") || scan.Is(at, "each");
        var article = scan.Is(at, "a") || scan.Is(at, "an");
        if (!per && !article) return null;
        var word = scan.Tokens[at + 1].Of(scan.Text);
        string? denominator = null;
        if (Phrase.MatchForward(_lexicon.Measures, scan.Tokens, at + 1, scan.Text) is { } measure && measure.End == at + 2) denominator = measure.Phrase.Value;
        else if (per && char.IsLower(word[0])) denominator = Singular(word);
        if (denominator is null) return null;
        end = at + 2;
        return denominator == "hour" ? "h" : denominator;
    }

    private static string Singular(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant();
        return lower.Length > 3 && lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) ? lower[..^1] : lower;
    }

    private void ReadUnitAfter(QuantityScan scan, ref int j, ref string? currency, ref QuantityKind kind, ref string? unit, bool scaled)
    {
        var text = scan.Text;
        var tokens = scan.Tokens;
        if (j >= tokens.Count) return;
        var token = tokens[j];
        if (token.Of(text) is "%")
        {
            kind = QuantityKind.Percent;
            unit = "%";
            j++;
            return;
        }
        // "387 °F", "-12 °C".
        if (token.Of(text) is "°" or "º" && j + 1 < tokens.Count && !tokens[j + 1].SpaceBefore && tokens[j + 1].Of(text) is "F" or "C")
        {
            kind = QuantityKind.Measure;
            unit = "°" + tokens[j + 1].Of(text).ToString();
            j += 2;
            return;
        }
        if ((token.Is(text, "percentage") || token.Is(text, "basis")) && j + 1 < tokens.Count)
        {
            var k = j + 1;
            if (tokens[k].Of(text) is "-" && k + 1 < tokens.Count) k++;
            if (tokens[k].Is(text, "point") || tokens[k].Is(text, "points"))
            {
                kind = QuantityKind.Percent;
                unit = token.Is(text, "basis") ? "bp" : "pp";
                j = k + 1;
                return;
            }
        }
        if (token.Is(text, "percent") || token.Is(text, "pct") || token.Is(text, "pc"))
        {
            kind = QuantityKind.Percent;
            unit = "%";
            j++;
            return;
        }
        if (token.Is(text, "per") && j + 1 < tokens.Count && tokens[j + 1].Is(text, "cent"))
        {
            kind = QuantityKind.Percent;
            unit = "%";
            j += 2;
            return;
        }
        if (token.Kind == ScanKind.Word && _lexicon.CodeLookup.TryGetValue(token.Of(text), out var code))
        {
            currency ??= code;
            j++;
            return;
        }
        if (Phrase.MatchForward(_lexicon.CurrencyNames, tokens, j, text) is { } name)
        {
            // "pounds" of weight: not after a currency symbol or a scale word, nor in a sentence about money, or "5 pounds of cocaine".
            if (name.Phrase.Words is ["pounds" or "pound"] && currency is null &&
                (tokens.Count > name.End && tokens[name.End].Is(text, "of") || (!scaled && !scan.MoneyContext)))
            {
                kind = QuantityKind.Measure;
                unit = "lb";
                j = name.End;
                return;
            }
            // "won" and "rand" are also ordinary words; accept them only when nothing else says otherwise.
            currency ??= name.Phrase.Value;
            j = name.End;
            return;
        }
        if (currency is null && Phrase.MatchForward(_lexicon.Measures, tokens, j, text) is { } measure)
        {
            kind = QuantityKind.Measure;
            unit = measure.Phrase.Value;
            j = measure.End;
            // "140 km/h": a unit per hour written with a slash.
            if (j + 1 < tokens.Count && tokens[j].Of(text) is "/" && !tokens[j].SpaceBefore && tokens[j + 1].Is(text, "h") && !tokens[j + 1].SpaceBefore)
            {
                unit += "/h";
                j += 2;
            }
            return;
        }
        // "a two million-euro heist": a currency in a compound adjective.
        if (currency is null && token.Of(text) is "-" && j + 1 < tokens.Count && Phrase.MatchForward(_lexicon.CurrencyNames, tokens, j + 1, text) is { } compoundCurrency &&
            compoundCurrency.Phrase.Words is not ["pound" or "pounds"])
        {
            currency = compoundCurrency.Phrase.Value;
            j = compoundCurrency.End;
            return;
        }
        // "a 7-yard pass", "a 12-year sentence", "32-bit": a unit in a compound adjective is singular and follows a hyphen.
        if (currency is null && token.Of(text) is "-" && j + 1 < tokens.Count && Phrase.MatchForward(_lexicon.Measures, tokens, j + 1, text) is { } compound &&
            !(compound.End + 1 < tokens.Count && tokens[compound.End].Of(text) is "-" && tokens[compound.End + 1].Is(text, "old")))
        {
            kind = QuantityKind.Measure;
            unit = compound.Phrase.Value;
            j = compound.End;
        }
    }

    private static bool IsRangeWord(string text, Scanned token, bool between)
    {
        var word = token.Of(text);
        if (word is "-" or "\u2013" or "\u2014") return true;
        return word.Equals("to", StringComparison.OrdinalIgnoreCase) ||
            (between && word.Equals("and", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The start of a currency symbol written right before token <paramref name="index"/> (one space allowed), else -1.</summary>
    private int SymbolBefore(string text, List<Scanned> tokens, int index, out string? iso)
    {
        iso = null;
        if (index <= 0 || index >= tokens.Count + 1) return -1;
        var at = index < tokens.Count ? tokens[index].Start : tokens[^1].End;
        var stop = tokens[0].Start;
        if (at > stop && text[at - 1] == ' ') at--;
        foreach (var (symbol, code) in _lexicon.Symbols)
        {
            var from = at - symbol.Length;
            if (from < stop || !text.AsSpan(from, symbol.Length).SequenceEqual(symbol)) continue;
            // "US$" must not be read inside a longer word ("BUS$").
            if (from > 0 && char.IsLetter(text[from - 1]) && char.IsLetter(symbol[0])) continue;
            iso = code;
            return from;
        }
        return -1;
    }

    private bool TryReadNumber(string text, List<Scanned> tokens, int i, out NumberRead number)
    {
        number = default;
        if (i >= tokens.Count) return false;
        var token = tokens[i];
        number.First = i;
        number.Scale = 1;
        var j = i + 1;
        if (token.Kind == ScanKind.Number)
        {
            var span = token.Of(text);
            var digits = 0;
            var dots = 0;
            var commas = false;
            foreach (var c in span)
            {
                if (char.IsDigit(c)) digits++;
                else if (c == '.') dots++;
                else commas = true;
            }
            number.Digits = true;
            if (digits > _options.MaxDigits)
            {
                number.Absurd = true;
                number.End = j;
                return true;
            }
            if (dots > 1 || (commas && !ValidGroups(span))) return false;
            Span<char> buffer = stackalloc char[span.Length];
            var length = 0;
            foreach (var c in span)
            {
                if (c != ',') buffer[length++] = DecimalDigits.ToAscii(c);
            }
            if (!double.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
            number.Plain = dots == 0 && !commas;
            number.Value = value;
            // ".001": a leading decimal point, set off by a space ("batted.467" is glued to its word and stays out).
            if (number.Plain && i > 0 && tokens[i - 1].Of(text) is "." && !token.SpaceBefore && (i == 1 || tokens[i - 1].SpaceBefore))
            {
                number.Value = value / Math.Pow(10, span.Length);
                number.Plain = false;
                number.First = i - 1;
            }
            // "10^400": an exponent makes the written digits meaningless as a value.
            if (j < tokens.Count && tokens[j].Of(text) is "^" && !tokens[j].SpaceBefore)
            {
                number.Absurd = true;
                number.End = j + 1 < tokens.Count && tokens[j + 1].Kind == ScanKind.Number ? j + 2 : j + 1;
                return true;
            }
            if (j < tokens.Count && tokens[j].Kind == ScanKind.Word && !tokens[j].SpaceBefore &&
                _lexicon.SuffixLookup.TryGetValue(tokens[j].Of(text), out var suffix) &&
                (j + 1 >= tokens.Count || tokens[j + 1].Kind != ScanKind.Word || tokens[j + 1].SpaceBefore))
            {
                number.Scale = suffix;
                number.Suffix = tokens[j].Of(text).ToString();
                j++;
            }
        }
        else if (token.Kind == ScanKind.Word)
        {
            if (!ReadNumberWords(text, tokens, i, out var value, out j)) return false;
            number.Value = value;
        }
        else
        {
            return false;
        }

        while (j < tokens.Count && tokens[j].Kind == ScanKind.Word && _lexicon.ScaleLookup.TryGetValue(tokens[j].Of(text), out var scale))
        {
            number.Scale *= scale;
            j++;
        }
        number.Value *= number.Scale;
        number.End = j;
        if (!double.IsFinite(number.Value) || number.Value > _options.MaxValue) number.Absurd = true;
        return true;
    }

    // "1,000" and "12,345,678" are digit groups; "1,5" or "12,34" are not read as numbers.
    private static bool ValidGroups(ReadOnlySpan<char> span)
    {
        var integerPart = span.IndexOf('.') is var dot and >= 0 ? span[..dot] : span;
        var groups = 0;
        var first = true;
        foreach (var range in integerPart.Split(','))
        {
            var length = range.End.Value - range.Start.Value;
            if (first ? length is < 1 or > 3 : length != 3) return false;
            first = false;
            groups++;
        }
        return groups > 1;
    }

    /// <summary>Reads "a thousand", "twenty-five", "two hundred and fifty"; a lone "one" is not read (it is mostly a pronoun).</summary>
    private bool ReadNumberWords(string text, List<Scanned> tokens, int i, out double value, out int end)
    {
        value = 0;
        end = i;
        double total = 0, current = 0;
        var words = 0;
        var hasScale = false;
        var j = i;
        var word = tokens[j].Of(text);
        if ((word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)) &&
            j + 1 < tokens.Count && tokens[j + 1].Kind == ScanKind.Word && _lexicon.ScaleLookup.ContainsKey(tokens[j + 1].Of(text)))
        {
            current = 1;
            words = 1;
            j++;
        }
        while (j < tokens.Count)
        {
            var t = tokens[j];
            if (t.Kind == ScanKind.Word && _lexicon.UnitLookup.TryGetValue(t.Of(text), out var unit))
            {
                current += unit;
                words++;
                j++;
            }
            else if (t.Kind == ScanKind.Word && words > 0 && _lexicon.ScaleLookup.TryGetValue(t.Of(text), out var scale))
            {
                hasScale = true;
                if (scale == 100) current = Math.Max(current, 1) * 100;
                else
                {
                    total += Math.Max(current, 1) * scale;
                    current = 0;
                }
                words++;
                j++;
            }
            else if (words > 0 && j + 1 < tokens.Count && tokens[j + 1].Kind == ScanKind.Word &&
                     _lexicon.UnitLookup.ContainsKey(tokens[j + 1].Of(text)) &&
                     ((t.Of(text) is "-" && !t.SpaceBefore && !tokens[j + 1].SpaceBefore) || (hasScale && t.Is(text, "and"))))
            {
                j++;
            }
            else
            {
                break;
            }
        }
        value = total + current;
        end = j;
        if (words == 0 || value <= 0) return false;
        return value != 1 || hasScale;
    }

    private bool IsYearLike(double value) => value >= _options.MinYear && value <= _options.MaxYear && value == Math.Floor(value);

    private static readonly FrozenSet<string> YearContext = Lexicon.Set(typeof(QuantityRecognizer).Assembly, "Quantities/Data/year-context.txt", LexiconCase.IgnoreCase);

    private static bool IsYearContext(string text, Scanned previous) =>
        previous.Kind != ScanKind.Word || YearContext.Contains(previous.Of(text).ToString());

    /// <summary>Numbers that name, code or date something rather than count: "COVID-19", "G20", "Article 5", "1990s", "9/11", "3rd".</summary>
    private bool IsNotACount(string text, List<Scanned> tokens, NumberRead number, int first, Qualifier qualifier)
    {
        var i = number.First;
        var token = tokens[i];
        if (i > 0)
        {
            var previous = tokens[i - 1];
            if (!token.SpaceBefore)
            {
                if (previous.Kind is ScanKind.Word or ScanKind.Number) return true;
                var mark = previous.Of(text);
                if (mark is "/" or "#" or "'" or "\u2019" or ":" or "." or "@" or "+" || IsMathSymbol(mark)) return true;
                if (mark is "-" && i > 1 && !previous.SpaceBefore && tokens[i - 2].Kind is ScanKind.Word or ScanKind.Number) return true;
            }
            if (number.Plain && qualifier == Qualifier.None && first == i && previous.Kind == ScanKind.Word)
            {
                if (_lexicon.LabelLookup.Contains(previous.Of(text))) return true;
                // A capitalised word right before a bare integer names it ("Article 5", "Apollo 11"), unless it opens the sentence.
                // "iPhone 11": a word with a capital inside is a name wherever it stands.
                if (previous.Kind == ScanKind.Word && previous.Length > 1 && char.IsLower(text[previous.Start]) && previous.Of(text)[1..].ContainsAnyInRange('A', 'Z')) return true;
                if (previous.IsCapitalized(text) && i - 1 > 0 && !_lexicon.StopLookup.Contains(previous.Of(text)) &&
                    CalendarNames.Month(previous.Of(text)) == 0 && !_lexicon.UnitLookup.ContainsKey(previous.Of(text)))
                {
                    return true;
                }
            }
            if (previous.Of(text) is "." && i > 1 && tokens[i - 2].Is(text, "no")) return true;
            // "4:43", and "4: 43" as some copies space it: a clock time.
            if (previous.Of(text) is ":" && !previous.SpaceBefore && i > 1 && tokens[i - 2].Kind == ScanKind.Number) return true;
        }
        var end = number.End;
        if (end < tokens.Count)
        {
            var after = tokens[end];
            if (!after.SpaceBefore)
            {
                if (after.Kind is ScanKind.Word or ScanKind.Number) return true;
                var mark = after.Of(text);
                if ((mark is ":" or "/") && end + 1 < tokens.Count && tokens[end + 1].Kind == ScanKind.Number) return true;
                if (IsMathSymbol(mark)) return true;
            }
            if (after.Kind == ScanKind.Word && TimeMarkers.Contains(after.Of(text).ToString())) return true;
            if ((after.Is(text, "a") || after.Is(text, "p")) && end + 2 < tokens.Count && tokens[end + 1].Of(text) is "." && tokens[end + 2].Is(text, "m")) return true;
        }
        return false;
    }

    // "4×4", "10^3", "2+2": a number in a formula or a product name.
    private static bool IsMathSymbol(ReadOnlySpan<char> mark) =>
        mark.Length == 1 && (char.GetUnicodeCategory(mark[0]) == System.Globalization.UnicodeCategory.MathSymbol || mark[0] is '^' or '*');

    /// <summary>Day numbers next to a month name ("September 1", "1 September", "Feb. 14").</summary>
    private static bool IsDateOrTime(string text, List<Scanned> tokens, NumberRead number)
    {
        var i = number.First;
        if (number.Value > 31) return false;
        if (i > 0 && CalendarNames.Month(tokens[i - 1].Of(text)) > 0 && tokens[i - 1].IsCapitalized(text)) return true;
        if (i > 1 && tokens[i - 1].Of(text) is "." && CalendarNames.Month(tokens[i - 2].Of(text)) > 0) return true;
        var end = number.End;
        if (end < tokens.Count && CalendarNames.Month(tokens[end].Of(text)) > 0 && tokens[end].IsCapitalized(text)) return true;
        if (end + 1 < tokens.Count && tokens[end].Is(text, "of") && CalendarNames.Month(tokens[end + 1].Of(text)) > 0) return true;
        return false;
    }

    private static readonly FrozenSet<string> OfDeterminers = Lexicon.Set(typeof(QuantityRecognizer).Assembly, "Quantities/Data/of-determiners.txt", LexiconCase.IgnoreCase);

    /// <summary>
    /// The noun phrase a number counts. Without "-strong" the phrase must end on a plural noun
    /// ("400 trained volunteers"); after "-strong" it runs to the first function word ("mission").
    /// </summary>
    private (TextSpan? Span, string? Head, int End) ReadCounted(string text, List<Scanned> tokens, int j, bool anyHead)
    {
        var k = j;
        if (k < tokens.Count && tokens[k].Is(text, "of"))
        {
            k++;
            // "of all the data traffic", "of her daughter's kids": up to two determiners.
            for (var d = 0; d < 2 && k < tokens.Count && OfDeterminers.Contains(tokens[k].Of(text).ToString()); d++) k++;
        }
        var start = k;
        var last = -1;
        var words = 0;
        while (k < tokens.Count && words < _options.MaxCountedWords)
        {
            var token = tokens[k];
            // A possessive keeps the phrase going: "her daughter's orphaned kids".
            if ((token.Of(text) is "'" or "\u2019") && words > 0 && k + 1 < tokens.Count && tokens[k + 1].Is(text, "s") && !token.SpaceBefore)
            {
                k += 2;
                continue;
            }
            if (token.Kind != ScanKind.Word || _lexicon.StopLookup.Contains(token.Of(text)))
            {
                // "French-led" and "well-armed" keep their hyphen inside the phrase.
                if (token.Of(text) is "-" && !token.SpaceBefore && k + 1 < tokens.Count && tokens[k + 1].Kind == ScanKind.Word && !tokens[k + 1].SpaceBefore && words > 0)
                {
                    k++;
                    continue;
                }
                break;
            }
            words++;
            last = k;
            if (IsPluralNoun(token.Of(text))) return (TextSpan.FromBounds(tokens[start].Start, token.End), token.Of(text).ToString(), k + 1);
            k++;
        }
        if (anyHead && last >= 0)
        {
            return (TextSpan.FromBounds(tokens[start].Start, tokens[last].End), tokens[last].Of(text).ToString(), last + 1);
        }
        return (null, null, j);
    }

    private bool IsPluralNoun(ReadOnlySpan<char> word)
    {
        if (_lexicon.PluralLookup.Contains(word)) return true;
        if (word.Length < 4 || !char.IsLower(word[0]) && !char.IsUpper(word[0])) return false;
        var last = char.ToLowerInvariant(word[^1]);
        var before = char.ToLowerInvariant(word[^2]);
        return last == 's' && before is not 's' and not 'u' and not 'i' && !char.IsUpper(word[^1]);
    }

    /// <summary>The rate period: right after the amount ("a month"), or for money anywhere later in the sentence ("... are monthly").</summary>
    private string? ReadPeriod(string text, List<Scanned> tokens, int afterUnit, int afterCounted, QuantityKind kind, out int end)
    {
        end = 0;
        foreach (var at in (ReadOnlySpan<int>)[afterUnit, afterCounted])
        {
            if (Phrase.MatchForward(_lexicon.Periods, tokens, at, text) is { } adjacent && !FollowedByTimeWord(text, tokens, adjacent.End))
            {
                end = adjacent.End;
                return adjacent.Phrase.Value;
            }
        }
        if (kind != QuantityKind.Money) return null;
        for (var k = afterCounted; k < tokens.Count; k++)
        {
            if (Phrase.MatchForward(_lexicon.Periods, tokens, k, text) is { } clause && clause.Phrase.Extra == "clause")
            {
                return clause.Phrase.Value;
            }
            // A new money amount starts its own clause; its period is its own.
            if (k > afterCounted + 1 && tokens[k].Kind == ScanKind.Number) break;
        }
        return null;
    }

    // "a month ago", "a year later" are times, not rates.
    private static bool FollowedByTimeWord(string text, List<Scanned> tokens, int end) =>
        end < tokens.Count && (tokens[end].Is(text, "ago") || tokens[end].Is(text, "later") || tokens[end].Is(text, "earlier") ||
                               tokens[end].Is(text, "after") || tokens[end].Is(text, "before") || tokens[end].Is(text, "since"));
}
