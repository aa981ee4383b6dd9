using BenchmarkDotNet.Attributes;
using Crosscheck.Core.Model;
using Crosscheck.Hosting;

namespace Crosscheck.Benchmarks;

/// <summary>Clustering and dossier building over the annotated sample articles.</summary>
[MemoryDiagnoser]
public class StoryBenchmarks
{
    private List<Document> _documents = [];
    private Story _story = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documents = [.. BenchData.Texts().Select((text, i) => Engine.AnnotateText($"t{i}", text))];
        _story = new Story { Id = "bench", Title = "bench", ArticleIds = [.. _documents.Select(d => d.Id)] };
    }

    [Benchmark]
    public int Cluster()
    {
        var clusterer = Engine.NewClusterer();
        foreach (var document in _documents) clusterer.Assign(document);
        return clusterer.Stories.Count;
    }

    [Benchmark]
    public int Dossier() => Engine.DossierBuilder().Build(_story, _documents).Claims.Count;
}
