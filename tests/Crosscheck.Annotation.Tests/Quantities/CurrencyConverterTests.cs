using Crosscheck.Annotation.Quantities.Money;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quantities;

public class CurrencyConverterTests
{
    private static readonly CurrencyConverter Converter = CurrencyConverter.Default;

    [Fact]
    public void CfaFrancFollowsTheEuroPegAtTheArticleYear()
    {
        var usd = Converter.ToUsd(655.957, "XOF", new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.NotNull(usd);
        Assert.Equal(1.1195, usd!.Value, 4);
        Assert.Contains("2019", usd.Note);
        Assert.Contains("article date", usd.Note);
    }

    [Fact]
    public void UsesTheNearestYearAndSaysSo()
    {
        var usd = Converter.ToUsd(100, "RUB", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.NotNull(usd);
        Assert.Contains("nearest", usd!.Note);
        Assert.Contains("2021", usd.Note);
    }

    [Fact]
    public void UnknownDateUsesTheMeanRateAndSaysSo()
    {
        var usd = Converter.ToUsd(1, "EUR", null);
        Assert.NotNull(usd);
        Assert.InRange(usd!.Value, 1.05, 1.40);
        Assert.Contains("unknown", usd.Note);
    }

    [Fact]
    public void UnknownCurrencyIsNotConverted()
    {
        Assert.Null(Converter.ToUsd(5, "ZZZ", null));
        Assert.Equal(5, Converter.ToUsd(5, "USD", null)!.Value);
    }
}
