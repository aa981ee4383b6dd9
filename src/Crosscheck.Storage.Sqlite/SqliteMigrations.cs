namespace Crosscheck.Storage.Sqlite;

/// <summary>One step of the schema's history: applied in its own transaction, never edited once released.</summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>
/// The SQLite schema as an ordered list of steps. A database records the last step applied in
/// <c>PRAGMA user_version</c>; opening an older database applies the missing steps in order.
/// To change the schema, append a step: existing steps are history and stay as they are.
/// </summary>
public static class SqliteMigrations
{
    /// <summary>Written to <c>PRAGMA application_id</c> ("CCHK") so other tools (and we) can tell the file's owner.</summary>
    public const int ApplicationId = 0x4343484B;

    /// <summary>The value of the <c>application</c> row of the <c>meta</c> table.</summary>
    public const string ApplicationName = "crosscheck";

    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "raw inputs, articles, layers, stories", """
            CREATE TABLE meta (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;
            INSERT INTO meta (key, value) VALUES ('application', 'crosscheck');

            -- Inputs exactly as received; everything else can be rebuilt from them.
            CREATE TABLE raw (
                id          TEXT PRIMARY KEY,          -- SHA-256 of content
                seq         INTEGER NOT NULL UNIQUE,   -- arrival order
                source      TEXT NOT NULL,
                kind        TEXT NOT NULL,
                content     BLOB NOT NULL,
                received_at TEXT NOT NULL,             -- ISO 8601 round-trip format
                hints       TEXT NOT NULL DEFAULT '{}'
            );

            -- An explicit INTEGER PRIMARY KEY keeps rowids stable across VACUUM, which the
            -- external-content full-text index relies on.
            CREATE TABLE articles (
                key              INTEGER PRIMARY KEY,
                id               TEXT NOT NULL UNIQUE,
                source           TEXT NOT NULL,
                url              TEXT,
                outlet           TEXT,
                title            TEXT,
                byline           TEXT,
                published        TEXT,
                published_source TEXT,
                language         TEXT,
                body             TEXT NOT NULL,
                diagnostics      TEXT NOT NULL DEFAULT '[]'
            );

            CREATE TABLE layers (
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                name       TEXT NOT NULL,
                payload    TEXT NOT NULL,   -- DocumentSerializer JSON
                PRIMARY KEY (article_id, name)
            ) WITHOUT ROWID;

            CREATE TABLE stories (
                id         TEXT PRIMARY KEY,
                position   INTEGER NOT NULL,
                title      TEXT NOT NULL,
                first_seen TEXT,
                last_seen  TEXT
            );

            CREATE TABLE story_articles (
                story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
                position   INTEGER NOT NULL,
                article_id TEXT NOT NULL,
                PRIMARY KEY (story_id, position)
            ) WITHOUT ROWID;
            CREATE INDEX story_articles_by_article ON story_articles (article_id);

            CREATE TABLE story_redirects (
                from_id TEXT PRIMARY KEY,
                to_id   TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(2, "full-text search over article titles and bodies", """
            CREATE VIRTUAL TABLE articles_fts USING fts5 (
                title, body,
                content = 'articles', content_rowid = 'key',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts (rowid, title, body) VALUES (new.key, new.title, new.body);
            END;
            CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.key, old.title, old.body);
            END;
            CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.key, old.title, old.body);
                INSERT INTO articles_fts (rowid, title, body) VALUES (new.key, new.title, new.body);
            END;
            INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
            """),
        Shared(SharedSchema.PageTypes),
        Shared(SharedSchema.ClustererState),
        new(5, "articles found by outlet", $"""
            -- The outlet as articles are grouped by it (StoreCommon.OutletKey), so a write's corpus pass reads the
            -- outlets it touched, not every article. Filled by the store's own function, which computes it as the code does.
            ALTER TABLE articles ADD COLUMN outlet_key TEXT NOT NULL DEFAULT '';
            UPDATE articles SET outlet_key = {OutletKeyFunction}(outlet) WHERE outlet IS NOT NULL;
            CREATE INDEX articles_by_outlet ON articles (outlet_key);
            """),
        Shared(SharedSchema.FeatureNameTypes),
        Shared(SharedSchema.UnplacedArticles),
        Shared(SharedSchema.CandidateWindowIndex),
        Shared(SharedSchema.TemplatePageMarks),
        Shared(SharedSchema.DetectorWindows),
    ];

    /// <summary>The SQL function (registered on every connection the store opens) that computes <see cref="StoreCommon.OutletKey"/>.</summary>
    public const string OutletKeyFunction = "crosscheck_outlet_key";

    public static int CurrentVersion => All[^1].Version;

    private static SqliteMigration Shared(SharedSchemaStep step) => new(step.Version, step.Description, step.Sql(SqlDialect.Sqlite));
}
