using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Reports;

namespace Crosscheck.Web.Pages;

/// <summary>An entity: its canonical name, every spelling found, the articles and stories it appears in.</summary>
public static class EntityPage
{
    public static string Render(IReadOnlyList<(Dossier Dossier, DossierEntity Entity)> found)
    {
        var entity = found[0].Entity;
        return Layout.Page(entity.Name, null, html =>
        {
            html.Tag("h1", entity.Name);
            html.Tag("p", $"{ReportText.Type(entity.Type)} · {entity.Mentions} mentions in {entity.Articles.Count} articles", "meta");
            foreach (var (dossier, appearance) in found)
            {
                html.Raw("<section class=\"appearance\"><h2>In ").Link(Urls.Story(dossier.Story.Id), dossier.Story.Title).Raw("</h2>\n");
                html.Raw("<h3>Variants as written</h3><ul class=\"variants\">");
                for (var i = 0; i < appearance.Variants.Count; i++)
                {
                    var count = i < appearance.VariantCounts.Count ? appearance.VariantCounts[i].ToString(CultureInfo.InvariantCulture) : null;
                    html.Raw("<li>").Tag("span", appearance.Variants[i], "variant");
                    if (count is not null) html.Tag("span", " ×" + count, "meta");
                    html.Raw("</li>");
                }
                html.Raw("</ul>\n<h3>Articles</h3><ul>");
                var articles = dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
                foreach (var id in appearance.Articles)
                {
                    html.Raw("<li>");
                    if (articles.TryGetValue(id, out var article)) html.Link(Urls.Article(id), article.Title ?? article.Source).Tag("span", " — " + ReportText.Outlet(article), "meta");
                    else html.Link(Urls.Article(id), id);
                    html.Raw("</li>");
                }
                html.Raw("</ul>\n");
                if (appearance.PossibleMatches.Count > 0)
                {
                    var names = dossier.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
                    html.Raw("<h3>Possibly the same as</h3><ul>");
                    foreach (var match in appearance.PossibleMatches)
                    {
                        html.Raw("<li>").Link(Urls.Entity(match.EntityId, dossier.Story.Id), names.GetValueOrDefault(match.EntityId, match.EntityId))
                            .Text($" ({match.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}: {match.Reason})").Raw("</li>");
                    }
                    html.Raw("</ul>\n");
                }
                html.Raw("</section>\n");
            }
        });
    }
}
