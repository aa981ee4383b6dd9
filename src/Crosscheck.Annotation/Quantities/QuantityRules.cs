using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Annotation.Time;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quantities;

/// <summary>One sentence's words as the quantity rules read them.</summary>
internal sealed class QuantityScan(string text, List<Scanned> tokens, DateTimeOffset? published, LocaleNumbers? locale = null)
{
    private bool? _moneyContext;

    public string Text { get; } = text;

    public List<Scanned> Tokens { get; } = tokens;

    public DateTimeOffset? Published { get; } = published;

    /// <summary>How the document's language writes numbers and money; null for English and languages without a locale list.</summary>
    public LocaleNumbers? Locale { get; } = locale;

    public int Count => Tokens.Count;

    public bool Is(int i, string word) => (uint)i < (uint)Tokens.Count && Tokens[i].Is(Text, word);

    public bool IsAny(int i, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> words) =>
        (uint)i < (uint)Tokens.Count && Tokens[i].Kind == ScanKind.Word && words.Contains(Tokens[i].Of(Text));

    public bool IsNumber(int i) => (uint)i < (uint)Tokens.Count && Tokens[i].Kind == ScanKind.Number;

    public bool IsDash(int i) => (uint)i < (uint)Tokens.Count && Tokens[i].Of(Text) is "-" or "\u2013" or "\u2014" or "\u2212";

    /// <summary>Token <paramref name="i"/> follows the previous one without a space.</summary>
    public bool Glued(int i) => (uint)i < (uint)Tokens.Count && !Tokens[i].SpaceBefore;

    /// <summary>A plain integer (no digit groups, no decimals) at <paramref name="i"/>, else null.</summary>
    public int? Integer(int i)
    {
        if (!IsNumber(i)) return null;
        var span = Tokens[i].Of(Text);
        if (span.Length > 9 || span.ContainsAny(',', '.')) return null;
        return DecimalDigits.ParseInteger(span);
    }

    /// <summary>Whether the sentence speaks of money (a fine, a price, a payment): decides whether "pounds" is sterling.</summary>
    public bool MoneyContext => _moneyContext ??= Tokens.Exists(t => t.Kind == ScanKind.Word && QuantityRules.MoneyWords.Contains(t.Of(Text)));

    public Quantity Make(int first, int end, QuantityKind kind, double value, string? unit, QuantityRule rule, Qualifier qualifier = Qualifier.None, double? high = null) =>
        new(TextSpan.FromBounds(Tokens[first].Start, Tokens[end - 1].End), kind, value, high, unit, qualifier, Rule: rule.Name);
}

/// <summary>What a rule matched: a quantity (or none, when the rule says the words are not a quantity) and the token after it.</summary>
internal readonly record struct RuleMatch(Quantity? Quantity, int Next);

/// <summary>
/// One named rule of the quantity recogniser, with an example of what it reads. The rules are tried in
/// the order of <see cref="QuantityRules.Table"/> at each word; the first that matches decides, and the
/// quantity records the rule's name.
/// </summary>
internal abstract class QuantityRule(string name, string example)
{
    public string Name { get; } = name;

    public string Example { get; } = example;

    public abstract RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i);

    public override string ToString() => Name;
}

/// <summary>The ordered rule table of the quantity recogniser: exclusions first, then the special readings, then the general number reader.</summary>
internal static class QuantityRules
{
    private static readonly System.Reflection.Assembly Data = typeof(QuantityRules).Assembly;

    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MoneyWords = Set("money-context.txt");
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ScoreWords = Set("score-words.txt");
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetWords = Set("street-words.txt");
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ChangeWords = Set("change-words.txt");
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DeathWords = Set("death-words.txt");
    internal static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ComparativeWords = Set("comparatives.txt");

    /// <summary>Fraction words → denominator ("third" → 3, "quarters" → 4).</summary>
    internal static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Denominators =
        Lexicon.Rows(Data, "Quantities/Data/fractions.txt", LexiconCase.Exact)
            .ToDictionary(row => row[0], row => int.Parse(row[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Vague plural amounts → the least they mean ("dozens" → 24, "thousands" → 2000).</summary>
    internal static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> VagueAmounts =
        Lexicon.Rows(Data, "Quantities/Data/vague-amounts.txt", LexiconCase.Exact)
            .ToDictionary(row => row[0], row => double.Parse(row[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The rules in the order they are tried. Adding a rule is one line here plus its tests.</summary>
    public static IReadOnlyList<QuantityRule> Table { get; } =
    [
        new ScoreRule(),
        new DayRangeRule(),
        new PhoneNumberRule(),
        new PostalCodeRule(),
        new StreetAddressRule(),
        new CalibreRule(),
        new FieldPositionRule(),
        new LocaleMoneyRule(),
        new LocaleNumberRule(),
        new HyphenatedAgeRule(),
        new ApposedAgeRule(),
        new AgePhraseRule(),
        new MagnitudeRule(),
        new VagueAmountRule(),
        new FractionRule(),
        new FactorRule(),
        new NumberRule(),
    ];

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string file) =>
        Lexicon.Set(Data, "Quantities/Data/" + file, LexiconCase.IgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A qualifier ("about", "more than") ending right before token <paramref name="i"/>, with its first token.</summary>
    internal static (Qualifier Qualifier, int Start) QualifierBefore(QuantityScan scan, int i)
    {
        var lexicon = QuantityLexicon.Instance;
        return Phrase.MatchBackward(lexicon.Qualifiers, scan.Tokens, i, scan.Text) is { } hedge
            ? (lexicon.QualifierValues[hedge.Phrase], hedge.Start)
            : (Qualifier.None, i);
    }
}

/// <summary>A sports score or a vote tally: "a 2-0 win", "(8-6)", "tied 13 - 13", "deadlocked at 9-3", "passed 52-48".</summary>
internal sealed class ScoreRule() : QuantityRule("score", "United secured a 2-0 win")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (scan.Integer(i) is not { } first || !scan.IsDash(i + 1) || scan.Integer(i + 2) is not { } second) return null;
        if (first > 300 || second > 300 || (i > 0 && scan.Tokens[i - 1].Kind == ScanKind.Punct && scan.Tokens[i - 1].Of(scan.Text) is not ("(" or ","))) return null;
        if (scan.Is(i - 1, "between") || scan.Is(i - 1, "from") || scan.Is(i - 1, "aged") || scan.Is(i - 1, "ages")) return null;
        // A number after the second one belongs to a unit or a range ("3-4 percent"): not a score.
        if (recognizer.HasUnitAt(scan, i + 3)) return null;
        var enclosed = i > 0 && scan.Tokens[i - 1].Of(scan.Text) is "(" && i + 3 < scan.Count && scan.Tokens[i + 3].Of(scan.Text) is ")";
        var scoreWord = scan.IsAny(i + 3, QuantityRules.ScoreWords) || scan.IsAny(i + 4, QuantityRules.ScoreWords) || scan.IsAny(i - 1, QuantityRules.ScoreWords);
        // A range rises ("2,500-3,000", "aged 18-24"); a tally that does not rise, or one named as a score, is no quantity.
        return second <= first || enclosed || scoreWord ? new RuleMatch(null, i + 3) : null;
    }
}

/// <summary>Days of a month: "Sept. 20-24", "March 3-5" are dates.</summary>
internal sealed class DayRangeRule() : QuantityRule("day-range", "The festival runs Sept. 20-24")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (scan.Integer(i) is not (>= 1 and <= 31) || !scan.IsDash(i + 1) || scan.Integer(i + 2) is not (>= 1 and <= 31)) return null;
        var before = i - 1;
        if (before > 0 && scan.Tokens[before].Of(scan.Text) is ".") before--;
        return before >= 0 && CalendarNames.Month(scan.Tokens[before].Of(scan.Text)) > 0 && scan.Tokens[before].IsCapitalized(scan.Text)
            ? new RuleMatch(null, i + 3)
            : null;
    }
}

/// <summary>Telephone numbers: "555-0134", "0845 125 2222" (a leading zero never starts a count).</summary>
internal sealed class PhoneNumberRule() : QuantityRule("phone-number", "Call 555-0134 or 0800 555 111")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (!scan.IsNumber(i)) return null;
        var digits = scan.Tokens[i].Of(scan.Text);
        var end = i + 1;
        var leadingDecimal = i > 0 && scan.Tokens[i - 1].Of(scan.Text) is "." && scan.Glued(i);
        if (digits.Length > 1 && digits[0] == '0' && char.IsDigit(digits[1]) && !leadingDecimal)
        {
            while (scan.IsNumber(end) && scan.Integer(end) is not null) end++;
            return new RuleMatch(null, end);
        }
        if (digits.Length == 3 && scan.IsDash(i + 1) && scan.Glued(i + 1) && scan.Glued(i + 2) && scan.IsNumber(i + 2) && scan.Tokens[i + 2].Length >= 4)
        {
            return new RuleMatch(null, i + 3);
        }
        return null;
    }
}

/// <summary>ZIP and postal codes: "the 90210 ZIP code", "ZIP code 10021".</summary>
internal sealed class PostalCodeRule() : QuantityRule("postal-code", "Residents of the 90210 ZIP code")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (!scan.IsNumber(i)) return null;
        var coded = scan.Is(i + 1, "zip") || scan.Is(i + 1, "postcode") || scan.Is(i + 1, "zipcode") ||
            scan.Is(i - 1, "zip") || scan.Is(i - 1, "postcode") || (scan.Is(i - 1, "code") && (scan.Is(i - 2, "zip") || scan.Is(i - 2, "postal") || scan.Is(i - 2, "area")));
        return coded ? new RuleMatch(null, i + 1) : null;
    }
}

/// <summary>House numbers: "9 E 71st St", "221B Baker Street", "24 Independent Street".</summary>
internal sealed class StreetAddressRule() : QuantityRule("street-address", "The shop at 9 E 71st St was closed")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (scan.Integer(i) is null) return null;
        var k = i + 1;
        if (k < scan.Count && scan.Glued(k) && scan.Tokens[k].Kind == ScanKind.Word && scan.Tokens[k].Length == 1) k++;
        for (var words = 0; words < 3 && k < scan.Count; words++, k++)
        {
            var token = scan.Tokens[k];
            if (scan.IsAny(k, QuantityRules.StreetWords) && token.IsCapitalized(scan.Text)) return words > 0 ? new RuleMatch(null, k) : null;
            // "71st": an ordinal street name is digits glued to a suffix.
            if (token.Kind == ScanKind.Number && k + 1 < scan.Count && scan.Glued(k + 1))
            {
                k++;
                continue;
            }
            if (token.Kind != ScanKind.Word || !token.IsCapitalized(scan.Text)) return null;
        }
        return null;
    }
}

/// <summary>Firearm calibres name a model, not an amount: "a .45-caliber bullet", "a 9mm pistol" stays a measure.</summary>
internal sealed class CalibreRule() : QuantityRule("calibre", "a .32-caliber revolver")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (!scan.IsNumber(i)) return null;
        var k = i + 1;
        if (scan.IsDash(k)) k++;
        return scan.Is(k, "caliber") || scan.Is(k, "calibre") ? new RuleMatch(null, k + 1) : null;
    }
}

/// <summary>A field position is a place: "the Colts 7 yard line", "the 27-yd line".</summary>
internal sealed class FieldPositionRule() : QuantityRule("field-position", "drove down to the Colts 7 yard line")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (scan.Integer(i) is not (>= 1 and <= 50)) return null;
        var k = i + 1;
        if (scan.IsDash(k)) k++;
        if (!(scan.Is(k, "yard") || scan.Is(k, "yd"))) return null;
        if (scan.Is(k + 1, "line")) return new RuleMatch(null, k + 2);
        return scan.Tokens.Count > k + 2 && scan.Tokens[k + 1].Of(scan.Text) is "-" && scan.Is(k + 2, "line") ? new RuleMatch(null, k + 3) : null;
    }
}

/// <summary>An age written as a compound: "a 50-year-old man", "16 - year - old", "a six-month-old baby", "44 years old".</summary>
internal sealed class HyphenatedAgeRule() : QuantityRule("age-hyphenated", "A 50-year-old man was arrested")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (!recognizer.TryReadNumber(scan, i, out var number) || number.Absurd || number.Scale != 1) return null;
        var k = number.End;
        var hyphenated = scan.IsDash(k);
        if (hyphenated) k++;
        var unit = QuantityRecognizer.AgeUnit(scan, k);
        if (unit is null) return null;
        k++;
        if (hyphenated && scan.IsDash(k) && scan.Is(k + 1, "old")) return new RuleMatch(scan.Make(i, k + 2, QuantityKind.Measure, number.Value, unit, this), k + 2);
        if (!hyphenated && scan.Is(k, "old")) return new RuleMatch(scan.Make(i, k + 1, QuantityKind.Measure, number.Value, unit, this), k + 1);
        return null;
    }
}

/// <summary>An age set off by commas after a name: "Jane Doe, 44, said", "Banky, 40."</summary>
internal sealed class ApposedAgeRule() : QuantityRule("age-apposition", "Jane Doe, 44, was taken to hospital")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (scan.Integer(i) is not (>= 1 and <= 120) || i < 2 || scan.Tokens[i - 1].Of(scan.Text) is not ",") return null;
        var before = scan.Tokens[i - 2];
        if (before.Kind != ScanKind.Word && before.Of(scan.Text) is not ")") return null;
        if (before.Kind == ScanKind.Word && (CalendarNames.Month(before.Of(scan.Text)) > 0 || CalendarNames.Weekday(before.Of(scan.Text)) > 0)) return null;
        var closed = i + 1 >= scan.Count || scan.Tokens[i + 1].Of(scan.Text) is "," or "." or ")" or ";" or ":";
        return closed ? new RuleMatch(scan.Make(i, i + 1, QuantityKind.Measure, scan.Integer(i)!.Value, "year", this), i + 1) : null;
    }
}

/// <summary>An age after "aged", "age (of)", or a verb of dying: "aged 19", "at the age of 91", "dies at 91".</summary>
internal sealed class AgePhraseRule() : QuantityRule("age-phrase", "Esther Williams dies at 91")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (scan.Integer(i) is not (>= 0 and <= 130) || i < 1) return null;
        var aged = scan.Is(i - 1, "aged") || scan.Is(i - 1, "age") || (scan.Is(i - 1, "of") && scan.Is(i - 2, "age"));
        var died = scan.Is(i - 1, "at") && DiedBefore(scan, i - 2);
        if (!aged && !died) return null;
        if (scan.IsDash(i + 1) || (i + 1 < scan.Count && scan.Glued(i + 1) && scan.Tokens[i + 1].Kind != ScanKind.Punct)) return null;
        return new RuleMatch(scan.Make(i, i + 1, QuantityKind.Measure, scan.Integer(i)!.Value, "year", this), i + 1);
    }

    // "dies at 91", "died in prison at 77", "passed away on Thursday at 91": a verb of dying a few words back, no punctuation between.
    private static bool DiedBefore(QuantityScan scan, int k)
    {
        for (var back = 0; back < 5 && k - back >= 0; back++)
        {
            if (scan.Tokens[k - back].Kind != ScanKind.Word) return false;
            if (scan.IsAny(k - back, QuantityRules.DeathWords)) return true;
        }
        return false;
    }
}

/// <summary>Earthquake magnitudes: "a magnitude-5.2 quake", "a magnitude of 6.1", "a 5.6-magnitude earthquake".</summary>
internal sealed class MagnitudeRule() : QuantityRule("magnitude", "A 7.1-magnitude earthquake struck")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (!scan.IsNumber(i) || !double.TryParse(scan.Tokens[i].Of(scan.Text), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 10) return null;
        var k = i + 1;
        if (scan.IsDash(k)) k++;
        if (scan.Is(k, "magnitude")) return new RuleMatch(scan.Make(i, k + 1, QuantityKind.Measure, value, "magnitude", this), k + 1);
        var b = i - 1;
        if (scan.IsDash(b) || scan.Is(b, "of")) b--;
        if (scan.Is(b, "magnitude")) return new RuleMatch(scan.Make(b, i + 1, QuantityKind.Measure, value, "magnitude", this), i + 1);
        return null;
    }
}

/// <summary>Vague plural amounts, read as the least they mean: "dozens" 24, "hundreds" 200, "tens of thousands" 20,000.</summary>
internal sealed class VagueAmountRule() : QuantityRule("vague-amount", "Tens of thousands of people marched")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (i >= scan.Count || scan.Tokens[i].Kind != ScanKind.Word || !QuantityRules.VagueAmounts.TryGetValue(scan.Tokens[i].Of(scan.Text), out var value)) return null;
        var end = i + 1;
        // "tens of thousands", "hundreds of millions": the first word multiplies the second.
        if (scan.Is(end, "of") && end + 1 < scan.Count && scan.Tokens[end + 1].Kind == ScanKind.Word &&
            QuantityRules.VagueAmounts.TryGetValue(scan.Tokens[end + 1].Of(scan.Text), out var of) && of >= 200)
        {
            value = value / 2 * of;
            end += 2;
        }
        else if (value < 24)
        {
            // "tens" alone is no amount worth reading.
            return null;
        }
        // After a number ("two hundreds") the word is part of that number, which the number reader handles.
        if (i > 0 && (scan.IsNumber(i - 1) || QuantityLexicon.Instance.UnitLookup.ContainsKey(scan.Tokens[i - 1].Of(scan.Text)))) return null;
        return new RuleMatch(scan.Make(i, end, QuantityKind.Count, value, null, this, Qualifier.AtLeast), end);
    }
}

/// <summary>Fractions: "a third of", "half of", "two-thirds", "three quarters of", "by a quarter"; "half a million" is 500,000.</summary>
internal sealed class FractionRule() : QuantityRule("fraction", "A third of the staff work from home")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (i >= scan.Count || scan.Tokens[i].Kind != ScanKind.Word) return null;
        var lexicon = QuantityLexicon.Instance;
        var word = scan.Tokens[i].Of(scan.Text);
        if (word.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            // "half a million": a number; "half of the roof", "by half": a fraction. "a half" and "half-time" are neither.
            if ((scan.Is(i + 1, "a") || scan.Is(i + 1, "an")) && i + 2 < scan.Count && lexicon.ScaleLookup.TryGetValue(scan.Tokens[i + 2].Of(scan.Text), out var scale))
            {
                var (q, start) = QuantityRules.QualifierBefore(scan, i);
                var end = i + 3;
                var quantity = scan.Make(start, end, QuantityKind.Count, scale / 2, null, this, q);
                return new RuleMatch(quantity, end);
            }
            if (scan.Is(i + 1, "of") || scan.Is(i - 1, "by")) return new RuleMatch(scan.Make(i, i + 1, QuantityKind.Fraction, 0.5, null, this), i + 1);
            return null;
        }
        double numerator;
        var denominatorAt = i + 1;
        if (word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("one", StringComparison.OrdinalIgnoreCase)) numerator = 1;
        else if (lexicon.UnitLookup.TryGetValue(word, out var unit) && unit < 10) numerator = unit;
        else return null;
        var hyphen = scan.IsDash(denominatorAt) && scan.Glued(denominatorAt);
        if (hyphen) denominatorAt++;
        if (denominatorAt >= scan.Count || !QuantityRules.Denominators.TryGetValue(scan.Tokens[denominatorAt].Of(scan.Text), out var denominator)) return null;
        var plural = scan.Tokens[denominatorAt].Of(scan.Text) is [.., 's' or 'S'];
        // "a third" needs "of" or "by" to be a fraction ("a third time", "a quarter final" are not); "two-thirds" stands alone.
        if (numerator == 1 && !scan.Is(denominatorAt + 1, "of") && !scan.Is(i - 1, "by")) return null;
        if (numerator > 1 && !plural) return null;
        return new RuleMatch(scan.Make(i, denominatorAt + 1, QuantityKind.Fraction, numerator / denominator, null, this), denominatorAt + 1);
    }
}

/// <summary>Multiples: "sixfold", "a 10-fold rise", "three times faster".</summary>
internal sealed class FactorRule() : QuantityRule("factor", "The number of cases grew sixfold")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i)
    {
        if (i >= scan.Count) return null;
        var token = scan.Tokens[i];
        var lexicon = QuantityLexicon.Instance;
        if (token.Kind == ScanKind.Word && token.Length > 4 && token.Of(scan.Text).EndsWith("fold", StringComparison.OrdinalIgnoreCase) &&
            lexicon.UnitLookup.TryGetValue(token.Of(scan.Text)[..^4], out var times))
        {
            return new RuleMatch(scan.Make(i, i + 1, QuantityKind.Measure, times, "x", this), i + 1);
        }
        if (!recognizer.TryReadNumber(scan, i, out var number) || number.Absurd) return null;
        var k = number.End;
        if (scan.IsDash(k) && scan.Is(k + 1, "fold")) return new RuleMatch(scan.Make(i, k + 2, QuantityKind.Measure, number.Value, "x", this), k + 2);
        if (scan.Is(k, "times") && (scan.IsAny(k + 1, QuantityRules.ComparativeWords) || (scan.Is(k + 1, "as") && scan.IsAny(k + 2, QuantityRules.ComparativeWords))))
        {
            return new RuleMatch(scan.Make(i, k + 2, QuantityKind.Measure, number.Value, "x", this), k + 2);
        }
        return null;
    }
}

/// <summary>
/// The general reader: a number with its currency, unit, range, rate and counted noun ("400 volunteers",
/// "$3.2 million a year", "2,500-3,000", "140 km/h", "-1.3%", ".001"), with the checks that keep
/// years, dates, clock times, labels and codes out.
/// </summary>
internal sealed class NumberRule() : QuantityRule("number", "the county received US$55.9 million; 400 trained volunteers")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i) => recognizer.ReadNumber(scan, i, this);
}
