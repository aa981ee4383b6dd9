using Crosscheck.Evaluation.Entities;
using Xunit;

namespace Crosscheck.Evaluation.Tests;

public class NerErrorKindsTests
{
    private static readonly string[] Tokens = ["Anna", "Berg", "visited", "New", "York", "and", "Acme", "Corp", "today", "Paris"];

    private static int TypeOf(string name) => ConllCorpus.ConllType(name);

    [Fact]
    public void Each_gold_entity_is_counted_once_by_the_kind_of_its_error_and_a_lone_prediction_is_spurious()
    {
        // Gold: Anna Berg PER, New York LOC, Acme Corp ORG, Paris LOC.
        var gold = new ConllSentence(Tokens, ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "O", "B-LOC"], 0);
        // Anna Berg right; New York typed ORG (same span); Acme alone as ORG (extent); Paris missed; "today" spurious MISC.
        string[] predicted = ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-ORG", "O", "B-MISC", "O"];

        var counts = NerErrorKinds.Count([gold], [predicted]);

        Assert.Equal(new NerErrorCounts(Right: 1, 0, 0, 0, 0, 0), counts[TypeOf("PER")]);
        Assert.Equal(new NerErrorCounts(0, WrongType: 1, 0, 0, Missed: 1, 0), counts[TypeOf("LOC")]);
        Assert.Equal(new NerErrorCounts(0, 0, WrongExtent: 1, 0, 0, 0), counts[TypeOf("ORG")]);
        Assert.Equal(new NerErrorCounts(0, 0, 0, 0, 0, Spurious: 1), counts[TypeOf("MISC")]);
    }

    [Fact]
    public void A_wrong_type_is_told_by_the_type_it_was_given_and_a_wrong_extent_of_another_type_counts_as_both()
    {
        var gold = new ConllSentence(Tokens, ["O", "O", "O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "O", "O"], 0);
        string[] predicted = ["O", "O", "O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "O", "O"];

        var counts = NerErrorKinds.Count([gold], [predicted]);
        var confusions = NerErrorKinds.TypeConfusions([gold], [predicted]);
        var lines = NerErrorKinds.Describe(counts, confusions).ToList();

        Assert.Equal(1, confusions[TypeOf("LOC"), TypeOf("ORG")]);
        Assert.Equal(0, confusions[TypeOf("ORG"), TypeOf("LOC")]);
        Assert.Equal(1, counts[TypeOf("ORG")].WrongTypeAndExtent);
        Assert.Contains("LOC right 0, type 1 (ORG 1), extent 0, both 0, missed 0, spurious 0", lines);
        Assert.Equal(2, lines.Count);
    }
}
