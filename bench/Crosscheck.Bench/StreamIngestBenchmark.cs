using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Web.Hosting;

namespace Crosscheck.Bench;

/// <summary>
/// <c>POST /api/articles</c> of single articles to a server on a store: <paramref name="Posts"/> timed requests,
/// medians of the server's own time (its Server-Timing <c>app</c> entry) and the client's, and of each part the
/// server reports (the ingest's phases, the story lookup of the answer).
/// </summary>
public sealed record PostBenchmarkResult(int Posts, double FirstMilliseconds, double ServerMedianMilliseconds, double ClientMedianMilliseconds,
    double ServerMaxMilliseconds, IReadOnlyDictionary<string, double> PartMedianMilliseconds);

/// <summary>
/// A bulk ingest of replayed articles through the real <see cref="Crosscheck.Ingest.Processing.IngestService"/> (a JSONL file, a new SQLite store):
/// wall and CPU time and the time of each phase; the serial share is the time spent in phases that run on one thread.
/// By CPU time (Linux), the ingest thread's own work against the process's: on a loaded machine the wall figures
/// stretch with whatever else runs, the CPU ones do not.
/// </summary>
public sealed record BulkIngestResult(int Articles, int Cores, double WallSeconds, double CpuSeconds, IReadOnlyDictionary<string, double> PhaseSeconds, double SerialSeconds,
    IReadOnlyDictionary<string, double> ThreadCpuSeconds)
{
    public double SerialShare => WallSeconds > 0 ? SerialSeconds / WallSeconds : 0;

    /// <summary>The ingest thread's CPU time (the serial work) over the process's.</summary>
    public double SerialCpuShare => CpuSeconds > 0 ? ThreadCpuSeconds.Values.Sum() / CpuSeconds : 0;
}

/// <summary>The parts of <c>bench stream</c> that run the real ingest: a bulk JSONL ingest, and posts to the web server.</summary>
public static class StreamIngestBenchmark
{
    private const string Token = "bench-stream-token";

    /// <summary>The replayed articles as <c>crosscheck ingest</c> JSONL records (url, title, text, published, outlet).</summary>
    public static string JsonRecord(Document document, string? outlet = null)
    {
        var article = document.Article;
        var record = new Dictionary<string, object?>
        {
            ["url"] = "https://stream.bench.example/" + Uri.EscapeDataString(article.Id),
            ["text"] = article.Body,
            ["published"] = article.Published?.Value.ToString("O", CultureInfo.InvariantCulture),
        };
        if (article.Title is { } title) record["title"] = title;
        if (outlet is not null) record["outlet"] = outlet;
        return JsonSerializer.Serialize(record);
    }

    /// <summary>
    /// Ingests <paramref name="documents"/> written as one JSONL file into a new SQLite store, as <c>crosscheck ingest</c>
    /// does. Each replay of the texts is its own outlet: the same text twice in one outlet would be taken for boilerplate.
    /// </summary>
    public static BulkIngestResult Bulk(CrosscheckBackend backend, IReadOnlyList<(Document Document, string Outlet)> documents, TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("crosscheck-bench-bulk-");
        try
        {
            var jsonl = Path.Combine(directory.FullName, "articles.jsonl");
            File.WriteAllLines(jsonl, documents.Select(d => JsonRecord(d.Document, d.Outlet)));
            using var store = backend.OpenStore(Path.Combine(directory.FullName, "bulk.db"));
            var ingest = backend.Ingest(store);
            using var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var report = ingest.Ingest([jsonl], new IngestHints());
            wall.Stop();
            process.Refresh();
            if (report.Added != documents.Count) throw new InvalidOperationException($"bulk ingest added {report.Added} of {documents.Count} articles");
            var result = new BulkIngestResult(documents.Count, Environment.ProcessorCount, wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpuStart).TotalSeconds,
                report.Timings.Phases.ToDictionary(p => p.Key, p => p.Value.TotalSeconds), report.Timings.Serial.TotalSeconds,
                report.Timings.ThreadCpu.ToDictionary(p => p.Key, p => p.Value.TotalSeconds));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bulk ingest of {result.Articles} JSONL articles on {result.Cores} core(s): {result.WallSeconds:F2} s wall, {result.CpuSeconds:F2} s CPU; {report.Stories} stories"));
            output.WriteLine("  phases, s: " + string.Join(", ", result.PhaseSeconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F2}"))));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  serial share (store, write, boilerplate, place: one thread) {result.SerialSeconds:F2} s of {result.WallSeconds:F2} s = {result.SerialShare:P1}"));
            if (result.ThreadCpuSeconds.Count > 0)
            {
                var share = result.SerialCpuShare;
                output.WriteLine("  CPU of the ingest's thread per phase, s: " + string.Join(", ", result.ThreadCpuSeconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F2}"))));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  serial share by CPU {result.ThreadCpuSeconds.Values.Sum():F2} s of {result.CpuSeconds:F2} s = {share:P1}: at most {1 / (share + (1 - share) / 2):F2}x faster on two cores than on one"));
            }
            return result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Starts the web server (Kestrel on 127.0.0.1, the same pipeline as <c>crosscheck serve</c>) on the store at
    /// <paramref name="database"/> and posts each of <paramref name="articles"/> as one application/json request.
    /// The first <paramref name="warmUp"/> posts are not timed (they compile the code and let the server's start-up
    /// dossier warming finish); posts follow each other after a short pause, as arrivals do.
    /// </summary>
    public static async Task<PostBenchmarkResult> PostAsync(CrosscheckBackend backend, string database, IReadOnlyList<Document> articles, int warmUp = 2)
    {
        await using var app = WebServer.Build(new WebOptions { Database = database, Token = Token }, backend, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            double? first = null;
            var server = new List<double>();
            var client = new List<double>();
            var parts = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (var i = 0; i < articles.Count; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync("/api/articles", new StringContent(JsonRecord(articles[i]), Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (response.StatusCode != System.Net.HttpStatusCode.Created)
                    throw new InvalidOperationException($"POST /api/articles answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                var timing = ParseServerTiming(response.Headers.GetValues("Server-Timing"));
                first ??= timing["app"];
                if (i >= warmUp)
                {
                    server.Add(timing["app"]);
                    client.Add(watch.Elapsed.TotalMilliseconds);
                    foreach (var (name, ms) in timing.Where(t => t.Key != "app"))
                    {
                        if (!parts.TryGetValue(name, out var list)) parts[name] = list = [];
                        list.Add(ms);
                    }
                }
                await Task.Delay(i < warmUp ? 1000 : 100);
            }
            return new PostBenchmarkResult(server.Count, first ?? 0, Median(server), Median(client), server.Count > 0 ? server.Max() : 0,
                parts.ToDictionary(p => p.Key, p => Median(p.Value)));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Reads "name;dur=12.3, name;dur=4.5" entries into milliseconds by name.</summary>
    private static Dictionary<string, double> ParseServerTiming(IEnumerable<string> headers)
    {
        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in headers.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var fields = entry.Split(';', StringSplitOptions.TrimEntries);
            var duration = fields.Skip(1).FirstOrDefault(f => f.StartsWith("dur=", StringComparison.Ordinal));
            if (duration is not null) parts[fields[0]] = double.Parse(duration[4..], CultureInfo.InvariantCulture);
        }
        return parts;
    }

    internal static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
