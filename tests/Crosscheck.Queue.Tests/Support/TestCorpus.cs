using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Crosscheck.Testing;

namespace Crosscheck.Queue.Tests.Support;

/// <summary>
/// Articles for the queue tests, written into a folder as `crosscheck ingest` inputs (JSONL and
/// HTML). Real news from ../shared/data when it is there (ECB+, PolNeAR, the extraction pages,
/// re3d, and VOA text from GMB in runs of consecutive sentences), taken in turn from each source so
/// even a small corpus mixes formats and outlets; otherwise generated articles on invented events,
/// several outlets' rewrites each, so a checkout without the shared data still runs the tests.
/// </summary>
public static class TestCorpus
{
    public sealed record Corpus(string Directory, int Count, string Description);

    private sealed record Item(string? Html, string Json);

    public static Corpus Write(string directory, int count)
    {
        System.IO.Directory.CreateDirectory(directory);
        var real = RealSources();
        var items = real.Count > 0 ? TakeInTurn(real, count) : Generated(count).ToList();
        var lines = new StringBuilder();
        var html = 0;
        foreach (var item in items)
        {
            if (item.Html is not null) File.WriteAllText(Path.Combine(directory, $"page-{html++:D4}.html"), item.Html);
            else lines.Append(item.Json).Append('\n');
        }
        File.WriteAllText(Path.Combine(directory, "articles.jsonl"), lines.ToString());
        var description = real.Count > 0
            ? $"{items.Count} real articles from ../shared/data ({string.Join(", ", real.Select(r => r.Key))})"
            : $"{items.Count} generated articles (no ../shared/data here)";
        return new Corpus(directory, items.Count, description);
    }

    private static List<Item> TakeInTurn(List<KeyValuePair<string, IEnumerator<Item>>> sources, int count)
    {
        var items = new List<Item>(count);
        var live = sources.Select(s => s.Value).ToList();
        while (items.Count < count && live.Count > 0)
        {
            foreach (var source in live.ToList())
            {
                if (items.Count >= count) break;
                if (source.MoveNext()) items.Add(source.Current);
                else live.Remove(source);
            }
        }
        return items;
    }

    private static List<KeyValuePair<string, IEnumerator<Item>>> RealSources()
    {
        if (Docs.SharedDirectory() is not { } shared) return [];
        var data = Path.Combine(shared, "data");
        var sources = new List<KeyValuePair<string, IEnumerator<Item>>>();
        void Add(string name, string path, Func<string, IEnumerable<Item>> read)
        {
            if (Path.Exists(path)) sources.Add(new(name, read(path).GetEnumerator()));
        }
        Add("ECB+", Path.Combine(data, "clustering-ecbplus-dev", "documents.jsonl"), EcbPlus);
        Add("PolNeAR", Path.Combine(data, "attribution-polnear"), PolNeAr);
        Add("extraction pages", Path.Combine(data, "extraction-aeb-dev", "html"), dir => System.IO.Directory.GetFiles(dir, "*.html").Order(StringComparer.Ordinal).Select(f => new Item(File.ReadAllText(f), "")));
        Add("re3d", Path.Combine(data, "ner", "re3d", "original-json"), Re3d);
        Add("GMB (VOA)", Path.Combine(data, "ner", "gmb-kaggle", "ner_dataset.csv.zip"), Gmb);
        return sources;
    }

    private static IEnumerable<Item> EcbPlus(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            yield return Json(url: "https://ecbplus.example/" + json.RootElement.GetProperty("id").GetString(), title: null,
                text: json.RootElement.GetProperty("text").GetString()!, published: null, outlet: null);
        }
    }

    private static IEnumerable<Item> PolNeAr(string root)
    {
        foreach (var row in File.ReadLines(Path.Combine(root, "metadata.tsv")).Skip(1))
        {
            var f = row.Split('\t');
            var text = Path.Combine(root, f[0], "text", f[1] + ".txt");
            if (!File.Exists(text)) continue;
            yield return Json(url: $"https://{f[4]}.example/{f[1]}", title: f[7], text: File.ReadAllText(text), published: f[5], outlet: f[4]);
        }
    }

    private static IEnumerable<Item> Re3d(string root)
    {
        foreach (var file in System.IO.Directory.GetFiles(root, "documents.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.TrimStart().StartsWith('{')))
            {
                using var json = JsonDocument.Parse(line);
                var doc = json.RootElement;
                yield return Json(url: doc.GetProperty("sourceUrl").GetString(), title: doc.GetProperty("title").GetString(),
                    text: doc.GetProperty("text").GetString()!, published: null, outlet: doc.GetProperty("sourceName").GetString());
            }
        }
    }

    /// <summary>GMB keeps VOA news as tokenised sentences in document order; runs of 12 make article-sized texts.</summary>
    private static IEnumerable<Item> Gmb(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries[0].Open(), Encoding.Latin1);
        reader.ReadLine();
        var sentences = new List<string>();
        var words = new List<string>();
        var index = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var quoted = line.Contains('"', StringComparison.Ordinal);
            var first = line.IndexOf(',', StringComparison.Ordinal);
            if (first > 0 && words.Count > 0)
            {
                sentences.Add(Detokenise(words));
                words.Clear();
                if (sentences.Count == 12)
                {
                    yield return Json(url: $"https://voa.example/gmb-{index++}", title: null, text: string.Join(' ', sentences), published: null, outlet: "voanews.com");
                    sentences.Clear();
                }
            }
            var rest = line[(first + 1)..];
            var word = quoted && rest.StartsWith('"') ? rest[1..rest.IndexOf('"', 1)] : rest[..rest.IndexOf(',', StringComparison.Ordinal)];
            words.Add(word);
        }
    }

    private static string Detokenise(List<string> words)
    {
        var text = new StringBuilder();
        foreach (var word in words)
        {
            var attach = word is "." or "," or ";" or ":" or "?" or "!" or "%" or ")" || word.StartsWith('\'');
            if (text.Length > 0 && !attach && text[^1] != '(' && text[^1] != '$') text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    private static Item Json(string? url, string? title, string text, string? published, string? outlet) =>
        new(null, JsonSerializer.Serialize(new { url, title, text, published, outlet }));

    // ---- generated articles, for checkouts without ../shared/data ----

    private sealed record Event(string Title, string Place, string Actor, string Official, string Role, string Count, string Money, string[] Facts);

    // Invented places, bodies and people: realistic shapes, no real event.
    private static readonly Event[] Events =
    [
        new("Dock workers strike over pay at {0}", "Port Ellery", "the Harbour Workers Union", "Mara Quist", "union secretary", "1,200", "$4.5 million",
            ["Cranes stood idle and {4} dock workers stayed away from their shifts at {1} on Monday.", "{2} said the walkout would last until the operator reopened pay talks.",
             "The operator said the strike was costing it about {5} a week.", "\"We are not going back until the offer is on paper,\" said {3}, the {6}.",
             "Shipping lines began diverting container vessels to neighbouring terminals.", "Talks are due to resume on Thursday, according to local radio."]),
        new("Bridge closed after cracks found in {0}", "Tarnwick", "the regional transport agency", "Ilse Brandauer", "chief engineer", "38,000", "$12 million",
            ["The main road bridge in {1} was closed on Tuesday after inspectors found cracks in two supporting piers.", "About {4} vehicles cross the bridge every day.",
             "{2} estimated repairs at {5} and said the work could take four months.", "\"Safety comes before convenience,\" said {3}, the agency's {6}.",
             "Buses were rerouted over a temporary crossing north of the town.", "Residents complained of hour-long queues during the morning rush."]),
        new("Wildfire forces evacuations near {0}", "Cedar Hollow", "the county fire service", "Tomas Reyland", "fire chief", "3,400", "$2 million",
            ["A fast-moving wildfire forced {4} people to leave their homes near {1} overnight.", "{2} said strong winds pushed the fire across a highway late on Saturday.",
             "The state released {5} in emergency funds for shelters and firefighting aircraft.", "\"The next 48 hours are critical,\" said {3}, the county {6}.",
             "No deaths have been reported, though two firefighters were treated for smoke inhalation.", "Schools in the area will stay closed on Monday."]),
        new("Central bank raises rates in {0}", "Valdoria", "the Valdorian central bank", "Henrik Osterlund", "governor", "0.5", "$300 million",
            ["The central bank of {1} raised its main interest rate by {4} percentage points on Wednesday.", "{2} said inflation had stayed above its target for nine months.",
             "The bank also said it would sell {5} of foreign reserves to support the currency.", "\"Price stability is our first duty,\" said {3}, the bank's {6}.",
             "Economists had expected a smaller increase.", "The currency rose against the dollar after the announcement."]),
        new("Ferry runs aground off {0}", "Skarholm", "the coastguard", "Annika Leirvik", "coastguard spokeswoman", "214", "$800,000",
            ["A passenger ferry carrying {4} people ran aground off {1} early on Friday.", "{2} said all passengers were taken ashore by lifeboats within three hours.",
             "The operator said damage to the hull could cost {5} to repair.", "\"The evacuation went calmly and quickly,\" said {3}, a {6}.",
             "Investigators will examine whether the ferry left the marked channel in fog.", "Services on the route were suspended until further notice."]),
        new("Factory fire halts production in {0}", "Dunmere", "the fire brigade", "Paulo Estevan", "plant manager", "600", "$20 million",
            ["A fire broke out at a car parts factory in {1} on Sunday, halting production.", "{2} said 60 firefighters fought the blaze for six hours.",
             "The company said {4} workers would be sent home on full pay while the damage was assessed.", "Early estimates put the losses at about {5}.",
             "\"Nobody was hurt, and that is what matters,\" said {3}, the {6}.", "The cause of the fire is under investigation."]),
        new("Court blocks mining licence in {0}", "the Orrin Valley", "the high court", "Delphine Moreau", "lawyer for the villagers", "11", "$150 million",
            ["The high court suspended a mining licence in {1} on Thursday after a challenge by local villages.", "{2} ruled that {4} villages had not been consulted as the law requires.",
             "The mining company had planned to invest {5} in the project.", "\"This is a victory for the people who live here,\" said {3}, the {6}.",
             "The company said it would appeal.", "The government declined to comment on the ruling."]),
        new("Floods cut off villages in {0}", "the Lenna delta", "the disaster agency", "Rafiq Sorhan", "agency director", "27", "$5 million",
            ["Floodwater cut off {4} villages in {1} after three days of heavy rain.", "{2} sent boats with food and drinking water on Wednesday.",
             "Aid groups appealed for {5} to rebuild roads and bridges.", "\"The water is still rising in the south,\" said {3}, the {6}.",
             "Forecasters expect more rain at the weekend.", "Hundreds of families are sheltering in schools and mosques."]),
    ];

    private static readonly string[] Outlets = ["Morning Courier", "Daily Ledger", "Evening Post", "Wire Service East", "City Chronicle", "Coast Gazette", "Metro Herald"];

    private static IEnumerable<Item> Generated(int count)
    {
        var random = new Random(20261129);
        for (var i = 0; i < count; i++)
        {
            var e = Events[i % Events.Length];
            var version = i / Events.Length;
            var outlet = Outlets[(i + version) % Outlets.Length];
            var facts = e.Facts.Select(f => string.Format(CultureInfo.InvariantCulture, f, "", e.Place, e.Actor, e.Official, e.Count, e.Money, e.Role)).ToList();
            // Each rewrite keeps the lead and the quote but drops and reorders other sentences, as outlets do.
            var body = new List<string> { facts[0] };
            body.AddRange(facts.Skip(1).OrderBy(_ => random.Next()).Take(3 + random.Next(facts.Count - 3)));
            body.Add($"This report was filed by the {outlet} desk (update {version + 1}).");
            var published = new DateTimeOffset(2025, 3, 3, 6, 0, 0, TimeSpan.Zero).AddDays(i % Events.Length * 9).AddHours(version % 48);
            yield return Json(url: $"https://{outlet.ToLowerInvariant().Replace(' ', '-')}.example/{i}", title: string.Format(CultureInfo.InvariantCulture, e.Title, e.Place),
                text: string.Join("\n\n", body), published: published.ToString("o", CultureInfo.InvariantCulture), outlet: outlet);
        }
    }
}
