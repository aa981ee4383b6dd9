using Crosscheck.Annotation.Quotes;
using Crosscheck.Core.Model;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// A participle or a second coordinated verb speaks for the subject of the clause it belongs to, not for the sentence's
/// first name (<see cref="AttributionRule.ParticipleClauseSubject"/>, <see cref="AttributionRule.CoordinatedClauseSubject"/>).
/// </summary>
public class QuoteClauseSubjectTests
{
    [Fact]
    public void A_participle_after_a_second_main_clause_speaks_for_that_clause_s_subject()
    {
        var d = Run("The harbour board gathered on Monday, and the mayor closed the meeting early, saying the budget was final.");
        var quote = Containing(d, "the budget was final");
        Assert.Equal("the mayor", SpeakerAsWritten(d, quote));
        Assert.Equal(nameof(AttributionRule.ParticipleClauseSubject), quote.Rule);
    }

    [Fact]
    public void A_participle_after_an_opening_place_with_its_region_speaks_for_the_subject_after_it()
    {
        var d = Run("At a rally in Springfield, Ohio, Jane Doe went after her rival, calling him a coward.", JaneDoe, ("Springfield", EntityType.Loc, null), ("Ohio", EntityType.Loc, null));
        var quote = Containing(d, "him a coward");
        Assert.Equal("Jane Doe", Speaker(d, quote));
    }

    [Fact]
    public void A_participle_speaks_for_the_main_clause_not_for_a_subordinate_one_before_it()
    {
        var d = Run("Jane Doe spoke for an hour after the mayor left the hall, saying the port would stay open.", JaneDoe);
        Assert.Equal("Jane Doe", Speaker(d, Containing(d, "the port would stay open")));
    }

    [Fact]
    public void A_participle_after_a_relative_clause_closed_by_a_comma_speaks_for_the_name_the_clause_describes()
    {
        var d = Run("Jane Doe, who chairs the panel, attacked the plan, saying it would fail.", JaneDoe);
        Assert.Equal("Jane Doe", Speaker(d, Containing(d, "it would fail")));
    }

    [Fact]
    public void A_coordinated_verb_inside_a_subordinate_clause_shares_that_clause_s_subject()
    {
        var d = Run("The crowd cheered when Jane Doe spotted a sign and asked that it be brought to the stage.", JaneDoe);
        var quote = Containing(d, "it be brought to the stage");
        Assert.Equal("Jane Doe", Speaker(d, quote));
        Assert.Equal(nameof(AttributionRule.CoordinatedClauseSubject), quote.Rule);
    }

    [Fact]
    public void A_coordinated_verb_after_who_speaks_for_the_person_the_relative_pronoun_stands_for()
    {
        var d = Run("The panel heard from Jane Doe, who came out and endorsed the plan on Tuesday.", JaneDoe);
        var quote = Containing(d, "the plan");
        Assert.Equal("who", SpeakerAsWritten(d, quote));
        Assert.Equal("Jane Doe", Speaker(d, quote));
    }

    [Fact]
    public void A_coordinated_verb_after_but_and_a_new_subject_speaks_for_that_subject()
    {
        var d = Run("Jane Doe lost the vote, but her rival kept the seat and said the port would stay open.", JaneDoe);
        Assert.Equal("her rival", SpeakerAsWritten(d, Containing(d, "the port would stay open")));
    }

    [Fact]
    public void Without_the_rule_a_participle_speaks_for_the_sentence_s_subject_again()
    {
        var options = new QuoteOptions { DisabledAttributionRules = new HashSet<AttributionRule> { AttributionRule.ParticipleClauseSubject } };
        var d = RunWith(options, "The harbour board gathered on Monday, and the mayor closed the meeting early, saying the budget was final.");
        var quote = Containing(d, "the budget was final");
        Assert.Equal("The harbour board", SpeakerAsWritten(d, quote));
        Assert.Equal(nameof(AttributionRule.ParticipleSubject), quote.Rule);
    }
}
