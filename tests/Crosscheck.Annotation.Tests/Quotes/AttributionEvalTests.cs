using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Evaluation.Quotes;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>
/// Scores the quote layer on PolNeAR train's fold 5 of 5, the fold no rule was chosen on (rules are chosen on folds 1-4;
/// dev is run only to report, by <c>crosscheck eval attribution DIR</c>). Read from ../shared/data at test time;
/// skipped with its reason when absent. Every fold: <c>crosscheck eval attribution DIR --folds 5</c>.
/// </summary>
public class AttributionEvalTests(ITestOutputHelper output)
{
    [SharedDataFact("data/attribution-polnear/train")]
    public void PolNeAR_held_out_train_fold_figures()
    {
        var dir = Path.Combine(Docs.SharedDirectory()!, "data", "attribution-polnear", "train");

        var evaluation = AttributionEvaluator.Evaluate(dir, text => ClaimPipeline.Annotate(text), new Fold(5, 5));

        var figures = $"direct content {evaluation.Direct.Content.F1:F4}, direct content+source {evaluation.Direct.ContentSource.F1:F4}, all content+source {evaluation.All.ContentSource.F1:F4}";
        output.WriteLine(figures);
        // Floors at the fold's figures measured 2026-12-05 with the clause-subject rules (0.9328 / 0.8667 / 0.6579, cut to three places):
        // a change that loses any of them shows here. Direct content+source fell to 0.8645 with the cues learned from folds 1-4
        // (afternoon: all 0.6685 -> 0.6690; their cross-validation inside folds 1-4 had direct down on two folds of four), and the
        // floor follows it: fold 5 is reported, rules are not chosen on it (docs/BENCHMARKS.md). Again 0.8645 -> 0.8634 with four rules
        // chosen on folds 1-4 (DashApposition, SourceOpensClause, QuestionAfterAdverbial, ClosingRecipient: direct down on one fold of four
        // there, by 0.0004; all up on all four, and here 0.6693 -> 0.6706). The learned cue model (LearnedCue, trained on folds 1-4
        // without fold 5; its cross-validation inside folds 1-4 had all up on all four, direct level on three and down 0.001 on one)
        // took all 0.6714 -> 0.6826 and direct 0.8634 -> 0.8613 here; both floors follow the measured figures. A learned cue needing a
        // speaker and continuing no quote (attrib11; CV inside folds 1-4: both means up, fold 4 down 0.0001 / 0.0004) took all
        // 0.6826 -> 0.6829 and direct 0.8613 -> 0.8634 here. The learned cues at threshold 0.45 with LearnedCueCoordinatedSpeaker
        // (attrib13; CV inside folds 1-4: all up on all four folds, direct identical) took all 0.6829 -> 0.6833, direct level.
        // RejectedSpeaker (attrib14; CV inside folds 1-4: content+source, all and direct, up or level on all four folds; content alone
        // down on all four, as the quotes it drops had their words right and no speaker) took all 0.6833 -> 0.6847, direct 0.8634 ->
        // 0.8642 and direct content to 0.9303 here; keeping words in quote marks with their speaker unknown (the lead, after
        // attrib14: level with it on folds 1-4 for all, main's figures for direct) gave all 0.685, direct 0.863, direct content
        // 0.933 (three places), so the direct content floor is main's again.
        Assert.True(evaluation.Direct.Content.F1 >= 0.932, figures);
        Assert.True(evaluation.Direct.ContentSource.F1 >= 0.863, figures);
        Assert.True(evaluation.All.ContentSource.F1 >= 0.684, figures);
    }

    [Fact]
    public void Quote_with_neither_speaker_nor_cue_is_no_attribution()
    {
        var d = QuoteTestDocs.Run("The harbour was quiet.\n\n“Fish in the morning, nets in the evening, and nothing in between.”\n\n“The ferry runs again in May,” Lina Sauer said.",
            ("Lina Sauer", Crosscheck.Core.Model.EntityType.Person, null));
        Assert.Contains(d.Quotes, q => q.SpeakerSpan is null && d[q.Span].Contains("nets in the evening", StringComparison.Ordinal));
        var attributions = AttributionEvaluator.FromDocument("a.txt", d).ToList();
        var single = Assert.Single(attributions);
        Assert.NotNull(single.Source);
    }
}
