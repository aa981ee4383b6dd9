using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Evaluation.Similarity;

/// <summary>
/// One rated pair of <c>pairs.tsv</c>: the two article keys (the last segment of each article's url), their
/// languages and the people's Overall score (1 very similar .. 4 very dissimilar).
/// </summary>
public sealed record SimilarityPair(string Id, string First, string Second, string FirstLanguage, string SecondLanguage, double Overall)
{
    /// <summary>Overall at most this: the pair reports the same story.</summary>
    public const double SameStoryAtMost = 1.5;

    /// <summary>Overall at least this: different stories. Pairs in between are left out of the scores.</summary>
    public const double DifferentAtLeast = 2.5;

    public bool SameStory => Overall <= SameStoryAtMost;

    public bool Judged => Overall <= SameStoryAtMost || Overall >= DifferentAtLeast;

    public bool CrossLanguage => !string.Equals(FirstLanguage, SecondLanguage, StringComparison.Ordinal);

    /// <summary>The two languages in ordinal order, "de-fr", or one code for a same-language pair.</summary>
    public string LanguagePair => CrossLanguage
        ? string.CompareOrdinal(FirstLanguage, SecondLanguage) < 0 ? $"{FirstLanguage}-{SecondLanguage}" : $"{SecondLanguage}-{FirstLanguage}"
        : FirstLanguage;

    /// <summary>
    /// Whether the pair belongs to the held-out part (about one in five, by a hash of its id): thresholds and
    /// features are chosen on the other pairs, this part is only reported.
    /// </summary>
    public bool HeldOut => SHA256.HashData(Encoding.UTF8.GetBytes(Id))[0] % 5 == 0;
}

/// <summary>Same-story precision, recall and F1 of a group of judged pairs.</summary>
public sealed record PairScores(string Label, int Pairs, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Pairs of different stories put in one story (predicted, not correct).</summary>
    public int FalseJoins => Predicted - Correct;

    /// <summary>Pairs of one story left in different stories (gold, not predicted).</summary>
    public int MissedJoins => Gold - Correct;

    public static PairScores Of(string label, IEnumerable<(SimilarityPair Pair, bool Predicted)> judged)
    {
        int pairs = 0, gold = 0, predicted = 0, correct = 0;
        foreach (var (pair, same) in judged)
        {
            pairs++;
            if (pair.SameStory) gold++;
            if (same) predicted++;
            if (same && pair.SameStory) correct++;
        }
        return new PairScores(label, pairs, gold, predicted, correct);
    }
}

/// <summary>
/// The scores of one similarity evaluation: same-language and cross-language pairs over all judged pairs, over
/// the training part and over the held-out part, and per language pair (all judged pairs, and the training part alone:
/// what an error analysis may look at while settings are chosen).
/// </summary>
public sealed record SimilarityEvaluation(
    int Articles,
    int Stories,
    int LeftOut,
    IReadOnlyList<PairScores> Groups,
    IReadOnlyList<PairScores> PerLanguagePair,
    IReadOnlyList<PairScores> TrainPerLanguagePair,
    double Seconds)
{
    public PairScores Group(string label) => Groups.First(g => g.Label == label);
}

/// <summary>
/// <c>crosscheck eval similarity DIR</c>: the articles of <c>articles.jsonl</c> are grouped into stories (the
/// caller ingests them into a fresh store) and each rated pair of <c>pairs.tsv</c> is predicted "same story"
/// when both of its articles end in one story.
/// </summary>
public static class SimilarityEvaluator
{
    public const string ArticlesFile = "articles.jsonl";
    public const string PairsFile = "pairs.tsv";

    /// <summary>
    /// Reads the pairs, asks <paramref name="storiesOf"/> to ingest <c>DIR/articles.jsonl</c> and return each
    /// article's story by article key (<see cref="KeyOf"/> of its url), and scores the pairs.
    /// </summary>
    public static SimilarityEvaluation Evaluate(string directory, Func<string, IReadOnlyDictionary<string, string>> storiesOf)
    {
        ArgumentNullException.ThrowIfNull(storiesOf);
        var articles = Path.Combine(directory, ArticlesFile);
        if (!File.Exists(articles)) throw new EvaluationDataException($"{directory}: expected {ArticlesFile} (one article a line)");
        var pairs = ReadPairs(Path.Combine(directory, PairsFile));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stories = storiesOf(articles);
        watch.Stop();
        var missing = pairs.SelectMany(p => new[] { p.First, p.Second }).FirstOrDefault(k => !stories.ContainsKey(k));
        if (missing is not null) throw new EvaluationDataException($"{directory}: article {missing} of {PairsFile} was not ingested from {ArticlesFile}");
        return Score(pairs, stories, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Scores the judged pairs against each article's story (a pair is predicted same-story when both articles share one).</summary>
    public static SimilarityEvaluation Score(IReadOnlyList<SimilarityPair> pairs, IReadOnlyDictionary<string, string> stories, double seconds = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(stories);
        var judged = pairs.Where(p => p.Judged)
            .Select(p => (Pair: p, Predicted: string.Equals(stories[p.First], stories[p.Second], StringComparison.Ordinal)))
            .ToList();
        var groups = new List<PairScores>();
        foreach (var (part, filter) in new (string, Func<SimilarityPair, bool>)[] { ("all", _ => true), ("train", p => !p.HeldOut), ("held-out", p => p.HeldOut) })
        {
            groups.Add(PairScores.Of($"{part} same-language", judged.Where(j => filter(j.Pair) && !j.Pair.CrossLanguage)));
            groups.Add(PairScores.Of($"{part} cross-language", judged.Where(j => filter(j.Pair) && j.Pair.CrossLanguage)));
        }
        return new SimilarityEvaluation(stories.Count, stories.Values.Distinct(StringComparer.Ordinal).Count(),
            pairs.Count - judged.Count, groups, PerLanguagePair(judged), PerLanguagePair(judged.Where(j => !j.Pair.HeldOut)), seconds);
    }

    /// <summary>Scores per language pair, same-language pairs first, each kind in ordinal order of its label.</summary>
    private static List<PairScores> PerLanguagePair(IEnumerable<(SimilarityPair Pair, bool Predicted)> judged) =>
        [.. judged.GroupBy(j => j.Pair.LanguagePair)
            .OrderBy(g => g.First().Pair.CrossLanguage).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => PairScores.Of(g.Key, g))];

    /// <summary>The key of an article: the last path segment of its url (the ids <c>pairs.tsv</c> names).</summary>
    public static string KeyOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    /// <summary>Reads <c>pair_id lang1 lang2 ... Overall</c> (tab-separated, with a header naming the columns).</summary>
    public static List<SimilarityPair> ReadPairs(string path)
    {
        if (!File.Exists(path)) throw new EvaluationDataException($"{path}: no such file (expected pair_id, lang1, lang2 and Overall columns)");
        EvaluationFile.CheckSize(path);
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext()) throw new EvaluationDataException($"{path}: empty");
        var header = lines.Current.Split('\t');
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var index
            ? index
            : throw new EvaluationDataException($"{path}: no column {name} in the header (its first line must name the tab-separated columns pair_id, lang1, lang2 and Overall); {EvaluationFile.FetchAgain}");
        int id = Column("pair_id"), first = Column("lang1"), second = Column("lang2"), overall = Column("Overall");
        var result = new List<SimilarityPair>();
        var number = 1;
        while (lines.MoveNext())
        {
            number++;
            if (string.IsNullOrWhiteSpace(lines.Current)) continue;
            var fields = lines.Current.Split('\t');
            if (fields.Length < header.Length) throw new EvaluationDataException($"{path}#{number}: {fields.Length} fields, expected {header.Length}");
            var ids = fields[id].Split('_');
            if (ids.Length != 2) throw new EvaluationDataException($"{path}#{number}: pair id {fields[id]} is not ID1_ID2");
            // NaN and infinity parse as numbers, and one would make every correlation NaN.
            if (!double.TryParse(fields[overall], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || !double.IsFinite(score))
                throw new EvaluationDataException($"{path}#{number}: Overall {EvaluationFile.Clip(fields[overall])} is not a number (a rating such as 1.5)");
            result.Add(new SimilarityPair(fields[id], ids[0], ids[1], fields[first], fields[second], score));
        }
        if (result.Count == 0) throw new EvaluationDataException($"{path}: no pairs");
        return result;
    }
}
