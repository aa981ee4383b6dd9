using Crosscheck.Core.Model;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>Which pages join stories: articles and forum threads; other pages only when the ingest asks for all pages.</summary>
public sealed class PageTypeStoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-pagetypes-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Text = "The ferry operator said on Monday that crossings to the island would resume next week after repairs to the harbour ramp were finished.";

    private static Document Page(string id, PageType type) =>
        new(new Article { Id = id, Source = $"https://ferries.example/{id}", Title = "Ferry crossings resume", Body = Text, PageType = type });

    [Fact]
    public void Only_articles_and_forum_threads_join_stories_unless_every_page_is_asked_for()
    {
        using var store = SqliteStore.Open(Path.Combine(_dir, "pages.db"));
        store.SaveDocument(Page("news", PageType.Article));
        store.SaveDocument(Page("thread", PageType.Forum));
        store.SaveDocument(Page("listing", PageType.Listing));
        store.SaveDocument(Page("product", PageType.Product));

        TestIngest.Service(store, recurring: null).AssignStories();
        var storied = store.GetStories().SelectMany(s => s.ArticleIds).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["news", "thread"], storied);
        // Kept out of stories, the other pages stay stored and searchable.
        Assert.Equal(PageType.Listing, store.GetDocument("listing")!.Article.PageType);
        Assert.Contains(store.Search("harbour ramp"), hit => hit.ArticleId == "product");

        TestIngest.Service(store, recurring: null, allPages: true).AssignStories();

        Assert.Equal(["listing", "news", "product", "thread"], store.GetStories().SelectMany(s => s.ArticleIds).Order(StringComparer.Ordinal));
    }
}
