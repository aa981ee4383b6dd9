namespace Crosscheck.Annotation.Entities;

/// <summary>
/// One linear-chain scorer: hashed feature weights per BILOU label plus label-transition weights,
/// decoded with Viterbi under the BILOU constraints.
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
                var weights = _weights.AsSpan(row * L, L);
                for (var y = 0; y < L; y++) scores[y] += weights[y];
            }
        }
    }

    public void Decode(ReadOnlySpan<float> emissions, int n, Span<int> labels) => Viterbi(emissions, n, _transitions, labels);

    /// <summary>Best label sequence under the BILOU constraints. Transitions are [(previous + 1) * L + next].</summary>
    public static void Viterbi(ReadOnlySpan<float> emissions, int n, ReadOnlySpan<float> transitions, Span<int> output)
    {
        if (n == 0) return;
        var score = new float[n * L];
        var back = new int[n * L];
        for (var y = 0; y < L; y++)
            score[y] = AllowedTransitions[y] ? emissions[y] + transitions[y] : float.NegativeInfinity;
        for (var i = 1; i < n; i++)
        {
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    var index = (p + 1) * L + y;
                    if (!AllowedTransitions[index]) continue;
                    var s = score[(i - 1) * L + p] + transitions[index];
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

    public static LinearChain Read(BinaryReader reader)
    {
        var transitions = new float[(L + 1) * L];
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
