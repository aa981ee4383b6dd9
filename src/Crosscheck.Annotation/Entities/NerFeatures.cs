using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>Feature choices a model is trained with and saved with (part of the model file: append, never renumber).</summary>
[Flags]
internal enum NerFeatureOptions
{
    None = 0,

    /// <summary>
    /// Every feature of a token in a text of several sentences (a document: news) is also emitted as a second,
    /// document-only copy (Daumé's feature augmentation), so a model trained on newswire documents and on isolated
    /// Wikipedia sentences learns what is common to both and what holds in documents only.
    /// </summary>
    DocumentDomain = 1,

    /// <summary>Words are read folded (<see cref="WordFolding"/>): non-ASCII letters deleted from Latin-script words.</summary>
    FoldedWords = 2,

    /// <summary>
    /// Longer affixes: prefixes and suffixes of 5 and 6 letters besides those of 1 to 4, and the 5-letter prefix (a
    /// crude stem) of the words before and after, so inflected forms of one name ("Москвы", "Москве") share weights.
    /// </summary>
    LongAffixes = 4,

    /// <summary>
    /// The sentence's shape: its length with the token's distance from either end, and whether it ends in punctuation
    /// with the token's shape, so a fragment (a title, a list entry, a caption) is read apart from running text.
    /// </summary>
    SentenceShape = 8,

    /// <summary>
    /// Stem clusters: a second table of word clusters built over crude stems (<see cref="NerFeatures.StemOf"/>) instead of
    /// word forms, read for the token and its neighbours. In an inflected language the forms of one word ("Москвы",
    /// "Москве", "Москву") are each too rare in the little unlabelled text there is to get a cluster of their own; their
    /// stem pools their contexts. The model file holds the second table after the first.
    /// </summary>
    StemClusters = 16,

    /// <summary>
    /// Every gazetteer hit is also read with the token's case and whether it starts the sentence. In German every noun is
    /// capitalised, so the capital letter alone says little; what says more is a capital where the list's word is not a
    /// noun (an adjective in "Deutsche Bank", "Vereinte Nationen") or its absence where a name list holds the word.
    /// </summary>
    GazetteerCase = 32,

    /// <summary>
    /// Label-pair (edge) weights by the kinds of a token and of the one before it (<see cref="EdgeClasses"/>): the
    /// chains' transitions hold a table per class besides the shared one. Not a token feature; the model file's
    /// transitions are longer.
    /// </summary>
    EdgeClasses = 64,

    /// <summary>
    /// Name chunks (<see cref="Entities.NameChunks"/>): a run of capitalised words bridged by at most two short lower-case words
    /// ("Centro de Estudios de Historia", "Guardia Civil de Eibar", "calle Ramón Casas") is read as one unit by every
    /// token in it: its position in the run and the run's length, the run's first word and the lower-case word before the
    /// run, each with that position, and for a capitalised word the bridging word its part starts with. The window of
    /// two words either side cannot see a long name's head word ("Centro", "Guardia") from its last words.
    /// </summary>
    NameChunks = 128,

    /// <summary>
    /// The word clusters of a long word's head: its longest ending (of 4 letters or more, after at least 3) that the
    /// clusters know as a word of its own. A compound ("Bundesregierung", "Klarnamen-Pflicht") is rarer than its head
    /// ("regierung", "pflicht"), and in German, where every noun is capitalised, the head's kind of word (a common noun, an
    /// organisation's word) says what the capital does not.
    /// </summary>
    HeadClusters = 256,

    /// <summary>
    /// The document's topic words (<see cref="DocumentContext.Topics"/>): its few most telling lower-case words, by their count
    /// in the document weighed by how rare the word is in the clusters' text, read by every capitalised token alone and with
    /// the token's coarse word cluster. A name's type can hang on what the document is about: a country in a match report is
    /// a team, in a report of talks a state. Only documents of several sentences have topics.
    /// </summary>
    DocumentTopics = 512,
}

/// <summary>
/// Extracts the hashed features of every token of a sentence: the word and its neighbours, affixes,
/// word shape, capitalisation, sentence position, word clusters, gazetteer matches and document-level
/// evidence. Feature keys are 64-bit hashes of (template, value) so extraction allocates no strings.
/// </summary>
internal sealed class NerFeatures(WordClusters clusters, Gazetteer gazetteer, NerFeatureOptions options = NerFeatureOptions.None, WordClusters? stemClusters = null)
{
    // Template ids are part of the model file format: append, never renumber.
    private const int Bias = 0, Word = 1, Lower = 2, Prefix = 3, Suffix = 7, Shape = 11, ShortShape = 12, Flags = 13;
    private const int LowerPrev = 14, LowerNext = 15, LowerPrev2 = 16, LowerNext2 = 17;
    private const int ShortShapePrev = 18, ShortShapeNext = 19, ShapePairLeft = 20, ShapePairRight = 21;
    private const int BigramLeft = 22, BigramRight = 23, Cluster = 24, ClusterPrev = 28, ClusterNext = 32;
    private const int Gaz = 36, GazLength = 37, GazPrev = 38, GazNext = 39, Doc = 40, First = 41, ShoutingShape = 42;
    private const int WordPrevExact = 43, ClusterShape = 44, SuffixPrev = 45, SuffixNext = 46, WordNextExact = 47;

    // 68-70: one id per stem cluster level, the first StemClusterLevels.
    private const int StemCluster = 68, StemClusterLevels = 3, StemClusterPrev = 71, StemClusterNext = 72, GazCase = 73;
    // NameChunks' ids: the shipped Spanish model (models/ner/ner.es.model.gz) was trained with them.
    private const int ChunkPosition = 74, ChunkHead = 75, ChunkBefore = 76, ChunkPart = 77;
    // 78-80: one id per cluster level, the first HeadClusterLevels (as StemCluster's).
    private const int HeadCluster = 78, HeadClusterLevels = 3;
    // DocumentTopics' ids; the next free id is 83.
    private const int TopicName = 81, TopicCluster = 82;

    /// <summary>Letters a compound's head (<see cref="NerFeatureOptions.HeadClusters"/>) has at least, and letters before it.</summary>
    private const int HeadMinLength = 4, HeadMinStart = 3;

    /// <summary>Letters of the crude stem that <see cref="NerFeatureOptions.LongAffixes"/> and <see cref="NerFeatureOptions.StemClusters"/> read.</summary>
    public const int StemLength = 5;

    private const int LongPrefix = 59, LongSuffix = 61, StemPrev = 63, StemNext = 64, LengthFromStart = 65, LengthFromEnd = 66, EndingShape = 67;

    private const int RoleBefore = 55, CapitalisationContext = 56, AggregateBefore = 57, AggregateAfter = 58;
    private const int HistoryType = 48, HistoryAlone = 49, HistoryPhrase = 50, HistoryOwn = 51, HistoryOwnPrev = 52, HistoryOwnNext = 53, HistoryPhraseLength = 54;

    /// <summary>Single-word role nouns and titles ("spokeswoman", "minister"): a person's name tends to follow.</summary>
    private static readonly HashSet<ulong> RoleWords = RoleCues.SingleWords.Select(w => FeatureHash.OfLower(w)).ToHashSet();

    private static readonly ulong SentenceStart = FeatureHash.Of("<s>");
    private static readonly ulong SentenceEnd = FeatureHash.Of("</s>");

    public WordClusters Clusters { get; } = clusters;

    public Gazetteer Gazetteer { get; } = gazetteer;

    public NerFeatureOptions Options { get; } = options;

    /// <summary>Clusters of crude stems (<see cref="NerFeatureOptions.StemClusters"/>); empty without that option.</summary>
    public WordClusters StemClusters { get; } = stemClusters ?? WordClusters.Empty;

    /// <summary>The crude stem of a word: its first <see cref="StemLength"/> characters (case is folded by the hash that reads it).</summary>
    public static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> word) => word.Length > StemLength ? word[..StemLength] : word;

    /// <summary>The cluster row of the word's head (<see cref="NerFeatureOptions.HeadClusters"/>), or -1 when no ending of it is a known word.</summary>
    private int HeadRow(ReadOnlySpan<char> word)
    {
        for (var start = HeadMinStart; start <= word.Length - HeadMinLength; start++)
        {
            if (!char.IsLetter(word[start])) continue;
            var row = Clusters.Row(FeatureHash.OfLower(word[start..]));
            if (row >= 0) return row;
        }
        return -1;
    }

    private static readonly ulong DocumentCopy = FeatureHash.Of("<document>");

    /// <summary>
    /// Writes the features of each token into <paramref name="features"/>, token i owning
    /// <c>features[offsets[i]..offsets[i+1])</c>.
    /// </summary>
    public void Extract(string text, ReadOnlySpan<TextSpan> tokens, DocumentContext context, List<ulong> features, int[] offsets)
    {
        var n = tokens.Length;
        features.Clear();
        var lower = new ulong[n];
        var exact = new ulong[n];
        var shortShape = new ulong[n];
        var shape = new ulong[n];
        var suffix3 = new ulong[n];
        var longAffixes = (Options & NerFeatureOptions.LongAffixes) != 0;
        var stemClusters = (Options & NerFeatureOptions.StemClusters) != 0 && StemClusters.Levels > 0;
        var stem = longAffixes || stemClusters ? new ulong[n] : [];
        var stemRow = stemClusters ? new int[n] : [];
        var clusterRow = new int[n];
        Span<char> buffer = stackalloc char[16];
        for (var i = 0; i < n; i++)
        {
            var word = tokens[i].Of(text);
            lower[i] = FeatureHash.OfLower(word);
            exact[i] = FeatureHash.Of(word);
            shape[i] = FeatureHash.Of(ShapeOf(word, buffer, collapse: false));
            shortShape[i] = FeatureHash.Of(ShapeOf(word, buffer, collapse: true));
            suffix3[i] = FeatureHash.OfLower(word.Length > 3 ? word[^3..] : word);
            clusterRow[i] = Clusters.Row(lower[i]);
            if (stem.Length > 0) stem[i] = FeatureHash.OfLower(StemOf(word));
            if (stemClusters) stemRow[i] = StemClusters.Row(stem[i]);
        }
        var gazetteerHits = MatchGazetteer(lower);
        var shouting = TextShape.IsShouting(text, tokens);
        var copy = (Options & NerFeatureOptions.DocumentDomain) != 0 && context.Sentences > 1;
        var sentenceShape = (Options & NerFeatureOptions.SentenceShape) != 0;
        var gazetteerCase = (Options & NerFeatureOptions.GazetteerCase) != 0;
        var headClusters = (Options & NerFeatureOptions.HeadClusters) != 0 && Clusters.Levels > 0;
        var length = (ulong)Math.Min(n, 8);
        var ending = n > 0 && tokens[n - 1].Of(text) is [var last] && char.IsPunctuation(last) ? 1UL : 0;
        var firstHit = 0;
        var chunks = (Options & NerFeatureOptions.NameChunks) != 0 ? NameChunks.Of(text, tokens) : [];
        var topics = (Options & NerFeatureOptions.DocumentTopics) != 0 ? context.Topics(Clusters) : [];

        for (var i = 0; i < n; i++)
        {
            offsets[i] = features.Count;
            var word = tokens[i].Of(text);
            var prev = i > 0 ? lower[i - 1] : SentenceStart;
            var next = i + 1 < n ? lower[i + 1] : SentenceEnd;
            var prevShort = i > 0 ? shortShape[i - 1] : SentenceStart;
            var nextShort = i + 1 < n ? shortShape[i + 1] : SentenceEnd;

            features.Add(FeatureHash.Feature(Bias, 0));
            features.Add(FeatureHash.Feature(Word, exact[i]));
            features.Add(FeatureHash.Feature(Lower, lower[i]));
            for (var k = 1; k <= 4 && k < word.Length; k++)
            {
                features.Add(FeatureHash.Feature(Prefix + k - 1, FeatureHash.OfLower(word[..k])));
                features.Add(FeatureHash.Feature(Suffix + k - 1, FeatureHash.OfLower(word[^k..])));
            }
            if (longAffixes)
            {
                for (var k = 5; k <= 6 && k < word.Length; k++)
                {
                    features.Add(FeatureHash.Feature(LongPrefix + k - 5, FeatureHash.OfLower(word[..k])));
                    features.Add(FeatureHash.Feature(LongSuffix + k - 5, FeatureHash.OfLower(word[^k..])));
                }
                features.Add(FeatureHash.Feature(StemPrev, i > 0 ? stem[i - 1] : SentenceStart));
                features.Add(FeatureHash.Feature(StemNext, i + 1 < n ? stem[i + 1] : SentenceEnd));
            }
            features.Add(FeatureHash.Feature(Shape, shape[i]));
            features.Add(FeatureHash.Feature(ShortShape, shortShape[i]));
            features.Add(FeatureHash.Feature(Flags, FlagsOf(word, i == 0, shouting)));
            features.Add(FeatureHash.Feature(LowerPrev, prev));
            features.Add(FeatureHash.Feature(LowerNext, next));
            features.Add(FeatureHash.Feature(LowerPrev2, i > 1 ? lower[i - 2] : SentenceStart));
            features.Add(FeatureHash.Feature(LowerNext2, i + 2 < n ? lower[i + 2] : SentenceEnd));
            features.Add(FeatureHash.Feature(ShortShapePrev, prevShort));
            features.Add(FeatureHash.Feature(ShortShapeNext, nextShort));
            features.Add(FeatureHash.Feature(ShapePairLeft, prevShort, shortShape[i]));
            features.Add(FeatureHash.Feature(ShapePairRight, shortShape[i], nextShort));
            features.Add(FeatureHash.Feature(BigramLeft, prev, lower[i]));
            features.Add(FeatureHash.Feature(BigramRight, lower[i], next));
            features.Add(FeatureHash.Feature(WordPrevExact, i > 0 ? exact[i - 1] : SentenceStart));
            features.Add(FeatureHash.Feature(WordNextExact, i + 1 < n ? exact[i + 1] : SentenceEnd));
            features.Add(FeatureHash.Feature(SuffixPrev, i > 0 ? suffix3[i - 1] : SentenceStart));
            features.Add(FeatureHash.Feature(SuffixNext, i + 1 < n ? suffix3[i + 1] : SentenceEnd));
            if (i == 0) features.Add(FeatureHash.Feature(First, shortShape[i]));
            if (sentenceShape)
            {
                features.Add(FeatureHash.Feature(LengthFromStart, length, (ulong)Math.Min(i, 3)));
                features.Add(FeatureHash.Feature(LengthFromEnd, length, (ulong)Math.Min(n - 1 - i, 3)));
                features.Add(FeatureHash.Feature(EndingShape, ending, shortShape[i]));
            }
            for (var back = 1; back <= 3 && back <= i; back++)
            {
                if (!RoleWords.Contains(lower[i - back])) continue;
                features.Add(FeatureHash.Feature(RoleBefore, (ulong)back));
                break;
            }
            if (shouting) features.Add(FeatureHash.Feature(ShoutingShape, shortShape[i]));

            for (var level = 0; level < Clusters.Levels && level < 4; level++)
            {
                features.Add(FeatureHash.Feature(Cluster + level, (ulong)(Clusters.IdAt(clusterRow[i], level) + 1)));
                features.Add(FeatureHash.Feature(ClusterPrev + level, i > 0 ? (ulong)(Clusters.IdAt(clusterRow[i - 1], level) + 2) : 0));
                features.Add(FeatureHash.Feature(ClusterNext + level, i + 1 < n ? (ulong)(Clusters.IdAt(clusterRow[i + 1], level) + 2) : 0));
            }
            if (headClusters && HeadRow(word) is >= 0 and var headRow)
            {
                for (var level = 0; level < HeadClusterLevels && level < Clusters.Levels; level++)
                    features.Add(FeatureHash.Feature(HeadCluster + level, (ulong)(Clusters.IdAt(headRow, level) + 1)));
            }
            if (Clusters.Levels > 1)
                features.Add(FeatureHash.Feature(ClusterShape, (ulong)(Clusters.IdAt(clusterRow[i], 1) + 1), shortShape[i]));
            if (stemClusters)
            {
                // Coarse to fine for the token itself; the middle level for its neighbours (the clusters' fourth level is
                // the capitalisation prior, which the word table already gives).
                for (var level = 0; level < StemClusterLevels && level < StemClusters.Levels; level++)
                    features.Add(FeatureHash.Feature(StemCluster + level, (ulong)(StemClusters.IdAt(stemRow[i], level) + 1)));
                features.Add(FeatureHash.Feature(StemClusterPrev, i > 0 ? (ulong)(StemClusters.IdAt(stemRow[i - 1], 1) + 2) : 0));
                features.Add(FeatureHash.Feature(StemClusterNext, i + 1 < n ? (ulong)(StemClusters.IdAt(stemRow[i + 1], 1) + 2) : 0));
            }
            if (Clusters.Levels == 4)
            {
                // The capitalisation prior matters most where position hides it: sentence starts and headlines.
                var position = (i == 0 ? 1UL : 0) | (shouting ? 2UL : 0);
                features.Add(FeatureHash.Feature(CapitalisationContext, (ulong)(Clusters.IdAt(clusterRow[i], 3) + 1), position * 1000 + (ulong)(word.Length > 0 && char.IsUpper(word[0]) ? 1 : 0)));
            }

            // Hits come in order of start and none is longer than the longest listed phrase, so only those starting
            // from MaxTokens before this token to right after it can touch it (a dictionary list hits most tokens).
            while (firstHit < gazetteerHits.Count && gazetteerHits[firstHit].Start < i - Gazetteer.MaxTokens) firstHit++;
            for (var h = firstHit; h < gazetteerHits.Count && gazetteerHits[h].Start <= i + 1; h++)
            {
                var hit = gazetteerHits[h];
                if (hit.Start <= i && i < hit.End)
                {
                    var part = hit.End - hit.Start == 1 ? 3UL : i == hit.Start ? 0UL : i == hit.End - 1 ? 2UL : 1UL;
                    features.Add(FeatureHash.Feature(Gaz, (ulong)hit.List, part));
                    features.Add(FeatureHash.Feature(GazLength, (ulong)hit.List, part * 16 + (ulong)Math.Min(hit.End - hit.Start, 8)));
                    if (gazetteerCase)
                    {
                        var casing = (word.Length > 0 && char.IsUpper(word[0]) ? 1UL : 0) | (i == 0 ? 2UL : 0) | (shouting ? 4UL : 0);
                        features.Add(FeatureHash.Feature(GazCase, (ulong)hit.List, part * 8 + casing));
                    }
                }
                else if (hit.End == i)
                {
                    features.Add(FeatureHash.Feature(GazPrev, (ulong)hit.List));
                }
                else if (hit.Start == i + 1)
                {
                    features.Add(FeatureHash.Feature(GazNext, (ulong)hit.List));
                }
            }

            if (chunks.Length > 0 && chunks[i].Start >= 0)
            {
                var (start, end, part) = chunks[i];
                // Position in the run: 0 first, 1 inside, 2 last, 3 alone; with the run's length in tokens (to 6).
                var position = end - start == 1 ? 3UL : i == start ? 0UL : i == end - 1 ? 2UL : 1UL;
                var runLength = (ulong)Math.Min(end - start, 6);
                features.Add(FeatureHash.Feature(ChunkPosition, position, runLength));
                if (end - start > 1)
                {
                    features.Add(FeatureHash.Feature(ChunkHead, lower[start], position));
                    features.Add(FeatureHash.Feature(ChunkBefore, start > 0 ? lower[start - 1] : SentenceStart, position));
                    if (word.Length > 0 && char.IsUpper(word[0]))
                        features.Add(FeatureHash.Feature(ChunkPart, part >= 0 ? lower[part] : SentenceStart, position));
                }
            }

            if (word.Length > 0 && char.IsUpper(word[0]))
            {
                var evidence = (context.SeenCapitalisedMidSentence(lower[i]) ? 1UL : 0) | (context.SeenLowerCase(lower[i]) ? 2UL : 0)
                    | (i == 0 ? 4UL : 0) | (shouting ? 8UL : 0);
                features.Add(FeatureHash.Feature(Doc, evidence));
                if (context.Neighbours(lower[i]) is var (before, after))
                {
                    foreach (var h in before) features.Add(FeatureHash.Feature(AggregateBefore, h));
                    foreach (var h in after) features.Add(FeatureHash.Feature(AggregateAfter, h));
                }
            }
            if (copy)
            {
                var end = features.Count;
                for (var k = offsets[i]; k < end; k++) features.Add(FeatureHash.Combine(features[k], DocumentCopy));
            }
            // After the document copy: only documents have topics, so a copy would say nothing more.
            if (topics.Length > 0 && word.Length > 0 && char.IsUpper(word[0]))
            {
                var coarse = Clusters.Levels > 0 ? (ulong)(Clusters.IdAt(clusterRow[i], 0) + 1) : 0;
                foreach (var topic in topics)
                {
                    features.Add(FeatureHash.Feature(TopicName, topic));
                    features.Add(FeatureHash.Feature(TopicCluster, topic, coarse));
                }
            }
        }
        offsets[n] = features.Count;
    }

    /// <summary>
    /// The second-pass features of each token: the first pass's label for it and its neighbours, how the
    /// first pass typed the same word elsewhere in the document, and first-pass entity phrases matched here.
    /// </summary>
    public void ExtractHistory(string text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> firstLabels, DocumentHistory history, List<ulong> features, int[] offsets)
    {
        var n = tokens.Length;
        features.Clear();
        var lower = new ulong[n];
        for (var i = 0; i < n; i++) lower[i] = FeatureHash.OfLower(tokens[i].Of(text));
        var phraseHits = new List<GazetteerHit>();
        for (var start = 0; start < n; start++)
        {
            var phrase = Gazetteer.Start;
            for (var end = start + 1; end <= n && end - start <= history.MaxPhraseTokens; end++)
            {
                phrase = Gazetteer.Extend(phrase, lower[end - 1]);
                var mask = history.Phrase(phrase);
                for (var type = 0; mask != 0; type++, mask >>= 1)
                    if ((mask & 1) != 0) phraseHits.Add(new GazetteerHit(start, end, type));
            }
        }
        for (var i = 0; i < n; i++)
        {
            offsets[i] = features.Count;
            var own = firstLabels[i];
            features.Add(FeatureHash.Feature(HistoryOwn, (ulong)own));
            features.Add(FeatureHash.Feature(HistoryOwnPrev, i > 0 ? (ulong)firstLabels[i - 1] : 99UL));
            features.Add(FeatureHash.Feature(HistoryOwnNext, i + 1 < n ? (ulong)firstLabels[i + 1] : 99UL));
            var word = tokens[i].Of(text);
            if (word.Length > 0 && char.IsLetter(word[0]) && history.Word(lower[i]) is { } counts)
            {
                var others = counts[Bilou.TypeCount] - 1;
                if (others <= 0)
                {
                    features.Add(FeatureHash.Feature(HistoryAlone, 0));
                }
                else
                {
                    var ownType = own == Bilou.Outside ? -1 : Bilou.TypeOf(own);
                    var tagged = 0;
                    for (var type = 0; type < Bilou.TypeCount; type++)
                    {
                        var count = counts[type] - (type == ownType ? 1 : 0);
                        if (count <= 0) continue;
                        tagged += count;
                        var bucket = (ulong)Math.Min(3, 4 * count / others);
                        features.Add(FeatureHash.Feature(HistoryType, (ulong)type, bucket));
                    }
                    if (tagged == 0) features.Add(FeatureHash.Feature(HistoryAlone, 1));
                }
            }
            foreach (var hit in phraseHits)
            {
                if (hit.Start > i || i >= hit.End) continue;
                var part = hit.End - hit.Start == 1 ? 3UL : i == hit.Start ? 0UL : i == hit.End - 1 ? 2UL : 1UL;
                features.Add(FeatureHash.Feature(HistoryPhrase, (ulong)hit.List, part));
                features.Add(FeatureHash.Feature(HistoryPhraseLength, (ulong)hit.List, part * 16 + (ulong)Math.Min(hit.End - hit.Start, 8)));
            }
        }
        offsets[n] = features.Count;
    }

    private readonly record struct GazetteerHit(int Start, int End, int List);

    private List<GazetteerHit> MatchGazetteer(ulong[] lower)
    {
        var hits = new List<GazetteerHit>();
        if (Gazetteer.Count == 0) return hits;
        for (var start = 0; start < lower.Length; start++)
        {
            var phrase = Gazetteer.Start;
            for (var end = start + 1; end <= lower.Length && end - start <= Gazetteer.MaxTokens; end++)
            {
                phrase = Gazetteer.Extend(phrase, lower[end - 1]);
                var mask = Gazetteer.Lookup(phrase);
                for (var list = 0; mask != 0; list++, mask >>= 1)
                    if ((mask & 1) != 0) hits.Add(new GazetteerHit(start, end, list));
            }
        }
        return hits;
    }

    /// <summary>Capitalisation and character-class flags packed into one feature value.</summary>
    private static ulong FlagsOf(ReadOnlySpan<char> word, bool first, bool shouting)
    {
        bool upperFirst = word.Length > 0 && char.IsUpper(word[0]), allUpper = TextShape.AllUpperLetters(word);
        bool digit = false, hyphen = false, period = false, innerUpper = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            digit |= char.IsDigit(c);
            hyphen |= c == '-';
            period |= c == '.';
            innerUpper |= i > 0 && char.IsUpper(c);
        }
        var length = (ulong)Math.Min(word.Length, 6);
        return (upperFirst ? 1UL : 0) | (allUpper ? 2UL : 0) | (digit ? 4UL : 0) | (hyphen ? 8UL : 0) | (period ? 16UL : 0)
            | (innerUpper ? 32UL : 0) | (first ? 64UL : 0) | (shouting ? 128UL : 0) | length << 8;
    }

    /// <summary>Word shape: X for upper, x for lower, d for digit, other characters kept; collapsed runs in the short form.</summary>
    private static ReadOnlySpan<char> ShapeOf(ReadOnlySpan<char> word, Span<char> buffer, bool collapse)
    {
        var length = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            if (collapse && length > 0 && buffer[length - 1] == s) continue;
            if (length == buffer.Length) break;
            buffer[length++] = s;
        }
        return buffer[..length];
    }
}
