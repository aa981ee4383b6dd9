using Crosscheck.Core.Model;
using Crosscheck.Extraction.PageTypes;
using Crosscheck.Training;

namespace Crosscheck.Extraction.Tests;

/// <summary>Page-type models that type every page alike, so that a test can read one page as each type.</summary>
internal static class OneTypeModels
{
    /// <summary>A page-type model that types every page as <paramref name="type"/>.</summary>
    public static PageTypeModel EverythingOf(PageType type)
    {
        var samples = Enumerable.Range(0, 12).Select(i => new PageTypeSample($"p{i}", $"site{i}", Features(i / 12.0), type)).ToList();
        return PageTypeBooster.Fit(samples, new PageTypeBooster.Settings(Rounds: 5, Depth: 2));
    }

    private static double[] Features(double prices)
    {
        var features = new double[PageSignals.Names.Count];
        features[PageSignals.Index("prices")] = prices;
        return features;
    }
}
