using System.Globalization;
using System.Text.Json;

namespace Crosscheck.Testing;

/// <summary>
/// Invented local news as JSONL article records, the same every time: events (a place, a kind of
/// event, an official, a figure, a date), each told by one to six outlets in their own words, so
/// ingest has several hundred articles to extract and annotate and the clusterer has stories of
/// several articles to form (events of one kind, told in the same words, may share a story: the
/// tests compare stories with an uninterrupted run's, they do not judge them). Every name is made
/// up from syllables.
/// </summary>
public static class SyntheticNews
{
    private static readonly string[] Starts = ["Bar", "Cel", "Dor", "Fen", "Gal", "Hol", "Kir", "Lum", "Mor", "Nes", "Pal", "Quen", "Ros", "Sal", "Tor", "Val", "Wen", "Zan"];
    private static readonly string[] Ends = ["ford", "mere", "wick", "dale", "ton", "by", "stead", "holm", "ham", "gate", "moor"];
    private static readonly string[] FirstNames = ["Anna", "Tomas", "Lena", "Marek", "Ines", "Pavel", "Greta", "Oskar", "Mira", "Jonas", "Ilse", "Ruben"];
    private static readonly string[] Outlets = ["Valley Post", "Evening Ledger", "Harbour Times", "County Wire", "Morning Courier", "Lakes Bulletin"];

    /// <summary>Kinds of event: what happened, what it did, and who spoke.</summary>
    private static readonly (string Noun, string Verb, string Effect, string Role)[] Kinds =
    [
        ("fire", "destroyed a warehouse", "firefighters worked through the night", "fire chief"),
        ("flood", "swamped the lower town", "families spent the night in the school hall", "mayor"),
        ("strike", "halted the bus depot", "commuters walked or shared cars", "union leader"),
        ("bridge closure", "cut the main road", "lorries were sent on a long detour", "county engineer"),
        ("power cut", "left streets dark", "shops closed early and traffic lights failed", "grid spokesman"),
        ("landslide", "buried the coast road", "villagers were cut off for a day", "police inspector"),
        ("factory closure", "ended two hundred jobs", "workers gathered outside the gates", "works manager"),
        ("election recount", "delayed the council result", "candidates waited in the town hall", "returning officer"),
        ("water contamination", "forced a boil-water notice", "bottled water ran out in the shops", "health officer"),
        ("hospital ward closure", "moved patients to other towns", "relatives faced long journeys", "hospital director"),
        ("storm", "tore roofs from houses", "crews cleared fallen trees from the roads", "emergency coordinator"),
        ("train derailment", "blocked the northern line", "passengers were taken on by coach", "rail inspector"),
    ];

    /// <summary>JSONL lines, one article each; <paramref name="events"/> events of one to six articles.</summary>
    public static IReadOnlyList<string> Lines(int events)
    {
        var lines = new List<string>();
        for (var e = 0; e < events; e++)
        {
            var place = Starts[e % Starts.Length] + Ends[(e * 7 + e / Starts.Length) % Ends.Length];
            var (noun, verb, effect, role) = Kinds[(e * 5) % Kinds.Length];
            var official = $"{FirstNames[(e * 3) % FirstNames.Length]} {Starts[(e * 11 + 4) % Starts.Length]}{Ends[(e * 3 + 2) % Ends.Length]}";
            var figure = 40 + (e * 37) % 900;
            var date = new DateTimeOffset(2025, 1, 6, 7, 0, 0, TimeSpan.Zero).AddDays(e * 3 + e % 5);
            var tellings = 1 + (e * 13) % 6;
            for (var t = 0; t < tellings; t++)
            {
                var published = date.AddHours(2 + t * 5);
                var when = published.ToString("dddd", CultureInfo.InvariantCulture);
                string[] paragraphs =
                [
                    $"A {noun} {verb} in {place} on {when}, and {effect}, {official}, the {role}, said.",
                    $"{official} told reporters that {figure} people had been affected by the {noun} and that the damage in {place} would take weeks to assess.",
                    $"\"We have never seen anything like this in {place},\" said a resident who asked not to be named, adding that neighbours had helped each other through the night.",
                    $"The {role} said a full report on the {noun} would be published within a month, and that {figure} households had been contacted so far.",
                    $"Local businesses in {place} said the {noun} had cost them trade at the busiest time of the week.",
                ];
                // Each outlet tells it in its own order and leaves something out.
                var told = paragraphs.Select((p, i) => (p, key: (i * (t + 2) + t) % 7)).Where(x => x.key != 6 || t == 0).OrderBy(x => x.key).Select(x => x.p);
                lines.Add(JsonSerializer.Serialize(new
                {
                    url = $"https://news{t}.example/{place.ToLowerInvariant()}/{noun.Replace(' ', '-')}-{e}",
                    title = t % 2 == 0 ? $"{Capitalised(noun)} {verb} in {place}" : $"{place}: {figure} affected by {noun}",
                    text = string.Join("\n\n", told),
                    published = published.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    outlet = Outlets[(e + t) % Outlets.Length],
                }));
            }
        }
        return lines;
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
