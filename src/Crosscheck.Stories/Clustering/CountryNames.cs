using System.Collections.Concurrent;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// The countries in each news language (Unicode CLDR, built by scripts/build-country-names.py into
/// Glossary/country-names.tsv; data card Glossary/README.md), each with the key the languages share, its ISO 3166 code:
/// "Deutschland", "Allemagne", "Германия", "德国" and "Germany" are all "de". Exonyms are what transliteration cannot
/// join, and where it happened is evidence of one event in any language. A name is matched on the terms the document
/// is compared by (stems for an analysed language, folded words otherwise), so "Deutschlands" and "России" still meet
/// their country. (Cities, from CLDR's time zones, were tried and left out: many are also surnames and words, and
/// unrelated pages met on them; docs/BENCHMARKS.md.)
/// </summary>
public static class CountryNames
{
    private const string Resource = "Crosscheck.Stories.Clustering.Glossary.country-names.tsv";

    /// <summary>Words in a country name at most; longer ones ("Amerika Birleşik Devletleri") are a few, never more.</summary>
    private const int MaxNameTokens = 4;

    private static readonly Lazy<ILookup<string, (string Name, string Key)>> Names = new(Read);

    private static readonly ConcurrentDictionary<(string Language, bool Analysed), Dictionary<string, List<(string[] Tail, string Key)>>> Tables = new();

    private static readonly Lazy<HashSet<long>> KeyFeatures = new(() =>
        Names.Value.SelectMany(language => language).Select(name => FeatureSpace.KeyOf(StoryClusterer.EntityChannel, DocumentFeatures.CountryKeyPrefix + name.Key)).ToHashSet());

    /// <summary>Whether an entity feature id is a country's key rather than a name word.</summary>
    internal static bool IsKeyFeature(long id) => KeyFeatures.Value.Contains(id);

    /// <summary>
    /// The countries named in <paramref name="tokens"/> (the document's terms in order, each with its offset in
    /// <paramref name="text"/>), with the offset of each naming. A name must start with a capital where its script
    /// has case: "us" is not the US.
    /// </summary>
    public static IEnumerable<(string Key, int Start)> Find(string language, bool analysed, IReadOnlyList<(string Token, int Start)> tokens, string text)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        var table = Tables.GetOrAdd((language, analysed), Build);
        if (table.Count == 0) yield break;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!table.TryGetValue(tokens[i].Token, out var candidates)) continue;
            var start = tokens[i].Start;
            if (start < 0 || start >= text.Length || char.IsLower(text[start])) continue;
            // The longest name that matches here ("Stati Uniti" before a one-word name sharing its first stem).
            string? found = null;
            var length = 0;
            foreach (var (tail, key) in candidates)
            {
                if (tail.Length + 1 <= length || i + tail.Length >= tokens.Count) continue;
                var matches = true;
                for (var j = 0; j < tail.Length && matches; j++) matches = tokens[i + 1 + j].Token == tail[j];
                if (!matches) continue;
                found = key;
                length = tail.Length + 1;
            }
            if (found is null) continue;
            yield return (found, start);
            i += length - 1;
        }
    }

    /// <summary>The terms of a text as <see cref="DocumentFeatures"/> compares them: stems when analysed, folded words otherwise.</summary>
    internal static List<(string Token, int Start)> Terms(string language, bool analysed, string text)
    {
        if (analysed && LanguageTerms.Analyze(language, text) is { } stems) return stems;
        var result = new List<(string, int)>();
        foreach (var w in Words.Scan(text))
        {
            if (!w.IsNumber) result.Add((Words.Fold(text.AsSpan(w.Start, w.Length)), w.Start));
        }
        return result;
    }

    private static Dictionary<string, List<(string[] Tail, string Key)>> Build((string Language, bool Analysed) how)
    {
        var table = new Dictionary<string, List<(string[], string)>>(StringComparer.Ordinal);
        foreach (var (name, key) in Names.Value[how.Language])
        {
            var tokens = Terms(how.Language, how.Analysed, name);
            if (tokens.Count is 0 or > MaxNameTokens) continue;
            if (!table.TryGetValue(tokens[0].Token, out var list)) table[tokens[0].Token] = list = [];
            list.Add((tokens.Skip(1).Select(t => t.Token).ToArray(), key));
        }
        return table;
    }

    private static ILookup<string, (string Name, string Key)> Read()
    {
        using var resource = typeof(CountryNames).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from Crosscheck.Stories; check the EmbeddedResource items of its .csproj.");
        using var reader = new StreamReader(resource);
        var rows = new List<(string Language, string Name, string Key)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length == 3) rows.Add((fields[0], fields[1], fields[2]));
        }
        return rows.ToLookup(r => r.Language, r => (r.Name, r.Key), StringComparer.Ordinal);
    }
}
