using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Microsoft.Data.Sqlite;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Sqlite.Tests;

/// <summary>What only the SQLite store promises: its file format, identification, upgrades and modes.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string Path => _database.Path;

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static T Pragma<T>(string path, string sql)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static StoreException OpenFails(string path)
    {
        var error = Assert.Throws<StoreException>(() => SqliteStore.Open(path).Dispose());
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    [Fact]
    public void Open_creates_a_missing_file_with_schema_and_identity()
    {
        using (var store = SqliteStore.Open(Path))
        {
            Assert.Equal(Path, store.Location);
        }
        Assert.True(File.Exists(Path));
        Assert.Equal(SqliteMigrations.CurrentVersion, Pragma<int>(Path, "PRAGMA user_version"));
        Assert.Equal(SqliteMigrations.ApplicationId, Pragma<int>(Path, "PRAGMA application_id"));
        Assert.Equal("crosscheck", Pragma<string>(Path, "SELECT value FROM meta WHERE key = 'application'"));
    }

    [Fact]
    public void Data_survives_closing_and_reopening()
    {
        var raw = Raw("kept on disk");
        using (var store = SqliteStore.Open(Path))
        {
            store.AddRaw(raw);
            store.SaveDocument(Full(raw.Id));
        }
        using (var store = SqliteStore.Open(Path))
        {
            Assert.False(store.AddRaw(raw));
            AssertSame(Full(raw.Id), store.GetDocument(raw.Id)!);
        }
    }

    [Fact]
    public void Journal_is_in_wal_mode_with_foreign_keys_on()
    {
        using var store = SqliteStore.Open(Path);
        store.AddRaw(Raw("something to write"));
        Assert.Equal("wal", Pragma<string>(Path, "PRAGMA journal_mode"));
        Assert.True(File.Exists(Path + "-wal"));
        // Layers belong to articles: the foreign key must be enforced on the store's connection.
        store.SaveDocument(Full("fk"));
        store.ClearDerived();
        Assert.Equal(0L, Pragma<long>(Path, "SELECT count(*) FROM layers"));
    }

    [Fact]
    public void An_empty_file_is_opened_as_a_new_database()
    {
        File.WriteAllBytes(Path, []);
        using var store = SqliteStore.Open(Path);
        Assert.True(store.AddRaw(Raw("first")));
    }

    [Fact]
    public void Random_bytes_are_refused_with_a_clear_error()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(Path, bytes);

        var error = OpenFails(Path);

        Assert.Contains("not a Crosscheck database", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(Path));
    }

    [Fact]
    public void A_text_file_is_refused_with_a_clear_error()
    {
        File.WriteAllText(Path, "These are my notes, not a database.\n");
        Assert.Contains("not a Crosscheck database", OpenFails(Path).Message, StringComparison.Ordinal);
        Assert.Equal("These are my notes, not a database.\n", File.ReadAllText(Path));
    }

    [Fact]
    public void A_file_with_an_sqlite_header_but_damaged_content_is_refused()
    {
        var bytes = new byte[4096];
        "SQLite format 3\0"u8.CopyTo(bytes);
        new Random(3).NextBytes(bytes.AsSpan(16));
        File.WriteAllBytes(Path, bytes);

        var error = OpenFails(Path);

        Assert.True(error.Message.Contains("not a Crosscheck database", StringComparison.Ordinal)
            || error.Message.Contains("damaged", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void Another_applications_sqlite_database_is_refused_and_left_unchanged()
    {
        Execute(Path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone');");

        var error = OpenFails(Path);

        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Assert.Equal("delete", Pragma<string>(Path, "PRAGMA journal_mode"));
        Assert.Equal(0, Pragma<int>(Path, "PRAGMA user_version"));
        Assert.Equal(1L, Pragma<long>(Path, "SELECT count(*) FROM contacts"));
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        using (SqliteStore.Open(Path)) { }
        Execute(Path, $"PRAGMA user_version = {SqliteMigrations.CurrentVersion + 1}");

        var error = OpenFails(Path);

        Assert.Contains("newer Crosscheck", error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {SqliteMigrations.CurrentVersion + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_marked_as_ours_without_its_tables_is_refused()
    {
        Execute(Path, $"PRAGMA application_id = {SqliteMigrations.ApplicationId}; CREATE TABLE t (x);");
        Assert.Contains("incomplete", OpenFails(Path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_or_a_missing_folder_gives_a_clear_error()
    {
        Assert.Contains("is a directory", OpenFails(_database.Directory).Message, StringComparison.Ordinal);
        var missing = System.IO.Path.Combine(_database.Directory, "no-such-folder", "x.db");
        Assert.Contains("does not exist", OpenFails(missing).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_are_numbered_in_order_from_one()
    {
        // Consecutive: a database records only the last step applied, so a gap would hide a step a branch never merged.
        var versions = SqliteMigrations.All.Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void A_version_1_database_is_migrated_with_its_data()
    {
        var raw = Raw("stored by an older Crosscheck");
        using (var old = SqliteStore.Open(Path, targetVersion: 1))
        {
            old.AddRaw(raw);
        }
        // The rows as version 1 wrote them, with the columns it had then (today's SaveDocument writes later
        // columns, and today's ReplaceStories also clears tables a later step adds).
        Execute(Path, $"INSERT INTO articles (id, source, title, body) VALUES ('{raw.Id}', 'inbox/old.html', 'Dock strike', 'Ferreira said the dock strike was over.')");
        Execute(Path, $"INSERT INTO layers (article_id, name, payload) VALUES ('{raw.Id}', 'Sentences', '[0, 39]')");
        Execute(Path, $"""
            INSERT INTO stories (id, position, title) VALUES ('s1', 0, 'Dock strike');
            INSERT INTO story_articles (story_id, position, article_id) VALUES ('s1', 0, '{raw.Id}');
            """);
        Assert.Equal(1, Pragma<int>(Path, "PRAGMA user_version"));

        using var store = SqliteStore.Open(Path);

        Assert.Equal(SqliteMigrations.CurrentVersion, Pragma<int>(Path, "PRAGMA user_version"));
        Assert.Equal(raw.Content, store.GetRaw(raw.Id)!.Content);
        var document = store.GetDocument(raw.Id)!;
        Assert.Equal("Ferreira said the dock strike was over.", document.Text);
        Assert.Equal(new Sentence(new TextSpan(0, 39)), Assert.Single(document.Sentences));
        // Articles stored before page types were told apart are articles.
        Assert.Equal(PageType.Article, document.Article.PageType);
        Assert.Equal([raw.Id], store.GetStory("s1")!.ArticleIds);
        // No story state yet: the next placement rebuilds it by one replay.
        Assert.Null(store.LoadStoryStateHeader());
        // The search index added by a later step covers articles stored before it existed.
        Assert.Equal(raw.Id, Assert.Single(store.Search("Ferreira")).ArticleId);
    }

    [Fact]
    public void A_version_3_database_gains_the_story_state_with_its_articles_and_stories_kept()
    {
        var raw = Raw("stored before the story state was kept");
        var forum = Full(raw.Id);
        forum.Article.PageType = PageType.Forum;
        forum.Article.Outlet = " Harbour Gazette ";
        using (var old = SqliteStore.Open(Path, targetVersion: 3))
        {
            old.AddRaw(raw);
        }
        // Today's SaveDocument also writes the outlet key of step 5 and marks the article unplaced (tables of steps 4
        // and 7): the column and tables are lent for the write and taken away.
        Execute(Path, LentForSaveDocument(fromVersion: 3));
        using (var old = SqliteStore.Open(Path, targetVersion: 3))
        {
            old.SaveDocument(forum);
        }
        Execute(Path, "ALTER TABLE articles DROP COLUMN outlet_key; DROP TABLE story_state_articles; DROP TABLE story_state_unplaced");
        // Stories as version 3 wrote them (today's ReplaceStories also clears the story state tables of step 4).
        Execute(Path, $"""
            INSERT INTO stories (id, position, title) VALUES ('s1', 0, 'Dock strike');
            INSERT INTO story_articles (story_id, position, article_id) VALUES ('s1', 0, '{raw.Id}');
            INSERT INTO story_redirects (from_id, to_id) VALUES ('s0', 's1');
            """);
        Assert.Equal(3, Pragma<int>(Path, "PRAGMA user_version"));

        using var store = SqliteStore.Open(Path);

        Assert.Equal(SqliteMigrations.CurrentVersion, Pragma<int>(Path, "PRAGMA user_version"));
        AssertUpgradedWithoutStoryState(store, forum, redirectedStoryId: "s0");
        Assert.Equal([forum.Id], store.ArticlesOfOutlets(["harbour gazette"]).Select(a => a.Id));
    }

    /// <summary>What today's <see cref="SqliteStore.SaveDocument(Crosscheck.Storage.SerializedDocument)"/> writes that a database of <paramref name="fromVersion"/> lacks.</summary>
    private static string LentForSaveDocument(int fromVersion) =>
        (fromVersion < 5 ? "ALTER TABLE articles ADD COLUMN outlet_key TEXT NOT NULL DEFAULT ''; CREATE TABLE story_state_articles (article_id TEXT PRIMARY KEY, idx INTEGER NOT NULL); " : "")
        + "CREATE TABLE story_state_unplaced (article_id TEXT PRIMARY KEY)";

    [Fact]
    public void A_version_5_database_lists_the_articles_its_story_state_had_not_placed()
    {
        var raws = new[] { Raw("placed before the upgrade"), Raw("waiting at the upgrade"), Raw("also waiting") };
        using (var old = SqliteStore.Open(Path, targetVersion: 5))
        {
            foreach (var raw in raws) old.AddRaw(raw);
        }
        Execute(Path, LentForSaveDocument(fromVersion: 5));
        // Today's SaveStoryState names step 9's column with each placement: lent too.
        Execute(Path, "ALTER TABLE story_state_articles ADD COLUMN template INTEGER");
        using (var old = SqliteStore.Open(Path, targetVersion: 5))
        {
            foreach (var raw in raws) old.SaveDocument(Plain(raw.Id, "Title", "Body of " + raw.Id));
            old.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), ArticleStories = new Dictionary<string, int> { [raws[0].Id] = 0 } });
        }
        // Version 5 had no such rows: the step fills them from the placements.
        Execute(Path, "DROP TABLE story_state_unplaced; ALTER TABLE story_state_articles DROP COLUMN template");
        Assert.Equal(5, Pragma<int>(Path, "PRAGMA user_version"));

        using var store = SqliteStore.Open(Path);

        Assert.Equal(SqliteMigrations.CurrentVersion, Pragma<int>(Path, "PRAGMA user_version"));
        AssertUpgradedUnplacedArticles(store, [raws[1].Id, raws[2].Id], placed: raws[0].Id);
    }

    [Fact]
    public void A_version_5_database_keeps_its_story_features_with_the_kinds_of_name_unknown()
    {
        // A feature as version 5 wrote it: document frequency, postings (story 1), first sighting; no kinds of name.
        using var store = Upgraded(fromVersion: 5, "INSERT INTO story_features (key, df, postings, first) VALUES (7, 3, X'01000000', 5)");

        AssertFeatureUpgradedWithKindsUnknown(store);
    }

    /// <summary>A database made empty at <paramref name="fromVersion"/>, given rows as that version wrote them, then opened by today's store (and so at today's version).</summary>
    private IStore Upgraded(int fromVersion, string rowsAsWritten)
    {
        using (var old = SqliteStore.Open(Path, targetVersion: fromVersion))
        {
            Assert.Equal(0, old.CountRaw());
        }
        Execute(Path, rowsAsWritten);
        var store = SqliteStore.Open(Path);
        Assert.Equal(SqliteMigrations.CurrentVersion, Pragma<int>(Path, "PRAGMA user_version"));
        return store;
    }

    [Fact]
    public void A_version_7_database_finds_candidate_stories_and_retired_ones_by_their_own_index()
    {
        using var store = Upgraded(fromVersion: 7, $"INSERT INTO story_states (idx, state, absorbed, retired, last_arrival, last_published) VALUES {Version7StoryStates(hex => $"X'{hex}'")}");

        Assert.Equal("story_states_window", Pragma<string>(Path, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'story_states'"));
        AssertStoryStatesUpgradedWithTheCandidateIndex(store);
    }

    [Fact]
    public void A_version_8_database_reads_its_placements_template_marks_as_unknown()
    {
        using var store = Upgraded(fromVersion: 8, "INSERT INTO story_state_articles (article_id, idx) VALUES ('old', 0)");

        AssertPlacementsUpgradedWithTemplateMarksUnknown(store);
    }

    [Fact]
    public void A_version_9_database_keeps_its_placements_with_empty_detector_windows()
    {
        using var store = Upgraded(fromVersion: 9, "INSERT INTO story_state_articles (article_id, idx, template) VALUES ('old', 0, 1)");

        AssertPlacementsUpgradedWithEmptyDetectorWindows(store);
    }

    [Fact]
    public void A_failed_write_leaves_the_file_intact_for_the_next_open()
    {
        var raw = Raw("committed before the failure");
        using (var store = SqliteStore.Open(Path))
        {
            store.AddRaw(raw);
            Assert.Throws<InvalidOperationException>(() => store.RunInTransaction(() =>
            {
                store.ClearDerived();
                store.AddRaw(Raw("half-way"));
                throw new InvalidOperationException("crash in the middle");
            }));
        }
        using (var store = SqliteStore.Open(Path))
        {
            Assert.Equal([raw.Id], store.AllRaw().Select(r => r.Id));
        }
        Assert.Equal("ok", Pragma<string>(Path, "PRAGMA integrity_check"));
    }

    [Fact]
    public void A_second_store_on_the_same_file_sees_committed_writes()
    {
        using var writer = SqliteStore.Open(Path);
        using var reader = SqliteStore.Open(Path);
        writer.AddRaw(Raw("shared"));
        Assert.Equal(1, reader.CountRaw());
        Assert.False(reader.AddRaw(Raw("shared")));
    }

    [Fact]
    public void Unreadable_stored_layers_give_a_store_error_naming_the_fix()
    {
        using var store = SqliteStore.Open(Path);
        store.SaveDocument(Full("bad"));
        Execute(Path, "UPDATE layers SET payload = '{not json' WHERE article_id = 'bad' AND name = 'Tokens'");

        var error = Assert.Throws<StoreException>(() => store.GetDocument("bad"));

        Assert.Contains("reprocess", error.Message, StringComparison.Ordinal);
    }
}
