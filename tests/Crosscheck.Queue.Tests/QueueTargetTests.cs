using Xunit;

namespace Crosscheck.Queue.Tests;

public sealed class QueueTargetTests
{
    [Fact]
    public void A_plain_URL_gets_the_default_port_and_stream()
    {
        var target = QueueTarget.Parse("nats://queue.internal");
        Assert.Equal("nats://queue.internal:4222", target.Display);
        Assert.Equal(QueueTarget.DefaultStream, target.Stream);
        Assert.Equal("crosscheck.crosscheck.raw", target.Subject);
    }

    [Fact]
    public void Passwords_never_reach_the_display_form_and_a_cluster_keeps_every_server()
    {
        var target = QueueTarget.Parse("nats://ingest:s3cret@10.0.0.5:4333, nats://10.0.0.6:4333", "NEWS_EU");
        Assert.Equal("nats://ingest@10.0.0.5:4333,nats://10.0.0.6:4333", target.Display);
        Assert.DoesNotContain("s3cret", target.Display, StringComparison.Ordinal);
        Assert.Equal("crosscheck.news_eu.raw", target.Subject);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("queue.internal:4222", "it is not a URL")]
    [InlineData("http://queue.internal", "the scheme 'http' is not nats://")]
    [InlineData("nats://queue.internal:4222/news", "a NATS URL has no path or query")]
    [InlineData("nats://a:4222,,nats://b:4222", "one of the comma-separated URLs is empty")]
    [InlineData("nats://queue.internal:99999", "it is not a URL")]
    public void Bad_URLs_are_refused_with_the_reason(string url, string reason)
    {
        var error = Assert.Throws<QueueException>(() => QueueTarget.Parse(url));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("Use nats://host:port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_URL_does_not_echo_its_password()
    {
        var error = Assert.Throws<QueueException>(() => QueueTarget.Parse("nats://ingest:s3cret@queue.internal:4222/x"));
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("news.eu")]
    [InlineData("news eu")]
    [InlineData("a-stream-name-that-is-far-too-long-for-us")]
    public void Stream_names_that_JetStream_or_subjects_cannot_carry_are_refused(string stream)
    {
        var error = Assert.Throws<QueueException>(() => QueueTarget.Parse("nats://localhost:4222", stream));
        Assert.Contains($"'{stream}'", error.Message, StringComparison.Ordinal);
    }
}
