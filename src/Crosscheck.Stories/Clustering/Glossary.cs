using System.Collections.Concurrent;
using System.IO.Compression;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// English words for the stems of another language, so an article in German can share terms with one in English
/// about the same event ("Wahlen" and "election", "Vulkan" and "volcano"; <see cref="ClusteringOptions.GlossWeight"/>,
/// off by default), and the language's headwords, which German compounds are split into. Built from Debian's FreeDict
/// dictionaries by scripts/build-glossary.py into Glossary/&lt;language&gt;.tsv.gz (German only is shipped; see
/// Glossary/README.md for sources and licences), embedded in this assembly; each
/// headword is reduced here to the stem <see cref="LanguageTerms"/> gives it, so a glossary meets the words of a
/// text whatever their inflection. The English side is the dictionary's base form, folded as words are
/// (<see cref="Words.Fold"/>), which is what English terms are compared by.
/// </summary>
public static class Glossary
{
    private const string ResourcePrefix = "Crosscheck.Stories.Clustering.Glossary.";

    /// <summary>English words kept per stem (the dictionary's first ones): more would mostly add rarer senses.</summary>
    private const int MaxGlosses = 3;

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string[]>>> Glossaries = new(StringComparer.Ordinal);

    /// <summary>The languages with a glossary (ISO 639-1).</summary>
    public static IReadOnlySet<string> Languages { get; } = typeof(Glossary).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".tsv.gz", StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..^".tsv.gz".Length])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>English words for a stem of <paramref name="language"/> (as <see cref="LanguageTerms.Analyze"/> gives it); empty when none is known.</summary>
    public static IReadOnlyList<string> Of(string language, string stem)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(stem);
        return For(language) is { } glossary && glossary.TryGetValue(stem, out var glosses) ? glosses : [];
    }

    /// <summary>
    /// The key a stem is glossed by: the folded stem (<see cref="Words.Fold"/>), but for Chinese the character pair itself, since
    /// folding spells Han in Latin letters without tones and merges different words of one sound ("试验" and "实验").
    /// </summary>
    public static string KeyOf(string language, string stem) => language == "zh" ? stem : Words.Fold(stem);

    /// <summary>The stem-to-English map of a language (read once per process), or null without a glossary.</summary>
    public static IReadOnlyDictionary<string, string[]>? For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (!Languages.Contains(language)) return null;
        return Glossaries.GetOrAdd(language, l => new Lazy<IReadOnlyDictionary<string, string[]>>(() => Load(l))).Value;
    }

    private static Dictionary<string, string[]> Load(string language)
    {
        var (headwords, glosses) = Read(language);
        // Headwords sharing a stem ("regieren", "regierend", "Regierung") give their English words shortest first:
        // the base form's translations come before those of its derived forms.
        var order = Enumerable.Range(0, headwords.Count).OrderBy(i => headwords[i].Length).ThenBy(i => headwords[i], StringComparer.Ordinal).ToList();
        headwords = order.ConvertAll(i => headwords[i]);
        glosses = order.ConvertAll(i => glosses[i]);
        // All headwords in one text, one a line, analysed in one pass: the stems come back with their offsets.
        var starts = new int[headwords.Count];
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < headwords.Count; i++)
        {
            starts[i] = text.Length;
            text.Append(headwords[i]).Append('\n');
        }
        var stems = LanguageTerms.Analyze(language, text.ToString()) ?? [];
        var merged = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var previous = -1;
        foreach (var (stem, start) in stems)
        {
            // Headwords are single words, so each stem starts one (a stop word gives none); a compound's parts
            // (LanguageTerms splits German ones) follow its own stem at the same offset and are not glossed as it.
            var index = Array.BinarySearch(starts, start);
            if (index < 0 || index == previous) continue;
            previous = index;
            var folded = KeyOf(language, stem);
            if (!merged.TryGetValue(folded, out var list)) merged[folded] = list = new List<string>(MaxGlosses);
            foreach (var gloss in glosses[index])
            {
                if (list.Count < MaxGlosses && !list.Contains(gloss)) list.Add(gloss);
            }
        }
        return merged.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The headwords of a language's glossary, lower-cased as written (read once per process): the words <see cref="LanguageTerms"/> splits compounds into.</summary>
    public static IReadOnlyList<string> Headwords(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (!Languages.Contains(language)) return [];
        return HeadwordLists.GetOrAdd(language, l => new Lazy<IReadOnlyList<string>>(() => Read(l).Headwords)).Value;
    }

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<string>>> HeadwordLists = new(StringComparer.Ordinal);

    private static (List<string> Headwords, List<string[]> Glosses) Read(string language)
    {
        using var resource = typeof(Glossary).Assembly.GetManifestResourceStream(ResourcePrefix + language + ".tsv.gz")
            ?? throw new InvalidOperationException($"The glossary of '{language}' is missing from Crosscheck.Stories; check the EmbeddedResource items of its .csproj.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var headwords = new List<string>();
        var glosses = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            headwords.Add(line[..tab]);
            glosses.Add(line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Words.Fold(w)).ToArray());
        }
        return (headwords, glosses);
    }
}
