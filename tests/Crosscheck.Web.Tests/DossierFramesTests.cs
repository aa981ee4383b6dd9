using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Hosting;
using Crosscheck.Reports;
using Xunit;

namespace Crosscheck.Web.Tests;

/// <summary>
/// The static report (`crosscheck dossier --html`) and the web UI's story page draw the same
/// dossier: every section, every claim as stated by each article, every quote, entity, timeline
/// entry and article, each only linked differently.
/// </summary>
public sealed partial class DossierFramesTests(SeededServer server) : IClassFixture<SeededServer>
{
    [Fact]
    public async Task The_report_and_the_story_page_show_the_same_sections_for_one_dossier()
    {
        Dossier dossier;
        using (var store = server.Factory.OpenStore())
        {
            dossier = Engine.BuildDossier(store, store.GetStory(server.StoryId)!);
        }
        var report = DossierHtml.ToHtml(dossier);
        var page = await server.Client.GetStringAsync($"/stories/{server.StoryId}");

        // The seed story has something in every section, so an empty one would be a loss.
        Assert.NotEmpty(dossier.Claims);
        Assert.NotEmpty(dossier.Quotes);
        Assert.NotEmpty(dossier.Citations);
        Assert.NotEmpty(dossier.Timeline);
        foreach (var (name, html) in new[] { ("report", report), ("story page", page) })
        {
            foreach (var id in new[] { "matrix", "claims", "entities", "quotes", "citations", "timeline", "articles" })
            {
                Assert.True(html.Contains($"<h2 id=\"{id}\">", StringComparison.Ordinal), $"{name} has no section '{id}'");
            }
            var shown = new List<string>();
            foreach (var claim in dossier.Claims)
            {
                shown.Add(ReportText.Value(claim));
                shown.AddRange(claim.Statements.Select(ReportText.Stated));
                shown.Add(ReportText.Support(claim));
            }
            shown.AddRange(dossier.Quotes.Select(q => $"“{q.Text}”"));
            shown.AddRange(dossier.Entities.Select(e => e.Name));
            shown.AddRange(dossier.Timeline.Select(t => " — " + t.Text));
            shown.AddRange(dossier.Articles.Select(a => a.Title ?? a.Source));
            shown.AddRange(dossier.Citations.Select(c => string.Join(", ", c.Cites)));
            foreach (var text in shown.Distinct())
            {
                Assert.True(html.Contains(ReportText.Html(text), StringComparison.Ordinal), $"{name} does not show: {text}");
            }
        }
        // The same cells of the matrix are filled, with the same statements, in the same order.
        Assert.Equal(MatrixCells(report), MatrixCells(page));
        Assert.NotEmpty(MatrixCells(page));
    }

    private static List<string> MatrixCells(string html) =>
        MatrixCell().Matches(html).Select(m => m.Groups[1].Value + ":" + m.Groups[2].Value).ToList();

    [GeneratedRegex("<td class=\"(corroborated|single-origin|conflicting|unique)\"[^>]*>([^<]*)</td>")]
    private static partial Regex MatrixCell();
}
