using Crosscheck.Storage.Postgres.Tests;
using NATS.Client.Core;
using NATS.Net;
using Xunit;

namespace Crosscheck.Queue.Tests.Support;

/// <summary>
/// The NATS server a test run may have (scripts/with-nats.sh starts one and sets <see cref="Variable"/>).
/// Each test uses a stream of its own, deleted afterwards, and a PostgreSQL schema of its own.
/// </summary>
public static class NatsTestServer
{
    public const string Variable = "CROSSCHECK_TEST_NATS";

    public const string RestartVariable = "CROSSCHECK_TEST_NATS_RESTART";

    public static string? Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string NewStreamName() => "T" + Guid.NewGuid().ToString("N")[..12];

    public static async Task DeleteStreamAsync(string stream)
    {
        if (Url is null) return;
        await using var connection = new NatsConnection(new NatsOpts { Url = Url });
        try
        {
            await connection.CreateJetStreamContext().DeleteStreamAsync(stream);
        }
        catch (NATS.Client.JetStream.NatsJSApiException)
        {
            // Never created (the test failed before it got that far).
        }
    }

    public static void Restart()
    {
        using var restart = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", Environment.GetEnvironmentVariable(RestartVariable)!])
        {
            UseShellExecute = false,
        })!;
        Assert.True(restart.WaitForExit(TimeSpan.FromSeconds(60)), "the NATS restart did not finish");
        Assert.Equal(0, restart.ExitCode);
    }

    /// <summary>Why a test needing both servers cannot run here, or null when it can.</summary>
    public static string? MissingServers() =>
        Url is null ? $"No NATS server: set {Variable} to nats://host:port, or run the tests through scripts/with-nats.sh."
        : PostgresTestServer.ConnectionString is null ? PostgresTestServer.SkipReason
        : null;
}

/// <summary>Tests that use the servers run one at a time: one of them restarts NATS, and the fault tests need the machine's cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServersCollection
{
    public const string Name = "NATS and PostgreSQL servers";
}

/// <summary>A fact that needs NATS (JetStream) and PostgreSQL: skipped with a clear reason when either is missing.</summary>
public sealed class ServersFactAttribute : FactAttribute
{
    public ServersFactAttribute()
    {
        if (NatsTestServer.MissingServers() is { } reason) Skip = reason;
    }
}

/// <summary>A fact that also restarts the NATS server; skipped unless the run allows it (scripts/with-nats.sh --allow-restart).</summary>
public sealed class NatsRestartFactAttribute : FactAttribute
{
    public NatsRestartFactAttribute()
    {
        if (NatsTestServer.MissingServers() is { } reason) Skip = reason;
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NatsTestServer.RestartVariable)))
            Skip = $"Restarting the NATS server is not allowed in this run: set {NatsTestServer.RestartVariable} (scripts/with-nats.sh --allow-restart does).";
    }
}

/// <summary>A long run, only when asked for by an environment variable (it takes minutes).</summary>
public sealed class LongRunFactAttribute : FactAttribute
{
    public LongRunFactAttribute(string variable, string what)
    {
        if (NatsTestServer.MissingServers() is { } reason) Skip = reason;
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
            Skip = $"{what} runs only when {variable} is set (it takes minutes).";
    }
}

/// <summary>A fact that starts nats-server itself (with settings of its own); skipped when the program is not installed.</summary>
public sealed class NatsServerInstalledFactAttribute : FactAttribute
{
    public NatsServerInstalledFactAttribute()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':');
        if (!path.Any(dir => File.Exists(Path.Combine(dir, "nats-server"))))
            Skip = "nats-server is not installed (apt-get install nats-server; CI installs it).";
    }
}
