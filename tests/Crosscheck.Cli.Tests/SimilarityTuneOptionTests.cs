using Crosscheck.Cli.Commands;
using Crosscheck.Evaluation.Similarity;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>`eval similarity`'s options that only `--tune` reads are refused without it, and `--joined-pairs` writes what its help says.</summary>
public sealed class SimilarityTuneOptionTests
{
    [Theory]
    [InlineData("--joined-pairs", "joins.tsv")]
    [InlineData("--pair-scores", "scores.tsv")]
    [InlineData("--orders", "3")]
    [InlineData("--grid", "name-join")]
    public void An_option_of_the_tuning_is_refused_without_tune_before_any_ingest(string option, string value)
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-similarity-").FullName;
        try
        {
            // No articles.jsonl: an ingest would fail on it, so the message below shows nothing was read.
            var result = CliRunner.Run(dir, "eval", "similarity", dir, option, value);

            CliRunner.AssertOneErrorLine(result, $"{option} works with --tune only");
            Assert.False(File.Exists(Path.Combine(dir, value)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Tuning_on_a_store_of_other_articles_names_the_missing_article_instead_of_crashing()
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-similarity-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "pairs.tsv"), "pair_id\tlang1\tlang2\tOverall\n111_222\ten\ten\t1.0\n");
            File.WriteAllText(Path.Combine(dir, "other.txt"), "Harbour reopens\n\nThe harbour reopened on Monday after the storm had closed it for two days.");
            var db = Path.Combine(dir, "other.db");
            Assert.Equal(0, CliRunner.Run(dir, "ingest", Path.Combine(dir, "other.txt"), "--db", db).ExitCode);

            var result = CliRunner.Run(dir, "eval", "similarity", dir, "--db", db, "--tune", "--defaults-only");

            CliRunner.AssertOneErrorLine(result, "article 111 of pairs.tsv is not in this store");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_pair_moved_together_without_a_join_has_no_step_and_a_settle_join_says_settle()
    {
        var pair = new SimilarityPair("1_2", "1", "2", "es", "es", 1);

        Assert.Equal("-", SimilarityEval.StepText(new SimilarityJoinedPair(0, pair, false, SimilarityJoinedPair.Moved, null, 0, 0, 0, false)));
        Assert.Equal("settle", SimilarityEval.StepText(new SimilarityJoinedPair(0, pair, true, "settle lone", null, 1, 1, 0.4, false)));
        Assert.Equal("7", SimilarityEval.StepText(new SimilarityJoinedPair(0, pair, true, "placement", 7, 2, 1, 0.4, true)));
    }

    [Fact]
    public void The_help_names_every_column_of_the_joined_pairs_file()
    {
        var help = CliRunner.Run(Path.GetTempPath(), "eval", "similarity", "--help").Out;
        var flat = string.Join(' ', help.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        // Each column of the file's header is named in the help, followed by what it holds "(…)" or by the next column.
        foreach (var column in SimilarityEval.JoinedPairsHeader.Split('\t'))
            Assert.True(flat.Contains(column + " (", StringComparison.Ordinal) || flat.Contains(column + ",", StringComparison.Ordinal), column);
    }
}
