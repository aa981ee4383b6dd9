using Crosscheck.Storage;
using Crosscheck.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>Full-text search over the stored articles, with the matched words marked in each excerpt.</summary>
public static class SearchPage
{
    public static string Render(string? query, IReadOnlyList<SearchHit> hits)
    {
        return Layout.Page(query is null ? "Search" : $"Search: {query}", query, html =>
        {
            html.Tag("h1", "Search");
            html.Raw("<form class=\"filters\" action=\"/search\" method=\"get\" role=\"search\"><label>Words ")
                .Open("input", ("type", "search"), ("name", "q"), ("value", query ?? ""), ("autofocus", "autofocus"))
                .Raw("</label><button type=\"submit\">Search</button></form>\n");
            if (query is null) return;
            if (hits.Count == 0)
            {
                html.Tag("p", $"No article matches “{query}”.", "empty");
                return;
            }
            html.Tag("p", $"{hits.Count} article{(hits.Count == 1 ? "" : "s")}, best match first", "meta");
            html.Raw("<ol class=\"hits\">\n");
            foreach (var hit in hits)
            {
                html.Raw("<li>").Link(Urls.Article(hit.ArticleId), string.IsNullOrWhiteSpace(hit.Title) ? hit.ArticleId : hit.Title).Raw("<p class=\"snippet\">");
                Snippet(html, hit.Snippet);
                html.Raw("</p></li>\n");
            }
            html.Raw("</ol>\n");
        });
    }

    /// <summary>The store marks matches with « »; each part is escaped and the marked ones wrapped in &lt;mark&gt;.</summary>
    private static void Snippet(HtmlBuilder html, string snippet)
    {
        var rest = snippet.AsSpan();
        while (!rest.IsEmpty)
        {
            var open = rest.IndexOf(SnippetMarks.Open);
            if (open < 0)
            {
                html.Text(rest.ToString());
                break;
            }
            html.Text(rest[..open].ToString());
            rest = rest[(open + SnippetMarks.Open.Length)..];
            var close = rest.IndexOf(SnippetMarks.Close);
            var marked = close < 0 ? rest : rest[..close];
            html.Tag("mark", marked.ToString());
            rest = close < 0 ? [] : rest[(close + SnippetMarks.Close.Length)..];
        }
    }
}
