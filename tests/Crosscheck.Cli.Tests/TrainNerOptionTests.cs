using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>The word-cluster and hold-out options of `crosscheck train ner` refuse what the cluster table cannot hold, naming the option and the value.</summary>
public sealed class TrainNerOptionTests
{
    [Theory]
    [InlineData("64,32,1024", "--cluster-levels takes three increasing cluster counts")]
    [InlineData("64,256", "--cluster-levels takes three increasing cluster counts")]
    [InlineData("64,many,1024", "--cluster-levels takes whole numbers from 2 to 65535 (got 'many' in '64,many,1024')")]
    [InlineData("64,256,70000", "--cluster-levels takes whole numbers from 2 to 65535 (got '70000'")]
    public void Cluster_levels_that_are_not_three_increasing_counts_are_refused_before_any_training(string levels, string message)
    {
        var result = CliRunner.Run(Path.GetTempPath(), "train", "ner", "--language", "ru", "--hold-out", "--cluster-levels", levels);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("clusters:", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("5")]
    public void A_hold_out_third_other_than_0_1_or_2_is_refused_before_any_training(string third)
    {
        var result = CliRunner.Run(Path.GetTempPath(), "train", "ner", "--language", "ru", "--hold-out", "--hold-out-third", third);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"--hold-out-third takes 0, 1 or 2 (got {third})", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("clusters:", result.Out, StringComparison.Ordinal);
    }
}
