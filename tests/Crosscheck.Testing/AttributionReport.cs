using System.Globalization;

namespace Crosscheck.Testing;

/// <summary>Reads figures back from the report `crosscheck eval attribution` prints ("direct content+source P R F1").</summary>
public static class AttributionReport
{
    public static double F1(string report, string scope, string match)
    {
        foreach (var line in report.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 5 && fields[0] == scope && fields[1] == match)
                return double.Parse(fields[4], CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"no {scope} {match} line in the report:\n{report}");
    }
}
