using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>`crosscheck bench clustering`: the scaling report the stories issue asks for, and its input errors.</summary>
public sealed class BenchClusteringTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SharedDataFact("data/clustering-ecbplus-dev/documents.jsonl")]
    public void Reports_a_row_per_corpus_size_and_the_cost_ratio_between_the_last_two()
    {
        var data = Path.Combine(Docs.SharedDirectory()!, "data");

        var result = CliRunner.Run(_dir, "bench", "clustering", "--data", data, "--sizes", "40,80");

        Assert.True(result.ExitCode == 0, result.Err);
        var rows = result.Out.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("40 ", StringComparison.Ordinal) || l.StartsWith("80 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("cost per article at 80 / at 40:", result.Out);
    }

    [Theory]
    [InlineData("1000,many")]
    [InlineData("0")]
    [InlineData(",")]
    public void A_bad_size_list_is_named_with_how_to_write_it(string sizes)
    {
        var result = CliRunner.Run(_dir, "bench", "clustering", "--data", _dir, "--sizes", sizes);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--sizes", result.Err);
        Assert.Contains("e.g. --sizes", result.Err);
    }

    [Fact]
    public void Missing_data_is_a_clear_error_naming_the_file()
    {
        var result = CliRunner.Run(_dir, "bench", "clustering", "--data", _dir, "--sizes", "10");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("clustering-ecbplus-dev", result.Err);
        Assert.Contains("--data", result.Err);
    }
}
