namespace Crosscheck.Training;

/// <summary>
/// A logistic regression fitted by stochastic gradient steps with per-feature step sizes (AdaGrad) and an L2 penalty on the
/// weights (the bias has none): the one step <see cref="CueTrainer"/> and <see cref="PageWordTrainer"/> both take. Each pass
/// visits the examples in an order shuffled by a seeded <see cref="Random"/>, so a run is repeatable.
/// </summary>
/// <param name="features">How many weights the model has.</param>
/// <param name="learningRate">AdaGrad's learning rate, shared by the weights and the bias.</param>
/// <param name="l2">The L2 penalty on the weights.</param>
/// <param name="scoreLimit">
/// A score is clamped to ±this before the logistic function (<see cref="PageWordTrainer"/> clamps at 30; the default,
/// infinity, leaves every score as it is, as <see cref="CueTrainer"/> does).
/// </param>
internal sealed class AdaGradLogistic(int features, double learningRate, double l2, double scoreLimit = double.PositiveInfinity)
{
    /// <summary>Added under the square root so that a first step is defined.</summary>
    private const double Epsilon = 1e-8;

    private readonly double[] _squares = new double[features];
    private double _biasSquares;

    public double[] Weights { get; } = new double[features];

    public double Bias { get; private set; }

    /// <summary>
    /// Visits <paramref name="count"/> examples <paramref name="passes"/> times, each pass in the order of the one before shuffled
    /// again by a <see cref="Random"/> seeded with <paramref name="seed"/>.
    /// </summary>
    public static void Passes(int count, int passes, int seed, Action<int> visit)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, count).ToArray();
        for (var pass = 0; pass < passes; pass++)
        {
            random.Shuffle(order);
            foreach (var index in order) visit(index);
        }
    }

    /// <summary>
    /// One step on an example whose features <paramref name="indices"/> have the <paramref name="values"/> (empty: each is 1)
    /// and whose label is <paramref name="label"/> (1 or 0). A weight whose entry in <paramref name="learnt"/> is false keeps
    /// its value; the bias always learns. An example of <paramref name="weight"/> w counts as w copies of it: its step, its share
    /// of the L2 penalty included, is w times the plain one, and it adds w times its squared step to AdaGrad's sums. (Scaling the
    /// gradient alone would not do: AdaGrad divides a step by the root of its feature's sums, so on a feature only examples of
    /// weight w have, a w-fold gradient gives the very same steps as weight 1.) Weight 1, the default, is the plain step:
    /// multiplying by 1 changes no bit.
    /// </summary>
    public void Step(ReadOnlySpan<int> indices, ReadOnlySpan<double> values, double label, bool[]? learnt = null, double weight = 1)
    {
        var binary = values.IsEmpty;
        if (!binary && values.Length != indices.Length) throw new ArgumentException("One value a feature, or none.", nameof(values));
        var score = Bias;
        for (var i = 0; i < indices.Length; i++) score += binary ? Weights[indices[i]] : Weights[indices[i]] * values[i];
        var gradient = 1 / (1 + Math.Exp(-Math.Clamp(score, -scoreLimit, scoreLimit))) - label;
        for (var i = 0; i < indices.Length; i++)
        {
            var feature = indices[i];
            if (learnt is not null && !learnt[feature]) continue;
            var step = (binary ? gradient : gradient * values[i]) + l2 * Weights[feature];
            _squares[feature] += weight * step * step;
            Weights[feature] -= learningRate * (weight * step) / Math.Sqrt(_squares[feature] + Epsilon);
        }
        _biasSquares += weight * gradient * gradient;
        Bias -= learningRate * (weight * gradient) / Math.Sqrt(_biasSquares + Epsilon);
    }
}
