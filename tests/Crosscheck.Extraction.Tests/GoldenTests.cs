using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Tests;

/// <summary>
/// Golden cases in Golden/: NAME.input.(txt|html|json) and NAME.expected.txt, which holds
/// "key: value" lines (title, published "yyyy-MM-dd source" or "none", byline, outlet, url,
/// language, hint-url, diagnostic substring), a "---" line, then the expected body.
/// </summary>
public class GoldenTests
{
    private static readonly ArticleExtractor Extractor = new();

    private static string GoldenDir => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(GoldenDir, "*.expected.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path)[..^".expected.txt".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts_golden_case(string name)
    {
        var (fields, body) = ReadExpected(Path.Combine(GoldenDir, name + ".expected.txt"));
        var input = Directory.GetFiles(GoldenDir, name + ".input.*").Single();
        var kind = Path.GetExtension(input) switch
        {
            ".html" => RawKind.Html,
            ".json" => RawKind.Json,
            _ => RawKind.Text,
        };
        var raw = new RawInput
        {
            Id = name,
            Source = input,
            Kind = kind,
            Content = File.ReadAllBytes(input),
            ReceivedAt = TestInputs.ReceivedAt,
            Hints = new IngestHints { Url = fields.GetValueOrDefault("hint-url") },
        };

        var article = Extractor.Extract(raw);

        Assert.Equal(body, article.Body);
        Assert.Equal(name, article.Id);
        if (fields.TryGetValue("title", out var title)) Assert.Equal(title, article.Title);
        if (fields.TryGetValue("byline", out var byline)) Assert.Equal(byline == "none" ? null : byline, article.Byline);
        if (fields.TryGetValue("outlet", out var outlet)) Assert.Equal(outlet, article.Outlet);
        if (fields.TryGetValue("url", out var url)) Assert.Equal(url, article.Url);
        if (fields.TryGetValue("language", out var language)) Assert.Equal(language, article.Language);
        if (fields.TryGetValue("published", out var published))
        {
            if (published == "none") Assert.Null(article.Published);
            else
            {
                var parts = published.Split(' ', 2);
                Assert.NotNull(article.Published);
                Assert.Equal(parts[0], article.Published.Value.ToString("yyyy-MM-dd"));
                Assert.Equal(parts[1], article.Published.Source);
            }
        }
        if (fields.TryGetValue("diagnostic", out var diagnostic))
            Assert.Contains(article.Diagnostics, d => d.Message.Contains(diagnostic, StringComparison.Ordinal));
    }

    private static (Dictionary<string, string> Fields, string Body) ReadExpected(string path)
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text[..split].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return (fields, text[(split + 5)..].TrimEnd('\n'));
    }
}
