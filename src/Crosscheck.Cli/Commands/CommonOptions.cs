using System.CommandLine;

namespace Crosscheck.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help never drift apart.</summary>
public static class CommonOptions
{
    public const string DefaultDatabase = "./crosscheck.db";

    public static Option<string> Database() => new("--db")
    {
        Description = "The Crosscheck database: an SQLite file (created on first ingest), or postgres://user:password@host:port/database for a shared PostgreSQL store.",
        DefaultValueFactory = _ => DefaultDatabase,
        HelpName = "FILE",
    };

    /// <summary>A --db or --queue value as printed: its password (and any other credential) hidden.</summary>
    public static string Shown(string location) => Crosscheck.Core.Text.Secrets.Redact(location);

    public static Option<string?> Queue(string use) => new("--queue")
    {
        Description = $"The NATS JetStream work queue: nats://host:port (several, comma-separated, for a cluster). {use}",
        HelpName = "URL",
    };

    public static Option<string?> Stream() => new("--stream")
    {
        Description = $"The JetStream stream holding the queue (default {Crosscheck.Queue.QueueTarget.DefaultStream}); ingest and its workers must name the same one.",
        HelpName = "NAME",
    };

    /// <summary>What a command reads: one or more paths or sources, named in its usage line.</summary>
    public static Argument<string[]> Inputs(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Where a command without a web server serves its metrics (see <see cref="Metrics"/>).</summary>
    public static Option<int?> MetricsPort() => new("--metrics-port")
    {
        Description = "Serve OpenTelemetry metrics in Prometheus form at http://127.0.0.1:PORT/metrics (articles ingested and failed, " +
            "story placement time, queue lag; read-only, this machine only). Off unless given.",
        HelpName = "PORT",
    };

    /// <summary>
    /// The date given to inputs that carry none; read with <see cref="IngestCommand.ParseDate"/>.
    /// <paramref name="effect"/> says what else the date decides in this command, if anything.
    /// </summary>
    public static Option<string?> Published(string? effect = null) => new("--published")
    {
        Description = "Publication date for inputs that carry none (ISO 8601, e.g. 2021-09-15)." + (effect is null ? "" : " " + effect),
        HelpName = "DATE",
    };

    /// <summary>A language named by its ISO 639-1 code; <paramref name="description"/> says what it chooses.</summary>
    public static Option<string?> Language(string description) => new("--language") { Description = description, HelpName = "LANG" };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON (the contract in docs/JSON.md)." };

    public static Option<string?> Out(string what) => new("--out") { Description = $"Also write {what} to this file.", HelpName = "FILE" };
}
