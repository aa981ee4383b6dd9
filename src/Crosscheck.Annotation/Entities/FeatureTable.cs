namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Read-only open-addressing map from feature hash to weight row. Tagging does one lookup per feature
/// (about 70 per token), so this replaces <see cref="Dictionary{TKey,TValue}"/>'s bucket indirection with a
/// single linear probe over two flat arrays.
/// </summary>
internal sealed class FeatureTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _mask;

    public FeatureTable(IReadOnlyCollection<KeyValuePair<ulong, int>> entries)
    {
        var capacity = 16;
        while (capacity < entries.Count * 2) capacity <<= 1;
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _mask = capacity - 1;
        foreach (var (key, row) in entries)
        {
            var k = Stored(key);
            var slot = (int)(k & (ulong)_mask);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = k;
            _rows[slot] = row;
        }
        Count = entries.Count;
    }

    public int Count { get; }

    /// <summary>Zero marks an empty slot, so a key that hashes to zero is stored as one (a harmless collision).</summary>
    private static ulong Stored(ulong key) => key == 0 ? 1 : key;

    public int Find(ulong key)
    {
        var k = Stored(key);
        var slot = (int)(k & (ulong)_mask);
        while (true)
        {
            var stored = _keys[slot];
            if (stored == k) return _rows[slot];
            if (stored == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>All (key, row) pairs, for saving.</summary>
    public IEnumerable<KeyValuePair<ulong, int>> Entries()
    {
        for (var slot = 0; slot < _keys.Length; slot++)
            if (_keys[slot] != 0) yield return new(_keys[slot], _rows[slot]);
    }
}
