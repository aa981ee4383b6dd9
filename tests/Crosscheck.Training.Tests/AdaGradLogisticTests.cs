namespace Crosscheck.Training.Tests;

/// <summary>
/// The AdaGrad step <see cref="CueTrainer"/> and <see cref="PageWordTrainer"/> share: on small fixed inputs it gives, to the last
/// bit, the weights and bias of the two loops each trainer had before (copied below as they were), so neither the learned cues nor
/// the page-words model moves.
/// </summary>
public class AdaGradLogisticTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Binary_features_without_a_clamp_give_the_cue_trainer_s_former_weights(int seed)
    {
        var (rows, features) = BinaryRows(seed, count: 60, features: 25);
        var (weights, bias) = FormerCueFit(rows, features, epochs: 8, learningRate: 0.1, l2: 1e-4);

        var model = new AdaGradLogistic(features, 0.1, 1e-4);
        AdaGradLogistic.Passes(rows.Length, 8, seed: 17, r => model.Step(rows[r].Features, [], rows[r].Label));

        Assert.Equal(bias, model.Bias);
        Assert.Equal(weights, model.Weights);
        Assert.Contains(weights, w => w != 0);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Valued_features_clamped_at_30_with_some_left_unlearnt_give_the_page_word_trainer_s_former_weights(int seed, int unlearntEvery)
    {
        // Large values drive some scores past ±30, so the clamp is exercised; every third feature is not learnt when asked.
        var (pages, features) = ValuedRows(seed, count: 60, features: 25, scale: 40);
        var learnt = Enumerable.Range(0, features).Select(f => unlearntEvery == 1 || f % 3 != 0).ToArray();
        var (weights, bias) = FormerPageWordFit(pages, features, learnt, epochs: 6, learningRate: 0.5, l2: 1e-3);

        var model = new AdaGradLogistic(features, 0.5, 1e-3, scoreLimit: 30);
        AdaGradLogistic.Passes(pages.Length, 6, seed: 1, index => model.Step(pages[index].Indices, pages[index].Values, pages[index].Label, learnt));

        Assert.Equal(bias, model.Bias);
        Assert.Equal(weights, model.Weights);
        if (unlearntEvery > 1) Assert.All(Enumerable.Range(0, features).Where(f => !learnt[f]), f => Assert.Equal(0, model.Weights[f]));
    }

    [Fact]
    public void Without_the_clamp_the_valued_steps_differ_where_a_score_passes_30()
    {
        // The guard that the clamp test above can fail: the same large-valued input without the clamp ends elsewhere.
        var (pages, features) = ValuedRows(1, count: 60, features: 25, scale: 40);
        var learnt = Enumerable.Repeat(true, features).ToArray();
        var (weights, _) = FormerPageWordFit(pages, features, learnt, epochs: 6, learningRate: 0.5, l2: 1e-3);

        var model = new AdaGradLogistic(features, 0.5, 1e-3);
        AdaGradLogistic.Passes(pages.Length, 6, seed: 1, index => model.Step(pages[index].Indices, pages[index].Values, pages[index].Label, learnt));

        Assert.NotEqual(weights, model.Weights);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void A_lighter_example_moves_a_feature_only_it_has_less(double weight)
    {
        // Feature 0 is on every example, feature 1 only on the ones given the weight: AdaGrad's division by the root of a
        // feature's squared steps must not cancel that weight out (a scaled gradient alone would give feature 1 the same steps).
        double Fit(double w)
        {
            var model = new AdaGradLogistic(2, 0.5, 1e-3);
            AdaGradLogistic.Passes(40, 4, seed: 3, i => { if (i % 4 == 0) model.Step([0, 1], [], 1, weight: w); else model.Step([0], [], i % 2); });
            return model.Weights[1];
        }
        var (full, light) = (Fit(1), Fit(weight));
        Assert.True(full > 0 && light > 0, $"{full}, {light}");
        Assert.True(light < 0.9 * full, $"weight {weight}: {light} against {full}");
        Assert.Equal(0, Fit(0));
    }

    [Fact]
    public void An_example_of_weight_two_moves_about_as_two_copies_of_it()
    {
        double Fit(bool twice)
        {
            var model = new AdaGradLogistic(2, 0.1, 0);
            AdaGradLogistic.Passes(1, 1, seed: 1, _ =>
            {
                model.Step([1], [], 1, weight: twice ? 1 : 2);
                if (twice) model.Step([1], [], 1);
            });
            return model.Weights[1];
        }
        var (copies, weighted, one) = (Fit(true), Fit(false), new AdaGradLogistic(2, 0.1, 0));
        one.Step([1], [], 1);
        Assert.True(weighted > one.Weights[1] * 1.3, $"{weighted} against one step {one.Weights[1]}");
        Assert.True(Math.Abs(weighted - copies) < 0.25 * copies, $"{weighted} against two copies {copies}");
    }

    [Fact]
    public void Values_must_be_one_a_feature_or_none() =>
        Assert.Throws<ArgumentException>(() => new AdaGradLogistic(3, 0.1, 0).Step([0, 1], [1.0], 1));

    private static ((int[] Features, double Label)[] Rows, int Features) BinaryRows(int seed, int count, int features)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ =>
        {
            var indices = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(features)).ToArray();
            return (indices, random.Next(2) == 1 ? 1.0 : 0.0);
        }).ToArray();
        return (rows, features);
    }

    private static ((int[] Indices, double[] Values, int Label)[] Rows, int Features) ValuedRows(int seed, int count, int features, double scale)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(_ =>
        {
            var indices = Enumerable.Range(0, features).Where(_ => random.Next(4) == 0).ToArray();
            var values = indices.Select(_ => random.NextDouble() * scale).ToArray();
            return (indices, values, random.Next(2));
        }).ToArray();
        return (rows, features);
    }

    // The passes both trainers ran before the shared step (the same but for the seed): one Random, one order shuffled again each pass.
    private static void FormerPasses(int count, int epochs, int seed, Action<int> visit)
    {
        var (random, order) = (new Random(seed), Enumerable.Range(0, count).ToArray());
        for (var epoch = 0; epoch < epochs; epoch++) Array.ForEach(Shuffled(random, order), visit);
    }

    private static int[] Shuffled(Random random, int[] order)
    {
        random.Shuffle(order);
        return order;
    }

    // CueTrainer.Fit's step before the shared one, word for word but for its inputs.
    private static (double[] Weights, double Bias) FormerCueFit((int[] Features, double Label)[] rows, int featureCount, int epochs, double learningRate, double l2)
    {
        var weights = new double[featureCount];
        var squares = new double[featureCount];
        double bias = 0, biasSquares = 0;
        FormerPasses(rows.Length, epochs, 17, r =>
        {
            var (features, label) = rows[r];
            var score = bias;
            foreach (var f in features) score += weights[f];
            var gradient = 1 / (1 + Math.Exp(-score)) - label;
            biasSquares += gradient * gradient;
            bias -= learningRate * gradient / Math.Sqrt(biasSquares + 1e-8);
            foreach (var f in features)
            {
                var g = gradient + l2 * weights[f];
                squares[f] += g * g;
                weights[f] -= learningRate * g / Math.Sqrt(squares[f] + 1e-8);
            }
        });
        return (weights, bias);
    }

    // PageWordTrainer.Fit's step before the shared one, word for word but for its inputs.
    private static (double[] Weights, double Bias) FormerPageWordFit((int[] Indices, double[] Values, int Label)[] pages, int buckets, bool[] learnt,
        int epochs, double learningRate, double l2)
    {
        var weights = new double[buckets];
        var squares = new double[buckets];
        double bias = 0, biasSquares = 0;
        FormerPasses(pages.Length, epochs, 1, index =>
        {
            var words = pages[index];
            var score = bias;
            for (var i = 0; i < words.Indices.Length; i++) score += weights[words.Indices[i]] * words.Values[i];
            var gradient = 1 / (1 + Math.Exp(-Math.Clamp(score, -30, 30))) - (pages[index].Label == 1 ? 1 : 0);
            for (var i = 0; i < words.Indices.Length; i++)
            {
                var bucket = words.Indices[i];
                if (!learnt[bucket]) continue;
                var step = gradient * words.Values[i] + l2 * weights[bucket];
                squares[bucket] += step * step;
                weights[bucket] -= learningRate * step / Math.Sqrt(squares[bucket] + 1e-8);
            }
            biasSquares += gradient * gradient;
            bias -= learningRate * gradient / Math.Sqrt(biasSquares + 1e-8);
        });
        return (weights, bias);
    }
}
