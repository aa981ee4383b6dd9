using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Evaluation.Extraction;

/// <summary>
/// What a benchmark says of a page besides its body (WCXB's meta.json): its page type, the snippets a correct
/// extraction contains and the boilerplate snippets it must not contain.
/// </summary>
public sealed record PageLabels(string PageType, IReadOnlyList<string> With, IReadOnlyList<string> Without);

/// <summary>
/// One benchmark page: its id, URL, the file holding its HTML (plain or gzipped), the true article body and,
/// when the benchmark has them, its labels. The HTML is read on demand, through <see cref="BenchmarkDirectory.Inputs"/>
/// (which leaves out an unreadable page with a note), so that a large benchmark is never held in memory whole.
/// </summary>
public sealed record BenchmarkPage(string Id, string? Url, string HtmlPath, string Truth, PageLabels? Labels = null);

/// <summary>
/// Which pages of a benchmark to read. Rules are chosen on the even half and checked on the odd one: a page
/// belongs to the half named by the parity of the last byte of the MD5 of its id (UTF-8), a split fixed by the
/// ids alone, so that anyone can repeat it.
/// </summary>
public enum BenchmarkHalf
{
    All,
    Even,
    Odd,
}

/// <summary>
/// The pages of a benchmark directory, and those it lists whose HTML file is missing (<see cref="Missing"/>: each with the plain
/// path looked for, and its labels, so a caller that reads only some pages notes only theirs).
/// </summary>
public sealed record BenchmarkPages(IReadOnlyList<BenchmarkPage> Pages, IReadOnlyList<BenchmarkPage> Missing)
{
    /// <summary>A note on each missing page (<see cref="Note"/>).</summary>
    public IReadOnlyList<string> Skipped => [.. Missing.Select(Note)];

    /// <summary>The note on a page of <see cref="Missing"/>, "FILE: missing; page skipped".</summary>
    public static string Note(BenchmarkPage missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return $"{missing.HtmlPath}: missing; page skipped";
    }
}

/// <summary>
/// Reads a benchmark directory: html/&lt;id&gt;.html or html/&lt;id&gt;.html.gz, ground-truth.json
/// (id → {articleBody, url}) and, optionally, meta.json (id → {page_type, with, without}).
/// </summary>
public static class BenchmarkDirectory
{
    /// <summary>
    /// Reads the benchmark pages; a page whose HTML file is missing is kept apart (<see cref="BenchmarkPages.Missing"/>).
    /// Throws <see cref="EvaluationDataException"/> when the directory is not usable.
    /// </summary>
    public static BenchmarkPages Load(string dir, BenchmarkHalf half = BenchmarkHalf.All)
    {
        var truthPath = Path.Combine(dir, "ground-truth.json");
        var htmlDir = Path.Combine(dir, "html");
        if (!File.Exists(truthPath) || !Directory.Exists(htmlDir))
            throw new EvaluationDataException($"{dir}: expected ground-truth.json and an html/ folder");
        var truth = EvaluationFile.ReadObject(truthPath, "page id -> {\"articleBody\": text, \"url\": address}", JsonValueKind.Object);
        if (truth.Count == 0) throw new EvaluationDataException($"{truthPath}: lists no page, so nothing can be scored; {EvaluationFile.FetchAgain}");
        var metaPath = Path.Combine(dir, "meta.json");
        var meta = File.Exists(metaPath) ? EvaluationFile.ReadObject(metaPath, "page id -> {\"page_type\": type, \"with\": [...], \"without\": [...]}", JsonValueKind.Object) : [];
        var pages = new List<BenchmarkPage>();
        var missing = new List<BenchmarkPage>();
        foreach (var (id, entry) in truth.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!InHalf(id, half)) continue;
            var plain = Path.Combine(htmlDir, id + ".html");
            var path = File.Exists(plain) ? plain : plain + ".gz";
            var found = File.Exists(path);
            var body = String(truthPath, id, entry, "articleBody") ?? "";
            var url = String(truthPath, id, entry, "url");
            (found ? pages : missing).Add(new BenchmarkPage(id, url, found ? path : plain, body, meta.TryGetValue(id, out var labels) ? Labels(labels) : null));
        }
        return new BenchmarkPages(pages, missing);
    }

    /// <summary>Whether the page of this id belongs to <paramref name="half"/> (see <see cref="BenchmarkHalf"/>).</summary>
    public static bool InHalf(string id, BenchmarkHalf half)
    {
        if (half == BenchmarkHalf.All) return true;
        var even = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(id))[^1] % 2 == 0;
        return even == (half == BenchmarkHalf.Even);
    }

    /// <summary>
    /// The pages that can be read, each with its input as ingest would receive it (its bytes read as ingest reads a page file,
    /// <see cref="PageFile"/>: a .gz file unzipped; its id and url), in the order given; every page that cannot be (a damaged .gz, a binary
    /// or empty file, one over the limit for one input file) is left out with a note in <paramref name="skipped"/>, "FILE: problem;
    /// page skipped", as ingest names a bad file and goes on. One damaged page costs that page, never the run: a caller that
    /// reports figures prints the notes and fails after them (the figures are over fewer pages than the benchmark's).
    /// </summary>
    public static IEnumerable<(BenchmarkPage Page, RawInput Input)> Inputs(IEnumerable<BenchmarkPage> pages, ICollection<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(skipped);
        foreach (var page in pages)
        {
            var gzipped = page.HtmlPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            if (PageFile.TryRead(page.HtmlPath, gzipped, InputLimits.Default, out var content, out var problem)) yield return (page, ToRawInput(page, content));
            else skipped.Add($"{page.HtmlPath}: {problem}; page skipped");
        }
    }

    private static RawInput ToRawInput(BenchmarkPage page, byte[] content) => new()
    {
        Id = page.Id,
        Source = page.Url ?? page.Id,
        Kind = RawKind.Html,
        Content = content,
        Hints = new IngestHints { Url = page.Url },
    };

    /// <summary>A page's field that must be a string when present (null when absent or null).</summary>
    private static string? String(string path, string id, JsonElement entry, string name) =>
        !entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new EvaluationDataException($"{path}: page \"{EvaluationFile.Clip(id)}\" has a {EvaluationFile.Kind(value.ValueKind)} for \"{name}\" where a string is expected; {EvaluationFile.FetchAgain}");

    private static PageLabels Labels(JsonElement entry) => new(
        entry.TryGetProperty("page_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "",
        Strings(entry, "with"),
        Strings(entry, "without"));

    private static List<string> Strings(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)]
            : [];
}
