using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Queue.Tests.Support;
using Xunit;

namespace Crosscheck.Cli.Tests.Queue;

[Collection(ServersCollection.Name)]
public sealed class EnqueueTests
{
    [ServersFact]
    public async Task Ingest_queues_inputs_stored_earlier_but_never_processed_so_a_rerun_completes_a_broken_one()
    {
        await using var run = new QueueScenario(12);
        // An earlier `ingest --queue` stored these and died before publishing them.
        var stored = new InputReader().Read([run.Corpus.Directory], new IngestHints()).OfType<RawItem>().Select(item => item.Raw).ToList();
        foreach (var raw in stored.Take(5)) Assert.True(run.Store.AddRaw(raw));

        var result = CliRunner.Run(run.Corpus.Directory, "ingest", run.Corpus.Directory, "--db", run.Database, "--queue", NatsTestServer.Url!, "--stream", run.Stream);

        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains($"{stored.Count - 5} new input(s) stored, 5 already stored, 0 bad input(s); {stored.Count} queued for workers", result.Out, StringComparison.Ordinal);
        Assert.Contains($"next: crosscheck worker --queue {run.Target.Display} --stream {run.Stream} --db postgres://", result.Out, StringComparison.Ordinal);
        Assert.Equal(((ulong)stored.Count, 0L), await run.BacklogAsync());
        Assert.Equal(0, run.Store.CountArticles());
    }
}
