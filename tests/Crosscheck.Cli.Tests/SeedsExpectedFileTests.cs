using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// `eval seeds --expected FILE` with a file that is not an expectations file: one error line naming it and the fix, exit 1.
/// A cut-short file was an unhandled JsonReaderException with its stack trace, and an object with no expectation scored
/// "0/0 expectations held" with exit code 0.
/// </summary>
public sealed class SeedsExpectedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-seeds-expected-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_cut_short_expectations_file_is_one_error_line_naming_it_with_the_fix()
    {
        var expected = Path.Combine(_dir, "expected.json");
        File.WriteAllText(expected, """{"one_story": ["a.txt", """);

        var result = CliRunner.Run(_dir, "eval", "seeds", "--expected", expected);

        CliRunner.AssertOneErrorLine(result, $"{expected}: is not valid JSON (");
        Assert.Contains("--expected ../shared/seeds/expected.json", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expectations_file_with_nothing_to_check_fails_instead_of_scoring_nothing()
    {
        var expected = Path.Combine(_dir, "expected.json");
        File.WriteAllText(expected, """{"one_storey": ["a.txt"]}""");
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "Ferry timetable cut\n\nThe lake ferry will run four crossings a day instead of nine from November, the operator said on Monday.");

        var result = CliRunner.Run(_dir, "eval", "seeds", "--expected", expected);

        CliRunner.AssertOneErrorLine(result, $"{expected}: holds none of the expectations `eval seeds` checks");
        Assert.DoesNotContain("expectations held", result.Out, StringComparison.Ordinal);
    }
}
