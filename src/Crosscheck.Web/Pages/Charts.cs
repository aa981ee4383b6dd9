using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>Small inline SVG charts: drawn on the server, so they need no script and pass the CSP.</summary>
public static class Charts
{
    private const int SparkWidth = 120, SparkHeight = 24, MaxBins = 30;

    /// <summary>Articles over time: one bar per day (or per equal slice of the story's span when it is long).</summary>
    public static void ArticlesOverTime(HtmlBuilder html, IEnumerable<Article> articles)
    {
        var dates = articles.Where(a => a.Published is not null).Select(a => a.Published!.Value.UtcDateTime.Date).Order().ToList();
        if (dates.Count == 0)
        {
            html.Tag("span", "undated", "meta");
            return;
        }
        var first = dates[0];
        var days = (int)(dates[^1] - first).TotalDays + 1;
        var bins = Math.Min(days, MaxBins);
        var counts = new int[bins];
        foreach (var date in dates) counts[Math.Min(bins - 1, (int)((date - first).TotalDays * bins / days))]++;
        var max = counts.Max();
        var barWidth = (double)SparkWidth / bins;
        var inv = CultureInfo.InvariantCulture;
        var label = string.Create(inv, $"{dates.Count} dated articles, {first:yyyy-MM-dd} to {dates[^1]:yyyy-MM-dd}, {(bins == days ? "per day" : $"in {bins} slices of {days} days")}");
        html.Open("svg", ("class", "spark"), ("xmlns", "http://www.w3.org/2000/svg"), ("width", SparkWidth.ToString(inv)), ("height", SparkHeight.ToString(inv)),
            ("viewBox", $"0 0 {SparkWidth} {SparkHeight}"), ("role", "img"), ("aria-label", label));
        html.Tag("title", label);
        for (var i = 0; i < bins; i++)
        {
            if (counts[i] == 0) continue;
            var height = Math.Max(2.0, counts[i] * (SparkHeight - 2.0) / max);
            html.Open("rect", ("x", (i * barWidth).ToString("0.##", inv)), ("y", (SparkHeight - height).ToString("0.##", inv)),
                ("width", Math.Max(1.0, barWidth - 1).ToString("0.##", inv)), ("height", height.ToString("0.##", inv))).Close("rect");
        }
        html.Close("svg");
    }
}
