using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Similarity;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class SimilarityEvaluatorTests
{
    [Fact]
    public void Pairs_are_read_by_header_names_and_scored_per_language_kind_leaving_middle_ratings_out()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path,
        [
            "pair_id\tlang1\tlang2\tGeography\tOverall",
            "a1_a2\ten\ten\t1.0\t1.0",     // same story, predicted together: correct
            "a1_a3\ten\ten\t1.0\t4.0",     // different, predicted apart
            "a3_a4\ten\ten\t1.0\t1.5",     // same story, predicted apart: missed
            "b1_a1\tfr\ten\t1.0\t1.25",    // same story across languages, predicted together
            "b1_a3\tfr\ten\t1.0\t3.0",     // different, predicted apart
            "b1_a4\tfr\ten\t1.0\t2.0",     // in between: left out
        ]);
        try
        {
            var pairs = SimilarityEvaluator.ReadPairs(path);
            var evaluation = SimilarityEvaluator.Score(pairs, new Dictionary<string, string> { ["a1"] = "s1", ["a2"] = "s1", ["b1"] = "s1", ["a3"] = "s2", ["a4"] = "s3" });

            Assert.Equal(1, evaluation.LeftOut);
            var same = evaluation.Group("all same-language");
            Assert.Equal((3, 2, 1, 1), (same.Pairs, same.Gold, same.Predicted, same.Correct));
            Assert.Equal(0.5, same.Recall, 6);
            Assert.Equal(1.0, same.Precision, 6);
            var cross = evaluation.Group("all cross-language");
            Assert.Equal((2, 1, 1, 1), (cross.Pairs, cross.Gold, cross.Predicted, cross.Correct));
            Assert.Contains(evaluation.PerLanguagePair, g => g.Label == "en-fr" && g.Pairs == 2);
            Assert.Equal(evaluation.Group("all same-language").Pairs,
                evaluation.Group("train same-language").Pairs + evaluation.Group("held-out same-language").Pairs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Errors_per_language_pair_count_false_and_missed_joins_and_the_training_part_leaves_held_out_pairs_out()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path,
        [
            "pair_id\tlang1\tlang2\tOverall",
            "a1_a2\ten\ten\t1.0",     // same story, predicted together
            "a1_a3\ten\ten\t4.0",     // different, predicted apart
            "a3_a4\ten\ten\t1.0",     // same story, predicted apart: a missed join
            "a3_a5\ten\ten\t3.0",     // different, predicted together: a false join
            "b1_a1\tfr\ten\t1.0",     // same story across languages, predicted together; held out by its id's hash
            "b1_a3\tfr\ten\t3.0",     // different, predicted apart
        ]);
        try
        {
            var pairs = SimilarityEvaluator.ReadPairs(path);
            Assert.True(pairs.Single(p => p.Id == "b1_a1").HeldOut);
            Assert.All(pairs.Where(p => p.Id != "b1_a1"), p => Assert.False(p.HeldOut));

            var evaluation = SimilarityEvaluator.Score(pairs,
                new Dictionary<string, string> { ["a1"] = "s1", ["a2"] = "s1", ["b1"] = "s1", ["a3"] = "s2", ["a4"] = "s3", ["a5"] = "s2" });

            var english = evaluation.TrainPerLanguagePair.Single(g => g.Label == "en");
            Assert.Equal((4, 2, 2, 1), (english.Pairs, english.Gold, english.Predicted, english.Correct));
            Assert.Equal((1, 1), (english.FalseJoins, english.MissedJoins));
            var trainCross = evaluation.TrainPerLanguagePair.Single(g => g.Label == "en-fr");
            Assert.Equal((1, 0, 0), (trainCross.Pairs, trainCross.Gold, trainCross.Predicted));
            var allCross = evaluation.PerLanguagePair.Single(g => g.Label == "en-fr");
            Assert.Equal((2, 1, 1), (allCross.Pairs, allCross.Gold, allCross.Correct));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Tuning_in_shuffled_orders_keeps_the_ingest_order_first_and_the_same_orders_for_every_setting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path, ["pair_id\tlang1\tlang2\tOverall", "a1_a2\ten\ten\t1.0", "a3_a4\ten\ten\t1.0", "a1_a3\ten\ten\t4.0", "a2_a4\ten\ten\t4.0"]);
        var documents = TwoEvents("a");
        try
        {
            var pairs = SimilarityEvaluator.ReadPairs(path);
            var settings = SimilarityTuning.Grid().Take(2).ToList();
            var once = Assert.Single(SimilarityTuning.Run(pairs, documents, settings.Take(1)));
            var shuffled = SimilarityTuning.Run(pairs, documents, settings, orders: 3);

            Assert.Equal(2, shuffled.Count);
            Assert.All(shuffled, s => Assert.Equal(4, s.Evaluations.Count));
            var defaults = shuffled.Single(s => s.Name == once.Name);
            // The first evaluation is the ingest order's, the one a run without shuffled orders gives.
            Assert.Equal(once.Evaluation.Group("train same-language"), defaults.Evaluation.Group("train same-language"));
            var (min, max) = defaults.RangeF1("train same-language");
            Assert.InRange(defaults.MeanF1("train same-language"), min, max);
            // Seeded orders: the same setting scores the same again.
            var again = SimilarityTuning.Run(pairs, documents, settings.Take(1), orders: 3).Single();
            Assert.Equal(defaults.Evaluations.Select(e => e.Group("train same-language")), again.Evaluations.Select(e => e.Group("train same-language")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Error_classes_count_every_wrong_training_pair_of_every_order_once_and_a_missed_pair_of_short_articles_is_short()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path, ["pair_id\tlang1\tlang2\tOverall", "b1_b2\ten\ten\t1.0", "b3_b4\ten\ten\t1.0", "b1_b3\ten\ten\t4.0", "b2_b4\ten\ten\t4.0", "b1_b4\ten\ten\t4.0"]);
        var documents = TwoEvents("b");
        try
        {
            var pairs = SimilarityEvaluator.ReadPairs(path);
            var training = pairs.Where(p => p.Judged && !p.HeldOut).ToList();
            Assert.Contains(training, p => p.SameStory);
            foreach (var options in new[] { ClusteringOptions.Default, ClusteringOptions.Default with { AssignThreshold = 0.99, MergeThreshold = 0.99, SettleNameThreshold = 0.99 } })
            {
                var run = Assert.Single(SimilarityTuning.Run(pairs, documents, [("setting", options)], orders: 2));
                var wrong = run.Evaluations.Sum(e => e.Group("train same-language").FalseJoins + e.Group("train same-language").MissedJoins);
                var classes = SimilarityTuning.ErrorClasses(pairs, documents, options, orders: 2);

                Assert.Equal(wrong, classes.Sum(c => c.Count));
                Assert.All(classes, c => Assert.Equal(3, c.Orders));
                Assert.All(classes, c => Assert.False(c.CrossLanguage));
            }
            // Thresholds no pair reaches: the only errors are missed pairs (counted above), and these articles are all short.
            var apart = SimilarityTuning.ErrorClasses(pairs, documents, ClusteringOptions.Default with { AssignThreshold = 0.99, MergeThreshold = 0.99, SettleNameThreshold = 0.99 }, orders: 2);
            var missed = Assert.Single(apart);
            Assert.Equal(SimilarityErrorClass.MissedShortSide, missed.Class);
            Assert.InRange(missed.Count, 3, 3 * training.Count(p => p.SameStory));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Two reports of a bridge's collapse (PREFIX1, PREFIX2) and two of a festival's opening (PREFIX3, PREFIX4), each with a url whose last segment is its id.</summary>
    private static Document[] TwoEvents(string prefix)
    {
        static Document Article(string id, string body)
        {
            var document = Docs.Of(body, id);
            document.Article.Url = "https://example.test/" + id;
            return document;
        }
        return
        [
            Article(prefix + "1", "The harbour bridge of Port Elwin collapsed on Monday after the storm; engineers of Elwin Works inspect the harbour bridge."),
            Article(prefix + "2", "Engineers of Elwin Works inspect the harbour bridge of Port Elwin, which collapsed on Monday in the storm."),
            Article(prefix + "3", "The Varenna orchestra opened its winter festival with a Mahler symphony under conductor Ilse Marten."),
            Article(prefix + "4", "Conductor Ilse Marten led the Varenna orchestra in a Mahler symphony to open the winter festival."),
        ];
    }

    [Fact]
    public void An_article_key_is_the_last_segment_of_its_url()
    {
        Assert.Equal("1484039360it", SimilarityEvaluator.KeyOf("https://example.org/x/1484039360it"));
        Assert.Equal("42", SimilarityEvaluator.KeyOf("https://example.org/42/"));
    }

    [Fact]
    public void A_pair_file_without_an_Overall_column_is_refused_with_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path, ["pair_id\tlang1\tlang2", "a_b\ten\ten"]);
        try
        {
            var error = Assert.Throws<EvaluationDataException>(() => SimilarityEvaluator.ReadPairs(path));
            Assert.Contains("Overall", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
