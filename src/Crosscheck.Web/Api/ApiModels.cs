namespace Crosscheck.Web.Api;

// Response shapes of the JSON API (serialised with snake_case names); the dossier itself is the
// contract of docs/JSON.md written by DossierJson, and an article with its layers is written by ArticleJson.

public sealed record IngestedArticle(string Id, string Source, string? StoryId);

public sealed record IngestResult(int Added, int AlreadyStored, int Stories, IReadOnlyList<IngestedArticle> Articles, IReadOnlyList<string> EmptyArticles);

public sealed record StoryArticle(string Id, string Source, string? Title, string? Outlet, string? Published);

public sealed record StoryItem(string Id, string Title, string? FirstSeen, string? LastSeen, int ArticleCount, IReadOnlyList<string> Outlets, IReadOnlyList<StoryArticle> Articles);

/// <summary>A page of the story list; LastChange is when the newest article came in (ISO 8601), null for an empty store.</summary>
public sealed record StoryList(int Total, int Page, int PageSize, int Pages, IReadOnlyList<StoryItem> Stories, string? LastChange);

public sealed record StoryRef(string Id, string Title);

public sealed record EntityMatch(string Entity, double Confidence, string Reason);

public sealed record EntityResult(
    string Id, string Name, string Type, int Mentions, IReadOnlyList<string> Variants, IReadOnlyList<int> VariantCounts,
    IReadOnlyList<string> Articles, IReadOnlyList<EntityMatch> PossibleMatches, IReadOnlyList<StoryRef> Stories);

public sealed record SearchResult(string ArticleId, string Title, string Snippet, double Score, string? StoryId);

public sealed record BadRecord(string Source, string Problem);
