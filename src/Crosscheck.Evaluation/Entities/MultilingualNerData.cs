namespace Crosscheck.Evaluation.Entities;

/// <summary>
/// The named-entity corpora in languages other than English (the shared folder <c>data/ner-multilingual</c>:
/// one folder per corpus and language, "conll2002-es", "wikiann-ru", "wikineural-fr", each holding
/// <c>val.txt</c> and, where the corpus has one, <c>train.txt</c>). Where a corpus has a training split the
/// validation file is only ever evaluated on; where it has none (WikiNEuRal) the validation file is cut, the
/// same way for the trainer and the evaluator, into a training part and a held-out part that only evaluation reads.
/// </summary>
public static class MultilingualNerData
{
    public const string FolderName = "ner-multilingual";

    public const string TrainFileName = "train.txt";
    public const string ValidationFileName = "val.txt";

    /// <summary>Consecutive documents (sentences, in these files) are held out in blocks, so neighbours from one article stay on one side.</summary>
    private const int BlockDocuments = 50;

    /// <summary>One block in this many is held out (a fifth of the file).</summary>
    private const int HeldOutEvery = 5;

    /// <summary>One corpus in one language: its folder, its training file (null when it has none) and its validation file.</summary>
    public sealed record Corpus(string Name, string Language, string? TrainFile, string ValidationFile)
    {
        /// <summary>True when the validation file is also training data, so only its held-out part may be evaluated on.</summary>
        public bool ValidationIsSplit => TrainFile is null;
    }

    /// <summary>The corpora for a language (ISO 639-1) under <paramref name="folder"/>, by folder name.</summary>
    public static IReadOnlyList<Corpus> For(string folder, string language) =>
        [.. All(folder).Where(c => string.Equals(c.Language, language, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Every corpus under <paramref name="folder"/> (folders named "corpus-language" that hold a validation file).</summary>
    public static IReadOnlyList<Corpus> All(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var corpora = new List<Corpus>();
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var dash = name.LastIndexOf('-');
            var validation = Path.Combine(dir, ValidationFileName);
            if (dash <= 0 || !File.Exists(validation)) continue;
            var train = Path.Combine(dir, TrainFileName);
            corpora.Add(new Corpus(name, name[(dash + 1)..], File.Exists(train) ? train : null, validation));
        }
        return corpora;
    }

    /// <summary>Whether a CoNLL file is the validation file of a corpus without a training split (and so partly training data).</summary>
    public static bool IsSplitValidationFile(string path) =>
        Path.GetFileName(path) == ValidationFileName
        && Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir
        && Path.GetFileName(Path.GetDirectoryName(dir)) == FolderName
        && !File.Exists(Path.Combine(dir, TrainFileName));

    /// <summary>Whether a sentence of a split validation file belongs to the held-out part (by its document's block).</summary>
    public static bool IsHeldOut(ConllSentence sentence) => sentence.Document / BlockDocuments % HeldOutEvery == HeldOutEvery - 1;

    /// <summary>The training part and the held-out part of a split validation file's sentences.</summary>
    public static (List<ConllSentence> Training, List<ConllSentence> HeldOut) Split(IReadOnlyList<ConllSentence> sentences)
    {
        var training = new List<ConllSentence>();
        var heldOut = new List<ConllSentence>();
        foreach (var sentence in sentences) (IsHeldOut(sentence) ? heldOut : training).Add(sentence);
        return (training, heldOut);
    }

    /// <summary>
    /// The training sentences of a language: every corpus's training file, and the training part of each
    /// validation file that is split. Never a validation file that has a training file beside it.
    /// </summary>
    public static List<ConllSentence> TrainingSentences(string folder, string language, TextWriter log) => TrainingSentences(For(folder, language), log);

    /// <summary>The training sentences of some corpora, as <see cref="TrainingSentences(string, string, TextWriter)"/>.</summary>
    public static List<ConllSentence> TrainingSentences(IEnumerable<Corpus> corpora, TextWriter log)
    {
        var sentences = new List<ConllSentence>();
        foreach (var corpus in corpora)
        {
            var read = corpus.TrainFile is { } train
                ? ConllCorpus.Read(train)
                : Split(ConllCorpus.Read(corpus.ValidationFile)).Training;
            var annotated = NerEvaluator.AnnotatedTypes(read);
            var unannotated = 0;
            for (var type = 0; type < annotated.Length; type++)
                if (!annotated[type]) unannotated |= 1 << type;
            log.WriteLine($"{corpus.Name}: {read.Count:N0} training sentences ({(corpus.TrainFile is null ? "training part of val.txt" : "train.txt")})"
                + (unannotated == 0 ? "" : $"; types never annotated: {string.Join(", ", Enumerable.Range(0, annotated.Length).Where(t => !annotated[t]).Select(t => Annotation.Entities.Bilou.TypeNames[t]))}"));
            // Documents are numbered per file; keep them apart across files.
            var documentBase = sentences.Count == 0 ? 0 : sentences[^1].Document + 1;
            sentences.AddRange(read.Select(s => s with { Document = s.Document + documentBase, UnannotatedTypes = unannotated }));
        }
        return sentences;
    }
}
