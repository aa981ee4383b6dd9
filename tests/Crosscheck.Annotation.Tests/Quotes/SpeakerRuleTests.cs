using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>One test per speaker rule of <see cref="SpeakerRules"/>, each on sentences written for it, and the repairs.</summary>
public class SpeakerRuleTests
{
    [Fact]
    public void Every_rule_is_in_the_table_once_with_an_example()
    {
        Assert.Equal(Enum.GetValues<SpeakerRuleName>(), SpeakerRules.Table.Select(r => r.Name));
        Assert.All(SpeakerRules.Table, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Example)));
    }

    [Fact]
    public void An_expletive_there_is_no_speaker_and_a_participle_after_without_is_the_previous_speakers()
    {
        var d = Run("“There are not enough boats,” Lina Sauer said, without mentioning which harbours might close.",
            ("Lina Sauer", EntityType.Person, null));
        Assert.DoesNotContain(d.Quotes, q => SpeakerAsWritten(d, q) == "There");
        Assert.Equal("Lina Sauer", Speaker(d, Containing(d, "which harbours")));
    }

    [Fact]
    public void A_date_is_no_speaker_and_the_subject_it_ends_speaks()
    {
        var d = Run("The aide to the mayor who took office in May 2019 denied having seen the letter.");
        var quote = Containing(d, "having seen the letter");
        Assert.StartsWith("The aide", SpeakerAsWritten(d, quote), StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_of_a_passive_cue_is_what_was_spoken_of()
    {
        var d = Run("A settlement is said to be close between the ferry company and the unions.");
        Assert.All(d.Quotes, q => Assert.NotEqual("A settlement", SpeakerAsWritten(d, q)));
    }

    [Fact]
    public void A_progressive_cue_keeps_its_subject()
    {
        var d = Run("Lina Sauer is calling for a new bridge over the river.", ("Lina Sauer", EntityType.Person, null));
        Assert.Equal("Lina Sauer", Speaker(d, Containing(d, "a new bridge")));
    }

    [Fact]
    public void The_object_of_a_preposition_gives_way_to_the_phrase_it_modifies()
    {
        var d = Run("Fishermen working in the bay explained that the nets had been empty for weeks.");
        var quote = Containing(d, "the nets had been empty");
        Assert.Equal("Fishermen working in the bay", SpeakerAsWritten(d, quote));
    }

    [Fact]
    public void A_place_or_an_event_is_no_speaker()
    {
        var d = Run("After the vote, the agreement demanded that the harbour towns share the costs.");
        Assert.All(d.Quotes, q => Assert.NotEqual("the agreement", SpeakerAsWritten(d, q)));
    }

    [Fact]
    public void A_bare_nationality_is_no_speaker_but_opens_the_phrase_it_belongs_to()
    {
        var d = Run("The Danish reported that the ferry runs again.", ("Danish", EntityType.Misc, null));
        Assert.All(d.Quotes, q => Assert.Null(Speaker(d, q)));

        var e = Run("The bridge reopens in May, Danish army sources said.", ("Danish", EntityType.Misc, null));
        Assert.Equal("Danish army sources", Speaker(e, Containing(e, "bridge reopens")));
    }

    [Fact]
    public void A_reduced_passive_has_no_speaker_before_it()
    {
        var d = Run("The closing of the harbour, announced by the mayor on Monday, angered the fishermen.");
        Assert.All(d.Quotes, q => Assert.NotEqual("the harbour", SpeakerAsWritten(d, q)));
    }

    [Fact]
    public void An_unresolved_pronoun_names_no_one_and_it_may_stand_for_a_country()
    {
        var d = Run("It said the talks would resume in May.");
        Assert.Null(Speaker(d, Containing(d, "the talks would resume")));

        var e = Run("Norland may buy ferries from whoever it wants, the minister said. It said the talks would resume in May.",
            ("Norland", EntityType.Loc, null));
        Assert.Equal("Norland", Speaker(e, Containing(e, "the talks would resume")));
    }

    [Fact]
    public void A_name_cut_by_the_phrase_is_taken_whole()
    {
        var d = Run("The Norland Ministry of Foreign Affairs confirmed the visit of the delegation.", ("Norland Ministry of Foreign Affairs", EntityType.Org, null));
        Assert.Equal("Norland Ministry of Foreign Affairs", Speaker(d, Containing(d, "the visit")));
    }

    [Fact]
    public void A_switched_off_rule_lets_its_phrase_speak()
    {
        const string text = "Fishermen working in the bay explained that the nets had been empty for weeks.";
        var document = Claims.ClaimDocs.With(text, null);
        new QuoteRecognizer(new QuoteOptions { DisabledSpeakerRules = new HashSet<SpeakerRuleName> { SpeakerRuleName.PrepositionObject } }).Process(document);
        Assert.Equal("the bay", SpeakerAsWritten(document, Containing(document, "the nets had been empty")));
    }
}
