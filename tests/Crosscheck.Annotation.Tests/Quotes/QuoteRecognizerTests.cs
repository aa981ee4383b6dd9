using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

public class QuoteRecognizerTests
{
    [Fact]
    public void Curly_quote_with_apposition_speaker_after()
    {
        var d = Run("“The situation is getting worse by the day,” Interior Ministry spokeswoman Maria Lopez told reporters.",
            ("Maria Lopez", EntityType.Person, "spokeswoman"));
        var q = Containing(d, "getting worse");
        Assert.True(q.Direct);
        Assert.Equal("told", q.Cue);
        Assert.Equal("Maria Lopez", Speaker(d, q));
    }

    [Fact]
    public void Straight_quote_with_inverted_cue()
    {
        var d = Run("\"We will not leave the town,\" said Ahmed Musa, a local commander.", ("Ahmed Musa", EntityType.Person, null));
        var q = Containing(d, "not leave");
        Assert.Equal("said", q.Cue);
        Assert.Equal("Ahmed Musa", Speaker(d, q));
    }

    [Fact]
    public void Guillemets_and_pronoun_resolves_to_preceding_person()
    {
        var d = Run("Jean Martin spoke after the vote. «Nous restons mobilisés», he said.", ("Jean Martin", EntityType.Person, null));
        var q = Containing(d, "mobilisés");
        Assert.Equal("Jean Martin", Speaker(d, q));
    }

    [Fact]
    public void Pronoun_stands_for_an_untagged_speaker_written_as_a_name()
    {
        // No mention at all: the tagger left the lone surname untagged, yet "Okafor said" names a person "he" can stand for.
        var d = Run("We are not ready yet,” Okafor said on Monday at the depot, though he said, “The trucks will come.”");
        Assert.Equal("Okafor", Speaker(d, Containing(d, "not ready")));
        Assert.Equal("Okafor", Speaker(d, Containing(d, "trucks will come")));
    }

    [Fact]
    public void Pronoun_prefers_the_nearer_tagged_person_to_an_earlier_named_speaker()
    {
        var d = Run("“The depot is closed,” Okafor said. Later Jane Roe arrived, and she said, “We reopen on Friday.”",
            ("Jane Roe", EntityType.Person, null));
        Assert.Equal("Jane Roe", Speaker(d, Containing(d, "reopen on Friday")));
    }

    [Fact]
    public void Pronoun_does_not_stand_for_a_speaker_written_as_a_role()
    {
        var d = Run("Nothing changed. “The depot is closed,” Officials said on Monday. Later he said, “The trucks will come.”");
        Assert.Equal("Officials", Speaker(d, Containing(d, "depot is closed")));
        Assert.Null(Speaker(d, Containing(d, "trucks will come")));
    }

    [Fact]
    public void Pronoun_does_not_stand_for_a_speaker_opening_a_sentence()
    {
        // "Residents said" opens its sentence: the capital says nothing about a name.
        var d = Run("Nothing changed. Residents said on Monday that the depot was closed. Later he said, “The trucks will come.”");
        Assert.Equal("Residents", Speaker(d, Containing(d, "depot was closed")));
        Assert.Null(Speaker(d, Containing(d, "trucks will come")));
    }

    [Fact]
    public void Multi_paragraph_quote_is_one_quote()
    {
        var text = "The mayor said: “The roads are closed.\n\n“We are asking people to stay at home until the water recedes.”";
        var d = Run(text, ("The mayor", EntityType.Person, null));
        var q = Containing(d, "roads are closed");
        Assert.Contains("stay at home", d[q.Span]);
    }

    [Fact]
    public void Quote_with_lost_opening_mark()
    {
        var d = Run("Prices have doubled since the spring and nobody can pay,” said Ana Silva.", ("Ana Silva", EntityType.Person, null));
        var q = Containing(d, "Prices have doubled");
        Assert.Equal("Ana Silva", Speaker(d, q));
    }

    [Fact]
    public void Partial_quote_inside_sentence()
    {
        var d = Run("Omar Diallo warned that the reform “would hurt the poorest families” in the north.", ("Omar Diallo", EntityType.Person, null));
        var q = Containing(d, "would hurt");
        Assert.True(q.Direct);
        Assert.Equal("Omar Diallo", Speaker(d, q));
    }

    [Fact]
    public void Reported_speech_with_that()
    {
        var d = Run("Finance Minister Laura Chen said that the budget would be balanced by next year.", ("Laura Chen", EntityType.Person, "minister"));
        var q = Containing(d, "budget would be balanced");
        Assert.False(q.Direct);
        Assert.Equal("Laura Chen", Speaker(d, q));
    }

    [Fact]
    public void According_to_puts_the_source_first()
    {
        var d = Run("According to the health ministry, 40 people were taken to hospital.");
        var q = Containing(d, "taken to hospital");
        Assert.Equal("the health ministry", Speaker(d, q));
    }

    [Fact]
    public void Unnamed_source_is_kept_as_description()
    {
        var d = Run("The talks have stalled, a Western diplomatic source said.");
        var q = Containing(d, "talks have stalled");
        Assert.Null(q.SpeakerMention);
        Assert.Equal("a Western diplomatic source", q.SpeakerDescription);
    }

    [Fact]
    public void Role_noun_resolves_to_the_person_with_that_role()
    {
        var d = Run("Prime Minister Ivan Petrov met Olga Sidorova on Monday. The prime minister added that talks would continue.",
            ("Ivan Petrov", EntityType.Person, "prime minister"), ("Olga Sidorova", EntityType.Person, null));
        var q = Containing(d, "talks would continue");
        Assert.Equal("Ivan Petrov", Speaker(d, q));
    }

    [Fact]
    public void Second_half_of_an_interrupted_quote_keeps_the_speaker()
    {
        var d = Run("“We are ready,” said Paul Okafor. “The money is there.”", ("Paul Okafor", EntityType.Person, null));
        var q = Containing(d, "money is there");
        Assert.Equal("Paul Okafor", Speaker(d, q));
    }

    [Fact]
    public void Participle_cue_takes_the_sentence_subject()
    {
        var d = Run("On Friday, Maria Lopez defended the budget, saying it would protect the poorest families.", ("Maria Lopez", EntityType.Person, null));
        var q = Containing(d, "protect the poorest");
        Assert.Equal("saying", q.Cue);
        Assert.Equal("Maria Lopez", Speaker(d, q));
    }

    [Fact]
    public void Statement_speaks_for_its_author()
    {
        var d = Run("The Farmers Union issued a statement saying the new tariffs would ruin small growers.", ("The Farmers Union", EntityType.Org, null));
        var q = Containing(d, "ruin small growers");
        Assert.Equal("The Farmers Union", Speaker(d, q));
    }

    [Fact]
    public void Inverted_cue_with_unnamed_speaker_and_number()
    {
        var d = Run("“She cut the preparation time short,” said a 2012 campaign veteran.");
        var q = Containing(d, "preparation time");
        Assert.Equal("a 2012 campaign veteran", q.SpeakerDescription);
    }
}
