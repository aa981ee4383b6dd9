using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>
/// Checks, at the level of single documents, that the claim layers find what ../shared/seeds/expected.json
/// lists (claims, quotes, citations, timeline). Nothing of the seeds is written here: values and
/// strings are read from expected.json at test time; the test is skipped when the seeds are absent.
/// </summary>
public class SeedClaimsTests
{
    private sealed record Seeds(string Dir, JsonElement Expected, Dictionary<string, Document> Documents);

    private static readonly Lazy<Seeds> Loaded = new(Load);

    private static Seeds Load()
    {
        var dir = Path.Combine(Docs.SharedDirectory()!, "seeds");
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json"))).RootElement;
        var documents = Directory.EnumerateFiles(dir, "*.txt").ToDictionary(path => Path.GetFileName(path), path => ClaimPipeline.Annotate(File.ReadAllText(path), id: Path.GetFileName(path)));
        return new Seeds(dir, expected, documents);
    }

    private static string Fold(string text) =>
        text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"').ToLowerInvariant();

    [SharedDataFact("seeds/expected.json")]
    public void Claim_values_are_found()
    {
        var seeds = Loaded.Value;
        var failures = new List<string>();
        foreach (var claim in seeds.Expected.GetProperty("claims").EnumerateArray())
        {
            var kind = claim.GetProperty("kind").GetString();
            foreach (var article in claim.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!))
            {
                var quantities = seeds.Documents[article].Quantities;
                bool ok;
                if (kind == "money")
                {
                    var usd = claim.GetProperty("normalized_usd").GetDouble();
                    var tolerance = claim.GetProperty("tolerance").GetDouble();
                    ok = quantities.Any(q => q.Kind == QuantityKind.Money && q.Normalized is { } n && n.Unit == "USD" && Math.Abs(n.Value - usd) <= usd * tolerance);
                }
                else
                {
                    var value = claim.GetProperty("value").GetDouble();
                    ok = quantities.Any(q => q.Kind == QuantityKind.Count && q.Value == value);
                }
                if (!ok) failures.Add($"{article}: {claim.GetProperty("about").GetString()}");
            }
        }
        Assert.True(failures.Count == 0, "claims not found: " + string.Join("; ", failures));
    }

    [SharedDataFact("seeds/expected.json")]
    public void Quotes_are_found_with_their_speaker()
    {
        var seeds = Loaded.Value;
        var failures = new List<string>();
        foreach (var expected in seeds.Expected.GetProperty("quotes").EnumerateArray())
        {
            var document = seeds.Documents[expected.GetProperty("article").GetString()!];
            var contains = Fold(expected.GetProperty("contains").GetString()!);
            var speakerLast = Fold(expected.GetProperty("speaker").GetString()!).Split(' ')[^1];
            var candidates = document.Quotes.Where(q => Fold(document[q.Span]).Contains(contains)).ToList();
            var ok = candidates.Any(q => Fold(SpeakerOf(document, q) ?? "").Contains(speakerLast));
            if (!ok)
            {
                failures.Add($"{expected.GetProperty("speaker").GetString()} / {contains}: " +
                    string.Join(" | ", candidates.Select(q => $"[{SpeakerOf(document, q)}]")));
            }
        }
        Assert.True(failures.Count == 0, "quotes not found: " + string.Join("; ", failures));
    }

    private static string? SpeakerOf(Document document, Quote quote) =>
        quote.SpeakerMention is { } m ? document[document.Mentions[m].Span] : quote.SpeakerDescription;

    [SharedDataFact("seeds/expected.json")]
    public void Citations_are_found()
    {
        var seeds = Loaded.Value;
        var failures = new List<string>();
        foreach (var article in seeds.Expected.GetProperty("citations").EnumerateObject())
        {
            var cited = seeds.Documents[article.Name].Citations.Select(c => c.Source).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var outlet in article.Value.EnumerateArray().Select(o => o.GetString()!))
            {
                if (!cited.Contains(outlet)) failures.Add($"{article.Name}: {outlet} (found {string.Join(", ", cited)})");
            }
        }
        Assert.True(failures.Count == 0, "citations not found: " + string.Join("; ", failures));
    }

    [SharedDataFact("seeds/expected.json")]
    public void Timeline_dates_are_found()
    {
        var seeds = Loaded.Value;
        var failures = new List<string>();
        foreach (var entry in seeds.Expected.GetProperty("timeline").EnumerateArray())
        {
            var date = entry.GetProperty("date").GetString()!;
            var word = Fold(entry.GetProperty("contains").GetString()!);
            var ok = seeds.Documents.Values.Any(document => document.TimeExpressions.Any(t =>
                (t.Value.StartsWith(date, StringComparison.Ordinal) || t.Value.EndsWith(date, StringComparison.Ordinal)) &&
                document.SentenceAt(t.Span.Start) is { } sentence && Fold(document[sentence.Span]).Contains(word)));
            if (!ok) failures.Add($"{date} / {word}");
        }
        Assert.True(failures.Count == 0, "timeline entries not found: " + string.Join("; ", failures));
    }
}
