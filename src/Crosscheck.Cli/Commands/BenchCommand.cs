using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.Evaluation;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// `bench`: throughput of each stage on real text, medians of several runs, and peak memory.
/// Timings belong here and in bench/Crosscheck.Benchmarks, never in tests.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data")
        {
            Description = "The evaluation data folder (default: shared/data found from the working directory up).",
            HelpName = "DIR",
        };
        var runs = new Option<int>("--runs") { Description = "Timed runs per measurement; the median is reported.", DefaultValueFactory = _ => 5 };
        var storyPage = new Option<bool>("--story-page")
        {
            Description = "Only time the web UI's story page for a 200-article synthetic story (server-side, through the real server); needs no data.",
        };
        var only = new Argument<string?>("STAGE")
        {
            Description = "Measure only this: extraction; annotation (annotation, clustering and dossier); or clustering (cost per article as the corpus grows, see --sizes). Default: extraction and annotation.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        only.AcceptOnlyFromAmong("extraction", "annotation", "clustering");
        var sizes = new Option<string>("--sizes")
        {
            Description = "With `bench clustering`: corpus sizes to replay the real texts to, comma-separated.",
            HelpName = "N,N,...",
            DefaultValueFactory = _ => "1000,10000,100000",
        };
        var command = new Command("bench", """
            Measure throughput per stage on real articles: extraction (pages/s), each annotation stage
            (tokens/s), clustering (articles/s), dossier building, and peak memory. Single-threaded, so
            figures compare across machines of different core counts. Record results in docs/BENCHMARKS.md.

            `bench clustering` replays the ECB+ texts with shifted dates to each corpus size and prints
            the CPU cost per article (all of it and the last tenth) and peak memory: the cost per article
            should stay near-flat as the corpus grows.

            Examples: crosscheck bench --data ../shared/data
                      crosscheck bench extraction --runs 7
                      crosscheck bench clustering --sizes 1000,10000,100000
            """)
        { only, data, runs, storyPage, sizes };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            if (result.GetValue(storyPage))
            {
                Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
                Web.StoryPageBenchmark.RunAsync(Engine.WebBackend(), Console.Out, runs: Math.Max(3, result.GetValue(runs))).GetAwaiter().GetResult();
                return ExitCodes.Ok;
            }
            var dir = result.GetValue(data) ?? SharedFolders.Find("data") ?? throw new UserError("no evaluation data found; pass --data ../shared/data");
            if (result.GetValue(only) == "clustering")
            {
                RunClusteringScaling(dir, ParseSizes(result.GetValue(sizes)!), Console.Out);
                return ExitCodes.Ok;
            }
            Run(dir, Math.Max(1, result.GetValue(runs)), result.GetValue(only), Console.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Run(string dataDir, int runs, string? only, TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; medians of {runs} runs, one thread");
        var extraction = Path.Combine(dataDir, "extraction-aeb-dev");
        if (only is null or "extraction")
        {
            if (Directory.Exists(extraction))
            {
                output.WriteLine("\n## extraction");
                ExtractionBenchmark.Run(extraction, output, runs);
            }
            else if (only is not null) throw new UserError($"{extraction}: not found; pass --data with the folder holding extraction-aeb-dev");
        }
        if (only == "extraction") return;

        var texts = LoadTexts(Path.Combine(dataDir, "clustering-ecbplus-dev", "documents.jsonl"));
        if (texts.Count == 0)
        {
            output.WriteLine("no clustering-ecbplus-dev/documents.jsonl: annotation and clustering not measured");
            return;
        }
        output.WriteLine($"\n## annotation ({texts.Count} ECB+ articles)");
        var documents = BenchAnnotation(texts, runs, output);
        output.WriteLine("\n## clustering and dossier");
        BenchStories(documents, runs, output);
        output.WriteLine($"\npeak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MB");
    }

    private static void RunClusteringScaling(string dataDir, IReadOnlyList<int> sizes, TextWriter output)
    {
        var jsonl = Path.Combine(dataDir, "clustering-ecbplus-dev", "documents.jsonl");
        if (!File.Exists(jsonl)) throw new UserError($"{jsonl}: not found; pass --data with the folder holding clustering-ecbplus-dev");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; one thread");
        var results = Stories.Clustering.ClusteringBenchmark.Run(jsonl, sizes, output);
        if (results.Count >= 2)
        {
            var (small, large) = (results[^2], results[^1]);
            output.WriteLine($"cost per article at {large.Articles:N0} / at {small.Articles:N0}: {large.CpuMicrosecondsPerArticle / small.CpuMicrosecondsPerArticle:0.00}x " +
                $"(last tenth {large.LastTenthCpuMicrosecondsPerArticle / small.LastTenthCpuMicrosecondsPerArticle:0.00}x)");
        }
    }

    private static int[] ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sizes[i])
                || sizes[i] < 1 || sizes[i] > 10_000_000)
                throw new UserError($"--sizes: '{parts[i]}' is not a corpus size from 1 to 10,000,000; give whole numbers separated by commas, e.g. --sizes 1000,10000");
        }
        return sizes.Length > 0 ? sizes : throw new UserError("--sizes: no size given; e.g. --sizes 1000,10000,100000");
    }

    private static List<Document> BenchAnnotation(List<(string Id, string Text)> texts, int runs, TextWriter output)
    {
        var stages = Engine.Annotation.Stages;
        var perStage = stages.ToDictionary(s => s.Name, _ => new List<double>());
        List<Document> documents = [];
        long tokens = 0;
        for (var run = 0; run < runs; run++)
        {
            documents = [.. texts.Select(t => new Document(new Article { Id = t.Id, Source = t.Id, Body = t.Text }))];
            foreach (var stage in stages)
            {
                var watch = Stopwatch.StartNew();
                foreach (var document in documents) stage.Process(document);
                perStage[stage.Name].Add(watch.Elapsed.TotalSeconds);
            }
            tokens = documents.Sum(d => (long)d.Tokens.Length);
        }
        output.WriteLine($"{tokens:N0} tokens");
        var total = 0.0;
        foreach (var stage in stages)
        {
            var seconds = Median(perStage[stage.Name]);
            total += seconds;
            output.WriteLine($"  {stage.Name,-24} {tokens / seconds,12:N0} tokens/s");
        }
        output.WriteLine($"  {"all annotation stages",-24} {tokens / total,12:N0} tokens/s");
        return documents;
    }

    private static void BenchStories(List<Document> documents, int runs, TextWriter output)
    {
        var clusterSeconds = new List<double>();
        IReadOnlyList<Story> stories = [];
        for (var run = 0; run < runs; run++)
        {
            var clusterer = Engine.NewClusterer();
            var watch = Stopwatch.StartNew();
            foreach (var document in documents) clusterer.Assign(document);
            clusterSeconds.Add(watch.Elapsed.TotalSeconds);
            stories = clusterer.Stories;
        }
        output.WriteLine($"  clustering {documents.Count} articles: {documents.Count / Median(clusterSeconds),10:N0} articles/s ({stories.Count} stories)");

        var largest = stories.OrderByDescending(s => s.ArticleIds.Count).First();
        var byId = documents.ToDictionary(d => d.Id);
        var members = largest.ArticleIds.Select(id => byId[id]).ToList();
        var dossierSeconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            Engine.DossierBuilder().Build(largest, members);
            dossierSeconds.Add(watch.Elapsed.TotalSeconds);
        }
        output.WriteLine($"  dossier of the largest story ({members.Count} articles): {Median(dossierSeconds) * 1000,8:N1} ms");
    }

    private static List<(string Id, string Text)> LoadTexts(string jsonl)
    {
        if (!File.Exists(jsonl)) return [];
        var texts = new List<(string, string)>();
        foreach (var line in File.ReadLines(jsonl))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            texts.Add((root.GetProperty("id").ToString(), root.GetProperty("text").GetString() ?? ""));
        }
        return texts;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
