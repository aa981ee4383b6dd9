using System.Diagnostics;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Extraction;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Tests.Inputs;
using Crosscheck.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Ingest.Tests.Fuzz;

/// <summary>The randomized readers run alone, so the memory they are held to is theirs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "randomized readers";
}

/// <summary>
/// Every reader of untrusted input, fed random and mutated inputs (<see cref="HostileBytes"/>), and
/// every article it yields extracted: nothing may throw (bad input is a reported problem), take
/// longer than <see cref="PerInput"/>, end a file as a reader defect, fail extraction, or leave the
/// managed heap over <see cref="MemoryBound"/> (docs/ARCHITECTURE.md, Limits). The seed is fixed, so a
/// run is repeatable. CI runs two minutes in all and each reader at most its <see cref="CiInputsPerReader"/>
/// inputs: every machine then checks a prefix of one sequence that was checked here with a longer budget,
/// and a quicker machine cannot go past it. Set CROSSCHECK_FUZZ_SECONDS (total over the readers; no input
/// cap then) to run longer and CROSSCHECK_FUZZ_SEED to try other inputs. A failing input is saved, and the
/// message says where.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Readers = 8;

    private static readonly TimeSpan PerReader = FuzzSettings.TotalBudget / Readers;

    /// <summary>
    /// Inputs per reader at most in CI, by reader: the counts each reached, all passing, with CROSSCHECK_FUZZ_SECONDS=960
    /// (120 s per reader, seed 17) on 2026-12-05, rounded down. Eight times what a reader gets through in its CI share
    /// (15 s) here, so the kit spends its whole two minutes on any machine up to eight times faster, and still checks
    /// only inputs already checked. (One cap of 3,000 for all let the fast readers stop after 8–11 s: under two minutes.)
    /// </summary>
    private static readonly Dictionary<string, int> CiInputsPerReader = new(StringComparer.Ordinal)
    {
        ["text"] = 23_000,
        ["html"] = 9_000,
        ["jsonl"] = 37_000,
        ["api"] = 53_000,
        ["warc"] = 49_000,
        ["warc.gz"] = 70_000,
        ["xml feed"] = 36_000,
        ["json feed"] = 111_000,
    };
    private static readonly int Seed = FuzzSettings.Seed;

    /// <summary>An input that takes longer is taken for a hang (generous: the machine may be shared and loaded).</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    /// <summary>The managed heap after any input (the documented bound for the randomized readers).</summary>
    private const long MemoryBound = 1024L * 1024 * 1024;

    /// <summary>Articles extracted from one input at most (a mutated JSONL file may hold thousands of lines).</summary>
    private const int MaxExtractedPerInput = 16;

    private static readonly ArticleExtractor Extractor = new();
    private static readonly InputReader Reader = new();

    static ReaderFuzzTests() => Extractor.Extract(new RawInput { Id = "warm-up", Source = "warm-up", Kind = RawKind.Text, Content = Encoding.UTF8.GetBytes(TextArticle) });

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string TextArticle = """
        Port closed after storm
        By Staff Reporter
        Published 14 March 2023

        The harbour master closed the port on Monday after the storm damaged two of the breakwaters, and ferries stayed at their moorings.

        "We will reopen when the divers have checked the channel," she said. Repairs will cost about $4.5 million, the council said on Tuesday.

        Share this article
        """;

    private const string HtmlPage = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Port closed after storm | Harbour Gazette</title>
        <meta property="og:title" content="Port closed after storm"><meta property="article:published_time" content="2023-03-14T09:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Port closed after storm",
        "datePublished":"2023-03-14T09:00:00Z","author":{"@type":"Person","name":"Lena Park"},"publisher":{"@type":"Organization","name":"Harbour Gazette"}}</script>
        </head><body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Port closed after storm</h1>
        <p class="byline">By Lena Park</p><time datetime="2023-03-14">14 March 2023</time>
        <p>The harbour master closed the port on Monday after the storm damaged two of the breakwaters, and ferries stayed at their moorings.</p>
        <p>"We will reopen when the divers have checked the channel," she said. Repairs will cost about &euro;4.5 million, the council said.</p>
        <table><tr><td>Ferries</td><td>0</td></tr></table><ul><li>Breakwaters</li></ul></article>
        <footer>Subscribe to our newsletter</footer></body></html>
        """;

    private static readonly string[] HtmlSyntax =
    [
        "<div>", "</div>", "<p>", "</p>", "<article>", "<table><tr><td>", "<li>", "<a href=\"/x\">", "<br>", "<!--", "<script>", "</script>", "<style>",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"", "<meta charset=\"", "<meta charset=\"utf-16\">",
        "<time datetime=\"", "<svg><foreignObject>", "<template>", "<plaintext>", "<textarea>", "<select><option>", "<math><mi>", "<iframe>",
        "<h1>", "<noscript>", "<?xml version=\"1.0\" encoding=\"", "<base href=\"", "&nbsp;", "&#99999999;",
    ];

    private static readonly string[] JsonSyntax =
    [
        "{", "}", "[", "]", "{\"text\":\"", "{\"html\":\"<p>", "\"title\":\"", "\"published\":\"", "\"url\":\"", "\"outlet\":\"", ",", ":", "\"",
        "\\ud800", "\\udfff\\ud800", "\\\"", "\n", "\r\n", "{\"a\":", "[[", "1e308", "true", "\"headline\":", "\"datePublished\":\"9999-99-99\"",
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string JsonRecord(object record) => System.Text.Json.JsonSerializer.Serialize(record);

    private static readonly string[] JsonLines =
    [
        JsonRecord(new { url = "https://harbour.example/port", title = "Port closed", text = TextArticle, published = "2023-03-14", outlet = "Harbour Gazette" }),
        JsonRecord(new { url = "https://harbour.example/ferry", html = HtmlPage, published = "Tue, 14 Mar 2023 09:00:00 +0100" }),
        JsonRecord(new { title = "Short", text = "A short article about the ferry timetable." }),
    ];

    private List<InputItem> ReadFile(byte[] content, string extension)
    {
        var path = Path.Combine(_dir, "input" + extension);
        File.WriteAllBytes(path, content);
        return [.. Reader.Read([path], IngestHints.None)];
    }

    [Fact]
    public void Scraped_text_files() => Run("text", 1,
        [Utf8(TextArticle), Utf8("Headline only"), [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(TextArticle)]],
        ["\n\n", "\n", "By ", "Published ", "Updated: ", "—", "   ", "\f", "* ", "1. ", "Share", "Advertisement", "\u2028"],
        input => ReadFile(input, ".txt"));

    [Fact]
    public void Html_pages() => Run("html", 2,
        [Utf8(HtmlPage), Utf8("<p>One paragraph only.</p>"), Encoding.Latin1.GetBytes(HtmlPage.Replace("utf-8", "iso-8859-1", StringComparison.Ordinal))],
        HtmlSyntax, input => ReadFile(input, ".html"));

    [Fact]
    public void Jsonl_files() => Run("jsonl", 3,
        [Utf8(string.Join('\n', JsonLines)), Utf8(JsonLines[0] + "\r\n\r\n" + JsonLines[2])],
        JsonSyntax, input => ReadFile(input, ".jsonl"));

    [Fact]
    public void Api_bodies() => Run("api", 4,
        [Utf8(JsonLines[0]), Utf8(JsonLines[1]), Utf8(string.Join('\n', JsonLines))],
        JsonSyntax, input =>
        [
            .. Reader.ReadPosted("POST /api/articles", input, batch: false, IngestHints.None),
            .. Reader.ReadPosted("POST /api/articles", input, batch: true, IngestHints.None),
        ]);

    private static readonly string[] WarcSyntax =
    [
        "WARC/1.0\r\n", "WARC/1.1\r\n", "WARC-Type: response\r\n", "WARC-Type: request\r\n", "Content-Length: 999999999\r\n", "Content-Length: -5\r\n",
        "Content-Length: 0\r\n", "\r\n\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "HTTP/1.1 301 Moved\r\n", "Transfer-Encoding: chunked\r\n",
        "Content-Encoding: gzip\r\n", "Content-Encoding: br\r\n", "Content-Encoding: deflate\r\n", "Content-Type: text/html; charset=x-bogus\r\n",
        "ffffffff\r\n", "0\r\n\r\n", "WARC-Target-URI: ", "WARC-Date: 2023-99-99T00:00:00Z\r\n", ": \r\n", "NoColonHeader\r\n",
    ];

    private static byte[] WarcSample(bool compressedBodies)
    {
        var body = Utf8(HtmlPage);
        var builder = new WarcBuilder().Info().Request("https://harbour.example/port").Response("https://harbour.example/port", HtmlPage);
        if (compressedBodies) builder.Response("https://harbour.example/gz", WarcBuilder.Gzip(body), headers: "Content-Encoding: gzip");
        builder.Response("https://harbour.example/chunked", Utf8($"{body.Length:x}\r\n{HtmlPage}\r\n0\r\n\r\n"), headers: "Transfer-Encoding: chunked");
        return builder.Plain();
    }

    [Fact]
    public void Warc_archives() => Run("warc", 5, [WarcSample(false), WarcSample(true)], WarcSyntax, input => ReadFile(input, ".warc"));

    /// <summary>Half the inputs are mutated archives compressed whole, half mutated compressed archives (broken gzip).</summary>
    [Fact]
    public void Gzipped_warc_archives() => Run("warc.gz", 6, [WarcSample(false), WarcBuilder.Gzip(WarcSample(true))], WarcSyntax,
        input => ReadFile(ContentSniffer.IsGzip(input) ? input : WarcBuilder.Gzip(input), ".warc.gz"));

    [Fact]
    public void Rss_and_atom_feeds() => Run("xml feed", 7,
        [Utf8(FeedInputTests.Rss), Utf8(FeedInputTests.Atom), [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(FeedInputTests.Atom.Replace("utf-8", "utf-16", StringComparison.Ordinal))]],
        [
            "<item>", "</item>", "<entry>", "<description>", "<content:encoded><![CDATA[", "<![CDATA[", "]]>", "&lt;p&gt;", "&lt;b", "<pubDate>",
            "<link>", "<link href=\"", "<!DOCTYPE rss [", "<!ENTITY x \"y\">", "]>", "&x;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
            "<rss version=\"2.0\">", "<channel>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<content type=\"html\">", "<title>", "&#xD800;",
        ],
        input => ReadFile(input, ".xml"));

    [Fact]
    public void Json_feeds() => Run("json feed", 8, [Utf8(FeedInputTests.JsonFeed)],
        [.. JsonSyntax, "\"items\":[", "\"content_html\":\"", "\"content_text\":\"", "\"date_published\":\"", "\"home_page_url\":\"", "jsonfeed.org/version"],
        input => ReadFile(input, ".json"));

    private void Run(string name, int reader, IReadOnlyList<byte[]> samples, IReadOnlyList<string> syntax, Func<byte[], List<InputItem>> read)
    {
        var seed = Seed * 100 + reader;
        var inputs = new HostileBytes(seed, samples, syntax);
        var clock = Stopwatch.StartNew();
        int count = 0, articles = 0, problems = 0;
        long largest = 0;
        var cap = CiInputsPerReader[name];
        while (clock.Elapsed < PerReader && (FuzzSettings.Exploring || count < cap))
        {
            var input = inputs.Next();
            count++;
            largest = Math.Max(largest, input.Length);
            var (items, extracted) = Check(name, seed, count, input, read);
            articles += extracted;
            problems += items.Count(i => i is BadInput);
        }
        output.WriteLine($"{name}: {count} inputs (largest {largest:N0} bytes) in {clock.Elapsed.TotalSeconds:0.0} s, seed {seed}: " +
            $"{articles} articles extracted, {problems} problems reported; managed heap {GC.GetTotalMemory(false) / (1024 * 1024)} MB, working set {Environment.WorkingSet / (1024 * 1024)} MB");
        Assert.True(count > 0);
    }

    /// <summary>One input read and its articles extracted, on another thread so a hang fails the test instead of stopping the run.</summary>
    private (List<InputItem> Items, int Articles) Check(string name, int seed, int number, byte[] input, Func<byte[], List<InputItem>> read)
    {
        var work = Task.Run(() =>
        {
            var items = read(input);
            var articles = items.OfType<RawItem>().Take(MaxExtractedPerInput).Select(raw => Extractor.Extract(raw.Raw)).ToList();
            return (items, articles);
        });
        try
        {
            if (!work.Wait(PerInput)) Fail(name, seed, number, input, $"took more than {PerInput.TotalSeconds:0} s (a hang?)");
        }
        catch (AggregateException ex)
        {
            Fail(name, seed, number, input, $"threw {ex.InnerException}");
        }
        var (items, articles) = work.Result;
        if (items.OfType<BadInput>().FirstOrDefault(b => b.Problem.Contains(InputReader.ReaderDefect, StringComparison.Ordinal)) is { } defect)
            Fail(name, seed, number, input, defect.ToString());
        foreach (var article in articles)
        {
            if (article.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("failed", StringComparison.Ordinal)) is { } failure)
                Fail(name, seed, number, input, $"extraction of {article.Source}: {failure.Message}");
        }
        // The managed heap, not the working set: the process also ran the other tests, whose memory
        // the runtime keeps. Garbage is collected before a heap over the bound counts as a failure.
        if (GC.GetTotalMemory(forceFullCollection: false) > MemoryBound && GC.GetTotalMemory(forceFullCollection: true) is var live && live > MemoryBound)
            Fail(name, seed, number, input, $"the managed heap holds {live / (1024 * 1024)} MB after the input, over the {MemoryBound / (1024 * 1024)} MB bound");
        return (items, articles.Count);
    }

    private static void Fail(string name, int seed, int number, byte[] input, string what)
    {
        var saved = Path.Combine(Path.GetTempPath(), "crosscheck-fuzz-failures", $"{name.Replace(' ', '-')}-seed{seed}-input{number}.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
        File.WriteAllBytes(saved, input);
        Assert.Fail($"{name} reader, input {number} of seed {seed} ({input.Length:N0} bytes, saved as {saved}): {what}. " +
            $"The same inputs come again with CROSSCHECK_FUZZ_SEED={Seed} and at least as long a CROSSCHECK_FUZZ_SECONDS.");
    }
}
