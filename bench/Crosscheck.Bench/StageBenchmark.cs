using System.Diagnostics;
using System.Text.Json;
using Crosscheck.Annotation.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Bench;

/// <summary>
/// <c>crosscheck bench annotation</c>: median throughput of each annotation stage over real texts, then clustering
/// and the dossier of the largest story, one thread. The stages, the clusterer and the dossier builder come from
/// the caller (the composition root), so what is timed is what ingest runs.
/// </summary>
public static class StageBenchmark
{
    /// <summary>The stages that read the shared word layer: quantities, time, citations and quotes.</summary>
    /// <summary>Untimed passes over the texts before the timed runs of <see cref="Annotation"/>.</summary>
    private const int WarmUpPasses = 2;

    private static readonly HashSet<string> ClaimStages = new(["quantities", "time", "citations", "quotes"], StringComparer.Ordinal);

    /// <summary>Times each stage over fresh documents <paramref name="runs"/> times; prints tokens/s per stage and returns the annotated documents.</summary>
    /// <remarks><paramref name="language"/>, when given, is every document's identified language, as extraction would set it.</remarks>
    public static List<Document> Annotation(IReadOnlyList<(string Id, string Text)> texts, IReadOnlyList<IDocumentStage> stages, int runs, TextWriter output, string? language = null)
    {
        var perStage = stages.ToDictionary(s => s.Name, _ => new List<double>());
        // CPU seconds beside wall seconds: on a machine other jobs load, a stage's wall time counts the time it waited for a core.
        var cpuPerStage = stages.ToDictionary(s => s.Name, _ => new List<double>());
        using var process = Process.GetCurrentProcess();
        List<Document> documents = [];
        long tokens = 0;
        // Untimed passes first, as BenchmarkDotNet warms up: the runtime compiles a method quickly at its first calls and
        // again, optimised, on a background thread once it is hot, and that thread's CPU is the process's. On a language's
        // few hundred articles the timed runs otherwise measure the compiler (German: 88k tokens per CPU-second as the
        // median of 3 runs, 111k of 9, on one machine in one minute).
        for (var warmUp = 0; warmUp < WarmUpPasses; warmUp++)
        {
            foreach (var document in texts.Select(t => new Document(new Article { Id = t.Id, Source = t.Id, Body = t.Text, Language = language })))
            {
                foreach (var stage in stages) stage.Process(document);
            }
        }
        for (var run = 0; run < runs; run++)
        {
            documents = [.. texts.Select(t => new Document(new Article { Id = t.Id, Source = t.Id, Body = t.Text, Language = language }))];
            foreach (var stage in stages)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                foreach (var document in documents) stage.Process(document);
                perStage[stage.Name].Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpuPerStage[stage.Name].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
            tokens = documents.Sum(d => (long)d.Tokens.Length);
        }
        output.WriteLine($"{tokens:N0} tokens (after {WarmUpPasses} untimed warm-up passes)");
        var total = 0.0;
        foreach (var stage in stages)
        {
            var seconds = Median(perStage[stage.Name]);
            total += seconds;
            var cpu = Median(cpuPerStage[stage.Name]);
            output.WriteLine($"  {stage.Name,-24} {tokens / seconds,12:N0} tokens/s" + (cpu > 0 ? $" ({tokens / cpu:N0} per CPU-second)" : ""));
        }
        var totalCpu = stages.Sum(s => Median(cpuPerStage[s.Name]));
        output.WriteLine($"  {"all annotation stages",-24} {tokens / total,12:N0} tokens/s" + (totalCpu > 0 ? $" ({tokens / totalCpu:N0} tokens per CPU-second of the process)" : ""));
        // Issue 14's bar is on the claim stages together (each document's word scan is counted in the first of them).
        var claimSeconds = stages.Where(s => ClaimStages.Contains(s.Name)).Sum(s => Median(perStage[s.Name]));
        var claimCpuSeconds = stages.Where(s => ClaimStages.Contains(s.Name)).Sum(s => Median(cpuPerStage[s.Name]));
        if (claimSeconds > 0 && claimCpuSeconds > 0)
        {
            output.WriteLine($"  {"claim stages together",-24} {tokens / claimSeconds,12:N0} tokens/s ({tokens / claimCpuSeconds:N0} tokens per CPU-second of the process)");
        }
        return documents;
    }

    /// <summary>Times clustering the documents with a fresh clusterer per run, then building the largest story's dossier.</summary>
    public static void Stories(List<Document> documents, Func<IStoryClusterer> newClusterer, Func<IDossierBuilder> dossierBuilder, int runs, TextWriter output)
    {
        var clusterSeconds = new List<double>();
        IReadOnlyList<Story> stories = [];
        for (var run = 0; run < runs; run++)
        {
            var clusterer = newClusterer();
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
            dossierBuilder().Build(largest, members);
            dossierSeconds.Add(watch.Elapsed.TotalSeconds);
        }
        output.WriteLine($"  dossier of the largest story ({members.Count} articles): {Median(dossierSeconds) * 1000,8:N1} ms");
        Statements(documents, stories, runs, output);
    }

    /// <summary>Times the statement stage alone (entities and origins prepared beforehand) over every story, in tokens of the stories' articles per second.</summary>
    public static void Statements(List<Document> documents, IReadOnlyList<Story> stories, int runs, TextWriter output)
    {
        var byId = documents.ToDictionary(d => d.Id);
        var stages = stories.Select(s => new StatementStage(s.ArticleIds.Select(id => byId[id]).ToList())).ToList();
        var tokens = stories.Sum(s => s.ArticleIds.Sum(id => byId[id].Has(Layer.Tokens) ? byId[id].Tokens.Length : 0));
        var seconds = new List<double>();
        var count = 0;
        foreach (var stage in stages) stage.Build();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            count = stages.Sum(stage => stage.Build().Count);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        output.WriteLine($"  statements of {stories.Count} stories ({tokens:N0} tokens): {tokens / Median(seconds),12:N0} tokens/s ({count} statements)");
    }

    /// <summary>Loads the entity model of <paramref name="language"/> (each is loaded the first time a document needs it) and prints how long that took.</summary>
    public static void ModelLoad(IReadOnlyList<IDocumentStage> stages, string language, TextWriter output)
    {
        if (stages.OfType<EntityTagger>().FirstOrDefault() is not { } tagger) return;
        var watch = Stopwatch.StartNew();
        var shipped = tagger.HasModelFor(language);
        output.WriteLine(shipped
            ? $"  entity model for '{language}' loaded in {watch.Elapsed.TotalSeconds:F2} s (outside the timed runs)"
            : $"  no entity model for '{language}': capitalised-name fallback");
    }

    /// <summary>
    /// The articles of one language in a similarity corpus laid out as similarity-semeval2022 (articles.jsonl, whose
    /// url ends with the article's id, and pairs.tsv, which gives each pair's two languages); none when absent.
    /// </summary>
    /// <summary>Sentences per document of <see cref="NerCorpusTexts"/>: about a short news article's length.</summary>
    public const int NerDocumentSentences = 25;

    /// <summary>
    /// Text of a language for the speed of its stages where the similarity set has no article in it: the sentences of its
    /// entity corpora's training files (else of the training part of a split validation file), tokens joined by spaces,
    /// in documents of <see cref="NerDocumentSentences"/>, at most 2,000 sentences per corpus.
    /// </summary>
    public static List<(string Id, string Text)> NerCorpusTexts(string nerFolder, string language)
    {
        var texts = new List<(string, string)>();
        foreach (var corpus in MultilingualNerData.For(nerFolder, language))
        {
            var sentences = corpus.TrainFile is { } train
                ? ConllCorpus.Read(train)
                : MultilingualNerData.Split(ConllCorpus.Read(corpus.ValidationFile)).Training;
            foreach (var chunk in sentences.Take(2000).Chunk(NerDocumentSentences))
            {
                texts.Add(($"{corpus.Name}-{texts.Count}", string.Join('\n', chunk.Select(sentence => sentence.AsText().Text))));
            }
        }
        return texts;
    }

    public static List<(string Id, string Text)> LanguageTexts(string dir, string language)
    {
        var pairs = Path.Combine(dir, "pairs.tsv");
        var articles = Path.Combine(dir, "articles.jsonl");
        if (!File.Exists(pairs) || !File.Exists(articles)) return [];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(pairs).Skip(1))
        {
            var fields = line.Split('\t');
            var pair = fields[0].Split('_');
            if (fields.Length < 3 || pair.Length != 2) continue;
            if (fields[1] == language) ids.Add(pair[0]);
            if (fields[2] == language) ids.Add(pair[1]);
        }
        var texts = new List<(string, string)>();
        foreach (var line in File.ReadLines(articles))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            var url = json.RootElement.GetProperty("url").GetString() ?? "";
            var id = url[(url.LastIndexOf('/') + 1)..];
            if (ids.Contains(id)) texts.Add((id, json.RootElement.GetProperty("text").GetString() ?? ""));
        }
        return texts;
    }

    /// <summary>The id and text of each line of a JSONL file; none when the file is absent.</summary>
    public static List<(string Id, string Text)> LoadTexts(string jsonl)
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
