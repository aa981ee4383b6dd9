using Crosscheck.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>The frame of every page: head (stylesheet only, no script), navigation and a search box.</summary>
public static class Layout
{
    public static string Page(string title, string? query, Action<HtmlBuilder> body)
    {
        var html = new HtmlBuilder();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Raw("<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/site.css\">\n")
            .Open("title").Text(title).Text(" — Crosscheck").Close("title").Raw("\n</head>\n<body>\n")
            .Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">Crosscheck</a><nav><a href=\"/\">Stories</a><a href=\"/search\">Search</a><a href=\"/openapi/v1.json\">API</a></nav>")
            .Raw("<form class=\"quick\" action=\"/search\" method=\"get\" role=\"search\">")
            .Open("input", ("type", "search"), ("name", "q"), ("value", query ?? ""), ("placeholder", "Search articles"), ("aria-label", "Search articles"))
            .Raw("</form></header>\n<main>\n");
        body(html);
        html.Raw("\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
