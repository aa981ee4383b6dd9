namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Name lists (built from openly licensed annotated corpora, see Training/GazetteerBuilder), matched
/// over lower-cased token sequences by hash. Each list keeps its own identity (e.g. "wikigold:LOC",
/// "gmb:gpe"), and the tagger learns how far to trust each one.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>Phrase hash (chained lower-case token hashes) → bit mask of the lists holding it.</summary>
    private readonly Dictionary<ulong, uint> _phrases;

    public Gazetteer(string[] listNames, Dictionary<ulong, uint> phrases, int maxTokens)
    {
        ListNames = listNames;
        _phrases = phrases;
        MaxTokens = maxTokens;
    }

    public static Gazetteer Empty { get; } = new([], [], 0);

    public string[] ListNames { get; }

    public int MaxTokens { get; }

    public int Count => _phrases.Count;

    public static ulong Start => 0x51ED270B27F1A5C3UL;

    public static ulong Extend(ulong phraseHash, ulong tokenLowerHash) => FeatureHash.Combine(phraseHash, tokenLowerHash);

    public uint Lookup(ulong phraseHash) => _phrases.TryGetValue(phraseHash, out var mask) ? mask : 0;

    public void Write(BinaryWriter writer)
    {
        writer.Write(ListNames.Length);
        foreach (var name in ListNames) writer.Write(name);
        writer.Write(MaxTokens);
        writer.Write(_phrases.Count);
        foreach (var (hash, mask) in _phrases)
        {
            writer.Write(hash);
            writer.Write(mask);
        }
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        var names = new string[reader.ReadInt32()];
        for (var i = 0; i < names.Length; i++) names[i] = reader.ReadString();
        var maxTokens = reader.ReadInt32();
        var count = reader.ReadInt32();
        var phrases = new Dictionary<ulong, uint>(count);
        for (var i = 0; i < count; i++) phrases[reader.ReadUInt64()] = reader.ReadUInt32();
        return new Gazetteer(names, phrases, maxTokens);
    }
}
