using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>
/// A story's dossier as a page: the source × claim matrix coloured by status, the claims, entities
/// with their variants, quotes by speaker, the citation graph and the timeline.
/// </summary>
public static class StoryPageView
{
    public static string Render(Dossier dossier)
    {
        var story = dossier.Story;
        var labels = ReportText.ArticleLabels(dossier);
        string Label(string id) => labels.TryGetValue(id, out var label) ? label : id;
        return Layout.Page(story.Title, null, html =>
        {
            html.Tag("h1", story.Title);
            html.Tag("p", $"{dossier.Articles.Count} articles · {dossier.Claims.Count} claims · {dossier.Entities.Count} entities · " +
                $"first seen {StoryListPage.Time(story.FirstSeen)} · last seen {StoryListPage.Time(story.LastSeen)}", "meta");
            html.Raw("<nav class=\"sections\"><a href=\"#matrix\">Sources × claims</a><a href=\"#entities\">Entities</a><a href=\"#quotes\">Quotes</a>" +
                "<a href=\"#citations\">Citations</a><a href=\"#timeline\">Timeline</a><a href=\"#articles\">Articles</a>")
                .Link("/api/stories/" + Uri.EscapeDataString(story.Id), "JSON").Raw("</nav>\n");
            Matrix(html, dossier, Label);
            Claims(html, dossier, Label);
            Entities(html, dossier);
            Quotes(html, dossier, Label);
            Citations(html, dossier, Label);
            Timeline(html, dossier, Label);
            Articles(html, dossier);
        });
    }

    /// <summary>Rows are articles, columns claims; a filled cell says what that article states, coloured by the claim's status.</summary>
    private static void Matrix(HtmlBuilder html, Dossier dossier, Func<string, string> label)
    {
        html.Raw("<h2 id=\"matrix\">Sources × claims</h2>\n");
        if (dossier.Claims.Count == 0)
        {
            html.Tag("p", "No comparable claims (counts, money, percentages) were found in this story.", "empty");
            return;
        }
        html.Raw("<p class=\"legend\">");
        foreach (var status in Enum.GetValues<ClaimStatus>()) html.Tag("span", ReportText.Status(status), "status " + ReportText.Status(status));
        html.Raw("</p>\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th class=\"row\">Article</th>");
        for (var c = 0; c < dossier.Claims.Count; c++)
        {
            var claim = dossier.Claims[c];
            html.Open("th", ("data-claim", claim.Id), ("title", claim.Subject))
                .Link($"#claim-{c + 1}", $"C{c + 1}").Raw("<br>").Text(Clipped.Start(claim.Subject, 24)).Raw("<br>")
                .Tag("span", ReportText.Number(claim.Value, claim.Unit), "value").Close("th");
        }
        html.Raw("</tr></thead>\n<tbody>\n");
        // Looked up per cell: a 200-article story with 30 claims has 6,000 cells.
        var statementsOf = dossier.Claims.Select(c => c.Statements.ToLookup(s => s.Article, StringComparer.Ordinal)).ToList();
        var articlesOf = dossier.Claims.Select(c => c.Articles.ToHashSet(StringComparer.Ordinal)).ToList();
        foreach (var article in dossier.Articles)
        {
            html.Open("tr", ("data-article", article.Id)).Raw("<th class=\"row\">").Link(Urls.Article(article.Id), label(article.Id)).Raw("</th>");
            for (var c = 0; c < dossier.Claims.Count; c++)
            {
                var claim = dossier.Claims[c];
                var statements = statementsOf[c][article.Id].ToList();
                if (statements.Count == 0 && !articlesOf[c].Contains(article.Id))
                {
                    html.Raw("<td></td>");
                    continue;
                }
                var stated = string.Join(" / ", statements.Select(ReportText.Stated));
                var origins = string.Join(", ", statements.Select(s => s.Origin).Distinct());
                html.Open("td", ("class", ReportText.Status(claim.Status)), ("data-claim", claim.Id), ("data-article", article.Id),
                    ("title", $"{ReportText.Status(claim.Status)}; origin: {origins}")).Text(stated.Length > 0 ? stated : "✓").Close("td");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }

    private static void Claims(HtmlBuilder html, Dossier dossier, Func<string, string> label)
    {
        if (dossier.Claims.Count == 0) return;
        html.Raw("<h2 id=\"claims\">Claims</h2>\n");
        for (var c = 0; c < dossier.Claims.Count; c++)
        {
            var claim = dossier.Claims[c];
            var status = ReportText.Status(claim.Status);
            html.Open("section", ("class", "claim"), ("id", $"claim-{c + 1}"), ("data-claim", claim.Id))
                .Open("h3").Text($"C{c + 1} · {claim.Subject}: {ReportText.Value(claim)} ").Tag("span", status, "status " + status).Close("h3")
                .Tag("p", ReportText.Support(claim), "meta")
                .Tag("blockquote", claim.Text).Raw("<ul>");
            foreach (var statement in claim.Statements)
            {
                html.Raw("<li>").Link(Urls.Article(statement.Article), label(statement.Article)).Text($": {ReportText.Stated(statement)} — origin {statement.Origin}").Raw("</li>");
            }
            html.Raw("</ul></section>\n");
        }
    }

    private static void Entities(HtmlBuilder html, Dossier dossier)
    {
        html.Raw("<h2 id=\"entities\">Entities</h2>\n");
        if (dossier.Entities.Count == 0)
        {
            html.Tag("p", "No named entities were found.", "empty");
            return;
        }
        html.Raw("<table class=\"entities\">\n<thead><tr><th>Name</th><th>Type</th><th>Mentions</th><th>Articles</th><th>Variants as written</th></tr></thead>\n<tbody>\n");
        foreach (var entity in dossier.Entities)
        {
            html.Open("tr", ("data-entity", entity.Id)).Raw("<td>").Link(Urls.Entity(entity.Id, dossier.Story.Id), entity.Name).Raw("</td>")
                .Tag("td", ReportText.Type(entity.Type)).Tag("td", entity.Mentions.ToString(CultureInfo.InvariantCulture), "num")
                .Tag("td", entity.Articles.Count.ToString(CultureInfo.InvariantCulture), "num")
                .Tag("td", string.Join(", ", entity.Variants.Select((v, i) => i < entity.VariantCounts.Count ? $"{v} ×{entity.VariantCounts[i]}" : v)), "variants")
                .Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

    private static void Quotes(HtmlBuilder html, Dossier dossier, Func<string, string> label)
    {
        html.Raw("<h2 id=\"quotes\">Quotes by speaker</h2>\n");
        if (dossier.Quotes.Count == 0)
        {
            html.Tag("p", "No attributed quotes were found.", "empty");
            return;
        }
        foreach (var speaker in dossier.Quotes.GroupBy(q => q.Speaker, StringComparer.Ordinal))
        {
            var entity = speaker.Select(q => q.SpeakerEntity).FirstOrDefault(e => e is not null);
            html.Raw("<h3>");
            if (entity is not null) html.Link(Urls.Entity(entity, dossier.Story.Id), speaker.Key);
            else html.Text(speaker.Key);
            html.Raw("</h3>\n");
            foreach (var quote in speaker)
            {
                var articles = quote.Articles.Count > 0 ? quote.Articles : [quote.Article];
                html.Raw("<blockquote>").Text($"“{quote.Text}”").Raw("<br><span class=\"meta\">");
                for (var i = 0; i < articles.Count; i++)
                {
                    if (i > 0) html.Text(", ");
                    html.Link(Urls.Article(articles[i]), label(articles[i]));
                }
                html.Raw("</span></blockquote>\n");
            }
        }
    }

    private static void Citations(HtmlBuilder html, Dossier dossier, Func<string, string> label)
    {
        html.Raw("<h2 id=\"citations\">Citations: outlet → origin</h2>\n");
        var byId = dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var edges = dossier.Citations
            .SelectMany(c => c.Cites.Select(origin => (From: byId.TryGetValue(c.Article, out var a) ? ReportText.Outlet(a) : c.Article, To: origin)))
            .Distinct().ToList();
        if (edges.Count == 0)
        {
            html.Tag("p", "No article cites another outlet or source.", "empty");
            return;
        }
        Charts.CitationGraph(html, edges);
        html.Raw("<table class=\"citations\">\n<thead><tr><th>Article</th><th>Cites</th></tr></thead>\n<tbody>\n");
        foreach (var citation in dossier.Citations)
        {
            html.Raw("<tr><td>").Link(Urls.Article(citation.Article), label(citation.Article)).Raw("</td>").Tag("td", string.Join(", ", citation.Cites)).Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

    private static void Timeline(HtmlBuilder html, Dossier dossier, Func<string, string> label)
    {
        html.Raw("<h2 id=\"timeline\">Timeline</h2>\n");
        if (dossier.Timeline.Count == 0)
        {
            html.Tag("p", "No dated events were found.", "empty");
            return;
        }
        html.Raw("<ol class=\"timeline\">\n");
        foreach (var entry in dossier.Timeline)
        {
            html.Raw("<li>").Tag("span", entry.Date, "date").Text(" — " + entry.Text).Raw(" <span class=\"meta\">(");
            for (var i = 0; i < entry.Articles.Count; i++)
            {
                if (i > 0) html.Text(", ");
                html.Link(Urls.Article(entry.Articles[i]), label(entry.Articles[i]));
            }
            html.Raw(")</span></li>\n");
        }
        html.Raw("</ol>\n");
    }

    private static void Articles(HtmlBuilder html, Dossier dossier)
    {
        html.Raw("<h2 id=\"articles\">Articles</h2>\n<table>\n<thead><tr><th>#</th><th>Outlet</th><th>Published</th><th>Title</th><th>Language</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            html.Raw("<tr>").Tag("td", (i + 1).ToString(CultureInfo.InvariantCulture), "num").Tag("td", ReportText.Outlet(article))
                .Tag("td", ReportText.Day(article)).Raw("<td>").Link(Urls.Article(article.Id), article.Title ?? article.Source).Raw("</td>")
                .Tag("td", article.Language ?? "").Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

}
