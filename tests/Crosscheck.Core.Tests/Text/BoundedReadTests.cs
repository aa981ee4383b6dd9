using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public class BoundedReadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81920)]
    [InlineData(200_000)]
    public void A_stream_up_to_the_bound_is_read_whole_and_one_byte_more_is_refused(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        Assert.Equal(bytes, BoundedRead.ToEnd(new MemoryStream(bytes), maxBytes: length));
        if (length > 0) Assert.Null(BoundedRead.ToEnd(new MemoryStream(bytes), maxBytes: length - 1));
    }
}
