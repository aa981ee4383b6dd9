using System.Diagnostics;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Postgres.Tests;

/// <summary>Restarting the server would break the other tests' transactions: these run alone, after them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerRestartCollection
{
    public const string Name = "PostgreSQL server restarts";
}

/// <summary>A fact that restarts the test server; skipped when the run did not say how (scripts/with-postgres.sh does).</summary>
public sealed class PostgresRestartFactAttribute : FactAttribute
{
    public const string Variable = "CROSSCHECK_TEST_POSTGRES_RESTART";

    public PostgresRestartFactAttribute()
    {
        if (PostgresTestServer.ConnectionString is null) Skip = PostgresTestServer.SkipReason;
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            Skip = "Restarting the PostgreSQL server is not allowed in this run: set " + Variable + " (scripts/with-postgres.sh --allow-restart does).";
    }
}

[Collection(ServerRestartCollection.Name)]
public sealed class PostgresRestartTests : IDisposable
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public void Dispose() => PostgresTestServer.DropSchema(_schema);

    private static void RestartServer()
    {
        using var restart = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", Environment.GetEnvironmentVariable(PostgresRestartFactAttribute.Variable)!])
        {
            UseShellExecute = false,
        })!;
        Assert.True(restart.WaitForExit(TimeSpan.FromSeconds(120)), "the server restart did not finish");
        Assert.Equal(0, restart.ExitCode);
    }

    [PostgresRestartFact]
    public async Task Writes_carry_on_across_a_server_restart()
    {
        using var store = PostgresStore.Open(PostgresTestServer.InSchema(_schema));
        var inputs = Enumerable.Range(0, 120).Select(i => Raw($"wire report {i}")).ToArray();
        using var halfway = new ManualResetEventSlim();

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                if (i == inputs.Length / 3) halfway.Set();
                store.AddRaw(inputs[i]);
                store.SaveDocument(Plain(inputs[i].Id, $"Report {i}", "Filed while the server may be restarting."));
                Thread.Sleep(15);
            }
        });
        Assert.True(halfway.Wait(TimeSpan.FromSeconds(60)));
        RestartServer();
        await writer.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(inputs.Length, store.CountRaw());
        Assert.Equal(inputs.Length, store.CountArticles());
        Assert.Equal(inputs.Select(r => r.Id), store.AllRaw().Select(r => r.Id));
    }
}
