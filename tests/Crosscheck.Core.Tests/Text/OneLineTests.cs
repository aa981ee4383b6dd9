using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public sealed class OneLineTests
{
    [Theory]
    [InlineData("error: a\nerror: forged.html: x", "error: a\\nerror: forged.html: x")]
    [InlineData("a\r\tb", "a\\r\\tb")]
    [InlineData("esc \u001b[2J and del \u007f", "esc \\x1b[2J and del \\x7f")]
    [InlineData("line\u2028sep, bidi \u202egnp.html", "line\\u2028sep, bidi \\u202egnp.html")]
    [InlineData("café/Привет/新闻 \\ kept", "café/Привет/新闻 \\ kept")]
    public void Characters_that_break_or_disguise_a_line_are_escaped_and_the_rest_kept(string text, string expected) =>
        Assert.Equal(expected, OneLine.Of(text));

    [Fact]
    public void A_line_with_nothing_to_escape_is_returned_as_it_is()
    {
        const string line = "error: /tmp/a b.html: is empty";
        Assert.Same(line, OneLine.Of(line));
    }
}
