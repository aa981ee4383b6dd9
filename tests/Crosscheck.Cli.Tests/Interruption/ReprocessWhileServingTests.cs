using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests.Interruption;

/// <summary>
/// `crosscheck serve` answering from a store while `crosscheck reprocess` rebuilds it, both real
/// processes: a poller asks for the story list and for one story throughout the rebuild, and never
/// sees an empty or partial list or a 404 for a story it was shown before.
/// </summary>
[Collection(RebuildCollection.Name)]
public sealed class ReprocessWhileServingTests(RebuiltCorpus rebuilt, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task While_reprocess_rebuilds_the_store_serve_answers_every_request_with_complete_stories()
    {
        var database = rebuilt.CopyOfClean("served");
        var articles = rebuilt.Corpus.ArticleIds.Count;
        // One page of the list holds every story, so a partial list would show in its total and its members.
        Assert.True(rebuilt.Corpus.CleanStories.Count <= 100 && rebuilt.RebuiltStories.Count <= 100, "the stories do not fit one page");
        var address = $"http://127.0.0.1:{CliRunner.FreePort()}";
        using var server = CliRunner.Start(rebuilt.Corpus.Directory, "serve", "--db", database, "--urls", address, "--read-only");
        var serverOutput = Drain(server);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            var before = await WaitForList(http, server, serverOutput);
            AssertComplete(before, articles, rebuilt.Corpus.CleanStories.Count);
            var storyId = before.Ids[0];

            using var reprocess = CliRunner.Start(rebuilt.Corpus.Directory, "reprocess", "--db", database);
            var reprocessOutput = reprocess.StandardOutput.ReadToEndAsync();
            // On a pipe each phase prints a line when it starts; "reprocessing" comes after the
            // derived tables were cleared inside the rebuild's transaction.
            using var rebuilding = new ManualResetEventSlim();
            reprocess.ErrorDataReceived += (_, line) =>
            {
                if (line.Data?.StartsWith("reprocessing ", StringComparison.Ordinal) == true) rebuilding.Set();
            };
            reprocess.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            var pollsWhileRebuilding = 0;
            var slowest = TimeSpan.Zero;
            while (!reprocess.HasExited && clock.Elapsed < Patience)
            {
                var cleared = rebuilding.IsSet;
                var started = clock.Elapsed;
                var list = await GetList(http);
                AssertComplete(list, articles, rebuilt.Corpus.CleanStories.Count, rebuilt.RebuiltStories.Count);
                using var story = await http.GetAsync(new Uri($"/api/stories/{storyId}", UriKind.Relative));
                Assert.True(story.StatusCode == HttpStatusCode.OK, $"story {storyId} answered {(int)story.StatusCode} during the rebuild");
                if (cleared && !reprocess.HasExited) pollsWhileRebuilding++;
                slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, (clock.Elapsed - started).Ticks));
            }
            await reprocess.WaitForExitAsync();
            Assert.True(reprocess.ExitCode == 0, await reprocessOutput);
            output.WriteLine($"{pollsWhileRebuilding} polls (list and story) while the rebuild of {articles} articles ran, of {clock.Elapsed.TotalSeconds:F1} s; slowest {slowest.TotalSeconds:F1} s");
            // Requests fell inside the rebuild's transaction, after the old rows were deleted in it, for the test to mean something.
            Assert.True(pollsWhileRebuilding >= 3, $"only {pollsWhileRebuilding} polls while the rebuild ran");

            var after = await GetList(http);
            AssertComplete(after, articles, rebuilt.RebuiltStories.Count);
            using var again = await http.GetAsync(new Uri($"/api/stories/{storyId}", UriKind.Relative));
            Assert.True(again.StatusCode == HttpStatusCode.OK, $"story {storyId}, shown before the rebuild, answered {(int)again.StatusCode} after it");
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            output.WriteLine(await serverOutput);
        }
    }

    private sealed record Listing(int Total, IReadOnlyList<string> Ids, int Articles);

    /// <summary>Every stored article is in the list, once, and it has one of the expected numbers of stories.</summary>
    private static void AssertComplete(Listing list, int articles, params int[] storyCounts)
    {
        Assert.Contains(list.Total, storyCounts);
        Assert.Equal(list.Total, list.Ids.Count);
        Assert.Equal(articles, list.Articles);
    }

    private static async Task<Listing> GetList(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/api/stories?size=100", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the story list answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var stories = json.RootElement.GetProperty("stories").EnumerateArray().ToList();
        return new Listing(json.RootElement.GetProperty("total").GetInt32(),
            [.. stories.Select(s => s.GetProperty("id").GetString()!)],
            stories.Sum(s => s.GetProperty("article_count").GetInt32()));
    }

    private static async Task<Listing> WaitForList(HttpClient http, Process server, Task<string> serverOutput)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited) Assert.Fail($"serve exited with {server.ExitCode}: {await serverOutput}");
            try
            {
                return await GetList(http);
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(100);
            }
        }
    }

    private static Task<string> Drain(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        return Task.WhenAll(stdout, stderr).ContinueWith(_ => stdout.Result + stderr.Result, TaskScheduler.Default);
    }
}
