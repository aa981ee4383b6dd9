using Crosscheck.Annotation.Quotes;
using Xunit;

using static Crosscheck.Annotation.Tests.Quotes.QuoteTestDocs;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// The learned cue detector (<see cref="AttributionRule.LearnedCue"/>): a word the cue table does not list, taken for a cue by a model,
/// reports for the subject before it where no listed cue found an attribution. The model here is written by hand (one weight), so the
/// tests show what the recogniser does with a decision, not what the shipped model decides.
/// </summary>
public class QuoteLearnedCueModelTests
{
    // "resents", "resented", "resenting" share the stem "resent"; only the word itself carries weight.
    private static readonly LearnedCueModel Resents = new(new Dictionary<string, float> { ["w=resents"] = 4f }, -2f, ["resent"], 0.5);

    private static QuoteOptions With(LearnedCueModel? model) => new() { LearnedCues = model };

    /// <summary>The one quote found in <paramref name="sentence"/> with the hand-written model: its cue and its words as written.</summary>
    private static (Core.Model.Document Document, Core.Model.Quote Quote, string Cue, string Content) OnlyQuote(string sentence)
    {
        var d = RunWith(With(Resents), sentence, JaneDoe);
        var quote = Assert.Single(d.Quotes);
        return (d, quote, quote.Cue ?? "", d[quote.Span]);
    }

    [Fact]
    public void A_learned_cue_reports_for_the_subject_before_it()
    {
        var (d, quote, cue, content) = OnlyQuote("Jane Doe resents the plan to close the harbour at night.");
        Assert.Equal("resents", cue);
        Assert.Equal("the plan to close the harbour at night", content);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, quote));
        Assert.Equal($"{nameof(AttributionRule.ContentAfterCue)}+{nameof(AttributionRule.LearnedCue)}", quote.Rule);
    }

    [Fact]
    public void Without_the_rule_or_the_model_the_word_is_no_cue()
    {
        const string sentence = "Jane Doe resents the plan to close the harbour at night.";
        Assert.Empty(RunWith(With(null), sentence, JaneDoe).Quotes);
        Assert.Empty(RunWith(Without(AttributionRule.LearnedCue) with { LearnedCues = Resents }, sentence, JaneDoe).Quotes);
    }

    [Fact]
    public void A_word_scored_below_the_threshold_is_no_cue()
    {
        var d = RunWith(With(Resents.WithThreshold(0.95)), "Jane Doe resents the plan to close the harbour at night.", JaneDoe);
        Assert.Empty(d.Quotes);
    }

    [Fact]
    public void A_word_of_a_stem_the_model_never_saw_as_a_cue_is_not_scored()
    {
        // The weight would take "cherishes" for a cue, but its stem is not among the model's.
        var model = new LearnedCueModel(new Dictionary<string, float> { ["w=cherishes"] = 4f }, -2f, ["resent"], 0.5);
        Assert.Empty(RunWith(With(model), "Jane Doe cherishes the plan to close the harbour at night.", JaneDoe).Quotes);
    }

    [Fact]
    public void A_learned_cue_inside_what_a_listed_cue_reports_stays_part_of_the_reported_words()
    {
        var (_, _, cue, content) = OnlyQuote("Jane Doe said the town resents the plan to close the harbour.");
        Assert.Equal("said", cue);
        Assert.Equal("the town resents the plan to close the harbour", content);
    }

    [Fact]
    public void A_learned_cue_with_no_speaker_makes_no_attribution()
    {
        // A passive subject is no speaker ("the plan" did not resent anything), so the learned cue finds none and makes nothing.
        var model = new LearnedCueModel(new Dictionary<string, float> { ["w=resented"] = 4f }, -2f, ["resent"], 0.5);
        const string sentence = "The plan to close the harbour was resented across the town.";
        Assert.Empty(RunWith(With(model), sentence, JaneDoe).Quotes);
        // RejectedSpeaker, which drops any attribution whose speaker a speaker rule rejected, is switched off too, so that the rule seen is this one.
        var options = new QuoteOptions { DisabledAttributionRules = new HashSet<AttributionRule> { AttributionRule.LearnedCueSpeaker, AttributionRule.RejectedSpeaker }, LearnedCues = model };
        var kept = Assert.Single(RunWith(options, sentence, JaneDoe).Quotes);
        Assert.Equal("resented", kept.Cue);
        Assert.Null(kept.SpeakerSpan);
    }

    [Fact]
    public void A_quote_after_a_learned_cue_continues_the_words_of_the_listed_cue_before_it()
    {
        // LearnedCueBetweenQuotes off, so that the learned attribution between the two quotes stays and the continuation can be seen to pass it.
        var d = RunWith(Without(AttributionRule.LearnedCueBetweenQuotes) with { LearnedCues = Resents },
            "“The quay will close,” Jane Doe said. She resents the plan to close it. “We tried everything.”", JaneDoe);
        var learned = Assert.Single(d.Quotes, q => q.Rule!.EndsWith(nameof(AttributionRule.LearnedCue), StringComparison.Ordinal));
        Assert.Equal("resents", learned.Cue);
        var continued = Assert.Single(d.Quotes, q => q.Rule == nameof(AttributionRule.Continuation));
        Assert.Equal("said", continued.Cue);
        Assert.Equal("Jane Doe", SpeakerAsWritten(d, continued));
    }

    [Fact]
    public void A_learned_cue_between_a_quote_and_its_continuation_is_dropped()
    {
        const string text = "“The quay will close,” Jane Doe said. She resents the plan to close it. “We tried everything.”";
        var d = RunWith(With(Resents), text, JaneDoe);
        Assert.DoesNotContain(d.Quotes, q => AttributionRuleText.Names(q.Rule, AttributionRule.LearnedCue));
        Assert.Equal(["said", "said"], d.Quotes.Select(q => q.Cue));
        Assert.Contains(d.Quotes, q => q.Rule == nameof(AttributionRule.Continuation) && d[q.Span] == "“We tried everything.”");
    }

    [Fact]
    public void A_learned_cue_after_the_last_quote_is_kept()
    {
        // No quote continues after it, so it splits nothing.
        var d = RunWith(With(Resents), "“The quay will close,” Jane Doe said. She resents the plan to close it.", JaneDoe);
        Assert.Single(d.Quotes, q => AttributionRuleText.Names(q.Rule, AttributionRule.LearnedCue));
    }

    [Fact]
    public void A_learned_cue_borrowing_the_speaker_of_a_coordinated_verb_makes_no_attribution()
    {
        // "resents" after "and" would take Jane Doe from "won": a deed word coordinated with another verb is rarely anyone's attribution.
        const string sentence = "Jane Doe won the seat in May and resents the plan to close the harbour at night.";
        Assert.DoesNotContain(RunWith(With(Resents), sentence, JaneDoe).Quotes, q => AttributionRuleText.Names(q.Rule, AttributionRule.LearnedCue));
        var kept = Assert.Single(RunWith(Without(AttributionRule.LearnedCueCoordinatedSpeaker) with { LearnedCues = Resents }, sentence, JaneDoe).Quotes);
        Assert.Equal("resents", kept.Cue);
        Assert.True(AttributionRuleText.Names(kept.Rule, AttributionRule.CoordinatedVerb), kept.Rule);
    }

    [Fact]
    public void A_learned_cue_inside_a_quote_is_no_cue()
    {
        Assert.Equal("said", OnlyQuote("“The town resents the plan to close the harbour,” Jane Doe said.").Cue);
    }

    [Theory]
    [InlineData("argued", "argues", "arguing")]
    [InlineData("criticized", "criticizes", "criticizing")]
    [InlineData("favours", "favoured", "favouring")]
    public void A_verb_s_forms_share_one_stem(string a, string b, string c)
    {
        Assert.Equal(CueFeatures.StemOf(a), CueFeatures.StemOf(b));
        Assert.Equal(CueFeatures.StemOf(a), CueFeatures.StemOf(c));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_decisions()
    {
        using var stream = new MemoryStream();
        Resents.WithThreshold(0.7).Save(stream);
        stream.Position = 0;
        var loaded = LearnedCueModel.Load(stream);
        Assert.Equal(0.7, loaded.Threshold);
        Assert.Equal(Resents.Stems, loaded.Stems);
        Assert.Equal(Resents.Probability(["w=resents", "n1=the"]), loaded.Probability(["w=resents", "n1=the"]), 6);
    }
}
