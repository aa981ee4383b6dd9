using Crosscheck.Core.Model;
using Crosscheck.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>One article's text with its entity mentions, quantities and quotes highlighted, and the layers listed.</summary>
public static class ArticlePage
{
    /// <param name="document">The article with its layers.</param>
    /// <param name="story">Its story, or null when it is in none.</param>
    /// <param name="templatePage">Whether the clusterer placed the article as a template page; null when unknown.</param>
    public static string Render(Document document, Story? story, bool? templatePage = null)
    {
        var article = document.Article;
        return Layout.Page(article.Title ?? article.Source, null, html =>
        {
            html.Tag("h1", article.Title ?? "(untitled)");
            html.Raw("<dl class=\"facts\">")
                .Tag("dt", "Outlet").Tag("dd", ReportText.Outlet(article))
                .Tag("dt", "Published").Tag("dd", article.Published is { } p ? $"{ReportText.Published(article)} (from {p.Source})" : "unknown")
                .Tag("dt", "Byline").Tag("dd", article.Byline ?? "—")
                .Tag("dt", "Language").Tag("dd", article.Language ?? "unknown")
                .Tag("dt", "Page type").Tag("dd", article.PageType.Name())
                // The address is shown as text, never linked: it came from the input and could be any scheme.
                .Tag("dt", "Source").Raw("<dd>").Tag("code", article.Url ?? article.Source).Raw("</dd>")
                .Tag("dt", "Story").Raw("<dd>");
            if (story is not null) html.Link(Urls.Story(story.Id), story.Title);
            else if (!article.PageType.FormsStories()) html.Text($"not in a story: a {article.PageType.Name()} page reports no event (`ingest --all-pages` lets every page join)");
            else html.Text("not in a story (no text, or not yet assigned)");
            html.Raw("</dd>");
            if (templatePage == true) html.Tag("dt", "Placed as").Tag("dd", ReportText.TemplatePage, "template-page");
            html.Raw("</dl>\n");
            html.Raw("<p class=\"legend\"><span class=\"m-person\">person</span><span class=\"m-org\">organisation</span><span class=\"m-loc\">place</span>" +
                "<span class=\"m-misc\">other name</span><span class=\"qty\">quantity</span><span class=\"quote\">quote</span></p>\n");
            html.Open("div", ("class", "article-text"), ("data-article", article.Id));
            Highlighted(html, document);
            html.Close("div").Line();
            Layers(html, document);
            if (article.Diagnostics.Count > 0)
            {
                html.Raw("<h2>Diagnostics</h2><ul>");
                foreach (var diagnostic in article.Diagnostics) html.Tag("li", diagnostic.ToString());
                html.Raw("</ul>\n");
            }
        });
    }

    /// <summary>
    /// The text cut at every annotation boundary; each piece is one escaped span carrying the
    /// classes of the annotations covering it, so overlapping layers never need nested markup.
    /// </summary>
    private static void Highlighted(HtmlBuilder html, Document document)
    {
        var text = document.Text;
        var marks = new List<(TextSpan Span, string Class, string Title)>();
        foreach (var m in document.Mentions) marks.Add((m.Span, "m-" + m.Type.ToString().ToLowerInvariant(), ReportText.Type(m.Type) + (m.Role is null ? "" : ", " + m.Role)));
        foreach (var q in document.Quantities) marks.Add((q.Span, "qty", QuantityTitle(q)));
        foreach (var q in document.Quotes) marks.Add((q.Span, "quote", q.SpeakerDescription ?? (q.SpeakerSpan is { } s ? s.TextOf(text) : "quote")));
        marks.RemoveAll(m => m.Span.Start < 0 || m.Span.End > text.Length || m.Span.IsEmpty);
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var (span, _, _) in marks)
        {
            cuts.Add(span.Start);
            cuts.Add(span.End);
        }
        var previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                var piece = TextSpan.FromBounds(previous, cut);
                var covering = marks.Where(m => m.Span.Contains(piece)).ToList();
                if (covering.Count == 0) html.Text(piece.TextOf(text));
                else html.Open("span", ("class", string.Join(' ', covering.Select(c => c.Class).Distinct())), ("title", string.Join("; ", covering.Select(c => c.Title))))
                    .Text(piece.TextOf(text)).Close("span");
            }
            previous = cut;
        }
    }

    private static string QuantityTitle(Quantity q)
    {
        var value = ReportText.Number(q.Value, q.Unit);
        var qualifier = ReportText.Qualifier(q.Qualifier);
        return $"{q.Kind.ToString().ToLowerInvariant()}: {(qualifier.Length > 0 ? qualifier + " " : "")}{value}{(q.Period is null ? "" : " " + q.Period)}{(q.CountedHead is null ? "" : " " + q.CountedHead)}" +
            (q.Normalized is { } n ? $" (≈ {ReportText.Number(n.Value, n.Unit)})" : "");
    }

    private static void Layers(HtmlBuilder html, Document document)
    {
        var text = document.Text;
        html.Tag("h2", "Annotations");
        html.Tag("p", $"{document.Sentences.Length} sentences, {document.Tokens.Length} tokens, {document.Mentions.Length} entity mentions, " +
            $"{document.Quantities.Length} quantities, {document.TimeExpressions.Length} time expressions, {document.Quotes.Length} quotes, {document.Citations.Length} citations", "meta");
        if (document.Quantities.Length > 0)
        {
            html.Raw("<h3>Quantities</h3><table class=\"layer\"><thead><tr><th>Text</th><th>Reading</th></tr></thead><tbody>");
            foreach (var q in document.Quantities) html.Raw("<tr>").Tag("td", q.Span.TextOf(text)).Tag("td", QuantityTitle(q)).Raw("</tr>");
            html.Raw("</tbody></table>\n");
        }
        if (document.Quotes.Length > 0)
        {
            html.Raw("<h3>Quotes</h3><table class=\"layer\"><thead><tr><th>Speaker</th><th>Quote</th></tr></thead><tbody>");
            foreach (var q in document.Quotes)
            {
                html.Raw("<tr>").Tag("td", q.SpeakerDescription ?? (q.SpeakerSpan is { } s ? s.TextOf(text) : "?")).Tag("td", q.Span.TextOf(text)).Raw("</tr>");
            }
            html.Raw("</tbody></table>\n");
        }
        if (document.TimeExpressions.Length > 0)
        {
            html.Raw("<h3>Time expressions</h3><table class=\"layer\"><thead><tr><th>Text</th><th>Resolved</th></tr></thead><tbody>");
            foreach (var t in document.TimeExpressions) html.Raw("<tr>").Tag("td", t.Span.TextOf(text)).Tag("td", t.Value).Raw("</tr>");
            html.Raw("</tbody></table>\n");
        }
        if (document.Citations.Length > 0)
        {
            html.Raw("<h3>Citations</h3><table class=\"layer\"><thead><tr><th>Text</th><th>Cited</th></tr></thead><tbody>");
            foreach (var c in document.Citations) html.Raw("<tr>").Tag("td", c.Span.TextOf(text)).Tag("td", c.Source + (c.IsOutlet ? " (outlet)" : "")).Raw("</tr>");
            html.Raw("</tbody></table>\n");
        }
    }
}
