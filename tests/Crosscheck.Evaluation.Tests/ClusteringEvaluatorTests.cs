using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Extraction;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class ClusteringEvaluatorTests
{
    /// <summary>Two invented events, four reports each, with no word in common between the events.</summary>
    private static readonly List<(ClusteringInput Input, string Event)> TwoEvents =
    [
        (new ClusteringInput("v1", "The Korvath volcano erupted on Tuesday, sending ash over Lindmark and closing 14 airports."), "volcano"),
        (new ClusteringInput("f1", "Brennhaven United won the cup final 3-1 after striker Odalys Temm scored twice in extra time."), "final"),
        (new ClusteringInput("v2", "Ash from the erupted Korvath volcano closed 14 airports across Lindmark on Tuesday."), "volcano"),
        (new ClusteringInput("f2", "Striker Odalys Temm scored twice as Brennhaven United won the cup final 3-1 in extra time."), "final"),
        (new ClusteringInput("v3", "Lindmark airports stay closed as the Korvath volcano, erupted Tuesday, keeps sending ash."), "volcano"),
        (new ClusteringInput("f3", "Cup final: Brennhaven United 3-1 winners, Odalys Temm the striker who scored twice in extra time."), "final"),
        (new ClusteringInput("v4", "The Korvath volcano erupted Tuesday; ash closed 14 Lindmark airports."), "volcano"),
        (new ClusteringInput("f4", "Brennhaven United lifted the cup after the final ended 3-1, striker Odalys Temm scoring twice in extra time."), "final"),
    ];

    [Fact]
    public void Batches_of_two_give_the_same_stories_as_one_batch_on_clearly_separate_events()
    {
        var whole = ClusteringEvaluator.Evaluate(TwoEvents, ClusteringEvaluator.BareDocument);
        var streamed = ClusteringEvaluator.Evaluate(TwoEvents, ClusteringEvaluator.BareDocument, stream: new ClusteringStream(BatchSize: 2));

        Assert.Equal(1, whole.Scores.BCubedF1, 6);
        Assert.Equal(Partition(whole.Predicted), Partition(streamed.Predicted));
        Assert.Equal(12, streamed.Scores.PredictedPairs);
        Assert.Equal(0, streamed.Scores.FalsePairs);
    }

    [Fact]
    public void The_same_seed_gives_the_same_order_and_stories_and_another_seed_another_order()
    {
        var ids = TwoEvents.Select(l => l.Input.Id).ToList();
        var first = new ClusteringStream(2, ShuffleSeed: 7).Arrange(ids);

        Assert.Equal(first, new ClusteringStream(2, ShuffleSeed: 7).Arrange(ids));
        Assert.NotEqual(ids, first);
        Assert.Equal(ids.Order(), first.Order());
        Assert.NotEqual(first, new ClusteringStream(2, ShuffleSeed: 8).Arrange(ids));
        var once = ClusteringEvaluator.Evaluate(TwoEvents, ClusteringEvaluator.BareDocument, stream: new ClusteringStream(2, 7));
        var again = ClusteringEvaluator.Evaluate(TwoEvents, ClusteringEvaluator.BareDocument, stream: new ClusteringStream(2, 7));
        Assert.Equal(once.Predicted, again.Predicted);
    }

    [Fact]
    public void Batches_cut_the_arrivals_in_order_and_size_zero_is_one_batch()
    {
        int[] items = [1, 2, 3, 4, 5];

        Assert.Equal([[1, 2], [3, 4], [5]], new ClusteringStream(2).Batches(items).Select(b => b.ToArray()));
        Assert.Equal([[1, 2, 3, 4, 5]], ClusteringStream.WholeInput.Batches(items).Select(b => b.ToArray()));
    }

    [Fact]
    public void Pairwise_scores_count_predicted_and_false_pairs()
    {
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y", ["d"] = "z" };
        var predicted = new Dictionary<string, string> { ["a"] = "1", ["b"] = "1", ["c"] = "1", ["d"] = "2" };

        var scores = ClusteringEvaluator.Score(gold, predicted);

        Assert.Equal(3, scores.PredictedPairs);
        Assert.Equal(2, scores.FalsePairs);
        Assert.Equal(1.0 / 3, scores.PairPrecision, 6);
        Assert.Equal(1, scores.PairRecall, 6);
        Assert.Equal([("a", "c"), ("b", "c")], ClusteringEvaluator.FalsePairs(gold, predicted));
    }

    [Fact]
    public void A_story_label_folder_is_scored_on_its_pages_found_in_the_sibling_extraction_folder()
    {
        var root = Directory.CreateTempSubdirectory("crosscheck-eval-stories-").FullName;
        try
        {
            var pages = Path.Combine(root, "extraction-tiny");
            var labels = Path.Combine(root, "stories-tiny");
            Directory.CreateDirectory(Path.Combine(pages, "html"));
            Directory.CreateDirectory(labels);
            var bodies = new Dictionary<string, string>
            {
                ["p1"] = TwoEvents[0].Input.Text,
                ["p2"] = TwoEvents[2].Input.Text,
                ["p3"] = TwoEvents[1].Input.Text,
            };
            foreach (var (id, body) in bodies)
            {
                File.WriteAllText(Path.Combine(pages, "html", id + ".html"), $"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>");
            }
            File.WriteAllText(Path.Combine(pages, "ground-truth.json"), """{"p1": {"articleBody": ""}, "p2": {"articleBody": ""}, "p3": {"articleBody": ""}}""");
            File.WriteAllText(Path.Combine(labels, "gold.json"), """{"p1": "volcano", "p2": "volcano", "p3": "final"}""");
            var extractor = new ArticleExtractor();

            var evaluation = ClusteringEvaluator.EvaluatePages(labels, raw => new Document(extractor.Extract(raw)));

            Assert.Equal(3, evaluation.Scores.Articles);
            Assert.Equal(2, evaluation.Scores.GoldEvents);
            Assert.Equal(1, evaluation.Scores.PredictedPairs);
            Assert.Equal(0, evaluation.Scores.FalsePairs);
            Assert.Equal(1, evaluation.Scores.PairF1, 6);
            Assert.Equal(evaluation.Predicted["p1"], evaluation.Predicted["p2"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Pages_without_story_labels_are_each_a_story_so_every_predicted_pair_is_false_and_other_page_types_are_left_out()
    {
        var pages = Directory.CreateTempSubdirectory("crosscheck-eval-unrelated-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(pages, "html"));
            var bodies = new Dictionary<string, string>
            {
                ["p1"] = TwoEvents[0].Input.Text,
                ["p2"] = TwoEvents[2].Input.Text,
                ["p3"] = TwoEvents[1].Input.Text,
                ["p4"] = TwoEvents[0].Input.Text,
            };
            foreach (var (id, body) in bodies)
            {
                File.WriteAllText(Path.Combine(pages, "html", id + ".html"), $"<html><body><article><p>{body}</p><p>{body}</p></article></body></html>");
            }
            File.WriteAllText(Path.Combine(pages, "ground-truth.json"), """{"p1": {"articleBody": ""}, "p2": {"articleBody": ""}, "p3": {"articleBody": ""}, "p4": {"articleBody": ""}}""");
            File.WriteAllText(Path.Combine(pages, "meta.json"), """
                {"p1": {"page_type": "article"}, "p2": {"page_type": "article"}, "p3": {"page_type": "article"}, "p4": {"page_type": "product"}}
                """);
            var extractor = new ArticleExtractor();

            var evaluation = ClusteringEvaluator.EvaluateUnrelatedPages(pages, raw => new Document(extractor.Extract(raw)), pageType: "article");

            Assert.Equal(3, evaluation.Scores.Articles);
            Assert.Equal(3, evaluation.Scores.GoldEvents);
            Assert.Equal(1, evaluation.Scores.PredictedPairs);
            Assert.Equal(1, evaluation.Scores.FalsePairs);
            Assert.Equal([("p1", "p2")], evaluation.FalsePairs);
        }
        finally
        {
            Directory.Delete(pages, recursive: true);
        }
    }

    [Fact]
    public void A_story_label_folder_without_its_pages_is_an_error_saying_where_they_are_looked_for()
    {
        var labels = Directory.CreateTempSubdirectory("crosscheck-eval-stories-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(labels, "gold.json"), """{"p1": "a"}""");

            var error = Assert.Throws<EvaluationDataException>(() => ClusteringEvaluator.ReadPages(labels));

            Assert.Contains("extraction-*", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(labels, recursive: true);
        }
    }

    /// <summary>The stories as sets of article ids, independent of the ids the stories got.</summary>
    private static List<string> Partition(IReadOnlyDictionary<string, string> predicted) =>
        predicted.GroupBy(p => p.Value).Select(g => string.Join(",", g.Select(p => p.Key).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
}
