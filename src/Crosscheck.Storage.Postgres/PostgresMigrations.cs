namespace Crosscheck.Storage.Postgres;

/// <summary>One step of the schema's history: applied in its own transaction, never edited once released.</summary>
public sealed record PostgresMigration(int Version, string Description, string Sql);

/// <summary>
/// The PostgreSQL schema as an ordered list of steps, applied under an advisory lock so that
/// several workers opening a new database at once migrate it exactly once. The version lives in
/// the <c>meta</c> table (<c>schema_version</c>), next to the row naming the application.
/// Times are stored as ISO 8601 text, as in SQLite, so they come back with their own offset and
/// full precision; JSON columns are <c>json</c>, not <c>jsonb</c>, to keep the serializer's exact text.
/// </summary>
public static class PostgresMigrations
{
    public const string ApplicationName = "crosscheck";

    /// <summary>Only this much of a body is indexed for search: a tsvector is limited to 1 MB.</summary>
    public const int SearchableBodyLength = 100_000;

    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "raw inputs, articles, layers, stories", """
            CREATE TABLE meta (
                key   text PRIMARY KEY,
                value text NOT NULL
            );
            INSERT INTO meta (key, value) VALUES ('application', 'crosscheck'), ('schema_version', '0');

            CREATE TABLE raw (
                id          text PRIMARY KEY,
                seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                source      text NOT NULL,
                kind        text NOT NULL,
                content     bytea NOT NULL,
                received_at text NOT NULL,
                hints       json NOT NULL
            );

            CREATE TABLE articles (
                key              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                id               text PRIMARY KEY,
                source           text NOT NULL,
                url              text,
                outlet           text,
                title            text,
                byline           text,
                published        text,
                published_source text,
                language         text,
                body             text NOT NULL,
                diagnostics      json NOT NULL
            );

            CREATE TABLE layers (
                article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                name       text NOT NULL,
                payload    json NOT NULL,
                PRIMARY KEY (article_id, name)
            );

            CREATE TABLE stories (
                id         text PRIMARY KEY,
                position   integer NOT NULL,
                title      text NOT NULL,
                first_seen text,
                last_seen  text
            );

            CREATE TABLE story_articles (
                story_id   text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
                position   integer NOT NULL,
                article_id text NOT NULL,
                PRIMARY KEY (story_id, position)
            );
            CREATE INDEX story_articles_by_article ON story_articles (article_id);

            CREATE TABLE story_redirects (
                from_id text PRIMARY KEY,
                to_id   text NOT NULL
            );
            """),
        new(2, "full-text search over article titles and bodies", $"""
            ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
                setweight(to_tsvector('english'::regconfig, left(body, {SearchableBodyLength})), 'B')
            ) STORED;
            CREATE INDEX articles_search ON articles USING gin (search);
            """),
        Shared(SharedSchema.PageTypes),
        Shared(SharedSchema.ClustererState),
        new(5, "articles found by outlet", """
            -- The outlet as articles are grouped by it (StoreCommon.OutletKey: trimmed, lower-cased), so a write's corpus
            -- pass reads the outlets it touched, not every article. Articles stored before are keyed by PostgreSQL's own
            -- lower() and btrim(), which agree with the code's for every outlet name short of exotic Unicode case rules.
            ALTER TABLE articles ADD COLUMN outlet_key text NOT NULL DEFAULT '';
            UPDATE articles SET outlet_key = lower(btrim(outlet)) WHERE outlet IS NOT NULL;
            CREATE INDEX articles_by_outlet ON articles (outlet_key);
            """),
        Shared(SharedSchema.FeatureNameTypes),
        Shared(SharedSchema.UnplacedArticles),
        Shared(SharedSchema.CandidateWindowIndex),
        Shared(SharedSchema.TemplatePageMarks),
        Shared(SharedSchema.DetectorWindows),
    ];

    public static int CurrentVersion => All[^1].Version;

    private static PostgresMigration Shared(SharedSchemaStep step) => new(step.Version, step.Description, step.Sql(SqlDialect.Postgres));
}
