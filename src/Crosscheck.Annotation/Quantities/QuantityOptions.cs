using Crosscheck.Annotation.Quantities.Money;
using Crosscheck.Annotation.Words;

namespace Crosscheck.Annotation.Quantities;

/// <summary>Thresholds of <see cref="QuantityRecognizer"/>; the defaults are the documented behaviour.</summary>
public sealed record QuantityOptions : WordLayerOptions
{
    /// <summary>Digit runs longer than this (commas not counted) are not read as numbers: 15 digits is the precision of a double.</summary>
    public int MaxDigits { get; init; } = 15;

    /// <summary>Values above this (after scale words) are rejected as absurd; 10^15 is beyond any budget or head count.</summary>
    public double MaxValue { get; init; } = 1e15;

    /// <summary>How many words the counted noun phrase may hold ("400 trained harbour volunteers").</summary>
    public int MaxCountedWords { get; init; } = 4;

    /// <summary>Earliest and latest four-digit numbers read as years rather than counts when nothing says otherwise.</summary>
    public int MinYear { get; init; } = 1800;

    public int MaxYear { get; init; } = 2100;

    /// <summary>The rate table for <see cref="Crosscheck.Core.Model.Quantity.Normalized"/>; null turns normalisation off.</summary>
    public CurrencyConverter? Converter { get; init; } = CurrencyConverter.Default;

    /// <summary>Rules of the quantity rule table (by name) to leave out, to measure what one rule does (`eval quantities --without`).</summary>
    public IReadOnlySet<string> Without { get; init; } = new HashSet<string>();
}
