using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Reports;

/// <summary>
/// What the two pages that show a dossier do differently inside its sections. The static report
/// (<see cref="DossierHtml"/>) links names to their place in the same file; the web UI links them to
/// its article and entity pages, and marks rows and cells with the ids of their claim, article or
/// entity (data-claim, data-article, data-entity) for the browser tests and anyone scraping the page.
/// </summary>
/// <param name="Article">Where an article's label leads, given its id; null shows the label as text.</param>
/// <param name="Entity">Where an entity's name leads, given its id; null shows the name as text.</param>
/// <param name="MarkIds">Whether elements carry data-* attributes naming what they show.</param>
public sealed record DossierLinks(Func<string, string?> Article, Func<string, string?> Entity, bool MarkIds);

/// <summary>
/// The sections of one dossier as HTML, written once for both the static report and the web UI's
/// story page: the source × claim matrix coloured by status, the claims, entities with their
/// variants, quotes by speaker, the citation graph, the timeline and the list of articles. Every
/// piece of text goes through <see cref="HtmlBuilder"/>, so nothing from an article becomes markup,
/// and only inline SVG is drawn (no script, no inline style), so both pages' policies hold.
/// </summary>
public sealed class DossierSections(Dossier dossier, DossierLinks links)
{
    private readonly IReadOnlyDictionary<string, string> _labels = ReportText.ArticleLabels(dossier);

    /// <summary>"[2] outlet": an article's position in the story and where it appeared; its id when it is not in the story.</summary>
    public string Label(string articleId) => _labels.TryGetValue(articleId, out var label) ? label : articleId;

    /// <summary>The analysis, in reading order: statements, matrix, claims, entities, quotes, citations, timeline.</summary>
    public void Findings(HtmlBuilder html)
    {
        Statements(html);
        Matrix(html);
        Claims(html);
        Entities(html);
        Quotes(html);
        Citations(html);
        Timeline(html);
    }

    /// <summary>Rows are articles, columns claims; a filled cell says what that article states, coloured by the claim's status.</summary>
    public void Matrix(HtmlBuilder html)
    {
        if (!Section(html, "matrix", "Sources × claims", dossier.Claims.Count, "No comparable claims (counts, money, percentages) were found in this story.")) return;
        html.Raw("<p class=\"legend\">");
        foreach (var status in Enum.GetValues<ClaimStatus>()) html.Tag("span", ReportText.Status(status), "status " + ReportText.Status(status));
        html.Raw("</p>\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th class=\"row\">Article</th>");
        for (var c = 0; c < dossier.Claims.Count; c++)
        {
            var claim = dossier.Claims[c];
            html.Open("th", Mark("data-claim", claim.Id), ("title", claim.Subject))
                .Link($"#claim-{c + 1}", $"C{c + 1}").Raw("<br>").Text(Clipped.Start(claim.Subject, 24)).Raw("<br>")
                .Tag("span", ReportText.Number(claim.Value, claim.Unit), "value").Close("th");
        }
        html.Raw("</tr></thead>\n<tbody>\n");
        // Looked up per cell: a 200-article story with 30 claims has 6,000 cells.
        var statementsOf = dossier.Claims.Select(c => c.Statements.ToLookup(s => s.Article, StringComparer.Ordinal)).ToList();
        var articlesOf = dossier.Claims.Select(c => c.Articles.ToHashSet(StringComparer.Ordinal)).ToList();
        foreach (var article in dossier.Articles)
        {
            html.Open("tr", Mark("data-article", article.Id)).Raw("<th class=\"row\">");
            ArticleRef(html, article.Id).Raw("</th>");
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
                html.Open("td", ("class", ReportText.Status(claim.Status)), ("title", $"origin: {origins}"), Mark("data-claim", claim.Id), Mark("data-article", article.Id))
                    .Text(stated.Length > 0 ? stated : "✓").Close("td");
            }
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table></div>\n");
    }

    private const int MaxWordingsShown = 8;

    /// <summary>What the articles say happened, most independent origins first: each with its wordings, origins and first report.</summary>
    public void Statements(HtmlBuilder html)
    {
        if (!Section(html, "statements", "Statements", dossier.Statements.Count, "No event is reported by two or more articles of this story.")) return;
        for (var s = 0; s < dossier.Statements.Count; s++)
        {
            var statement = dossier.Statements[s];
            var status = ReportText.Status(statement.Status);
            html.Open("section", ("class", "statement"), ("id", $"statement-{s + 1}"), Mark("data-statement", statement.Id))
                .Open("h3").Text($"S{s + 1} · {statement.Predicate}" + (statement.Participants.Count > 0 ? $": {string.Join(", ", statement.Participants)} " : " "))
                .Tag("span", status, "status " + status).Close("h3")
                .Tag("p", ReportText.Support(statement), "meta")
                .Tag("blockquote", statement.Text);
            if (ReportText.Carries(dossier, statement) is { } carried) html.Tag("p", "carries: " + carried, "meta");
            html.Raw("<p class=\"meta\">first: ");
            ArticleRef(html, statement.FirstArticle).Raw("</p><ul>");
            // A statement of a 200-article story has 200 wordings; the page shows the first ones and every denial (the JSON has all).
            var shown = statement.Wordings.Where((w, i) => i < MaxWordingsShown || w.Polarity != "asserted").ToList();
            foreach (var wording in shown)
            {
                html.Raw("<li>");
                ArticleRef(html, wording.Article).Text($": {wording.Text} — origin {wording.Origin}" + (wording.Polarity == "asserted" ? "" : $" ({wording.Polarity})")).Raw("</li>");
            }
            if (shown.Count < statement.Wordings.Count) html.Tag("li", $"and {statement.Wordings.Count - shown.Count} more articles", "meta");
            foreach (var wording in statement.Similar.Take(MaxWordingsShown))
            {
                html.Raw("<li class=\"meta\">similar wording, not counted: ");
                ArticleRef(html, wording.Article).Text($": {wording.Text}").Raw("</li>");
            }
            if (statement.Similar.Count > MaxWordingsShown) html.Tag("li", $"and {statement.Similar.Count - MaxWordingsShown} more articles of similar wording", "meta");
            html.Raw("</ul></section>\n");
        }
    }

    public void Claims(HtmlBuilder html)
    {
        // The matrix already says when there are none.
        if (dossier.Claims.Count == 0) return;
        html.Raw("<h2 id=\"claims\">Claims</h2>\n");
        for (var c = 0; c < dossier.Claims.Count; c++)
        {
            var claim = dossier.Claims[c];
            var status = ReportText.Status(claim.Status);
            html.Open("section", ("class", "claim"), ("id", $"claim-{c + 1}"), Mark("data-claim", claim.Id))
                .Open("h3").Text($"C{c + 1} · {claim.Subject}: {ReportText.Value(claim)} ").Tag("span", status, "status " + status).Close("h3")
                .Tag("p", ReportText.Support(claim), "meta")
                .Tag("blockquote", claim.Text).Raw("<ul>");
            foreach (var statement in claim.Statements)
            {
                html.Raw("<li>");
                ArticleRef(html, statement.Article).Text($": {ReportText.Stated(statement)} — origin {statement.Origin}").Raw("</li>");
            }
            html.Raw("</ul></section>\n");
        }
    }

    /// <summary>Each entity's row carries its id, so a link to "#" + id lands on it.</summary>
    public void Entities(HtmlBuilder html)
    {
        if (!Section(html, "entities", "Entities", dossier.Entities.Count, "No named entities were found.")) return;
        var names = dossier.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        // A column that would be empty in every row is left out.
        var matches = dossier.Entities.Any(e => e.PossibleMatches.Count > 0);
        html.Raw("<table class=\"entities\">\n<thead><tr><th>Name</th><th>Type</th><th>Mentions</th><th>Articles</th><th>Variants as written</th>");
        if (matches) html.Raw("<th>Possible matches</th>");
        html.Raw("</tr></thead>\n<tbody>\n");
        foreach (var entity in dossier.Entities)
        {
            html.Open("tr", ("id", entity.Id), Mark("data-entity", entity.Id)).Raw("<td>");
            EntityRef(html, entity.Id, entity.Name).Raw("</td>")
                .Tag("td", ReportText.Type(entity.Type)).Tag("td", entity.Mentions.ToString(CultureInfo.InvariantCulture), "num")
                .Tag("td", entity.Articles.Count.ToString(CultureInfo.InvariantCulture), "num")
                .Tag("td", string.Join(", ", entity.Variants.Select((v, i) => i < entity.VariantCounts.Count ? $"{v} ×{entity.VariantCounts[i]}" : v)), "variants");
            if (matches) PossibleMatches(html, entity, names);
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

    private void PossibleMatches(HtmlBuilder html, DossierEntity entity, Dictionary<string, string> names)
    {
        html.Raw("<td>");
        for (var i = 0; i < entity.PossibleMatches.Count; i++)
        {
            var match = entity.PossibleMatches[i];
            if (i > 0) html.Raw("<br>");
            EntityRef(html, match.EntityId, names.GetValueOrDefault(match.EntityId, match.EntityId))
                .Text($" ({match.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}: {match.Reason})");
        }
        html.Raw("</td>");
    }

    public void Quotes(HtmlBuilder html)
    {
        if (!Section(html, "quotes", "Quotes by speaker", dossier.Quotes.Count, "No attributed quotes were found.")) return;
        foreach (var speaker in dossier.Quotes.GroupBy(q => q.Speaker, StringComparer.Ordinal))
        {
            html.Raw("<h3>");
            var entity = speaker.Select(q => q.SpeakerEntity).FirstOrDefault(e => e is not null);
            if (entity is not null) EntityRef(html, entity, speaker.Key);
            else html.Text(speaker.Key);
            html.Raw("</h3>\n");
            foreach (var quote in speaker)
            {
                html.Raw("<blockquote>").Text($"“{quote.Text}”").Raw("<br><span class=\"meta\">");
                ArticleRefs(html, quote.Articles.Count > 0 ? quote.Articles : [quote.Article]).Raw("</span></blockquote>\n");
            }
        }
    }

    public void Citations(HtmlBuilder html)
    {
        var byId = dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var edges = dossier.Citations
            .SelectMany(c => c.Cites.Select(origin => (From: byId.TryGetValue(c.Article, out var a) ? ReportText.Outlet(a) : c.Article, To: origin)))
            .Distinct().ToList();
        if (!Section(html, "citations", "Citations: outlet → origin", edges.Count, "No article cites another outlet or source.")) return;
        CitationGraph(html, edges);
        html.Raw("<table class=\"citations\">\n<thead><tr><th>Article</th><th>Cites</th></tr></thead>\n<tbody>\n");
        foreach (var citation in dossier.Citations)
        {
            html.Raw("<tr><td>");
            ArticleRef(html, citation.Article).Raw("</td>").Tag("td", string.Join(", ", citation.Cites)).Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
    }

    public void Timeline(HtmlBuilder html)
    {
        if (!Section(html, "timeline", "Timeline", dossier.Timeline.Count, "No dated events were found.")) return;
        html.Raw("<ol class=\"timeline\">\n");
        foreach (var entry in dossier.Timeline)
        {
            html.Raw("<li>").Tag("span", entry.Date, "date").Text((entry.DateNote is { } note ? $" ({note})" : "") + " — " + entry.Text).Raw(" <span class=\"meta\">(");
            ArticleRefs(html, entry.Articles).Raw(")</span></li>\n");
        }
        html.Raw("</ol>\n");
    }

    public void Articles(HtmlBuilder html)
    {
        // The copy column only when the story has copies: most stories have none.
        var copies = dossier.Copies.Count > 0;
        html.Raw("<h2 id=\"articles\">Articles</h2>\n<table>\n<thead><tr><th>#</th><th>Outlet</th><th>Published</th><th>Title</th><th>Language</th>" +
            (copies ? "<th>Copy of</th>" : "") + "</tr></thead>\n<tbody>\n");
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            html.Raw("<tr>").Tag("td", (i + 1).ToString(CultureInfo.InvariantCulture), "num").Tag("td", ReportText.Outlet(article))
                .Tag("td", dossier.UndatedArticles.FirstOrDefault(r => r.Article == article.Id) is { } range ? $"undated, {ReportText.DateRange(range)}" : ReportText.Day(article)).Raw("<td>");
            Ref(html, links.Article(article.Id), article.Title ?? article.Source).Raw("</td>").Tag("td", article.Language ?? "");
            if (copies) html.Tag("td", ReportText.CopyOf(dossier, article.Id, Label) ?? "", "copy");
            html.Raw("</tr>\n");
        }
        html.Raw("</tbody></table>\n");
        foreach (var note in ReportText.TemplatePages(dossier, Label)) html.Tag("p", note, "template-page").Line();
    }

    /// <summary>
    /// A section's heading, then a note in place of its content when it has nothing to show: the
    /// section still exists, so a link to its id never dangles. Headings are this code's own markup.
    /// </summary>
    private static bool Section(HtmlBuilder html, string id, string heading, int count, string none)
    {
        html.Raw($"<h2 id=\"{id}\">{heading}</h2>\n");
        if (count > 0) return true;
        html.Tag("p", none, "empty").Line();
        return false;
    }

    /// <summary>A data-* attribute when the page marks ids; the builder leaves out attributes whose value is null.</summary>
    private (string Name, string? Value) Mark(string name, string value) => (name, links.MarkIds ? value : null);

    private HtmlBuilder ArticleRef(HtmlBuilder html, string articleId) => Ref(html, links.Article(articleId), Label(articleId));

    private HtmlBuilder ArticleRefs(HtmlBuilder html, IReadOnlyList<string> articleIds)
    {
        for (var i = 0; i < articleIds.Count; i++)
        {
            if (i > 0) html.Text(", ");
            ArticleRef(html, articleIds[i]);
        }
        return html;
    }

    private HtmlBuilder EntityRef(HtmlBuilder html, string entityId, string name) => Ref(html, links.Entity(entityId), name);

    private static HtmlBuilder Ref(HtmlBuilder html, string? href, string text) => href is null ? html.Text(text) : html.Link(href, text);

    /// <summary>Outlets on the left, the origins they cite on the right: lines converging on one origin show a shared source.</summary>
    private static void CitationGraph(HtmlBuilder html, IReadOnlyList<(string From, string To)> edges)
    {
        var left = edges.Select(e => e.From).Distinct().ToList();
        var right = edges.Select(e => e.To).Distinct().ToList();
        const int row = 28, box = 240, gap = 200;
        var height = Math.Max(left.Count, right.Count) * row + 10;
        var width = box * 2 + gap;
        var inv = CultureInfo.InvariantCulture;
        html.Open("svg", ("class", "graph"), ("xmlns", "http://www.w3.org/2000/svg"), ("width", width.ToString(inv)), ("height", height.ToString(inv)),
            ("viewBox", $"0 0 {width} {height}"), ("role", "img"), ("aria-label", "citation graph: outlet to cited origin"));
        foreach (var (from, to) in edges)
        {
            var y1 = left.IndexOf(from) * row + 5 + row / 2;
            var y2 = right.IndexOf(to) * row + 5 + row / 2;
            html.Open("line", ("x1", box.ToString(inv)), ("y1", y1.ToString(inv)), ("x2", (box + gap).ToString(inv)), ("y2", y2.ToString(inv))).Close("line");
        }
        for (var i = 0; i < left.Count; i++) Box(html, 0, i * row + 5, box, "outlet", left[i]);
        for (var i = 0; i < right.Count; i++) Box(html, box + gap, i * row + 5, box, "origin", right[i]);
        html.Close("svg");
    }

    private static void Box(HtmlBuilder html, int x, int y, int width, string kind, string text)
    {
        var inv = CultureInfo.InvariantCulture;
        html.Open("rect", ("class", kind), ("x", x.ToString(inv)), ("y", y.ToString(inv)), ("width", width.ToString(inv)), ("height", "22"), ("rx", "4")).Close("rect");
        html.Open("text", ("x", (x + 6).ToString(inv)), ("y", (y + 15).ToString(inv))).Text(Clipped.Start(text, 34)).Close("text");
    }
}
