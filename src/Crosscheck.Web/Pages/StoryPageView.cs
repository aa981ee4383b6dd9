using Crosscheck.Core.Model;
using Crosscheck.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>
/// A story's dossier as a page of the web UI: the <see cref="DossierSections"/> (matrix, claims,
/// entities, quotes, citations, timeline, articles) in the site's layout, with names linked to the
/// article and entity pages and cells marked with the ids of their claim and article.
/// </summary>
public static class StoryPageView
{
    public static string Render(Dossier dossier)
    {
        var story = dossier.Story;
        var sections = new DossierSections(dossier, new DossierLinks(Urls.Article, id => Urls.Entity(id, story.Id), MarkIds: true));
        return Layout.Page(story.Title, null, html =>
        {
            html.Tag("h1", story.Title);
            html.Tag("p", $"{dossier.Articles.Count} articles · {dossier.Claims.Count} claims · {dossier.Entities.Count} entities · " +
                $"first seen {StoryListPage.Time(story.FirstSeen)} · last seen {StoryListPage.Time(story.LastSeen)}", "meta");
            html.Raw("<nav class=\"sections\"><a href=\"#matrix\">Sources × claims</a><a href=\"#entities\">Entities</a><a href=\"#quotes\">Quotes</a>" +
                "<a href=\"#citations\">Citations</a><a href=\"#timeline\">Timeline</a><a href=\"#articles\">Articles</a>")
                .Link("/api/stories/" + Uri.EscapeDataString(story.Id), "JSON").Raw("</nav>\n");
            sections.Findings(html);
            sections.Articles(html);
        });
    }
}
