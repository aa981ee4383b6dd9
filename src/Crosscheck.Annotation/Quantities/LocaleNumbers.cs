using System.Globalization;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quantities;

/// <summary>
/// How numbers and money are written in one language: the decimal and grouping marks ("1.000,5",
/// "1 000"), scale words ("milliards", "Mio.", "млрд", "亿"), currency names and symbols, percent forms.
/// Read from Quantities/Data/locale-xx.txt; languages without a file (English among them) have none,
/// so the English rules stay as they are.
/// </summary>
internal sealed class LocaleNumbers
{
    private static readonly PerLanguage<LocaleNumbers> ByLanguage = new(["de", "es", "fr", "ru", "zh"], language => new LocaleNumbers(language));

    private LocaleNumbers(string language)
    {
        Language = language;
        foreach (var row in Lexicon.Rows(typeof(LocaleNumbers).Assembly, $"Quantities/Data/locale-{language}.txt", LexiconCase.Exact))
        {
            switch (row[0])
            {
                case "decimal": Decimal = row[1][0]; break;
                case "group": Groups.Add(row[1] == "space" ? ' ' : row[1][0]); break;
                case "scale": Scales.Add((row[1], double.Parse(row[2], CultureInfo.InvariantCulture))); break;
                case "joiner": Joiners.Add(row[1]); break;
                case "currency": Currencies.Add((row[1], row[2])); break;
                case "percent": Percents.Add(row[1]); break;
                default: throw new InvalidOperationException($"locale-{language}.txt: unknown kind '{row[0]}'");
            }
        }
        // Longest form first: "mil millones" before "mil", "美元" before "元".
        Scales.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));
        Currencies.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));
        Percents.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    public string Language { get; }

    public char Decimal { get; private set; } = '.';

    /// <summary>Digit-group marks; ' ' stands for any space (also U+00A0 and U+202F).</summary>
    public List<char> Groups { get; } = [];

    public List<(string Form, double Value)> Scales { get; } = [];

    public List<string> Joiners { get; } = [];

    public List<(string Form, string Iso)> Currencies { get; } = [];

    public List<string> Percents { get; } = [];

    /// <summary>Chinese writes words without spaces: a form may be glued to what follows it.</summary>
    public bool Unspaced => Language == "zh";

    /// <summary>The forms of <paramref name="language"/> (ISO 639-1, any region suffix ignored), or null when it has none.</summary>
    public static LocaleNumbers? For(string? language) => ByLanguage.For(language);

    public bool IsGroup(char c) => Groups.Contains(c) || (Groups.Contains(' ') && c is ' ' or '\u00A0' or '\u202F');
}
