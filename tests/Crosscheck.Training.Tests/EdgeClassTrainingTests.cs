using Crosscheck.Annotation.Entities;

namespace Crosscheck.Training.Tests;

/// <summary><c>--edge-classes</c>: the trainer records the option and saves a transition table per edge class, in both chains, only when asked.</summary>
public class EdgeClassTrainingTests
{
    [Fact]
    public void Edge_classes_reach_the_saved_model_only_when_asked()
    {
        using var root = new TemporaryDataRoot("edge-classes-");
        var trainFile = SentenceOrdersTests.WriteTrainingFile(root);

        NerModel Train(bool edgeClasses)
        {
            var path = Path.Combine(root.FullName, $"model-{edgeClasses}.gz");
            NerTrainer.Run([trainFile], path, new StringWriter(), new NerTrainerOptions { DataRoot = root.FullName, Epochs = 2, EdgeClasses = edgeClasses });
            using var stream = File.OpenRead(path);
            return NerModel.Load(stream);
        }

        var plain = Train(edgeClasses: false);
        var edges = Train(edgeClasses: true);

        Assert.Equal(NerFeatureOptions.None, plain.Features.Options & NerFeatureOptions.EdgeClasses);
        Assert.False(plain.First.HasEdgeClasses);
        Assert.False(Assert.IsType<LinearChain>(plain.Second).HasEdgeClasses);
        Assert.Equal(NerFeatureOptions.EdgeClasses, edges.Features.Options & NerFeatureOptions.EdgeClasses);
        Assert.True(edges.First.HasEdgeClasses);
        // Both chains are trained by default (documents of two sentences), so the second is there to check.
        Assert.True(Assert.IsType<LinearChain>(edges.Second).HasEdgeClasses);
    }
}
