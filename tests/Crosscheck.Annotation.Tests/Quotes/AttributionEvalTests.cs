using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// Scores the quote layer on PolNeAR dev (read from ../shared/data at test time; skipped with a
/// message when absent). CLAIMS_EVAL_SPLIT=train scores the training split instead, for rule work.
/// The floors guard against regressions; docs/BENCHMARKS.md holds the measured figures.
/// </summary>
public class AttributionEvalTests(ITestOutputHelper output)
{
    [Fact]
    public void PolnearDevFigures()
    {
        var shared = Docs.SharedDirectory();
        var split = Environment.GetEnvironmentVariable("CLAIMS_EVAL_SPLIT") ?? "dev";
        var dir = shared is null ? null : Path.Combine(shared, "data", "attribution-polnear", split);
        if (dir is null || !Directory.Exists(dir))
        {
            output.WriteLine("skipped: ../shared/data/attribution-polnear not found");
            return;
        }
        var writer = new StringWriter();
        var outPath = Environment.GetEnvironmentVariable("CLAIMS_EVAL_OUT");
        var code = AttributionEvaluator.Run(dir, outPath, writer, text => ClaimPipeline.Annotate(text));
        output.WriteLine(writer.ToString());
        Assert.Equal(0, code);
        Assert.Contains("direct", writer.ToString());
    }
}
