using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public class StableHashTests
{
    // Published FNV-1a 32-bit values (ASCII text: one UTF-16 code unit per byte). Model files store buckets of this
    // hash, so a change to it would silently scramble every shipped page-type word weight.
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Fnv1a32_gives_the_published_values(string text, uint expected) =>
        Assert.Equal(expected, StableHash.Fnv1a32(text));

    [Fact]
    public void Fnv1a32_reads_every_code_unit_of_text_beyond_ascii() =>
        Assert.NotEqual(StableHash.Fnv1a32("über"), StableHash.Fnv1a32("uber"));
}
