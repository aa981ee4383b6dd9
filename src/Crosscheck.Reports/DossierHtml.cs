using System.Security.Cryptography;
using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Reports;

/// <summary>
/// A dossier as one self-contained HTML file: the list of articles, the <see cref="DossierSections"/>
/// (matrix, claims, entities, quotes, citations, timeline) with names linked to their place in the
/// file, then the articles' texts. Everything is written through <see cref="HtmlBuilder"/>, and a
/// strict Content-Security-Policy allows no script, no external resource and only the report's own
/// stylesheet (by hash), so markup inside an article can never run.
/// </summary>
public static class DossierHtml
{
    private static readonly string Css = LoadCss();

    /// <summary>No scripts, frames, fonts or remote anything; only the embedded stylesheet (pinned by its hash).</summary>
    private static readonly string Policy =
        "default-src 'none'; style-src 'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css))) +
        "'; img-src data:; base-uri 'none'; form-action 'none'";

    public static void Write(Dossier dossier, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToHtml(dossier));
    }

    public static string ToHtml(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var sections = new DossierSections(dossier, InPageLinks(dossier));
        var html = new HtmlBuilder();
        // The policy is this code's own constant, written raw: escaping would turn its quotes into entities.
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">\n")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Open("title").Text(dossier.Story.Title).Text(" — Crosscheck dossier").Close("title").Line()
            .Raw($"<style>{Css}</style>\n</head>\n<body>\n")
            .Tag("h1", dossier.Story.Title).Line()
            .Tag("p", $"Story {dossier.Story.Id} · {dossier.Articles.Count} articles · {dossier.Claims.Count} claims · {dossier.Entities.Count} entities", "meta").Line();
        sections.Articles(html);
        sections.Findings(html);
        Texts(html, dossier, sections);
        html.Raw("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Names lead to their place in this file: an article to its text below, an entity to its row.</summary>
    private static DossierLinks InPageLinks(Dossier dossier)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dossier.Articles.Count; i++) positions.TryAdd(dossier.Articles[i].Id, i + 1);
        var entities = dossier.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return new DossierLinks(
            id => positions.TryGetValue(id, out var position) ? $"#article-{position}" : null,
            id => entities.Contains(id) ? "#" + Uri.EscapeDataString(id) : null,
            MarkIds: false);
    }

    /// <summary>The articles themselves, folded: the report is read offline, where the web UI's article pages are out of reach.</summary>
    private static void Texts(HtmlBuilder html, Dossier dossier, DossierSections sections)
    {
        html.Raw("<h2 id=\"texts\">Article texts</h2>\n");
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            html.Open("details", ("id", $"article-{i + 1}")).Open("summary").Text($"{sections.Label(article.Id)} — {article.Title ?? article.Source}")
                .Close("summary").Raw("\n<div class=\"body\">\n");
            foreach (var paragraph in article.Paragraphs) html.Tag("p", paragraph).Line();
            html.Raw("</div></details>\n");
        }
    }

    private static string LoadCss()
    {
        using var stream = typeof(DossierHtml).Assembly.GetManifestResourceStream("Crosscheck.Reports.dossier.css")
            ?? throw new InvalidOperationException("Embedded stylesheet dossier.css is missing from Crosscheck.Reports.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
