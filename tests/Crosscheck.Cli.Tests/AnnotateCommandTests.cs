using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>`crosscheck annotate` prints every layer of what it annotates and stores nothing.</summary>
public sealed class AnnotateCommandTests : IDisposable
{
    private const string Text = "The harbour reopened on Tuesday.\n\n" +
        "“The ferry runs again in May,” Lina Sauer said, adding that repairs cost $2.5 million, according to Reuters.";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-annotate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The output of annotating <see cref="Text"/>, after checking that the command succeeded.</summary>
    private string AnnotateText(params string[] options)
    {
        var run = CliRunner.Run(_dir, ["annotate", "--text", Text, .. options]);
        Assert.True(run.ExitCode == 0, run.Err);
        return run.Out;
    }

    [Fact]
    public void Text_is_printed_layer_by_layer()
    {
        var output = AnnotateText("--published", "2024-03-07");

        string[] expected =
        [
            "sentence 0: The harbour reopened on Tuesday.", "mention Person \"Lina Sauer\"", "quantity Money 2500000 unit=USD",
            "time 2024-03-05 Day", "quote direct cue=said speaker=Lina Sauer rule=QuoteBeforeSpeaker flags=SpeakerMayFollow \"",
            "quote indirect cue=adding speaker=Lina Sauer rule=ParticipleSubject flags=Saying \"", "citation Reuters (outlet)",
        ];
        Assert.All(expected, line => Assert.Contains(line, output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void Grep_keeps_only_the_matching_sentences_and_their_items()
    {
        var output = AnnotateText("--grep", "harbour");

        Assert.Contains("sentence 0: The harbour reopened on Tuesday.", output);
        Assert.Contains("time ", output);
        Assert.All(new[] { "quote ", "Lina Sauer" }, absent => Assert.DoesNotContain(absent, output));
    }

    [Fact]
    public void Files_are_read_as_ingest_reads_them_and_a_missing_one_is_an_error()
    {
        var page = Path.Combine(_dir, "page.html");
        File.WriteAllText(page, "<html><head><title>Harbour</title></head><body><article><p>" +
            Text.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p></article></body></html>");

        var run = CliRunner.Run(_dir, "annotate", page, Path.Combine(_dir, "absent.txt"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("== " + page, run.Out);
        Assert.Contains("quote direct", run.Out);
        Assert.Contains("absent.txt", run.Err);
    }

    [Fact]
    public void Without_inputs_it_says_what_to_give()
    {
        var run = CliRunner.Run(_dir, "annotate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--text", run.Err);
    }
}
