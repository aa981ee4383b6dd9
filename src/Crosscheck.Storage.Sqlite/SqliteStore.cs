using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, with foreign keys on and a busy timeout so a
/// second process waits instead of failing. The file is identified by <c>PRAGMA application_id</c>
/// and a <c>meta</c> row, versioned by <c>PRAGMA user_version</c> and upgraded on open through
/// <see cref="SqliteMigrations"/>. Holds one connection: use from one thread at a time.
/// </summary>
public sealed class SqliteStore : IStore
{
    /// <summary>How long a write waits for another process's lock before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    /// <summary>Commands kept prepared by their SQL (see <see cref="Reused"/>).</summary>
    private readonly Dictionary<string, SqliteCommand> _reused = new(StringComparer.Ordinal);

    private const int MaxReusedCommands = 128;

    private SqliteStore(string location, SqliteConnection connection)
    {
        Location = location;
        _connection = connection;
    }

    public string Location { get; }

    /// <summary>Opens (creating when absent) the Crosscheck database at <paramref name="path"/>, upgrading an older schema.</summary>
    /// <exception cref="StoreException">The file is not a Crosscheck database, is newer than this build, or cannot be opened.</exception>
    public static SqliteStore Open(string path) => Open(path, SqliteMigrations.CurrentVersion);

    /// <summary>The catch-all backend for <see cref="StoreLocation"/>: any value that names no other store is a file path.</summary>
    public static StoreBackend Backend { get; } = new("SQLite file", _ => true, path => Open(path));

    /// <summary>Opens and migrates only up to <paramref name="targetVersion"/>: for testing the migration path.</summary>
    internal static SqliteStore Open(string path, int targetVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckFileLooksLikeSqlite(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Without pooling, Dispose really closes the file (and checkpoints the WAL).
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            connection.CreateFunction(SqliteMigrations.OutletKeyFunction, (string? outlet) => StoreCommon.OutletKey(outlet), isDeterministic: true);
            var store = new SqliteStore(path, connection);
            store.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
            var version = store.Identify();
            store.Execute("PRAGMA journal_mode = WAL");
            // NORMAL is durable in WAL mode except for the last commits on power loss, never corrupting.
            store.Execute("PRAGMA synchronous = NORMAL");
            // 64 MB of page cache (SQLite's default is 2 MB): a save of the detectors' windows writes postings all over their key
            // indexes (tens of MB at a full window), which the default cache spilled and read again within one transaction.
            store.Execute("PRAGMA cache_size = -65536");
            store.Migrate(version, targetVersion);
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException(e.SqliteErrorCode switch
            {
                26 => $"'{path}' is not a Crosscheck database (not a readable SQLite file). Pass another --db path, or move the file away to start a new database there.",
                11 => $"'{path}' is a damaged SQLite database ({e.Message}). Restore it from a backup or pass another --db path.",
                5 or 6 => $"'{path}' is locked by another process. Close the other crosscheck command or pass another --db path.",
                _ => $"Cannot open '{path}' as a Crosscheck database: {StoreCommon.OneLine(e.Message)}. Check the path and its permissions, or pass another --db path.",
            }, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CheckFileLooksLikeSqlite(string path)
    {
        if (Directory.Exists(path))
            throw new StoreException($"'{path}' is a directory, not a database file. Pass a file path with --db.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
            throw new StoreException($"Cannot create the database '{path}': the folder '{directory}' does not exist. Create it or pass another --db path.");
        if (!File.Exists(path)) return;
        Span<byte> header = stackalloc byte[16];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"Cannot read '{path}': {StoreCommon.OneLine(e.Message)}. Check its permissions or pass another --db path.", e);
        }
        // SQLite treats an empty file as an empty database, so an empty file is fine.
        if (read == 0) return;
        if (read < header.Length || !header.SequenceEqual(SqliteHeader))
            throw new StoreException($"'{path}' is not a Crosscheck database (not an SQLite file). Pass another --db path, or move the file away to start a new database there.");
    }

    /// <summary>The file's schema version, after checking that it is ours (0 for a new, empty file).</summary>
    private int Identify()
    {
        var applicationId = Convert.ToInt32(Scalar("PRAGMA application_id"), CultureInfo.InvariantCulture);
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        var objects = Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_schema"), CultureInfo.InvariantCulture);
        if (applicationId == 0 && version == 0 && objects == 0) return 0;
        if (applicationId != SqliteMigrations.ApplicationId)
            throw new StoreException($"'{Location}' is an SQLite database of another application, not a Crosscheck database. Pass another --db path.");
        if (version > SqliteMigrations.CurrentVersion)
            throw new StoreException($"'{Location}' was written by a newer Crosscheck (schema version {version}; this build reads up to {SqliteMigrations.CurrentVersion}). Use a newer crosscheck, or pass another --db path.");
        var hasMeta = Scalar("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'") is not null;
        if (version == 0 || !hasMeta || Scalar("SELECT value FROM meta WHERE key = 'application'") as string != SqliteMigrations.ApplicationName)
            throw new StoreException($"'{Location}' is marked as a Crosscheck database but its schema is incomplete (version {version}). Restore it from a backup, or pass another --db path.");
        return version;
    }

    private void Migrate(int from, int to)
    {
        foreach (var step in SqliteMigrations.All)
        {
            if (step.Version <= from || step.Version > to) continue;
            using var transaction = _connection.BeginTransaction();
            try
            {
                using (var command = _connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = step.Sql + $";\nPRAGMA application_id = {SqliteMigrations.ApplicationId};\nPRAGMA user_version = {step.Version};";
                    command.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            catch (SqliteException e)
            {
                throw new StoreException($"Upgrading '{Location}' to schema version {step.Version} ({step.Description}) failed and was rolled back: {StoreCommon.OneLine(e.Message)}.", e);
            }
        }
    }

    public bool AddRaw(RawInput raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Write("storing a raw input", () => NonQuery("""
            INSERT INTO raw (id, seq, source, kind, content, received_at, hints)
            VALUES ($id, (SELECT coalesce(max(seq), 0) + 1 FROM raw), $source, $kind, $content, $received, $hints)
            ON CONFLICT (id) DO NOTHING
            """,
            ("$id", raw.Id), ("$source", raw.Source), ("$kind", raw.Kind.ToString()), ("$content", raw.Content),
            ("$received", FormatTime(raw.ReceivedAt)), ("$hints", DocumentSerializer.SerializeHints(raw.Hints))) == 1);
    }

    /// <remarks>In one transaction: a commit per input (its pages written to the log each time) was most of what storing them cost.</remarks>
    public IReadOnlyList<bool> AddRaws(IReadOnlyList<RawInput> raws)
    {
        ArgumentNullException.ThrowIfNull(raws);
        var added = new bool[raws.Count];
        if (raws.Count > 0) RunInTransaction(() =>
        {
            for (var i = 0; i < raws.Count; i++) added[i] = AddRaw(raws[i]);
        });
        return added;
    }

    public RawInput? GetRaw(string id) => Read("reading a raw input", () =>
    {
        using var command = Command("SELECT id, source, kind, content, received_at, hints FROM raw WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? StoreCommon.ReadRaw(reader, Location) : null;
    });

    public IEnumerable<RawInput> AllRaw() => RawInPages("reading raw inputs", "TRUE");

    public IEnumerable<RawInput> RawWithoutDocument() =>
        RawInPages("reading unprocessed raw inputs", "NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = raw.id)");

    /// <summary>Raw inputs meeting <paramref name="condition"/> (SQL over the <c>raw</c> row), in the order received.</summary>
    private IEnumerable<RawInput> RawInPages(string action, string condition) => StoreCommon.ReadRawInPages(after => Read(action, () =>
    {
        using var command = Command($"SELECT id, source, kind, content, received_at, hints, seq FROM raw WHERE seq > $after AND {condition} ORDER BY seq LIMIT $limit",
            ("$after", after), ("$limit", StoreCommon.RawPageRows));
        using var reader = command.ExecuteReader();
        return StoreCommon.ReadRawPage(reader, Location);
    }));

    public DateTimeOffset? LastReceived() => Read("reading when the newest input was received", () =>
        Scalar("SELECT received_at FROM raw ORDER BY seq DESC LIMIT 1") is string text ? StoreCommon.ParseTime(text) : (DateTimeOffset?)null);

    public int CountRaw() => Read("counting raw inputs", () => Convert.ToInt32(Scalar("SELECT count(*) FROM raw"), CultureInfo.InvariantCulture));

    // Serialised before touching the database, so a bad document leaves nothing half-written.
    public void SaveDocument(Document document) => SaveDocument(SerializedDocument.Of(document));

    public void SaveDocument(SerializedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var article = document.Document.Article;
        var (layers, diagnostics) = (document.Layers, document.Diagnostics);
        Write("saving a document", () =>
        {
            RunInTransaction(() =>
            {
                NonQuery("""
                    INSERT INTO articles (id, source, url, outlet, outlet_key, title, byline, published, published_source, language, body, diagnostics, page_type)
                    VALUES ($id, $source, $url, $outlet, $outlet_key, $title, $byline, $published, $published_source, $language, $body, $diagnostics, $page_type)
                    ON CONFLICT (id) DO UPDATE SET
                        source = excluded.source, url = excluded.url, outlet = excluded.outlet, outlet_key = excluded.outlet_key, title = excluded.title,
                        byline = excluded.byline, published = excluded.published, published_source = excluded.published_source,
                        language = excluded.language, body = excluded.body, diagnostics = excluded.diagnostics, page_type = excluded.page_type
                    """,
                    ("$id", article.Id), ("$source", article.Source), ("$url", article.Url), ("$outlet", article.Outlet), ("$outlet_key", StoreCommon.OutletKey(article.Outlet)),
                    ("$title", article.Title), ("$byline", article.Byline),
                    ("$published", article.Published is { } p ? FormatTime(p.Value) : null), ("$published_source", article.Published?.Source),
                    ("$language", article.Language), ("$body", article.Body), ("$diagnostics", diagnostics), ("$page_type", article.PageType.Name()));
                // A new article (or one the story state has not placed) waits for its placement; a placed one re-saved does not.
                NonQuery("""
                    INSERT OR IGNORE INTO story_state_unplaced (article_id) SELECT $id
                    WHERE NOT EXISTS (SELECT 1 FROM story_state_articles WHERE article_id = $id)
                    """, ("$id", article.Id));
                NonQuery("DELETE FROM layers WHERE article_id = $id", ("$id", article.Id));
                if (layers.Count > 0)
                {
                    // One statement for all the layers (rows in the same order as one insert each).
                    var values = new (string Name, object? Value)[1 + 2 * layers.Count];
                    values[0] = ("$id", article.Id);
                    for (var i = 0; i < layers.Count; i++) (values[1 + 2 * i], values[2 + 2 * i]) = (($"$name{i}", layers[i].Name), ($"$payload{i}", layers[i].Payload));
                    NonQuery(LayerInsert(layers.Count), values);
                }
            });
            return true;
        });
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> LayerInserts = new();

    /// <summary>The insert of <paramref name="count"/> layers of one article: <c>$id</c>, then <c>$name0</c>, <c>$payload0</c>, ...</summary>
    private static string LayerInsert(int count) => LayerInserts.GetOrAdd(count, n =>
        "INSERT INTO layers (article_id, name, payload) VALUES " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"($id, $name{i}, $payload{i})")));

    public Document? GetDocument(string id) => ReadStored(id)?.Decode();

    /// <summary>An article and its layers' stored payloads, decoded only when asked for.</summary>
    private StoredDocument? ReadStored(string id) => Read("reading a document", () =>
    {
        if (ReadArticle(id) is not { } article) return null;
        var layers = new List<(Layer Layer, string Payload)>();
        using (var reader = Reused("SELECT name, payload FROM layers WHERE article_id = $id", [("$id", id)]).ExecuteReader())
        {
            while (reader.Read())
            {
                // A layer this build does not know is left out rather than failing the whole document.
                if (DocumentSerializer.TryParseLayer(reader.GetString(0), out var layer)) layers.Add((layer, reader.GetString(1)));
            }
        }
        return new StoredDocument(article, () => Decode(article, layers));
    });

    private Document Decode(Article article, List<(Layer Layer, string Payload)> layers)
    {
        var document = new Document(article);
        foreach (var (layer, payload) in layers) StoreCommon.Decode(Location, article.Id, () => DocumentSerializer.ReadLayer(document, layer, payload));
        return document;
    }

    public IEnumerable<Document> AllDocuments() => AllStoredDocuments().Select(stored => stored.Decode());

    public IEnumerable<StoredDocument> AllStoredDocuments()
    {
        // Ids first (small), then each document: no statement stays open while the caller works.
        foreach (var id in ArticleIdsInOrder())
        {
            if (ReadStored(id) is { } document) yield return document;
        }
    }

    public IEnumerable<Article> AllArticles()
    {
        foreach (var id in ArticleIdsInOrder())
        {
            if (Read("reading an article", () => ReadArticle(id)) is { } article) yield return article;
        }
    }

    public IEnumerable<Article> ArticlesOfOutlets(IReadOnlyCollection<string> outletKeys)
    {
        ArgumentNullException.ThrowIfNull(outletKeys);
        if (outletKeys.Count == 0) yield break;
        foreach (var id in ArticleIdsInOrder(outletKeys))
        {
            if (Read("reading an article", () => ReadArticle(id)) is { } article) yield return article;
        }
    }

    /// <summary>Article ids in the order their raw inputs were received (articles without one last), of the outlets given or all.</summary>
    private List<string> ArticleIdsInOrder(IReadOnlyCollection<string>? outletKeys = null) => Read("listing documents", () =>
    {
        using var command = Command($"""
            SELECT a.id FROM articles a LEFT JOIN raw r ON r.id = a.id
            {(outletKeys is null ? "" : "WHERE a.outlet_key IN (SELECT value FROM json_each($outlets))")}
            ORDER BY r.seq IS NULL, r.seq, a.key
            """);
        if (outletKeys is not null) command.Parameters.AddWithValue("$outlets", System.Text.Json.JsonSerializer.Serialize(outletKeys));
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    });

    /// <summary>One article row without its layers; null when there is none. Call inside <see cref="Read{T}"/>.</summary>
    private Article? ReadArticle(string id)
    {
        using var reader = Reused("""
            SELECT id, source, url, outlet, title, byline, published, published_source, language, body, diagnostics, page_type
            FROM articles WHERE id = $id
            """, [("$id", id)]).ExecuteReader();
        return reader.Read() ? StoreCommon.ReadArticle(reader, Location) : null;
    }

    public int CountArticles() => Read("counting articles", () => Convert.ToInt32(Scalar("SELECT count(*) FROM articles"), CultureInfo.InvariantCulture));

    public bool HasDocument(string id) => Read("looking up a document", () => Scalar("SELECT 1 FROM articles WHERE id = $id", ("$id", id)) is not null);

    public void ReplaceStories(IReadOnlyList<Story> stories, IReadOnlyDictionary<string, string> redirects, int? assignedFromArticles = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(redirects);
        StoreCommon.RequireUniqueIds(stories);
        Write("replacing stories", () =>
        {
            RunInTransaction(() =>
            {
                ClearStoryState();
                for (var i = 0; i < stories.Count; i++) InsertStory(stories[i], i);
                foreach (var (from, to) in redirects)
                    NonQuery("INSERT INTO story_redirects (from_id, to_id) VALUES ($from, $to)", ("$from", from), ("$to", to));
                SetAssignedFrom(assignedFromArticles);
            });
            return true;
        });
    }

    public int? StoriesAssignedFrom() => Read("reading the story assignment mark", () =>
        StoreCommon.ParseCount(Scalar("SELECT value FROM meta WHERE key = $key", ("$key", StoreCommon.StoriesAssignedFromKey)) as string));

    public IReadOnlyList<Story> GetStories() => Read("reading stories", () =>
    {
        Dictionary<string, List<string>> articles;
        using (var command = Command(StoreCommon.ArticlesByStoryQuery))
        using (var reader = command.ExecuteReader())
        {
            articles = StoreCommon.ReadArticlesByStory(reader);
        }
        using (var command = Command($"SELECT {StoreCommon.StoryColumns} FROM stories ORDER BY position"))
        using (var reader = command.ExecuteReader())
        {
            var stories = new List<Story>();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                stories.Add(StoreCommon.ReadStory(reader, articles.TryGetValue(id, out var list) ? list : []));
            }
            return (IReadOnlyList<Story>)stories;
        }
    });

    public Story? GetStory(string idOrPrefix)
    {
        if (string.IsNullOrWhiteSpace(idOrPrefix)) return null;
        return Read("looking up a story", () =>
        {
            var id = StoreCommon.ResolveStoryId(idOrPrefix,
                exists: candidate => Scalar("SELECT 1 FROM stories WHERE id = $id", ("$id", candidate)) is not null,
                redirect: from => Scalar("SELECT to_id FROM story_redirects WHERE from_id = $id", ("$id", from)) as string,
                storiesWithPrefix: prefix => Strings("SELECT id FROM stories WHERE substr(id, 1, length($p)) = $p LIMIT 2", ("$p", prefix)),
                redirectsWithPrefix: prefix => Strings("SELECT from_id FROM story_redirects WHERE substr(from_id, 1, length($p)) = $p LIMIT 2", ("$p", prefix)));
            return id is null ? null : ReadStory(id);
        });
    }

    public string? StoryIdOfArticle(string articleId) => Read("looking up an article's story", () =>
        Scalar("SELECT story_id FROM story_articles WHERE article_id = $id LIMIT 1", ("$id", articleId)) as string);

    private Story? ReadStory(string id)
    {
        using var command = Command($"SELECT {StoreCommon.StoryColumns} FROM stories WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return StoreCommon.ReadStory(reader, Strings("SELECT article_id FROM story_articles WHERE story_id = $id ORDER BY position", ("$id", id)));
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        var terms = SearchTerms.Of(query);
        if (terms.Count == 0 || limit <= 0) return [];
        return Read("searching", () =>
        {
            // Every word must match; when nothing matches them all, rank articles matching any.
            var hits = Match(string.Join(' ', terms.Select(Quote)), limit);
            if (hits.Count == 0 && terms.Count > 1) hits = Match(string.Join(" OR ", terms.Select(Quote)), limit);
            return hits;
        });

        static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private IReadOnlyList<SearchHit> Match(string match, int limit)
    {
        // Rank first and cut to the limit, then make snippets for those few rows only: snippet()
        // in the ranked query would run for every matching article before the sort.
        using var command = Command($"""
            WITH best AS (
                SELECT rowid AS key, bm25(articles_fts, 5.0, 1.0) AS rank
                FROM articles_fts WHERE articles_fts MATCH $match
                ORDER BY rank, rowid
                LIMIT $limit
            )
            SELECT a.id, coalesce(a.title, ''),
                   snippet(articles_fts, 1, '{SnippetMarks.Open}', '{SnippetMarks.Close}', '{SnippetMarks.Ellipsis}', 16),
                   best.rank
            FROM best
            JOIN articles_fts ON articles_fts.rowid = best.key
            JOIN articles a ON a.key = best.key
            WHERE articles_fts MATCH $match
            ORDER BY best.rank, best.key
            """, ("$match", match), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        // bm25 is lower for better matches; a higher score reads more naturally.
        while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), -reader.GetDouble(3)));
        return hits;
    }

    public void ClearDerived() => Write("clearing derived data", () =>
    {
        RunInTransaction(() =>
        {
            NonQuery("DELETE FROM meta WHERE key = $key", ("$key", StoreCommon.StoryStateKey));
            NonQuery("DELETE FROM meta WHERE key = $key", ("$key", StoreCommon.StoriesAssignedFromKey));
            foreach (var table in StoreCommon.DerivedTables) NonQuery($"DELETE FROM {table}");
        });
        return true;
    });

    /// <summary>Drops the stories, their redirects and the clusterer's state (inside a transaction).</summary>
    private void ClearStoryState()
    {
        NonQuery("DELETE FROM story_redirects");
        NonQuery("DELETE FROM story_articles");
        NonQuery("DELETE FROM stories");
        NonQuery("DELETE FROM story_features");
        NonQuery("DELETE FROM story_states");
        NonQuery("DELETE FROM story_state_articles");
        foreach (var table in SharedSchema.WindowTableNames) NonQuery($"DELETE FROM {table}");
        foreach (var statement in StoreCommon.EveryArticleUnplaced) NonQuery(statement);
        NonQuery("DELETE FROM meta WHERE key = $key", ("$key", StoreCommon.StoryStateKey));
    }

    public StoryStateHeader? LoadStoryStateHeader() => Read("reading the story state", () =>
        StoreCommon.ParseStoryStateHeader(Scalar("SELECT value FROM meta WHERE key = $key", ("$key", StoreCommon.StoryStateKey)) as string));

    /// <summary>Keys go in as one JSON array per request, so a lookup of many rows is one statement.</summary>
    private const int KeysPerRequest = 2000;

    public IReadOnlyDictionary<long, StoredFeature> LoadStoryFeatures(IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Read("reading story features", () =>
        {
            var features = new Dictionary<long, StoredFeature>(keys.Count);
            foreach (var chunk in keys.Chunk(KeysPerRequest))
            {
                using var command = Command($"SELECT {StoreCommon.FeatureColumns} FROM story_features WHERE key IN (SELECT value FROM json_each($keys))", ("$keys", JsonArray(chunk)));
                using var reader = command.ExecuteReader();
                StoreCommon.ReadFeatureRows(reader, features);
            }
            return (IReadOnlyDictionary<long, StoredFeature>)features;
        });
    }

    public IReadOnlyList<StoredStoryState> LoadStoryStates(IReadOnlyCollection<int> indexes, StoryCandidateWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        return Read("reading story states", () =>
        {
            var states = new List<StoredStoryState>(indexes.Count);
            foreach (var chunk in indexes.Chunk(KeysPerRequest))
            {
                // With a window, the stories inside it are found in the index of what says so, without reading the rows
                // (whose columns after the state blob a filter on the table would reach through the blob's pages).
                using var command = Command($"""
                    SELECT {StoreCommon.StoryStateColumns} FROM story_states
                    WHERE idx IN ({(window is null ? "SELECT value FROM json_each($keys)"
                        : $"SELECT idx FROM story_states INDEXED BY story_states_window WHERE idx IN (SELECT value FROM json_each($keys)) {StoreCommon.CandidateWindowCondition}")})
                    """, ("$keys", JsonArray(chunk.Select(i => (long)i))), ("$arrival", window?.MinLastArrival), ("$published", window?.MinLastPublishedTicks));
                using var reader = command.ExecuteReader();
                StoreCommon.ReadStoryStateRows(reader, states);
            }
            return (IReadOnlyList<StoredStoryState>)states;
        });
    }

    public IReadOnlyCollection<int> LoadRetiredStories(IReadOnlyCollection<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        return Read("reading retired stories", () =>
        {
            var retired = new List<int>();
            foreach (var chunk in indexes.Chunk(KeysPerRequest))
            {
                using var command = Command("SELECT idx FROM story_states INDEXED BY story_states_window WHERE idx IN (SELECT value FROM json_each($keys)) AND retired",
                    ("$keys", JsonArray(chunk.Select(i => (long)i))));
                using var reader = command.ExecuteReader();
                while (reader.Read()) retired.Add(reader.GetInt32(0));
            }
            return (IReadOnlyCollection<int>)retired;
        });
    }

    private static string JsonArray(IEnumerable<long> keys) => "[" + string.Join(',', keys.Select(k => k.ToString(CultureInfo.InvariantCulture))) + "]";

    public int? LoadStoryIndexOfArticle(string articleId) => Read("reading an article's story", () =>
        Scalar("SELECT idx FROM story_state_articles WHERE article_id = $id", ("$id", articleId)) is { } index ? Convert.ToInt32(index, CultureInfo.InvariantCulture) : (int?)null);

    public IReadOnlyDictionary<string, bool> LoadTemplatePageMarks(IReadOnlyCollection<string> articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        return Read("reading template-page marks", () =>
        {
            var marks = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var chunk in articleIds.Chunk(KeysPerRequest))
            {
                using var command = Command("SELECT article_id, template FROM story_state_articles WHERE template IS NOT NULL AND article_id IN (SELECT value FROM json_each($ids))",
                    ("$ids", System.Text.Json.JsonSerializer.Serialize(chunk)));
                using var reader = command.ExecuteReader();
                while (reader.Read()) marks[reader.GetString(0)] = reader.GetBoolean(1);
            }
            return (IReadOnlyDictionary<string, bool>)marks;
        });
    }

    public IReadOnlyList<StoredWindowPosting> LoadWindowPostings(TextWindow window, IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var (texts, table) = SharedSchema.WindowTables(window);
        return Read("reading a detector's postings", () =>
        {
            var postings = new List<StoredWindowPosting>();
            foreach (var chunk in keys.Chunk(KeysPerRequest))
            {
                // Postings below the window's first text are dropped in batches (SaveWindowTexts): the texts' first number keeps them out.
                using var command = Command($"SELECT key, number FROM {table} INDEXED BY {table}_by_key WHERE key IN (SELECT value FROM json_each($keys)) "
                    + $"AND number >= (SELECT ifnull(min(number), 0) FROM {texts})", ("$keys", JsonArray(chunk)));
                using var reader = command.ExecuteReader();
                while (reader.Read()) postings.Add(new StoredWindowPosting(reader.GetInt64(0), reader.GetInt64(1)));
            }
            return (IReadOnlyList<StoredWindowPosting>)postings;
        });
    }

    public IReadOnlyList<StoredWindowText> LoadWindowTexts(TextWindow window, IReadOnlyCollection<long> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var table = SharedSchema.WindowTables(window).Texts;
        return Read("reading a detector's texts", () =>
        {
            var texts = new List<StoredWindowText>(numbers.Count);
            foreach (var chunk in numbers.Chunk(KeysPerRequest))
            {
                using var command = Command($"SELECT number, article_id, entry FROM {table} WHERE number IN (SELECT value FROM json_each($keys))", ("$keys", JsonArray(chunk)));
                using var reader = command.ExecuteReader();
                while (reader.Read()) texts.Add(new StoredWindowText(window, reader.GetInt64(0), reader.GetString(1), [], (byte[])reader.GetValue(2)));
            }
            return (IReadOnlyList<StoredWindowText>)texts;
        });
    }

    public long LoadWindowClock(TextWindow window) => Read("reading a detector's clock", () =>
        Scalar($"SELECT max(number) FROM {SharedSchema.WindowTables(window).Texts}") is { } max and not DBNull ? Convert.ToInt64(max, CultureInfo.InvariantCulture) : 0L);

    /// <summary>Writes the detectors' new window texts with their postings and drops those numbered below each window's first.</summary>
    private void SaveWindowTexts(StoryStateChanges changes)
    {
        foreach (var (window, from) in changes.WindowsFrom)
        {
            var (texts, keys) = SharedSchema.WindowTables(window);
            NonQuery($"DELETE FROM {texts} WHERE number < $from", ("$from", from));
            // The dropped texts' postings go once they are half as many as the window holds, in one pass: their rows lie all over the
            // key index, so dropping a few texts' at every save touched most of its pages each time. Until then reads skip them
            // (LoadWindowPostings: below the texts' first number), so what a read finds is what an eager drop leaves.
            if (Scalar($"SELECT number FROM {keys} ORDER BY number LIMIT 1") is not long oldest || oldest >= from) continue;
            var newest = Scalar($"SELECT max(number) FROM {texts}") is long max ? max : from;
            if (from - oldest >= Math.Max(1, (newest - from + 1) / 2)) NonQuery($"DELETE FROM {keys} WHERE number < $from", ("$from", from));
        }
        foreach (var group in changes.WindowTexts.GroupBy(t => t.Window))
        {
            var (texts, keys) = SharedSchema.WindowTables(group.Key);
            using var text = Command($"INSERT OR REPLACE INTO {texts} (number, article_id, entry) VALUES ($number, $id, $entry)",
                ("$number", 0L), ("$id", ""), ("$entry", Array.Empty<byte>()));
            using var key = Command($"INSERT OR IGNORE INTO {keys} (number, key) VALUES ($number, $key)", ("$number", 0L), ("$key", 0L));
            foreach (var stored in group)
            {
                text.Parameters["$number"].Value = stored.Number;
                text.Parameters["$id"].Value = stored.ArticleId;
                text.Parameters["$entry"].Value = stored.Entry;
                text.ExecuteNonQuery();
                key.Parameters["$number"].Value = stored.Number;
                foreach (var k in stored.Keys)
                {
                    key.Parameters["$key"].Value = k;
                    key.ExecuteNonQuery();
                }
            }
        }
    }

    /// <remarks>Reads the rows of <c>story_state_unplaced</c> (CROSS JOIN keeps them the outer loop), never every article.</remarks>
    public IReadOnlyList<string> ArticlesWithoutStoryState() => Read("listing articles without a story", () =>
        (IReadOnlyList<string>)Strings("""
            SELECT a.id FROM story_state_unplaced u CROSS JOIN articles a ON a.id = u.article_id LEFT JOIN raw r ON r.id = a.id
            WHERE NOT EXISTS (SELECT 1 FROM story_state_articles s WHERE s.article_id = a.id)
            ORDER BY r.seq IS NULL, r.seq, a.key
            """));

    public void SaveStoryState(StoryStateChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Write("saving story state", () =>
        {
            RunInTransaction(() =>
            {
                if (changes.Reset) ClearStoryState();
                using (var command = Command("""
                    INSERT INTO story_features (key, df, postings, first, name_types) VALUES ($key, $df, $postings, $first, $types)
                    ON CONFLICT (key) DO UPDATE SET df = excluded.df, postings = excluded.postings, first = excluded.first, name_types = excluded.name_types
                    """, ("$key", 0L), ("$df", 0), ("$postings", Array.Empty<byte>()), ("$first", 0L), ("$types", null)))
                {
                    foreach (var (key, feature) in changes.Features)
                    {
                        command.Parameters["$key"].Value = key;
                        command.Parameters["$df"].Value = feature.DocumentFrequency;
                        command.Parameters["$postings"].Value = StoreCommon.EncodePostings(feature.Postings);
                        command.Parameters["$first"].Value = feature.Order;
                        command.Parameters["$types"].Value = StoreCommon.EncodeNameTypes(feature.NameTypes);
                        command.ExecuteNonQuery();
                    }
                }
                using (var command = Command("""
                    INSERT OR REPLACE INTO story_states (idx, state, absorbed, retired, last_arrival, last_published)
                    VALUES ($idx, $state, $absorbed, $retired, $arrival, $published)
                    """, ("$idx", 0), ("$state", Array.Empty<byte>()), ("$absorbed", false), ("$retired", false), ("$arrival", 0L), ("$published", null)))
                {
                    foreach (var state in changes.States)
                    {
                        command.Parameters["$idx"].Value = state.Index;
                        command.Parameters["$state"].Value = state.State;
                        command.Parameters["$absorbed"].Value = state.Activity is null;
                        command.Parameters["$retired"].Value = state.Activity?.Retired ?? false;
                        command.Parameters["$arrival"].Value = state.Activity?.LastArrival ?? 0;
                        command.Parameters["$published"].Value = (object?)state.Activity?.LastPublishedTicks ?? DBNull.Value;
                        command.ExecuteNonQuery();
                    }
                }
                // A moved article (no mark in this batch) keeps the template mark of its first placement.
                using (var command = Command("""
                    INSERT INTO story_state_articles (article_id, idx, template) VALUES ($id, $idx, $template)
                    ON CONFLICT (article_id) DO UPDATE SET idx = excluded.idx, template = coalesce(excluded.template, story_state_articles.template)
                    """, ("$id", ""), ("$idx", 0), ("$template", null)))
                using (var placed = Command("DELETE FROM story_state_unplaced WHERE article_id = $id", ("$id", "")))
                {
                    foreach (var (articleId, index) in changes.ArticleStories)
                    {
                        command.Parameters["$id"].Value = articleId;
                        command.Parameters["$idx"].Value = index;
                        command.Parameters["$template"].Value = changes.TemplatePages.TryGetValue(articleId, out var template) ? template : DBNull.Value;
                        command.ExecuteNonQuery();
                        placed.Parameters["$id"].Value = articleId;
                        placed.ExecuteNonQuery();
                    }
                }
                SaveWindowTexts(changes);
                // Removals first: a story split off may take the id of one merged away in the same batch.
                foreach (var id in changes.RemovedStories) DeleteStory(id);
                for (var i = 0; i < changes.Stories.Count; i++)
                {
                    DeleteStory(changes.Stories[i].Id);
                    InsertStory(changes.Stories[i], changes.StoryPositions[i]);
                }
                foreach (var change in changes.Redirects)
                {
                    if (change.To is { } to)
                    {
                        NonQuery("UPDATE story_redirects SET to_id = $to WHERE to_id = $from", ("$from", change.From), ("$to", to));
                        NonQuery("INSERT OR REPLACE INTO story_redirects (from_id, to_id) VALUES ($from, $to)", ("$from", change.From), ("$to", to));
                    }
                    else NonQuery("DELETE FROM story_redirects WHERE from_id = $from", ("$from", change.From));
                }
                NonQuery("INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)",
                    ("$key", StoreCommon.StoryStateKey), ("$value", StoreCommon.FormatStoryStateHeader(changes.Header)));
                SetAssignedFrom(changes.AssignedFromArticles);
            });
            return true;
        });
    }

    private void DeleteStory(string id)
    {
        NonQuery("DELETE FROM story_articles WHERE story_id = $id", ("$id", id));
        NonQuery("DELETE FROM stories WHERE id = $id", ("$id", id));
    }

    private void InsertStory(Story story, int position)
    {
        NonQuery("INSERT INTO stories (id, position, title, first_seen, last_seen) VALUES ($id, $position, $title, $first, $last)",
            ("$id", story.Id), ("$position", position), ("$title", story.Title),
            ("$first", story.FirstSeen is { } first ? FormatTime(first) : null),
            ("$last", story.LastSeen is { } last ? FormatTime(last) : null));
        for (var j = 0; j < story.ArticleIds.Count; j++)
            NonQuery("INSERT INTO story_articles (story_id, position, article_id) VALUES ($story, $position, $article)",
                ("$story", story.Id), ("$position", j), ("$article", story.ArticleIds[j]));
    }

    private void SetAssignedFrom(int? assignedFromArticles)
    {
        NonQuery("DELETE FROM meta WHERE key = $key", ("$key", StoreCommon.StoriesAssignedFromKey));
        if (assignedFromArticles is { } count)
            NonQuery("INSERT INTO meta (key, value) VALUES ($key, $value)",
                ("$key", StoreCommon.StoriesAssignedFromKey), ("$value", count.ToString(CultureInfo.InvariantCulture)));
    }

    public void RunInTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is not null)
        {
            work();
            return;
        }
        _transaction = Write("starting a transaction", () => _connection.BeginTransaction(deferred: false));
        try
        {
            StoreCommon.CommitOrRollBack(_transaction, work, commit => Write("committing", () =>
            {
                commit();
                return true;
            }));
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    /// <remarks>
    /// SQLite transactions here begin IMMEDIATE, taking the file's write lock at once, so any two
    /// of them (in any process) already run one after the other: exclusive work is a transaction.
    /// </remarks>
    public void RunExclusive(Action work) => RunInTransaction(work);

    /// <remarks>Waits for the file's write lock like <see cref="RunExclusive"/>: it is held for one transaction at a time.</remarks>
    public bool TryRunExclusive(Action work)
    {
        RunExclusive(work);
        return true;
    }

    public void Dispose()
    {
        if (_transaction is not null)
        {
            _transaction.Dispose();
            _transaction = null;
        }
        try
        {
            // Only a connection that wrote refreshes the statistics: optimize may run ANALYZE, which
            // needs the write lock, and a reader closing its store while another process holds that
            // lock (reprocess holds it for the whole rebuild) would wait until the write ends.
            if (Convert.ToInt64(Scalar("SELECT total_changes()"), CultureInfo.InvariantCulture) > 0) Execute("PRAGMA optimize");
        }
        catch (SqliteException) { /* statistics are an optimisation only */ }
        catch (InvalidOperationException) { /* connection already broken */ }
        DisposeReused();
        _connection.Dispose();
    }


    private static string FormatTime(DateTimeOffset time) => StoreCommon.FormatTime(time);

    private T Read<T>(string action, Func<T> work) => Write(action, work);

    // SQLite errors while working (disk full, lock timeout, damage) become one clear line naming the file.
    private T Write<T>(string action, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SqliteException e)
        {
            throw new StoreException(e.SqliteErrorCode switch
            {
                5 or 6 => $"'{Location}' is locked by another process ({action}). Close the other crosscheck command and try again.",
                8 => $"'{Location}' is read-only ({action}). Check the permissions of the file and its folder.",
                13 => $"'{Location}': the disk is full ({action}). Free some space and try again.",
                11 or 26 => $"'{Location}' is damaged ({action}: {StoreCommon.OneLine(e.Message)}). Restore it from a backup.",
                _ => $"'{Location}': {action} failed: {StoreCommon.OneLine(e.Message)}.",
            }, e);
        }
    }

    private SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        AddParameters(command, parameters);
        return command;
    }

    private static void AddParameters(SqliteCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        // Every text parameter loses its NUL characters (see StoreCommon.WithoutNul), in one place.
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, (value is string text ? StoreCommon.WithoutNul(text) : value) ?? DBNull.Value);
    }

    /// <summary>
    /// The command kept for <paramref name="sql"/> (made on first use), with these parameters. A new command parses and plans
    /// its SQL again on its first run (Microsoft.Data.Sqlite keeps a prepared statement for the life of its command only):
    /// for the statements run once per document or row (a document's save, reading one back, a story's rows) that was most of
    /// their cost. Only for statements done with before the same SQL runs again (no reader of it left open meanwhile); the
    /// store is used from one thread at a time.
    /// </summary>
    private SqliteCommand Reused(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_reused.TryGetValue(sql, out var command))
        {
            // More distinct statements than the store's code runs means SQL built per call: start again rather than grow.
            if (_reused.Count >= MaxReusedCommands) DisposeReused();
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _reused.Add(sql, command);
        }
        command.Transaction = _transaction;
        command.Parameters.Clear();
        AddParameters(command, parameters);
        return command;
    }

    private void DisposeReused()
    {
        foreach (var command in _reused.Values) command.Dispose();
        _reused.Clear();
    }

    private int NonQuery(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) => Reused(sql, parameters).ExecuteNonQuery();

    private object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var value = Reused(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private List<string> Strings(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var reader = Reused(sql, parameters).ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    private void Execute(string sql) => NonQuery(sql);
}
