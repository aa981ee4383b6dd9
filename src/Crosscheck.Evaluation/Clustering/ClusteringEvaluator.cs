using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Extraction;
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
    double ClusteringSeconds,
    int PredictedPairs = 0,
    int FalsePairs = 0)
{
    public double BCubedF1 => PrecisionRecall.F1(BCubedPrecision, BCubedRecall);

    public double PairF1 => PrecisionRecall.F1(PairPrecision, PairRecall);

    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;

    public double ClusteredPerSecond => ClusteringSeconds > 0 ? Articles / ClusteringSeconds : 0;
}

/// <summary>The scores of one clustering evaluation and each article's final story id.</summary>
public sealed record ClusteringEvaluation(ClusteringScores Scores, IReadOnlyDictionary<string, string> Predicted)
{
    /// <summary>The predicted same-story pairs whose articles have different gold stories, each pair's ids in ordinal order.</summary>
    public IReadOnlyList<(string First, string Second)> FalsePairs { get; init; } = [];

    /// <summary>
    /// A folder of pages: the pages that could not be read (a damaged .gz, a binary file), each "FILE: problem; page skipped"
    /// (<see cref="BenchmarkDirectory.Inputs"/>); they are left out of the clustering and of the scores.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>
/// How the articles reach the clusterer. <paramref name="BatchSize"/> 0 is one batch (the whole input, as a
/// full rebuild sees it); N feeds successive batches of N, each ending as an ingest ends (the end-of-batch
/// <see cref="StoryClusterer.Settle"/>) with the same clusterer going on, as a live stream of ingests does.
/// <paramref name="ShuffleSeed"/> null keeps the input order; a seed shuffles it reproducibly (late pages,
/// backfills: any arrival order).
/// </summary>
public sealed record ClusteringStream(int BatchSize = 0, int? ShuffleSeed = null)
{
    public static readonly ClusteringStream WholeInput = new();

    /// <summary>
    /// Null: one clusterer in memory goes on from batch to batch. Else each batch is placed by a clusterer reading the story
    /// state back from this store (empty at first) and saved to it at the batch end, as separate ingest runs do.
    /// </summary>
    public Crosscheck.Core.Pipeline.IStoryStateStore? Store { get; init; }

    /// <summary>The lines in arrival order: as given, or shuffled by the seed (Fisher–Yates on a seeded <see cref="Random"/>).</summary>
    public IReadOnlyList<T> Arrange<T>(IReadOnlyList<T> items)
    {
        if (ShuffleSeed is not { } seed) return items;
        var shuffled = items.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>The arrivals cut into the successive batches.</summary>
    public IEnumerable<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> items) =>
        BatchSize <= 0 ? [Arrange(items)] : Arrange(items).Chunk(BatchSize);

    public override string ToString() =>
        (BatchSize > 0 ? $"batches of {BatchSize}" : "one batch") + (Store is null ? "" : ", each saved and read back") + (ShuffleSeed is { } seed ? $", random order (seed {seed})" : ", input order");
}

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
    public static ClusteringEvaluation Evaluate(
        string jsonlPath, Func<ClusteringInput, Document> process, ClusteringOptions? options = null, ClusteringStream? stream = null)
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
        return Evaluate(lines, process, options, stream);
    }

    /// <summary>Writes the assignment as {id: story_id}.</summary>
    public static void WritePredictions(IReadOnlyDictionary<string, string> predicted, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, predicted, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Clusters the lines as <paramref name="stream"/> says (default: in order, one batch) and scores them; also returns each article's final story id.</summary>
    public static ClusteringEvaluation Evaluate(
        IReadOnlyList<(ClusteringInput Input, string Event)> lines, Func<ClusteringInput, Document> process,
        ClusteringOptions? options = null, ClusteringStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var gold = lines.ToDictionary(l => l.Input.Id, l => l.Event, StringComparer.Ordinal);
        return Cluster(lines.Select(l => l.Input).ToList(), i => i.Id, process, gold, options, stream);
    }

    /// <summary>
    /// Feeds the items to one clusterer batch by batch, each batch ending with the end-of-batch re-checks an
    /// ingest runs, and scores the final stories against <paramref name="gold"/>.
    /// </summary>
    private static ClusteringEvaluation Cluster<T>(
        IReadOnlyList<T> items, Func<T, string> idOf, Func<T, Document> process, IReadOnlyDictionary<string, string> gold,
        ClusteringOptions? options, ClusteringStream? stream)
    {
        ArgumentNullException.ThrowIfNull(process);
        var store = stream?.Store;
        var clusterer = store is null ? new StoryClusterer(options) : StoryClusterer.Rebuilding(store, options);
        var total = Stopwatch.StartNew();
        var clustering = new Stopwatch();
        var first = true;
        foreach (var batch in (stream ?? ClusteringStream.WholeInput).Batches(items))
        {
            // A separate run per batch: it knows only what the store holds.
            if (store is not null && !first) clusterer = StoryClusterer.Stored(store, options);
            first = false;
            foreach (var item in batch)
            {
                var document = process(item);
                clustering.Start();
                clusterer.Assign(document);
                clustering.Stop();
            }
            // The batch ends here, as an ingest does: deferred re-checks run now.
            clustering.Start();
            clusterer.Settle();
            if (store is not null) clusterer.Save(null);
            clustering.Stop();
        }
        total.Stop();

        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items) predicted[idOf(item)] = clusterer.StoryOf(idOf(item)) ?? idOf(item);
        var scores = Score(gold, predicted) with { Seconds = total.Elapsed.TotalSeconds, ClusteringSeconds = clustering.Elapsed.TotalSeconds };
        return new ClusteringEvaluation(scores, predicted) { FalsePairs = FalsePairs(gold, predicted) };
    }

    /// <summary>Same-story pairs of <paramref name="predicted"/> that <paramref name="gold"/> keeps apart, in ordinal order.</summary>
    public static List<(string First, string Second)> FalsePairs(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        var result = new List<(string, string)>();
        foreach (var story in gold.Keys.Where(predicted.ContainsKey).GroupBy(id => predicted[id]))
        {
            var members = story.Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (gold[members[i]] != gold[members[j]]) result.Add((members[i], members[j]));
                }
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Item1 + " " + a.Item2, b.Item1 + " " + b.Item2));
        return result;
    }

    /// <summary>
    /// Scores a folder of story labels for web pages: <c>gold.json</c> (page id → story slug) beside the pages
    /// in the extraction-benchmark layout (<c>html/&lt;id&gt;.html</c> and <c>ground-truth.json</c> for the urls),
    /// either in the folder itself or in its sibling named <c>extraction-*</c> for <c>stories-*</c>.
    /// <paramref name="process"/> extracts and annotates a page (the caller wires what ingest runs); the pages
    /// then arrive in ingest's order (publication date, then id) unless <paramref name="stream"/> shuffles them.
    /// </summary>
    public static ClusteringEvaluation EvaluatePages(
        string storiesDir, Func<RawInput, Document> process, ClusteringOptions? options = null, ClusteringStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        var (gold, pages, missing) = ReadPages(storiesDir);
        return ClusterPages(pages, process, gold, options, stream, missing);
    }

    /// <summary>
    /// Scores a stream of unrelated web pages: the pages of an extraction benchmark folder (<c>html/</c>, <c>ground-truth.json</c>,
    /// optionally <c>meta.json</c>) without story labels, each taken as a story of its own, so every predicted pair is a probable
    /// false join (pages of many sites about many things; read the pairs to confirm). <paramref name="pageType"/> keeps only pages
    /// of that type in <c>meta.json</c> (null: all); <paramref name="half"/> keeps one half of the pages by id, so a rule chosen on
    /// one half is checked on the other. The pages arrive in ingest's order, as in <see cref="EvaluatePages"/>.
    /// </summary>
    public static ClusteringEvaluation EvaluateUnrelatedPages(
        string pagesDir, Func<RawInput, Document> process, string? pageType = null, BenchmarkHalf half = BenchmarkHalf.All,
        ClusteringOptions? options = null, ClusteringStream? stream = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        bool Chosen(BenchmarkPage page) => pageType is null || page.Labels?.PageType == pageType;
        var loaded = BenchmarkDirectory.Load(pagesDir, half);
        var pages = loaded.Pages.Where(Chosen).ToList();
        if (pages.Count == 0) throw new EvaluationDataException($"{pagesDir}: no pages{(pageType is null ? "" : $" of type {pageType} in meta.json")}");
        var gold = pages.ToDictionary(p => p.Id, p => p.Id, StringComparer.Ordinal);
        return ClusterPages(pages, process, gold, options, stream, loaded.Missing.Where(Chosen).Select(BenchmarkPages.Note));
    }

    /// <summary>
    /// Extracts and annotates the pages, orders them as ingest does (publication date, then id) and clusters them as <paramref name="stream"/> says;
    /// a page that cannot be read is left out and named in <see cref="ClusteringEvaluation.Skipped"/> after the <paramref name="missing"/>
    /// notes (pages with no file), as ingest goes on past a bad file.
    /// </summary>
    private static ClusteringEvaluation ClusterPages(
        IReadOnlyList<BenchmarkPage> pages, Func<RawInput, Document> process, IReadOnlyDictionary<string, string> gold,
        ClusteringOptions? options, ClusteringStream? stream, IEnumerable<string> missing)
    {
        var skipped = missing.ToList();
        var documents = BenchmarkDirectory.Inputs(pages, skipped).Select(page => process(page.Input))
            .OrderBy(d => d.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        // The scores are over the pages read: a skipped page is in no predicted story, and scoring counts only predicted ids.
        return Cluster(documents, d => d.Id, d => d, gold, options, stream) with { Skipped = skipped };
    }

    /// <summary>
    /// Reads a story-label folder (see <see cref="EvaluatePages"/>): the gold story of each page, the labelled pages, in id order, and a
    /// note on each labelled page that has no file ("FILE: missing; page skipped") or that ground-truth.json does not list, in id order:
    /// those are left out as a damaged page is. Throws when no labelled page is there at all (labels of another folder).
    /// </summary>
    public static (Dictionary<string, string> Gold, List<BenchmarkPage> Pages, List<string> Missing) ReadPages(string storiesDir)
    {
        var goldPath = Path.Combine(storiesDir, "gold.json");
        if (!File.Exists(goldPath)) throw new EvaluationDataException($"{storiesDir}: expected gold.json (page id -> story)");
        var gold = EvaluationFile.ReadObject(goldPath, "page id -> story (a string)", JsonValueKind.String)
            .ToDictionary(e => e.Key, e => e.Value.GetString()!, StringComparer.Ordinal);
        if (gold.Count == 0) throw new EvaluationDataException($"{goldPath}: no labelled pages; it must be one JSON object of page id -> story; {EvaluationFile.FetchAgain}");
        var pagesDir = PagesDirectory(storiesDir);
        var loaded = BenchmarkDirectory.Load(pagesDir);
        var pages = loaded.Pages.Where(p => gold.ContainsKey(p.Id)).ToList();
        if (pages.Count == 0) throw new EvaluationDataException($"{storiesDir}: no page for any of the {gold.Count} labelled id(s) in {pagesDir}");
        var read = pages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var withoutFile = loaded.Missing.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var missing = gold.Keys.Where(id => !read.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => withoutFile.TryGetValue(id, out var page)
                ? BenchmarkPages.Note(page)
                : $"{goldPath}: labels page {id}, which {Path.Combine(pagesDir, "ground-truth.json")} does not list; page skipped")
            .ToList();
        return (new Dictionary<string, string>(gold, StringComparer.Ordinal), pages, missing);
    }

    private static string PagesDirectory(string storiesDir)
    {
        if (Directory.Exists(Path.Combine(storiesDir, "html"))) return storiesDir;
        var full = Path.GetFullPath(storiesDir).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        const string prefix = "stories-";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            var sibling = Path.Combine(Path.GetDirectoryName(full)!, "extraction-" + name[prefix.Length..]);
            if (Directory.Exists(sibling)) return sibling;
        }
        throw new EvaluationDataException($"{storiesDir}: no html/ folder here, nor a sibling extraction-* folder holding the pages");
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return JsonLinesFile.Read(jsonlPath, root =>
        {
            var id = Text(root, "id") ?? throw new FormatException("no \"id\" (a string); each line needs id, event and text");
            var gold = Text(root, "event") ?? throw new FormatException("no \"event\" (a string); each line needs id, event and text");
            var text = Text(root, "text") ?? throw new FormatException("no \"text\" (a string); each line needs id, event and text");
            if (!seen.Add(id)) throw new FormatException($"duplicate id \"{id}\"");
            DateTimeOffset? published = Text(root, "published") is { } p
                && DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
            return (new ClusteringInput(id, text, Text(root, "title"), published), gold);
        });
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
            0, 0, (int)predictedPairs, (int)(predictedPairs - truePairs));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
