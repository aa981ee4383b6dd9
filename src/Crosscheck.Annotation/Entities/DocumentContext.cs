using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// What the whole document says about a word, used as features for each occurrence: whether it is written
/// capitalised in mid-sentence somewhere (a name) or in lower case somewhere (a common word). This is how a
/// headline "ARMY SEIZES BRIDGE" or a sentence-initial "Chile" gets the evidence its own position lacks.
/// </summary>
internal sealed class DocumentContext
{
    private readonly HashSet<ulong> _capitalisedMidSentence = [];
    private readonly HashSet<ulong> _lowerCase = [];
    private readonly Dictionary<ulong, (List<ulong> Before, List<ulong> After)> _neighbours = [];
    private readonly Dictionary<ulong, int>? _wordCounts;
    private ulong[]? _topics;

    /// <summary>Topic words a document has at most (<see cref="Topics"/>).</summary>
    public const int TopicWords = 4;

    /// <summary>
    /// The clusters' most frequent words (their rows come in order of frequency in the clusters' text) that are never topic
    /// words: a stop list learned from each language's own text, with no word list.
    /// </summary>
    public const int StopRank = 100;

    /// <summary>Letters a topic word has at least.</summary>
    public const int TopicMinLetters = 4;

    /// <param name="countWords">Count the lower-case words for <see cref="Topics"/> (<see cref="NerFeatureOptions.DocumentTopics"/>).</param>
    public DocumentContext(bool countWords = false)
    {
        if (countWords) _wordCounts = [];
    }

    /// <summary>At most this many distinct neighbours are kept per side per word, bounding features per token.</summary>
    public const int MaxNeighbours = 6;

    public static DocumentContext Empty { get; } = new();

    /// <summary>Sentences added: a text of one sentence is a fragment (a Wikipedia corpus line), of several a document.</summary>
    public int Sentences { get; private set; }

    public bool SeenCapitalisedMidSentence(ulong lowerHash) => _capitalisedMidSentence.Contains(lowerHash);

    public bool SeenLowerCase(ulong lowerHash) => _lowerCase.Contains(lowerHash);

    /// <summary>
    /// The words seen right before and after a capitalised word across the document (Ratinov and Roth's
    /// context aggregation): "Ruch" next to a score elsewhere hints at a team here. Null when none.
    /// </summary>
    public (List<ulong> Before, List<ulong> After)? Neighbours(ulong lowerHash) =>
        _neighbours.TryGetValue(lowerHash, out var lists) ? lists : null;

    /// <summary>Adds one sentence's tokens; call for every sentence before extracting features.</summary>
    public void Add(string text, ReadOnlySpan<TextSpan> tokens)
    {
        Sentences++;
        var shouting = TextShape.IsShouting(text, tokens);
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Of(text);
            if (word.Length == 0 || !char.IsLetter(word[0])) continue;
            if (char.IsUpper(word[0]))
            {
                var key = FeatureHash.OfLower(word);
                if (!_neighbours.TryGetValue(key, out var lists)) _neighbours[key] = lists = ([], []);
                var before = i > 0 ? FeatureHash.OfLower(tokens[i - 1].Of(text)) : 0UL;
                var after = i + 1 < tokens.Length ? FeatureHash.OfLower(tokens[i + 1].Of(text)) : 0UL;
                if (lists.Before.Count < MaxNeighbours && !lists.Before.Contains(before)) lists.Before.Add(before);
                if (lists.After.Count < MaxNeighbours && !lists.After.Contains(after)) lists.After.Add(after);
            }
            if (char.IsLower(word[0]))
            {
                if (!TextShape.AllLower(word)) continue;
                var key = FeatureHash.OfLower(word);
                _lowerCase.Add(key);
                if (_wordCounts is not null && word.Length >= TopicMinLetters && TextShape.AllLetters(word))
                    _wordCounts[key] = _wordCounts.GetValueOrDefault(key) + 1;
            }
            else if (i > 0 && !shouting && char.IsUpper(word[0]) && !IsAfterOpening(text, tokens, i))
            {
                _capitalisedMidSentence.Add(FeatureHash.OfLower(word));
            }
        }
    }

    /// <summary>
    /// The document's topic words (by lower-case hash), at most <see cref="TopicWords"/>: lower-case words of letters only,
    /// seen at least twice in the document and not among the <see cref="StopRank"/> most frequent words of the clusters'
    /// text, ranked by their count here times the log of their frequency rank there (a word the clusters do not know ranks
    /// last): a term frequency weighed by an inverse frequency read off Zipf's law. Empty for a text of one sentence or a
    /// context that did not count its words. Computed once, after every sentence was added.
    /// </summary>
    public ulong[] Topics(WordClusters clusters)
    {
        if (_topics is not null) return _topics;
        if (_wordCounts is null || Sentences < 2) return _topics = [];
        var candidates = new List<(ulong Word, double Score)>();
        foreach (var (word, count) in _wordCounts)
        {
            if (count < 2) continue;
            var row = clusters.Row(word);
            if (row is >= 0 and < StopRank) continue;
            var rank = row < 0 ? Math.Max(clusters.Count, StopRank) : row;
            candidates.Add((word, count * Math.Log(rank + 1)));
        }
        candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Word.CompareTo(b.Word));
        return _topics = [.. candidates.Take(TopicWords).Select(c => c.Word)];
    }

    /// <summary>A capital right after an opening quote or a colon is sentence-initial in effect.</summary>
    private static bool IsAfterOpening(string text, ReadOnlySpan<TextSpan> tokens, int i)
    {
        var previous = tokens[i - 1].Of(text);
        return previous.Length == 1 && previous[0] is '"' or '\u201C' or '\u2018' or '\'' or ':' or '(' or '-' or '\u2014' or '\u2013';
    }
}

/// <summary>Small character-class helpers shared by features and context.</summary>
internal static class TextShape
{
    public static bool AllLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsUpper(c)) return false;
        return true;
    }

    public static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsLetter(c)) return false;
        return true;
    }

    public static bool AllUpperLetters(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsUpper(c)) letters++;
        }
        return letters > 0;
    }

    /// <summary>
    /// A sentence in capitals (headlines, shouted text): most of its words are all-caps. In such a sentence
    /// capitalisation says nothing about names, and features must lean on other evidence.
    /// </summary>
    public static bool IsShouting(string text, ReadOnlySpan<TextSpan> tokens)
    {
        int words = 0, caps = 0;
        foreach (var span in tokens)
        {
            var word = span.Of(text);
            if (word.Length < 2 || !char.IsLetter(word[0])) continue;
            words++;
            if (AllUpperLetters(word)) caps++;
        }
        return caps >= 2 && caps * 10 >= words * 6;
    }
}
