using System.Text.RegularExpressions;
using Npgsql;

namespace Crosscheck.Storage.Postgres;

/// <summary>
/// Where a PostgreSQL store lives: parsed from a <c>postgres://user:password@host:port/db?schema=name</c>
/// URL or an Npgsql key=value string (<c>Host=...;Database=...;Search Path=name</c>). The store's
/// tables live in one schema (default <see cref="DefaultSchema"/>), so a database can be shared
/// with other applications and several stores.
/// </summary>
public sealed partial record PostgresTarget
{
    public const string DefaultSchema = "crosscheck";

    private PostgresTarget(NpgsqlConnectionStringBuilder builder, string schema)
    {
        Builder = builder;
        Schema = schema;
    }

    /// <summary>The connection settings, with the search path set to <see cref="Schema"/>.</summary>
    public NpgsqlConnectionStringBuilder Builder { get; }

    public string Schema { get; }

    /// <summary>The target as a URL without its password, for messages.</summary>
    public string Display
    {
        get
        {
            var user = string.IsNullOrEmpty(Builder.Username) ? "" : Uri.EscapeDataString(Builder.Username) + "@";
            var host = Builder.Host ?? "localhost";
            if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')) host = "[" + host + "]";
            var schema = Schema == DefaultSchema ? "" : "?schema=" + Schema;
            return $"postgres://{user}{host}:{Builder.Port}/{Builder.Database ?? Builder.Username}{schema}";
        }
    }

    /// <summary>True when <paramref name="location"/> names a PostgreSQL store rather than a file.</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.Replace(" ", "", StringComparison.Ordinal).Contains("host=", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="StoreException">The text is not a valid URL or connection string; the message says what is expected.</exception>
    public static PostgresTarget Parse(string connectionStringOrUrl)
    {
        if (string.IsNullOrWhiteSpace(connectionStringOrUrl))
            throw Invalid("it is empty");
        var text = connectionStringOrUrl.Trim();
        NpgsqlConnectionStringBuilder builder;
        string? schema;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            (builder, schema) = ParseUrl(text);
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw Invalid(StoreCommon.OneLine(RemovePassword(e.Message, text)));
            }
            schema = builder.SearchPath;
        }
        if (string.IsNullOrWhiteSpace(builder.Host)) throw Invalid("no host is given");
        schema = string.IsNullOrWhiteSpace(schema) ? DefaultSchema : schema.Trim();
        if (!SchemaName().IsMatch(schema))
            throw Invalid($"the schema '{schema}' is not a plain lower-case name (letters, digits, _)");
        builder.SearchPath = schema;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "crosscheck";
        return new PostgresTarget(builder, schema);
    }

    private static (NpgsqlConnectionStringBuilder, string?) ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw Invalid("it is not a valid URL");
        if (uri.Scheme is not ("postgres" or "postgresql"))
            throw Invalid($"the scheme '{uri.Scheme}' is not postgres://");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0) builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0) builder.Database = database;
        string? schema = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key.ToLowerInvariant())
            {
                case "schema" or "search_path":
                    schema = value;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
                        ? mode : throw Invalid($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full");
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, out var seconds) && seconds >= 0 ? seconds : throw Invalid($"connect_timeout '{value}' is not a number of seconds");
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                default:
                    try
                    {
                        builder[key] = value;
                    }
                    catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
                    {
                        throw Invalid($"the parameter '{key}' is not understood");
                    }
                    break;
            }
        }
        return (builder, schema);
    }

    /// <summary>The message with the connection string's password hidden (Npgsql's parse errors may quote the string).</summary>
    private static string RemovePassword(string message, string connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder();
        var secrets = new List<string?>();
        try
        {
            builder.ConnectionString = connectionString;
            foreach (var key in new[] { "password", "pwd" })
            {
                if (builder.TryGetValue(key, out var password)) secrets.Add(password as string);
            }
        }
        catch (ArgumentException)
        {
            // Not even key=value syntax: no password can be parsed out; the patterns still apply.
        }
        return Crosscheck.Core.Text.Secrets.Redact(message, secrets);
    }

    private static StoreException Invalid(string problem) => new(
        $"Invalid PostgreSQL connection string ({problem}). Use postgres://user:password@host:port/database[?schema=name] or Host=...;Port=...;Username=...;Database=....");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
