using System.Text.Json;
using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public class JsonTextTests
{
    private static JsonElement Root(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void An_unpaired_surrogate_escape_becomes_a_replacement_character_and_the_rest_is_kept()
    {
        var root = Root("""{"text": "before \ud800 after \"quoted\" \\ \n\t/ \u00e9 \ud83d\ude00 end \udc00"}""");

        Assert.Throws<InvalidOperationException>(() => root.GetProperty("text").GetString());
        Assert.Equal("before \uFFFD after \"quoted\" \\ \n\t/ é 😀 end \uFFFD", JsonText.Property(root, "text"));
    }

    [Fact]
    public void A_high_surrogate_escape_at_the_end_of_a_string_is_replaced()
    {
        Assert.Equal("abc\uFFFD", JsonText.String(Root("""["abc\ud83d"]""")[0]));
        Assert.Equal("\uFFFD\uFFFD", JsonText.String(Root("""["\ud83d\ud83d"]""")[0]));
    }

    [Fact]
    public void A_property_name_with_an_unpaired_surrogate_is_passed_over_and_the_others_are_found()
    {
        var root = Root("""{"title": "Found", "\ud800": 1, "text": 2}""");

        Assert.Throws<InvalidOperationException>(() => root.TryGetProperty("title", out _));
        Assert.Equal("Found", JsonText.Property(root, "title"));
        Assert.Null(JsonText.Property(root, "text"));
        Assert.False(JsonText.TryGetProperty(root, "missing", out _));
    }

    [Fact]
    public void Non_strings_and_non_objects_give_null()
    {
        Assert.Null(JsonText.String(Root("[1]")[0]));
        Assert.Null(JsonText.Property(Root("[1]"), "text"));
    }
}
