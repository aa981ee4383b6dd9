namespace Crosscheck.Annotation.Entities;

/// <summary>
/// One linear-chain scorer: hashed feature weights per BILOU label plus label-transition weights,
/// decoded with Viterbi under the BILOU constraints. With edge classes (<see cref="EdgeClasses"/>) the transitions
/// hold one more table per class after the shared one, added at each token of that class.
/// </summary>
internal sealed class LinearChain
{
    private const int L = Bilou.LabelCount;

    private readonly FeatureTable _rows;
    private readonly float[] _weights;
    private readonly float[] _transitions;

    public LinearChain(IReadOnlyCollection<KeyValuePair<ulong, int>> rows, float[] weights, float[] transitions)
    {
        _rows = new FeatureTable(rows);
        _weights = weights;
        _transitions = transitions;
    }

    public int FeatureCount => _rows.Count;

    /// <summary>One transition table: [(previous + 1) * L + next], previous -1 being the sentence start.</summary>
    public const int TransitionTable = (L + 1) * L;

    /// <summary>The transitions' length: the shared table, and one per edge class when the chain has them.</summary>
    public static int TransitionLength(bool edgeClasses) => TransitionTable * (edgeClasses ? 1 + EdgeClasses.Count : 1);

    /// <summary>Whether the transitions hold a table per edge class besides the shared one.</summary>
    public bool HasEdgeClasses => _transitions.Length > TransitionTable;

    /// <summary>Allowed-transition table: [(previous + 1) * L + next], previous -1 being the sentence start.</summary>
    public static readonly bool[] AllowedTransitions = BuildAllowed();

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(L + 1) * L];
        for (var previous = -1; previous < L; previous++)
            for (var next = 0; next < L; next++)
                allowed[(previous + 1) * L + next] = Bilou.Allowed(previous, next);
        return allowed;
    }

    /// <summary>For each label, the labels allowed before it (BILOU leaves 9 or 2 of 17), so Viterbi skips the rest without a test.</summary>
    private static readonly int[][] AllowedPrevious = Enumerable.Range(0, L)
        .Select(next => Enumerable.Range(0, L).Where(previous => Bilou.Allowed(previous, next)).ToArray()).ToArray();

    /// <summary>Adds the weights of each token's features to its row of <paramref name="emissions"/> (n × L).</summary>
    public void AddScores(List<ulong> features, int[] offsets, int n, Span<float> emissions)
    {
        for (var i = 0; i < n; i++)
        {
            var scores = emissions.Slice(i * L, L);
            for (var f = offsets[i]; f < offsets[i + 1]; f++)
            {
                var row = _rows.Find(features[f]);
                if (row < 0) continue;
                AddRow(_weights.AsSpan(row * L, L), scores);
            }
        }
    }

    /// <summary>scores += weights for one 17-label row, 16 of them as two 8-wide vector adds.</summary>
    private static void AddRow(ReadOnlySpan<float> weights, Span<float> scores)
    {
        if (System.Numerics.Vector<float>.Count == 8)
        {
            var a = new System.Numerics.Vector<float>(scores) + new System.Numerics.Vector<float>(weights);
            var b = new System.Numerics.Vector<float>(scores[8..]) + new System.Numerics.Vector<float>(weights[8..]);
            a.CopyTo(scores);
            b.CopyTo(scores[8..]);
            scores[16] += weights[16];
            return;
        }
        for (var y = 0; y < L; y++) scores[y] += weights[y];
    }

    /// <summary>Best labels of one sentence; <paramref name="classes"/>, each token's edge class, is read only when the chain has edge classes.</summary>
    public void Decode(ReadOnlySpan<float> emissions, int n, Span<int> labels, ReadOnlySpan<int> classes = default) =>
        Viterbi(emissions, n, _transitions, labels, HasEdgeClasses ? classes : default);

    /// <summary>
    /// Best label sequence under the BILOU constraints. Transitions are [(previous + 1) * L + next]; with
    /// <paramref name="classes"/> the table of token i's class (the transitions' (1 + class)-th) is added to the shared one.
    /// </summary>
    public static void Viterbi(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, Span<int> output, ReadOnlySpan<int> classes = default)
    {
        if (n == 0) return;
        var score = new float[n * L];
        var back = new int[n * L];
        var edges = !classes.IsEmpty;
        for (var y = 0; y < L; y++)
            score[y] = AllowedTransitions[y] ? emissions[y] + transitions[y] + (edges ? transitions[(1 + classes[0]) * TransitionTable + y] : 0) : float.NegativeInfinity;
        for (var i = 1; i < n; i++)
        {
            var edge = edges ? (1 + classes[i]) * TransitionTable : 0;
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                foreach (var p in AllowedPrevious[y])
                {
                    var s = score[(i - 1) * L + p] + transitions[(p + 1) * L + y] + (edges ? transitions[edge + (p + 1) * L + y] : 0);
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }
                score[i * L + y] = best + emissions[i * L + y];
                back[i * L + y] = arg;
            }
        }
        var bestFinal = float.NegativeInfinity;
        var label = 0;
        for (var y = 0; y < L; y++)
        {
            var s = score[(n - 1) * L + y];
            if (Bilou.CanEnd(y) && s > bestFinal)
            {
                bestFinal = s;
                label = y;
            }
        }
        for (var i = n - 1; i >= 0; i--)
        {
            output[i] = label;
            label = back[i * L + label];
        }
    }

    public void Write(BinaryWriter writer)
    {
        foreach (var t in _transitions) writer.Write(t);
        writer.Write(_rows.Count);
        // Rows are sparse: a feature seen with few labels has exact zeros for the rest.
        foreach (var (hash, row) in _rows.Entries())
        {
            writer.Write(hash);
            var weights = _weights.AsSpan(row * L, L);
            var nonZero = 0;
            foreach (var w in weights) if (w != 0) nonZero++;
            writer.Write((byte)nonZero);
            for (var y = 0; y < L; y++)
            {
                if (weights[y] == 0) continue;
                writer.Write((byte)y);
                writer.Write((Half)weights[y]);
            }
        }
    }

    /// <param name="reader">The model file, at the chain.</param>
    /// <param name="edgeClasses">Whether the chain was trained with edge classes (the model's feature options say).</param>
    public static LinearChain Read(BinaryReader reader, bool edgeClasses = false)
    {
        var transitions = new float[TransitionLength(edgeClasses)];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        var count = reader.ReadInt32();
        var rows = new List<KeyValuePair<ulong, int>>(count);
        var weights = new float[count * L];
        for (var row = 0; row < count; row++)
        {
            rows.Add(new(reader.ReadUInt64(), row));
            int nonZero = reader.ReadByte();
            for (var k = 0; k < nonZero; k++)
            {
                int y = reader.ReadByte();
                weights[row * L + y] = (float)reader.ReadHalf();
            }
        }
        return new LinearChain(rows, weights, transitions);
    }

    /// <summary>A chain keeping only weights at least <paramref name="below"/> in magnitude, and rows with any left.</summary>
    public static LinearChain Pruned(IReadOnlyDictionary<ulong, int> rows, float[] weights, float[] transitions, float below)
    {
        var kept = new List<KeyValuePair<ulong, int>>();
        var keptWeights = new List<float>();
        foreach (var (hash, row) in rows)
        {
            var any = false;
            for (var y = 0; y < L; y++)
            {
                ref var w = ref weights[(long)row * L + y];
                if (MathF.Abs(w) < below) w = 0;
                else any = true;
            }
            if (!any) continue;
            kept.Add(new(hash, kept.Count));
            for (var y = 0; y < L; y++) keptWeights.Add(weights[(long)row * L + y]);
        }
        return new LinearChain(kept, [.. keptWeights], transitions);
    }
}
