namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Word clusters learned from unlabelled news text (see Training/ClusterBuilder): each known word
/// (lower-cased) has a cluster id at several granularities, coarse to fine. Clusters let the tagger
/// generalise from "Paris" in training to an unseen city that keeps the same company in text.
/// </summary>
internal sealed class WordClusters
{
    private readonly Dictionary<ulong, int> _index;
    private readonly ushort[] _ids;

    public WordClusters(int levels, Dictionary<ulong, int> index, ushort[] ids)
    {
        Levels = levels;
        _index = index;
        _ids = ids;
    }

    public static WordClusters Empty { get; } = new(0, [], []);

    public int Levels { get; }

    public int Count => _index.Count;

    /// <summary>Cluster id of a word (by lower-case hash) at a level, or -1 when unknown.</summary>
    public int Lookup(ulong lowerHash, int level) =>
        _index.TryGetValue(lowerHash, out var row) ? _ids[row * Levels + level] : -1;

    /// <summary>Row of a word in the table, or -1; use with <see cref="IdAt"/> to avoid repeated lookups.</summary>
    public int Row(ulong lowerHash) => _index.TryGetValue(lowerHash, out var row) ? row : -1;

    public int IdAt(int row, int level) => row < 0 ? -1 : _ids[row * Levels + level];

    public void Write(BinaryWriter writer)
    {
        writer.Write(Levels);
        writer.Write(_index.Count);
        foreach (var (hash, row) in _index.OrderBy(p => p.Value))
        {
            writer.Write(hash);
            for (var l = 0; l < Levels; l++) writer.Write(_ids[row * Levels + l]);
        }
    }

    public static WordClusters Read(BinaryReader reader)
    {
        var levels = reader.ReadInt32();
        var count = reader.ReadInt32();
        var index = new Dictionary<ulong, int>(count);
        var ids = new ushort[count * levels];
        for (var row = 0; row < count; row++)
        {
            index[reader.ReadUInt64()] = row;
            for (var l = 0; l < levels; l++) ids[row * levels + l] = reader.ReadUInt16();
        }
        return new WordClusters(levels, index, ids);
    }
}
