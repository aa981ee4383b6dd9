using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Evaluation.Clustering;

/// <summary>One line of a clustering evaluation file: <c>{id, event, text[, published, title]}</c> (event kept aside as gold).</summary>
public sealed record ClusteringInput(string Id, string Text, string? Title = null, DateTimeOffset? Published = null);

/// <summary>B-cubed and pairwise precision/recall/F1 of predicted stories against gold events.</summary>
public sealed record ClusteringScores(
    int Articles,
    int GoldEvents,
    int PredictedStories,
    double BCubedPrecision,
    double BCubedRecall,
    double PairPrecision,
    double PairRecall,
    double Seconds,
    double ClusteringSeconds)
{
    public double BCubedF1 => F1(BCubedPrecision, BCubedRecall);

    public double PairF1 => F1(PairPrecision, PairRecall);

    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;

    public double ClusteredPerSecond => ClusteringSeconds > 0 ? Articles / ClusteringSeconds : 0;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>The scores of one clustering evaluation and each article's final story id.</summary>
public sealed record ClusteringEvaluation(ClusteringScores Scores, IReadOnlyDictionary<string, string> Predicted);

/// <summary>
/// <c>crosscheck eval clustering FILE.jsonl</c>: clusters the articles in file order with a fresh
/// <see cref="StoryClusterer"/> and scores the stories against the gold <c>event</c> of each line.
/// </summary>
public static class ClusteringEvaluator
{
    /// <summary>
    /// Reads the file and runs the evaluation. <paramref name="process"/> turns a line into an annotated
    /// document (the caller wires extraction and annotation). Throws <see cref="EvaluationDataException"/> on bad input.
    /// </summary>
    public static ClusteringEvaluation Evaluate(string jsonlPath, Func<ClusteringInput, Document> process, ClusteringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        List<(ClusteringInput Input, string Event)> lines;
        try
        {
            lines = Read(jsonlPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new EvaluationDataException($"{jsonlPath}: {ex.Message}", ex);
        }
        if (lines.Count == 0)
            throw new EvaluationDataException($"{jsonlPath}: no articles; expected one JSON object per line with id, event and text.");
        return Evaluate(lines, process, options);
    }

    /// <summary>Writes the assignment as {id: story_id}.</summary>
    public static void WritePredictions(IReadOnlyDictionary<string, string> predicted, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, predicted, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Clusters the lines in order and scores them; also returns each article's final story id.</summary>
    public static ClusteringEvaluation Evaluate(
        IReadOnlyList<(ClusteringInput Input, string Event)> lines, Func<ClusteringInput, Document> process, ClusteringOptions? options = null)
    {
        var clusterer = new StoryClusterer(options);
        var total = Stopwatch.StartNew();
        var clustering = new Stopwatch();
        foreach (var (input, _) in lines)
        {
            var document = process(input);
            clustering.Start();
            clusterer.Assign(document);
            clustering.Stop();
        }
        // The input ends here, as an ingest batch does: deferred re-checks run now.
        clustering.Start();
        clusterer.Settle();
        clustering.Stop();
        total.Stop();

        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (input, _) in lines) predicted[input.Id] = clusterer.StoryOf(input.Id) ?? input.Id;
        var gold = lines.ToDictionary(l => l.Input.Id, l => l.Event, StringComparer.Ordinal);
        var scores = Score(gold, predicted) with { Seconds = total.Elapsed.TotalSeconds, ClusteringSeconds = clustering.Elapsed.TotalSeconds };
        return new ClusteringEvaluation(scores, predicted);
    }

    /// <summary>A document with no layers, built straight from a line: what clustering sees without annotation.</summary>
    public static Document BareDocument(ClusteringInput input)
    {
        var article = new Article { Id = input.Id, Source = input.Id, Body = input.Text, Title = input.Title };
        if (input.Published is { } published) article.Published = new Found<DateTimeOffset>(published, "input");
        return new Document(article);
    }

    /// <summary>Reads <c>{id, event, text[, published, title]}</c> lines; blank lines are skipped, a bad line names its number.</summary>
    public static List<(ClusteringInput Input, string Event)> Read(string jsonlPath)
    {
        var result = new List<(ClusteringInput, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(jsonlPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = Text(root, "id") ?? throw new FormatException("missing \"id\"");
                var gold = Text(root, "event") ?? throw new FormatException("missing \"event\"");
                var text = Text(root, "text") ?? throw new FormatException("missing \"text\"");
                if (!seen.Add(id)) throw new FormatException($"duplicate id \"{id}\"");
                DateTimeOffset? published = Text(root, "published") is { } p
                    && DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
                result.Add((new ClusteringInput(id, text, Text(root, "title"), published), gold));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"line {number}: not valid JSON ({ex.Message})", ex);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"line {number}: {ex.Message}", ex);
            }
        }
        return result;
    }

    /// <summary>B-cubed (per-item averages) and pairwise (over all same-cluster pairs) scores.</summary>
    public static ClusteringScores Score(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var items = gold.Keys.Where(predicted.ContainsKey).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var goldSize = items.GroupBy(i => gold[i]).ToDictionary(g => g.Key, g => g.Count());
        var predSize = items.GroupBy(i => predicted[i]).ToDictionary(g => g.Key, g => g.Count());
        var both = items.GroupBy(i => (gold[i], predicted[i])).ToDictionary(g => g.Key, g => g.Count());

        double precision = 0, recall = 0;
        foreach (var item in items)
        {
            var shared = both[(gold[item], predicted[item])];
            precision += (double)shared / predSize[predicted[item]];
            recall += (double)shared / goldSize[gold[item]];
        }
        static double Pairs(int n) => n * (n - 1) / 2.0;
        var truePairs = both.Values.Sum(Pairs);
        var predictedPairs = predSize.Values.Sum(Pairs);
        var goldPairs = goldSize.Values.Sum(Pairs);
        var n = Math.Max(1, items.Count);
        return new ClusteringScores(items.Count, goldSize.Count, predSize.Count,
            precision / n, recall / n,
            predictedPairs == 0 ? 1 : truePairs / predictedPairs,
            goldPairs == 0 ? 1 : truePairs / goldPairs,
            0, 0);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
