using System.Diagnostics;
using System.Text;
using Crosscheck.Annotation.Entities;
using Crosscheck.Annotation.Sentences;
using Crosscheck.Annotation.Tokens;
using Crosscheck.Core.Model;

namespace Crosscheck.Evaluation.Entities;

/// <summary>Entity-level counts for one type or overall.</summary>
public readonly record struct EntityScore(int Correct, int Found, int Gold)
{
    public double Precision => Found == 0 ? 0 : (double)Correct / Found;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => PrecisionRecall.F1(Precision, Recall);
}

/// <summary>One entity type's counts, by the type's name (LOC, MISC, ORG, PER).</summary>
public sealed record EntityTypeScore(string Type, EntityScore Score);

/// <summary>Throughput of the full stage stack (sentences, tokens, entities) over the detokenised documents, one thread, warm.</summary>
public sealed record FullStackThroughput(long Tokens, double WallSeconds, double CpuSeconds)
{
    public double TokensPerSecond => Tokens / WallSeconds;

    public double TokensPerCpuSecond => Tokens / CpuSeconds;
}

/// <summary>
/// The figures of one NER evaluation: entity-level counts overall and per type (sorted by type name),
/// token accuracy, timings, and the file's sentences with the predicted IOB2 tags of each.
/// </summary>
public sealed record NerEvaluation(
    int Tokens,
    int CorrectTokens,
    EntityScore Overall,
    IReadOnlyList<EntityTypeScore> PerType,
    double ModelLoadSeconds,
    double TaggingTokensPerSecond,
    FullStackThroughput FullStack,
    IReadOnlyList<ConllSentence> Sentences,
    IReadOnlyList<string[]> Predictions)
{
    /// <summary>The language the file was tagged as (ISO 639-1; null = English, the default).</summary>
    public string? Language { get; init; }

    /// <summary>Whether the tagger had a model for the language (false: the capitalised-name fallback was scored).</summary>
    public bool ModelForLanguage { get; init; } = true;

    /// <summary>When the file is also training data (a split validation file), how many of its sentences the held-out part scored kept; null = the whole file.</summary>
    public (int HeldOut, int All)? HeldOutPart { get; init; }

    /// <summary>Types the file never annotates (WikiANN has no MISC): left out of the scores, since the file cannot say whether such a mention is right.</summary>
    public IReadOnlyList<string> UnscoredTypes { get; init; } = [];

    public double TokenAccuracy => Tokens == 0 ? 0 : (double)CorrectTokens / Tokens;
}

/// <summary>
/// Scores the tagger on a CoNLL file the conlleval way: a predicted entity counts only when its type and
/// both boundaries match a gold entity. Tokens are the file's own; the full stage stack (sentences, tokens,
/// tagger) is also timed over the detokenised text for a throughput figure that includes tokenization.
/// </summary>
public static class NerEvaluator
{
    /// <summary>
    /// Scores a model file (null = the shipped model of <paramref name="language"/>) with tagger options (null =
    /// defaults) on a CoNLL file in that language (ISO 639-1; null = English). A validation file that is also
    /// training data (<see cref="MultilingualNerData.IsSplitValidationFile"/>) is scored on its held-out part only,
    /// and types the file never annotates are left out of the scores.
    /// Throws <see cref="EvaluationDataException"/> when the file is missing or holds no sentences.
    /// </summary>
    public static NerEvaluation Evaluate(string conllFile, string? modelPath = null, EntityTaggerOptions? options = null, string? language = null)
    {
        if (!File.Exists(conllFile))
            throw new EvaluationDataException($"'{conllFile}' does not exist; give a CoNLL file (token ... tag per line).");
        var loadClock = Stopwatch.StartNew();
        var tagger = modelPath is null ? EntityTagger.LoadDefault(options) : EntityTagger.Load(modelPath, options);
        var hasModel = tagger.HasModelFor(language);
        var loadSeconds = loadClock.Elapsed.TotalSeconds;
        var sentences = ConllCorpus.Read(conllFile);
        if (sentences.Count == 0) throw new EvaluationDataException($"'{conllFile}' holds no sentences.");
        CheckTags(conllFile, sentences);
        (int, int)? heldOutPart = null;
        if (MultilingualNerData.IsSplitValidationFile(conllFile))
        {
            var all = sentences.Count;
            sentences = MultilingualNerData.Split(sentences).HeldOut;
            heldOutPart = (sentences.Count, all);
        }
        var annotated = AnnotatedTypes(sentences);
        var predictions = new List<string[]>();
        var perType = Score(tagger, sentences, predictions, out var seconds, language, annotated);
        var overall = new EntityScore(perType.Sum(s => s.Correct), perType.Sum(s => s.Found), perType.Sum(s => s.Gold));
        var tokens = sentences.Sum(s => s.Tokens.Length);
        var correctTokens = 0;
        for (var i = 0; i < sentences.Count; i++)
            for (var k = 0; k < sentences[i].Tokens.Length; k++)
                if (SameLabel(sentences[i].Tags[k], predictions[i][k])) correctTokens++;
        var byType = Enumerable.Range(0, Bilou.TypeCount)
            .Where(t => annotated[t])
            .OrderBy(t => Bilou.TypeNames[t], StringComparer.Ordinal)
            .Select(t => new EntityTypeScore(Bilou.TypeNames[t], perType[t]))
            .ToList();
        var fullStack = TimeFullStack(tagger, sentences, language);
        return new NerEvaluation(tokens, correctTokens, overall, byType, loadSeconds, tokens / seconds, fullStack, sentences, predictions)
        {
            Language = language,
            ModelForLanguage = hasModel,
            HeldOutPart = heldOutPart,
            UnscoredTypes = [.. Enumerable.Range(0, Bilou.TypeCount).Where(t => !annotated[t]).Select(t => Bilou.TypeNames[t])],
        };
    }

    /// <summary>Which of the tagger's types the sentences annotate at least once.</summary>
    public static bool[] AnnotatedTypes(IEnumerable<ConllSentence> sentences)
    {
        var annotated = new bool[Bilou.TypeCount];
        foreach (var sentence in sentences)
            foreach (var (_, _, type) in sentence.Entities(ConllCorpus.ConllType)) annotated[type] = true;
        return annotated;
    }

    /// <summary>Writes `token gold predicted` per line, a blank line after each sentence (the conlleval input).</summary>
    public static void WritePredictions(NerEvaluation evaluation, string path)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        WritePredictions(evaluation.Sentences, evaluation.Predictions, path);
    }

    /// <summary>Writes `token gold predicted` per line for sentences and their predicted tags, a blank line after each sentence.</summary>
    public static void WritePredictions(IReadOnlyList<ConllSentence> sentences, IReadOnlyList<string[]> predictions, string path)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(predictions);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            for (var k = 0; k < sentence.Tokens.Length; k++)
                writer.WriteLine($"{sentence.Tokens[k]} {sentence.Tags[k]} {predictions[i][k]}");
            writer.WriteLine();
        }
    }

    /// <summary>Only the entity type and whether a token is inside an entity matter for token accuracy.</summary>
    private static bool SameLabel(string gold, string predicted) =>
        gold == predicted || (gold.Length > 2 && predicted.Length > 2 && gold[2..] == predicted[2..] && gold[0] == predicted[0]);

    internal static EntityScore Score(NerModel model, List<ConllSentence> sentences, List<string[]>? predictions, out double seconds)
    {
        var perType = Score(new EntityTagger(model), sentences, predictions, out seconds, annotated: AnnotatedTypes(sentences));
        return new EntityScore(perType.Sum(s => s.Correct), perType.Sum(s => s.Found), perType.Sum(s => s.Gold));
    }

    /// <summary>
    /// Per-type scores (indexed by the tagger's type number) of the sentences tagged as <paramref name="language"/>
    /// (null = English); <paramref name="predictions"/> receives IOB2 tags per sentence when given. Types not in
    /// <paramref name="annotated"/> (null = all) are neither counted nor written.
    /// </summary>
    public static EntityScore[] Score(EntityTagger tagger, List<ConllSentence> sentences, List<string[]>? predictions, out double seconds,
        string? language = null, bool[]? annotated = null)
    {
        var correct = new int[Bilou.TypeCount];
        var found = new int[Bilou.TypeCount];
        var gold = new int[Bilou.TypeCount];
        var clock = new Stopwatch();
        foreach (var document in sentences.GroupBy(s => s.Document))
        {
            var members = document.ToList();
            var builder = new StringBuilder();
            var spans = new List<TextSpan[]>(members.Count);
            foreach (var sentence in members)
            {
                var (text, tokenSpans) = sentence.AsText();
                var offset = builder.Length;
                spans.Add(Array.ConvertAll(tokenSpans, t => new TextSpan(t.Start + offset, t.Length)));
                builder.Append(text).Append('\n');
            }
            var documentText = builder.ToString();
            clock.Start();
            var mentions = tagger.TagTokens(documentText, spans, language);
            clock.Stop();
            var predicted = members.Select(m => new List<(int, int, int)>()).ToList();
            foreach (var m in mentions)
                if (annotated is null || annotated[m.Type]) predicted[m.Sentence].Add((m.Start, m.End, m.Type));
            for (var s = 0; s < members.Count; s++)
            {
                var goldChunks = members[s].Entities(ConllCorpus.ConllType);
                foreach (var (_, _, type) in goldChunks) gold[type]++;
                foreach (var (start, end, type) in predicted[s])
                {
                    found[type]++;
                    if (goldChunks.Contains((start, end, type))) correct[type]++;
                }
                if (predictions is null) continue;
                var tags = Enumerable.Repeat("O", members[s].Tokens.Length).ToArray();
                foreach (var (start, end, type) in predicted[s])
                    for (var k = start; k < end; k++) tags[k] = (k == start ? "B-" : "I-") + Bilou.TypeNames[type];
                predictions.Add(tags);
            }
        }
        seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        return [.. Enumerable.Range(0, Bilou.TypeCount).Select(t => new EntityScore(correct[t], found[t], gold[t]))];
    }

    /// <summary>
    /// Runs the real stages over the detokenised documents: the throughput a user sees. One untimed pass
    /// first lets the JIT finish; CPU time is reported beside wall-clock time because on a shared machine
    /// wall-clock time measures the neighbours as much as the code.
    /// </summary>
    private static FullStackThroughput TimeFullStack(EntityTagger tagger, List<ConllSentence> sentences, string? language)
    {
        var documents = sentences.GroupBy(s => s.Document)
            .Select(d => string.Join("\n\n", d.Select(s => string.Join(' ', s.Tokens)))).ToList();
        var splitter = new SentenceSplitter();
        var tokenizer = new Tokenizer();
        long Pass()
        {
            long tokens = 0;
            var index = 0;
            foreach (var text in documents)
            {
                var document = new Document(new Article { Id = $"eval-{index++}", Source = "eval", Body = text, Language = language });
                splitter.Process(document);
                tokenizer.Process(document);
                tagger.Process(document);
                tokens += document.Tokens.Length;
            }
            return tokens;
        }
        Pass();
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var counted = Pass();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        return new FullStackThroughput(counted, Math.Max(wall, 1e-9), Math.Max(cpu, 1e-9));
    }

    /// <summary>
    /// Throws unless every tag is an entity tag (O, or a prefix B/I/E/S/L/U, a dash and a type) and at least one names an entity:
    /// a file of another shape (JSON, plain text, binary) was read as tokens tagged O, or by their last word, and scored as nothing.
    /// </summary>
    private static void CheckTags(string conllFile, List<ConllSentence> sentences)
    {
        const string Fix = "give a CoNLL file: a token and its tag per line (the tag last, as O, B-PER, I-LOC…), a blank line between sentences";
        var entities = false;
        for (var s = 0; s < sentences.Count; s++)
        {
            var (tokens, tags) = (sentences[s].Tokens, sentences[s].Tags);
            for (var t = 0; t < tags.Length; t++)
            {
                var tag = tags[t];
                if (tag == "O") continue;
                if (tag.Length < 3 || tag[1] != '-' || "BIESLU".IndexOf(tag[0], StringComparison.Ordinal) < 0)
                    throw new EvaluationDataException($"'{conllFile}': sentence {s + 1}, token '{EvaluationFile.Clip(tokens[t])}' has the tag '{EvaluationFile.Clip(tag)}', which is not an entity tag; {Fix}");
                entities = true;
            }
        }
        if (!entities) throw new EvaluationDataException($"'{conllFile}' tags no entity (every token is O, or the lines have no tag), so there is nothing to score; {Fix}");
    }
}
