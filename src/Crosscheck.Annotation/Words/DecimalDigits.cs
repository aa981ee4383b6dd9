using System.Globalization;

namespace Crosscheck.Annotation.Words;

/// <summary>
/// The word scanner takes any Unicode decimal digit for a digit (Arabic "١٩", Persian "۱۹", Devanagari "१९"), as an
/// article in those scripts writes its numbers; the number parsers read ASCII only, so a number is copied as the ASCII
/// digits of the same value before it is parsed. Without this an Arabic article's "١٩" stopped the quantity stage.
/// </summary>
public static class DecimalDigits
{
    /// <summary><paramref name="c"/> as the ASCII digit of its value when it is a decimal digit of any script, else itself.</summary>
    public static char ToAscii(char c) =>
        c is >= '0' and <= '9' || !char.IsDigit(c) ? c : (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c));

    /// <summary>A plain integer written in the digits of any one script (no signs, groups or decimals), else null.</summary>
    public static int? ParseInteger(ReadOnlySpan<char> digits)
    {
        Span<char> ascii = stackalloc char[Math.Min(digits.Length, 16)];
        if (digits.Length > ascii.Length) return null;
        for (var i = 0; i < digits.Length; i++) ascii[i] = ToAscii(digits[i]);
        return int.TryParse(ascii, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
