using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Time;

public class TimeExpressionRecognizerTests
{
    private static readonly DateTimeOffset Published = new(2021, 9, 15, 10, 0, 0, TimeSpan.Zero); // a Wednesday

    private static TimeExpression[] Run(string text, DateTimeOffset? published)
    {
        var document = ClaimDocs.Plain(text, published);
        new TimeExpressionRecognizer().Process(document);
        LayerAssert.SpansWellFormed(document);
        return document.TimeExpressions;
    }

    [Theory]
    [InlineData("The deal was signed on Feb. 14, 2022 in the capital.", "Feb. 14, 2022", "2022-02-14", TimeGranularity.Day)]
    [InlineData("The operation began in January 2013 with air strikes.", "January 2013", "2013-01", TimeGranularity.Month)]
    [InlineData("Soldiers seized power in August 2020 in a coup.", "August 2020", "2020-08", TimeGranularity.Month)]
    [InlineData("The mission has been in place since 2014 in the region.", "2014", "2014", TimeGranularity.Year)]
    [InlineData("Voting took place on 3 March 2019 without incident.", "3 March 2019", "2019-03-03", TimeGranularity.Day)]
    public void Resolves_absolute_dates(string text, string surface, string value, TimeGranularity granularity)
    {
        var t = Assert.Single(Run(text, null));
        Assert.Equal(surface, text.Substring(t.Span.Start, t.Span.Length));
        Assert.Equal(value, t.Value);
        Assert.Equal(granularity, t.Granularity);
    }

    [Fact]
    public void Unknown_year_stays_unknown_without_publication_date()
    {
        var t = Assert.Single(Run("Ministers met in the capital on September 1 to discuss it.", null));
        Assert.Equal("XXXX-09-01", t.Value);
    }

    [Fact]
    public void Infers_the_year_from_the_publication_date_with_lower_confidence()
    {
        var t = Assert.Single(Run("Ministers met in the capital on September 1 to discuss it.", Published));
        Assert.Equal("2021-09-01", t.Value);
        Assert.True(t.Confidence < 1f);
    }

    [Theory]
    [InlineData("The minister resigned last week after protests.", "2021-W36", TimeGranularity.Week)]
    [InlineData("Elections are planned for next year, officials said.", "2022", TimeGranularity.Year)]
    [InlineData("The convoy was attacked on Saturday near the border.", "2021-09-11", TimeGranularity.Day)]
    [InlineData("The talks collapsed yesterday in the capital.", "2021-09-14", TimeGranularity.Day)]
    [InlineData("Troops will withdraw by January under the plan.", "2022-01", TimeGranularity.Month)]
    [InlineData("Fighting flared in late May around the town.", "2021-05", TimeGranularity.Month)]
    public void Resolves_relative_expressions(string text, string value, TimeGranularity granularity)
    {
        var t = Assert.Single(Run(text, Published));
        Assert.Equal(value, t.Value);
        Assert.Equal(granularity, t.Granularity);
        Assert.True(t.Relative);
    }

    [Theory]
    [InlineData("They may march on the capital.")]
    [InlineData("The company sold 2013 units last quarter.")]
    public void Ignores_lookalikes(string text)
    {
        Assert.Empty(Run(text, Published));
    }
}
