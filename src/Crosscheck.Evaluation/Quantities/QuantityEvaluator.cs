using System.Globalization;
using System.Text.Json;
using Crosscheck.Core.Model;

namespace Crosscheck.Evaluation.Quantities;

/// <summary>
/// Scores quantity recognition on a JSONL file of sentences with hand-annotated quantities
/// (data/quantities/README.md describes the format). A found quantity matches a gold one of the same
/// sentence when their values agree: the same single value, or the same low and high of a range
/// (relative difference at most <see cref="Tolerance"/>, so "a third" written 0.3333 matches 1/3).
/// "value+unit" also needs the same normalised unit (a rate's unit is "UNIT/PER": "USD/barrel").
/// Matching is one-to-one, in text order.
/// </summary>
public static class QuantityEvaluator
{
    public const double Tolerance = 1e-3;

    /// <summary>A gold or found quantity as the metric sees it.</summary>
    public sealed record Item(string Text, double Value, double? High, string? Unit, string Kind, string? Rule = null)
    {
        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"\"{Text}\" {Value:G6}{(High is { } h ? $"..{h:G6}" : "")} {Unit ?? "-"} ({Kind}{(Rule is null ? "" : ", " + Rule)})");
    }

    /// <summary>One sentence of the set with its gold quantities and what was found in it.</summary>
    public sealed record Sentence(string Id, string Split, string Text, IReadOnlyList<Item> Gold, IReadOnlyList<Item> Found, IReadOnlyList<Item> Missed, IReadOnlyList<Item> Spurious);

    /// <summary>Recall of one gold kind: how many of its gold quantities were found with the right value, and with the right unit too.</summary>
    public sealed record KindRow(string Kind, int Gold, int ValueMatched, int UnitMatched);

    public sealed record Evaluation(string Split, IReadOnlyList<Sentence> Sentences, MatchScore Value, MatchScore ValueUnit, IReadOnlyList<KindRow> PerKind);

    /// <summary>
    /// Reads <paramref name="path"/>, keeps the sentences of <paramref name="split"/> ("all" keeps every one),
    /// annotates each text with <paramref name="annotate"/> and scores what it finds.
    /// </summary>
    public static Evaluation Evaluate(string path, string split, Func<string, Document> annotate)
    {
        ArgumentNullException.ThrowIfNull(annotate);
        var sentences = new List<Sentence>();
        int found = 0, gold = 0, valueMatched = 0, unitMatched = 0;
        var kinds = new SortedDictionary<string, (int Gold, int Value, int Unit)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var (id, lineSplit, text, goldItems) = Parse(line, $"{path}#{lineNumber}");
            if (split != "all" && lineSplit != split) continue;
            var document = annotate(text);
            var foundItems = document.Quantities.Select(q => FromQuantity(text, q)).ToList();
            var valueMatches = Match(goldItems, foundItems, withUnit: false);
            var unitMatches = Match(goldItems, foundItems, withUnit: true);
            found += foundItems.Count;
            gold += goldItems.Count;
            valueMatched += valueMatches.Count(m => m >= 0);
            unitMatched += unitMatches.Count(m => m >= 0);
            for (var g = 0; g < goldItems.Count; g++)
            {
                var row = kinds.GetValueOrDefault(goldItems[g].Kind);
                kinds[goldItems[g].Kind] = (row.Gold + 1, row.Value + (valueMatches[g] >= 0 ? 1 : 0), row.Unit + (unitMatches[g] >= 0 ? 1 : 0));
            }
            var usedByUnit = new HashSet<int>(unitMatches.Where(m => m >= 0));
            sentences.Add(new Sentence(id, lineSplit, text, goldItems, foundItems,
                [.. goldItems.Where((_, g) => unitMatches[g] < 0)],
                [.. foundItems.Where((_, f) => !usedByUnit.Contains(f))]));
        }
        if (sentences.Count == 0) throw new EvaluationDataException($"{path}: no sentence of split '{split}' (expected train, dev or all)");
        return new Evaluation(split, sentences, new MatchScore(found, gold, valueMatched), new MatchScore(found, gold, unitMatched),
            [.. kinds.Select(k => new KindRow(k.Key, k.Value.Gold, k.Value.Value, k.Value.Unit))]);
    }

    /// <summary>The metric's view of a found quantity: a rate's unit carries its period ("USD/month").</summary>
    public static Item FromQuantity(string text, Quantity quantity)
    {
        var unit = quantity.Unit;
        if (quantity.Period is { } per) unit = (unit ?? "") + "/" + per;
        return new Item(text.Substring(quantity.Span.Start, quantity.Span.Length), quantity.Value, quantity.High, unit,
            quantity.Kind.ToString().ToLowerInvariant(), quantity.Rule);
    }

    /// <summary>For each gold item the index of the found item it matched, or -1; greedy, one-to-one, in order.</summary>
    public static int[] Match(IReadOnlyList<Item> gold, IReadOnlyList<Item> found, bool withUnit)
    {
        var result = new int[gold.Count];
        var used = new bool[found.Count];
        for (var g = 0; g < gold.Count; g++)
        {
            result[g] = -1;
            for (var f = 0; f < found.Count; f++)
            {
                if (used[f] || !SameValue(gold[g], found[f]) || (withUnit && !string.Equals(gold[g].Unit, found[f].Unit, StringComparison.Ordinal))) continue;
                used[f] = true;
                result[g] = f;
                break;
            }
        }
        return result;
    }

    private static bool SameValue(Item a, Item b) =>
        Close(a.Value, b.Value) && (a.High, b.High) switch
        {
            (null, null) => true,
            ({ } x, { } y) => Close(x, y),
            _ => false,
        };

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static (string Id, string Split, string Text, List<Item> Gold) Parse(string line, string where)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var text = root.GetProperty("text").GetString() ?? throw new EvaluationDataException($"{where}: no text");
            var items = new List<Item>();
            foreach (var q in root.GetProperty("quantities").EnumerateArray())
            {
                var span = q.GetProperty("span").GetString() ?? "";
                if (!text.Contains(span, StringComparison.Ordinal)) throw new EvaluationDataException($"{where}: span \"{span}\" is not in the text");
                double value;
                double? high = null;
                if (q.TryGetProperty("low", out var low))
                {
                    value = low.GetDouble();
                    high = q.GetProperty("high").GetDouble();
                }
                else
                {
                    value = q.GetProperty("value").GetDouble();
                }
                var unit = q.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                items.Add(new Item(span, value, high, unit, q.GetProperty("kind").GetString() ?? "?"));
            }
            return (root.GetProperty("id").GetString() ?? where, root.GetProperty("split").GetString() ?? "", text, items);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new EvaluationDataException($"{where}: {e.Message}");
        }
    }
}
