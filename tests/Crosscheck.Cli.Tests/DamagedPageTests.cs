using System.Text;
using System.Text.Json;
using Xunit;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// Long runs over a folder of pages go on past a damaged or missing page as ingest does: `eval clustering DIR` and `train page-types DIR`
/// name each page they cannot read on stderr ("error: FILE: problem", ingest's words), use the others, and exit 1 at the end.
/// </summary>
public sealed class DamagedPageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-damaged-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string Id, string Type, string Title, string Text)[] Pages =
    [
        ("a", "article", "Harbour reopens", "The harbour reopened on Monday after the storm had closed it for two days, and the first ferry left at noon."),
        ("b", "listing", "All news", "News index: harbour, ferries, storms, council, schools, roads, weather, sport, culture, letters."),
        ("c", "article", "Council budget", "The city council approved next year's budget on Tuesday after a long debate about school repairs."),
        ("d", "listing", "Sport", "Sport index: football, tennis, rowing, cycling, athletics, swimming, sailing, golf, chess, results."),
        ("e", "article", "Bridge closed", "The old bridge was closed on Wednesday after engineers found cracks in two of its stone piers."),
        ("f", "listing", "Weather", "Weather index: today, tomorrow, the week, storms, tides, rain radar, warnings, archive, maps."),
    ];

    /// <summary>A benchmark folder of <see cref="Pages"/> (one site each), with a damaged gzipped page "x" and a binary page "y" beside them.</summary>
    private (string Dir, string Damaged, string Binary) Benchmark()
    {
        var bench = Path.Combine(_dir, "bench");
        var html = Directory.CreateDirectory(Path.Combine(bench, "html")).FullName;
        foreach (var (id, type, title, text) in Pages)
        {
            var body = type == "article"
                ? $"<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article>"
                : $"<nav><ul>{string.Concat(text.Split(',').Select(item => $"<li><a href=\"/{id}/{item.Trim()}\">{item.Trim()}</a></li>"))}</ul></nav>";
            File.WriteAllText(Path.Combine(html, id + ".html"), $"<html><head><title>{title}</title></head><body>{body}</body></html>");
        }
        var damaged = Path.Combine(html, "x.html.gz");
        File.WriteAllBytes(damaged, [0x1f, 0x8b, 0x08, 0x00, .. Encoding.ASCII.GetBytes("not gzip at all, a truncated download")]);
        var binary = Path.Combine(html, "y.html");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
        (string Id, string Type, string Text)[] all =
            [.. Pages.Select(p => (p.Id, p.Type, p.Text)), ("x", "article", "A page whose file is damaged."), ("y", "article", "A page saved as an image.")];
        File.WriteAllText(Path.Combine(bench, "ground-truth.json"), JsonSerializer.Serialize(all.ToDictionary(p => p.Id, p => new { articleBody = p.Text, url = $"https://site-{p.Id}.example/{p.Id}" })));
        File.WriteAllText(Path.Combine(bench, "meta.json"), JsonSerializer.Serialize(all.ToDictionary(p => p.Id, p => new { page_type = p.Type })));
        return (bench, damaged, binary);
    }

    [Fact]
    public void Eval_clustering_of_a_pages_folder_clusters_the_readable_pages_and_names_the_others()
    {
        var (bench, damaged, binary) = Benchmark();
        var predictions = Path.Combine(_dir, "stories.json");

        var result = CliRunner.Run(_dir, "eval", "clustering", bench, "--out", predictions);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {damaged}: is not valid gzip (", result.Err, StringComparison.Ordinal);
        Assert.Contains("the file is damaged: fetch it again", result.Err, StringComparison.Ordinal);
        Assert.Contains($"error: {binary}: looks like binary data, not text or HTML; page skipped", result.Err, StringComparison.Ordinal);
        Assert.Contains("2 page(s) not clustered: the figures above are over the other 6", result.Err, StringComparison.Ordinal);
        Assert.Contains(": 6 articles, 6 gold events", result.Out, StringComparison.Ordinal);
        var clustered = JsonDocument.Parse(File.ReadAllText(predictions)).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Pages.Select(p => p.Id), clustered);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_page_types_trains_on_the_readable_pages_writes_the_model_and_names_the_others()
    {
        var (bench, damaged, binary) = Benchmark();
        var model = Path.Combine(_dir, "page-types.txt");
        var cache = Path.Combine(_dir, "features.tsv");

        var result = CliRunner.Run(_dir, "train", "page-types", bench, "--out", model, "--folds", "2", "--depth", "1", "--rounds", "2", "--cache", cache);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {damaged}: is not valid gzip (", result.Err, StringComparison.Ordinal);
        Assert.Contains($"error: {binary}: looks like binary data", result.Err, StringComparison.Ordinal);
        Assert.Contains("2 page(s) not trained on: the figures and the model written are over the other 6", result.Err, StringComparison.Ordinal);
        Assert.Contains("6 labelled pages from 6 sites", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(model), result.Out + result.Err);
        // The cache keeps only a complete read: the next run reads the pages again and names the damaged ones again.
        Assert.False(File.Exists(cache));
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }
    /// <summary>Adds a page "m" to the benchmark's ground-truth.json and meta.json (an article) whose HTML file is not there; returns the path looked for.</summary>
    private static string WithMissingPage(string bench)
    {
        foreach (var (file, entry) in new[] { ("ground-truth.json", (object)new { articleBody = "A page whose file was never fetched.", url = "https://site-m.example/m" }), ("meta.json", new { page_type = "article" }) })
        {
            var path = Path.Combine(bench, file);
            var entries = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))!;
            entries["m"] = JsonSerializer.SerializeToElement(entry);
            File.WriteAllText(path, JsonSerializer.Serialize(entries));
        }
        return Path.Combine(bench, "html", "m.html");
    }

    [Fact]
    public void Eval_clustering_of_a_stories_folder_names_labelled_pages_without_a_file_and_scores_the_others()
    {
        var (bench, _, _) = Benchmark();
        var missing = WithMissingPage(bench);
        // "m" is listed with no file, "z" is not listed at all; "x" (damaged) is not labelled, so it is not read.
        File.WriteAllText(Path.Combine(bench, "gold.json"), """{"a": "harbour", "c": "budget", "e": "bridge", "m": "harbour", "z": "bridge"}""");
        var predictions = Path.Combine(_dir, "stories.json");

        var result = CliRunner.Run(_dir, "eval", "clustering", bench, "--out", predictions);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: {missing}: missing; page skipped", result.Err, StringComparison.Ordinal);
        Assert.Contains($"error: {Path.Combine(bench, "gold.json")}: labels page z, which {Path.Combine(bench, "ground-truth.json")} does not list; page skipped", result.Err, StringComparison.Ordinal);
        Assert.Contains("2 page(s) not clustered: the figures above are over the other 3; restore the files named (fetch the benchmark again) or remove their ids from gold.json", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("x.html.gz", result.Err, StringComparison.Ordinal);
        Assert.Contains(": 3 articles, 3 gold events", result.Out, StringComparison.Ordinal);
        var clustered = JsonDocument.Parse(File.ReadAllText(predictions)).RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["a", "c", "e"], clustered);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_page_without_a_file_is_named_by_eval_clustering_and_train_page_types_of_a_pages_folder()
    {
        var (bench, _, _) = Benchmark();
        var missing = WithMissingPage(bench);

        var clustering = CliRunner.Run(_dir, "eval", "clustering", bench, "--page-type", "article");
        var listings = CliRunner.Run(_dir, "eval", "clustering", bench, "--page-type", "listing");
        var training = CliRunner.Run(_dir, "train", "page-types", bench, "--out", Path.Combine(_dir, "page-types.txt"), "--folds", "2", "--depth", "1", "--rounds", "2");

        Assert.Equal(1, clustering.ExitCode);
        Assert.Contains($"error: {missing}: missing; page skipped", clustering.Err, StringComparison.Ordinal);
        Assert.Contains("3 page(s) not clustered: the figures above are over the other 3", clustering.Err, StringComparison.Ordinal);
        // Only the pages of the type asked for: the missing article (and the damaged ones, articles too) are not named when listings are clustered.
        Assert.Equal(0, listings.ExitCode);
        Assert.DoesNotContain("m.html", listings.Err, StringComparison.Ordinal);
        Assert.Equal(1, training.ExitCode);
        Assert.Contains($"error: {missing}: missing; page skipped", training.Err, StringComparison.Ordinal);
        Assert.Contains("3 page(s) not trained on: the figures and the model written are over the other 6", training.Err, StringComparison.Ordinal);
    }
}
