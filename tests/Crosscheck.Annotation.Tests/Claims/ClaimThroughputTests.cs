using System.Diagnostics;
using Crosscheck.Annotation.Citations;
using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>
/// Throughput of the four claim stages together on one thread, over PolNeAR dev texts already split,
/// tokenized and tagged (those stages are not timed). Prints tokens per second; the floor is far below
/// the 50,000 target so a busy shared machine does not fail the build.
/// </summary>
public class ClaimThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public void ClaimStagesTokensPerSecond()
    {
        var shared = Docs.SharedDirectory();
        var dir = shared is null ? null : Path.Combine(shared, "data", "attribution-polnear", "dev", "text");
        if (dir is null || !Directory.Exists(dir))
        {
            output.WriteLine("skipped: ../shared/data/attribution-polnear/dev not found");
            return;
        }
        var prepared = Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Select(path => ClaimPipeline.Annotate(File.ReadAllText(path)))
            .ToList();
        IDocumentStage[] stages = [new QuantityRecognizer(), new TimeExpressionRecognizer(), new QuoteRecognizer(), new CitationRecognizer()];
        var tokens = prepared.Sum(d => d.Tokens.Length);
        Run(prepared, stages); // warm-up: JIT and word lists
        var watch = Stopwatch.StartNew();
        const int rounds = 3;
        for (var r = 0; r < rounds; r++) Run(prepared, stages);
        watch.Stop();
        var perSecond = tokens * rounds / watch.Elapsed.TotalSeconds;
        output.WriteLine($"claim stages: {prepared.Count} documents, {tokens} tokens, {perSecond:0} tokens/s on one thread");
        Assert.True(perSecond > 10_000, $"claim stages ran at {perSecond:0} tokens/s");
    }

    private static void Run(List<Document> documents, IDocumentStage[] stages)
    {
        foreach (var document in documents)
        {
            foreach (var stage in stages) stage.Process(document);
        }
    }
}
