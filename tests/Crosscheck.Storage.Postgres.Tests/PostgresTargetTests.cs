using Npgsql;
using Xunit;

namespace Crosscheck.Storage.Postgres.Tests;

/// <summary>Connection strings and URLs: parsed without a server.</summary>
public sealed class PostgresTargetTests
{
    [Fact]
    public void A_url_gives_every_part()
    {
        var target = PostgresTarget.Parse("postgres://news%40desk:s3cr%3Aet@db.example:6543/archive?sslmode=verify-full&schema=team_a&connect_timeout=7");

        Assert.Equal("db.example", target.Builder.Host);
        Assert.Equal(6543, target.Builder.Port);
        Assert.Equal("news@desk", target.Builder.Username);
        Assert.Equal("s3cr:et", target.Builder.Password);
        Assert.Equal("archive", target.Builder.Database);
        Assert.Equal(SslMode.VerifyFull, target.Builder.SslMode);
        Assert.Equal(7, target.Builder.Timeout);
        Assert.Equal("team_a", target.Schema);
        Assert.Equal("team_a", target.Builder.SearchPath);
        Assert.Equal("postgres://news%40desk@db.example:6543/archive?schema=team_a", target.Display);
        Assert.DoesNotContain("s3cr", target.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_without_port_or_user_uses_the_defaults()
    {
        var target = PostgresTarget.Parse("postgresql://localhost/newsroom");
        Assert.Equal(5432, target.Builder.Port);
        Assert.Equal("newsroom", target.Builder.Database);
        Assert.Equal(PostgresTarget.DefaultSchema, target.Schema);
        Assert.Equal("crosscheck", target.Builder.ApplicationName);
    }

    [Fact]
    public void An_ipv6_host_is_unbracketed_for_the_driver()
    {
        var target = PostgresTarget.Parse("postgres://u@[::1]:5433/db");
        Assert.Equal("::1", target.Builder.Host);
        Assert.Equal("postgres://u@[::1]:5433/db", target.Display);
    }

    [Fact]
    public void A_key_value_string_is_accepted()
    {
        var target = PostgresTarget.Parse("Host=127.0.0.1;Port=5544;Username=postgres;Database=postgres;Search Path=nightly");
        Assert.Equal(5544, target.Builder.Port);
        Assert.Equal("nightly", target.Schema);
        Assert.Equal("postgres://postgres@127.0.0.1:5544/postgres?schema=nightly", target.Display);
    }

    [Theory]
    [InlineData("")]
    [InlineData("postgres://")]
    [InlineData("mysql://u@h/db")]
    [InlineData("postgres://u@h:notaport/db")]
    [InlineData("postgres://u@h/db?sslmode=sometimes")]
    [InlineData("postgres://u@h/db?frobnicate=1")]
    [InlineData("postgres://u@h/db?schema=Robert');DROP")]
    [InlineData("Host=h;Frobnicate=yes")]
    [InlineData("Host=h;Port=many")]
    [InlineData("Database=news")]
    [InlineData("just some words")]
    public void Bad_connection_strings_give_one_clear_line(string text)
    {
        var error = Assert.Throws<StoreException>(() => PostgresTarget.Parse(text));
        Assert.StartsWith("Invalid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://user:password@host:port/database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_password_never_appears_in_an_error()
    {
        var error = Assert.Throws<StoreException>(() => PostgresTarget.Parse("Host=h;Password=hunter2secret;Port=x"));
        Assert.DoesNotContain("hunter2secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://u@h/db", true)]
    [InlineData("POSTGRESQL://h/db", true)]
    [InlineData("Host=127.0.0.1;Database=x", true)]
    [InlineData("./crosscheck.db", false)]
    [InlineData("/data/news archive.db", false)]
    public void Postgres_locations_are_told_from_files(string location, bool expected)
    {
        Assert.Equal(expected, PostgresTarget.IsPostgres(location));
    }
}
