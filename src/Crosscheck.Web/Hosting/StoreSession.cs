using System.Collections.Frozen;
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

    /// <summary>The story's dossier if it is built and cached (free), else null.</summary>
    public Dossier? CachedDossier(Story story) => dossiers.Cached(story);

    /// <summary>The entity ids of the story's dossier if it was ever built for its current articles, else null.</summary>
    public IReadOnlySet<string>? EntityIds(Story story) => dossiers.EntityIds(story);

    public void Dispose() => _store?.Dispose();
}

/// <summary>
/// Builds dossiers ahead of the first view, in the background with its own store connection:
/// after an ingest for the stories it changed, and at start for the first page of stories. A
/// large story's dossier takes about a second to build; a reader should not be the one waiting.
/// </summary>
public sealed class DossierWarmer(WebOptions options, CrosscheckBackend backend, DossierCache dossiers, ILogger<DossierWarmer> logger)
{
    private int _indexing;

    /// <summary>
    /// Builds the stories' dossiers in the background unless such a run is already going: entity look-ups
    /// ask for this with the stories they could not afford to build, and however many of them arrive, one
    /// run at a time builds (bounded by <see cref="Warm"/>), so the work anonymous requests start stays bounded.
    /// </summary>
    public void Index(IEnumerable<string> storyIds)
    {
        if (Interlocked.Exchange(ref _indexing, 1) == 1) return;
        Warm(storyIds).ContinueWith(_ => Volatile.Write(ref _indexing, 0), TaskScheduler.Default);
    }

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
/// The entity ids of every dossier built are kept longer (a few KB a story, up to <see cref="MaxIndexedStories"/>
/// stories), so an entity look-up can tell which stories hold an id without building their dossiers again.
/// </summary>
public sealed class DossierCache(WebOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Dossier Dossier)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Dossier Dossier)> _recent = new();
    private readonly Dictionary<string, IReadOnlySet<string>> _entityIds = new(StringComparer.Ordinal);

    /// <summary>Stories whose entity ids are kept; past it the index starts again (it is only a shortcut).</summary>
    public const int MaxIndexedStories = 4096;

    /// <summary>The dossier if it is in the cache, without building it.</summary>
    public Dossier? Cached(Story story)
    {
        var key = Key(story);
        lock (_gate) return _entries.TryGetValue(key, out var hit) ? hit.Value.Dossier : null;
    }

    /// <summary>The entity ids of the story's dossier for its current articles, if it was ever built; else null.</summary>
    public IReadOnlySet<string>? EntityIds(Story story)
    {
        var key = Key(story);
        lock (_gate) return _entityIds.GetValueOrDefault(key);
    }

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
        var ids = dossier.Entities.Select(e => e.Id).ToFrozenSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_entityIds.Count >= MaxIndexedStories && !_entityIds.ContainsKey(key)) _entityIds.Clear();
            _entityIds[key] = ids;
        }
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
