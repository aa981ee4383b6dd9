using System.Globalization;
using System.Net.Sockets;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Npgsql;
using NpgsqlTypes;

namespace Crosscheck.Storage.Postgres;

/// <summary>
/// The shared store on PostgreSQL, for several processes or machines at once. Tables live in one
/// schema of the database (see <see cref="PostgresTarget"/>); writes are idempotent by content
/// hash (<c>ON CONFLICT</c>), so a redelivered message never duplicates anything. Connections
/// come from a pool per operation, so a restarted server only fails the operations in flight;
/// inside <see cref="RunInTransaction"/> one connection is held. Use from one thread at a time.
/// </summary>
public sealed class PostgresStore : IStore
{
    // Rows read per round when enumerating, so no statement stays open while the caller writes.
    private const int PageSize = 256;

    // A server restart or a dropped connection fails the operations in flight. Work outside a
    // caller's transaction is retried on a fresh connection (every write here is idempotent), so
    // a worker rides out a short outage; an unreachable server at open is reported at once.
    private const int MaxAttempts = 6;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    private const string HeadlineOptions =
        $"StartSel={SnippetMarks.Open}, StopSel={SnippetMarks.Close}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=1";

    private readonly PostgresTarget _target;
    private readonly NpgsqlDataSource _dataSource;
    private readonly long _exclusiveLockKey;
    private readonly long _storiesLockKey;
    private NpgsqlConnection? _pinned;
    private NpgsqlTransaction? _transaction;
    private bool _opened;

    private PostgresStore(PostgresTarget target, NpgsqlDataSource dataSource)
    {
        _target = target;
        _dataSource = dataSource;
        _exclusiveLockKey = LockKey("exclusive");
        _storiesLockKey = LockKey("stories");
    }

    /// <summary>The store's URL, without password.</summary>
    public string Location => _target.Display;

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema => _target.Schema;

    /// <summary>
    /// Opens the store at a <c>postgres://</c> URL or Npgsql connection string, creating its schema
    /// and tables when absent and upgrading an older schema.
    /// </summary>
    /// <exception cref="StoreException">Bad connection string, unreachable server, refused login, or a schema that is not a Crosscheck store.</exception>
    public static PostgresStore Open(string connectionStringOrUrl) => Open(connectionStringOrUrl, PostgresMigrations.CurrentVersion);

    /// <summary>The backend for <see cref="StoreLocation"/>: postgres:// URLs and Npgsql connection strings.</summary>
    public static StoreBackend Backend { get; } = new("PostgreSQL", PostgresTarget.IsPostgres, location => Open(location));

    internal static PostgresStore Open(string connectionStringOrUrl, int targetVersion)
    {
        var target = PostgresTarget.Parse(connectionStringOrUrl);
        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(target.Builder);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new StoreException($"Invalid PostgreSQL connection string for {target.Display}: {StoreCommon.OneLine(e.Message)}.", e);
        }
        var store = new PostgresStore(target, dataSource);
        try
        {
            store.Migrate(targetVersion);
            store._opened = true;
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private void Migrate(int targetVersion)
    {
        var version = Use("opening the store", connection => Identify(connection));
        foreach (var step in PostgresMigrations.All)
        {
            if (step.Version <= version || step.Version > targetVersion) continue;
            Use($"upgrading to schema version {step.Version} ({step.Description})", connection =>
            {
                using var transaction = connection.BeginTransaction();
                // Several workers may open a new database at once: one migrates, the others wait and re-check.
                Execute(connection, "SELECT pg_advisory_xact_lock($1)", LockKey("migrate"));
                Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {QuotedSchema}");
                if (Identify(connection) < step.Version)
                {
                    Execute(connection, step.Sql);
                    Execute(connection, "UPDATE meta SET value = $1 WHERE key = 'schema_version'", step.Version.ToString(CultureInfo.InvariantCulture));
                }
                transaction.Commit();
                return true;
            });
        }
    }

    /// <summary>The schema's version after checking that it belongs to Crosscheck (0 when it is new).</summary>
    private int Identify(NpgsqlConnection connection)
    {
        var tables = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = $1", Schema), CultureInfo.InvariantCulture);
        if (tables == 0) return 0;
        var hasMeta = Scalar(connection, "SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'meta'", Schema) is not null;
        var application = hasMeta ? Scalar(connection, "SELECT value FROM meta WHERE key = 'application'") as string : null;
        if (application != PostgresMigrations.ApplicationName)
            throw new StoreException($"The schema '{Schema}' of {Location} holds tables of another application. Pass another schema (?schema=name in the URL, or Search Path=name).");
        var versionText = Scalar(connection, "SELECT value FROM meta WHERE key = 'schema_version'") as string;
        if (!int.TryParse(versionText, CultureInfo.InvariantCulture, out var version))
            throw new StoreException($"The Crosscheck schema '{Schema}' of {Location} has no readable schema version. Restore it from a backup, or pass another schema.");
        if (version > PostgresMigrations.CurrentVersion)
            throw new StoreException($"{Location} was written by a newer Crosscheck (schema version {version}; this build reads up to {PostgresMigrations.CurrentVersion}). Use a newer crosscheck, or pass another schema.");
        return version;
    }

    public bool AddRaw(RawInput raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var hints = DocumentSerializer.SerializeHints(raw.Hints);
        return Use("storing a raw input", connection => Execute(connection, """
            INSERT INTO raw (id, source, kind, content, received_at, hints) VALUES ($1, $2, $3, $4, $5, $6::json)
            ON CONFLICT (id) DO NOTHING
            """, Clean(raw.Id), Clean(raw.Source), raw.Kind.ToString(), raw.Content, FormatTime(raw.ReceivedAt), hints) == 1);
    }

    public RawInput? GetRaw(string id) => Use("reading a raw input", connection =>
    {
        using var command = Command(connection, "SELECT id, source, kind, content, received_at, hints::text, seq FROM raw WHERE id = $1", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? StoreCommon.ReadRaw(reader, Location) : null;
    });

    public IEnumerable<RawInput> AllRaw() => RawInPages("reading raw inputs", "TRUE");

    public IEnumerable<RawInput> RawWithoutDocument() =>
        RawInPages("reading unprocessed raw inputs", "NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = raw.id)");

    /// <summary>Raw inputs meeting <paramref name="condition"/> (SQL over the <c>raw</c> row), in the order received.</summary>
    private IEnumerable<RawInput> RawInPages(string action, string condition) => StoreCommon.ReadRawInPages(after => Use(action, connection =>
    {
        using var command = Command(connection, $"SELECT id, source, kind, content, received_at, hints::text, seq FROM raw WHERE seq > $1 AND {condition} ORDER BY seq LIMIT $2", after, StoreCommon.RawPageRows);
        using var reader = command.ExecuteReader();
        return StoreCommon.ReadRawPage(reader, Location);
    }));

    public DateTimeOffset? LastReceived() => Use("reading when the newest input was received", connection =>
        Scalar(connection, "SELECT received_at FROM raw ORDER BY seq DESC LIMIT 1") is string text ? StoreCommon.ParseTime(text) : (DateTimeOffset?)null);

    public int CountRaw() => Use("counting raw inputs", connection => Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM raw"), CultureInfo.InvariantCulture));

    // Serialised first, so a bad document leaves nothing half-written.
    public void SaveDocument(Document document) => SaveDocument(SerializedDocument.Of(document));

    public void SaveDocument(SerializedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var article = document.Document.Article;
        var names = document.Layers.Select(layer => layer.Name).ToArray();
        var payloads = document.Layers.Select(layer => layer.Payload).ToArray();
        var diagnostics = document.Diagnostics;
        RetriedTransaction(() => Use("saving a document", connection =>
        {
            using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO articles (id, source, url, outlet, title, byline, published, published_source, language, body, diagnostics, page_type, outlet_key)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::json, $12, $13)
                ON CONFLICT (id) DO UPDATE SET
                    source = excluded.source, url = excluded.url, outlet = excluded.outlet, outlet_key = excluded.outlet_key, title = excluded.title,
                    byline = excluded.byline, published = excluded.published, published_source = excluded.published_source,
                    language = excluded.language, body = excluded.body, diagnostics = excluded.diagnostics, page_type = excluded.page_type
                """,
                Clean(article.Id), Clean(article.Source), Clean(article.Url), Clean(article.Outlet), Clean(article.Title), Clean(article.Byline),
                article.Published is { } p ? FormatTime(p.Value) : null, Clean(article.Published?.Source), Clean(article.Language),
                Clean(article.Body), diagnostics, article.PageType.Name(), Clean(StoreCommon.OutletKey(article.Outlet))));
            // A new article (or one the story state has not placed) waits for its placement; a placed one re-saved does not.
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO story_state_unplaced (article_id) SELECT $1
                WHERE NOT EXISTS (SELECT 1 FROM story_state_articles WHERE article_id = $1) ON CONFLICT DO NOTHING
                """, Clean(article.Id)));
            batch.BatchCommands.Add(BatchCommand("DELETE FROM layers WHERE article_id = $1", Clean(article.Id)));
            if (names.Length > 0)
                batch.BatchCommands.Add(BatchCommand("INSERT INTO layers (article_id, name, payload) SELECT $1, n, p::json FROM unnest($2::text[], $3::text[]) AS l (n, p)",
                    Clean(article.Id), names, payloads));
            batch.ExecuteNonQuery();
            return true;
        }));
    }

    public Document? GetDocument(string id) => ReadDocuments([id]).FirstOrDefault();

    public IEnumerable<Document> AllDocuments()
    {
        // Ids first (small), then documents a page at a time: no statement stays open while the caller works.
        foreach (var chunk in ArticleIdsInOrder().Chunk(PageSize))
        {
            foreach (var document in ReadDocuments(chunk)) yield return document;
        }
    }

    public IEnumerable<Article> AllArticles() => ArticlesInOrder(ArticleIdsInOrder());

    public IEnumerable<Article> ArticlesOfOutlets(IReadOnlyCollection<string> outletKeys)
    {
        ArgumentNullException.ThrowIfNull(outletKeys);
        return outletKeys.Count == 0 ? [] : ArticlesInOrder(ArticleIdsInOrder(outletKeys));
    }

    private IEnumerable<Article> ArticlesInOrder(List<string> ids)
    {
        foreach (var chunk in ids.Chunk(PageSize))
        {
            var byId = Use("reading articles", connection => ReadArticles(connection, chunk));
            foreach (var id in chunk)
            {
                if (byId.TryGetValue(id, out var article)) yield return article;
            }
        }
    }

    /// <summary>Article ids in the order their raw inputs were received (articles without one last), of the outlets given or all.</summary>
    private List<string> ArticleIdsInOrder(IReadOnlyCollection<string>? outletKeys = null) => Use("listing documents", connection =>
    {
        using var command = outletKeys is null
            ? Command(connection, "SELECT a.id FROM articles a LEFT JOIN raw r ON r.id = a.id ORDER BY r.seq NULLS LAST, a.key")
            : Command(connection, "SELECT a.id FROM articles a LEFT JOIN raw r ON r.id = a.id WHERE a.outlet_key = ANY($1) ORDER BY r.seq NULLS LAST, a.key",
                (object)outletKeys.Select(Clean).ToArray());
        using var reader = command.ExecuteReader();
        var list = new List<string>();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    });

    /// <summary>The article rows (no layers) with these ids, by id.</summary>
    private Dictionary<string, Article> ReadArticles(NpgsqlConnection connection, string[] ids)
    {
        var byId = new Dictionary<string, Article>(StringComparer.Ordinal);
        using var command = Command(connection, """
            SELECT id, source, url, outlet, title, byline, published, published_source, language, body, diagnostics::text, page_type
            FROM articles WHERE id = ANY($1)
            """, (object)ids);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var article = StoreCommon.ReadArticle(reader, Location);
            byId[article.Id] = article;
        }
        return byId;
    }

    /// <summary>The documents with these ids, in the order given; missing ones are left out.</summary>
    private List<Document> ReadDocuments(string[] ids) => Use("reading documents", connection =>
    {
        var byId = ReadArticles(connection, ids).ToDictionary(a => a.Key, a => new Document(a.Value), StringComparer.Ordinal);
        if (byId.Count > 0)
        {
            using var command = Command(connection, "SELECT article_id, name, payload::text FROM layers WHERE article_id = ANY($1)", (object)ids);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetString(0);
                // A layer this build does not know is left out rather than failing the whole document.
                if (byId.TryGetValue(id, out var document) && DocumentSerializer.TryParseLayer(reader.GetString(1), out var layer))
                {
                    var payload = reader.GetString(2);
                    StoreCommon.Decode(Location, id, () => DocumentSerializer.ReadLayer(document, layer, payload));
                }
            }
        }
        var documents = new List<Document>(byId.Count);
        foreach (var id in ids)
        {
            if (byId.TryGetValue(id, out var document)) documents.Add(document);
        }
        return documents;
    });

    public int CountArticles() => Use("counting articles", connection => Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM articles"), CultureInfo.InvariantCulture));

    public bool HasDocument(string id) => Use("looking up a document", connection => Scalar(connection, "SELECT 1 FROM articles WHERE id = $1", id) is not null);

    public void ReplaceStories(IReadOnlyList<Story> stories, IReadOnlyDictionary<string, string> redirects, int? assignedFromArticles = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(redirects);
        StoreCommon.RequireUniqueIds(stories);
        var ids = stories.Select(s => Clean(s.Id)).ToArray();
        var titles = stories.Select(s => Clean(s.Title)).ToArray();
        var firstSeen = stories.Select(s => s.FirstSeen is { } t ? FormatTime(t) : null).ToArray();
        var lastSeen = stories.Select(s => s.LastSeen is { } t ? FormatTime(t) : null).ToArray();
        var memberStories = stories.SelectMany(s => s.ArticleIds.Select(_ => Clean(s.Id))).ToArray();
        var memberPositions = stories.SelectMany(s => Enumerable.Range(0, s.ArticleIds.Count)).ToArray();
        var memberArticles = stories.SelectMany(s => s.ArticleIds.Select(Clean)).ToArray();
        var redirectFrom = redirects.Keys.Select(Clean).ToArray();
        var redirectTo = redirects.Values.Select(Clean).ToArray();
        RetriedTransaction(() => Use("replacing stories", connection =>
        {
            // Two replacements at once would interleave their deletes and inserts.
            Execute(connection, "SELECT pg_advisory_xact_lock($1)", _storiesLockKey);
            using var batch = new NpgsqlBatch(connection);
            foreach (var command in ClearStoryState()) batch.BatchCommands.Add(command);
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO stories (id, position, title, first_seen, last_seen)
                SELECT id, ordinality - 1, title, first_seen, last_seen
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS s (id, title, first_seen, last_seen, ordinality)
                """, ids, titles, firstSeen, lastSeen));
            batch.BatchCommands.Add(BatchCommand("INSERT INTO story_articles (story_id, position, article_id) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])",
                memberStories, memberPositions, memberArticles));
            batch.BatchCommands.Add(BatchCommand("INSERT INTO story_redirects (from_id, to_id) SELECT * FROM unnest($1::text[], $2::text[])", redirectFrom, redirectTo));
            batch.BatchCommands.Add(BatchCommand("DELETE FROM meta WHERE key = $1", StoreCommon.StoriesAssignedFromKey));
            if (assignedFromArticles is { } count)
                batch.BatchCommands.Add(BatchCommand("INSERT INTO meta (key, value) VALUES ($1, $2)",
                    StoreCommon.StoriesAssignedFromKey, count.ToString(CultureInfo.InvariantCulture)));
            batch.ExecuteNonQuery();
            return true;
        }));
    }

    public int? StoriesAssignedFrom() => Use("reading the story assignment mark", connection =>
        StoreCommon.ParseCount(Scalar(connection, "SELECT value FROM meta WHERE key = $1", StoreCommon.StoriesAssignedFromKey) as string));

    public IReadOnlyList<Story> GetStories() => Use("reading stories", connection =>
    {
        Dictionary<string, List<string>> articles;
        using (var command = Command(connection, StoreCommon.ArticlesByStoryQuery))
        using (var reader = command.ExecuteReader())
        {
            articles = StoreCommon.ReadArticlesByStory(reader);
        }
        var stories = new List<Story>();
        using (var command = Command(connection, $"SELECT {StoreCommon.StoryColumns} FROM stories ORDER BY position"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                stories.Add(StoreCommon.ReadStory(reader, articles.TryGetValue(id, out var list) ? list : []));
            }
        }
        return (IReadOnlyList<Story>)stories;
    });

    public string? StoryIdOfArticle(string articleId) => Use("looking up an article's story", connection =>
        Scalar(connection, "SELECT story_id FROM story_articles WHERE article_id = $1 LIMIT 1", Clean(articleId)) as string);

    public Story? GetStory(string idOrPrefix)
    {
        if (string.IsNullOrWhiteSpace(idOrPrefix)) return null;
        return Use("looking up a story", connection =>
        {
            var id = StoreCommon.ResolveStoryId(Clean(idOrPrefix),
                exists: candidate => Scalar(connection, "SELECT 1 FROM stories WHERE id = $1", candidate) is not null,
                redirect: from => Scalar(connection, "SELECT to_id FROM story_redirects WHERE from_id = $1", from) as string,
                storiesWithPrefix: prefix => Strings(connection, "SELECT id FROM stories WHERE starts_with(id, $1) LIMIT 2", prefix),
                redirectsWithPrefix: prefix => Strings(connection, "SELECT from_id FROM story_redirects WHERE starts_with(from_id, $1) LIMIT 2", prefix));
            if (id is null) return null;
            var articleIds = Strings(connection, "SELECT article_id FROM story_articles WHERE story_id = $1 ORDER BY position", id);
            using var command = Command(connection, $"SELECT {StoreCommon.StoryColumns} FROM stories WHERE id = $1", id);
            using var reader = command.ExecuteReader();
            return reader.Read() ? StoreCommon.ReadStory(reader, articleIds) : null;
        });
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        var terms = SearchTerms.Of(query);
        if (terms.Count == 0 || limit <= 0) return [];
        return Use("searching", connection =>
        {
            // Every word must match; when nothing matches them all, rank articles matching any.
            // Terms hold only letters, digits and marks, so quoting them is enough for to_tsquery.
            var quoted = terms.Select(t => "'" + t + "'").ToArray();
            var hits = Match(connection, string.Join(" & ", quoted), limit);
            if (hits.Count == 0 && terms.Count > 1) hits = Match(connection, string.Join(" | ", quoted), limit);
            return hits;
        });
    }

    private static List<SearchHit> Match(NpgsqlConnection connection, string tsquery, int limit)
    {
        // Rank first and cut to the limit, then make headlines (which re-parse the body) for those rows only.
        using var command = Command(connection, $"""
            WITH q AS (SELECT to_tsquery('english', $1) AS q),
            best AS (
                SELECT a.key, ts_rank(a.search, q.q) AS rank
                FROM articles a, q
                WHERE a.search @@ q.q
                ORDER BY rank DESC, a.key
                LIMIT $3
            )
            SELECT a.id, coalesce(a.title, ''), ts_headline('english', left(a.body, {PostgresMigrations.SearchableBodyLength}), q.q, $2), best.rank
            FROM best JOIN articles a ON a.key = best.key, q
            ORDER BY best.rank DESC, best.key
            """, tsquery, HeadlineOptions, limit);
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read()) hits.Add(new SearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFloat(3)));
        return hits;
    }

    public void ClearDerived() => RetriedTransaction(() => Use("clearing derived data", connection =>
    {
        Execute(connection, "DELETE FROM meta WHERE key = $1", StoreCommon.StoriesAssignedFromKey);
        Execute(connection, "DELETE FROM meta WHERE key = $1", StoreCommon.StoryStateKey);
        // DELETE, not TRUNCATE: TRUNCATE locks the tables against readers until the transaction ends,
        // and reprocess clears and rebuilds in one transaction while readers keep seeing the old rows.
        foreach (var table in StoreCommon.DerivedTables)
            Execute(connection, $"DELETE FROM {table}");
        return true;
    }));

    /// <summary>Statements that drop the stories, their redirects and the clusterer's state.</summary>
    private static IEnumerable<NpgsqlBatchCommand> ClearStoryState() =>
    [
        // DELETE, not TRUNCATE, for the same reason as in ClearDerived: readers keep the old rows until commit.
        BatchCommand("DELETE FROM story_redirects"),
        BatchCommand("DELETE FROM story_articles"),
        BatchCommand("DELETE FROM stories"),
        BatchCommand("DELETE FROM story_features"),
        BatchCommand("DELETE FROM story_states"),
        BatchCommand("DELETE FROM story_state_articles"),
        .. SharedSchema.WindowTableNames.Select(table => BatchCommand($"DELETE FROM {table}")),
        .. StoreCommon.EveryArticleUnplaced.Select(statement => BatchCommand(statement)),
        BatchCommand("DELETE FROM meta WHERE key = $1", StoreCommon.StoryStateKey),
    ];

    public StoryStateHeader? LoadStoryStateHeader() => Use("reading the story state", connection =>
        StoreCommon.ParseStoryStateHeader(Scalar(connection, "SELECT value FROM meta WHERE key = $1", StoreCommon.StoryStateKey) as string));

    public IReadOnlyDictionary<long, StoredFeature> LoadStoryFeatures(IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var array = keys.ToArray();
        return Use("reading story features", connection =>
        {
            using var command = Command(connection, $"SELECT {StoreCommon.FeatureColumns} FROM story_features WHERE key = ANY($1)", array);
            using var reader = command.ExecuteReader();
            var features = new Dictionary<long, StoredFeature>(array.Length);
            StoreCommon.ReadFeatureRows(reader, features);
            return (IReadOnlyDictionary<long, StoredFeature>)features;
        });
    }

    public IReadOnlyList<StoredStoryState> LoadStoryStates(IReadOnlyCollection<int> indexes, StoryCandidateWindow? window = null)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var array = indexes.ToArray();
        return Use("reading story states", connection =>
        {
            var condition = window is null ? "" : StoreCommon.CandidateWindowCondition.Replace("$arrival", "$2", StringComparison.Ordinal).Replace("$published", "$3::bigint", StringComparison.Ordinal);
            using var command = Command(connection, $"SELECT {StoreCommon.StoryStateColumns} FROM story_states WHERE idx = ANY($1) {condition}",
                [array, .. window is null ? Array.Empty<object?>() : [window.MinLastArrival, new NpgsqlParameter { Value = (object?)window.MinLastPublishedTicks ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint }]]);
            using var reader = command.ExecuteReader();
            var states = new List<StoredStoryState>(array.Length);
            StoreCommon.ReadStoryStateRows(reader, states);
            return (IReadOnlyList<StoredStoryState>)states;
        });
    }

    public IReadOnlyCollection<int> LoadRetiredStories(IReadOnlyCollection<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var array = indexes.ToArray();
        return Use("reading retired stories", connection =>
        {
            using var command = Command(connection, "SELECT idx FROM story_states WHERE idx = ANY($1) AND retired", array);
            using var reader = command.ExecuteReader();
            var retired = new List<int>();
            while (reader.Read()) retired.Add(reader.GetInt32(0));
            return (IReadOnlyCollection<int>)retired;
        });
    }

    public int? LoadStoryIndexOfArticle(string articleId) => Use("reading an article's story", connection =>
        Scalar(connection, "SELECT idx FROM story_state_articles WHERE article_id = $1", Clean(articleId)) is int index ? index : (int?)null);

    public IReadOnlyDictionary<string, bool> LoadTemplatePageMarks(IReadOnlyCollection<string> articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        object array = articleIds.Select(Clean).ToArray();
        return Use("reading template-page marks", connection =>
        {
            using var command = Command(connection, "SELECT article_id, template FROM story_state_articles WHERE template IS NOT NULL AND article_id = ANY($1)", array);
            using var reader = command.ExecuteReader();
            var marks = new Dictionary<string, bool>(StringComparer.Ordinal);
            while (reader.Read()) marks[reader.GetString(0)] = reader.GetBoolean(1);
            return (IReadOnlyDictionary<string, bool>)marks;
        });
    }

    public IReadOnlyList<StoredWindowPosting> LoadWindowPostings(TextWindow window, IReadOnlyCollection<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var table = SharedSchema.WindowTables(window).Keys;
        var array = keys.ToArray();
        return Use("reading a detector's postings", connection =>
        {
            using var command = Command(connection, $"SELECT key, number FROM {table} WHERE key = ANY($1)", array);
            using var reader = command.ExecuteReader();
            var postings = new List<StoredWindowPosting>();
            while (reader.Read()) postings.Add(new StoredWindowPosting(reader.GetInt64(0), reader.GetInt64(1)));
            return (IReadOnlyList<StoredWindowPosting>)postings;
        });
    }

    public IReadOnlyList<StoredWindowText> LoadWindowTexts(TextWindow window, IReadOnlyCollection<long> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var table = SharedSchema.WindowTables(window).Texts;
        var array = numbers.ToArray();
        return Use("reading a detector's texts", connection =>
        {
            using var command = Command(connection, $"SELECT number, article_id, entry FROM {table} WHERE number = ANY($1)", array);
            using var reader = command.ExecuteReader();
            var texts = new List<StoredWindowText>(array.Length);
            while (reader.Read()) texts.Add(new StoredWindowText(window, reader.GetInt64(0), reader.GetString(1), [], (byte[])reader.GetValue(2)));
            return (IReadOnlyList<StoredWindowText>)texts;
        });
    }

    public long LoadWindowClock(TextWindow window) => Use("reading a detector's clock", connection =>
        Scalar(connection, $"SELECT max(number) FROM {SharedSchema.WindowTables(window).Texts}") is long max ? max : 0L);

    /// <summary>Statements that write the detectors' new window texts with their postings and drop those numbered below each window's first.</summary>
    private static IEnumerable<NpgsqlBatchCommand> SaveWindowTexts(StoryStateChanges changes)
    {
        foreach (var (window, from) in changes.WindowsFrom)
        {
            var (texts, keys) = SharedSchema.WindowTables(window);
            yield return BatchCommand($"DELETE FROM {keys} WHERE number < $1", from);
            yield return BatchCommand($"DELETE FROM {texts} WHERE number < $1", from);
        }
        foreach (var group in changes.WindowTexts.GroupBy(t => t.Window))
        {
            var (texts, keys) = SharedSchema.WindowTables(group.Key);
            var written = group.ToList();
            yield return BatchCommand($"""
                INSERT INTO {texts} (number, article_id, entry) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[])
                ON CONFLICT (number) DO UPDATE SET article_id = excluded.article_id, entry = excluded.entry
                """, written.Select(t => t.Number).ToArray(), written.Select(t => Clean(t.ArticleId)).ToArray(), Bytes(written.Select(t => t.Entry)));
            yield return BatchCommand($"INSERT INTO {keys} (number, key) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING",
                written.SelectMany(t => t.Keys.Select(_ => t.Number)).ToArray(), written.SelectMany(t => t.Keys).ToArray());
        }
    }

    /// <remarks>Reads the rows of <c>story_state_unplaced</c>, never every article.</remarks>
    public IReadOnlyList<string> ArticlesWithoutStoryState() => Use("listing articles without a story", connection =>
        (IReadOnlyList<string>)Strings(connection, """
            SELECT a.id FROM story_state_unplaced u JOIN articles a ON a.id = u.article_id LEFT JOIN raw r ON r.id = a.id
            WHERE NOT EXISTS (SELECT 1 FROM story_state_articles s WHERE s.article_id = a.id)
            ORDER BY r.seq NULLS LAST, a.key
            """));

    public void SaveStoryState(StoryStateChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var stories = changes.Stories;
        var storyIds = stories.Select(s => Clean(s.Id)).ToArray();
        var memberStories = stories.SelectMany(s => s.ArticleIds.Select(_ => Clean(s.Id))).ToArray();
        var memberPositions = stories.SelectMany(s => Enumerable.Range(0, s.ArticleIds.Count)).ToArray();
        var memberArticles = stories.SelectMany(s => s.ArticleIds.Select(Clean)).ToArray();
        RetriedTransaction(() => Use("saving story state", connection =>
        {
            Execute(connection, "SELECT pg_advisory_xact_lock($1)", _storiesLockKey);
            using var batch = new NpgsqlBatch(connection);
            if (changes.Reset) foreach (var command in ClearStoryState()) batch.BatchCommands.Add(command);
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO story_features (key, df, postings, first, name_types) SELECT * FROM unnest($1::bigint[], $2::int[], $3::bytea[], $4::bigint[], $5::bytea[])
                ON CONFLICT (key) DO UPDATE SET df = excluded.df, postings = excluded.postings, first = excluded.first, name_types = excluded.name_types
                """, changes.Features.Keys.ToArray(), changes.Features.Values.Select(f => f.DocumentFrequency).ToArray(),
                Bytes(changes.Features.Values.Select(f => StoreCommon.EncodePostings(f.Postings))), changes.Features.Values.Select(f => f.Order).ToArray(),
                Bytes(changes.Features.Values.Select(f => f.NameTypes is { } types ? StoreCommon.EncodePostings(types) : null))));
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO story_states (idx, state, absorbed, retired, last_arrival, last_published)
                SELECT * FROM unnest($1::int[], $2::bytea[], $3::boolean[], $4::boolean[], $5::bigint[], $6::bigint[])
                ON CONFLICT (idx) DO UPDATE SET state = excluded.state, absorbed = excluded.absorbed, retired = excluded.retired,
                    last_arrival = excluded.last_arrival, last_published = excluded.last_published
                """, changes.States.Select(s => s.Index).ToArray(), Bytes(changes.States.Select(s => s.State)),
                changes.States.Select(s => s.Activity is null).ToArray(), changes.States.Select(s => s.Activity?.Retired ?? false).ToArray(),
                changes.States.Select(s => s.Activity?.LastArrival ?? 0).ToArray(),
                new NpgsqlParameter { Value = changes.States.Select(s => s.Activity?.LastPublishedTicks).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint }));
            // A moved article (no mark in this batch) keeps the template mark of its first placement.
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO story_state_articles (article_id, idx, template) SELECT * FROM unnest($1::text[], $2::int[], $3::boolean[])
                ON CONFLICT (article_id) DO UPDATE SET idx = excluded.idx, template = coalesce(excluded.template, story_state_articles.template)
                """, changes.ArticleStories.Keys.Select(Clean).ToArray(), changes.ArticleStories.Values.ToArray(),
                new NpgsqlParameter { Value = changes.ArticleStories.Keys.Select(id => changes.TemplatePages.TryGetValue(id, out var template) ? template : (bool?)null).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean }));
            foreach (var command in SaveWindowTexts(changes)) batch.BatchCommands.Add(command);
            object placed = changes.ArticleStories.Keys.Select(Clean).ToArray();
            batch.BatchCommands.Add(BatchCommand("DELETE FROM story_state_unplaced WHERE article_id = ANY($1)", placed));
            // Removals first: a story split off may take the id of one merged away in the same batch.
            // As one object: a string[] alone would be taken for the parameter list itself.
            object replaced = changes.RemovedStories.Select(Clean).Concat(storyIds).ToArray();
            batch.BatchCommands.Add(BatchCommand("DELETE FROM story_articles WHERE story_id = ANY($1)", replaced));
            batch.BatchCommands.Add(BatchCommand("DELETE FROM stories WHERE id = ANY($1)", replaced));
            batch.BatchCommands.Add(BatchCommand("""
                INSERT INTO stories (id, position, title, first_seen, last_seen)
                SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])
                """, storyIds, changes.StoryPositions.ToArray(), stories.Select(s => Clean(s.Title)).ToArray(),
                stories.Select(s => s.FirstSeen is { } t ? FormatTime(t) : null).ToArray(),
                stories.Select(s => s.LastSeen is { } t ? FormatTime(t) : null).ToArray()));
            batch.BatchCommands.Add(BatchCommand("INSERT INTO story_articles (story_id, position, article_id) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])",
                memberStories, memberPositions, memberArticles));
            foreach (var change in changes.Redirects)
            {
                if (change.To is { } to)
                {
                    batch.BatchCommands.Add(BatchCommand("UPDATE story_redirects SET to_id = $2 WHERE to_id = $1", Clean(change.From), Clean(to)));
                    batch.BatchCommands.Add(BatchCommand("INSERT INTO story_redirects (from_id, to_id) VALUES ($1, $2) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id",
                        Clean(change.From), Clean(to)));
                }
                else batch.BatchCommands.Add(BatchCommand("DELETE FROM story_redirects WHERE from_id = $1", Clean(change.From)));
            }
            batch.BatchCommands.Add(BatchCommand("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                StoreCommon.StoryStateKey, StoreCommon.FormatStoryStateHeader(changes.Header)));
            batch.BatchCommands.Add(BatchCommand("DELETE FROM meta WHERE key = $1", StoreCommon.StoriesAssignedFromKey));
            if (changes.AssignedFromArticles is { } count)
                batch.BatchCommands.Add(BatchCommand("INSERT INTO meta (key, value) VALUES ($1, $2)",
                    StoreCommon.StoriesAssignedFromKey, count.ToString(CultureInfo.InvariantCulture)));
            batch.ExecuteNonQuery();
            return true;
        }));
    }

    private static NpgsqlParameter Bytes(IEnumerable<byte[]?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea };

    public void RunInTransaction(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_pinned is not null)
        {
            work();
            return;
        }
        _pinned = Guard("starting a transaction", retry: true, _dataSource.OpenConnection);
        try
        {
            _transaction = Guard("starting a transaction", retry: false, _pinned.BeginTransaction);
            StoreCommon.CommitOrRollBack(_transaction, work, commit => Guard("committing", retry: false, () =>
            {
                commit();
                return true;
            }));
        }
        finally
        {
            _transaction?.Dispose();
            _transaction = null;
            _pinned.Dispose();
            _pinned = null;
        }
    }

    public void RunExclusive(Action work) => RunInTransaction(() =>
    {
        Use("waiting for exclusive access", connection => Execute(connection, "SELECT pg_advisory_xact_lock($1)", _exclusiveLockKey));
        work();
    });

    public bool TryRunExclusive(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var acquired = false;
        RunInTransaction(() =>
        {
            acquired = Use("trying for exclusive access", connection => Scalar(connection, "SELECT pg_try_advisory_xact_lock($1)", _exclusiveLockKey) is true);
            if (acquired) work();
        });
        return acquired;
    }

    public void Dispose()
    {
        _transaction?.Dispose();
        _transaction = null;
        _pinned?.Dispose();
        _pinned = null;
        _dataSource.Dispose();
    }

    private string QuotedSchema => "\"" + Schema + "\"";

    // Advisory locks are per database: the schema is part of the key so two stores in one database do not block each other.
    private long LockKey(string purpose)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"crosscheck:{Schema}:{purpose}"));
        return BitConverter.ToInt64(hash, 0);
    }

    private static string FormatTime(DateTimeOffset time) => StoreCommon.FormatTime(time);

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    private static string? Clean(string? value) => StoreCommon.WithoutNul(value);

    /// <summary>Runs database work on the pinned connection or a pooled one, turning driver errors into one clear line.</summary>
    private T Use<T>(string action, Func<NpgsqlConnection, T> work)
    {
        if (_pinned is { } pinned) return Guard(action, retry: false, () => work(pinned));
        return Guard(action, retry: true, () =>
        {
            using var connection = _dataSource.OpenConnection();
            return work(connection);
        });
    }

    private T Guard<T>(string action, bool retry, Func<T> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work();
            }
            catch (NpgsqlException e) when (retry && MayRetry(e, attempt))
            {
                WaitBeforeRetry(attempt);
            }
            catch (PostgresException e)
            {
                throw new StoreException(Describe(e, action), e);
            }
            catch (NpgsqlException e)
            {
                throw new StoreException(Describe(e, action), e);
            }
        }
    }

    /// <summary>The store's own atomic work (not a caller's transaction), retried whole when the connection fails.</summary>
    private void RetriedTransaction(Action work)
    {
        if (_pinned is not null)
        {
            work();
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                RunInTransaction(work);
                return;
            }
            catch (StoreException e) when (e.InnerException is NpgsqlException inner && MayRetry(inner, attempt))
            {
                WaitBeforeRetry(attempt);
            }
        }
    }

    private bool MayRetry(NpgsqlException e, int attempt) => _opened && attempt < MaxAttempts && IsConnectionFailure(e);

    private void WaitBeforeRetry(int attempt)
    {
        // The other idle connections of the pool died with the server: drop them all at once.
        _dataSource.Clear();
        Thread.Sleep(FirstRetryDelay * (1 << (attempt - 1)));
    }

    private static bool IsConnectionFailure(NpgsqlException e) => e switch
    {
        // Shut down by an administrator or a restart, crash recovery, or still starting up.
        PostgresException p => p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        _ => e.IsTransient || e.InnerException is IOException or SocketException or EndOfStreamException,
    };

    private string Describe(PostgresException e, string action)
    {
        var text = StoreCommon.OneLine(e.MessageText);
        return e.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                $"PostgreSQL at {Location} refused the login ({text}). Check the user name and password.",
            PostgresErrorCodes.InvalidCatalogName =>
                $"PostgreSQL at {Location}: {text}. Create the database (createdb NAME) or name another one.",
            PostgresErrorCodes.InsufficientPrivilege =>
                $"PostgreSQL at {Location}: {action} is not allowed ({text}). Grant the user rights on the schema '{Schema}', or use another user.",
            PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown =>
                $"PostgreSQL at {Location} is not accepting connections ({text}). Try again when it is up.",
            _ => $"PostgreSQL at {Location}: {action} failed: {text} (SQLSTATE {e.SqlState}).",
        };
    }

    private string Describe(NpgsqlException e, string action)
    {
        var server = $"{_target.Builder.Host}:{_target.Builder.Port}";
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
                return $"Cannot reach PostgreSQL at {server} ({StoreCommon.OneLine(socket.Message)}). Is the server running and listening there? ({Location})";
            // The same exception stands for a connection that took too long and for a command that ran
            // past its timeout (such as a wait on a lock another process holds): say both.
            if (inner is TimeoutException)
                return $"Timed out at PostgreSQL at {server}: connecting took over {_target.Builder.Timeout} s, or {action} ran over the {_target.Builder.CommandTimeout} s command timeout (another process holding a lock can cause this). Is the server reachable and not overloaded? ({Location})";
        }
        return $"PostgreSQL at {Location}: {action} failed: {StoreCommon.OneLine(e.Message)}.";
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
        NpgsqlParameter typed => typed,
        string?[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
        _ => new NpgsqlParameter { Value = value },
    };

    private static int Execute(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private static List<string> Strings(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
