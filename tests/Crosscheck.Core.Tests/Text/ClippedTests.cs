using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public class ClippedTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("a title that runs on", 8, "a title…")]
    public void Start_keeps_the_beginning_within_the_limit(string text, int max, string expected)
    {
        var clipped = Clipped.Start(text, max);
        Assert.Equal(expected, clipped);
        Assert.True(clipped.Length <= max);
    }

    [Theory]
    [InlineData("in/report.html", 20, "in/report.html")]
    [InlineData("/very/long/folder/name/report.html", 12, "…report.html")]
    public void End_keeps_the_tail_where_a_path_has_its_file_name(string text, int max, string expected)
    {
        var clipped = Clipped.End(text, max);
        Assert.Equal(expected, clipped);
        Assert.True(clipped.Length <= max);
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Clipped.Start("text", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Clipped.End("text", 0));
    }
}
