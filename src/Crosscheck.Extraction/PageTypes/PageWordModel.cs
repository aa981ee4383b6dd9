using System.Collections.Frozen;
using System.Globalization;

namespace Crosscheck.Extraction.PageTypes;

/// <summary>
/// The features of one page the page-type model reads: <see cref="PageSignals"/>' values (in the order of
/// <see cref="PageSignals.Names"/>; the word scores' places are left at zero) and the distinct words of the page's
/// title, address and declared schema.org and OpenGraph types, prefixed by their place, for <see cref="PageWordModel"/>.
/// </summary>
internal sealed record PageFeatures(double[] Values, IReadOnlyList<string> Words);

/// <summary>
/// A naive Bayes reading of a page's words, one score per type for all the words, the title's and the address's
/// (<see cref="PageSignals.WordPlaces"/>): the mean, over those of the page's words the model knows, of
/// log P(word on a page | type) - log P(word on a page | another type). Words carry what the counted features miss
/// (a title naming "services" or "pricing", an address segment naming a category), and the mean keeps the score
/// comparable between a long title and a short one. The boosted trees read the scores as features
/// (<see cref="PageSignals.WordScoreNames"/>), so the trees decide how far to trust them. The weights are fitted with
/// the trees by <c>crosscheck train page-types --words</c> and shipped in the same file ("word" lines); a model file
/// without them leaves the scores at zero.
/// </summary>
internal sealed class PageWordModel
{
    private readonly FrozenDictionary<string, double[]> _weights;

    /// <param name="weights">Each known word's weight per type, in the order of the model's classes.</param>
    public PageWordModel(IReadOnlyDictionary<string, double[]> weights) =>
        _weights = weights.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The known words and their weights.</summary>
    public IReadOnlyDictionary<string, double[]> Weights => _weights;

    /// <summary>
    /// A copy of <paramref name="page"/>'s values with the word scores (<see cref="PageSignals.WordScoreNames"/>, one
    /// per place and class, classes in <paramref name="classes"/> order) filled in; a place without a known word scores zero.
    /// </summary>
    public double[] Fill(PageFeatures page, int classes)
    {
        var values = (double[])page.Values.Clone();
        var places = PageSignals.WordPlaces;
        var sums = new double[places.Count * classes];
        var known = new int[places.Count];
        foreach (var word in page.Words)
        {
            if (!_weights.TryGetValue(word, out var weights)) continue;
            for (var p = 0; p < places.Count; p++)
            {
                if (places[p].Place is { } place && word[0] != place) continue;
                known[p]++;
                for (var c = 0; c < classes; c++) sums[p * classes + c] += weights[c];
            }
        }
        for (var p = 0; p < places.Count; p++)
        {
            for (var c = 0; c < classes; c++)
                values[PageSignals.WordScoreIndex + p * PageSignals.TypeCount + c] = known[p] == 0 ? 0 : sums[p * classes + c] / known[p];
        }
        return values;
    }

    /// <summary>The model file's row of one word: "word", the word, its weights.</summary>
    public static IEnumerable<string> Rows(PageWordModel model, Func<double, string> format) =>
        model._weights.OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => "word\t" + w.Key + "\t" + string.Join('\t', w.Value.Select(format)));

    /// <summary>Reads a "word" row's weights; throws on a malformed row.</summary>
    public static (string Word, double[] Weights) ParseRow(string[] row, int classes)
    {
        if (row.Length != classes + 2) throw new InvalidDataException($"page-type model: a word row needs {classes} weights");
        return (row[1], [.. row.Skip(2).Select(value => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number : throw new InvalidDataException($"page-type model: '{value}' is not a number"))]);
    }
}
