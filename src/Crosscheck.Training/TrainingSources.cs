using System.IO.Compression;
using Crosscheck.Evaluation.Entities;

namespace Crosscheck.Training;

/// <summary>
/// The extra corpora the trainer reads from the shared data folder (the folder holding <c>ner/</c>):
/// openly licensed annotated corpora for gazetteers, and any news text for word clusters. Missing
/// corpora are skipped with a log line, so training still works with CoNLL alone.
/// </summary>
internal static class TrainingSources
{
    /// <summary>The shared data root above a training file (the first ancestor holding a "ner" folder), or null.</summary>
    public static string? FindDataRoot(string trainFile)
    {
        for (var dir = new FileInfo(trainFile).Directory; dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "ner"))) return dir.FullName;
        return null;
    }

    /// <summary>The shared data root of a language model's corpora: the folder holding the multilingual NER folder, as it holds <c>ner/</c>.</summary>
    public static string DataRootOfMultilingual(string multilingualFolder) => Path.GetDirectoryName(Path.GetFullPath(multilingualFolder)) ?? ".";

    /// <summary>
    /// One openly licensed English corpus in CoNLL columns under <c>ner/</c>: a file, or a folder's files by pattern (in
    /// its subfolders too, in ordinal order); the subfolder its tagged names are read from where that is narrower than
    /// its text (re3d's names come from its per-source files only); its tag names as CoNLL's types; and whether the
    /// English model's gazetteer takes its names (WNUT-17's tags are not CoNLL's and never joined it).
    /// </summary>
    private sealed record OpenCorpus(string Name, string Location, string? Pattern, Func<string, int> ConllTypeOf, bool InEnglishGazetteer = true, string? NamesUnder = null)
    {
        /// <summary>The files whose words join the word clusters' text.</summary>
        public IEnumerable<string> TextFiles(string ner) => Files(Path.Combine(ner, Location));

        /// <summary>The files whose tagged names join a gazetteer.</summary>
        public IEnumerable<string> NameFiles(string ner) => Files(NamesUnder is null ? Path.Combine(ner, Location) : Path.Combine(ner, Location, NamesUnder));

        private IEnumerable<string> Files(string path) => Pattern is null ? [path] : FilesIn(path, Pattern);
    }

    /// <summary>
    /// The open English corpora besides GMB (read from its zip apart): wikigold (CC BY 4.0), WNUT-17's training split
    /// (its dev and test files are never read), the Broad Twitter Corpus (CC BY 4.0), re3d (open government and
    /// Wikipedia texts). The order is the word clusters' reading order (their clusters may depend on it) and keeps the
    /// English gazetteer's corpora in theirs (wikigold, BTC, re3d); the open names' lists do not depend on it (each
    /// phrase's lists are one bit set, the list names sorted).
    /// </summary>
    private static readonly OpenCorpus[] OpenCorpora =
    [
        new("wikigold", Path.Combine("wikigold", "CONLL-format", "data", "wikigold.conll.txt"), null, ConllCorpus.ConllType),
        new("wnut17", Path.Combine("wnut17", "wnut17train.conll"), null, Wnut17Type, InEnglishGazetteer: false),
        new("btc", "btc", "*.conll", ConllCorpus.ConllType),
        new("re3d", Path.Combine("re3d", "CONLL-format"), "*.conll", Re3dType, NamesUnder: "data-by-source"),
    ];

    /// <summary>Annotated entity phrases: (list name, tokens) from openly licensed corpora (CC BY 4.0 / public domain), each corpus's own types.</summary>
    public static IEnumerable<(string List, string[] Tokens)> GazetteerEntries(string dataRoot, TextWriter log)
    {
        var ner = Path.Combine(dataRoot, "ner");
        foreach (var corpus in OpenCorpora.Where(c => c.InEnglishGazetteer))
            foreach (var entry in EntriesFromConll(corpus.NameFiles(ner), corpus.Name, log)) yield return entry;
        foreach (var entry in GmbEntries(dataRoot, log)) yield return entry;
    }

    private static IEnumerable<(string, string[])> EntriesFromConll(IEnumerable<string> files, string corpus, TextWriter log)
    {
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                log.WriteLine($"gazetteer: {file} not found, skipped");
                continue;
            }
            foreach (var sentence in ConllCorpus.Read(file))
            {
                var names = new List<string>();
                foreach (var (start, end, type) in ConllCorpus.Chunks(sentence.Tags, name => RegisterType(names, name)))
                    if (end - start <= LanguageGazetteers.MaxNameTokens) yield return ($"{corpus}:{names[type]}", sentence.Tokens[start..end]);
            }
        }
    }

    private static int RegisterType(List<string> names, string name)
    {
        var index = names.IndexOf(name);
        if (index >= 0) return index;
        names.Add(name);
        return names.Count - 1;
    }

    /// <summary>GMB (Voice of America, public domain text): tags geo, gpe, per, org, art, eve, nat; time expressions skipped.</summary>
    private static IEnumerable<(string, string[])> GmbEntries(string dataRoot, TextWriter log)
    {
        foreach (var (tokens, tags) in GmbSentences(dataRoot, log))
        {
            foreach (var (start, end, type) in ConllCorpus.Chunks(tags, name => name == "tim" ? -1 : GmbTypes.IndexOf(name)))
                if (end - start <= LanguageGazetteers.MaxNameTokens) yield return ($"gmb:{GmbTypes[type]}", tokens[start..end]);
        }
    }

    private static readonly List<string> GmbTypes = ["geo", "gpe", "per", "org", "art", "eve", "nat"];

    private static IEnumerable<(string[] Tokens, string[] Tags)> GmbSentences(string dataRoot, TextWriter log)
    {
        var path = Path.Combine(dataRoot, "ner", "gmb-kaggle", "ner_dataset.csv.zip");
        if (!File.Exists(path))
        {
            log.WriteLine($"gmb: {path} not found, skipped");
            yield break;
        }
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.Entries[0].Open(), System.Text.Encoding.Latin1);
        reader.ReadLine();
        var tokens = new List<string>();
        var tags = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            // "Sentence: 12,word,POS,tag" — the word itself may contain a comma, the last two fields never do.
            var last = line.LastIndexOf(',');
            var second = last > 0 ? line.LastIndexOf(',', last - 1) : -1;
            var first = line.IndexOf(',');
            if (last < 0 || second <= first) continue;
            if (line.StartsWith("Sentence:", StringComparison.Ordinal) && tokens.Count > 0)
            {
                yield return ([.. tokens], [.. tags]);
                tokens.Clear();
                tags.Clear();
            }
            tokens.Add(line[(first + 1)..second]);
            tags.Add(line[(last + 1)..].Trim());
        }
        if (tokens.Count > 0) yield return ([.. tokens], [.. tags]);
    }

    /// <summary>
    /// Tokenised sentences of unlabelled text for word clusters: GMB/VOA news and the text of wikigold, re3d, the Broad
    /// Twitter Corpus and WNUT-17's training split. Never evaluation text: neither CoNLL valid, nor PolNeAR, nor ECB+, nor
    /// the SemEval-2022 similarity articles (the <c>eval similarity</c> data; models before 2026-12-05 read them), nor any
    /// dev or test split.
    /// </summary>
    public static IEnumerable<string[]> UnlabelledSentences(string dataRoot, TextWriter log)
    {
        foreach (var (tokens, _) in GmbSentences(dataRoot, log)) yield return tokens;
        var ner = Path.Combine(dataRoot, "ner");
        foreach (var file in OpenCorpora.SelectMany(c => c.TextFiles(ner)))
        {
            if (!File.Exists(file))
            {
                log.WriteLine($"clusters: {file} not found, skipped");
                continue;
            }
            foreach (var sentence in ConllCorpus.Read(file)) yield return sentence.Tokens;
        }
    }

    /// <summary>
    /// More unlabelled news text for the English word clusters: GUM's Wikinews articles and interviews (texts CC BY 2.5;
    /// GUM's WikiHow texts are non-commercial and its WikiVoyage texts are not news, so both stay out), one sentence of
    /// tokens per GUM sentence. PolNeAR's texts, train and dev alike, never join: the attribution evaluation reads them, and
    /// no evaluation text goes into a training input.
    /// </summary>
    public static IEnumerable<string[]> MoreNewsSentences(string dataRoot, TextWriter log)
    {
        var gum = Path.Combine(dataRoot, "ner", "gum", "CONLL-format", "data-by-corpustype");
        string[] gumFiles = [.. FilesIn(Path.Combine(gum, "news"), "*.tsv"), .. FilesIn(Path.Combine(gum, "interview"), "*.tsv")];
        if (gumFiles.Length == 0) log.WriteLine($"clusters: no GUM news in {gum}, skipped");
        foreach (var file in gumFiles)
            foreach (var sentence in ConllCorpus.Read(file)) yield return sentence.Tokens;
    }

    /// <summary>
    /// The names tagged in the training files of the other languages' corpora (never a validation file) and of English
    /// CoNLL-2003 (<c>ner/conll2003/train.txt</c> beside the multilingual folder), Latin script only, as lists by corpus
    /// family and type ("other-conll:ORG", "other-wikiann:PER"): a person's or a company's name is mostly written alike in
    /// the languages of one script, and international news names the same people and firms everywhere.
    /// </summary>
    public static IEnumerable<(string List, string[] Tokens)> OtherLanguageNames(string multilingualFolder, string language, TextWriter log)
    {
        var files = MultilingualNerData.All(multilingualFolder)
            .Where(c => !string.Equals(c.Language, language, StringComparison.OrdinalIgnoreCase) && c.TrainFile is not null)
            .Select(c => (Family: c.Name.Split('-')[0], File: c.TrainFile!))
            .ToList();
        var english = Path.Combine(DataRootOfMultilingual(multilingualFolder), "ner", "conll2003", "train.txt");
        if (!string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
        {
            if (File.Exists(english)) files.Add(("conll2003", english));
            else log.WriteLine($"gazetteer: {english} not found, skipped");
        }
        foreach (var (family, file) in files)
        {
            var list = family.StartsWith("conll", StringComparison.Ordinal) ? "other-conll" : $"other-{family}";
            var kept = 0;
            foreach (var sentence in ConllCorpus.Read(file))
            {
                foreach (var (start, end, type) in sentence.Entities(ConllCorpus.ConllType))
                {
                    if (LatinName(sentence.Tokens, start, end, type) is not { } tokens) continue;
                    kept++;
                    yield return ($"{list}:{Annotation.Entities.Bilou.TypeNames[type]}", tokens);
                }
            }
            log.WriteLine($"gazetteer: {kept:N0} names from {file}");
        }
    }

    /// <summary>
    /// The names tagged in the openly licensed English corpora beside the CoNLL data (<c>ner/</c>: GMB/VOA, wikigold, the
    /// Broad Twitter Corpus, WNUT-17's training split, re3d), mapped to the CoNLL types and kept as the lists
    /// "open:PER", "open:ORG", "open:LOC", "open:MISC" for a language model: a person's, a firm's or a place's name is
    /// mostly written alike in the Latin-script languages, and these corpora name other people and firms than CoNLL. A
    /// phrase is kept only if its first and last words are capitalised (re3d tags "the Iraqi ..." as a person) and every
    /// letter is Latin; GMB's person titles are cut off. GUM stays out: its mentions are every noun phrase that refers ("Over 900 asylum seekers"), not names.
    /// Never a dev or test split (WNUT-17's dev and test files are not read).
    /// </summary>
    public static IEnumerable<(string List, string[] Tokens)> OpenCorpusNames(string dataRoot, TextWriter log)
    {
        var ner = Path.Combine(dataRoot, "ner");
        foreach (var corpus in OpenCorpora)
        {
            var kept = 0;
            foreach (var file in corpus.NameFiles(ner))
            {
                if (!File.Exists(file))
                {
                    log.WriteLine($"gazetteer: {file} not found, skipped");
                    continue;
                }
                foreach (var sentence in ConllCorpus.Read(file))
                    foreach (var (start, end, type) in sentence.Entities(corpus.ConllTypeOf))
                        if (OpenName(sentence.Tokens, start, end, type) is { } entry)
                        {
                            kept++;
                            yield return entry;
                        }
            }
            log.WriteLine($"gazetteer: {kept:N0} open names from {corpus.Name}");
        }
        // GMB tags a person's title with the name ("President George Bush", "Mr. Annan", "Prime Minister"), CoNLL never
        // does: leading words the text also writes in lower case ("president", "prime"), and abbreviations, are cut off.
        // One reading of the zip gathers both the words written in lower case and the tagged names the cut applies to.
        var lowerCase = new HashSet<string>(StringComparer.Ordinal);
        var gmbNames = new List<(string[] Tokens, int Type)>();
        foreach (var (tokens, tags) in GmbSentences(dataRoot, log))
        {
            foreach (var token in tokens)
                if (token.Length > 0 && char.IsLower(token[0])) lowerCase.Add(token);
            foreach (var (start, end, type) in ConllCorpus.Chunks(tags, GmbConllType)) gmbNames.Add((tokens[start..end], type));
        }
        var fromGmb = 0;
        foreach (var (tokens, type) in gmbNames)
        {
            var start = 0;
            if (type == 0)
                while (start < tokens.Length && (tokens[start].EndsWith('.') || lowerCase.Contains(tokens[start].ToLowerInvariant()))) start++;
            if (start < tokens.Length && OpenName(tokens, start, tokens.Length, type) is { } entry)
            {
                fromGmb++;
                yield return entry;
            }
        }
        log.WriteLine($"gazetteer: {fromGmb:N0} open names from gmb");
    }

    private static (string List, string[] Tokens)? OpenName(string[] tokens, int start, int end, int type)
    {
        if (LatinName(tokens, start, end, type) is not { } name || !StartsCapitalised(name[0]) || !StartsCapitalised(name[^1])) return null;
        return ($"open:{Annotation.Entities.Bilou.TypeNames[type]}", name);
    }

    /// <summary>A tagged name's tokens when it may join a language model's lists: a known type, not longer than a gazetteer name, Latin script only.</summary>
    private static string[]? LatinName(string[] tokens, int start, int end, int type)
    {
        if (type < 0 || end - start > LanguageGazetteers.MaxNameTokens) return null;
        var name = tokens[start..end];
        return name.All(IsLatinScript) ? name : null;
    }

    private static bool StartsCapitalised(string token) => token.Length > 0 && char.IsUpper(token[0]);

    /// <summary>WNUT-17's types as CoNLL's: groups (bands, teams) and corporations are organisations, products and creative works MISC.</summary>
    private static int Wnut17Type(string name) => name switch
    {
        "person" => 0,
        "corporation" or "group" => 1,
        "location" => 2,
        "product" or "creative-work" => 3,
        _ => -1,
    };

    /// <summary>re3d's name types as CoNLL's (nationalities are MISC there); quantities, dates, weapons and the like are no names.</summary>
    private static int Re3dType(string name) => name switch
    {
        "Person" => 0,
        "Organisation" => 1,
        "Location" => 2,
        "Nationality" => 3,
        _ => -1,
    };

    /// <summary>GMB's types as CoNLL's: geo places, gpe mostly nationalities ("Iraqi", MISC in CoNLL), artefacts and events MISC; times and natural phenomena no names.</summary>
    private static int GmbConllType(string name) => name switch
    {
        "per" => 0,
        "org" => 1,
        "geo" => 2,
        "gpe" or "art" or "eve" => 3,
        _ => -1,
    };

    /// <summary>Whether every letter of a token is a Latin one (basic, Latin-1 and the Latin Extended blocks).</summary>
    private static bool IsLatinScript(string token) => token.All(c => !char.IsLetter(c) || c <= '\u024F');

    private static IEnumerable<string> FilesIn(string dir, string pattern) =>
        Directory.Exists(dir) ? Directory.GetFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
}
