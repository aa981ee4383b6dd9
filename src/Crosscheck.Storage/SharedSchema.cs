namespace Crosscheck.Storage;

/// <summary>
/// The column types and table options of one backend's SQL, in which <see cref="SharedSchema"/> writes the
/// steps both backends take alike.
/// </summary>
/// <param name="Text">Text of any length.</param>
/// <param name="Int32">A 32-bit integer.</param>
/// <param name="Int64">A 64-bit integer (SQLite: INTEGER, which as a primary key stays the rowid).</param>
/// <param name="Bytes">A byte string.</param>
/// <param name="Boolean">A truth value (SQLite: INTEGER 0 or 1).</param>
/// <param name="KeyedTable">What follows the columns of a table only ever read by its primary key (SQLite: WITHOUT ROWID).</param>
public sealed record SqlDialect(string Text, string Int32, string Int64, string Bytes, string Boolean, string KeyedTable)
{
    public static SqlDialect Sqlite { get; } = new(Text: "TEXT", Int32: "INTEGER", Int64: "INTEGER", Bytes: "BLOB", Boolean: "INTEGER", KeyedTable: " WITHOUT ROWID");

    public static SqlDialect Postgres { get; } = new(Text: "text", Int32: "integer", Int64: "bigint", Bytes: "bytea", Boolean: "boolean", KeyedTable: "");
}

/// <summary>A schema step both backends take, under the same version, in their own dialect.</summary>
public sealed record SharedSchemaStep(int Version, string Description, Func<SqlDialect, string> Sql);

/// <summary>
/// The schema steps that are the same for SQLite and PostgreSQL but for column types, written once so the
/// two stores keep the same tables; each backend lists them among its own steps (<c>SqliteMigrations</c>,
/// <c>PostgresMigrations</c>). Like every step, a released one is history: append, never edit.
/// </summary>
public static class SharedSchema
{
    public static SharedSchemaStep PageTypes { get; } = new(3, "the kind of page each article came from", sql => $"""
        -- Articles stored before page types were told apart were all taken as articles.
        ALTER TABLE articles ADD COLUMN page_type {sql.Text} NOT NULL DEFAULT 'article';
        """);

    public static SharedSchemaStep ClustererState { get; } = new(4, "story clusterer state: feature statistics and index, story states, article placements", sql => $"""
        -- One row per feature: a stable hash of its text and channel, its document frequency and
        -- the stories that recently carried it (4-byte little-endian indexes).
        CREATE TABLE story_features (
            key      {sql.Int64} PRIMARY KEY,
            df       {sql.Int32} NOT NULL,
            postings {sql.Bytes} NOT NULL,
            first    {sql.Int64} NOT NULL   -- when first counted: the tie-break among equal features
        );

        -- The clusterer's state of each story ever opened, by the order it was opened in, with what says
        -- whether it can still be a candidate (so idle stories are filtered without reading their state).
        CREATE TABLE story_states (
            idx            {sql.Int32} PRIMARY KEY,
            state          {sql.Bytes} NOT NULL,
            absorbed       {sql.Boolean} NOT NULL,   -- merged into another story (always read: it leads to its survivor)
            retired        {sql.Boolean} NOT NULL,
            last_arrival   {sql.Int64} NOT NULL,
            last_published {sql.Int64}             -- UTC ticks; NULL when no article is dated
        );

        -- Where each article was placed (a story index; -1 when left out, e.g. an empty body).
        CREATE TABLE story_state_articles (
            article_id {sql.Text} PRIMARY KEY,
            idx        {sql.Int32} NOT NULL
        ){sql.KeyedTable};

        -- A merge re-points every redirect into the absorbed story.
        CREATE INDEX story_redirects_by_target ON story_redirects (to_id);
        """);

    public static SharedSchemaStep FeatureNameTypes { get; } = new(6, "the kinds of name behind each entity feature", sql => $"""
        -- For an entity feature, how many documents tagged it as each kind of name (person, organisation, place,
        -- other; 4-byte little-endian counts in that order). NULL when no document did, and for every row written
        -- before this step: the kind is unknown, which the clusterer treats as it did before kinds were kept.
        ALTER TABLE story_features ADD COLUMN name_types {sql.Bytes};
        """);

    /// <summary>
    /// The articles the story state has not placed, listed by their own rows instead of an anti-join over every article,
    /// so a write finds its new articles in time proportional to them, not to the store.
    /// </summary>
    public static SharedSchemaStep UnplacedArticles { get; } = new(7, "articles the story state has not placed yet", sql => $"""
        -- One row per article the story state has not placed (story_state_articles has no row for it): written with the
        -- article, removed with its placement, refilled when the story state is cleared. A row may outlive its placement
        -- (a concurrent writer); readers still check story_state_articles, so the rows are a superset, never fewer.
        CREATE TABLE story_state_unplaced (
            article_id {sql.Text} PRIMARY KEY
        ){sql.KeyedTable};
        INSERT INTO story_state_unplaced (article_id)
        SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_state_articles s WHERE s.article_id = a.id);
        """);

    /// <summary>
    /// What says whether a stored story can still be a candidate, in an index of its own, so the candidate lookup's window
    /// filter and the question which stories are retired read no state blob (SQLite keeps those columns after the blob).
    /// </summary>
    public static SharedSchemaStep CandidateWindowIndex { get; } = new(8, "whether each story can still be a candidate, apart from its state", sql => """
        -- Covers the candidate window's condition (StoreCommon.CandidateWindowCondition) and the retired flag by story index.
        CREATE INDEX story_states_window ON story_states (idx, absorbed, retired, last_arrival, last_published);
        """);

    /// <summary>
    /// Whether the clusterer placed each article as a template page (a text that is mostly a block another page shares, kept
    /// out of the stories with no features), so a dossier can say why such an article stands alone.
    /// </summary>
    public static SharedSchemaStep TemplatePageMarks { get; } = new(9, "whether each article was placed as a template page", sql => $"""
        -- Written with an article's first placement and kept when the article moves (a split, a repartition). NULL for a
        -- row written before this step and for an article left out (idx -1): unknown.
        ALTER TABLE story_state_articles ADD COLUMN template {sql.Boolean};
        """);

    /// <summary>
    /// The recent texts the clusterer's copy and template-page detectors compare a new text with, and their postings, so the
    /// detectors' windows outlive a save and a process: a placement reads the postings of its own text's keys and the few texts
    /// they name, as it reads feature postings. Without them a copy or a template page whose twin was saved in an earlier batch
    /// went unrecognised.
    /// </summary>
    public static SharedSchemaStep DetectorWindows { get; } = new(10, "the copy and template-page detectors' windows of recent texts, with their postings", sql => $"""
        -- Per detector, one row per text in its window, by its number in the window's clock (the copy detector's own count of
        -- texts long enough to compare; the clusterer's arrival for the template-page detector), with what the detector keeps
        -- of it (the clusterer's format), and one row per key the text is posted under (band keys; distinct word shingles).
        -- Rows numbered below a window's first are dropped at each save, so the tables stay bounded by the windows (20,000
        -- and 5,000 texts), not the store. Empty for a store clustered before this step: the windows start at the next save.
        CREATE TABLE story_state_copy_texts (
            number     {sql.Int64} PRIMARY KEY,
            article_id {sql.Text} NOT NULL,
            entry      {sql.Bytes} NOT NULL
        );
        CREATE TABLE story_state_copy_keys (
            number {sql.Int64} NOT NULL,
            key    {sql.Int64} NOT NULL,
            PRIMARY KEY (number, key)
        ){sql.KeyedTable};
        CREATE INDEX story_state_copy_keys_by_key ON story_state_copy_keys (key, number);
        CREATE TABLE story_state_template_texts (
            number     {sql.Int64} PRIMARY KEY,
            article_id {sql.Text} NOT NULL,
            entry      {sql.Bytes} NOT NULL
        );
        CREATE TABLE story_state_template_keys (
            number {sql.Int64} NOT NULL,
            key    {sql.Int64} NOT NULL,
            PRIMARY KEY (number, key)
        ){sql.KeyedTable};
        CREATE INDEX story_state_template_keys_by_key ON story_state_template_keys (key, number);
        """);

    /// <summary>The tables of a detector's window (<see cref="DetectorWindows"/>): its texts and its postings.</summary>
    public static (string Texts, string Keys) WindowTables(Crosscheck.Core.Pipeline.TextWindow window) => window switch
    {
        Crosscheck.Core.Pipeline.TextWindow.Copies => ("story_state_copy_texts", "story_state_copy_keys"),
        Crosscheck.Core.Pipeline.TextWindow.Templates => ("story_state_template_texts", "story_state_template_keys"),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "No such window."),
    };

    /// <summary>Every table of <see cref="DetectorWindows"/>.</summary>
    public static IReadOnlyList<string> WindowTableNames { get; } =
        ["story_state_copy_texts", "story_state_copy_keys", "story_state_template_texts", "story_state_template_keys"];
}
