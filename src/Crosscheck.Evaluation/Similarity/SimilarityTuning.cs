using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Evaluation.Similarity;

/// <summary>
/// One clustering setting tried by <see cref="SimilarityTuning"/> and its scores: the first in the ingest's own order,
/// then one per shuffled order asked for.
/// </summary>
public sealed record TunedSetting(string Name, ClusteringOptions Options, IReadOnlyList<SimilarityEvaluation> Evaluations)
{
    /// <summary>The scores in the ingest's own order (the order `eval similarity` itself clusters in).</summary>
    public SimilarityEvaluation Evaluation => Evaluations[0];

    /// <summary>The mean F1 of a group (e.g. "train same-language") over every order clustered.</summary>
    public double MeanF1(string group) => Evaluations.Average(e => e.Group(group).F1);

    /// <summary>The lowest and highest F1 of a group over the orders clustered.</summary>
    public (double Min, double Max) RangeF1(string group) => (Evaluations.Min(e => e.Group(group).F1), Evaluations.Max(e => e.Group(group).F1));

    /// <summary>What settings are chosen by: the mean of same-language and cross-language F1 on the training pairs only, over every order clustered.</summary>
    public double TrainScore => (MeanF1("train same-language") + MeanF1("train cross-language")) / 2;
}

/// <summary>
/// Chooses clustering thresholds on the training part of the rated pairs: the documents already ingested into a
/// store are clustered again under each setting (as ingest assigns stories: publication order, then arrival), and
/// every setting is scored; the held-out pairs are printed beside but never chosen on.
/// </summary>
/// <remarks>
/// The clustering is online, so its figure depends on the order articles arrive in, and similarity-semeval2022's
/// articles.jsonl lists the two articles of each rated pair one after the other (1,176 of its 1,243 pairs at most two
/// lines apart), which the ingest keeps. Shuffled orders (<c>orders</c>) show how far a figure moves by order alone.
/// </remarks>
public static class SimilarityTuning
{
    /// <summary>The settings tried: the defaults, without country keys, and the cross-language lifts of terms and entities with the shared names an entity cosine needs across languages.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> Grid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        yield return ("no country keys", ClusteringOptions.Default with { CountryKeys = false });
        foreach (var terms in new[] { 2.0, 2.5, 3.0 })
        {
            foreach (var entities in new[] { 1.5, 2.0, 2.5, 3.0 })
            {
                foreach (var shared in new[] { 2, 3, 4 })
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"cross-terms x{terms}, cross-entities x{entities}, shared names {shared}"),
                        ClusteringOptions.Default with { CrossLanguageTermScale = terms, CrossLanguageEntityScale = entities, CrossLanguageSharedNames = shared });
                }
            }
        }
    }

    /// <summary>
    /// The defaults, then each cross-language lift (<see cref="ClusteringOptions.CrossLanguageTermScale"/>,
    /// <see cref="ClusteringOptions.CrossLanguageEntityScale"/>, <see cref="ClusteringOptions.CrossLanguageSharedNames"/>) moved one
    /// step either way with the others kept: <see cref="Grid"/>'s neighbourhood of the defaults, small enough to cluster in
    /// several orders (the lifts were chosen in the ingest order alone).
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> LiftNeighboursGrid()
    {
        var defaults = ClusteringOptions.Default;
        yield return ("defaults", defaults);
        foreach (var step in new[] { -0.5, 0.5 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"cross-terms x{defaults.CrossLanguageTermScale + step}"),
                defaults with { CrossLanguageTermScale = defaults.CrossLanguageTermScale + step });
            yield return (string.Create(CultureInfo.InvariantCulture, $"cross-entities x{defaults.CrossLanguageEntityScale + step}"),
                defaults with { CrossLanguageEntityScale = defaults.CrossLanguageEntityScale + step });
        }
        foreach (var step in new[] { -1, 1 })
        {
            yield return ($"shared names {defaults.CrossLanguageSharedNames + step}", defaults with { CrossLanguageSharedNames = defaults.CrossLanguageSharedNames + step });
        }
    }

    /// <summary>
    /// The defaults, then the two steps of <see cref="LiftNeighboursGrid"/> that raised the cross-language mean (terms x2, four
    /// shared names) taken together, one step further in each, and the best of those (x2, five) one step on in each.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> LiftStepsGrid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        foreach (var (terms, shared) in new[] { (2.0, 4), (1.5, 4), (2.0, 5), (2.0, 6), (2.5, 5) })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"cross-terms x{terms}, shared names {shared}"),
                ClusteringOptions.Default with { CrossLanguageTermScale = terms, CrossLanguageSharedNames = shared });
        }
    }

    /// <summary>
    /// The defaults, then the settings simil11 weighed them against: the defaults before it (three shared names across languages, no
    /// closest member required), five shared names alone, a story's closest member required to reach the join threshold
    /// (<see cref="ClusteringOptions.ClosestMemberShare"/>) with three shared names, three quarters of it with five, and
    /// two-article sides split off at the settle.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> StoryJoinsGrid()
    {
        var defaults = ClusteringOptions.Default;
        var before = defaults with { CrossLanguageSharedNames = 3, ClosestMemberShare = 0 };
        yield return ("defaults", defaults);
        yield return ("three shared names, no closest member required (the defaults before)", before);
        yield return ("five shared names, no closest member required", before with { CrossLanguageSharedNames = 5 });
        yield return ("three shared names, closest member 1 of the threshold", before with { ClosestMemberShare = 1 });
        yield return ("five shared names, closest member 0.75 of the threshold", defaults with { ClosestMemberShare = 0.75 });
        yield return ("the defaults before, two-article split sides", before with { SplitMinPart = 2 });
    }

    /// <summary>
    /// The defaults, then simil12's join rules: a story of several merging with a lone article guarded as a placement
    /// (<see cref="ClusteringOptions.GuardLoneMerges"/>), an average link to a story of three or more (<see cref="ClusteringOptions.AverageMemberShare"/>),
    /// and the settle's re-placement of each article against its story without it (<see cref="ClusteringOptions.ReplaceShare"/>, with and
    /// without moves to a clearly better story, <see cref="ClusteringOptions.ReplaceMargin"/>), and the re-placement with the guard.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> StoryRefineGrid()
    {
        var defaults = ClusteringOptions.Default;
        yield return ("defaults", defaults);
        yield return ("G: lone-article merges guarded", defaults with { GuardLoneMerges = true });
        yield return ("C: average member 0.5 of the threshold", defaults with { AverageMemberShare = 0.5 });
        yield return ("C: average member 0.75 of the threshold", defaults with { AverageMemberShare = 0.75 });
        yield return ("R1: re-placement at settle, under the threshold", defaults with { ReplaceShare = 1 });
        yield return ("R2: re-placement, and moves by 0.05", defaults with { ReplaceShare = 1, ReplaceMargin = 0.05 });
        yield return ("R1 + G", defaults with { ReplaceShare = 1, GuardLoneMerges = true });
    }

    /// <summary>
    /// The defaults, then round 2 of simil12's re-placement (<see cref="ClusteringOptions.ReplaceShare"/>): R2 (share 1, moves by 0.05)
    /// with each article moved in turn (<see cref="ClusteringOptions.ReplaceInTurn"/>), at share 0.75, moves alone, moves by 0.10, and in
    /// turn at share 0.75.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> StoryRefine2Grid()
    {
        var defaults = ClusteringOptions.Default;
        var r2 = defaults with { ReplaceShare = 1, ReplaceMargin = 0.05 };
        yield return ("defaults", defaults);
        yield return ("R2 in turn", r2 with { ReplaceInTurn = true });
        yield return ("R2 share 0.75", r2 with { ReplaceShare = 0.75 });
        yield return ("moves by 0.05 only (share 0.001)", r2 with { ReplaceShare = 0.001 });
        yield return ("R2 moves by 0.10", r2 with { ReplaceMargin = 0.10 });
        yield return ("R2 in turn, share 0.75", r2 with { ReplaceInTurn = true, ReplaceShare = 0.75 });
    }

    /// <summary>
    /// The defaults, then a story's closest member counted beside its profile (<see cref="ClusteringOptions.MemberLinkWeight"/>) at
    /// several multiples, and off: single against centroid link.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> MemberLinkGrid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        foreach (var weight in new[] { 0.0, 0.9, 1.0, 1.2 })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"member link x{weight}"), ClusteringOptions.Default with { MemberLinkWeight = weight });
        }
    }

    /// <summary>The defaults, then other channel weights for two sides of one analysed language (<see cref="ClusteringOptions.AnalysedSameLanguageWeights"/>): the common ones, the entity channel lowered less, and the chosen point's neighbours.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> SameLanguageWeightsGrid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        yield return ("the common weights in one analysed language too", ClusteringOptions.Default with { AnalysedSameLanguageWeights = null });
        foreach (var weights in new ChannelWeights[] { new(0.45, 0.05, 0.20), new(0.65, 0.15, 0.10), new(0.55, 0.10, 0.15), new(0.75, 0.05, 0.10), new(0.65, 0, 0.10), new(0.65, 0.05, 0.05) })
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"one analysed language: terms {weights.Terms}, entities {weights.Entities}, specifics {weights.Specifics}"),
                ClusteringOptions.Default with { AnalysedSameLanguageWeights = weights });
        }
    }

    /// <summary>
    /// The defaults, then the channel weights within one analysed language fitted by a logistic regression on the training pairs
    /// of one analysed language other than English (`scripts/similarity-pair-fit.py DIR pairs.tsv --weights-out FILE`, its
    /// "weights" line, from the `--pair-scores` dump of the defaults: three channel cosines, L2 1, the direction summed to 1),
    /// alone and with the join threshold the regression's best-F1 cut implies for a pair with all three channels.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> FittedWeightsGrid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        var fitted = new ChannelWeights(0.737, 0.109, 0.154);
        yield return ("one analysed language: fitted weights 0.737 / 0.109 / 0.154", ClusteringOptions.Default with { AnalysedSameLanguageWeights = fitted });
        yield return ("one analysed language: fitted weights, analysed threshold 0.23 (the fitted cut)",
            ClusteringOptions.Default with { AnalysedSameLanguageWeights = fitted, AnalysedAssignThreshold = 0.23 });
    }

    /// <summary>
    /// The defaults, then pairs across Han and other scripts scored up (<see cref="ClusteringOptions.CrossHanScale"/>: a lower join
    /// threshold for that kind of pair), without and with Han name sound keys (<see cref="ClusteringOptions.HanNameKeys"/>).
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> CrossHanGrid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        foreach (var keys in new[] { false, true })
        {
            foreach (var scale in new[] { 1.0, 1.5, 2.0 })
            {
                if (!keys && scale == 1.0) continue; // the defaults
                yield return (string.Create(CultureInfo.InvariantCulture, $"across Han x{scale}{(keys ? ", Han name keys" : "")}"),
                    ClusteringOptions.Default with { CrossHanScale = scale, HanNameKeys = keys });
            }
        }
    }

    /// <summary>
    /// simil13's settings: the defaults (the winner), those before it, the settle's name join for lone articles of an analysed language left out within one such
    /// language (<see cref="AnalysedNameJoin.NotWithinOneLanguage"/>) or always (<see cref="AnalysedNameJoin.Never"/>), and each with
    /// simil12's re-placement at share 0.75 (margin 0.05, stories of two and more).
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> NameJoinGrid()
    {
        var defaults = ClusteringOptions.Default;
        var before = defaults with { AnalysedNameJoin = AnalysedNameJoin.Always, ReplaceShare = 0, ReplaceMargin = 0, ReplaceMinSize = 3 };
        var replace = before with { ReplaceShare = 0.75, ReplaceMargin = 0.05, ReplaceMinSize = 2 };
        yield return ("defaults (since simil13: no name join within one analysed language + re-placement 0.75)", defaults);
        yield return ("the defaults before simil13 (name join always, no re-placement)", before);
        yield return ("no name join within one analysed language", before with { AnalysedNameJoin = AnalysedNameJoin.NotWithinOneLanguage });
        yield return ("no name join for an analysed language", before with { AnalysedNameJoin = AnalysedNameJoin.Never });
        yield return ("re-placement 0.75 (margin 0.05, two and more)", replace);
        yield return ("no name join within one analysed language + re-placement 0.75", replace with { AnalysedNameJoin = AnalysedNameJoin.NotWithinOneLanguage });
        yield return ("no name join for an analysed language + re-placement 0.75", replace with { AnalysedNameJoin = AnalysedNameJoin.Never });
    }

    /// <summary>
    /// simil17: the defaults (since simil17 template pages placed with no features, <see cref="ClusteringOptions.TemplatePages"/>), then
    /// template pages placed as any page (the defaults before simil17).
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> TemplatePagesGrid()
    {
        yield return ("defaults (since simil17: template pages kept out)", ClusteringOptions.Default);
        yield return ("template pages placed as any page (before simil17)", ClusteringOptions.Default with { TemplatePages = false });
    }

    /// <summary>
    /// simil20: a short side's lowered join threshold (<see cref="ClusteringOptions.ShortSideTerms"/> 30, floor 0.6, within one
    /// language: simil18's setting) with and without the guard of shared names (<see cref="ClusteringOptions.ShortSideSharedNames"/> 1
    /// and 2; no title guard), after the short sides off (main's defaults before simil21). A row equal to the defaults is the defaults themselves, so the
    /// defaults' error tables find them.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> ShortSidesGrid()
    {
        var defaults = ClusteringOptions.Default;
        var lowered = defaults with { ShortSideTerms = 30, ShortSideFloor = 0.6, ShortSideTitleTermDocuments = 0 };
        (string, ClusteringOptions) Row(string name, ClusteringOptions options) => (options == defaults ? name + " (the defaults)" : name, options == defaults ? defaults : options);
        yield return Row("short sides off (main before simil20)", defaults with { ShortSideTerms = 0 });
        yield return Row("under 30 terms, floor 0.6, no guard (simil18)", lowered with { ShortSideSharedNames = 0 });
        yield return Row("under 30 terms, floor 0.6, one shared name", lowered with { ShortSideSharedNames = 1 });
        yield return Row("under 30 terms, floor 0.6, two shared names", lowered with { ShortSideSharedNames = 2 });
    }

    /// <summary>
    /// simil21: the short side's lowered join (30 terms, floor 0.6, as <see cref="ShortSidesGrid"/>) guarded by a shared term of the
    /// short side's own title that at most 3 or 10 documents carry (<see cref="ClusteringOptions.ShortSideTitleTermDocuments"/>), with
    /// two shared names as the other way through (<see cref="ClusteringOptions.ShortSideSharedNames"/>, simil20's guard) and alone,
    /// after main's defaults (short sides off).
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> ShortSideTitlesGrid()
    {
        var defaults = ClusteringOptions.Default;
        var lowered = defaults with { ShortSideTerms = 30, ShortSideFloor = 0.6 };
        (string, ClusteringOptions) Row(string name, ClusteringOptions options) => (options == defaults ? name + " (the defaults)" : name, options == defaults ? defaults : options);
        yield return Row("short sides off (main before simil21)", defaults with { ShortSideTerms = 0 });
        foreach (var documents in new[] { 3, 10 })
        {
            yield return Row($"under 30 terms, two shared names or a title term of at most {documents} documents", lowered with { ShortSideSharedNames = 2, ShortSideTitleTermDocuments = documents });
            yield return Row($"under 30 terms, a title term of at most {documents} documents", lowered with { ShortSideSharedNames = 0, ShortSideTitleTermDocuments = documents });
        }
    }

    /// <summary>
    /// simil22: figures alone do not join (<see cref="ClusteringOptions.WordsOrNamesFloor"/>): the defaults (off), then a pair scored 0
    /// unless its terms or names share something (a floor of 1e-9), then unless either cosine reaches 0.02.
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> WordsOrNamesGrid()
    {
        var defaults = ClusteringOptions.Default;
        (string, ClusteringOptions) Row(string name, ClusteringOptions options) => (options == defaults ? name + " (the defaults)" : name, options == defaults ? defaults : options);
        yield return Row("figures may join alone (main before simil22)", defaults with { WordsOrNamesFloor = 0 });
        yield return Row("terms or names must share something (floor 1e-9)", defaults with { WordsOrNamesFloor = 1e-9 });
        yield return Row("terms or names cosine at least 0.02", defaults with { WordsOrNamesFloor = 0.02 });
    }

    /// <summary>simil15's Chinese glossary: the defaults, then Chinese character pairs glossed into English terms (<see cref="ClusteringOptions.ChineseGlossWeight"/>) at three weights.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> ChineseGlossGrid() => ChineseGlossWeights("", 0.5, 1.0, 2.0);

    /// <summary>Round 2 of <see cref="ChineseGlossGrid"/> (its weights rose to the last, x2): the defaults, then x3 and x4.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> ChineseGloss2Grid() => ChineseGlossWeights("", 3.0, 4.0);

    /// <summary>
    /// Round 3 of <see cref="ChineseGlossGrid"/>, after the Chinese glossary was keyed by its character pairs (<see cref="Glossary.KeyOf"/>;
    /// rounds 1 and 2 looked pairs up by their toneless Latin spelling, which merged words of one sound): the defaults, then x2 and x3.
    /// Rounds 1 and 2 run with today's keys, so they no longer give their rounds' figures (docs/BENCHMARKS.md, simil15).
    /// </summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> ChineseGloss3Grid() => ChineseGlossWeights(", keyed by character pairs", 2.0, 3.0);

    /// <summary>The defaults, then <see cref="ClusteringOptions.ChineseGlossWeight"/> at each weight, named "Chinese glossed xW" and <paramref name="suffix"/>.</summary>
    private static IEnumerable<(string Name, ClusteringOptions Options)> ChineseGlossWeights(string suffix, params double[] weights)
    {
        yield return ("defaults", ClusteringOptions.Default);
        foreach (var weight in weights)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"Chinese glossed x{weight}{suffix}"), ClusteringOptions.Default with { ChineseGlossWeight = weight });
        }
    }

    /// <summary>The defaults, then Han name sound keys (<see cref="ClusteringOptions.HanNameKeys"/>) on.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> HanNameKeysGrid()
    {
        yield return ("defaults", ClusteringOptions.Default);
        yield return ("Han name keys", ClusteringOptions.Default with { HanNameKeys = true });
    }

    /// <summary>
    /// Clusters <paramref name="documents"/> (those ingest would: with text, of a page type that forms stories) under each
    /// setting and scores the pairs, in the ingest's order and then in <paramref name="orders"/> shuffled orders (seeds 1,
    /// 2, ...: the same orders for every setting); best training score first.
    /// </summary>
    public static List<TunedSetting> Run(
        IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, IEnumerable<(string Name, ClusteringOptions Options)> settings,
        Action<TunedSetting>? progress = null, int orders = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfNegative(orders);
        var sequences = Orders(documents, orders);
        var results = new List<TunedSetting>();
        foreach (var (name, options) in settings)
        {
            var result = new TunedSetting(name, options, [.. sequences.Select(sequence => Score(pairs, documents, sequence, options))]);
            progress?.Invoke(result);
            results.Add(result);
        }
        return [.. results.OrderByDescending(r => r.TrainScore)];
    }

    private static SimilarityEvaluation Score(IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, Document[] sequence, ClusteringOptions options) =>
        SimilarityEvaluator.Score(pairs, StoriesByKey(documents, Cluster(sequence, options)));

    private static StoryClusterer Cluster(Document[] sequence, ClusteringOptions options)
    {
        var clusterer = new StoryClusterer(options);
        foreach (var document in sequence) clusterer.Assign(document);
        clusterer.Settle();
        return clusterer;
    }

    private static Dictionary<string, string> StoriesByKey(IReadOnlyList<Document> documents, StoryClusterer clusterer)
    {
        var stories = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Article.Url is { } url) stories[SimilarityEvaluator.KeyOf(url)] = clusterer.StoryOf(document.Id) ?? document.Id;
        }
        return stories;
    }

    /// <summary>
    /// Where the training pairs are lost under <paramref name="options"/>, in the ingest order and <paramref name="orders"/> shuffled
    /// orders (the orders of <see cref="Run"/>): each wrong pair is scored as the clusterer scores the two articles alone once all
    /// have arrived (<see cref="StoryPairScores.Compare"/>) and put in a <see cref="SimilarityErrorClass"/>; the counts are
    /// summed over the orders. Held-out pairs are never looked at.
    /// </summary>
    public static List<SimilarityErrorCount> ErrorClasses(
        IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, ClusteringOptions options, int orders = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(documents);
        var byKey = DocumentsByKey(documents);
        var counts = new Dictionary<(bool Cross, SimilarityErrorClass Class), int>();
        var sequences = Orders(documents, orders);
        foreach (var sequence in sequences)
        {
            var clusterer = Cluster(sequence, options);
            var stories = StoriesByKey(documents, clusterer);
            foreach (var pair in TrainingPairs(pairs))
            {
                var joined = string.Equals(stories[pair.First], stories[pair.Second], StringComparison.Ordinal);
                if (joined == pair.SameStory) continue;
                var (first, second) = (byKey[pair.First], byKey[pair.Second]);
                var alone = clusterer.Compare(first, second) >= PairThreshold(pair, options);
                var kind = Classify(pair, joined, alone, first, second);
                counts[(pair.CrossLanguage, kind)] = counts.GetValueOrDefault((pair.CrossLanguage, kind)) + 1;
            }
        }
        return [.. counts.OrderBy(c => c.Key.Cross).ThenBy(c => c.Key.Class)
            .Select(c => new SimilarityErrorCount(c.Key.Cross, c.Key.Class, c.Value, sequences.Count))];
    }

    /// <summary>
    /// Every judged training pair under <paramref name="options"/>: in how many of the ingest order and <paramref name="orders"/>
    /// shuffled orders (those of <see cref="Run"/>) the two articles end in one story, and how the clusterer scores the two alone
    /// once all have arrived, channel by channel, against their assign threshold; for offline analysis of what separates the
    /// pairs. Held-out pairs are never looked at.
    /// </summary>
    public static List<SimilarityPairDiagnostic> PairDiagnostics(
        IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, ClusteringOptions options, int orders = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(documents);
        var training = TrainingPairs(pairs).ToList();
        var joinedOrders = new int[training.Count];
        var sequences = Orders(documents, orders);
        StoryClusterer? last = null;
        foreach (var sequence in sequences)
        {
            last = Cluster(sequence, options);
            var stories = StoriesByKey(documents, last);
            for (var i = 0; i < training.Count; i++)
            {
                if (string.Equals(stories[training[i].First], stories[training[i].Second], StringComparison.Ordinal)) joinedOrders[i]++;
            }
        }
        var byKey = DocumentsByKey(documents);
        return [.. training.Select((pair, i) => new SimilarityPairDiagnostic(
            pair, joinedOrders[i], sequences.Count, last!.CompareChannels(byKey[pair.First], byKey[pair.Second]), PairThreshold(pair, options)))];
    }

    /// <summary>
    /// Every judged training pair the clusterer joins under <paramref name="options"/>, in the ingest order and
    /// <paramref name="orders"/> shuffled orders (those of <see cref="Run"/>), with the join that last put its two articles in one
    /// story (<see cref="StoryClusterer.JoinObserver"/>): what made it, at which arrival (null: the settle), how large the two sides
    /// were, and whether the pair alone reaches its threshold. A pair put together by a split, repartition or re-placement
    /// (which report no join) has kind "moved", or the earlier join that once put its two articles together, if any.
    /// Held-out pairs are never looked at.
    /// </summary>
    public static List<SimilarityJoinedPair> JoinedPairs(
        IReadOnlyList<SimilarityPair> pairs, IReadOnlyList<Document> documents, ClusteringOptions options, int orders = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(documents);
        var byKey = DocumentsByKey(documents);
        var different = TrainingPairs(pairs).ToList();
        var result = new List<SimilarityJoinedPair>();
        var sequences = Orders(documents, orders);
        for (var o = 0; o < sequences.Count; o++)
        {
            var joins = new List<(long? Step, StoryJoin Join)>();
            var clusterer = new StoryClusterer(options);
            long? step = 0;
            clusterer.JoinObserver = join => joins.Add((step, join));
            foreach (var document in sequences[o])
            {
                step++;
                clusterer.Assign(document);
            }
            step = null;
            clusterer.Settle();
            var stories = StoriesByKey(documents, clusterer);
            foreach (var pair in different)
            {
                if (!string.Equals(stories[pair.First], stories[pair.Second], StringComparison.Ordinal)) continue;
                var (first, second) = (byKey[pair.First], byKey[pair.Second]);
                var alone = clusterer.Compare(first, second) >= PairThreshold(pair, options);
                var last = joins.FindLastIndex(j => Across(j.Join, first.Id, second.Id));
                if (last < 0)
                {
                    result.Add(new SimilarityJoinedPair(o, pair, alone, SimilarityJoinedPair.Moved, null, 0, 0, 0, false));
                    continue;
                }
                var (at, join) = joins[last];
                var lone = join.Joining.Count == 1 && (join.Joining[0] == first.Id || join.Joining[0] == second.Id);
                result.Add(new SimilarityJoinedPair(o, pair, alone, join.Kind, at, join.Into.Count, join.Joining.Count, join.Score, lone));
            }
        }
        return result;
    }

    private static bool Across(StoryJoin join, string first, string second) =>
        (join.Into.Contains(first) && join.Joining.Contains(second)) || (join.Into.Contains(second) && join.Joining.Contains(first));

    private static IEnumerable<SimilarityPair> TrainingPairs(IReadOnlyList<SimilarityPair> pairs) => pairs.Where(p => p.Judged && !p.HeldOut);

    private static Dictionary<string, Document> DocumentsByKey(IReadOnlyList<Document> documents)
    {
        var byKey = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.Article.Url is { } url) byKey[SimilarityEvaluator.KeyOf(url)] = document;
        }
        return byKey;
    }

    /// <summary>Articles of at most this many characters are short: a teaser, a title with a line, a cut page.</summary>
    public const int ShortArticleCharacters = 600;

    private static SimilarityErrorClass Classify(SimilarityPair pair, bool joined, bool joinsAlone, Document first, Document second)
    {
        if (joined) return joinsAlone ? SimilarityErrorClass.FalseJoinOnItsOwn : SimilarityErrorClass.FalseJoinThroughStory;
        if (joinsAlone) return SimilarityErrorClass.MissedThoughJoinsAlone;
        if (pair.CrossLanguage && IsLatinScript(pair.FirstLanguage) != IsLatinScript(pair.SecondLanguage)) return SimilarityErrorClass.MissedAcrossScripts;
        return (first.Text?.Length ?? 0) <= ShortArticleCharacters || (second.Text?.Length ?? 0) <= ShortArticleCharacters
            ? SimilarityErrorClass.MissedShortSide
            : SimilarityErrorClass.MissedUnderThreshold;
    }

    private static bool IsLatinScript(string language) => language is not ("ar" or "ru" or "zh");

    /// <summary>The lower of the two articles' assign thresholds: whichever arrives second, the pair joins alone from it.</summary>
    private static double PairThreshold(SimilarityPair pair, ClusteringOptions options)
    {
        double Of(string language) => options.AnalysedAssignThreshold is { } analysed && options.AnalysedLanguages.Contains(language) ? analysed : options.AssignThreshold;
        return Math.Min(Of(pair.FirstLanguage), Of(pair.SecondLanguage));
    }

    private static List<Document[]> Orders(IReadOnlyList<Document> documents, int orders)
    {
        var ingestOrder = documents.Where(d => !string.IsNullOrWhiteSpace(d.Text) && d.Article.PageType.FormsStories())
            .Select((document, arrival) => (document, arrival))
            .OrderBy(x => x.document.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.arrival)
            .Select(x => x.document)
            .ToArray();
        var sequences = new List<Document[]> { ingestOrder };
        for (var seed = 1; seed <= orders; seed++)
        {
            var shuffled = ingestOrder.ToArray();
            new Random(seed).Shuffle(shuffled);
            sequences.Add(shuffled);
        }
        return sequences;
    }
}

/// <summary>Why a training pair is wrong, judged by how the clusterer scores its two articles alone once all have arrived.</summary>
public enum SimilarityErrorClass
{
    /// <summary>One story, apart, though the two alone reach the assign threshold: the placement (candidate lookup, a story's profile, order) kept them apart.</summary>
    MissedThoughJoinsAlone,

    /// <summary>One story, apart, the two alone under the threshold, in different scripts (Latin against Arabic, Cyrillic or Han).</summary>
    MissedAcrossScripts,

    /// <summary>One story, apart, the two alone under the threshold, one of them short (<see cref="SimilarityTuning.ShortArticleCharacters"/>).</summary>
    MissedShortSide,

    /// <summary>One story, apart, the two alone under the threshold: the features do not show it.</summary>
    MissedUnderThreshold,

    /// <summary>Different stories joined, and the two alone reach the threshold: the features take them for one.</summary>
    FalseJoinOnItsOwn,

    /// <summary>Different stories joined though the two alone stay under the threshold: a chain through the story's other articles.</summary>
    FalseJoinThroughStory,
}

/// <summary>How many training pairs of one kind (same- or cross-language) fell in an error class, summed over <see cref="Orders"/> orders.</summary>
public sealed record SimilarityErrorCount(bool CrossLanguage, SimilarityErrorClass Class, int Count, int Orders)
{
    public double MeanPerOrder => (double)Count / Orders;
}

/// <summary>
/// A judged training pair (of one story or not) joined in one order (<see cref="SimilarityTuning.JoinedPairs"/>): whether its two articles alone reach
/// their threshold, the kind of the join that last put them together (<see cref="StoryJoin.Kind"/>, or "moved"), the arrival it was
/// made at (null: the settle), the sizes of the story joined into and of the side joining (<see cref="StoryJoin.Into"/>,
/// <see cref="StoryJoin.Joining"/>), the two sides' similarity then, and whether the joining side was one of the pair's articles alone
/// (a lone article that itself looked for a story to join, as at the settle, is the <see cref="StoryJoin.Into"/> side and not counted).
/// </summary>
public sealed record SimilarityJoinedPair(int Order, SimilarityPair Pair, bool JoinsAlone, string Kind, long? Step, int IntoSize, int JoiningSize, double Score, bool PairArticleJoinedAlone)
{
    /// <summary>The kind of a pair put in one story by a split, repartition or re-placement with no join between its articles before (no step, sizes or score).</summary>
    public const string Moved = "moved";
}

/// <summary>
/// One judged training pair as the clusterer treats it (<see cref="SimilarityTuning.PairDiagnostics"/>): in how many of the orders
/// clustered its two articles ended in one story, their score alone with its channel cosines, and the threshold that score meets.
/// </summary>
public sealed record SimilarityPairDiagnostic(SimilarityPair Pair, int JoinedOrders, int Orders, PairComparison Alone, double Threshold);
