using Crosscheck.Web.Hosting;

namespace Crosscheck.Web.Pages;

/// <summary>The server-rendered UI: plain HTML and one stylesheet, readable with JavaScript off.</summary>
public static class PageEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();

        pages.MapGet("/", (string? q, string? from, string? to, string? page, StoreSession session, WebOptions options) =>
            Results.Content(StoryListPage.Render(StoryListing.Find(session, StoryFilter.Parse(q, from, to, page, null, options))), HtmlType));

        pages.MapGet("/stories/{id}", (string id, StoreSession session) =>
            Results.Content(StoryPageView.Render(session.Dossier(StoryListing.Require(session, id))), HtmlType));

        pages.MapGet("/articles/{id}", (string id, StoreSession session) =>
        {
            var document = StoryListing.RequireArticle(session, id);
            return Results.Content(ArticlePage.Render(document, StoryListing.OfArticle(session, document.Id),
                session.Store.LoadTemplatePageMarks([document.Id]).TryGetValue(document.Id, out var template) ? template : null), HtmlType);
        });

        pages.MapGet("/entities/{id}", (string id, string? story, StoreSession session, WebOptions options, DossierWarmer warmer) =>
            Results.Content(EntityPage.Render(StoryListing.FindEntity(session, id, story, options, warmer)), HtmlType));

        pages.MapGet("/search", (string? q, StoreSession session, WebOptions options) =>
        {
            var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
            return Results.Content(SearchPage.Render(query, query is null ? [] : session.Store.Search(query, options.MaxSearchResults)), HtmlType);
        });

        pages.MapGet("/assets/site.css", () => Results.Bytes(Assets.Css, "text/css; charset=utf-8"));
    }
}

/// <summary>Files embedded in the assembly (see the project file).</summary>
public static class Assets
{
    public static readonly byte[] Css = Load("site.css");

    private static byte[] Load(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("Crosscheck.Web.Assets." + name)
            ?? throw new InvalidOperationException($"Embedded asset Assets/{name} is missing from Crosscheck.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
