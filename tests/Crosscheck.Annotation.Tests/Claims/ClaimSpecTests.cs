using System.Text;
using System.Text.Json;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>Runs the golden spec files in Claims/Specs through the full annotation pipeline.</summary>
public class ClaimSpecTests
{
    public static IEnumerable<object[]> Quantities => ClaimSpecs.Rows("quantities.spec.md");

    public static IEnumerable<object[]> Times => ClaimSpecs.Rows("time.spec.md");

    public static IEnumerable<object[]> QuoteCases => ClaimSpecs.Rows("quotes.spec.md");

    public static IEnumerable<object[]> CitationCases => ClaimSpecs.Rows("citations.spec.md");

    [Theory]
    [MemberData(nameof(Quantities))]
    public void Quantity(string file, int index) => Run(file, index, "quantities");

    [Theory]
    [MemberData(nameof(Times))]
    public void Time(string file, int index) => Run(file, index, "time");

    [Theory]
    [MemberData(nameof(QuoteCases))]
    public void Quote(string file, int index) => Run(file, index, "quotes");

    [Theory]
    [MemberData(nameof(CitationCases))]
    public void Citation(string file, int index) => Run(file, index, "citations");

    [Fact]
    public void SpecFilesHoldAtLeast150Cases()
    {
        var total = new[] { "quantities.spec.md", "time.spec.md", "quotes.spec.md", "citations.spec.md" }.Sum(f => ClaimSpecs.Read(f).Count);
        Assert.True(total >= 150, $"only {total} golden cases");
    }

    private static void Run(string file, int index, string layer)
    {
        var spec = ClaimSpecs.Read(file)[index];
        var document = ClaimPipeline.Annotate(spec.Text, spec.Published);
        LayerAssert.SpansWellFormed(document);
        var failures = spec.Expectations.Select(e => ClaimSpecs.Check(document, layer, e)).Where(f => f is not null).ToList();
        Assert.True(failures.Count == 0, $"{file}:{spec.Line}: {spec.Text}\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Writes draft spec files (current output as expectations) from a JSON of candidate sentences
    /// (CLAIMS_SPEC_DRAFT=candidates.json, output next to it). Drafts are reviewed and corrected by
    /// hand before they become spec files; this only saves typing.
    /// </summary>
    [Fact]
    public void WriteDraftSpecs()
    {
        var input = Environment.GetEnvironmentVariable("CLAIMS_SPEC_DRAFT");
        if (input is null || !File.Exists(input)) return;
        var candidates = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(File.ReadAllText(input))!;
        var layers = new Dictionary<string, string> { ["money"] = "quantities", ["percent"] = "quantities", ["count"] = "quantities", ["date"] = "time", ["quote"] = "quotes", ["cite"] = "citations" };
        var outputs = new Dictionary<string, StringBuilder>();
        foreach (var (kind, sentences) in candidates)
        {
            var layer = layers[kind];
            if (!outputs.TryGetValue(layer, out var sb)) outputs[layer] = sb = new StringBuilder();
            foreach (var raw in sentences)
            {
                var published = (DateTimeOffset?)null;
                var sentence = raw;
                var tab = raw.IndexOf('\t');
                if (tab > 0)
                {
                    published = DateTimeOffset.Parse(raw[..tab] + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
                    sentence = raw[(tab + 1)..];
                }
                var document = ClaimPipeline.Annotate(sentence, published);
                sb.AppendLine("> " + sentence.Replace("\n", "\\n", StringComparison.Ordinal));
                if (published is { } p) sb.AppendLine("published: " + p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                var lines = layer switch
                {
                    "quantities" => document.Quantities.Select(q => ClaimSpecs.Format(q, document)),
                    "time" => document.TimeExpressions.Select(t => ClaimSpecs.Format(t, document)),
                    "quotes" => document.Quotes.Select(q => $"contains={Excerpt(document[q.Span])}; speaker={ClaimSpecs.Speaker(document, q)}; direct={(q.Direct ? "true" : "false")}"),
                    _ => document.Citations.Select(c => ClaimSpecs.Format(c)),
                };
                var any = false;
                foreach (var line in lines)
                {
                    sb.AppendLine("- " + line);
                    any = true;
                }
                if (!any) sb.AppendLine("- none");
                sb.AppendLine();
            }
        }
        foreach (var (layer, sb) in outputs)
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(input)!, layer + ".draft.md"), sb.ToString());
        }
    }

    private static string Excerpt(string content)
    {
        var words = content.Trim('"', '\u201C', '\u201D', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(5));
    }
}
