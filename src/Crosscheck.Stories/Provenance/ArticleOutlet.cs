using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Provenance;

/// <summary>The outlet an article names itself by, before a story reconciles outlet names; the reports list it too.</summary>
public static class ArticleOutlet
{
    /// <summary>The article's outlet; else the web host of its URL or source; else its source's file name.</summary>
    public static string Of(Article article)
    {
        if (!string.IsNullOrWhiteSpace(article.Outlet)) return article.Outlet;
        foreach (var address in new[] { article.Url, article.Source })
        {
            if (address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) && uri.Scheme.StartsWith("http", StringComparison.Ordinal))
            {
                return uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
            }
        }
        var source = article.Source ?? article.Id;
        var slash = Math.Max(source.LastIndexOf('/'), source.LastIndexOf('\\'));
        return slash >= 0 && slash < source.Length - 1 ? source[(slash + 1)..] : source;
    }
}
