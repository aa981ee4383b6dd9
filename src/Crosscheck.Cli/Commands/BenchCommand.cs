using System.CommandLine;
using System.Diagnostics;
using Crosscheck.Bench;
using Crosscheck.Evaluation.Entities;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// `bench`: throughput of each stage on real text, medians of several runs, and peak memory.
/// The timing code lives in bench/Crosscheck.Bench (beside the BenchmarkDotNet project), never in tests.
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
        var runs = new Option<int>("--runs") { Description = "Timed runs per measurement; the median is reported.", DefaultValueFactory = _ => 5, HelpName = "N" };
        var storyPage = new Option<bool>("--story-page")
        {
            Description = "Only time the web UI's story page for a 200-article synthetic story (server-side, through the real server); needs no data.",
        };
        var only = new Argument<string?>("STAGE")
        {
            Description = "Measure only this: extraction; annotation (annotation, clustering and dossier); clustering (cost per article as the corpus grows, see --sizes); or stream (cost of adding articles to stores of --sizes articles). Default: extraction and annotation.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        only.AcceptOnlyFromAmong("extraction", "annotation", "clustering", "stream");
        var sizes = new Option<string>("--sizes")
        {
            Description = "With `bench clustering` or `bench stream`: corpus (store) sizes to replay the real texts to, comma-separated.",
            HelpName = "N,N,...",
            DefaultValueFactory = _ => "1000,10000,100000",
        };
        var added = new Option<int>("--new")
        {
            Description = "With `bench stream`: how many new articles are added to each store.",
            DefaultValueFactory = _ => 100,
            HelpName = "N",
        };
        var keepStores = new Option<string?>("--keep-stores")
        {
            Description = "With `bench stream`: keep the built stores in this folder and reuse them on the next run (the placement runs on a copy).",
            HelpName = "DIR",
        };
        var posts = new Option<int>("--post")
        {
            Description = "With `bench stream`: after the placement, start the web server on each store and time this many POST /api/articles of one article (0: none).",
            HelpName = "N",
            DefaultValueFactory = _ => 20,
        };
        var bulk = new Option<int>("--bulk")
        {
            Description = "With `bench stream`: instead of the stores, ingest this many replayed articles as one JSONL file into a new store and report the time of each phase and the serial share (run it under `taskset -c 0` and `taskset -c 0,1` to compare one core with two).",
            HelpName = "N",
        };
        var language = CommonOptions.Language(
            "With `bench annotation`: time the annotation stages on the similarity-semeval2022 articles of this language (ISO 639-1: de, es, fr, ru, zh, ...) read as that language; for a language it has none of (nl, pt), on the sentences of its ner-multilingual training files.");
        var command = new Command("bench", """
            Measure throughput per stage on real articles: extraction (pages/s), each annotation stage
            (tokens/s), clustering (articles/s), dossier building, and peak memory. Single-threaded, so
            figures compare across machines of different core counts. Record results in docs/BENCHMARKS.md.

            `bench clustering` replays the ECB+ texts with shifted dates to each corpus size and prints
            the CPU cost per article (all of it and the last tenth) and peak memory: the cost per article
            should stay near-flat as the corpus grows. `bench stream` builds SQLite stores of each size (the
            same replay) with their story state, then times placing the same new articles in each the way
            an ingest does, --runs times on fresh copies (the median per-article cost, the ratio between
            sizes, peak memory of that placement), then times POST /api/articles of single articles to the
            web server on each store (--post). `bench stream --bulk 2000` ingests 2,000 replayed articles
            as JSONL and reports the serial share of the run.

            Examples: crosscheck bench --data ../shared/data
                      crosscheck bench extraction --runs 7
                      crosscheck bench clustering --sizes 1000,10000,100000
                      crosscheck bench stream --sizes 10000,100000 --new 100 --post 20
                      taskset -c 0 crosscheck bench stream --bulk 2000
                      crosscheck bench annotation --language fr
            """)
        { only, data, runs, storyPage, sizes, added, keepStores, posts, bulk, language };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            if (result.GetValue(storyPage))
            {
                Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
                StoryPageBenchmark.RunAsync(Engine.WebBackend(), Console.Out, runs: Math.Max(3, result.GetValue(runs))).GetAwaiter().GetResult();
                return ExitCodes.Ok;
            }
            var dir = result.GetValue(data) ?? SharedFolders.Find("data") ?? throw new UserError("no evaluation data found; pass --data ../shared/data");
            if (result.GetValue(only) == "clustering")
            {
                RunClusteringScaling(dir, ParseSizes(result.GetValue(sizes)!), Console.Out);
                return ExitCodes.Ok;
            }
            if (result.GetValue(only) == "stream")
            {
                if (result.GetValue(bulk) is > 0 and var count)
                {
                    Console.WriteLine($"machine: {Environment.ProcessorCount} cores available, {Environment.OSVersion}, .NET {Environment.Version}");
                    var replayed = StreamBenchmark.Texts(EcbPlusDev(dir));
                    StreamIngestBenchmark.Bulk(Engine.WebBackend(), [.. Enumerable.Range(0, count).Select(i => StreamBenchmark.ReplayedWithOutlet(replayed, i))], Console.Out);
                    return ExitCodes.Ok;
                }
                if (result.GetValue(added) < 1) throw new UserError("--new: give how many new articles to add, at least 1");
                if (result.GetValue(posts) < 0) throw new UserError("--post: give how many articles to post, 0 for none");
                Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; placement on one thread");
                StreamBenchmark.Run(EcbPlusDev(dir), ParseSizes(result.GetValue(sizes)!), result.GetValue(added), Console.Out, result.GetValue(keepStores),
                    Engine.WebBackend(), result.GetValue(posts), Math.Max(1, result.GetValue(runs)));
                return ExitCodes.Ok;
            }
            if (result.GetValue(language) is { } code)
            {
                if (result.GetValue(only) is not "annotation") throw new UserError("--language goes with `bench annotation`");
                RunLanguage(dir, code, Math.Max(1, result.GetValue(runs)), Console.Out);
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
                output.WriteLine("\n## extraction (aeb-dev)");
                ExtractionBenchmark.Run(extraction, output, runs);
                // The whole-web pages: 1,497 of them, so one timed pass each, after a warm-up on the first 50.
                var web = Path.Combine(dataDir, "extraction-wcxb-dev");
                if (Directory.Exists(web))
                {
                    output.WriteLine("\n## extraction (wcxb-dev, one timed pass each)");
                    ExtractionBenchmark.Run(web, output, runs: 1, baselineRuns: 1, warmUpPages: 50);
                }
            }
            else if (only is not null) throw new UserError($"{extraction}: not found; pass --data with the folder holding extraction-aeb-dev");
        }
        if (only == "extraction") return;

        var texts = StageBenchmark.LoadTexts(Path.Combine(dataDir, "clustering-ecbplus-dev", "documents.jsonl"));
        if (texts.Count == 0)
        {
            output.WriteLine("no clustering-ecbplus-dev/documents.jsonl: annotation and clustering not measured");
            return;
        }
        output.WriteLine($"\n## annotation ({texts.Count} ECB+ articles)");
        var documents = StageBenchmark.Annotation(texts, Engine.Annotation.Stages, runs, output);
        output.WriteLine("\n## clustering and dossier");
        StageBenchmark.Stories(documents, Engine.NewClusterer, Engine.DossierBuilder, runs, output);
        output.WriteLine($"\npeak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MB");
    }

    /// <summary>The annotation stages on one language's articles, with the time its entity model takes to load.</summary>
    private static void RunLanguage(string dataDir, string language, int runs, TextWriter output)
    {
        var corpus = Path.Combine(dataDir, "similarity-semeval2022");
        var texts = StageBenchmark.LanguageTexts(corpus, language);
        var described = $"{texts.Count} similarity-semeval2022 articles in '{language}'";
        if (texts.Count == 0)
        {
            // Dutch and Portuguese have no articles there; the entity corpora's training sentences are text of the language.
            var nerFolder = Path.Combine(dataDir, MultilingualNerData.FolderName);
            texts = StageBenchmark.NerCorpusTexts(nerFolder, language);
            if (texts.Count == 0) throw new UserError($"{corpus}: no articles in '{language}', and {nerFolder} has no corpus in it; pass --data with the folder holding similarity-semeval2022 and ner-multilingual");
            described = $"{texts.Count} documents of {StageBenchmark.NerDocumentSentences} sentences from {MultilingualNerData.FolderName} in '{language}' (no similarity-semeval2022 articles in it)";
        }
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; medians of {runs} runs, one thread");
        output.WriteLine($"\n## annotation ({described})");
        StageBenchmark.ModelLoad(Engine.Annotation.Stages, language, output);
        StageBenchmark.Annotation(texts, Engine.Annotation.Stages, runs, output, language);
        output.WriteLine($"\npeak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MB");
    }

    private static void RunClusteringScaling(string dataDir, IReadOnlyList<int> sizes, TextWriter output)
    {
        var jsonl = EcbPlusDev(dataDir);
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; one thread");
        var results = ClusteringBenchmark.Run(jsonl, sizes, output);
        if (results.Count >= 2)
        {
            var (small, large) = (results[^2], results[^1]);
            output.WriteLine($"cost per article at {large.Articles:N0} / at {small.Articles:N0}: {large.CpuMicrosecondsPerArticle / small.CpuMicrosecondsPerArticle:0.00}x " +
                $"(last tenth {large.LastTenthCpuMicrosecondsPerArticle / small.LastTenthCpuMicrosecondsPerArticle:0.00}x)");
        }
    }

    private static string EcbPlusDev(string dataDir)
    {
        var jsonl = Path.Combine(dataDir, "clustering-ecbplus-dev", "documents.jsonl");
        return File.Exists(jsonl) ? jsonl : throw new UserError($"{jsonl}: not found; pass --data with the folder holding clustering-ecbplus-dev");
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
}
