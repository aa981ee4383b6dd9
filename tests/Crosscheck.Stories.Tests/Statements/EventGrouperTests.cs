using Crosscheck.Annotation.Events;
using Crosscheck.Stories.Statements;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

public class EventGrouperTests
{
    private static readonly HashSet<string> NoNames = [];

    [Theory]
    [InlineData("acquired", "acquisition")]
    [InlineData("bought", "takeover")]
    [InlineData("stopped", "stops")]
    [InlineData("escaped", "escape")]
    [InlineData("has checked herself into", "checks in")]
    public void Inflections_synonyms_and_derivations_share_a_predicate(string first, string second) =>
        Assert.Equal(EventPredicate.Key(first), EventPredicate.Key(second));

    [Theory]
    [InlineData("checked out", "checked into")]
    [InlineData("acquired", "sold")]
    public void Different_happenings_and_phrasal_particles_keep_predicates_apart(string first, string second) =>
        Assert.NotEqual(EventPredicate.Key(first), EventPredicate.Key(second));

    [Theory]
    [InlineData("double homicide", "homicides")]
    [InlineData("fatal shooting", "shooting")]
    [InlineData("regional tournament", "tournament")]
    public void A_noun_compound_is_named_by_its_last_word(string compound, string head) =>
        Assert.Equal(EventPredicate.Key(head), EventPredicate.Key(compound));

    [Theory]
    [InlineData("opened fire", "fire")]
    [InlineData("set fire", "fire")]
    [InlineData("life in prison", "prison")]
    public void A_verb_with_its_object_or_a_phrase_with_a_function_word_is_named_by_its_first_word(string phrase, string last) =>
        Assert.NotEqual(EventPredicate.Key(last), EventPredicate.Key(phrase));

    [Fact]
    public void Irregular_forms_have_their_verb_as_lemma()
    {
        Assert.Equal("buy", PredicateLexicon.Lemma("bought"));
        Assert.Equal("die", PredicateLexicon.Lemma("died"));
        Assert.Equal("stop", PredicateLexicon.Lemma("stopped"));
        Assert.Null(EventPredicate.Key("it"));
    }

    [Fact]
    public void Mentions_of_one_predicate_join_within_a_story_only_and_sayings_stay_alone()
    {
        var grouped = EventGrouper.Group(
        [
            new("m1", "s1", EventPredicate.Key("acquired"), NoNames),
            new("m2", "s1", EventPredicate.Key("takeover"), NoNames),
            new("m3", "s2", EventPredicate.Key("acquired"), NoNames),
            new("m4", "s1", EventPredicate.Key("said"), NoNames),
            new("m5", "s1", EventPredicate.Key("says"), NoNames),
            new("m6", "s1", null, NoNames),
        ]);

        Assert.Equal(grouped["m1"], grouped["m2"]);
        Assert.NotEqual(grouped["m1"], grouped["m3"]);
        Assert.NotEqual(grouped["m4"], grouped["m5"]);
        Assert.Equal(6, grouped.Values.Distinct().Count() + 1);
    }
}
