using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Events;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class EventsEvaluatorTests
{
    private const string Text = "Norvale Systems acquired Brightwater Labs on Monday, the company said. The acquisition ends a long search.";

    private static EventDocument Document(string id, int topic) => new(id, topic, Text,
    [
        new GoldEventMention($"{id}:1", 16, 24, "acquired", "deal"),
        new GoldEventMention($"{id}:2", 65, 69, "said", "said"),
        new GoldEventMention($"{id}:3", 75, 86, "acquisition", "deal"),
    ]);

    private static Document Bare(string id, string text) => ClusteringEvaluator.BareDocument(new ClusteringInput(id, text));

    [Fact]
    public void Gold_mentions_of_one_story_are_grouped_by_predicate_and_scored_beside_the_baseline()
    {
        var evaluation = EventsEvaluator.Evaluate([Document("a", 1), Document("b", 1)], Bare, goldMentions: true);

        // The two copies form one story; acquired/acquisition join across both, and the two "said" in the same words
        // are one act of saying reported twice: the gold partition.
        Assert.Equal(1, evaluation.Stories);
        Assert.Equal(100, evaluation.Scores.Conll, 9);
        // The baseline's lemmas differ (acquire, acquisition) and both "said" share one: below 100.
        Assert.True(evaluation.Baseline.Conll < 100);
        Assert.Equal(evaluation.Predicted["a:1"], evaluation.Predicted["b:3"]);
        Assert.Equal(evaluation.Predicted["a:2"], evaluation.Predicted["b:2"]);
        Assert.NotEqual(evaluation.Predicted["a:1"], evaluation.Predicted["a:2"]);
    }

    [Fact]
    public void Topics_choose_the_documents_scored()
    {
        var evaluation = EventsEvaluator.Evaluate([Document("a", 1), Document("b", 2)], Bare, goldMentions: true, topics: new HashSet<int> { 2 });

        Assert.Equal(1, evaluation.Documents);
        Assert.Equal(3, evaluation.Scores.Mentions);
        Assert.DoesNotContain("a:1", evaluation.Predicted.Keys);
    }
}
