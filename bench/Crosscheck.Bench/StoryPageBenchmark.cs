using System.Diagnostics;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Web.Hosting;

namespace Crosscheck.Bench;

/// <summary>
/// Times GET /stories/{id} for a large story through the real server (Kestrel on loopback, a
/// SQLite file): server-side time is read from the Server-Timing header, so network and client
/// costs are excluded. Three cases: the first view (dossier built, code JIT-compiled), later views
/// (dossier cached, the story still read from the store), and views with the cache off (every
/// request reads 200 articles and builds the dossier).
/// </summary>
public static class StoryPageBenchmark
{
    public static async Task<TimeSpan> RunAsync(CrosscheckBackend backend, TextWriter output, int articles = 200, int runs = 15)
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-bench-web-").FullName;
        try
        {
            var database = Path.Combine(dir, "bench.db");
            var documents = DossierBenchmark.SyntheticDocuments(articles);
            var story = new Story
            {
                Id = "s-bench", Title = "Synthetic story", ArticleIds = [.. documents.Select(d => d.Id)],
                FirstSeen = documents.Min(d => d.Article.Published?.Value), LastSeen = documents.Max(d => d.Article.Published?.Value),
            };
            using (var store = backend.OpenStore(database))
            {
                store.RunInTransaction(() =>
                {
                    foreach (var document in documents) store.SaveDocument(document);
                });
                store.ReplaceStories([story], new Dictionary<string, string>());
            }

            Dossier dossier;
            using (var store = backend.OpenStore(database)) dossier = backend.BuildDossier(store, story);
            var renders = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                Crosscheck.Web.Pages.StoryPageView.Render(dossier);
                renders.Add(watch.Elapsed.TotalMilliseconds);
            }
            renders.Sort();

            var cached = await Measure(backend, new WebOptions { Database = database }, story.Id, runs);
            var uncached = await Measure(backend, new WebOptions { Database = database, DossierCacheSize = 0 }, story.Id, runs);
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"story page, {articles} articles ({documents.Sum(d => d.Text.Length) / 1024} KiB of text), {cached.Bytes / 1024} KiB of HTML; server-side time (Server-Timing), {runs} requests each:"));
            output.WriteLine(string.Create(inv, $"  HTML alone, in process (median):        {renders[renders.Count / 2]:0.0} ms ({dossier.Claims.Count} claims, {dossier.Entities.Count} entities, {dossier.Quotes.Count} quotes)"));
            output.WriteLine(string.Create(inv, $"  first view (dossier built, JIT):        {cached.First:0.0} ms"));
            output.WriteLine(string.Create(inv, $"  dossier cached (median):                {cached.Median:0.0} ms (min {cached.Min:0.0}, max {cached.Max:0.0})"));
            output.WriteLine(string.Create(inv, $"  cache off, dossier rebuilt (median):    {uncached.Median:0.0} ms (min {uncached.Min:0.0}, max {uncached.Max:0.0})"));
            return TimeSpan.FromMilliseconds(uncached.Median);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed record Timings(double First, double Median, double Min, double Max, long Bytes);

    private static async Task<Timings> Measure(CrosscheckBackend backend, WebOptions options, string storyId, int runs)
    {
        await using var app = WebServer.Build(options, backend, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var first = await Get(http, storyId);
            var times = new List<double>();
            for (var i = 0; i < runs; i++) times.Add((await Get(http, storyId)).Milliseconds);
            times.Sort();
            return new Timings(first.Milliseconds, times[times.Count / 2], times[0], times[^1], first.Bytes);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<(double Milliseconds, long Bytes)> Get(HttpClient http, string storyId)
    {
        using var response = await http.GetAsync("/stories/" + storyId);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        var timing = response.Headers.GetValues("Server-Timing").Single();
        var duration = timing[(timing.IndexOf("dur=", StringComparison.Ordinal) + 4)..];
        return (double.Parse(duration, CultureInfo.InvariantCulture), body.Length);
    }
}
