using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Testing;

namespace Crosscheck.Extraction.Tests;

/// <summary>
/// Reads the seed articles and expected.json from ../shared/seeds at test time (never copied
/// into the repository): every boilerplate string must be gone and every listed sentence kept.
/// </summary>
public class SeedTests
{
    private static readonly ArticleExtractor Extractor = new();

    [SharedDataFact("seeds/expected.json")]
    public void Seed_bodies_lose_boilerplate_and_keep_their_sentences()
    {
        var seeds = Path.Combine(Docs.SharedDirectory()!, "seeds");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "expected.json")));
        var absent = expected.RootElement.GetProperty("boilerplate_absent").EnumerateArray().Select(e => e.GetString()!).ToList();
        var present = expected.RootElement.GetProperty("body_present");

        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var article = Extractor.Extract(new RawInput { Id = name, Source = file, Kind = RawKind.Text, Content = File.ReadAllBytes(file) });
            Assert.False(string.IsNullOrWhiteSpace(article.Title), $"{name}: no title");
            // expected.json is written with straight quotes; bodies keep the outlets' typography.
            var body = TextFold.FoldQuotes(article.Body);
            foreach (var text in absent)
                if (body.Contains(TextFold.FoldQuotes(text), StringComparison.Ordinal)) failures.Add($"{name}: boilerplate kept: {text}");
            if (present.TryGetProperty(name, out var sentences))
                foreach (var sentence in sentences.EnumerateArray().Select(s => s.GetString()!))
                    if (!body.Contains(TextFold.FoldQuotes(sentence), StringComparison.Ordinal)) failures.Add($"{name}: sentence lost: {sentence}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SharedDataFact("seeds")]
    public void Seed_date_lines_and_bylines_become_metadata_not_body()
    {
        var files = Directory.GetFiles(Path.Combine(Docs.SharedDirectory()!, "seeds"), "*.txt");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var article = Extractor.Extract(new RawInput { Id = "s", Source = file, Kind = RawKind.Text, Content = File.ReadAllBytes(file) });
            if (article.Byline is { } byline) Assert.DoesNotContain(byline, article.Body);
            // Every seed is in English; a wrong language would mislead the annotators downstream.
            Assert.Equal("en", article.Language);
        }
    }
}
