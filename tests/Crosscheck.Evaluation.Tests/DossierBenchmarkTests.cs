using Crosscheck.Bench;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class DossierBenchmarkTests
{
    [Fact]
    public void The_benchmark_builds_a_small_synthetic_story_and_reports_its_time()
    {
        using var output = new StringWriter();

        var median = DossierBenchmark.Run(output, articles: 20, runs: 1);

        Assert.True(median > TimeSpan.Zero);
        Assert.Contains("dossier of 20 articles", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("median of 1 builds", output.ToString(), StringComparison.Ordinal);
    }
}
