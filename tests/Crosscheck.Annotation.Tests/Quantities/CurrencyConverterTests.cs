using Crosscheck.Annotation.Quantities.Money;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quantities;

public class CurrencyConverterTests
{
    private static readonly CurrencyConverter Converter = CurrencyConverter.Default;

    [Fact]
    public void CFA_franc_follows_the_euro_peg_at_the_article_year()
    {
        var usd = Converter.ToUsd(655.957, "XOF", new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.NotNull(usd);
        Assert.Equal(1.1195, usd!.Value, 4);
        Assert.Contains("2019", usd.Note);
        Assert.Contains("article date", usd.Note);
    }

    [Fact]
    public void Uses_the_nearest_year_and_says_so()
    {
        var usd = Converter.ToUsd(100, "RUB", new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.NotNull(usd);
        Assert.Contains("nearest", usd!.Note);
        Assert.Contains("2021", usd.Note);
    }

    [Fact]
    public void Unknown_date_uses_the_mean_rate_and_says_so()
    {
        var usd = Converter.ToUsd(1, "EUR", null);
        Assert.NotNull(usd);
        Assert.InRange(usd!.Value, 1.05, 1.40);
        Assert.Contains("unknown", usd.Note);
    }

    [Fact]
    public void Unknown_currency_is_not_converted()
    {
        Assert.Null(Converter.ToUsd(5, "ZZZ", null));
        Assert.Equal(5, Converter.ToUsd(5, "USD", null)!.Value);
    }
}
