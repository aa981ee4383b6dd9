using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Annotation.Words;

namespace Crosscheck.Annotation.Quantities;

/// <summary>The word lists of the quantity recogniser, loaded once from <c>Quantities/Data</c>.</summary>
internal sealed class QuantityLexicon
{
    public static QuantityLexicon Instance { get; } = new();

    private QuantityLexicon()
    {
        Qualifiers = Phrases("qualifiers.txt");
        foreach (var row in Lexicon.Rows(typeof(QuantityLexicon).Assembly, "Quantities/Data/number-words.txt", LexiconCase.Exact))
        {
            var value = double.Parse(row[1], CultureInfo.InvariantCulture);
            (row[2] switch { "unit" => Units, "scale" => Scales, _ => Suffixes })[row[0]] = value;
        }
        foreach (var row in Lexicon.Rows(typeof(QuantityLexicon).Assembly, "Quantities/Data/currencies.txt", LexiconCase.Exact))
        {
            switch (row[0])
            {
                case "symbol": Symbols.Add((row[1], row[2])); break;
                case "code": Codes[row[1]] = row[2]; break;
                default: CurrencyNames.Add(Phrase.Parse(row[1], row[2])); break;
            }
        }
        Symbols.Sort((a, b) => b.Symbol.Length.CompareTo(a.Symbol.Length));
        CurrencyNames.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        Periods = Phrases("periods.txt");
        Measures = Phrases("measures.txt");
        Stop = Lexicon.Set(typeof(QuantityLexicon).Assembly, "Quantities/Data/counted-stop.txt", LexiconCase.IgnoreCase);
        IrregularPlurals = Lexicon.Set(typeof(QuantityLexicon).Assembly, "Quantities/Data/irregular-plurals.txt", LexiconCase.IgnoreCase);
        Labels = Lexicon.Set(typeof(QuantityLexicon).Assembly, "Quantities/Data/labels.txt", LexiconCase.IgnoreCase);
        QualifierValues = Qualifiers.ToDictionary(p => p, p => Enum.Parse<Qualifier>(p.Value));
        UnitLookup = Units.GetAlternateLookup<ReadOnlySpan<char>>();
        ScaleLookup = Scales.GetAlternateLookup<ReadOnlySpan<char>>();
        SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        CodeLookup = Codes.GetAlternateLookup<ReadOnlySpan<char>>();
        StopLookup = Stop.GetAlternateLookup<ReadOnlySpan<char>>();
        PluralLookup = IrregularPlurals.GetAlternateLookup<ReadOnlySpan<char>>();
        LabelLookup = Labels.GetAlternateLookup<ReadOnlySpan<char>>();
        MeasureWords = Measures.Where(p => p.Words.Length == 1).GroupBy(p => p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
        AgeUnits = Lexicon.Rows(typeof(QuantityLexicon).Assembly, "Quantities/Data/age-units.txt", LexiconCase.Exact)
            .ToDictionary(row => row[0], row => row[1], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One-word units of measure → their symbol ("yards" → "yd").</summary>
    public Dictionary<string, string> MeasureWords { get; }

    /// <summary>Units of an age compound ("year" of "50-year-old") → the unit's name.</summary>
    public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AgeUnits { get; }

    public List<Phrase> Qualifiers { get; }

    public Dictionary<Phrase, Qualifier> QualifierValues { get; }

    public Dictionary<string, double> Units { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, double> Scales { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scale abbreviations written right after digits; case-sensitive ("2.5m", not "2.5M" metres... both accepted lower-case only).</summary>
    public Dictionary<string, double> Suffixes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency symbols, longest first so "US$" wins over "$".</summary>
    public List<(string Symbol, string Iso)> Symbols { get; } = [];

    /// <summary>ISO-like codes, matched case-sensitively (upper case) so "try" is not the lira.</summary>
    public Dictionary<string, string> Codes { get; } = new(StringComparer.Ordinal);

    public List<Phrase> CurrencyNames { get; } = [];

    public List<Phrase> Periods { get; }

    public List<Phrase> Measures { get; }

    public FrozenSet<string> Stop { get; }

    public FrozenSet<string> IrregularPlurals { get; }

    public FrozenSet<string> Labels { get; }

    public Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> UnitLookup { get; }

    public Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> ScaleLookup { get; }

    public Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup { get; }

    public Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CodeLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PluralLookup { get; }

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LabelLookup { get; }

    private static List<Phrase> Phrases(string file)
    {
        var list = Lexicon.Rows(typeof(QuantityLexicon).Assembly, "Quantities/Data/" + file, LexiconCase.Exact)
            .Select(row => Phrase.Parse(row[0], row[1], row.Length > 2 ? row[2] : null))
            .ToList();
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        return list;
    }
}
