using Crosscheck.Annotation.Entities;

namespace Crosscheck.Evaluation.Entities;

/// <summary>
/// Where the entity errors of one gold type come from. A gold entity is right (span and type), of the wrong type (same
/// span), of the wrong extent (an overlapping prediction of its type, other boundaries), both (overlapping, other type and
/// boundaries) or missed (no prediction overlaps it); a prediction that overlaps no gold entity is spurious (counted
/// under the predicted type).
/// </summary>
public readonly record struct NerErrorCounts(int Right, int WrongType, int WrongExtent, int WrongTypeAndExtent, int Missed, int Spurious);

/// <summary>Counts <see cref="NerErrorCounts"/> per type over tagged sentences, to see which kind of error a change moves.</summary>
public static class NerErrorKinds
{
    /// <summary>
    /// The error counts per type (indexed by the tagger's type number) of <paramref name="predictions"/> (IOB2 tags per
    /// sentence, as the evaluator's scoring writes them) against the sentences' gold tags.
    /// </summary>
    public static NerErrorCounts[] Count(IReadOnlyList<ConllSentence> sentences, IReadOnlyList<string[]> predictions)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(predictions);
        if (sentences.Count != predictions.Count) throw new ArgumentException("one prediction per sentence is needed.", nameof(predictions));
        var counts = new NerErrorCounts[Bilou.TypeCount];
        for (var s = 0; s < sentences.Count; s++)
        {
            var gold = sentences[s].Entities(ConllCorpus.ConllType);
            var predicted = ConllCorpus.Chunks(predictions[s], ConllCorpus.ConllType);
            foreach (var (start, end, type) in gold)
            {
                var overlapping = predicted.Where(p => p.Start < end && start < p.End).ToList();
                var c = counts[type];
                counts[type] = overlapping.Contains((start, end, type)) ? c with { Right = c.Right + 1 }
                    : overlapping.Count == 0 ? c with { Missed = c.Missed + 1 }
                    : overlapping.Any(p => p.Start == start && p.End == end) ? c with { WrongType = c.WrongType + 1 }
                    : overlapping.Any(p => p.Type == type) ? c with { WrongExtent = c.WrongExtent + 1 }
                    : c with { WrongTypeAndExtent = c.WrongTypeAndExtent + 1 };
            }
            foreach (var (start, end, type) in predicted)
                if (!gold.Any(g => g.Start < end && start < g.End)) counts[type] = counts[type] with { Spurious = counts[type].Spurious + 1 };
        }
        return counts;
    }

    /// <summary>
    /// How often a gold entity of type g (first index) was predicted with its exact span as type p (second index): the
    /// <see cref="NerErrorCounts.WrongType"/> errors by the type they were given (the diagonal holds the right ones).
    /// </summary>
    public static int[,] TypeConfusions(IReadOnlyList<ConllSentence> sentences, IReadOnlyList<string[]> predictions)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(predictions);
        var confusions = new int[Bilou.TypeCount, Bilou.TypeCount];
        for (var s = 0; s < sentences.Count && s < predictions.Count; s++)
        {
            var predicted = ConllCorpus.Chunks(predictions[s], ConllCorpus.ConllType);
            foreach (var (start, end, type) in sentences[s].Entities(ConllCorpus.ConllType))
                foreach (var p in predicted)
                    if (p.Start == start && p.End == end) confusions[type, p.Type]++;
        }
        return confusions;
    }

    /// <summary>
    /// One line per type that has gold entities or spurious predictions, the wrong types by what they were taken for:
    /// "ORG right 549, type 148 (LOC 90, MISC 40, PER 18), extent 12, both 20, missed 5, spurious 28".
    /// </summary>
    public static IEnumerable<string> Describe(NerErrorCounts[] counts, int[,] confusions)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(confusions);
        for (var type = 0; type < counts.Length; type++)
        {
            var c = counts[type];
            if (c.Right + c.WrongType + c.WrongExtent + c.WrongTypeAndExtent + c.Missed + c.Spurious == 0) continue;
            var taken = string.Join(", ", Enumerable.Range(0, counts.Length).Where(p => p != type && confusions[type, p] > 0).Select(p => $"{Bilou.TypeNames[p]} {confusions[type, p]}"));
            yield return $"{Bilou.TypeNames[type]} right {c.Right}, type {c.WrongType}{(taken.Length > 0 ? $" ({taken})" : "")}, extent {c.WrongExtent}, both {c.WrongTypeAndExtent}, missed {c.Missed}, spurious {c.Spurious}";
        }
    }
}
