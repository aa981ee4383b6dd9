using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// Acceptance 1 of the stories issue through the flow `crosscheck eval clustering` runs (annotation, then
/// online clustering in file order, then the end-of-input settle): the ECB+ development topics reach the
/// issue's bars, B-cubed F1 ≥ 0.95 and pairwise F1 ≥ 0.92.
/// </summary>
public sealed class EcbPlusClusteringAcceptanceTests(ITestOutputHelper output)
{
    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void AnnotatedDevTopicsReachTheIssueBars()
    {
        var path = Path.Combine(Docs.SharedDirectory()!, "data", "clustering-ecbplus-dev", "documents.jsonl");
        var lines = ClusteringEvaluator.Read(path);

        var (scores, _) = ClusteringEvaluator.Evaluate(lines, input => Engine.AnnotateText(input.Id, input.Text, input.Published, input.Title));

        output.WriteLine(ClusteringEvaluator.Format(scores, path));
        Assert.True(scores.BCubedF1 >= 0.95, $"B-cubed F1 {scores.BCubedF1:F4} below 0.95");
        Assert.True(scores.PairF1 >= 0.92, $"pairwise F1 {scores.PairF1:F4} below 0.92");
    }
}
