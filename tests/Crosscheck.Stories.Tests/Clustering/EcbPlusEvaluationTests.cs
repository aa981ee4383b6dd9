using Crosscheck.Evaluation.Clustering;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary>
/// Scores the clusterer on the ECB+ development topics (read from ../shared/data at test time) with
/// bare documents (no annotation layers): the floor the real pipeline should only raise.
/// </summary>
public sealed class EcbPlusEvaluationTests(ITestOutputHelper output)
{
    public static string? DocumentsPath()
    {
        var shared = Docs.SharedDirectory();
        var path = shared is null ? null : Path.Combine(shared, "data", "clustering-ecbplus-dev", "documents.jsonl");
        return path is not null && File.Exists(path) ? path : null;
    }

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Bare_documents_cluster_well_above_single_pass_TF_IDF()
    {
        var path = DocumentsPath()!;
        var scores = ClusteringEvaluator.Evaluate(path, ClusteringEvaluator.BareDocument).Scores;
        output.WriteLine($"B-cubed F1 {scores.BCubedF1:F4} (P {scores.BCubedPrecision:F4}, R {scores.BCubedRecall:F4}); pairwise F1 {scores.PairF1:F4}");
        // Floors at the figures measured on 2026-12-04 (0.9357 / 0.9124), so any loss fails;
        // the bars (0.95 / 0.92) are checked on annotated documents in the CLI tests.
        Assert.True(scores.BCubedF1 >= 0.935, $"B-cubed F1 {scores.BCubedF1:F4} below the measured floor 0.935");
        Assert.True(scores.PairF1 >= 0.912, $"pairwise F1 {scores.PairF1:F4} below the measured floor 0.912");
    }

    /// <summary>
    /// Real merges and splits in an interleaved order (a fixed shuffle, so topics do not arrive together and
    /// stories meet late): afterwards every article is in exactly one live story, and every redirect is one
    /// hop to a live story, even where an absorbing story was itself absorbed later.
    /// </summary>
    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void After_merges_and_splits_every_redirect_is_one_hop_to_a_live_story()
    {
        var path = DocumentsPath()!;
        var inputs = ClusteringEvaluator.Read(path).Select(l => l.Input).ToList();
        new Random(20261129).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(inputs));
        var clusterer = new StoryClusterer();
        foreach (var input in inputs) clusterer.Assign(ClusteringEvaluator.BareDocument(input));
        clusterer.Settle();

        var live = clusterer.Stories.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        Assert.True(clusterer.Redirects.Count > 10, $"only {clusterer.Redirects.Count} merges: the shuffle no longer exercises redirects");
        foreach (var (from, to) in clusterer.Redirects)
        {
            Assert.DoesNotContain(from, live);
            Assert.Contains(to, live);
        }
        var placed = clusterer.Stories.SelectMany(s => s.ArticleIds).ToList();
        Assert.Equal(inputs.Count, placed.Count);
        Assert.Equal(inputs.Select(i => i.Id).Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
        Assert.All(inputs, input => Assert.Contains(clusterer.StoryOf(input.Id)!, live));
    }
}
