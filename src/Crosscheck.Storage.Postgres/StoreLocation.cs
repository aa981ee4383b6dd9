using Crosscheck.Storage.Sqlite;

namespace Crosscheck.Storage.Postgres;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL URL or connection string, else an SQLite file path.</summary>
public static class StoreLocation
{
    /// <exception cref="StoreException">The store cannot be opened; the message is one line naming it and what to do.</exception>
    public static IStore Open(string location) =>
        PostgresTarget.IsPostgres(location) ? PostgresStore.Open(location) : SqliteStore.Open(location);
}
