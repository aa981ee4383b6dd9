using Npgsql;
using Xunit;

namespace Crosscheck.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL server a test run may have (scripts/with-postgres.sh starts one and sets
/// <see cref="Variable"/>). Each test works in a schema of its own, dropped afterwards.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "CROSSCHECK_TEST_POSTGRES";

    public const string SkipReason =
        "No PostgreSQL server: set " + Variable + " to a connection string, or run the tests through scripts/with-postgres.sh.";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string NewSchemaName() => "test_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The server's connection string with the store placed in <paramref name="schema"/>.</summary>
    public static string InSchema(string schema) =>
        new NpgsqlConnectionStringBuilder(ConnectionString ?? throw new InvalidOperationException(SkipReason)) { SearchPath = schema }.ToString();

    public static void Execute(string sql)
    {
        using var dataSource = NpgsqlDataSource.Create(ConnectionString ?? throw new InvalidOperationException(SkipReason));
        using var command = dataSource.CreateCommand(sql);
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string sql)
    {
        using var dataSource = NpgsqlDataSource.Create(ConnectionString ?? throw new InvalidOperationException(SkipReason));
        using var command = dataSource.CreateCommand(sql);
        return command.ExecuteScalar();
    }

    public static void DropSchema(string schema)
    {
        if (ConnectionString is null) return;
        Execute($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE");
    }
}

/// <summary>A fact that needs the PostgreSQL server: skipped with a clear reason when there is none.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.ConnectionString is null) Skip = PostgresTestServer.SkipReason;
    }
}
