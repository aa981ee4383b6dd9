using System.Diagnostics;
using System.Runtime.Versioning;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>The input-side hostile-input probes as commands: one line per bad input, the others ingested, exit code 1.</summary>
public sealed class HostileInputCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-hostile-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Empty_directory_named_pipe_link_loop_and_surrogate_escape_are_each_one_line_and_the_rest_is_ingested()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var tree = Directory.CreateDirectory(Path.Combine(_dir, "tree", "a")).FullName;
        File.WriteAllText(Path.Combine(tree, "story.txt"), "Storm closes port\n\nThe port closed for two days after the storm, the harbour master said on Monday.");
        File.CreateSymbolicLink(Path.Combine(tree, "up1"), "..");
        File.CreateSymbolicLink(Path.Combine(tree, "up2"), "../..");
        File.WriteAllText(Path.Combine(tree, "lines.jsonl"), """{"title": "Cut \ud800", "text": "Ferry timetable cut for the winter \udc00 after the operator ran short of crew."}""" + "\n");
        var pipe = Path.Combine(_dir, "pipe.txt");
        using (var mkfifo = Process.Start("mkfifo", [pipe])) mkfifo.WaitForExit();

        var result = CliRunner.Run(_dir, "ingest", empty, Path.Combine(_dir, "tree"), pipe, "--db", Path.Combine(_dir, "news.db"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("reading", StringComparison.Ordinal)).ToList();
        Assert.Contains($"error: {empty}: no inputs found in this directory (looked for .html, .htm, .txt, .jsonl, .warc(.gz), or an RSS/Atom/JSON feed)", lines);
        Assert.Contains($"error: {pipe}: is a named pipe, not a regular file; skipped", lines);
        Assert.Equal(2, lines.Count(l => l.StartsWith("skipped: ", StringComparison.Ordinal) && l.EndsWith("a symbolic link to a directory; not followed (name the directory itself to read it)", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("Exception", StringComparison.Ordinal) || l.StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains("2 new article(s), 0 already stored, 2 bad input(s)", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_file_named_with_a_line_break_is_one_escaped_line_and_cannot_forge_another()
    {
        // Printed as it was, this one bad file read as two problems, the second an "error:" of a file that does not exist.
        var hostile = Path.Combine(_dir, "bad\nerror: forged.html");
        File.WriteAllBytes(hostile, [0, 1, 2, 3, 0, 0, 7, 8]);
        var good = Path.Combine(_dir, "good.txt");
        File.WriteAllText(good, "Storm closes port\n\nThe port closed for two days after the storm, the harbour master said on Monday.");

        var result = CliRunner.Run(_dir, "ingest", hostile, good, "--db", Path.Combine(_dir, "news.db"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"error: {_dir}/bad\\nerror: forged.html: looks like binary data, not text or HTML", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("error: forged.html", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains("1 new article(s), 0 already stored, 1 bad input(s)", result.Out, StringComparison.Ordinal);
    }

    [UnixFact]
    public void A_db_path_with_a_line_break_is_one_escaped_error_line_and_cannot_forge_another()
    {
        // The user error quoted the path as it was: two lines, the second a forged "error:".
        var db = Path.Combine(_dir, "none\nerror: forged.db");

        var result = CliRunner.Run(_dir, "stories", "--db", db);

        CliRunner.AssertOneErrorLine(result, $"error: no database at {_dir}/none\\nerror: forged.db; create one with `crosscheck ingest PATH --db {_dir}/none\\nerror: forged.db`");
    }

    [Fact]
    public void Piped_JSONL_and_a_piped_page_are_ingested_from_standard_input()
    {
        var db = Path.Combine(_dir, "news.db");
        var jsonl = """
            {"url": "https://lakeside.example/ferry", "title": "Ferry timetable cut", "text": "The lake ferry will run four crossings a day from November, the operator said on Monday."}
            {"title": "no text here"}
            {"url": "https://lakeside.example/orchard", "title": "Orchard harvest best in a decade", "text": "Apple growers on the southern slopes picked their largest crop in ten years."}

            """u8.ToArray();

        var piped = CliRunner.RunWithInput(_dir, jsonl, "ingest", "-", "--db", db);

        Assert.Equal(1, piped.ExitCode);
        var errors = piped.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("error: stdin#2: ", Assert.Single(errors), StringComparison.Ordinal);
        Assert.Contains("2 new article(s), 0 already stored, 1 bad input(s)", piped.Out, StringComparison.Ordinal);

        var page = "<!doctype html><html><head><title>Library opens on Sundays</title></head><body><article><h1>Library opens on Sundays</h1><p>The town library will open on Sunday afternoons from next month after volunteers offered to staff the desk.</p></article></body></html>"u8.ToArray();
        var again = CliRunner.RunWithInput(_dir, page, "ingest", "-", "--db", db);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("1 new article(s), 0 already stored, 0 bad input(s)", again.Out, StringComparison.Ordinal);
    }
}
