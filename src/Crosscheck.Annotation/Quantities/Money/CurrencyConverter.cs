using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quantities.Money;

/// <summary>
/// Converts amounts to US dollars with the dated rate table shipped in <c>Money/Data/rates.csv</c>
/// (ECB annual averages, the CFA franc pegs, see the file header for sources). A conversion uses the
/// year of the article's date when the table has it, else the nearest year; with no date at all, the
/// mean over the table's years. Its note says which.
/// Immutable after construction; one instance serves all threads.
/// </summary>
public sealed class CurrencyConverter
{
    private const string RateResource = "Quantities/Money/Data/rates.csv";

    /// <summary>The converter over the shipped table.</summary>
    public static CurrencyConverter Default { get; } = new();

    // currency -> (year -> USD per unit), years sorted for nearest-year search.
    private readonly Dictionary<string, SortedList<int, double>> _usdPerUnit;

    public CurrencyConverter()
        : this(Lexicon.Lines(typeof(CurrencyConverter).Assembly, RateResource, LexiconCase.Exact))
    {
    }

    /// <summary>A converter over rate lines in the shipped CSV format (<c>period,currency,units,base,source</c>).</summary>
    public CurrencyConverter(IEnumerable<string> csvLines)
    {
        var eurBased = new List<(int Year, string Currency, double Units)>();
        var usdPerEur = new Dictionary<int, double>();
        _usdPerUnit = new Dictionary<string, SortedList<int, double>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in csvLines)
        {
            var fields = line.Split(',');
            if (fields.Length < 4 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)) continue;
            if (!double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var units) || units <= 0) continue;
            var currency = fields[1].Trim().ToUpperInvariant();
            var baseCurrency = fields[3].Trim().ToUpperInvariant();
            if (baseCurrency == "EUR")
            {
                if (currency == "USD") usdPerEur[year] = units;
                else eurBased.Add((year, currency, units));
            }
            else if (baseCurrency == "USD")
            {
                Add(currency, year, 1 / units);
            }
        }
        foreach (var (year, usd) in usdPerEur) Add("EUR", year, usd);
        foreach (var (year, currency, units) in eurBased)
        {
            // A EUR-based rate needs the same year's EUR/USD; without it the row cannot be expressed in dollars.
            if (usdPerEur.TryGetValue(year, out var usd)) Add(currency, year, usd / units);
        }
    }

    /// <summary>Currencies the table can convert (USD included).</summary>
    public IEnumerable<string> Currencies => _usdPerUnit.Keys.Append("USD");

    /// <summary>
    /// The USD value of an amount at a date, or null when the currency is not in the table.
    /// The note names the rate's year and whether it is the article's year or the nearest one.
    /// </summary>
    public NormalizedValue? ToUsd(double amount, string currency, DateTimeOffset? date)
    {
        if (!double.IsFinite(amount)) return null;
        if (string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase)) return new NormalizedValue(amount, "USD", "already in USD");
        if (!_usdPerUnit.TryGetValue(currency, out var byYear) || byYear.Count == 0) return null;

        string note;
        int year;
        if (date is { } known)
        {
            year = Nearest(byYear, known.Year);
            note = year == known.Year
                ? $"{currency.ToUpperInvariant()}->USD at the {year} annual average rate (article date {known:yyyy-MM-dd})"
                : $"{currency.ToUpperInvariant()}->USD at the {year} annual average rate, the nearest the table has to the article date {known:yyyy-MM-dd}";
        }
        else
        {
            // With no date, the mean rate over the table's years is the estimate with the least expected error.
            var mean = byYear.Values.Average();
            var undated = amount * mean;
            return double.IsFinite(undated)
                ? new NormalizedValue(undated, "USD", $"{currency.ToUpperInvariant()}->USD at the mean of the {byYear.Keys[0]}-{byYear.Keys[^1]} annual average rates (article date unknown)")
                : null;
        }
        var value = amount * byYear[year];
        return double.IsFinite(value) ? new NormalizedValue(value, "USD", note) : null;
    }

    private void Add(string currency, int year, double usdPerUnit)
    {
        if (!_usdPerUnit.TryGetValue(currency, out var byYear)) _usdPerUnit[currency] = byYear = new SortedList<int, double>();
        byYear[year] = usdPerUnit;
    }

    private static int Nearest(SortedList<int, double> byYear, int year)
    {
        var keys = byYear.Keys;
        var best = keys[0];
        foreach (var candidate in keys)
        {
            if (Math.Abs(candidate - year) < Math.Abs(best - year)) best = candidate;
        }
        return best;
    }
}
