using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quantities;

public class QuantityRecognizerTests
{
    internal static Quantity[] Run(string text, DateTimeOffset? published = null, QuantityOptions? options = null)
    {
        var document = ClaimDocs.Plain(text, published);
        new QuantityRecognizer(options ?? new QuantityOptions()).Process(document);
        LayerAssert.SpansWellFormed(document);
        return document.Quantities;
    }

    [Fact]
    public void Counts_the_noun_after_the_number()
    {
        var q = Assert.Single(Run("The ministry said 1,000 Russian instructors arrived last week."));
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(1000, q.Value);
        Assert.Equal("instructors", q.CountedHead);
    }

    [Fact]
    public void Reads_money_with_scale_currency_name_and_period()
    {
        var q = Assert.Single(Run("The firm would be paid 3 billion CFA francs per month for its work.", new DateTimeOffset(2021, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal(3e9, q.Value);
        Assert.Equal("XOF", q.Unit);
        Assert.Equal("month", q.Period);
        Assert.NotNull(q.Normalized);
        Assert.Equal(3e9 / 655.957 * 1.1827, q.Normalized!.Value, 0);
        Assert.Equal("USD", q.Normalized.Unit);
    }

    [Fact]
    public void Reads_symbol_money_with_qualifier()
    {
        var q = Assert.Single(Run("Officials said the plan costs about US$2.5m a year."));
        Assert.Equal(2.5e6, q.Value);
        Assert.Equal("USD", q.Unit);
        Assert.Equal(Qualifier.About, q.Qualifier);
        Assert.Equal("year", q.Period);
    }

    [Fact]
    public void Reads_ranges_words_and_strong()
    {
        var range = Assert.Single(Run("Between 2,500 to 3,000 soldiers took part."));
        Assert.Equal(2500, range.Value);
        Assert.Equal(3000, range.High);
        Assert.Equal("soldiers", range.CountedHead);

        var words = Assert.Single(Run("Police said a thousand protesters gathered."));
        Assert.Equal(1000, words.Value);
        Assert.Equal("protesters", words.CountedHead);

        var strong = Assert.Single(Run("It sent a 4,000-strong mission to the region."));
        Assert.Equal(4000, strong.Value);
        Assert.Equal("mission", strong.CountedHead);
    }

    [Theory]
    [InlineData("The COVID-19 crisis deepened.")]
    [InlineData("Under Article 5 of the treaty, members respond.")]
    [InlineData("The vote was held in 2013 after a long delay.")]
    [InlineData("The talks began on September 14 in Geneva.")]
    [InlineData("The meeting starts at 6 p.m. local time.")]
    [InlineData("He finished 3rd in the race.")]
    public void Skips_numbers_that_do_not_count(string text)
    {
        Assert.Empty(Run(text));
    }

    [Fact]
    public void Rejects_absurd_numbers_cleanly()
    {
        var document = ClaimDocs.Plain("A figure of " + new string('9', 500) + " and 10^400 dollars.");
        new QuantityRecognizer().Process(document);
        Assert.Empty(document.Quantities);
        Assert.Contains(document.Diagnostics, d => d.Stage == "quantities");
    }

    [Fact]
    public void Reads_percent()
    {
        var q = Assert.Single(Run("Turnout rose to nearly 45 percent of registered voters."));
        Assert.Equal(QuantityKind.Percent, q.Kind);
        Assert.Equal(45, q.Value);
        Assert.Equal(Qualifier.Nearly, q.Qualifier);
    }
}
