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
/// "that"-clause, a quote, a name) scores a word; only words whose stem headed an annotated cue in training are scored
/// at all (<see cref="Stems"/>), which keeps the model's reach to verbs it has seen and its cost to a set lookup for
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
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    public LearnedCueModel(IReadOnlyDictionary<string, float> weights, float bias, IEnumerable<string> stems, double threshold)
    {
        _weights = weights.ToFrozenDictionary(StringComparer.Ordinal);
        Bias = bias;
        Stems = stems.ToFrozenSet(StringComparer.Ordinal);
        _stemLookup = Stems.GetAlternateLookup<ReadOnlySpan<char>>();
        Threshold = threshold;
    }

    /// <summary>The stems (<see cref="CueFeatures.StemOf"/>) of the words that headed an annotated cue in training: the only words scored.</summary>
    public FrozenSet<string> Stems { get; }

    public float Bias { get; }

    /// <summary>The probability from which a word is taken for a cue (chosen by cross-validation inside the training folds).</summary>
    public double Threshold { get; }

    public int WeightCount => _weights.Count;

    /// <summary>The same model deciding at another probability (to measure a threshold: `eval attribution --cue-threshold`).</summary>
    public LearnedCueModel WithThreshold(double threshold) => new(_weights, Bias, Stems, threshold);

    /// <summary>Whether the word at <paramref name="i"/> may be scored: a lowercase word of the cue stems the model learned.</summary>
    internal bool MayScore(string text, List<Scanned> tokens, int i, QuoteLexicon lexicon) =>
        CueFeatures.IsCandidateWord(text, tokens[i], lexicon) && _stemLookup.Contains(CueFeatures.Stem(tokens[i].Of(text), stackalloc char[CueFeatures.MaxStemChars]));

    /// <summary>The probability that the word at <paramref name="i"/> is a cue (call only where <see cref="MayScore"/> holds).</summary>
    internal double Probability(string text, List<Scanned> tokens, int i, CueFeatures.SentenceFacts sentence, QuoteLexicon lexicon)
    {
        var features = new List<string>(CueFeatures.Typical);
        CueFeatures.Add(features, text, tokens, i, sentence, lexicon);
        return Probability(features);
    }

    public double Probability(IEnumerable<string> features)
    {
        double score = Bias;
        foreach (var feature in features)
        {
            if (_weights.TryGetValue(feature, out var weight)) score += weight;
        }
        return 1 / (1 + Math.Exp(-score));
    }

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

/// <summary>The features <see cref="LearnedCueModel"/> reads of a word, shared by the recogniser and the trainer so both see the same.</summary>
internal static class CueFeatures
{
    public const int MaxStemChars = 64;

    /// <summary>About how many features one word has (a list's starting size).</summary>
    public const int Typical = 32;

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

    /// <summary>The features of the word at <paramref name="i"/> of a sentence's scanned words.</summary>
    public static void Add(List<string> features, string text, List<Scanned> tokens, int i, SentenceFacts sentence, QuoteLexicon lexicon)
    {
        var word = Lower(text, tokens, i);
        features.Add("w=" + word);
        features.Add("st=" + StemOf(word));
        features.Add("s3=" + word[Math.Max(0, word.Length - 3)..]);
        features.Add("s2=" + word[Math.Max(0, word.Length - 2)..]);
        var previous = i > 0 ? Lower(text, tokens, i - 1) : "<s>";
        var next = i + 1 < tokens.Count ? Lower(text, tokens, i + 1) : "</s>";
        features.Add("p1=" + previous);
        features.Add("p2=" + (i > 1 ? Lower(text, tokens, i - 2) : "<s>"));
        features.Add("n1=" + next);
        features.Add("n2=" + (i + 2 < tokens.Count ? Lower(text, tokens, i + 2) : "</s>"));
        features.Add("p1w=" + previous + "|" + word);
        features.Add("wn1=" + word + "|" + next);
        features.Add("p1k=" + KindBefore(text, tokens, i - 1, lexicon));
        features.Add("n1k=" + KindAfter(text, tokens, i + 1, lexicon));
        features.Add("n2k=" + KindAfter(text, tokens, i + 2, lexicon));
        features.Add("pos=" + (i == 0 ? "first" : (i * 4 / tokens.Count).ToString(CultureInfo.InvariantCulture)));
        // What the reported words often open with a few words on: "that", a quote, "to" (an intention), a colon.
        for (var j = i + 1; j < tokens.Count && j <= i + 4; j++)
        {
            var kind = KindAfter(text, tokens, j, lexicon);
            if (kind is "that" or "quote" or "to" or "colon") features.Add("ahead=" + kind);
        }
        // Who could speak: a pronoun, a name or a role noun a few words before.
        for (var j = i - 1; j >= 0 && j >= i - 4; j--)
        {
            var kind = KindBefore(text, tokens, j, lexicon);
            if (kind is "pron" or "cap" or "role") features.Add("behind=" + kind);
        }
        if (sentence.HasQuote) features.Add("sentence-quote");
        if (sentence.HasCue) features.Add("sentence-cue");
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

    private static string Lower(string text, List<Scanned> tokens, int i) => tokens[i].Of(text).ToString().ToLowerInvariant();

    private static string KindBefore(string text, List<Scanned> tokens, int j, QuoteLexicon lexicon)
    {
        if (j < 0) return "start";
        var token = tokens[j];
        var word = token.Of(text).ToString();
        if (token.Kind == ScanKind.Number) return "num";
        if (token.Kind == ScanKind.Punct) return word is "," ? "comma" : QuoteMarks.IsQuoteChar(word[0]) ? "quote" : "punct";
        if (lexicon.Pronouns.ContainsKey(word)) return "pron";
        if (token.IsCapitalized(text)) return "cap";
        if (lexicon.RoleWords.Contains(word) || lexicon.SourceNouns.Contains(word)) return "role";
        if (lexicon.SubjectSkip.Contains(word)) return "skip";
        if (lexicon.Determiners.Contains(word)) return "det";
        return lexicon.Prepositions.Contains(word) ? "prep" : "word";
    }

    private static string KindAfter(string text, List<Scanned> tokens, int j, QuoteLexicon lexicon)
    {
        if (j >= tokens.Count) return "end";
        var token = tokens[j];
        var word = token.Of(text).ToString();
        if (token.Kind == ScanKind.Number) return "num";
        if (token.Kind == ScanKind.Punct) return word is "," ? "comma" : word is ":" ? "colon" : QuoteMarks.IsQuoteChar(word[0]) ? "quote" : "punct";
        if (word.Equals("that", StringComparison.OrdinalIgnoreCase)) return "that";
        if (word.Equals("to", StringComparison.OrdinalIgnoreCase)) return "to";
        if (lexicon.Pronouns.ContainsKey(word)) return "pron";
        if (token.IsCapitalized(text)) return "cap";
        if (lexicon.Determiners.Contains(word)) return "det";
        return lexicon.Prepositions.Contains(word) ? "prep" : "word";
    }
}
