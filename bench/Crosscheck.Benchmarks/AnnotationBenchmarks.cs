using BenchmarkDotNet.Attributes;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Hosting;

namespace Crosscheck.Benchmarks;

/// <summary>Each annotation stage on the sample articles, given the layers it requires.</summary>
[MemoryDiagnoser]
public class AnnotationBenchmarks
{
    private IReadOnlyList<string> _texts = [];
    private List<Document> _annotated = [];

    [ParamsSource(nameof(StageNames))]
    public string Stage { get; set; } = "";

    public static IEnumerable<string> StageNames => Engine.Annotation.Stages.Select(s => s.Name);

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchData.Texts();
        _annotated = [.. _texts.Select((text, i) => Engine.AnnotateText($"t{i}", text))];
    }

    [Benchmark]
    public int RunStage()
    {
        var stage = Engine.Annotation.Stages.Single(s => s.Name == Stage);
        var count = 0;
        foreach (var source in _annotated)
        {
            // A fresh document holding only the layers this stage requires, copied from a full run.
            var document = new Document(source.Article);
            CopyRequired(stage, source, document);
            stage.Process(document);
            count += document.Layers.Count();
        }
        return count;
    }

    private static void CopyRequired(IDocumentStage stage, Document from, Document to)
    {
        foreach (var layer in stage.Requires)
        {
            switch (layer)
            {
                case Layer.Sentences: to.Sentences = from.Sentences; break;
                case Layer.Tokens: to.Tokens = from.Tokens; break;
                case Layer.Mentions: to.Mentions = from.Mentions; break;
                case Layer.Quantities: to.Quantities = from.Quantities; break;
                case Layer.TimeExpressions: to.TimeExpressions = from.TimeExpressions; break;
                case Layer.Quotes: to.Quotes = from.Quotes; break;
                case Layer.Citations: to.Citations = from.Citations; break;
            }
        }
    }
}
