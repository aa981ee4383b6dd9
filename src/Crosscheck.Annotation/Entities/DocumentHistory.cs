using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// What the first tagging pass decided across a document: for each word (lower-cased), how often it was
/// inside an entity of each type; and every entity phrase it found, so other occurrences can be matched
/// like a document-local gazetteer.
/// </summary>
internal sealed class DocumentHistory
{
    /// <summary>lower-case hash → [occurrences in PER, ORG, LOC, MISC entities, all occurrences].</summary>
    private readonly Dictionary<ulong, int[]> _words = [];

    /// <summary>Phrase hash (as in <see cref="Gazetteer"/>) → bit mask of the types it was tagged with.</summary>
    private readonly Dictionary<ulong, uint> _phrases = [];

    public int MaxPhraseTokens { get; private set; }

    public static DocumentHistory Build(string text, IReadOnlyList<TextSpan[]> sentences, IReadOnlyList<int[]> labels)
    {
        var history = new DocumentHistory();
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var lower = new ulong[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                lower[i] = FeatureHash.OfLower(tokens[i].Of(text));
                if (!history._words.TryGetValue(lower[i], out var counts)) history._words[lower[i]] = counts = new int[Bilou.TypeCount + 1];
                counts[Bilou.TypeCount]++;
                if (labels[s][i] != Bilou.Outside) counts[Bilou.TypeOf(labels[s][i])]++;
            }
            foreach (var (start, end, type) in Bilou.Decode(labels[s]))
            {
                if (end - start > 8) continue;
                var phrase = Gazetteer.Start;
                for (var i = start; i < end; i++) phrase = Gazetteer.Extend(phrase, lower[i]);
                history._phrases[phrase] = history._phrases.GetValueOrDefault(phrase) | 1u << type;
                history.MaxPhraseTokens = Math.Max(history.MaxPhraseTokens, end - start);
            }
        }
        return history;
    }

    /// <summary>The counts for a word, or null when it does not occur in the document.</summary>
    public int[]? Word(ulong lowerHash) => _words.GetValueOrDefault(lowerHash);

    public uint Phrase(ulong phraseHash) => _phrases.GetValueOrDefault(phraseHash);
}
