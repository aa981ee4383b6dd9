using System.IO.Compression;
using Crosscheck.Evaluation.Entities;

namespace Crosscheck.Training;

/// <summary>
/// The trained gazetteers of a model: the names tagged in each of the language's training corpora (one list per
/// corpus family and type, "wikiann:LOC", "conll2003:PER"), so a model that reads newswire also knows the names the
/// Wikipedia corpus tags and the reverse, and the dictionary word lists of <c>NerWordLists/LANG.tsv.gz</c>
/// ("dict:common": a dictionary word, in German a noun, so rarely a name; "dict:proper": a name or a word made from one).
/// The names of training sentences are jackknifed: a sentence is encoded with the lists built without its own fold of
/// documents, so the model learns how far a list holds for names it has not seen, as it will be at tagging time
/// (when the saved, full lists hold every training name).
/// </summary>
internal sealed class LanguageGazetteers
{
    /// <summary>Folds of the jackknife by default: a training document's own names are missing from the lists its sentences see.</summary>
    public const int DefaultFolds = 5;

    /// <summary>
    /// Documents go to folds in blocks of about this many consecutive sentences: a corpus without document marks
    /// (CoNLL-2002 Dutch) has one document per sentence, and the sentences next to one from the same article must not
    /// lend it their names.
    /// </summary>
    private const int BlockSentences = 100;

    /// <summary>Longest name kept, in tokens: longer ones are titles of works and slow the matching down.</summary>
    private const int MaxNameTokens = 6;

    private LanguageGazetteers(Annotation.Entities.Gazetteer full, Annotation.Entities.Gazetteer[] withoutFold, Dictionary<int, int> foldOf)
    {
        Full = full;
        _withoutFold = withoutFold;
        _foldOf = foldOf;
    }

    private readonly Annotation.Entities.Gazetteer[] _withoutFold;
    private readonly Dictionary<int, int> _foldOf;

    /// <summary>Every list with every name: the one the model is saved with.</summary>
    public Annotation.Entities.Gazetteer Full { get; }

    /// <summary>The lists a training sentence of this document sees (its own fold's names left out).</summary>
    public Annotation.Entities.Gazetteer ForDocument(int document) =>
        _withoutFold.Length == 0 ? Full : _foldOf.TryGetValue(document, out var fold) ? _withoutFold[fold] : Full;

    public static LanguageGazetteers None { get; } = new(Annotation.Entities.Gazetteer.Empty, [], []);

    /// <summary>
    /// Builds the lists from the training sentences (each with its corpus name, "conll2003-de") and the
    /// <paramref name="fixedEntries"/> every sentence sees (the dictionary word lists, other corpora's names).
    /// </summary>
    public static LanguageGazetteers Build(IReadOnlyList<ConllSentence> sentences, IReadOnlyList<string> corpusOf, bool names,
        IReadOnlyList<(string List, string[] Tokens)> fixedEntries, TextWriter log, int folds = DefaultFolds)
    {
        var entries = new List<(string List, string[] Tokens, int Fold)>();
        var foldOf = new Dictionary<int, int>();
        for (var s = 0; s < sentences.Count; s++)
            foldOf.TryAdd(sentences[s].Document, s / BlockSentences % folds);
        if (names)
        {
            for (var s = 0; s < sentences.Count; s++)
            {
                var family = corpusOf[s].Split('-')[0];
                foreach (var (start, end, type) in sentences[s].Entities(ConllCorpus.ConllType))
                {
                    if (end - start > MaxNameTokens || type < 0) continue;
                    entries.Add(($"{family}:{Annotation.Entities.Bilou.TypeNames[type]}", sentences[s].Tokens[start..end], foldOf[sentences[s].Document]));
                }
            }
        }
        foreach (var (list, tokens) in fixedEntries) entries.Add((list, tokens, -1));
        if (entries.Count == 0) return None;
        var listNames = entries.Select(e => e.List).Distinct().Order(StringComparer.Ordinal).ToList();
        var full = NerTrainer.BuildGazetteer(entries.Select(e => (e.List, e.Tokens)), listNames, log);
        if (!names) return new LanguageGazetteers(full, [], []);
        var withoutFold = new Annotation.Entities.Gazetteer[folds];
        for (var fold = 0; fold < folds; fold++)
            withoutFold[fold] = NerTrainer.BuildGazetteer(entries.Where(e => e.Fold != fold).Select(e => (e.List, e.Tokens)), listNames, TextWriter.Null);
        return new LanguageGazetteers(full, withoutFold, foldOf);
    }

    /// <summary>The dictionary word list of a language (embedded <c>NerWordLists/LANG.tsv.gz</c>, built by scripts/build-ner-wordlists.py), or none.</summary>
    public static IReadOnlyList<(string Word, string Kind)> DictionaryWords(string language)
    {
        using var stream = typeof(LanguageGazetteers).Assembly.GetManifestResourceStream($"Crosscheck.Training.NerWordLists.{language}.tsv.gz");
        if (stream is null) return [];
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var words = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0) words.Add((line[..tab], line[(tab + 1)..]));
        }
        return words;
    }
}
