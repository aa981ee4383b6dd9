using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Queue.Tests.Support;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>
/// What the queue fault tests measure with real processes, without their timing: the fault tests' articles placed
/// in batches (as workers place what is stored whenever their queue runs dry, each batch ending with the
/// end-of-batch settle) against the same articles placed in one batch (as a single `crosscheck ingest` does).
/// The batch boundaries are fixed, so the figure is the same on every run and a change to placement that makes
/// stories more dependent on where a batch ends shows here first.
/// </summary>
public sealed class BatchAgreementTests(ITestOutputHelper output)
{
    /// <summary>Where batches end: even cuts, a few large ones, and cuts drawn at random from a fixed seed.</summary>
    private static List<int[]> Boundaries(int count)
    {
        var boundaries = new List<int[]>
        {
            new[] { 80 }, new[] { 40 }, new[] { 20, 40, 60, 80, 100 }, Enumerable.Range(1, count / 8).Select(i => i * 8).ToArray(),
            new[] { 30, 60, 90 }, new[] { 100 }, new[] { 60 },
        };
        var random = new Random(5);
        for (var run = 0; run < 6; run++)
        {
            var cuts = new List<int>();
            for (var at = random.Next(3, 40); at < count; at += random.Next(3, 40)) cuts.Add(at);
            boundaries.Add([.. cuts]);
        }
        return boundaries;
    }

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Stories_placed_in_batches_agree_with_one_batch_whatever_the_batch_boundaries()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crosscheck-batches-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var corpus = TestCorpus.Write(Path.Combine(folder, "input"), 120);
            using var store = Crosscheck.Hosting.Engine.OpenStore(Path.Combine(folder, "store.db"));
            Crosscheck.Hosting.Engine.Ingest(store).Ingest([corpus.Directory], new IngestHints());
            // In arrival order, the pages that join stories (the single-process run's stories cover exactly these).
            var documents = store.AllDocuments().Where(d => !string.IsNullOrWhiteSpace(d.Text) && d.Article.PageType.FormsStories()).ToList();
            var oneBatch = Place(documents, []);

            var agreements = new List<double>();
            foreach (var cuts in Boundaries(documents.Count))
            {
                var agreement = ClusteringEvaluator.Score(oneBatch, Place(documents, cuts)).BCubedF1;
                output.WriteLine($"batches ending at {string.Join(", ", cuts)}: B-cubed F1 {agreement:F4} against one batch");
                agreements.Add(agreement);
            }
            output.WriteLine($"{corpus.Description}; {documents.Count} join stories; mean {agreements.Average():F4}, lowest {agreements.Min():F4}");

            Assert.True(agreements.Average() >= MeanFloor, $"mean agreement {agreements.Average():F4} below {MeanFloor}");
            Assert.True(agreements.Min() >= LowestFloor, $"lowest agreement {agreements.Min():F4} below {LowestFloor}");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The figures measured on 2026-12-05 with the end-of-batch repartition of a changed story and its settled neighbours
    /// (mean 0.9675, lowest 0.9121; before it 0.9549 and 0.8956). The aim is 0.98: not reached here.
    /// The names-disagree factor of placement (ClusteringOptions.NamesDisagreeFactor, 2026-12-05 morning) moved them to
    /// mean 0.9670, lowest 0.9107: a topic look-alike it keeps apart in one batch may still meet in another cut.
    /// Running each settle's pending re-checks in an order that does not depend on arrival (publication date, then
    /// article id; StoryClusterer.Settle, 2026-12-05 midday) moved them to mean 0.9708, lowest 0.9495, and later merges to
    /// 0.9783 / 0.9602, once measured at 0.9609 / 0.9414 beside the ECB+ tests under load.
    /// Extraction without clocks (a page's content passes count node visits, dates are read without regex timeouts;
    /// 2026-12-05 afternoon) removes the clocks that could make them depend on load; the floors sit under 0.9783 / 0.9602,
    /// measured alone and beside the ECB+ tests at a load average of 45 on 2 cores.
    /// A lone article's name join waiting while it and the story are young (ClusteringOptions.NameJoinWaitsForFirstRecheck,
    /// 2026-12-05 afternoon; ECB+ in batches of 20 0.9432 -> 0.9495) moved them to 0.9764 / 0.9549: a join that waits for
    /// the first re-check is made at a later settle, so where a batch ends decides more of them. The English entity model
    /// whose word clusters no longer read the similarity evaluation's articles (2026-12-05 late evening) moved them to
    /// 0.9619 / 0.9360 (the same code with the earlier model: 0.9764 / 0.9549): its entities change the name joins of the
    /// mixed pages here, while ECB+ in batches rose (file order 0.9514 -> 0.9557). The floors sit under it.
    /// </summary>
    private const double MeanFloor = 0.961;

    private const double LowestFloor = 0.935;

    /// <summary>Places the documents batch by batch (each in publication order, then arrival, as ingest does), each batch ending with the settle.</summary>
    private static Dictionary<string, string> Place(List<Document> documents, int[] cuts)
    {
        var clusterer = new StoryClusterer(new ClusteringOptions());
        var start = 0;
        foreach (var end in cuts.Where(c => c < documents.Count).Append(documents.Count))
        {
            var batch = documents.Skip(start).Take(end - start)
                .Select((document, arrival) => (document, arrival))
                .OrderBy(x => x.document.Article.Published?.Value ?? DateTimeOffset.MaxValue)
                .ThenBy(x => x.arrival)
                .Select(x => x.document);
            foreach (var document in batch) clusterer.Assign(document);
            clusterer.Settle();
            start = end;
        }
        return documents.ToDictionary(d => d.Id, d => clusterer.StoryOf(d.Id)!, StringComparer.Ordinal);
    }
}
