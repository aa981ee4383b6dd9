using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Stories.Reports;

/// <summary>
/// A dossier as one self-contained HTML file: source × claim matrix coloured by status, claims,
/// entities with variants, quotes by speaker, the citation graph (outlet → cited origin, inline SVG
/// and table), the timeline and the articles themselves. Every piece of article text is
/// HTML-escaped, and a strict Content-Security-Policy allows no script, no external resource and
/// only the report's own stylesheet (by hash), so markup inside an article can never run.
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
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(output);
        var labels = ReportText.ArticleLabels(dossier);
        string Label(string id) => labels.TryGetValue(id, out var label) ? label : id;

        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">\n");
        output.Write("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        output.Write($"<title>{E(dossier.Story.Title)} — Crosscheck dossier</title>\n<style>{Css}</style>\n</head>\n<body>\n");
        output.Write($"<h1>{E(dossier.Story.Title)}</h1>\n<p class=\"meta\">Story {E(dossier.Story.Id)} · {dossier.Articles.Count} articles · " +
            $"{dossier.Claims.Count} claims · {dossier.Entities.Count} entities</p>\n");

        WriteArticlesTable(dossier, output);
        WriteMatrix(dossier, output, Label);
        WriteClaims(dossier, output, Label);
        WriteEntities(dossier, output);
        WriteQuotes(dossier, output, Label);
        WriteCitations(dossier, output, Label);
        WriteTimeline(dossier, output, Label);
        WriteBodies(dossier, output, Label);

        output.Write("</body>\n</html>\n");
    }

    public static string ToHtml(Dossier dossier)
    {
        using var writer = new StringWriter();
        Write(dossier, writer);
        return writer.ToString();
    }

    private static void WriteArticlesTable(Dossier dossier, TextWriter output)
    {
        output.Write("<h2 id=\"articles\">Articles</h2>\n<table>\n<tr><th>#</th><th>Outlet</th><th>Published</th><th>Title</th><th>Language</th></tr>\n");
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            output.Write($"<tr><td><a href=\"#article-{i + 1}\">{i + 1}</a></td><td>{E(Provenance.OriginResolver.OwnOutlet(article))}</td>" +
                $"<td>{E(ReportText.Day(article))}</td><td>{E(article.Title ?? article.Source)}</td><td>{E(article.Language ?? "")}</td></tr>\n");
        }
        output.Write("</table>\n");
    }

    /// <summary>Rows are articles, columns claims; a cell shows what that article states, coloured by the claim's status.</summary>
    private static void WriteMatrix(Dossier dossier, TextWriter output, Func<string, string> label)
    {
        if (dossier.Claims.Count == 0) return;
        output.Write("<h2 id=\"matrix\">Sources × claims</h2>\n<p class=\"legend\">");
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            output.Write($"<span class=\"status {ReportText.Status(status)}\">{ReportText.Status(status)}</span>");
        }
        output.Write("</p>\n<table class=\"matrix\">\n<tr><th class=\"row\">Article</th>");
        for (var c = 0; c < dossier.Claims.Count; c++)
        {
            output.Write($"<th title=\"{E(dossier.Claims[c].Subject)}\"><a href=\"#claim-{c + 1}\">C{c + 1}</a><br>{E(Clipped.Start(dossier.Claims[c].Subject, 24))}</th>");
        }
        output.Write("</tr>\n");
        foreach (var article in dossier.Articles)
        {
            output.Write($"<tr><th class=\"row\">{E(label(article.Id))}</th>");
            foreach (var claim in dossier.Claims)
            {
                var statements = claim.Statements.Where(s => s.Article == article.Id).ToList();
                if (statements.Count == 0 && !claim.Articles.Contains(article.Id))
                {
                    output.Write("<td></td>");
                    continue;
                }
                var stated = string.Join(" / ", statements.Select(ReportText.Stated));
                var origins = string.Join(", ", statements.Select(s => s.Origin).Distinct());
                output.Write($"<td class=\"{ReportText.Status(claim.Status)}\" title=\"origin: {E(origins)}\">{E(stated.Length > 0 ? stated : "✓")}</td>");
            }
            output.Write("</tr>\n");
        }
        output.Write("</table>\n");
    }

    private static void WriteClaims(Dossier dossier, TextWriter output, Func<string, string> label)
    {
        if (dossier.Claims.Count == 0) return;
        output.Write("<h2 id=\"claims\">Claims</h2>\n");
        for (var c = 0; c < dossier.Claims.Count; c++)
        {
            var claim = dossier.Claims[c];
            var status = ReportText.Status(claim.Status);
            output.Write($"<h3 id=\"claim-{c + 1}\">C{c + 1} · {E(claim.Subject)}: {E(ReportText.Value(claim))} <span class=\"status {status}\">{status}</span></h3>\n");
            output.Write($"<p>{E(ReportText.Support(claim))}</p>\n<blockquote>{E(claim.Text)}</blockquote>\n<ul>\n");
            foreach (var statement in claim.Statements)
            {
                output.Write($"<li>{E(label(statement.Article))}: {E(ReportText.Stated(statement))} — origin {E(statement.Origin)}</li>\n");
            }
            output.Write("</ul>\n");
        }
    }

    private static void WriteEntities(Dossier dossier, TextWriter output)
    {
        if (dossier.Entities.Count == 0) return;
        var names = dossier.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        output.Write("<h2 id=\"entities\">Entities</h2>\n<table>\n<tr><th>Name</th><th>Type</th><th>Mentions</th><th>Articles</th><th>Variants</th><th>Possible matches</th></tr>\n");
        foreach (var entity in dossier.Entities)
        {
            var variants = entity.Variants.Select((v, i) => i < entity.VariantCounts.Count ? $"{E(v)} ×{entity.VariantCounts[i]}" : E(v));
            var matches = entity.PossibleMatches.Select(m =>
                $"{E(names.GetValueOrDefault(m.EntityId, m.EntityId))} ({m.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}: {E(m.Reason)})");
            output.Write($"<tr id=\"{E(entity.Id)}\"><td>{E(entity.Name)}</td><td>{ReportText.Type(entity.Type)}</td><td>{entity.Mentions}</td>" +
                $"<td>{entity.Articles.Count}</td><td class=\"variants\">{string.Join(", ", variants)}</td><td>{string.Join("<br>", matches)}</td></tr>\n");
        }
        output.Write("</table>\n");
    }

    private static void WriteQuotes(Dossier dossier, TextWriter output, Func<string, string> label)
    {
        if (dossier.Quotes.Count == 0) return;
        output.Write("<h2 id=\"quotes\">Quotes by speaker</h2>\n");
        foreach (var speaker in dossier.Quotes.GroupBy(q => q.Speaker, StringComparer.Ordinal))
        {
            output.Write($"<h3>{E(speaker.Key)}</h3>\n");
            foreach (var quote in speaker)
            {
                var articles = quote.Articles.Count > 0 ? quote.Articles : [quote.Article];
                output.Write($"<blockquote>“{E(quote.Text)}”<br><span class=\"meta\">{E(string.Join(", ", articles.Select(label)))}</span></blockquote>\n");
            }
        }
    }

    /// <summary>Outlets on the left, the sources they cite on the right: several lines into one origin show a shared source.</summary>
    private static void WriteCitations(Dossier dossier, TextWriter output, Func<string, string> label)
    {
        if (dossier.Citations.Count == 0) return;
        output.Write("<h2 id=\"citations\">Citations</h2>\n");
        var byId = dossier.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var edges = dossier.Citations
            .SelectMany(c => c.Cites.Select(o => (From: byId.TryGetValue(c.Article, out var a) ? label(a.Id) : c.Article, To: o)))
            .Distinct().ToList();
        var left = edges.Select(e => e.From).Distinct().ToList();
        var right = edges.Select(e => e.To).Distinct().ToList();
        const int rowHeight = 28, boxWidth = 260, gap = 220;
        var height = Math.Max(left.Count, right.Count) * rowHeight + 10;
        var width = boxWidth * 2 + gap;
        output.Write($"<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"citation graph\">\n");
        foreach (var (from, to) in edges)
        {
            var y1 = left.IndexOf(from) * rowHeight + 5 + rowHeight / 2;
            var y2 = right.IndexOf(to) * rowHeight + 5 + rowHeight / 2;
            output.Write($"<line x1=\"{boxWidth}\" y1=\"{y1}\" x2=\"{boxWidth + gap}\" y2=\"{y2}\"/>\n");
        }
        for (var i = 0; i < left.Count; i++) Box(output, 0, i * rowHeight + 5, boxWidth, "outlet", left[i]);
        for (var i = 0; i < right.Count; i++) Box(output, boxWidth + gap, i * rowHeight + 5, boxWidth, "origin", right[i]);
        output.Write("</svg>\n<table>\n<tr><th>Article</th><th>Cites</th></tr>\n");
        foreach (var citation in dossier.Citations)
        {
            output.Write($"<tr><td>{E(label(citation.Article))}</td><td>{E(string.Join(", ", citation.Cites))}</td></tr>\n");
        }
        output.Write("</table>\n");
    }

    private static void Box(TextWriter output, int x, int y, int width, string kind, string text)
    {
        output.Write($"<rect class=\"{kind}\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"22\" rx=\"4\"/>" +
            $"<text x=\"{x + 6}\" y=\"{y + 15}\">{E(Clipped.Start(text, 38))}</text>\n");
    }

    private static void WriteTimeline(Dossier dossier, TextWriter output, Func<string, string> label)
    {
        if (dossier.Timeline.Count == 0) return;
        output.Write("<h2 id=\"timeline\">Timeline</h2>\n<ol class=\"timeline\">\n");
        foreach (var entry in dossier.Timeline)
        {
            output.Write($"<li><span class=\"date\">{E(entry.Date)}</span> — {E(entry.Text)} <span class=\"meta\">({E(string.Join(", ", entry.Articles.Select(label)))})</span></li>\n");
        }
        output.Write("</ol>\n");
    }

    private static void WriteBodies(Dossier dossier, TextWriter output, Func<string, string> label)
    {
        output.Write("<h2 id=\"texts\">Article texts</h2>\n");
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            output.Write($"<details id=\"article-{i + 1}\"><summary>{E(label(article.Id))} — {E(article.Title ?? article.Source)}</summary>\n<div class=\"body\">\n");
            foreach (var paragraph in article.Paragraphs) output.Write($"<p>{E(paragraph)}</p>\n");
            output.Write("</div></details>\n");
        }
    }


    private static string E(string text) => ReportText.Html(text);

    private static string LoadCss()
    {
        using var stream = typeof(DossierHtml).Assembly.GetManifestResourceStream("Crosscheck.Stories.Reports.dossier.css")
            ?? throw new InvalidOperationException("Embedded stylesheet Reports/dossier.css is missing from Crosscheck.Stories.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
