using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Provenance;

/// <summary>The outlet an article is shown under. A file name is never an outlet: it names the source, not who published it.</summary>
public static class ArticleOutlet
{
    /// <summary>What an article whose outlet is not known is shown under.</summary>
    public const string Unknown = "unknown outlet";

    /// <summary>The article's outlet; else the web host of its URL or source; else <see cref="Unknown"/>.</summary>
    public static string Of(Article article) => Known(article) ?? Unknown;

    /// <summary>The article's outlet, or the web host of its URL or source; null when neither is known (a text file with no URL).</summary>
    public static string? Known(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!string.IsNullOrWhiteSpace(article.Outlet)) return article.Outlet;
        foreach (var address in new[] { article.Url, article.Source })
        {
            if (address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
            {
                return uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
            }
        }
        return null;
    }
}
