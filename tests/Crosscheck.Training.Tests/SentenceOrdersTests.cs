namespace Crosscheck.Training.Tests;

/// <summary>
/// Sentence orders: <c>--seed</c> sets the order; with <c>--seed-runs N</c> the first chain is always trained in N orders,
/// the second chain only with <c>--second-chain-orders</c>, so a model trained without it is the one the option's absence always gave.
/// </summary>
public class SentenceOrdersTests
{
    [Fact]
    public void The_second_chain_is_averaged_over_the_orders_only_when_asked()
    {
        using var root = new TemporaryDataRoot("sentence-orders-");
        var trainFile = WriteTrainingFile(root);

        (string Log, byte[] Model) Train(bool secondChainOrders)
        {
            var log = new StringWriter();
            var path = Path.Combine(root.FullName, $"model-{secondChainOrders}.gz");
            var options = new NerTrainerOptions { DataRoot = root.FullName, Epochs = 2, SeedRuns = 2, SecondChainOrders = secondChainOrders };
            NerTrainer.Run([trainFile], path, log, options);
            return (log.ToString(), File.ReadAllBytes(path));
        }

        var once = Train(secondChainOrders: false);
        var averaged = Train(secondChainOrders: true);

        Assert.Contains("first chain, order 2 epoch", once.Log);
        Assert.DoesNotContain("second chain, order 2", once.Log);
        Assert.Contains("first chain, order 2 epoch", averaged.Log);
        Assert.Contains("second chain, order 2 epoch", averaged.Log);
        // The averaged runs reach the saved model, not only the log.
        Assert.NotEqual(once.Model, averaged.Model);
    }

    [Fact]
    public void The_seed_sets_the_order_so_the_same_seed_rebuilds_the_same_model_and_another_does_not()
    {
        using var root = new TemporaryDataRoot("sentence-seed-");
        var trainFile = WriteTrainingFile(root);

        byte[] Train(int seed, string name)
        {
            var path = Path.Combine(root.FullName, name);
            NerTrainer.Run([trainFile], path, new StringWriter(), new NerTrainerOptions { DataRoot = root.FullName, Epochs = 2, Seed = seed });
            return File.ReadAllBytes(path);
        }

        var first = Train(17, "a.gz");
        Assert.Equal(first, Train(17, "b.gz"));
        Assert.NotEqual(first, Train(18, "c.gz"));
    }

    /// <summary>Eight two-sentence documents of people and places under the root's <c>ner/conll2003</c>.</summary>
    internal static string WriteTrainingFile(TemporaryDataRoot root)
    {
        var trainFile = Path.Combine(root.NerFolder("conll2003"), "train.txt");
        var text = new System.Text.StringBuilder();
        string[] people = ["Annan", "Blair", "Chirac", "Kohl", "Yeltsin", "Clinton", "Major", "Prodi"];
        string[] places = ["Paris", "Bonn", "Moscow", "Rome", "London", "Madrid", "Geneva", "Vienna"];
        for (var d = 0; d < people.Length; d++)
        {
            text.Append("-DOCSTART- -X- -X- O\n\n");
            text.Append($"{people[d]} NNP B-NP B-PER\nvisited VBD B-VP O\n{places[d]} NNP B-NP B-LOC\n. . O O\n\n");
            text.Append($"{places[(d + 1) % places.Length]} NNP B-NP B-LOC\nwelcomed VBD B-VP O\n{people[d]} NNP B-NP B-PER\n. . O O\n\n");
        }
        File.WriteAllText(trainFile, text.ToString());
        return trainFile;
    }
}
