using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Crosscheck.Annotation.Words;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// A learned cue detector for the words the cue table does not list (<see cref="AttributionRule.LearnedCue"/>): stances,
/// intentions and deeds PolNeAR annotates as attributions ("Doe opposes the plan", "the group has long argued ...",
/// "voters favour ..."). A logistic model over the word, its stem and suffix, its neighbours and what follows it (a
/// "that"-clause, a quote, a name) scores a word; only words whose stem headed an annotated cue in training, and came near a cue
/// when the model was fitted, are scored at all (<see cref="Stems"/>), which keeps the model's reach to verbs it has seen and its cost to a set lookup for
/// every other word. Trained by `crosscheck train attribution-cues` (models/attribution/MODEL_CARD.md).
/// </summary>
public sealed class LearnedCueModel
{
    /// <summary>The shipped model (models/attribution/cues.model.gz, embedded), loaded on first use; null when none is built in.</summary>
    public static LearnedCueModel? Shipped => ShippedModel.Value;

    private const string Resource = "Crosscheck.Annotation.Quotes.cues.model.gz";

    private static readonly Lazy<LearnedCueModel?> ShippedModel = new(() =>
    {
        using var stream = typeof(LearnedCueModel).Assembly.GetManifestResourceStream(Resource);
        return stream is null ? null : Load(stream);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, float> _weights;

    /// <summary>The weights by their feature's hash (<see cref="CueFeatureHash"/>): what scoring reads, so that it builds no feature string.</summary>
    private readonly FrozenDictionary<ulong, float> _weightsByHash;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    public LearnedCueModel(IReadOnlyDictionary<string, float> weights, float bias, IEnumerable<string> stems, double threshold)
    {
        _weights = weights.ToFrozenDictionary(StringComparer.Ordinal);
        var byHash = new Dictionary<ulong, float>(_weights.Count);
        foreach (var (feature, weight) in _weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            // Two features of one hash: the first (in ordinal order) keeps its weight, the other's is lost; counted, never silent.
            if (!byHash.TryAdd(CueFeatureHash.Of(feature), weight)) HashCollisions++;
        }
        _weightsByHash = byHash.ToFrozenDictionary();
        Bias = bias;
        Stems = stems.ToFrozenSet(StringComparer.Ordinal);
        _stemLookup = Stems.GetAlternateLookup<ReadOnlySpan<char>>();
        Threshold = threshold;
    }

    /// <summary>
    /// The stems (<see cref="CueFeatures.StemOf"/>) of the words that headed an annotated cue in training and that the fitted model
    /// scored near a cue at least once there (the trainer's stem margin): the only words scored.
    /// </summary>
    public FrozenSet<string> Stems { get; }

    public float Bias { get; }

    /// <summary>The probability from which a word is taken for a cue (chosen by cross-validation inside the training folds).</summary>
    public double Threshold { get; }

    public int WeightCount => _weights.Count;

    /// <summary>How many of the model's features share a hash with another (their weights are lost); 0 for the shipped model.</summary>
    public int HashCollisions { get; }

    /// <summary>The same model deciding at another probability (to measure a threshold: `eval attribution --cue-threshold`).</summary>
    public LearnedCueModel WithThreshold(double threshold) => new(_weights, Bias, Stems, threshold);

    /// <summary>Whether the word at <paramref name="i"/> may be scored: a lowercase word of the cue stems the model learned.</summary>
    internal bool MayScore(string text, List<Scanned> tokens, int i, QuoteLexicon lexicon) =>
        CueFeatures.IsCandidateWord(text, tokens[i], lexicon) && _stemLookup.Contains(CueFeatures.Stem(tokens[i].Of(text), stackalloc char[CueFeatures.MaxStemChars]));

    /// <summary>The probability that the word at <paramref name="i"/> is a cue (call only where <see cref="MayScore"/> holds).</summary>
    internal double Probability(string text, List<Scanned> tokens, int i, CueFeatures.SentenceFacts sentence, QuoteLexicon lexicon)
    {
        var score = new CueFeatureScore(_weightsByHash, Bias);
        CueFeatures.Add(ref score, text, tokens, i, sentence, lexicon);
        return Logistic(score.Score);
    }

    /// <summary>The probability of a word with these features, looked up by their hashes as in scoring.</summary>
    public double Probability(IEnumerable<string> features)
    {
        double score = Bias;
        foreach (var feature in features)
        {
            if (_weightsByHash.TryGetValue(CueFeatureHash.Of(feature), out var weight)) score += weight;
        }
        return Logistic(score);
    }

    private static double Logistic(double score) => 1 / (1 + Math.Exp(-score));

    /// <summary>Writes the model as gzip-compressed lines: the threshold, the bias, the stems, then one weight per feature.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold\t{Threshold:R}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bias\t{Bias:R}"));
        foreach (var stem in Stems.Order(StringComparer.Ordinal)) writer.WriteLine($"stem\t{stem}");
        foreach (var (feature, weight) in _weights.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"w\t{feature}\t{weight:R}"));
        }
    }

    public static LearnedCueModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        double threshold = 0.5;
        float bias = 0;
        var stems = new List<string>();
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "threshold": threshold = double.Parse(fields[1], CultureInfo.InvariantCulture); break;
                case "bias": bias = float.Parse(fields[1], CultureInfo.InvariantCulture); break;
                case "stem": stems.Add(fields[1]); break;
                case "w": weights[fields[1]] = float.Parse(fields[2], CultureInfo.InvariantCulture); break;
                default: throw new InvalidDataException($"cue model: unknown line kind '{fields[0]}'");
            }
        }
        return new LearnedCueModel(weights, bias, stems, threshold);
    }
}

/// <summary>
/// Receives the features of one word as a template ("w=", "p1w=") and the text after it, so that the trainer can keep each
/// feature as a string (<see cref="CueFeatureStrings"/>) while the recogniser hashes the same characters in place and builds no
/// string at all (<see cref="CueFeatureScore"/>).
/// </summary>
internal interface ICueFeatureSink
{
    /// <summary>The feature written <paramref name="template"/> followed by <paramref name="value"/>.</summary>
    void Add(string template, ReadOnlySpan<char> value);

    /// <summary>The feature written <paramref name="template"/>, <paramref name="first"/>, "|" and <paramref name="second"/>.</summary>
    void Add(string template, ReadOnlySpan<char> first, ReadOnlySpan<char> second);
}

/// <summary>Collects a word's features as strings (training, and reading what a word was scored on).</summary>
internal readonly struct CueFeatureStrings(List<string> features) : ICueFeatureSink
{
    public void Add(string template, ReadOnlySpan<char> value) => features.Add(string.Concat(template, value));

    public void Add(string template, ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        features.Add(string.Concat(template, first, CueFeatureHash.PairSeparator, second));
}

/// <summary>Sums the weights of a word's features by their hashes (<see cref="CueFeatureHash"/>), with no string built.</summary>
internal struct CueFeatureScore(FrozenDictionary<ulong, float> weights, float bias) : ICueFeatureSink
{
    public double Score { get; private set; } = bias;

    public void Add(string template, ReadOnlySpan<char> value) => AddWeightOf(CueFeatureHash.Of(template, value));

    public void Add(string template, ReadOnlySpan<char> first, ReadOnlySpan<char> second) => AddWeightOf(CueFeatureHash.Of(template, first, second));

    private void AddWeightOf(ulong hash)
    {
        if (weights.TryGetValue(hash, out var weight)) Score += weight;
    }
}

/// <summary>
/// A 64-bit hash of a feature's characters (FNV-1a over UTF-16 code units, then a final mix), computed the same over a whole
/// feature string (the model file's keys, hashed once on load) and over its parts in place (a template, then the word's span):
/// <c>Of("w=", "resents") == Of("w=resents")</c>. Two of the model's features with one hash would share a weight; the model counts
/// them when it loads (<see cref="LearnedCueModel.HashCollisions"/>).
/// </summary>
internal static class CueFeatureHash
{
    public const string PairSeparator = "|";

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> feature) => Finish(Step(Offset, feature));

    public static ulong Of(string template, ReadOnlySpan<char> value) => Finish(Step(Step(Offset, template), value));

    public static ulong Of(string template, ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        Finish(Step(Step(Step(Step(Offset, template), first), PairSeparator), second));

    private static ulong Step(ulong hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash ^= c;
            hash *= Prime;
        }
        return hash;
    }

    // FNV's low bits mix poorly for short keys; the table buckets on them (the final mix of MurmurHash3).
    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }
}

/// <summary>The features <see cref="LearnedCueModel"/> reads of a word, shared by the recogniser and the trainer so both see the same.</summary>
internal static class CueFeatures
{
    public const int MaxStemChars = 64;

    /// <summary>About how many features one word has (a list's starting size).</summary>
    public const int Typical = 32;

    /// <summary>Words up to this long are lower-cased on the stack; longer ones (rare: URLs, run-together text) get an array.</summary>
    private const int MaxStackWordChars = 64;

    private static readonly string[] Quarters = ["0", "1", "2", "3"];

    /// <summary>
    /// A word the cue table does not list and no name holds: lowercase, two letters or more. Capitalised words are names or
    /// sentence openers, where an unlisted cue is rare.
    /// </summary>
    public static bool IsCandidateWord(string text, Scanned token, QuoteLexicon lexicon) =>
        token.Kind == ScanKind.Word && token.Length >= 2 && char.IsLower(text[token.Start]) && !lexicon.CueFirstLookup.Contains(token.Of(text));

    /// <summary>
    /// A crude stem that puts a verb's forms together: lower case, then "-ing", "-ed", "-es" or "-s" and a final "e" cut
    /// while three letters are left ("argued", "argues", "arguing" → "argu"). Written into <paramref name="buffer"/>.
    /// </summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var length = Math.Min(word.Length, buffer.Length);
        for (var i = 0; i < length; i++) buffer[i] = char.ToLowerInvariant(word[i]);
        var stem = buffer[..length];
        foreach (var ending in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (stem.Length - ending.Length >= 3 && stem.EndsWith(ending, StringComparison.Ordinal))
            {
                stem = stem[..^ending.Length];
                break;
            }
        }
        if (stem.Length > 3 && stem[^1] == 'e') stem = stem[..^1];
        return stem;
    }

    public static string StemOf(ReadOnlySpan<char> word) => Stem(word, stackalloc char[MaxStemChars]).ToString();

    /// <summary>The features of the word at <paramref name="i"/> of a sentence's scanned words, as strings.</summary>
    public static void Add(List<string> features, string text, List<Scanned> tokens, int i, SentenceFacts sentence, QuoteLexicon lexicon)
    {
        var sink = new CueFeatureStrings(features);
        Add(ref sink, text, tokens, i, sentence, lexicon);
    }

    /// <summary>
    /// The features of the word at <paramref name="i"/>, given to <paramref name="sink"/>. Words are lower-cased into stack buffers
    /// and every feature is handed over as spans, so scoring a word allocates nothing.
    /// </summary>
    public static void Add<TSink>(ref TSink sink, string text, List<Scanned> tokens, int i, SentenceFacts sentence, QuoteLexicon lexicon)
        where TSink : struct, ICueFeatureSink
    {
        var word = Lower(text, tokens[i], stackalloc char[MaxStackWordChars]);
        sink.Add("w=", word);
        sink.Add("st=", Stem(word, stackalloc char[MaxStemChars]));
        sink.Add("s3=", word[Math.Max(0, word.Length - 3)..]);
        sink.Add("s2=", word[Math.Max(0, word.Length - 2)..]);
        var previous = i > 0 ? Lower(text, tokens[i - 1], stackalloc char[MaxStackWordChars]) : "<s>";
        var next = i + 1 < tokens.Count ? Lower(text, tokens[i + 1], stackalloc char[MaxStackWordChars]) : "</s>";
        sink.Add("p1=", previous);
        sink.Add("p2=", i > 1 ? Lower(text, tokens[i - 2], stackalloc char[MaxStackWordChars]) : "<s>");
        sink.Add("n1=", next);
        sink.Add("n2=", i + 2 < tokens.Count ? Lower(text, tokens[i + 2], stackalloc char[MaxStackWordChars]) : "</s>");
        sink.Add("p1w=", previous, word);
        sink.Add("wn1=", word, next);
        // Each neighbour's kind is read once (a word before the sentence's start is "start", after its end "end").
        var before1 = KindBefore(text, tokens, i - 1, lexicon);
        var after1 = KindAfter(text, tokens, i + 1, lexicon);
        var after2 = KindAfter(text, tokens, i + 2, lexicon);
        sink.Add("p1k=", before1);
        sink.Add("n1k=", after1);
        sink.Add("n2k=", after2);
        sink.Add("pos=", i == 0 ? "first" : Quarters[i * 4 / tokens.Count]);
        // What the reported words often open with a few words on: "that", a quote, "to" (an intention), a colon.
        AddAhead(ref sink, after1);
        AddAhead(ref sink, after2);
        AddAhead(ref sink, KindAfter(text, tokens, i + 3, lexicon));
        AddAhead(ref sink, KindAfter(text, tokens, i + 4, lexicon));
        // Who could speak: a pronoun, a name or a role noun a few words before.
        AddBehind(ref sink, before1);
        AddBehind(ref sink, KindBefore(text, tokens, i - 2, lexicon));
        AddBehind(ref sink, KindBefore(text, tokens, i - 3, lexicon));
        AddBehind(ref sink, KindBefore(text, tokens, i - 4, lexicon));
        if (sentence.HasQuote) sink.Add("sentence-quote", []);
        if (sentence.HasCue) sink.Add("sentence-cue", []);
    }

    private static void AddAhead<TSink>(ref TSink sink, string kind) where TSink : struct, ICueFeatureSink
    {
        if (kind is "that" or "quote" or "to" or "colon") sink.Add("ahead=", kind);
    }

    private static void AddBehind<TSink>(ref TSink sink, string kind) where TSink : struct, ICueFeatureSink
    {
        if (kind is "pron" or "cap" or "role") sink.Add("behind=", kind);
    }

    /// <summary>What a sentence holds that every word of it reads as a feature, found once per sentence.</summary>
    public readonly record struct SentenceFacts(bool HasQuote, bool HasCue)
    {
        public static SentenceFacts Of(string text, List<Scanned> tokens, QuoteLexicon lexicon)
        {
            var hasQuote = false;
            var hasCue = false;
            foreach (var token in tokens)
            {
                var span = token.Of(text);
                hasQuote |= span.Length == 1 && QuoteMarks.IsQuoteChar(span[0]);
                hasCue |= token.Kind == ScanKind.Word && lexicon.CueFirstLookup.Contains(span);
            }
            return new SentenceFacts(hasQuote, hasCue);
        }
    }

    /// <summary>The word lower-cased as <see cref="string.ToLowerInvariant()"/> would, into <paramref name="buffer"/> when it fits.</summary>
    private static ReadOnlySpan<char> Lower(string text, Scanned token, Span<char> buffer)
    {
        var word = token.Of(text);
        if (word.Length > buffer.Length) buffer = new char[word.Length];
        return buffer[..word.ToLowerInvariant(buffer)];
    }

    private static string KindBefore(string text, List<Scanned> tokens, int j, QuoteLexicon lexicon)
    {
        if (j < 0) return "start";
        var token = tokens[j];
        var word = token.Of(text);
        if (token.Kind == ScanKind.Number) return "num";
        if (token.Kind == ScanKind.Punct) return word is "," ? "comma" : QuoteMarks.IsQuoteChar(word[0]) ? "quote" : "punct";
        var classes = ClassesOf(word, lexicon);
        if ((classes & NeighbourClass.Pronoun) != 0) return "pron";
        if (token.IsCapitalized(text)) return "cap";
        if ((classes & NeighbourClass.RoleOrSource) != 0) return "role";
        if ((classes & NeighbourClass.SubjectSkip) != 0) return "skip";
        if ((classes & NeighbourClass.Determiner) != 0) return "det";
        return (classes & NeighbourClass.Preposition) != 0 ? "prep" : "word";
    }

    private static string KindAfter(string text, List<Scanned> tokens, int j, QuoteLexicon lexicon)
    {
        if (j >= tokens.Count) return "end";
        var token = tokens[j];
        var word = token.Of(text);
        if (token.Kind == ScanKind.Number) return "num";
        if (token.Kind == ScanKind.Punct) return word is "," ? "comma" : word is ":" ? "colon" : QuoteMarks.IsQuoteChar(word[0]) ? "quote" : "punct";
        if (word.Equals("that", StringComparison.OrdinalIgnoreCase)) return "that";
        if (word.Equals("to", StringComparison.OrdinalIgnoreCase)) return "to";
        var classes = ClassesOf(word, lexicon);
        if ((classes & NeighbourClass.Pronoun) != 0) return "pron";
        if (token.IsCapitalized(text)) return "cap";
        if ((classes & NeighbourClass.Determiner) != 0) return "det";
        return (classes & NeighbourClass.Preposition) != 0 ? "prep" : "word";
    }

    private static NeighbourClass ClassesOf(ReadOnlySpan<char> word, QuoteLexicon lexicon) =>
        lexicon.NeighbourClassLookup.TryGetValue(word, out var classes) ? classes : NeighbourClass.None;
}
