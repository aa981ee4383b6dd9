using System.Diagnostics;
using System.Text;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>`crosscheck watch` as a real process: it ingests a file dropped in the folder it watches, and SIGTERM ends it cleanly.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-watch-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Watch_ingests_a_file_dropped_in_its_folder_and_exits_0_on_SIGTERM_after_its_batch()
    {
        var inbox = Directory.CreateDirectory(Path.Combine(_dir, "inbox")).FullName;
        var db = Path.Combine(_dir, "watch.db");
        using var process = CliRunner.Start(_dir, "watch", inbox, "--db", db, "--scan", "100ms");
        var output = new StringBuilder();
        var added = new ManualResetEventSlim();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (output) output.AppendLine(line.Data);
            if (line.Data.StartsWith("1 new article(s)", StringComparison.Ordinal)) added.Set();
        };
        process.BeginOutputReadLine();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, "ferry.txt"),
                "The lake ferry will run four crossings a day instead of nine from November, the operator said on Monday.\n\n" +
                "Commuters on the eastern shore said the early boat was the only one that got them to work on time.\n");
            Assert.True(added.Wait(TimeSpan.FromMinutes(2)), $"no batch was ingested; output:\n{output}");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await errors);
        Assert.Contains("watch stopped: 1 article(s)", output.ToString());
        using var store = SqliteStore.Open(db);
        var article = Assert.Single(store.AllArticles());
        Assert.Contains(store.GetStories(), story => story.ArticleIds.Contains(article.Id));
        Assert.True(File.Exists(db + ".watch.json"), "the watch state is kept beside the database");
    }
}
