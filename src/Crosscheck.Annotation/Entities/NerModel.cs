using System.IO.Compression;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// A trained linear-chain tagger: hashed feature weights per BILOU label, label-transition weights and
/// the word clusters and gazetteers its features read. Decoding is Viterbi under BILOU constraints.
/// Immutable once built, so one instance serves many threads.
/// </summary>
internal sealed class NerModel
{
    private const string Magic = "CROSSCHECK-NER";
    private const int FormatVersion = 1;
    private const int L = Bilou.LabelCount;

    private readonly Dictionary<ulong, int> _rows;
    private readonly float[] _weights;
    private readonly float[] _transitions;

    public NerModel(NerFeatures features, Dictionary<ulong, int> rows, float[] weights, float[] transitions)
    {
        Features = features;
        _rows = rows;
        _weights = weights;
        _transitions = transitions;
    }

    public NerFeatures Features { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>Allowed-transition table: [previous + 1, next], previous -1 being the sentence start.</summary>
    public static readonly bool[] AllowedTransitions = BuildAllowed();

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[(L + 1) * L];
        for (var previous = -1; previous < L; previous++)
            for (var next = 0; next < L; next++)
                allowed[(previous + 1) * L + next] = Bilou.Allowed(previous, next);
        return allowed;
    }

    /// <summary>BILOU labels for one sentence.</summary>
    public int[] Predict(string text, ReadOnlySpan<TextSpan> tokens, DocumentContext context)
    {
        var n = tokens.Length;
        if (n == 0) return [];
        var features = new List<ulong>(n * 64);
        var offsets = new int[n + 1];
        Features.Extract(text, tokens, context, features, offsets);
        var emissions = new float[n * L];
        for (var i = 0; i < n; i++)
        {
            var scores = emissions.AsSpan(i * L, L);
            for (var f = offsets[i]; f < offsets[i + 1]; f++)
            {
                if (!_rows.TryGetValue(features[f], out var row)) continue;
                var weights = _weights.AsSpan(row * L, L);
                for (var y = 0; y < L; y++) scores[y] += weights[y];
            }
        }
        var labels = new int[n];
        Viterbi(emissions, n, _transitions, labels);
        return labels;
    }

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

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(L);
        Features.Clusters.Write(writer);
        Features.Gazetteer.Write(writer);
        foreach (var t in _transitions) writer.Write(t);
        writer.Write(_rows.Count);
        // Rows are sparse: a feature seen with few labels has exact zeros for the rest.
        foreach (var (hash, row) in _rows)
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

    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadString() != Magic) throw new InvalidDataException("Not a Crosscheck NER model (bad header).");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion}); retrain the model.");
        if (reader.ReadInt32() != L) throw new InvalidDataException("NER model label set does not match this build.");
        var clusters = WordClusters.Read(reader);
        var gazetteer = Gazetteer.Read(reader);
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++) transitions[i] = reader.ReadSingle();
        var count = reader.ReadInt32();
        var rows = new Dictionary<ulong, int>(count);
        var weights = new float[count * L];
        for (var row = 0; row < count; row++)
        {
            rows[reader.ReadUInt64()] = row;
            int nonZero = reader.ReadByte();
            for (var k = 0; k < nonZero; k++)
            {
                int y = reader.ReadByte();
                weights[row * L + y] = (float)reader.ReadHalf();
            }
        }
        return new NerModel(new NerFeatures(clusters, gazetteer), rows, weights, transitions);
    }
}
