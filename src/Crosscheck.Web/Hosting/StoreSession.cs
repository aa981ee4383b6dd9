using Crosscheck.Core.Model;
using Crosscheck.Storage;

namespace Crosscheck.Web.Hosting;

/// <summary>
/// One request's view of the store: opened on first use and closed with the request, so every
/// request reads what is stored now (articles ingested by another process appear on reload) and
/// no store connection is shared between threads (stores are single-threaded).
/// </summary>
public sealed class StoreSession(WebOptions options, CrosscheckBackend backend, DossierCache dossiers) : IDisposable
{
    private IStore? _store;

    public IStore Store => _store ??= backend.OpenStore(options.Database);

    public Dossier Dossier(Story story) => dossiers.Get(story, () => backend.BuildDossier(Store, story));

    public void Dispose() => _store?.Dispose();
}

/// <summary>
/// Builds dossiers ahead of the first view, in the background with its own store connection:
/// after an ingest for the stories it changed, and at start for the first page of stories. A
/// large story's dossier takes about a second to build; a reader should not be the one waiting.
/// </summary>
public sealed class DossierWarmer(WebOptions options, CrosscheckBackend backend, DossierCache dossiers, ILogger<DossierWarmer> logger)
{
    public Task Warm(IEnumerable<string> storyIds)
    {
        var ids = storyIds.Distinct(StringComparer.Ordinal).Take(Math.Max(0, options.DossierCacheSize / 2)).ToList();
        if (ids.Count == 0) return Task.CompletedTask;
        return Task.Run(() =>
        {
            try
            {
                using var store = backend.OpenStore(options.Database);
                foreach (var id in ids)
                {
                    if (store.GetStory(id) is { } story) dossiers.Get(story, () => backend.BuildDossier(store, story));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Only a head start: the page builds the dossier itself if this failed.
                logger.LogWarning(ex, "could not build dossiers ahead of time");
            }
        });
    }

    /// <summary>The stories the home page shows first.</summary>
    public Task WarmFirstPage()
    {
        try
        {
            using var store = backend.OpenStore(options.Database);
            return Warm(store.GetStories().OrderByDescending(s => s.ArticleIds.Count).Take(options.PageSize).Select(s => s.Id).ToList());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "could not list stories to build their dossiers ahead of time");
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// Built dossiers, keyed by story id and the story's exact article list: building one costs
/// hundreds of milliseconds for a large story, while its inputs only change when articles join
/// or leave it, which changes the key. Bounded (least recently used out) by <see cref="WebOptions.DossierCacheSize"/>.
/// </summary>
public sealed class DossierCache(WebOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Dossier Dossier)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Dossier Dossier)> _recent = new();

    public Dossier Get(Story story, Func<Dossier> build)
    {
        var key = Key(story);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var hit))
            {
                _recent.Remove(hit);
                _recent.AddFirst(hit);
                return hit.Value.Dossier;
            }
        }
        // Built outside the lock: two requests for a new story may both build it, which is cheaper
        // than making every other story's readers wait.
        var dossier = build();
        if (options.DossierCacheSize <= 0) return dossier;
        lock (_gate)
        {
            if (!_entries.ContainsKey(key))
            {
                _entries[key] = _recent.AddFirst((key, dossier));
                while (_entries.Count > options.DossierCacheSize)
                {
                    _entries.Remove(_recent.Last!.Value.Key);
                    _recent.RemoveLast();
                }
            }
        }
        return dossier;
    }

    private static string Key(Story story) =>
        story.Id + "|" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', story.ArticleIds))));
}
