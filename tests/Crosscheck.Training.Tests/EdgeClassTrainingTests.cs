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

        Assert.False(plain.First.HasEdgeClasses);
        Assert.True(edges.First.HasEdgeClasses);
        Assert.True((edges.Features.Options & NerFeatureOptions.EdgeClasses) != 0);
        Assert.True(edges.Second is null || edges.Second.HasEdgeClasses);
    }
}
