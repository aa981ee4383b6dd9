using Crosscheck.Annotation.Events;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Statements;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Statements;

public class EventGrouperTests
{
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
    public void Mentions_of_one_predicate_join_and_sayings_and_pronouns_stay_alone()
    {
        Document first = StoryDoc.Of("Norvale Systems acquired Brightwater Labs. Analysts said little.", "d1").Build(),
            second = StoryDoc.Of("The takeover was expected. It surprised nobody, the chief says.", "d2").Build();

        var grouped = StatementGrouping.Group([first, second],
        [
            At("m1", first, "acquired"), At("m2", second, "takeover"), At("m3", first, "said"), At("m4", second, "says"), At("m5", second, "It"),
        ]);

        Assert.Equal(grouped["m1"], grouped["m2"]);
        Assert.NotEqual(grouped["m3"], grouped["m4"]);
        Assert.Equal("alone:m5", grouped["m5"]);
        Assert.Equal(4, grouped.Values.Distinct().Count());
    }

    [Fact]
    public void Sayings_in_the_same_words_in_two_articles_are_one_act_and_others_stay_alone()
    {
        const string first = "The actress is doing well, her spokesman Jack Miller said on Tuesday after the hearing.";
        const string second = "Her spokesman Jack Miller said Tuesday that the actress is doing well.";
        const string other = "The judge said the hearing would resume next month in Los Angeles.";
        Document a = StoryDoc.Of(first, "d1").Build(), b = StoryDoc.Of(second, "d2").Build(), c = StoryDoc.Of(other, "d3").Build(),
            twice = StoryDoc.Of(first + " " + first.Replace("said", "says", StringComparison.Ordinal), "d4").Build();

        var grouped = StatementGrouping.Group([a, b, c, twice], [At("a", a, "said"), At("b", b, "said"), At("c", c, "said"), At("d", twice, "said"), At("e", twice, "says")]);

        Assert.Equal(grouped["a"], grouped["b"]);
        Assert.NotEqual(grouped["a"], grouped["c"]);
        // The same words twice in one article join only through another article ("d" joins "a" and "b"; "e" does too).
        Assert.Equal(grouped["a"], grouped["d"]);
        var alone = StatementGrouping.Group([twice], [At("d", twice, "said"), At("e", twice, "says")]);
        Assert.NotEqual(alone["d"], alone["e"]);
    }

    [Fact]
    public void A_saying_joins_no_saying_of_another_class_however_alike_the_words()
    {
        const string text = "The company spokesman Jack Miller said the plant would close in March.";
        Document a = StoryDoc.Of(text, "d1").Build(), b = StoryDoc.Of(text.Replace("said", "denied", StringComparison.Ordinal), "d2").Build();

        var grouped = StatementGrouping.Group([a, b], [At("a", a, "said"), At("b", b, "denied")]);

        Assert.NotEqual(grouped["a"], grouped["b"]);
    }

    [Fact]
    public void The_word_reader_reads_digits_only_when_asked_and_only_between_its_offsets()
    {
        const string text = "A 7.1 quake hit al-Hoceima in 2004.";
        var hit = text.IndexOf("hit", StringComparison.Ordinal);

        Assert.Equal(["A", "quake", "hit", "al-Hoceima", "in"], EventPredicate.Words(text));
        Assert.Equal(["A", "7", "1", "quake", "hit", "al-Hoceima", "in", "2004"], EventPredicate.Words(text, 0, text.Length, digits: true));
        Assert.Equal(["hit", "al"], EventPredicate.Words(text, hit, hit + 6, digits: true));
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

    /// <summary>The mention of <paramref name="word"/> (its first occurrence) in a document.</summary>
    private static StatementMentionInput At(string id, Document document, string word) =>
        new(id, document.Id, new TextSpan(document.Text!.IndexOf(word, StringComparison.Ordinal), word.Length));
}
