using System.Globalization;
using Crosscheck.Core.Model;

using Crosscheck.Reports;

namespace Crosscheck.Web.Hosting;

/// <summary>What the story list asks for: free text, a date range and a page. Shared by the API and the UI.</summary>
public sealed record StoryFilter(string? Text, DateOnly? From, DateOnly? To, int Page, int PageSize)
{
    public static StoryFilter Parse(string? q, string? from, string? to, string? page, string? size, WebOptions options)
    {
        var pageNumber = ParseInt("page", page, 1, 1, int.MaxValue);
        var pageSize = ParseInt("size", size, options.PageSize, 1, options.MaxPageSize);
        var filter = new StoryFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), ParseDate("from", from), ParseDate("to", to), pageNumber, pageSize);
        if (filter.From > filter.To) throw RequestProblem.BadRequest($"from={from} is after to={to}; swap them");
        return filter;
    }

    private static int ParseInt(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw RequestProblem.BadRequest($"{name}={text} is not a whole number from {min} to {max}");
    }

    private static DateOnly? ParseDate(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw RequestProblem.BadRequest($"{name}={text} is not a date; use YYYY-MM-DD, e.g. 2021-09-15");
    }
}

/// <summary>One story as the list shows it: its articles' outlets and dates, for the table and the chart.</summary>
public sealed record StorySummary(Story Story, IReadOnlyList<Article> Articles)
{
    public IReadOnlyList<string> Outlets { get; } = [.. Articles.Select(ReportText.Outlet).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>
/// A page of the story list. LastChange is when the newest article came in (the store's newest raw
/// input), so a reader of a watched store sees how fresh it is; null for an empty store.
/// </summary>
public sealed record StoryPage(int Total, StoryFilter Filter, IReadOnlyList<StorySummary> Stories, DateTimeOffset? LastChange = null)
{
    public int Pages => Math.Max(1, (Total + Filter.PageSize - 1) / Filter.PageSize);
}

public static class StoryListing
{
    /// <summary>Articles matched by full-text search when filtering stories by text.</summary>
    private const int TextFilterHits = 1000;

    /// <summary>
    /// Stories, largest first, that overlap the date range and whose title or articles match the
    /// text; only the requested page's articles are read.
    /// </summary>
    public static StoryPage Find(StoreSession session, StoryFilter filter)
    {
        var store = session.Store;
        IEnumerable<Story> stories = store.GetStories()
            .OrderByDescending(s => s.ArticleIds.Count)
            .ThenBy(s => s.FirstSeen ?? DateTimeOffset.MaxValue)
            .ThenBy(s => s.Id, StringComparer.Ordinal);
        // An undated story cannot be shown to fall in a date range, so a date filter leaves it out.
        if (filter.From is { } from) stories = stories.Where(s => s.LastSeen is { } last && DateOnly.FromDateTime(last.UtcDateTime) >= from);
        if (filter.To is { } to) stories = stories.Where(s => s.FirstSeen is { } first && DateOnly.FromDateTime(first.UtcDateTime) <= to);
        if (filter.Text is { } text)
        {
            var matching = store.Search(text, TextFilterHits).Select(h => h.ArticleId).ToHashSet(StringComparer.Ordinal);
            stories = stories.Where(s => s.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || s.ArticleIds.Any(matching.Contains));
        }
        var all = stories.ToList();
        // In long: a page number near int.MaxValue times the page size overflows an int, and a
        // negative Skip would answer page 1. A page past the end is empty, whatever its number.
        var offset = ((long)filter.Page - 1) * filter.PageSize;
        var page = (offset >= all.Count ? Enumerable.Empty<Story>() : all.Skip((int)offset).Take(filter.PageSize))
            .Select(s => new StorySummary(s, [.. s.ArticleIds.Select(id => store.GetDocument(id)?.Article).OfType<Article>()]))
            .ToList();
        return new StoryPage(all.Count, filter, page, store.LastReceived());
    }

    /// <summary>The story a request names (id or unique prefix), else a 404 naming it.</summary>
    public static Story Require(StoreSession session, string id) =>
        session.Store.GetStory(id) ?? throw RequestProblem.NotFound($"no story '{id}' (or the prefix matches several); list them at /api/stories");

    /// <summary>The stories holding an article.</summary>
    public static Story? OfArticle(StoreSession session, string articleId) =>
        session.Store.StoryIdOfArticle(articleId) is { } id ? session.Store.GetStory(id) : null;

    public static Document RequireArticle(StoreSession session, string id) =>
        session.Store.GetDocument(id) ?? throw RequestProblem.NotFound($"no article '{id}'; find articles at /api/search?q=WORDS");

    /// <summary>
    /// An entity of a story's dossier. Entity ids belong to dossiers, so without a story the largest
    /// stories are searched (bounded by <see cref="WebOptions.EntityScanStories"/>): stories whose dossier
    /// was built before are looked up in the cache's entity index, and at most
    /// <see cref="WebOptions.EntityBuildsPerRequest"/> others are built in this request; the rest are
    /// built in the background, so an unknown id is a quick 404 and asking again finds what they hold.
    /// </summary>
    public static IReadOnlyList<(Dossier Dossier, DossierEntity Entity)> FindEntity(StoreSession session, string id, string? storyId, WebOptions options,
        DossierWarmer? background = null)
    {
        var stories = storyId is not null
            ? [Require(session, storyId)]
            : session.Store.GetStories().OrderByDescending(s => s.ArticleIds.Count).ThenBy(s => s.Id, StringComparer.Ordinal).Take(options.EntityScanStories).ToList();
        var found = new List<(Dossier, DossierEntity)>();
        var builds = 0;
        var notSearched = new List<Story>();
        foreach (var story in stories)
        {
            var ids = session.EntityIds(story);
            if (ids is not null && !ids.Contains(id)) continue;
            var dossier = session.CachedDossier(story);
            if (dossier is null)
            {
                // One named story is always built: the caller asked for exactly that work.
                if (storyId is null && builds >= options.EntityBuildsPerRequest)
                {
                    if (ids is null) notSearched.Add(story);
                    continue;
                }
                builds++;
                dossier = session.Dossier(story);
            }
            var entity = dossier.Entities.FirstOrDefault(e => e.Id == id);
            if (entity is not null) found.Add((dossier, entity));
        }
        if (notSearched.Count > 0) background?.Index(notSearched.Select(s => s.Id));
        if (found.Count == 0)
        {
            throw RequestProblem.NotFound(storyId is not null
                ? $"no entity '{id}' in story '{storyId}'; its entities are listed at /api/stories/{storyId}"
                : notSearched.Count > 0
                    ? $"no entity '{id}' in the {stories.Count - notSearched.Count} largest stories searched so far; the other {notSearched.Count} are being indexed: ask again shortly, or pass ?story=ID"
                    : $"no entity '{id}' in the {stories.Count} largest stories; pass ?story=ID to look in another");
        }
        return found;
    }
}
