using Crosscheck.Core.Text;
using Xunit;

namespace Crosscheck.Core.Tests.Text;

public sealed class SecretsTests
{
    [Theory]
    [InlineData("postgres://crosscheck:s3cr3t@db:5432/news", "postgres://crosscheck:***@db:5432/news")]
    [InlineData("postgresql://crosscheck:p@ss:w0rd@db/news?schema=eu", "postgresql://crosscheck:***@db/news?schema=eu")]
    [InlineData("nats://worker:s3cr3t@q1:4222,nats://worker:s3cr3t@q2:4222", "nats://worker:***@q1:4222,nats://worker:***@q2:4222")]
    [InlineData("Host=db;Username=crosscheck;Password=s3cr3t;Database=news", "Host=db;Username=crosscheck;Password=***;Database=news")]
    [InlineData("Host=db; pwd = 's3 cr3t' ;Database=news", "Host=db; pwd = *** ;Database=news")]
    [InlineData("https://feeds.example/rss?token=s3cr3t&page=2", "https://feeds.example/rss?token=***&page=2")]
    [InlineData("error: https://feeds.example/rss?token=s3:cr3t: refused", "error: https://feeds.example/rss?token=***: refused")]
    [InlineData("Host=db;Password=a:b", "Host=db;Password=***")]
    [InlineData("error: unrecognized argument 'postgres://u:s3cr3t@h/x'", "error: unrecognized argument 'postgres://u:***@h/x'")]
    public void Passwords_and_tokens_are_masked(string text, string expected) => Assert.Equal(expected, Secrets.Redact(text));

    [Theory]
    [InlineData("postgres://crosscheck@db:5432/news")]
    [InlineData("./news.db")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("a password is needed: use --token-file FILE")]
    public void Text_without_credentials_is_unchanged(string text) => Assert.Equal(text, Secrets.Redact(text));

    [Fact]
    public void Known_secrets_are_masked_wherever_they_occur() =>
        Assert.Equal("login for *** failed (***)", Secrets.Redact("login for hunter2x failed (hunter2x)", "hunter2x", null, "ab"));
}
