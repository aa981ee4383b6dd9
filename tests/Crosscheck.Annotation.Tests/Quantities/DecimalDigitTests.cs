using Crosscheck.Annotation.Words;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quantities;

/// <summary>
/// Numbers written in the decimal digits of other scripts: the word scanner takes them for numbers, so the parsers must
/// read them (an Arabic article's "١٩-٢٠" once stopped the quantity stage with a FormatException, losing its claims).
/// </summary>
public class DecimalDigitTests
{
    [Theory]
    [InlineData("١٩", 19)] // Arabic-Indic
    [InlineData("۱۹۸۴", 1984)] // Persian
    [InlineData("१२५", 125)] // Devanagari
    [InlineData("2024", 2024)]
    public void Digits_of_any_script_read_as_their_value(string digits, int value) => Assert.Equal(value, DecimalDigits.ParseInteger(digits));

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("99999999999999999")]
    public void What_is_not_a_plain_integer_reads_as_none(string digits) => Assert.Null(DecimalDigits.ParseInteger(digits));

    [Theory]
    [InlineData("انتهت المباراة ١٩-٢٠ مساء أمس.", "ar")]
    [InlineData("سجل الفريق ٣ - ٢ في الشوط الثاني، وبلغ عدد المشجعين ١٢٬٥٠٠ مشجع.", "ar")]
    [InlineData("Le score était de ١٩-٢٠ à la mi-temps.", "fr")]
    public void Quantities_read_sentences_with_such_digits_without_failing(string text, string language)
    {
        var quantities = LocaleQuantityTests.Run(text, language);
        Assert.All(quantities, q => Assert.True(q.Value >= 0));
    }

    [Fact]
    public void A_count_in_arabic_indic_digits_has_its_value()
    {
        var quantity = Assert.Single(LocaleQuantityTests.Run("The blast killed ١٩ people.", "en"));
        Assert.Equal(19, quantity.Value);
    }
}
