using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Quotes;
using Crosscheck.Testing;
using Xunit;
using static Crosscheck.Evaluation.Quotes.AttributionEvaluator;

namespace Crosscheck.Evaluation.Tests;

public class AttributionEvaluatorTests
{
    [Fact]
    public void A_match_needs_half_the_shorter_content_and_for_content_source_an_overlapping_source()
    {
        Attribution[] gold = [new("a.txt", [(10, 30)], [(0, 8)], Direct: true), new("a.txt", [(40, 60)], [(32, 38)], Direct: false)];
        Attribution[] found =
        [
            new("a.txt", [(12, 30)], [(2, 6)], Direct: true),   // same content, same speaker
            new("a.txt", [(40, 48)], [(70, 75)], Direct: false), // content inside the gold one, another speaker
            new("b.txt", [(10, 30)], [(0, 8)], Direct: true),   // right offsets, wrong file
        ];

        var scores = Evaluate(found, gold);

        Assert.Equal(new MatchScore(3, 2, 2), scores.Content);
        Assert.Equal(new MatchScore(3, 2, 1), scores.ContentSource);
        Assert.Equal(0.5, scores.ContentSource.Recall, 6);
    }

    [Fact]
    public void Found_attributions_are_counted_per_rule_with_how_many_match_gold()
    {
        Attribution[] gold = [new("a.txt", [(10, 30)], [(0, 8)], Direct: true), new("a.txt", [(40, 60)], [(32, 38)], Direct: false)];
        Attribution[] found =
        [
            new("a.txt", [(12, 30)], [(2, 6)], Direct: true, Cue: "said", Rule: "QuoteBeforeSpeaker"),
            new("a.txt", [(40, 60)], [(70, 75)], Direct: false, Cue: "said", Rule: "ContentAfterCue"),
            new("a.txt", [(41, 59)], [(33, 37)], Direct: false, Cue: "told", Rule: "ContentAfterCue"),
            new("a.txt", [(80, 90)], null, Direct: false, Cue: "told", Rule: "ContentAfterCue"),
        ];
        var evaluation = new AttributionEvaluation(found, gold, Evaluate(found, gold), Evaluate(found, gold));

        var byRule = GroupedBy(evaluation, a => a.Rule!);
        var byCue = GroupedBy(evaluation, a => a.Cue!);

        Assert.Equal([new RuleCount("ContentAfterCue", 3, 1), new RuleCount("QuoteBeforeSpeaker", 1, 1)], byRule);
        Assert.Equal([new RuleCount("said", 2, 1), new RuleCount("told", 2, 1)], byCue);
    }

    [Fact]
    public void A_directory_is_scored_against_the_first_annotators_file() =>
        InPolnearDirectory("Jane Doe said: “We will rebuild the harbour.”",
            "T1\tSource 0 8\tJane Doe\nT2\tCue 9 13\tsaid\nT3\tContent 15 45\t“We will rebuild the harbour.”\nE1\tAttribution:T2 Source:T1 Content:T3\n",
            dir =>
            {
                var evaluation = AttributionEvaluator.Evaluate(dir, text => Docs.Of(text));

                Assert.Empty(evaluation.Found);
                Assert.Single(evaluation.Gold);
                Assert.Equal(1, evaluation.GoldDirect);
                Assert.Equal(new MatchScore(0, 1, 0), evaluation.Direct.ContentSource);
            });

    /// <summary>Runs <paramref name="check"/> on a temporary PolNeAR-style directory holding one text and its annotator's file.</summary>
    private static void InPolnearDirectory(string text, string annotation, Action<string> check)
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-eval-attribution-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "text"));
            Directory.CreateDirectory(Path.Combine(dir, "attributions"));
            File.WriteAllText(Path.Combine(dir, "text", "a.txt"), text);
            File.WriteAllText(Path.Combine(dir, "attributions", "a_ann1.ann"), annotation);
            check(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void An_attribution_inside_text_the_annotator_discarded_is_not_scored()
    {
        // An editor's note the annotator discarded, then the article's one attribution.
        const string Note = "Editor's note: Jane Doe said the excerpt is reprinted with permission.";
        const string Article = "\n\nJohn Roe said the harbour will reopen in May.";
        var roe = Note.Length + 2;
        var annotation = $"T1\tDiscard 0 {Note.Length}\t{Note}\nT2\tSource {roe} {roe + 8}\tJohn Roe\nT3\tCue {roe + 9} {roe + 13}\tsaid\n" +
            $"T4\tContent {roe + 14} {roe + 44}\tthe harbour will reopen in May\nE1\tAttribution:T3 Source:T2 Content:T4\n";

        // The recogniser finds both: Jane Doe's in the note and John Roe's in the article.
        Document Annotate(string text)
        {
            var document = Docs.Of(text);
            document.Quotes =
            [
                new Quote(TextSpan.FromBounds(29, Note.Length - 1), false, "said", TextSpan.FromBounds(15, 23)),
                new Quote(TextSpan.FromBounds(roe + 14, roe + 44), false, "said", TextSpan.FromBounds(roe, roe + 8)),
            ];
            return document;
        }

        InPolnearDirectory(Note + Article, annotation, dir =>
        {
            var evaluation = AttributionEvaluator.Evaluate(dir, Annotate);

            Assert.Equal([(0, Note.Length)], AttributionEvaluator.ReadDiscarded(Path.Combine(dir, "attributions", "a_ann1.ann")));
            var found = Assert.Single(evaluation.Found);
            Assert.Equal((roe + 14, roe + 44), found.Content[0]);
            Assert.Equal(new MatchScore(1, 1, 1), evaluation.All.ContentSource);
        });
    }

    [Fact]
    public void A_directory_without_text_and_attributions_is_an_error()
    {
        var error = Assert.Throws<EvaluationDataException>(() => AttributionEvaluator.Evaluate(Path.Combine(Path.GetTempPath(), "no-such-polnear-dir"), text => Docs.Of(text)));

        Assert.Contains("PolNeAR-style", error.Message, StringComparison.Ordinal);
    }
}

public class FoldTests
{
    [Theory]
    [InlineData("2/5", 2, 5)]
    [InlineData("5/5", 5, 5)]
    public void A_fold_is_read_as_K_of_N(string text, int index, int count) =>
        Assert.Equal(new Fold(index, count), Fold.Parse(text));

    [Theory]
    [InlineData("0/5")]
    [InlineData("6/5")]
    [InlineData("1/1")]
    [InlineData("5")]
    [InlineData("a/b")]
    public void Anything_else_is_no_fold(string text) => Assert.Null(Fold.Parse(text));

    [Fact]
    public void The_folds_of_N_split_the_articles_into_N_disjoint_parts()
    {
        var folds = Enumerable.Range(1, 5).Select(k => new Fold(k, 5)).ToList();

        for (var article = 0; article < 23; article++)
        {
            Assert.Single(folds, f => f.Holds(article));
        }
        Assert.True(new Fold(1, 5).Holds(0));
        Assert.True(new Fold(1, 5).Holds(5));
        Assert.False(new Fold(2, 5).Holds(5));
    }
}
