using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quantities;

/// <summary>A number read the way the document's language writes it, before it is made a quantity.</summary>
internal readonly record struct LocaleAmount(int Start, int End, double Value, QuantityKind Kind, string? Unit, bool PlainInteger, bool Scaled);

/// <summary>
/// Reads numbers, money and percentages in the document's language ("1.000,5", "1 000", "10,8 millions",
/// "6 млрд рублей", "三千亿美元", "1,2 Mio. Euro") with the forms of <see cref="LocaleNumbers"/>. It works on
/// characters, not words, because Chinese glues numerals, scales and currencies together and French
/// and Russian group digits with spaces.
/// </summary>
internal static class LocaleAmountReader
{
    /// <summary>Chinese digits in value order; "〇" is also zero and "两" also two.</summary>
    private const string ChineseDigits = "零一二三四五六七八九";

    public static bool IsChineseNumeral(char c) => ChineseDigit(c) >= 0 || c is '十' or '百' or '千' or '万' or '亿';

    private static int ChineseDigit(char c) => c switch { '〇' => 0, '两' => 2, _ => ChineseDigits.IndexOf(c) };

    /// <summary>The amount starting at <paramref name="start"/> (a digit, or a Chinese numeral), reading no further than <paramref name="limit"/>.</summary>
    public static LocaleAmount? Read(LocaleNumbers locale, string text, int start, int limit)
    {
        // "G20", "COVID-19", "9/11", "4:30": a number glued to a word or a mark names or times something.
        if (start > 0 && ((char.IsLetter(text[start - 1]) && !locale.Unspaced) || char.IsDigit(text[start - 1]) || text[start - 1] is '-' or '/' or ':')) return null;
        var p = start;
        double value;
        var plain = true;
        var numeralChars = 0;
        if (char.IsDigit(text[p]))
        {
            if (!ReadDigits(locale, text, ref p, limit, out value, out plain)) return null;
        }
        else if (locale.Unspaced && IsChineseNumeral(text[p]))
        {
            if (start > 0 && IsChineseNumeral(text[start - 1])) return null;
            value = ReadChineseNumerals(text, ref p, limit);
            numeralChars = p - start;
            plain = false;
        }
        else
        {
            return null;
        }

        var scaled = false;
        var q = SkipSpaces(locale, text, p, limit);
        for (var scales = 0; scales < 2 && Match(locale, text, q, limit, locale.Scales.Select(s => s.Form)) is { } scale; scales++)
        {
            value *= locale.Scales.First(s => s.Form == scale.Form).Value;
            scaled = true;
            p = scale.End;
            q = SkipSpaces(locale, text, p, limit);
        }

        var kind = QuantityKind.Count;
        string? unit = null;
        if (Match(locale, text, q, limit, locale.Percents) is { } percent)
        {
            kind = QuantityKind.Percent;
            unit = "%";
            p = percent.End;
        }
        else
        {
            var c = q;
            // "6 milliards de dollars": a joiner only between a scale and the currency.
            if (scaled && Match(locale, text, c, limit, locale.Joiners) is { } joiner) c = SkipSpaces(locale, text, joiner.End, limit);
            if (Match(locale, text, c, limit, locale.Currencies.Select(x => x.Form)) is { } currency)
            {
                kind = QuantityKind.Money;
                unit = locale.Currencies.First(x => x.Form == currency.Form).Iso;
                p = currency.End;
            }
            else if (SymbolBefore(locale, text, start) is { } symbol)
            {
                kind = QuantityKind.Money;
                unit = symbol.Iso;
                start = symbol.Start;
            }
        }
        // A lone Chinese numeral is mostly part of a word ("一些", "统一"): only two numerals or more, or with a scale or unit, make a number.
        if (numeralChars == 1 && !scaled && kind == QuantityKind.Count) return null;
        if (value <= 0 && kind != QuantityKind.Percent) return null;
        return new LocaleAmount(start, p, value, kind, unit, plain, scaled);
    }

    private static bool ReadDigits(LocaleNumbers locale, string text, ref int p, int limit, out double value, out bool plain)
    {
        var integer = new System.Text.StringBuilder();
        var firstGroup = 0;
        while (p < limit && char.IsDigit(text[p]))
        {
            integer.Append(DecimalDigits.ToAscii(text[p++]));
            firstGroup++;
        }
        plain = true;
        // Digit groups: exactly three digits after a group mark, and a first group of at most three ("1 000", "12.345.678").
        while (firstGroup <= 3 && p < limit && locale.IsGroup(text[p]) && ThreeDigitsAt(text, p + 1, limit))
        {
            for (var d = p + 1; d < p + 4; d++) integer.Append(DecimalDigits.ToAscii(text[d]));
            p += 4;
            plain = false;
        }
        var fraction = "";
        if (p + 1 < limit && text[p] == locale.Decimal && char.IsDigit(text[p + 1]))
        {
            var from = ++p;
            while (p < limit && char.IsDigit(text[p])) p++;
            fraction = string.Concat(text[from..p].Select(DecimalDigits.ToAscii));
            plain = false;
        }
        // A mark the locale does not use ("1,000" in a German text) leaves the number to the other rules.
        if (p + 1 < limit && text[p] is ',' or '.' && char.IsDigit(text[p + 1]))
        {
            value = 0;
            return false;
        }
        value = double.Parse(integer + (fraction.Length > 0 ? "." + fraction : ""), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static bool ThreeDigitsAt(string text, int at, int limit) =>
        at + 3 <= limit && char.IsDigit(text[at]) && char.IsDigit(text[at + 1]) && char.IsDigit(text[at + 2]) && (at + 3 == limit || !char.IsDigit(text[at + 3]));

    /// <summary>"三千" 3,000, "一亿五千万" 150,000,000, "十万" 100,000.</summary>
    private static double ReadChineseNumerals(string text, ref int p, int limit)
    {
        double total = 0, section = 0, digit = 0;
        while (p < limit && IsChineseNumeral(text[p]))
        {
            var c = text[p++];
            if (ChineseDigit(c) is var d and >= 0)
            {
                digit = d;
                continue;
            }
            switch (c)
            {
                case '十': section += Math.Max(digit, 1) * 10; digit = 0; break;
                case '百': section += Math.Max(digit, 1) * 100; digit = 0; break;
                case '千': section += Math.Max(digit, 1) * 1000; digit = 0; break;
                case '万': total += (section + digit) * 1e4; section = digit = 0; break;
                default: total = (total + section + digit) * 1e8; section = digit = 0; break;
            }
        }
        return total + section + digit;
    }

    private static int SkipSpaces(LocaleNumbers locale, string text, int p, int limit)
    {
        while (p < limit && char.IsWhiteSpace(text[p])) p++;
        return p;
    }

    /// <summary>The longest form starting at <paramref name="at"/>, ending at a word boundary unless the language writes no spaces.</summary>
    private static (string Form, int End)? Match(LocaleNumbers locale, string text, int at, int limit, IEnumerable<string> forms)
    {
        foreach (var form in forms)
        {
            if (at + form.Length > limit || !text.AsSpan(at, form.Length).Equals(form, StringComparison.OrdinalIgnoreCase)) continue;
            var end = at + form.Length;
            if (!locale.Unspaced && char.IsLetter(form[^1]) && end < limit && char.IsLetter(text[end])) continue;
            return (form, end);
        }
        return null;
    }

    /// <summary>A currency symbol right before the number ("€5", "US$ 10", "$ 3"), one space allowed.</summary>
    private static (int Start, string Iso)? SymbolBefore(LocaleNumbers locale, string text, int start)
    {
        var at = start > 0 && text[start - 1] == ' ' ? start - 1 : start;
        foreach (var (form, iso) in locale.Currencies)
        {
            if (char.IsLetter(form[^1]) || at < form.Length || !text.AsSpan(at - form.Length, form.Length).SequenceEqual(form)) continue;
            return (at - form.Length, iso);
        }
        return null;
    }
}

/// <summary>
/// Money in the document's language: "6 milliards de francs CFA", "10,8 millions d'euros", "6 млрд рублей",
/// "三千亿美元", "1,2 Mio. Euro", "€ 1.000,50". Only for languages with a locale-xx.txt; English is read by the rules after it.
/// </summary>
internal sealed class LocaleMoneyRule() : QuantityRule("locale-money", "Le projet coûte 6 milliards de francs CFA")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i) =>
        LocaleNumberRule.Read(recognizer, scan, i, this, money: true);
}

/// <summary>
/// Counts and percentages in the document's language: "1 000 manifestants", "10,8 millions", "三千", "12,5 %";
/// a plain year-like integer ("en 2019") is no quantity.
/// </summary>
internal sealed class LocaleNumberRule() : QuantityRule("locale-number", "Plus de 1 000 manifestants, soit 12,5 %")
{
    public override RuleMatch? Match(QuantityRecognizer recognizer, QuantityScan scan, int i) => Read(recognizer, scan, i, this, money: false);

    internal static RuleMatch? Read(QuantityRecognizer recognizer, QuantityScan scan, int i, QuantityRule rule, bool money)
    {
        if (scan.Locale is not { } locale || scan.Tokens[i].Kind is not (ScanKind.Number or ScanKind.Word)) return null;
        if (LocaleAmountReader.Read(locale, scan.Text, scan.Tokens[i].Start, scan.Tokens[^1].End) is not { } amount) return null;
        if ((amount.Kind == QuantityKind.Money) != money) return null;
        var next = i + 1;
        while (next < scan.Count && scan.Tokens[next].Start < amount.End) next++;
        if (amount.Kind == QuantityKind.Count && amount.PlainInteger && !amount.Scaled && amount.Value is >= 1000 and <= 2100) return new RuleMatch(null, next);
        var normalized = amount.Kind == QuantityKind.Money && amount.Unit is not null ? recognizer.ToUsd(amount.Value, amount.Unit, scan.Published) : null;
        var quantity = new Quantity(TextSpan.FromBounds(amount.Start, amount.End), amount.Kind, amount.Value, Unit: amount.Unit, Normalized: normalized, Rule: rule.Name);
        return new RuleMatch(quantity, next);
    }
}
