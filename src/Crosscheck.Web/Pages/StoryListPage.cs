using System.Globalization;
using Crosscheck.Reports;
using Crosscheck.Web.Hosting;

namespace Crosscheck.Web.Pages;

/// <summary>The home page: stories largest first, with size, outlets, first/last seen and articles over time.</summary>
public static class StoryListPage
{
    public static string Render(StoryPage page)
    {
        var filter = page.Filter;
        return Layout.Page("Stories", null, html =>
        {
            html.Tag("h1", "Stories");
            html.Raw("<form class=\"filters\" action=\"/\" method=\"get\">")
                .Raw("<label>Text ").Open("input", ("type", "search"), ("name", "q"), ("value", filter.Text ?? "")).Raw("</label>")
                .Raw("<label>From ").Open("input", ("type", "date"), ("name", "from"), ("value", Day(filter.From))).Raw("</label>")
                .Raw("<label>To ").Open("input", ("type", "date"), ("name", "to"), ("value", Day(filter.To))).Raw("</label>")
                .Raw("<button type=\"submit\">Filter</button></form>\n");
            if (page.Total == 0)
            {
                html.Tag("p", filter.Text is null && filter.From is null && filter.To is null
                    ? "No stories yet: ingest articles with `crosscheck ingest PATH` or POST them to /api/articles."
                    : "No story matches these filters.", "empty");
                return;
            }
            html.Tag("p", $"{page.Total} stor{(page.Total == 1 ? "y" : "ies")}, page {filter.Page} of {page.Pages}{LastChange(page)}", "meta");
            html.Raw("<table class=\"stories\">\n<thead><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>First seen</th><th>Last seen</th><th>Articles over time</th></tr></thead>\n<tbody>\n");
            foreach (var summary in page.Stories)
            {
                var story = summary.Story;
                html.Open("tr", ("data-story", story.Id)).Raw("<td>").Link(Urls.Story(story.Id), story.Title).Raw("</td>")
                    .Tag("td", story.ArticleIds.Count.ToString(CultureInfo.InvariantCulture), "num")
                    .Tag("td", Outlets(summary.Outlets))
                    .Tag("td", Time(story.FirstSeen)).Tag("td", Time(story.LastSeen))
                    .Raw("<td>");
                Charts.ArticlesOverTime(html, summary.Articles);
                html.Raw("</td></tr>\n");
            }
            html.Raw("</tbody></table>\n");
            Pager(html, page);
        });
    }

    /// <summary>When the newest article came in, so a reader of a store kept current by `crosscheck watch` can tell how fresh the list is.</summary>
    private static string LastChange(StoryPage page) => page.LastChange is { } time ? $"; last article received {Time(time.ToUniversalTime())} UTC" : "";

    private static void Pager(HtmlBuilder html, StoryPage page)
    {
        if (page.Pages <= 1) return;
        var filter = page.Filter;
        string Href(int number) => "/?" + string.Join("&", new[]
        {
            filter.Text is null ? null : "q=" + Uri.EscapeDataString(filter.Text),
            filter.From is null ? null : "from=" + Day(filter.From),
            filter.To is null ? null : "to=" + Day(filter.To),
            "page=" + number.ToString(CultureInfo.InvariantCulture),
        }.OfType<string>());
        html.Raw("<nav class=\"pager\">");
        // Past the end, "previous" leads back to the last page rather than one more empty one.
        if (filter.Page > 1) html.Link(Href(Math.Min(filter.Page - 1, page.Pages)), "← previous");
        if (filter.Page < page.Pages) html.Link(Href(filter.Page + 1), "next →");
        html.Raw("</nav>\n");
    }

    private static string Outlets(IReadOnlyList<string> outlets) =>
        outlets.Count <= 4 ? string.Join(", ", outlets) : string.Join(", ", outlets.Take(4)) + $" and {outlets.Count - 4} more";

    public static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "—";

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
