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
    internal const int MaxNameTokens = 6;

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
        IReadOnlyList<(string List, string[] Tokens)> fixedEntries, TextWriter log, int folds = DefaultFolds, bool tokenLists = false)
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
        var words = tokenLists ? NameWordCounts.Count(sentences, foldOf, folds) : null;
        if (entries.Count == 0 && words is null) return None;
        var listNames = entries.Select(e => e.List).Concat(words is null ? [] : NameWordCounts.ListNames).Distinct().Order(StringComparer.Ordinal).ToList();
        var full = NerTrainer.BuildGazetteer(entries.Select(e => (e.List, e.Tokens)).Concat(words?.Entries(-1) ?? []), listNames, log);
        if (!names && words is null) return new LanguageGazetteers(full, [], []);
        var withoutFold = new Annotation.Entities.Gazetteer[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            withoutFold[fold] = NerTrainer.BuildGazetteer(entries.Where(e => e.Fold != fold).Select(e => (e.List, e.Tokens)).Concat(words?.Entries(fold) ?? []),
                listNames, TextWriter.Null);
        }
        return new LanguageGazetteers(full, withoutFold, foldOf);
    }

    /// <summary>
    /// How often each word (lower case) occurs in the training text, and how often inside a name of each type, per fold:
    /// the single words of names as lists ("name-word:PER:mostly" for a word inside a person's name in at least half of
    /// its occurrences, ":sometimes" for less). A phrase list hits only the whole name, but a later mention often
    /// repeats part of it ("Schröder" after "Gerhard Schröder"), and in German, where every noun is capitalised, the
    /// capital letter does not tell the name's words from common nouns; how often the word stood in a name does.
    /// </summary>
    private sealed class NameWordCounts
    {
        private const double Mostly = 0.5;

        private readonly Dictionary<string, int[]>[] _perFold;

        private NameWordCounts(Dictionary<string, int[]>[] perFold) => _perFold = perFold;

        /// <summary>The lists' names: two per entity type.</summary>
        public static IEnumerable<string> ListNames =>
            Annotation.Entities.Bilou.TypeNames.SelectMany(type => new[] { $"name-word:{type}:mostly", $"name-word:{type}:sometimes" });

        /// <summary>Counts every word with a letter: slot 0 its occurrences, slot 1 + type those inside a name of that type.</summary>
        public static NameWordCounts Count(IReadOnlyList<ConllSentence> sentences, Dictionary<int, int> foldOf, int folds)
        {
            var perFold = new Dictionary<string, int[]>[folds];
            for (var f = 0; f < folds; f++) perFold[f] = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var sentence in sentences)
            {
                var counts = perFold[foldOf[sentence.Document]];
                var typeAt = new int[sentence.Tokens.Length];
                Array.Fill(typeAt, -1);
                foreach (var (start, end, type) in sentence.Entities(ConllCorpus.ConllType))
                    if (type >= 0) Array.Fill(typeAt, type, start, end - start);
                for (var i = 0; i < sentence.Tokens.Length; i++)
                {
                    var token = sentence.Tokens[i];
                    if (!token.Any(char.IsLetter)) continue;
                    var key = token.ToLowerInvariant();
                    if (!counts.TryGetValue(key, out var row)) counts[key] = row = new int[1 + Annotation.Entities.Bilou.TypeCount];
                    row[0]++;
                    if (typeAt[i] >= 0) row[1 + typeAt[i]]++;
                }
            }
            return new NameWordCounts(perFold);
        }

        /// <summary>The list entries from every fold but <paramref name="leftOut"/> (-1: from all).</summary>
        public IEnumerable<(string List, string[] Tokens)> Entries(int leftOut)
        {
            var total = new Dictionary<string, int[]>(StringComparer.Ordinal);
            for (var f = 0; f < _perFold.Length; f++)
            {
                if (f == leftOut) continue;
                foreach (var (word, row) in _perFold[f])
                {
                    if (!total.TryGetValue(word, out var sum)) total[word] = sum = new int[row.Length];
                    for (var k = 0; k < row.Length; k++) sum[k] += row[k];
                }
            }
            foreach (var (word, row) in total)
            {
                for (var type = 0; type < row.Length - 1; type++)
                {
                    if (row[1 + type] == 0) continue;
                    var share = (double)row[1 + type] / row[0];
                    yield return ($"name-word:{Annotation.Entities.Bilou.TypeNames[type]}:{(share >= Mostly ? "mostly" : "sometimes")}", [word]);
                }
            }
        }
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
