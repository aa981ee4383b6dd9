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
    public void PolNeAR_dev_figures()
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
        if (split != "dev") return;
        // Floors at the dev figures measured on 2026-12-04 (0.949 / 0.901 / 0.722): any loss fails.
        Assert.True(AttributionReport.F1(writer.ToString(), "direct", "content") >= 0.949, writer.ToString());
        Assert.True(AttributionReport.F1(writer.ToString(), "direct", "content+source") >= 0.901, writer.ToString());
        Assert.True(AttributionReport.F1(writer.ToString(), "all", "content+source") >= 0.722, writer.ToString());
    }

    [Fact]
    public void Quote_with_neither_speaker_nor_cue_is_no_attribution()
    {
        var d = QuoteTestDocs.Run("The harbour was quiet.\n\n“Fish in the morning, nets in the evening, and nothing in between.”\n\n“The ferry runs again in May,” Lina Sauer said.",
            ("Lina Sauer", Crosscheck.Core.Model.EntityType.Person, null));
        Assert.Contains(d.Quotes, q => q.SpeakerSpan is null && d[q.Span].Contains("nets in the evening", StringComparison.Ordinal));
        var attributions = AttributionEvaluator.FromDocument("a.txt", d).ToList();
        var single = Assert.Single(attributions);
        Assert.NotNull(single.Source);
    }
}
