using BenchmarkDotNet.Attributes;
using Crosscheck.Core.Model;
using Crosscheck.Extraction;

namespace Crosscheck.Benchmarks;

/// <summary>Our HTML extractor against SmartReader (a Readability port) on the same real pages.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly ArticleExtractor _extractor = new();
    private IReadOnlyList<RawInput> _pages = [];

    [GlobalSetup]
    public void Setup() => _pages = BenchData.HtmlPages();

    [Benchmark(Baseline = true)]
    public int SmartReader()
    {
        var length = 0;
        foreach (var page in _pages)
        {
            var html = System.Text.Encoding.UTF8.GetString(page.Content);
            var article = new SmartReader.Reader("https://example.org/", html).GetArticle();
            length += article.TextContent?.Length ?? 0;
        }
        return length;
    }

    [Benchmark]
    public int Crosscheck()
    {
        var length = 0;
        foreach (var page in _pages) length += _extractor.Extract(page).Body.Length;
        return length;
    }
}
