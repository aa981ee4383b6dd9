namespace Crosscheck.Core.Model;

/// <summary>
/// What kind of page an article was extracted from. A crawl brings every kind of page; only articles and forum
/// threads report events, so only they form stories (see <see cref="PageTypeInfo.FormsStories"/>). Scraped text and
/// JSON text are taken as articles.
/// </summary>
public enum PageType
{
    /// <summary>A news story, blog post or other piece of running prose (the default).</summary>
    Article,

    /// <summary>A forum or Q&amp;A thread: a question or opening post and its replies.</summary>
    Forum,

    /// <summary>A listing or collection: search results, a category, a feed of teasers.</summary>
    Listing,

    /// <summary>A product page: one item for sale.</summary>
    Product,

    /// <summary>A service or company page: what a business offers, how to contact it.</summary>
    Service,

    /// <summary>Documentation: reference pages, guides, manuals.</summary>
    Documentation,
}

/// <summary>Names and rules of <see cref="PageType"/>.</summary>
public static class PageTypeInfo
{
    /// <summary>Every type, in the enum's order.</summary>
    public static IReadOnlyList<PageType> All { get; } = Enum.GetValues<PageType>();

    /// <summary>Whether pages of this type report events and so join stories and dossiers.</summary>
    public static bool FormsStories(this PageType type) => type is PageType.Article or PageType.Forum;

    /// <summary>The lower-case name stored and shown ("article", "forum", ...).</summary>
    public static string Name(this PageType type) => type switch
    {
        PageType.Article => "article",
        PageType.Forum => "forum",
        PageType.Listing => "listing",
        PageType.Product => "product",
        PageType.Service => "service",
        PageType.Documentation => "documentation",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The type a name stands for, or null for an unknown name. "collection" is a listing (benchmarks tell the
    /// two apart; nothing here treats them differently).
    /// </summary>
    public static PageType? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "article" => PageType.Article,
        "forum" => PageType.Forum,
        "listing" or "collection" => PageType.Listing,
        "product" => PageType.Product,
        "service" => PageType.Service,
        "documentation" => PageType.Documentation,
        _ => null,
    };
}
