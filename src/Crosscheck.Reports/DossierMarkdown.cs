using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Provenance;

namespace Crosscheck.Reports;

/// <summary>
/// A dossier as a readable Markdown report for the terminal: the story, its articles, claims with
/// their status and origins ("3 articles, 1 origin: Reuters"), entities with variants, quotes by
/// speaker, citations and the timeline. Article text is kept on one line and its Markdown
/// control characters are escaped, so an article cannot reshape the report.
/// </summary>
public static class DossierMarkdown
{
    public static void Write(Dossier dossier, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(output);
        var labels = ReportText.ArticleLabels(dossier);
        string PlainLabel(string id) => labels.TryGetValue(id, out var label) ? label : id;
        string Label(string id) => Escape(PlainLabel(id));
        var names = dossier.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

        output.WriteLine($"# {Escape(dossier.Story.Title)}");
        output.WriteLine();
        output.WriteLine($"Story `{Escape(dossier.Story.Id)}` — {Plural(dossier.Articles.Count, "article")}, " +
            $"{Plural(dossier.Claims.Count, "claim")}, {Plural(dossier.Entities.Count, "entity", "entities")}.");
        output.WriteLine();

        output.WriteLine("## Articles");
        output.WriteLine();
        output.WriteLine("| # | Outlet | Published | Title | Copy of |");
        output.WriteLine("|---|---|---|---|---|");
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            output.WriteLine($"| {i + 1} | {Cell(ArticleOutlet.Of(article))} | {ReportText.Day(article)} | {Cell(article.Title ?? article.Source)} | {Cell(ReportText.CopyOf(dossier, article.Id, PlainLabel) ?? "")} |");
        }
        output.WriteLine();
        var templates = ReportText.TemplatePages(dossier, PlainLabel).ToList();
        foreach (var note in templates) output.WriteLine($"- {Escape(note)}");
        if (templates.Count > 0) output.WriteLine();

        WriteSection(output, "Statements", dossier.Statements, statement =>
        {
            var participants = statement.Participants.Count > 0 ? $": {Escape(string.Join(", ", statement.Participants))}" : "";
            output.WriteLine($"- **{ReportText.Status(statement.Status)}** — {Escape(statement.Predicate)}{participants} — {Escape(ReportText.Support(statement))}; first: {Label(statement.FirstArticle)}");
            output.WriteLine($"  > {Escape(statement.Text)}");
            if (ReportText.Carries(dossier, statement) is { } carried) output.WriteLine($"  - carries: {Escape(carried)}");
            foreach (var wording in statement.Wordings)
            {
                var polarity = wording.Polarity == "asserted" ? "" : $", {wording.Polarity}";
                output.WriteLine($"  - {Label(wording.Article)}: {Escape(wording.Text)} (origin: {Escape(wording.Origin)}{polarity})");
            }
            foreach (var wording in statement.Similar)
            {
                output.WriteLine($"  - similar wording, not counted: {Label(wording.Article)}: {Escape(wording.Text)}");
            }
        });

        WriteSection(output, "Claims", dossier.Claims, claim =>
        {
            output.WriteLine($"- **{ReportText.Status(claim.Status)}** — {Escape(claim.Subject)}: **{Escape(ReportText.Value(claim))}** — {Escape(ReportText.Support(claim))}");
            output.WriteLine($"  > {Escape(claim.Text)}");
            foreach (var statement in claim.Statements)
            {
                output.WriteLine($"  - {Label(statement.Article)}: {Escape(ReportText.Stated(statement))} (origin: {Escape(statement.Origin)})");
            }
        });

        WriteSection(output, "Entities", dossier.Entities, entity =>
        {
            var variants = entity.Variants.Select((v, i) => i < entity.VariantCounts.Count ? $"{Escape(v)} ×{entity.VariantCounts[i]}" : Escape(v));
            output.Write($"- **{Escape(entity.Name)}** ({ReportText.Type(entity.Type)}) — {Plural(entity.Mentions, "mention")} in {Plural(entity.Articles.Count, "article")}; variants: {string.Join(", ", variants)}");
            if (entity.PossibleMatches.Count > 0)
            {
                var matches = entity.PossibleMatches.Select(m => $"{Escape(names.GetValueOrDefault(m.EntityId, m.EntityId))} ({m.Confidence:0.00}, {Escape(m.Reason)})");
                output.Write($"; possibly the same as: {string.Join("; ", matches)}");
            }
            output.WriteLine();
        });

        if (dossier.Quotes.Count > 0)
        {
            output.WriteLine("## Quotes");
            foreach (var speaker in dossier.Quotes.GroupBy(q => q.Speaker, StringComparer.Ordinal))
            {
                output.WriteLine();
                output.WriteLine($"### {Escape(speaker.Key)}");
                output.WriteLine();
                foreach (var quote in speaker)
                {
                    var articles = quote.Articles.Count > 0 ? quote.Articles : [quote.Article];
                    output.WriteLine($"- “{Escape(quote.Text)}” — {string.Join(", ", articles.Select(Label))}");
                }
            }
            output.WriteLine();
        }

        WriteSection(output, "Citations", dossier.Citations, citation =>
            output.WriteLine($"- {Label(citation.Article)} cites {string.Join(", ", citation.Cites.Select(Escape))}"));

        WriteSection(output, "Timeline", dossier.Timeline, entry =>
            output.WriteLine($"- **{Escape(entry.Date)}**{(entry.DateNote is { } note ? $" ({Escape(note)})" : "")} — {Escape(entry.Text)} ({string.Join(", ", entry.Articles.Select(Label))})"));

        WriteSection(output, "Undated articles", dossier.UndatedArticles, range =>
            output.WriteLine($"- {Label(range.Article)}: {ReportText.DateRange(range)} ({Escape(range.Basis)})"));
    }

    /// <summary>A "## title" section with what <paramref name="writeItem"/> writes for each item; nothing at all without items.</summary>
    private static void WriteSection<T>(TextWriter output, string title, IReadOnlyCollection<T> items, Action<T> writeItem)
    {
        if (items.Count == 0) return;
        output.WriteLine($"## {title}");
        output.WriteLine();
        foreach (var item in items) writeItem(item);
        output.WriteLine();
    }

    public static string ToMarkdown(Dossier dossier)
    {
        using var writer = new StringWriter();
        Write(dossier, writer);
        return writer.ToString();
    }

    private static string Plural(int count, string noun, string? plural = null) =>
        count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";

    /// <summary>One line, with the characters that would start Markdown markup or raw HTML escaped.</summary>
    private static string Escape(string text)
    {
        var safe = ReportText.Safe(text);
        var sb = new StringBuilder(safe.Length + 8);
        foreach (var c in safe)
        {
            switch (c)
            {
                case '\n' or '\r' or '\t':
                    sb.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Cell(string text) => Escape(text);
}
