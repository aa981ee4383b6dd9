using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Statements;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

public class EventGrouperTests
{
    private static readonly HashSet<string> NoContext = [];

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
            new("m1", "s1", "d1", EventPredicate.Key("acquired"), NoContext),
            new("m2", "s1", "d2", EventPredicate.Key("takeover"), NoContext),
            new("m3", "s2", "d3", EventPredicate.Key("acquired"), NoContext),
            new("m4", "s1", "d1", EventPredicate.Key("said"), NoContext),
            new("m5", "s1", "d2", EventPredicate.Key("says"), NoContext),
            new("m6", "s1", "d1", null, NoContext),
        ]);

        Assert.Equal(grouped["m1"], grouped["m2"]);
        Assert.NotEqual(grouped["m1"], grouped["m3"]);
        Assert.NotEqual(grouped["m4"], grouped["m5"]);
        Assert.Equal(6, grouped.Values.Distinct().Count() + 1);
    }

    [Fact]
    public void Sayings_in_the_same_words_in_two_articles_are_one_act_and_others_stay_alone()
    {
        const string first = "The actress is doing well, her spokesman Jack Miller said on Tuesday after the hearing.";
        const string second = "Her spokesman Jack Miller said Tuesday that the actress is doing well.";
        const string other = "The judge said the hearing would resume next month in Los Angeles.";
        var grouped = EventGrouper.Group(
        [
            Saying("a", "s1", "d1", first),
            Saying("b", "s1", "d2", second),
            Saying("c", "s1", "d3", other),
            Saying("d", "s3", "d5", first),
            Saying("e", "s3", "d5", first.Replace("said", "says", StringComparison.Ordinal)),
            Saying("f", "s2", "d4", second),
        ]);

        Assert.Equal(grouped["a"], grouped["b"]);
        Assert.NotEqual(grouped["a"], grouped["c"]);
        Assert.StartsWith("alone:", grouped["c"], StringComparison.Ordinal);
        // The same words twice in one article join only through another article; another story is another act.
        Assert.NotEqual(grouped["d"], grouped["e"]);
        Assert.NotEqual(grouped["a"], grouped["f"]);
    }

    [Fact]
    public void A_saying_joins_no_saying_of_another_class_however_alike_the_words()
    {
        const string text = "The company spokesman Jack Miller said the plant would close in March.";
        var grouped = EventGrouper.Group(
        [
            Saying("a", "s1", "d1", text),
            Saying("b", "s1", "d2", text.Replace("said", "denied", StringComparison.Ordinal)),
        ]);

        Assert.NotEqual(grouped["a"], grouped["b"]);
    }

    [Fact]
    public void Context_words_are_the_content_words_within_the_window_inside_the_sentence()
    {
        const string text = "Earlier news. One two three four five six seven eight said nine ten eleven twelve thirteen fourteen fifteen. Later news.";
        var sentenceStart = text.IndexOf("One", StringComparison.Ordinal);
        var sentence = new TextSpan(sentenceStart, text.IndexOf(" Later", StringComparison.Ordinal) - sentenceStart);
        var said = text.IndexOf("said", StringComparison.Ordinal);

        var words = EventGrouper.ContextWords(text, sentence, new TextSpan(said, 4));

        string[] expected = ["three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen"];
        Assert.True(words.SetEquals(expected), string.Join(' ', words));
    }

    /// <summary>A saying mention ("said", "says", "denied") of <paramref name="sentence"/>, its context taken as the grouping takes it.</summary>
    private static EventMentionInput Saying(string id, string story, string document, string sentence)
    {
        var verb = EventPredicate.Words(sentence).First(w => PredicateLexicon.IsReporting(PredicateLexicon.ClassOf(w)));
        var at = sentence.IndexOf(verb, StringComparison.Ordinal);
        var context = EventGrouper.ContextWords(sentence, new TextSpan(0, sentence.Length), new TextSpan(at, verb.Length));
        return new EventMentionInput(id, story, document, EventPredicate.Key(verb), context);
    }
}
