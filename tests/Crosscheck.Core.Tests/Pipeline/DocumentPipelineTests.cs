using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Core.Tests.Pipeline;

public class DocumentPipelineTests
{
    private sealed class FakeStage(string name, Layer[] requires, Layer[] assigns, Action<Document>? action = null) : IDocumentStage
    {
        public string Name => name;
        public IReadOnlyCollection<Layer> Requires => requires;
        public IReadOnlyCollection<Layer> Assigns => assigns;
        public void Process(Document document)
        {
            action?.Invoke(document);
            foreach (var layer in assigns)
            {
                if (layer == Layer.Sentences) document.Sentences = [new Sentence(new TextSpan(0, document.Text.Length))];
                if (layer == Layer.Tokens) document.Tokens = [];
            }
        }
    }

    [Fact]
    public void Builder_refuses_a_stage_whose_required_layer_nothing_assigns()
    {
        var builder = new DocumentPipelineBuilder()
            .Use(new FakeStage("tokens", [Layer.Sentences], [Layer.Tokens]));
        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("tokens", error.Message);
        Assert.Contains("Sentences", error.Message);
    }

    [Fact]
    public void Builder_accepts_stages_in_dependency_order_and_runs_them_in_that_order()
    {
        var order = new List<string>();
        var pipeline = new DocumentPipelineBuilder()
            .Use(new FakeStage("sentences", [], [Layer.Sentences], _ => order.Add("sentences")))
            .Use(new FakeStage("tokens", [Layer.Sentences], [Layer.Tokens], _ => order.Add("tokens")))
            .Build();
        var doc = pipeline.Run(Docs.Of("One. Two."));
        Assert.Equal(["sentences", "tokens"], order);
        Assert.True(doc.Has(Layer.Tokens));
    }

    [Fact]
    public void A_failing_stage_becomes_a_diagnostic_and_dependent_stages_are_skipped()
    {
        var pipeline = new DocumentPipelineBuilder()
            .Use(new FakeStage("sentences", [], [Layer.Sentences], _ => throw new FormatException("bad text")))
            .Use(new FakeStage("tokens", [Layer.Sentences], [Layer.Tokens]))
            .Build();
        var doc = pipeline.Run(Docs.Of("x"));
        Assert.False(doc.Has(Layer.Tokens));
        Assert.Contains(doc.Diagnostics, d => d.Stage == "sentences" && d.Severity == DiagnosticSeverity.Error && d.Message.Contains("bad text"));
        Assert.Contains(doc.Diagnostics, d => d.Stage == "tokens" && d.Message.Contains("skipped"));
    }

    [Fact]
    public void Absent_layer_differs_from_empty_layer()
    {
        var doc = Docs.Of("text");
        Assert.False(doc.Has(Layer.Quotes));
        Assert.Empty(doc.Quotes);
        doc.Quotes = [];
        Assert.True(doc.Has(Layer.Quotes));
    }

    [Fact]
    public void SentenceAt_finds_the_sentence_holding_a_position()
    {
        var doc = Docs.Of("One two. Three four.");
        doc.Sentences = [new Sentence(new TextSpan(0, 8)), new Sentence(new TextSpan(9, 11))];
        Assert.Equal(new TextSpan(9, 11), doc.SentenceAt(12)!.Value.Span);
        Assert.Equal(new TextSpan(0, 8), doc.SentenceAt(0)!.Value.Span);
        Assert.Null(doc.SentenceAt(8));
    }
}
