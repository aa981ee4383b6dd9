using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Provenance;

namespace Crosscheck.Reports;

/// <summary>Wording shared by the report writers, so JSON, Markdown and HTML name things alike.</summary>
public static class ReportText
{
    public static string Type(EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Org => "ORG",
        EntityType.Loc => "LOC",
        _ => "MISC",
    };

    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Corroborated => "corroborated",
        ClaimStatus.SingleOrigin => "single-origin",
        ClaimStatus.Conflicting => "conflicting",
        _ => "unique",
    };

    public static string Status(StatementStatus status) => status switch
    {
        StatementStatus.Corroborated => "corroborated",
        StatementStatus.SingleOrigin => "single-origin",
        _ => "contested",
    };

    /// <summary>"3 articles, 2 independent origins: Reuters, AFP".</summary>
    public static string Support(DossierStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var articles = statement.Articles.Count == 1 ? "1 article" : $"{statement.Articles.Count} articles";
        var origins = statement.Origins.Count == 1 ? "1 independent origin" : $"{statement.Origins.Count} independent origins";
        return $"{articles}, {origins}: {string.Join(", ", statement.Origins)}";
    }

    /// <summary>The longest stretch of a quote a statement's "carries" line shows.</summary>
    private const int MaxCarriedQuoteLength = 80;

    /// <summary>
    /// What a statement carries, one line: the claims with a figure in its wording ("deaths: 12") and the quotes
    /// lying in it ("Jane King: “…”"); null when it carries none.
    /// </summary>
    public static string? Carries(Dossier dossier, DossierStatement statement)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(statement);
        var figures = dossier.Claims.Where(c => c.Statements.Any(s => s.StatementId == statement.Id)).Select(c => $"{c.Subject}: {Value(c)}");
        var quotes = dossier.Quotes.Where(q => q.StatementId == statement.Id).Select(q => $"{q.Speaker}: “{Shortened(q.Text)}”");
        var carried = figures.Concat(quotes).ToList();
        return carried.Count == 0 ? null : string.Join("; ", carried);
    }

    /// <summary>A quote's opening words without the quotation marks it may carry as written.</summary>
    private static string Shortened(string quote)
    {
        var text = quote.Trim('"', '“', '”');
        return text.Length <= MaxCarriedQuoteLength ? text : text[..MaxCarriedQuoteLength].TrimEnd() + "…";
    }

    public static string Qualifier(Qualifier qualifier) => qualifier switch
    {
        Core.Model.Qualifier.About => "about",
        Core.Model.Qualifier.AtLeast => "at least",
        Core.Model.Qualifier.MoreThan => "more than",
        Core.Model.Qualifier.AtMost => "at most",
        Core.Model.Qualifier.UpTo => "up to",
        Core.Model.Qualifier.LessThan => "less than",
        Core.Model.Qualifier.Nearly => "nearly",
        _ => "",
    };

    /// <summary>
    /// Untrusted text made safe for HTML, in element content and in quoted attributes alike: every
    /// page (the static report and the web UI) writes article text only through this.
    /// </summary>
    public static string Html(string? text) => text is null ? "" : System.Net.WebUtility.HtmlEncode(Safe(text));

    /// <summary>
    /// Untrusted text made writable: lone UTF-16 surrogates (which JSON writers and browsers reject)
    /// become U+FFFD, and control characters other than line breaks and tabs are dropped.
    /// </summary>
    public static string Safe(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) clean = false;
        }
        if (clean) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c)) sb.Append('\uFFFD');
            else if (!char.IsControl(c) || c is '\n' or '\r' or '\t') sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The outlet an article is shown under: its own, else the host of its address or source.</summary>
    public static string Outlet(Article article) => ArticleOutlet.Of(article);

    public static string? Published(Article article) =>
        article.Published?.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Day(Article article) =>
        article.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    /// <summary>An undated article's range as a reader says it: "2021-09-13 to 2021-09-27", or one day.</summary>
    public static string DateRange(ArticleDateRange range) => range.To == range.From ? range.From : $"{range.From} to {range.To}";

    public static string Number(double value, string? unit = null)
    {
        var number = value.ToString(Math.Abs(value - Math.Round(value)) < 1e-9 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            null or "" => number,
            "%" => number + "%",
            _ => number + " " + unit,
        };
    }

    /// <summary>What one article states for a claim: "about 1,000", "up to 5 million USD".</summary>
    public static string Stated(ClaimStatement statement)
    {
        var qualifier = Qualifier(statement.Qualifier);
        return (qualifier.Length > 0 ? qualifier + " " : "") + Number(statement.Value, statement.Unit);
    }

    /// <summary>"3 articles, 1 origin: Reuters" — the line that makes independence visible.</summary>
    public static string Support(Claim claim)
    {
        var articles = claim.Articles.Count == 1 ? "1 article" : $"{claim.Articles.Count} articles";
        var origins = claim.Origins.Count == 1 ? "1 origin" : $"{claim.Origins.Count} origins";
        return $"{articles}, {origins}: {string.Join(", ", claim.Origins)}";
    }

    public static string Value(Claim claim)
    {
        var text = Number(claim.Value, claim.Unit);
        if (claim.Normalized is { } n && n.Unit != claim.Unit) text += $" (≈ {Number(n.Value, n.Unit)})";
        return text;
    }

    /// <summary>Article label for reports: its outlet, else its source, with its position in the story.</summary>
    /// <summary>
    /// "[2] outlet, 93% of its text": the earlier article a copy repeats and how much of the copy it
    /// covers; null for an article that copies none of the story's others.
    /// </summary>
    public static string? CopyOf(Dossier dossier, string articleId, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(label);
        if (dossier.CopyOf(articleId) is not { } copy) return null;
        return copy.Share is { } share
            ? string.Create(CultureInfo.InvariantCulture, $"{label(copy.Original)}, {share * 100:F0}% of its text")
            : label(copy.Original);
    }

    /// <summary>What a template-page mark means to a reader (the dossier's reports and the web pages say it alike).</summary>
    public const string TemplatePage = "template page: its text is mostly a block another page shares (a cookie notice, paywall form or block page); kept out of stories";

    /// <summary>"[2] outlet — template page: …" for each article of the dossier placed as a template page, in story order.</summary>
    public static IEnumerable<string> TemplatePages(Dossier dossier, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(label);
        return dossier.Articles.Where(a => dossier.IsTemplatePage(a.Id) == true).Select(a => $"{label(a.Id)} — {TemplatePage}");
    }

    public static IReadOnlyDictionary<string, string> ArticleLabels(Dossier dossier)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < dossier.Articles.Count; i++)
        {
            var article = dossier.Articles[i];
            labels.TryAdd(article.Id, $"[{i + 1}] {ArticleOutlet.Of(article)}");
        }
        return labels;
    }
}
