using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>`crosscheck train page-types --brief-weight` refuses a weight that is not a finite number above 0, naming the option and the value, before any page is read.</summary>
public sealed class TrainPageTypeOptionTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("site:x")]
    [InlineData("Infinity")]
    [InlineData("site:1e999")]
    public void A_brief_weight_not_a_finite_number_above_zero_is_refused_before_any_training(string weight)
    {
        var result = CliRunner.Run(Path.GetTempPath(), "train", "page-types", Path.GetTempPath(), "--out", Path.Combine(Path.GetTempPath(), "never-written.model"),
            "--brief-copies", "--brief-weight", weight);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"--brief-weight takes a number above 0 or site:X (got {weight})", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("labelled pages", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_weight_and_models_read_into_the_trainers_brief_fitting()
    {
        Assert.Equal(new Crosscheck.Training.PageTypeTrainer.BriefFitting(1, PerSite: true, SixWay: false), Crosscheck.Cli.Commands.TrainCommand.BriefFitting("site:1", "article"));
        Assert.Equal(new Crosscheck.Training.PageTypeTrainer.BriefFitting(0.2), Crosscheck.Cli.Commands.TrainCommand.BriefFitting("0.2", "all"));
        Assert.Equal(Crosscheck.Training.PageTypeTrainer.BriefFitting.Full, Crosscheck.Cli.Commands.TrainCommand.BriefFitting(null, "all"));
    }
}
