using System.Text.Json;
using Crosscheck.Core.Text;

namespace Crosscheck.Evaluation.Seeds;

/// <summary>
/// Scores a dossier (as its JSON, the contract other tools read) against an expected.json of the
/// seeds format. Each line of the expectations is one check; every miss is reported with why.
/// Articles are named by file name; text matching is case-insensitive with quotes folded.
/// </summary>
public sealed class SeedsEvaluator
{
    private readonly JsonElement _expected;
    private readonly List<string> _misses = [];
    private int _held;

    public SeedsEvaluator(JsonElement expected)
    {
        _expected = expected;
    }

    public IReadOnlyList<string> Misses => _misses;

    public int Held => _held;

    public int Total => _held + _misses.Count;

    /// <param name="storiesJson">Output of <c>stories --json</c>.</param>
    /// <param name="dossierJson">Dossier JSON of the story holding most of the expected articles.</param>
    public void Score(JsonElement storiesJson, JsonElement dossierJson)
    {
        var fileOf = new Dictionary<string, string>();
        foreach (var article in dossierJson.GetProperty("articles").EnumerateArray())
            fileOf[article.GetProperty("id").GetString()!] = FileName(article.GetProperty("source").GetString());

        if (_expected.TryGetProperty("one_story", out var oneStory)) CheckOneStory(oneStory, storiesJson);
        if (_expected.TryGetProperty("boilerplate_absent", out var absent)) CheckBoilerplate(absent, dossierJson);
        if (_expected.TryGetProperty("body_present", out var present)) CheckBodies(present, dossierJson, fileOf);
        var entities = dossierJson.GetProperty("entities").EnumerateArray().ToList();
        if (_expected.TryGetProperty("entity_types", out var types)) CheckEntityTypes(types, entities);
        if (_expected.TryGetProperty("entities_same", out var same)) CheckEntityPairs(same, entities, shouldBeSame: true);
        if (_expected.TryGetProperty("entities_distinct", out var distinct)) CheckEntityPairs(distinct, entities, shouldBeSame: false);
        if (_expected.TryGetProperty("claims", out var claims)) CheckClaims(claims, dossierJson, fileOf);
        if (_expected.TryGetProperty("quotes", out var quotes)) CheckQuotes(quotes, dossierJson, entities, fileOf);
        if (_expected.TryGetProperty("citations", out var citations)) CheckCitations(citations, dossierJson, fileOf);
        if (_expected.TryGetProperty("timeline", out var timeline)) CheckTimeline(timeline, dossierJson);
    }

    private void Check(bool held, string description)
    {
        if (held) _held++;
        else _misses.Add(description);
    }

    private void CheckOneStory(JsonElement expected, JsonElement stories)
    {
        var files = expected.EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var holding = stories.EnumerateArray()
            .Select(s => s.GetProperty("articles").EnumerateArray().Select(a => FileName(a.GetProperty("source").GetString())).ToHashSet())
            .Where(set => set.Overlaps(files))
            .ToList();
        var held = holding.Count == 1 && holding[0].SetEquals(files);
        Check(held, $"one_story: the {files.Count} articles should form exactly one story; found them in {holding.Count} stor(ies): " +
            string.Join(" | ", holding.Select(set => string.Join(", ", set.Order()))));
    }

    private void CheckBoilerplate(JsonElement expected, JsonElement dossier)
    {
        var bodies = dossier.GetProperty("articles").EnumerateArray()
            .Select(a => (File: FileName(a.GetProperty("source").GetString()), Body: Fold(a.GetProperty("body").GetString())))
            .ToList();
        foreach (var item in expected.EnumerateArray())
        {
            var text = item.GetString()!;
            var holders = bodies.Where(b => b.Body.Contains(Fold(text), StringComparison.Ordinal)).Select(b => b.File).ToList();
            Check(holders.Count == 0, $"boilerplate_absent: \"{text}\" is still in {string.Join(", ", holders)}");
        }
    }

    private void CheckBodies(JsonElement expected, JsonElement dossier, Dictionary<string, string> fileOf)
    {
        var bodies = dossier.GetProperty("articles").EnumerateArray()
            .ToDictionary(a => fileOf[a.GetProperty("id").GetString()!], a => Fold(a.GetProperty("body").GetString()));
        foreach (var file in expected.EnumerateObject())
        {
            foreach (var sentence in file.Value.EnumerateArray())
            {
                var text = sentence.GetString()!;
                var held = bodies.TryGetValue(file.Name, out var body) && body.Contains(Fold(text), StringComparison.Ordinal);
                Check(held, $"body_present: \"{text}\" is missing from the body of {file.Name}");
            }
        }
    }

    private static IEnumerable<string> NamesOf(JsonElement entity) =>
        entity.GetProperty("variants").EnumerateArray().Select(v => v.GetString()!).Append(entity.GetProperty("name").GetString()!);

    private static List<JsonElement> EntitiesNamed(List<JsonElement> entities, string name) =>
        [.. entities.Where(e => NamesOf(e).Any(n => Fold(n) == Fold(name)))];

    private void CheckEntityTypes(JsonElement expected, List<JsonElement> entities)
    {
        foreach (var pair in expected.EnumerateObject())
        {
            var type = pair.Value.GetString()!;
            var named = EntitiesNamed(entities, pair.Name);
            var held = named.Any(e => e.GetProperty("type").GetString() == type);
            Check(held, $"entity_types: \"{pair.Name}\" should be {type}; found " +
                (named.Count == 0 ? "no entity with that name" : string.Join(", ", named.Select(e => $"{e.GetProperty("name").GetString()} ({e.GetProperty("type").GetString()})"))));
        }
    }

    private void CheckEntityPairs(JsonElement expected, List<JsonElement> entities, bool shouldBeSame)
    {
        foreach (var pair in expected.EnumerateArray())
        {
            var a = pair[0].GetString()!;
            var b = pair[1].GetString()!;
            var idsA = EntitiesNamed(entities, a).Select(e => e.GetProperty("id").GetString()).ToHashSet();
            var idsB = EntitiesNamed(entities, b).Select(e => e.GetProperty("id").GetString()).ToHashSet();
            var shared = idsA.Overlaps(idsB);
            var held = idsA.Count > 0 && idsB.Count > 0 && (shouldBeSame ? shared : !shared);
            var what = idsA.Count == 0 || idsB.Count == 0
                ? $"no entity named \"{(idsA.Count == 0 ? a : b)}\""
                : shared ? "they are one entity" : "they are separate entities";
            Check(held, $"entities_{(shouldBeSame ? "same" : "distinct")}: \"{a}\" / \"{b}\": {what}");
        }
    }

    private void CheckClaims(JsonElement expected, JsonElement dossier, Dictionary<string, string> fileOf)
    {
        var claims = dossier.GetProperty("claims").EnumerateArray().ToList();
        foreach (var want in expected.EnumerateArray())
        {
            var kind = want.GetProperty("kind").GetString();
            var files = want.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).ToHashSet();
            var about = want.TryGetProperty("about", out var a) ? a.GetString() : kind;
            var candidates = claims.Where(c => c.GetProperty("kind").GetString() == kind && ValueMatches(want, c)).ToList();
            var held = candidates.Any(c => c.GetProperty("articles").EnumerateArray().Select(x => fileOf.GetValueOrDefault(x.GetString()!, "?")).ToHashSet().SetEquals(files));
            var found = candidates.Count == 0
                ? "no claim with that kind and value"
                : "claims with that value are in " + string.Join(" | ", candidates.Select(c => string.Join(", ", c.GetProperty("articles").EnumerateArray().Select(x => fileOf.GetValueOrDefault(x.GetString()!, "?")).Order())));
            Check(held, $"claims: {about} ({ExpectedValue(want)}) in exactly {string.Join(", ", files.Order())}; {found}");
        }
    }

    private static string ExpectedValue(JsonElement want) =>
        want.TryGetProperty("normalized_usd", out var usd) ? $"{usd.GetDouble():N0} USD" : want.GetProperty("value").GetDouble().ToString("N0");

    private static bool ValueMatches(JsonElement want, JsonElement claim)
    {
        if (want.TryGetProperty("normalized_usd", out var usd))
        {
            var tolerance = want.TryGetProperty("tolerance", out var t) ? t.GetDouble() : 0.01;
            if (!claim.TryGetProperty("normalized", out var normalized) || normalized.ValueKind != JsonValueKind.Object) return false;
            var value = normalized.GetProperty("value").GetDouble();
            return normalized.GetProperty("unit").GetString() == "USD" && Math.Abs(value - usd.GetDouble()) <= tolerance * usd.GetDouble();
        }
        return claim.GetProperty("value").ValueKind == JsonValueKind.Number && Math.Abs(claim.GetProperty("value").GetDouble() - want.GetProperty("value").GetDouble()) < 1e-9;
    }

    private void CheckQuotes(JsonElement expected, JsonElement dossier, List<JsonElement> entities, Dictionary<string, string> fileOf)
    {
        var quotes = dossier.GetProperty("quotes").EnumerateArray().ToList();
        var entityNames = entities.ToDictionary(e => e.GetProperty("id").GetString()!, e => NamesOf(e).Select(Fold).ToHashSet());
        foreach (var want in expected.EnumerateArray())
        {
            var speaker = want.GetProperty("speaker").GetString()!;
            var contains = want.GetProperty("contains").GetString()!;
            var file = want.GetProperty("article").GetString()!;
            var sameText = quotes.Where(q => Fold(q.GetProperty("text").GetString()).Contains(Fold(contains), StringComparison.Ordinal)
                && QuoteArticles(q).Any(id => fileOf.GetValueOrDefault(id) == file)).ToList();
            var held = sameText.Any(q => SpeakerMatches(q, speaker, entityNames));
            var found = sameText.Count == 0 ? "quote not found in that article" : "speaker given as " + string.Join(" | ", sameText.Select(q => q.GetProperty("speaker").GetString()));
            Check(held, $"quotes: {speaker}: \"{contains}\" ({file}); {found}");
        }
    }

    private static IEnumerable<string> QuoteArticles(JsonElement quote)
    {
        yield return quote.GetProperty("article").GetString()!;
        if (quote.TryGetProperty("articles", out var more) && more.ValueKind == JsonValueKind.Array)
        {
            foreach (var id in more.EnumerateArray()) yield return id.GetString()!;
        }
    }

    private static bool SpeakerMatches(JsonElement quote, string speaker, Dictionary<string, HashSet<string>> entityNames)
    {
        if (Fold(quote.GetProperty("speaker").GetString()) == Fold(speaker)) return true;
        return quote.TryGetProperty("speaker_entity", out var id) && id.ValueKind == JsonValueKind.String
            && entityNames.TryGetValue(id.GetString()!, out var names) && names.Contains(Fold(speaker));
    }

    private void CheckCitations(JsonElement expected, JsonElement dossier, Dictionary<string, string> fileOf)
    {
        var cites = dossier.GetProperty("citations").EnumerateArray()
            .GroupBy(c => fileOf.GetValueOrDefault(c.GetProperty("article").GetString()!, "?"))
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.GetProperty("cites").EnumerateArray().Select(x => Fold(x.GetString()))).ToHashSet());
        foreach (var file in expected.EnumerateObject())
        {
            foreach (var source in file.Value.EnumerateArray())
            {
                var name = source.GetString()!;
                var held = cites.TryGetValue(file.Name, out var set) && set.Contains(Fold(name));
                Check(held, $"citations: {file.Name} should cite {name}; found {(set is null ? "none" : string.Join(", ", set))}");
            }
        }
    }

    private void CheckTimeline(JsonElement expected, JsonElement dossier)
    {
        var entries = dossier.GetProperty("timeline").EnumerateArray().ToList();
        foreach (var want in expected.EnumerateArray())
        {
            var date = want.GetProperty("date").GetString()!;
            var word = want.GetProperty("contains").GetString()!;
            var held = entries.Any(e =>
            {
                var d = e.GetProperty("date").GetString() ?? "";
                return (d.StartsWith(date, StringComparison.Ordinal) || d.EndsWith(date, StringComparison.Ordinal))
                    && Fold(e.GetProperty("text").GetString()).Contains(Fold(word), StringComparison.Ordinal);
            });
            Check(held, $"timeline: an entry dated {date} mentioning \"{word}\"");
        }
    }

    private static string Fold(string? text) => TextFold.ForMatching(text ?? "");

    private static string FileName(string? source)
    {
        if (string.IsNullOrEmpty(source)) return "";
        var path = source.Split('#')[0];
        return Path.GetFileName(path);
    }
}
