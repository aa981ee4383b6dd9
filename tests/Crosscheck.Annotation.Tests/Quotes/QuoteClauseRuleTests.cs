using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>Rules on where a speaker or a content ends in a clause, each on a sentence written for it.</summary>
public class QuoteClauseRuleTests
{
    [Theory]
    [InlineData("Irena Vasko bluntly suggested that the vote be delayed until spring.")]
    [InlineData("Irena Vasko essentially conceded that the bridge would not open this year.")]
    public void Manner_adverb_before_the_cue_is_skipped(string sentence)
    {
        var d = Run(sentence, ("Irena Vasko", EntityType.Person, null));
        Assert.Equal("Irena Vasko", SpeakerAsWritten(d, Assert.Single(d.Quotes)));
    }

    [Fact]
    public void Noun_ending_in_ly_can_still_speak()
    {
        var d = Run("The family said the hospital had never called them back.");
        Assert.Equal("The family", SpeakerAsWritten(d, Assert.Single(d.Quotes)));
    }

    [Fact]
    public void Participle_after_a_place_name_takes_the_sentence_subject()
    {
        var d = Run("Marta Ilves spoke on Tuesday about the flooding in Tartu, Estonia, arguing that the dams had been neglected for years.",
            ("Marta Ilves", EntityType.Person, null), ("Tartu", EntityType.Loc, null), ("Estonia", EntityType.Loc, null));
        Assert.Equal("Marta Ilves", SpeakerAsWritten(d, Containing(d, "dams had been neglected")));
    }

    [Fact]
    public void Opening_conjunction_without_a_comma_is_not_the_subject()
    {
        var d = Run("Though she praised the budget and called for deeper cuts to the road programme, the vote was postponed.");
        Assert.Equal("she", SpeakerAsWritten(d, Containing(d, "deeper cuts")));
    }

    [Fact]
    public void Opening_adverbial_ends_at_the_comma_before_the_subject()
    {
        var d = Run("After a long, tense meeting, the Harbour Council issued a statement saying the plan was dead.");
        Assert.Equal("Harbour Council", SpeakerAsWritten(d, Containing(d, "the plan was dead")));
    }

    [Fact]
    public void Opening_adverb_is_not_the_subject()
    {
        var d = Run("Then he turned on the governor, calling the new levy a betrayal of the farmers.");
        Assert.Equal("he", SpeakerAsWritten(d, Containing(d, "levy a betrayal")));
    }

    [Theory]
    [InlineData("The draft replaced the pledge with softer language calling for restraint on both sides.")]
    [InlineData("The doctor was criticised by colleagues for promoting “miracle” diet pills on television.")]
    public void Preposition_or_mass_noun_before_a_cue_is_no_speaker(string sentence)
    {
        var d = Run(sentence);
        Assert.DoesNotContain(d.Quotes, q => SpeakerAsWritten(d, q) is { } s && (s.Contains("language", StringComparison.Ordinal) || s.EndsWith("for", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bare_plural_before_a_cue_still_speaks()
    {
        var d = Run("Critics say the new stadium will never pay for itself.");
        Assert.Equal("Critics", SpeakerAsWritten(d, Assert.Single(d.Quotes)));
    }

    [Fact]
    public void Quoted_title_as_the_object_of_told_is_not_the_content()
    {
        var d = Run("Pavel Horak told the station's “Morning Hour” that the talks had stalled over pensions.", ("Pavel Horak", EntityType.Person, null));
        var q = Assert.Single(d.Quotes);
        Assert.StartsWith("the talks had stalled", d[q.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_title_before_the_speaker_is_not_the_content()
    {
        var d = Run("In an interview on “Sunday Morning Review,” Jana Holub said the deal was fair to both sides.", ("Jana Holub", EntityType.Person, null));
        var q = Assert.Single(d.Quotes);
        Assert.Equal("Jana Holub", Speaker(d, q));
        Assert.StartsWith("the deal was fair", d[q.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Cue_inside_the_reported_words_takes_both_sides()
    {
        var d = Run("The repairs would take several more weeks to finish, the engineer said, and the line would stay closed until then.");
        var q = Assert.Single(d.Quotes);
        Assert.Equal("the engineer", SpeakerAsWritten(d, q));
        Assert.StartsWith("The repairs would take", d[q.Span], StringComparison.Ordinal);
        Assert.EndsWith("stay closed until then", d[q.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Cue_after_an_opening_participle_clause_reports_what_follows()
    {
        var d = Run("Speaking to farmers in the valley, Ana Petrov said the subsidy would be doubled.", ("Ana Petrov", EntityType.Person, null));
        Assert.StartsWith("the subsidy", d[Assert.Single(d.Quotes).Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_title_opening_with_its_role_is_an_apposition()
    {
        var d = Run("Tomas Reyes, associate professor of history at the state university, said the archive had been incomplete for decades.",
            ("Tomas Reyes", EntityType.Person, null));
        var q = Assert.Single(d.Quotes);
        Assert.Equal("Tomas Reyes", Speaker(d, q));
        Assert.StartsWith("Tomas Reyes, associate professor", SpeakerAsWritten(d, q), StringComparison.Ordinal);
    }

    [Fact]
    public void Speaker_after_the_cue_may_open_with_a_number()
    {
        var d = Run("“We waited twenty years for this hearing,” said 9/11 widow Maria Lopez.", ("Maria Lopez", EntityType.Person, null));
        Assert.Equal("Maria Lopez", Speaker(d, Assert.Single(d.Quotes)));
    }

    [Fact]
    public void Cue_in_an_opening_clause_reports_only_that_clause()
    {
        var d = Run("When Dana Lee noted that the budget had doubled, Omar Farah replied, “That is the price of safety.”",
            ("Dana Lee", EntityType.Person, null), ("Omar Farah", EntityType.Person, null));
        Assert.Equal("Omar Farah", Speaker(d, Containing(d, "price of safety")));
        Assert.Equal("that the budget had doubled", d[Assert.Single(d.Quotes, q => Speaker(d, q) == "Dana Lee").Span]);
    }

    [Fact]
    public void Opening_participle_clause_ends_at_its_comma()
    {
        var d = Run("Holding signs calling the mayor a liar, the protesters chanted “Resign now!” outside the hall.");
        Assert.Equal("the protesters", SpeakerAsWritten(d, Containing(d, "Resign now")));
    }

    [Fact]
    public void Opening_participle_is_not_the_subject()
    {
        var d = Run("Conceding that the talks had stalled, the minister shrugged: “Nothing will be signed before the summer holidays.”");
        Assert.Equal("the minister", SpeakerAsWritten(d, Containing(d, "Nothing will be signed")));
    }

    [Fact]
    public void Dateline_is_not_the_subject()
    {
        var d = Run("LISBON, May 3 (Agency) ― The Port Authority issued a statement saying the strike had ended.");
        Assert.Equal("Port Authority", SpeakerAsWritten(d, Containing(d, "strike had ended")));
    }

    [Theory]
    [InlineData("The dock workers' union issued a statement saying the strike would go on.", "The dock workers' union")]
    [InlineData("The union criticised the offer and said the strike would go on.", "The union")]
    public void Common_noun_subject_speaks_for_its_clause(string sentence, string speaker)
    {
        var d = Run(sentence);
        Assert.Equal(speaker, SpeakerAsWritten(d, Containing(d, "strike would go on")));
    }

    [Fact]
    public void Quote_before_a_long_title_is_the_content_when_only_an_adverbial_follows_the_cue()
    {
        var d = Run("“We will keep the clinics open,” City Hall press officer Lena Vogt said at a briefing on Monday.", ("Lena Vogt", EntityType.Person, null));
        var q = Assert.Single(d.Quotes);
        Assert.Equal("Lena Vogt", Speaker(d, q));
        Assert.Contains("keep the clinics open", d[q.Span], StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_in_a_sentence_without_a_cue_is_the_subjects()
    {
        var d = Run("Governor Ruth Adler is labelling the order “a reckless attack on every small farm in the state.”", ("Ruth Adler", EntityType.Person, "governor"));
        Assert.Equal("Ruth Adler", Speaker(d, Containing(d, "reckless attack")));
    }

    [Fact]
    public void Quote_followed_by_its_subject_is_the_subjects_whatever_the_verb()
    {
        var d = Run("“The district has waited long enough for a new school,” Nora Blix urged the councillors.", ("Nora Blix", EntityType.Person, null));
        Assert.Equal("Nora Blix", Speaker(d, Containing(d, "waited long enough")));
    }

    [Fact]
    public void Quote_ending_its_sentence_is_not_the_next_subjects()
    {
        var d = Run("“The district has waited long enough for a new school.” Nora Blix visited the site on Monday.", ("Nora Blix", EntityType.Person, null));
        Assert.Null(Containing(d, "waited long enough").SpeakerSpan);
    }

    [Fact]
    public void Short_quote_in_a_sentence_without_a_cue_stays_unattributed()
    {
        var d = Run("Governor Ruth Adler visited the so-called “model farm” on Friday.", ("Ruth Adler", EntityType.Person, "governor"));
        Assert.DoesNotContain(d.Quotes, q => q.SpeakerSpan is not null);
    }

    [Theory]
    [InlineData("According to early results of exit polls conducted for the regional broadcaster by a polling firm, turnout fell in every district.",
        "early results of exit polls conducted for the regional broadcaster by a polling firm")]
    [InlineData("According to state law, no one may campaign within 50 metres of a polling station.", "state law")]
    public void Leading_according_to_takes_the_whole_phrase_before_its_comma(string sentence, string source)
    {
        var d = Run(sentence);
        var q = Assert.Single(d.Quotes);
        Assert.Equal(source, SpeakerAsWritten(d, q));
        Assert.DoesNotContain("according", d[q.Span], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Of the voters reached by phone, 47 percent said they would vote for the incumbent.", "47 percent")]
    [InlineData("Of the voters reached by phone, 47 said they would vote for the incumbent.", "47")]
    public void Share_of_those_polled_speaks(string sentence, string speaker)
    {
        var d = Run(sentence);
        Assert.Equal(speaker, SpeakerAsWritten(d, Containing(d, "would vote for the incumbent")));
    }

    [Fact]
    public void Sentence_of_only_speaker_and_cue_reports_the_quote_before_it()
    {
        var d = Run("“We will not close the library while I am mayor.” Ines Varga said.", ("Ines Varga", EntityType.Person, null));
        Assert.Equal("Ines Varga", Speaker(d, Containing(d, "close the library")));
    }

    [Fact]
    public void Question_put_to_the_speaker_is_reported_without_a_speaker()
    {
        var d = Run("Asked whether the mine would reopen, Petra Holm said, “Not this year.”", ("Petra Holm", EntityType.Person, null));
        var question = Containing(d, "mine would reopen");
        Assert.Null(question.SpeakerSpan);
        Assert.Equal("whether the mine would reopen", d[question.Span]);
        Assert.Equal("Petra Holm", Speaker(d, Containing(d, "Not this year")));
    }

    [Fact]
    public void Headline_speaker_before_a_colon_speaks_the_headline()
    {
        var d = Run("Mayor Holm: Ferry Service Will Resume in May\n\nThe harbour reopens after a long winter.", ("Holm", EntityType.Person, "mayor"));
        var q = Containing(d, "Ferry Service Will Resume");
        Assert.Equal("Mayor Holm", SpeakerAsWritten(d, q));
        Assert.Equal("Ferry Service Will Resume in May", d[q.Span]);
    }

    [Fact]
    public void Colon_later_in_the_text_is_no_headline()
    {
        var d = Run("The harbour reopens after a long winter.\n\nMayor Holm: Ferry Service Will Resume in May", ("Holm", EntityType.Person, "mayor"));
        Assert.DoesNotContain(d.Quotes, q => q.SpeakerSpan is { } s && d[s] == "Mayor Holm");
    }

    [Fact]
    public void Sentence_opening_with_a_poll_reports_its_finding()
    {
        var d = Run("In a regional poll released Monday, most voters backed the new ferry line.");
        var q = Assert.Single(d.Quotes);
        Assert.Equal("a regional poll released Monday", SpeakerAsWritten(d, q));
        Assert.Equal("most voters backed the new ferry line", d[q.Span]);
    }

    [Fact]
    public void Sentence_opening_with_in_but_no_poll_is_no_attribution()
    {
        Assert.Empty(Run("In a quiet street near the harbour, most shops stayed closed.").Quotes);
    }

    [Fact]
    public void According_to_before_a_colon_names_the_source()
    {
        var d = Run("According to the harbour log:\n\n“Two ferries were held back for repairs on Monday.”");
        Assert.Equal("the harbour log", SpeakerAsWritten(d, Containing(d, "Two ferries")));
    }

    [Fact]
    public void Quote_paragraph_after_a_continued_quote_keeps_the_speaker()
    {
        var d = Run("“The ferry is late again,” Lina Sauer said. “Nobody tells us why.”\n\n“We have written to the council three times.”\n\nThe council did not reply.",
            ("Lina Sauer", EntityType.Person, null));
        Assert.Equal("Lina Sauer", Speaker(d, Containing(d, "Nobody tells us")));
        Assert.Equal("Lina Sauer", Speaker(d, Containing(d, "written to the council")));
    }

    [Fact]
    public void Quote_paragraph_after_a_said_clause_keeps_the_speaker()
    {
        var d = Run("“The ferry is late again,” Lina Sauer said on Monday.\n\n“We have written to the council three times.”\n\nThe council did not reply.",
            ("Lina Sauer", EntityType.Person, null));
        Assert.Equal("Lina Sauer", Speaker(d, Containing(d, "written to the council")));
    }

    [Fact]
    public void Quote_with_its_own_trailing_cue_leaves_the_introducing_clause()
    {
        var d = Run("Lina Sauer stressed the need for patience: “The ferry will run again by May,” the harbour master said.",
            ("Lina Sauer", EntityType.Person, null));
        Assert.Equal("the harbour master", SpeakerAsWritten(d, Containing(d, "ferry will run")));
    }

    [Fact]
    public void Pronoun_before_coordinated_verbs_speaks_after_a_long_opening_clause()
    {
        var d = Run("Once in her early twenties, when an aunt mentioned the old ferry to her while walking by the river, she laughed and said, “It never ran on time.”");
        Assert.Equal("she", SpeakerAsWritten(d, Containing(d, "never ran on time")));
    }

    [Fact]
    public void Quote_paragraph_followed_by_narration_is_not_continued()
    {
        var d = Run("“The ferry is late again,” Lina Sauer said.\n\n“We have written to the council three times,” the harbour master admitted on the radio, and more.",
            ("Lina Sauer", EntityType.Person, null));
        Assert.NotEqual("Lina Sauer", Speaker(d, Containing(d, "written to the council")));
    }

    [Theory]
    [InlineData("Kemal Aras made clear that he would not run for a third term.", "made clear")]
    [InlineData("The minister criticised the board, referring to its handling of the pension fund.", "referring to")]
    [InlineData("Kemal Aras branded the new tariff “a tax on every family” in his speech.", "branded")]
    [InlineData("Kemal Aras bemoaned the slow pace of the harbour works in his weekly column.", "bemoaned")]
    [InlineData("Kemal Aras speculated that the tariff would be lifted before the harvest.", "speculated")]
    public void Mined_cue_phrases(string sentence, string cue)
    {
        var d = Run(sentence, ("Kemal Aras", EntityType.Person, null));
        Assert.Contains(d.Quotes, q => q.Cue == cue);
    }

    [Theory]
    [InlineData("“The harbour will stay shut until spring,” former regional port authority planning chief Lina Sauer wrote to the council in March.", "Lina Sauer")]
    [InlineData("“We never saw the invoices,” the soft-spoken, 64-year-old spokesman said in a long interview.", "spokesman")]
    public void Quote_opening_the_sentence_before_a_long_title_is_what_was_said(string sentence, string speaker)
    {
        var d = Run(sentence, ("Lina Sauer", EntityType.Person, null));
        var quote = Assert.Single(d.Quotes);
        Assert.StartsWith("“", d[quote.Span], StringComparison.Ordinal);
        Assert.Contains(speaker, SpeakerAsWritten(d, quote), StringComparison.Ordinal);
    }

    [Fact]
    public void Possessive_opens_the_speaker_phrase()
    {
        var d = Run("The orchard was sold in the end. “Never trust a dry spring,” my grandmother often said.");
        Assert.Equal("my grandmother", SpeakerAsWritten(d, Containing(d, "dry spring")));
    }

    [Theory]
    [InlineData("“Nobody on the board wanted the second bridge at first,” reminisced Irena Vasko, the former treasurer.")]
    [InlineData("“The second bridge will pay for itself within a decade,” muses Irena Vasko.")]
    public void Unlisted_verb_before_a_named_speaker_after_a_quote(string sentence)
    {
        var d = Run(sentence, ("Irena Vasko", EntityType.Person, null));
        Assert.Equal("Irena Vasko", Speaker(d, Containing(d, "second bridge")));
    }

    [Fact]
    public void Quote_paragraph_after_a_paragraph_naming_the_speaker_is_theirs()
    {
        var d = Run("Lina Sauer continued her attack on the harbour budget.\n\n“The council has ignored the harbour for a decade and now wants the fishermen to pay for it.”",
            ("Lina Sauer", EntityType.Person, null));
        Assert.Equal("Lina Sauer", Speaker(d, Containing(d, "ignored the harbour")));
    }

    [Fact]
    public void Speaker_apposition_does_not_reach_back_into_the_quote()
    {
        var d = Run("“We would never sign the harbour lease, not at that price, not in a bad year,” Senator Ruth Okafor (D-Virginia), a member of the panel, said in an interview. “Not this year.”",
            ("Ruth Okafor", EntityType.Person, null));
        var quote = Containing(d, "harbour lease");
        Assert.Equal("Senator Ruth Okafor (D-Virginia), a member of the panel", SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void Later_cue_does_not_take_a_quote_already_attributed_in_the_sentence()
    {
        var d = Run("“The ferry will run again by May,” Lina Sauer said at the harbour gala, where the mayor also spoke.",
            ("Lina Sauer", EntityType.Person, null));
        Assert.Equal("Lina Sauer", SpeakerAsWritten(d, Assert.Single(d.Quotes)));
    }

    [Fact]
    public void Year_after_in_before_the_cue_is_no_speaker()
    {
        var d = Run("The bridge is backed by Ruth Okafor, who in 1998 said the old crossing was unsafe.", ("Ruth Okafor", EntityType.Person, null));
        Assert.Equal("who", SpeakerAsWritten(d, Containing(d, "old crossing")));
    }

    [Theory]
    [InlineData("The bridge is backed by Ruth Okafor, who has in the past described the old crossing as “a disaster waiting to happen.”", "who")]
    [InlineData("Ruth Okafor at the time said the old crossing was “a disaster waiting to happen.”", "Ruth Okafor")]
    public void Fixed_time_phrase_before_the_cue_is_no_speaker(string sentence, string speaker)
    {
        var d = Run(sentence, ("Ruth Okafor", EntityType.Person, null));
        Assert.Equal(speaker, SpeakerAsWritten(d, Containing(d, "disaster waiting")));
    }

    [Theory]
    [InlineData("Hours later, Ruth Okafor returned to the harbour, telling reporters, “The crossing stays shut until spring.”")]
    [InlineData("But a few days later, Ruth Okafor changed course, telling reporters that “the crossing stays shut until spring.”")]
    public void Short_time_lapse_opening_the_sentence_is_no_speaker(string sentence)
    {
        var d = Run(sentence, ("Ruth Okafor", EntityType.Person, null));
        Assert.Equal("Ruth Okafor", SpeakerAsWritten(d, Containing(d, "crossing stays shut")));
    }

    [Theory]
    [InlineData("Voters changed their minds late - Ruth Okafor: “Keep calling voters until the last day of the campaign.”", "Ruth Okafor")]
    [InlineData("What it means for the harbour vote - More from Okafor: “Keep calling voters until the last day of the campaign.”", "Okafor")]
    public void Short_label_after_a_dash_introduces_the_quote(string sentence, string speaker)
    {
        var d = Run(sentence, ("Ruth Okafor", EntityType.Person, null), ("Okafor", EntityType.Person, null));
        Assert.Equal(speaker, SpeakerAsWritten(d, Containing(d, "Keep calling voters")));
    }

    [Fact]
    public void Title_case_dateline_closed_by_an_agency_is_no_speaker()
    {
        var d = Run("Lisbon (Agency) – Ruth Okafor has taken a swipe at the harbour plan, saying that “short-term fixes” do more harm than good.",
            ("Lisbon", EntityType.Loc, null), ("Ruth Okafor", EntityType.Person, null));
        Assert.Equal("Ruth Okafor", SpeakerAsWritten(d, Containing(d, "short-term fixes")));
    }

    [Fact]
    public void Title_inside_a_sentence_is_nobodys_words()
    {
        var d = Run("She was a guest on Sunday's edition of “The Harbour Hour With Lina Sauer,” a programme on local radio, last week.");
        Assert.DoesNotContain(d.Quotes, q => d[q.Span].Contains("Harbour Hour", StringComparison.Ordinal));
    }

    [Fact]
    public void Title_closing_its_sentence_is_still_kept()
    {
        var d = Run("The council released a long report titled “The Case for a Second Harbour Bridge.”");
        Assert.Contains(d.Quotes, q => d[q.Span].Contains("Second Harbour Bridge", StringComparison.Ordinal));
    }

    [Fact]
    public void Garbled_letters_inside_a_titled_name_do_not_cut_the_quote_off()
    {
        var d = Run("“The harbour stays open all winter, whatever the ministry says,” French transport minister Fran\u00C3\u00C2\u00A7oise Leclerc said on Friday.");
        var quote = Containing(d, "harbour stays open");
        Assert.StartsWith("“", d[quote.Span], StringComparison.Ordinal);
        Assert.Contains("Leclerc", SpeakerAsWritten(d, quote), StringComparison.Ordinal);
    }

    [Fact]
    public void Possessor_opening_the_sentence_does_not_say_the_quote()
    {
        var d = Run("Lina Sauer's weekly column, “Why the harbour must stay open all winter,” is widely read.", ("Lina Sauer", EntityType.Person, null));
        Assert.DoesNotContain(d.Quotes, q => q.SpeakerSpan is not null && d[q.Span].Contains("harbour must stay", StringComparison.Ordinal));
    }

    [Fact]
    public void Closing_mark_opening_a_paragraph_opens_the_quote()
    {
        const string text = "The column praised the mayor.\n\n” … she handled the flood with a calm few could match,” Lina Sauer wrote.";
        var quoted = Assert.Single(Crosscheck.Annotation.Quotes.QuoteMarks.Find(text, 10_000));
        Assert.Equal("” … she handled the flood with a calm few could match,”", quoted.TextOf(text));
    }
}
