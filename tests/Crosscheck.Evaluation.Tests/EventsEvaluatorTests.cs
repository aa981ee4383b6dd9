using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Events;
using Crosscheck.Testing;
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

    /// <summary>A document with its sentences and no entities.</summary>
    private static Document Bare(string id, string text) => StoryDoc.Of(text, id).Build();

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

    [Fact]
    public void Document_pairs_name_each_document_s_story_and_score_a_copy_above_an_unrelated_article()
    {
        const string Storm = "A winter storm closed the mountain pass near Harlow village on Friday, and snowploughs worked through the night.";
        var documents = new EventDocument[] { Document("a", 1), Document("b", 1), new("c", 2, Storm, []) };
        var path = Path.GetTempFileName();
        try
        {
            EventsEvaluator.WriteDocumentPairs(documents, Bare, path);
            var lines = File.ReadAllLines(path);
            var stories = lines.Where(l => l.StartsWith("#story\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToDictionary(f => f[1], f => f[2]);
            Assert.Equal(["a", "b", "c"], stories.Keys.Order());
            Assert.Equal(stories["a"], stories["b"]);
            Assert.NotEqual(stories["a"], stories["c"]);
            var scores = lines.Where(l => !l.StartsWith('#')).Select(l => l.Split('\t'))
                .ToDictionary(f => (f[0], f[1]), f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
            // The two copies score high; the storm report shares no word with them and stays under the file's floor.
            Assert.True(scores[("a", "b")] > 0.5);
            Assert.False(scores.ContainsKey(("a", "c")) || scores.ContainsKey(("b", "c")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Deal = "Norvale Systems acquired Brightwater Labs on Monday. Norvale Systems acquired Kestrel Data a year earlier.";

    private const string Rewording = "Brightwater Labs was bought by Norvale Systems on Monday, the company said.";

    /// <summary>The documents' entities, as the dossier would read them from the entity layer.</summary>
    private static Document WithCompanies(string id, string text)
    {
        var document = StoryDoc.Of(text, id);
        foreach (var name in new[] { "Norvale Systems", "Brightwater Labs", "Kestrel Data" }.Where(text.Contains)) document.Org(name);
        return document.Build();
    }

    private static EventDocument[] Acquisitions() =>
    [
        new("a", 1, Deal, [new GoldEventMention("a:1", 16, 24, "acquired", "deal"), new GoldEventMention("a:2", 69, 77, "acquired", "earlier")]),
        new("b", 1, Rewording, [new GoldEventMention("b:1", 21, 27, "bought", "deal"), new GoldEventMention("b:2", 70, 74, "said", "said")]),
    ];

    [Fact]
    public void The_grouping_joins_a_passive_rewording_and_keeps_a_look_alike_acquisition_apart()
    {
        var evaluation = EventsEvaluator.Evaluate(Acquisitions(), WithCompanies, goldMentions: true);

        Assert.Equal(1, evaluation.Stories);
        // The dossier's grouping: the passive rewording joins, the look-alike (another company bought) stays apart.
        Assert.Equal(evaluation.Predicted["a:1"], evaluation.Predicted["b:1"]);
        Assert.NotEqual(evaluation.Predicted["a:1"], evaluation.Predicted["a:2"]);
        Assert.Equal(100, evaluation.Scores.Conll, 9);
        // The baseline joins the two "acquired" by their lemma.
        Assert.True(evaluation.Baseline.Conll < 100);
    }

    [Fact]
    public void The_same_lemma_baseline_joins_inflections_of_one_story_only()
    {
        var grouped = SameLemmaBaseline.Group([("a", "s1", "attacked"), ("b", "s1", "attacks"), ("c", "s1", "assault"), ("d", "s2", "attacked"), ("e", "s1", "42")]);

        Assert.Equal(grouped["a"], grouped["b"]);
        Assert.NotEqual(grouped["a"], grouped["c"]);
        Assert.NotEqual(grouped["a"], grouped["d"]);
        Assert.Equal("alone:e", grouped["e"]);
    }
}
