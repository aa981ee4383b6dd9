using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>One test per attribution rule, each on a sentence written for it.</summary>
public class QuoteRuleTests
{
    [Fact]
    public void Dash_byline_after_a_quote_names_its_speaker()
    {
        var d = Run("“The bridge should have been repaired years ago.” ― Tomas Varga\n“Nobody listens to the villages.” ― Ines Moreau.",
            ("Tomas Varga", EntityType.Person, null), ("Ines Moreau", EntityType.Person, null));
        Assert.Equal("Tomas Varga", Speaker(d, Containing(d, "repaired years ago")));
        Assert.Equal("Ines Moreau", Speaker(d, Containing(d, "Nobody listens")));
    }

    [Fact]
    public void Dash_followed_by_a_sentence_is_no_byline()
    {
        var d = Run("“The bridge should have been repaired years ago, and everyone knew it.” ― and yet the council waited another decade.");
        Assert.Null(Containing(d, "repaired years ago").SpeakerSpan);
    }

    [Fact]
    public void Closing_mark_typed_at_the_start_opens_the_quote()
    {
        var d = Run("”We were never asked about the route,” said Lena Fischer.", ("Lena Fischer", EntityType.Person, null));
        var q = Containing(d, "never asked");
        Assert.StartsWith("”We", d[q.Span], StringComparison.Ordinal);
        Assert.Equal("Lena Fischer", Speaker(d, q));
    }

    [Fact]
    public void Capitalised_cue_word_inside_a_name_is_no_cue()
    {
        var d = Run("Trade between Canada and the United States grew by a third in June.");
        Assert.Empty(d.Quotes);
    }

    [Fact]
    public void Headline_in_title_case_keeps_its_capitalised_cue()
    {
        var d = Run("Harbour Authority Says Night Ferries Will Resume");
        var q = Containing(d, "Night Ferries");
        Assert.Equal("Says", q.Cue);
    }

    [Theory]
    [InlineData("The ministry on Tuesday said the border would reopen next month.", "The ministry")]
    [InlineData("The company this month announced it would close two plants in the south.", "The company")]
    [InlineData("The federation last week warned that the season could be cancelled.", "The federation")]
    public void Time_adverbial_between_speaker_and_cue_is_skipped(string sentence, string speaker)
    {
        var d = Run(sentence);
        Assert.Equal(speaker, SpeakerAsWritten(d, Assert.Single(d.Quotes)));
    }

    [Fact]
    public void Standalone_determiner_can_be_the_speaker()
    {
        var d = Run("Some say the reform came far too late for the farmers.");
        Assert.Equal("Some", SpeakerAsWritten(d, Containing(d, "came far too late")));
    }

    [Fact]
    public void Sentence_opening_with_its_subject_gives_the_participle_its_speaker()
    {
        var d = Run("Dara Novak defended the remark on the radio, saying it was meant as a joke.", ("Dara Novak", EntityType.Person, null));
        Assert.Equal("Dara Novak", Speaker(d, Containing(d, "meant as a joke")));
    }

    [Fact]
    public void Attribution_inside_another_is_reported_too()
    {
        var d = Run("Jana Ruiz said the count was stopped at noon, after her aides told her that ballots were missing.", ("Jana Ruiz", EntityType.Person, null));
        Assert.Contains(d.Quotes, q => Speaker(d, q) == "Jana Ruiz");
        Assert.Contains(d.Quotes, q => SpeakerAsWritten(d, q) == "her aides" && d[q.Span].StartsWith("ballots", StringComparison.Ordinal));
    }

    [Fact]
    public void Attribution_opening_the_content_of_another_is_part_of_it()
    {
        // PolNeAR marks each word in one attribution: "her aides told her ..." is what Jana Ruiz said.
        var d = Run("Jana Ruiz said her aides told her that the count had been stopped.", ("Jana Ruiz", EntityType.Person, null));
        var q = Assert.Single(d.Quotes);
        Assert.Equal("Jana Ruiz", Speaker(d, q));
        Assert.StartsWith("her aides told her", d[q.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_cue_does_not_take_a_quote_with_a_speaker_already()
    {
        var d = Run("“The vote was fair,” said Anton Weiss, who has said the monitors agreed.", ("Anton Weiss", EntityType.Person, null));
        Assert.Single(d.Quotes, q => d[q.Span].Contains("vote was fair", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("“It is a fair deal,” Karl Berg, the mayor of Linden, one of the towns along the river, said.")]
    [InlineData("Karl Berg, at a briefing on Monday, said the deal was fair.")]
    [InlineData("Karl Berg, who has led the town since 2010, said the deal was fair.")]
    public void Chained_appositions_keep_the_name_before_them(string sentence)
    {
        var d = Run(sentence, ("Karl Berg", EntityType.Person, null));
        var q = Containing(d, "fair");
        Assert.Equal("Karl Berg", Speaker(d, q));
        Assert.StartsWith("Karl Berg,", SpeakerAsWritten(d, q), StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinated_cue_verb_shares_the_subject()
    {
        var d = Run("Rita Gomez criticised the ruling and said it would be appealed within days.", ("Rita Gomez", EntityType.Person, null));
        Assert.Equal("Rita Gomez", Speaker(d, Containing(d, "would be appealed")));
    }

    [Fact]
    public void Naming_verb_keeps_its_object_in_the_content()
    {
        var d = Run("Senator Ruth Kane called the harbour plan a “disaster” for the fishing towns.", ("Ruth Kane", EntityType.Person, "senator"));
        var q = Containing(d, "disaster");
        Assert.Contains("the harbour plan", d[q.Span], StringComparison.Ordinal);
        Assert.Equal("Ruth Kane", Speaker(d, q));
    }

    [Fact]
    public void Participle_clause_after_a_quote_is_an_attribution_of_its_own()
    {
        var d = Run("“We are done here,” the coach said, adding that he would step down after the final.");
        var attributions = AttributionEvaluator.FromDocument("t.txt", d).ToList();
        Assert.Equal(2, attributions.Count);
        Assert.All(attributions, a => Assert.NotNull(a.Source));
    }

    [Fact]
    public void Second_quote_of_the_same_cue_still_merges_with_the_first()
    {
        var d = Run("“We are ready,” said Paul Adeyemi. “The money is there.”", ("Paul Adeyemi", EntityType.Person, null));
        Assert.Single(AttributionEvaluator.FromDocument("t.txt", d));
    }

    [Fact]
    public void Doubled_apostrophes_quote()
    {
        var d = Run("''We will rebuild the market,'' said Omar Haddad, who runs a bakery there.", ("Omar Haddad", EntityType.Person, null));
        var q = Containing(d, "rebuild the market");
        Assert.StartsWith("''We", d[q.Span], StringComparison.Ordinal);
        Assert.EndsWith("market,''", d[q.Span], StringComparison.Ordinal);
        Assert.Equal("Omar Haddad", Speaker(d, q));
    }

    [Theory]
    [InlineData("The union endorsed the candidate at its congress.", "endorsed", "The union")]
    [InlineData("Local councils opposed the new toll from the start.", "opposed", "Local councils")]
    [InlineData("The minister cited rising costs as the reason for the delay.", "cited", "The minister")]
    public void Stance_verbs_are_cues(string sentence, string cue, string speaker)
    {
        var d = Run(sentence);
        var q = Assert.Single(d.Quotes);
        Assert.Equal(cue, q.Cue);
        Assert.Equal(speaker, SpeakerAsWritten(d, q));
    }

    [Theory]
    [InlineData("The states have until June to file their plans.")]
    public void Noun_like_forms_are_no_cues(string sentence)
    {
        Assert.Empty(Run(sentence).Quotes);
    }

    [Fact]
    public void Quote_after_a_colon_takes_the_introducing_subject()
    {
        var d = Run("Mayor Anna Holm had a short answer for the critics:\n\n“We will rebuild, and we will do it here.”",
            ("Anna Holm", EntityType.Person, "mayor"));
        Assert.Equal("Anna Holm", Speaker(d, Containing(d, "We will rebuild")));
    }

    [Fact]
    public void Transcript_turns_belong_to_their_labels()
    {
        var d = Run("HOST: Welcome back to the programme.\nGUEST: Thank you for having me.\nHOST: Let us start with the budget.\nGUEST: The budget is the whole story.");
        Assert.Equal("HOST", SpeakerAsWritten(d, Containing(d, "Welcome back")));
        Assert.Equal("GUEST", SpeakerAsWritten(d, Containing(d, "whole story")));
    }

    [Fact]
    public void Lone_upper_case_label_is_no_transcript()
    {
        var d = Run("UPDATE: The road has been reopened to traffic.");
        Assert.Empty(d.Quotes);
    }

    [Theory]
    [InlineData("“Get off the field!” she yells at the referee.", "yells")]
    [InlineData("“One more song!” the crowd chanted outside the hall.", "chanted")]
    public void Shouting_cues(string sentence, string cue)
    {
        var d = Run(sentence);
        Assert.Equal(cue, Assert.Single(d.Quotes).Cue);
    }

    [Fact]
    public void Passive_cue_takes_its_agent_as_speaker()
    {
        var d = Run("The new ferry timetable was endorsed by the harbour council on Monday.");
        var q = Assert.Single(d.Quotes);
        Assert.Equal("the harbour council", SpeakerAsWritten(d, q));
        Assert.Equal("The new ferry timetable", d[q.Span]);
    }

    [Fact]
    public void Pronoun_followed_by_its_verb_after_a_cue_is_not_the_speaker()
    {
        var d = Run("Marta Kowal, the union's lawyer, said he would appeal the ruling.", ("Marta Kowal", EntityType.Person, null));
        Assert.All(d.Quotes, q => Assert.NotEqual("he", SpeakerAsWritten(d, q)));
        Assert.Equal("Marta Kowal", Speaker(d, Containing(d, "would appeal")));
    }

    [Fact]
    public void Quote_closed_by_a_full_stop_is_not_the_next_sentences_content()
    {
        var d = Run("Elif Demir said \"the money is not there.\" Governor Jonas Lind said the budget would pass anyway.",
            ("Elif Demir", EntityType.Person, null), ("Jonas Lind", EntityType.Person, "governor"));
        Assert.Equal("Jonas Lind", Speaker(d, Containing(d, "budget would pass")));
        Assert.Equal("Elif Demir", Speaker(d, Containing(d, "money is not there")));
    }

    [Theory]
    [InlineData("Nadia Osei spoke at the rally. She’s claiming that the count was never finished.", "She")]
    [InlineData("The pickers met on Friday. They're saying the harvest will be late.", "They're")]
    public void Contracted_auxiliary_before_the_cue_is_skipped(string text, string speaker)
    {
        var d = Run(text, ("Nadia Osei", EntityType.Person, null));
        Assert.Contains(d.Quotes, q => SpeakerAsWritten(d, q) == speaker);
    }
}
