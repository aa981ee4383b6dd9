using System.Net;
using System.Net.Sockets;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL store promises: connection errors, schema identity, upgrades, concurrency.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public void Dispose() => PostgresTestServer.DropSchema(_schema);

    private string ConnectionString => PostgresTestServer.InSchema(_schema);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void An_unreachable_server_gives_one_clear_line()
    {
        var port = UnusedPort();

        var error = Assert.Throws<StoreException>(() => PostgresStore.Open($"postgres://news:pw-not-shown@127.0.0.1:{port}/archive"));

        Assert.StartsWith($"Cannot reach PostgreSQL at 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Is the server running", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-not-shown", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [PostgresFact]
    public async Task TryRunExclusive_gives_up_at_once_while_another_process_holds_the_lock()
    {
        using var holder = PostgresStore.Open(ConnectionString);
        using var trier = PostgresStore.Open(ConnectionString);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var held = Task.Run(() => holder.RunExclusive(() =>
        {
            holding.Set();
            release.Wait(TimeSpan.FromSeconds(60));
        }));
        Assert.True(holding.Wait(TimeSpan.FromSeconds(30)));

        var ran = false;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(trier.TryRunExclusive(() => ran = true));
        Assert.False(ran);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"gave up only after {clock.Elapsed}");

        release.Set();
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(trier.TryRunExclusive(() => ran = true));
        Assert.True(ran);
    }

    [PostgresFact]
    public void Open_creates_schema_tables_and_version()
    {
        using (var store = PostgresStore.Open(ConnectionString))
        {
            Assert.Equal(_schema, store.Schema);
            Assert.Contains($"?schema={_schema}", store.Location, StringComparison.Ordinal);
        }
        Assert.Equal("crosscheck", PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'application'"));
        Assert.Equal(PostgresMigrations.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));
    }

    [PostgresFact]
    public void A_missing_database_gives_one_clear_line()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = "no_such_database_here" };

        var error = Assert.Throws<StoreException>(() => PostgresStore.Open(builder.ToString()));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("createdb", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [PostgresFact]
    public void A_schema_of_another_application_is_refused_and_left_unchanged()
    {
        PostgresTestServer.Execute($"CREATE SCHEMA \"{_schema}\"; CREATE TABLE \"{_schema}\".invoices (n int); INSERT INTO \"{_schema}\".invoices VALUES (1);");

        var error = Assert.Throws<StoreException>(() => PostgresStore.Open(ConnectionString));

        Assert.Contains("another application", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, PostgresTestServer.Scalar($"SELECT count(*) FROM \"{_schema}\".invoices"));
        Assert.Equal(0L, PostgresTestServer.Scalar($"SELECT count(*) FROM pg_tables WHERE schemaname = '{_schema}' AND tablename = 'raw'"));
    }

    [PostgresFact]
    public void A_schema_from_a_newer_version_is_refused()
    {
        using (PostgresStore.Open(ConnectionString)) { }
        PostgresTestServer.Execute($"UPDATE \"{_schema}\".meta SET value = '{PostgresMigrations.CurrentVersion + 1}' WHERE key = 'schema_version'");

        var error = Assert.Throws<StoreException>(() => PostgresStore.Open(ConnectionString));

        Assert.Contains("newer Crosscheck", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_version_1_schema_is_migrated_with_its_data()
    {
        var raw = Raw("stored by an older Crosscheck");
        using (var old = PostgresStore.Open(ConnectionString, targetVersion: 1))
        {
            old.AddRaw(raw);
        }
        // The article row as version 1 wrote it, with the columns it had then (today's SaveDocument writes later ones too).
        PostgresTestServer.Execute($"INSERT INTO \"{_schema}\".articles (id, source, title, body, diagnostics) VALUES ('{raw.Id}', 'inbox/old.html', 'Dock strike', 'Ferreira said the dock strike was over.', '[]')");
        PostgresTestServer.Execute($"INSERT INTO \"{_schema}\".layers (article_id, name, payload) VALUES ('{raw.Id}', 'Sentences', '[0, 39]')");
        Assert.Equal("1", PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));

        using var store = PostgresStore.Open(ConnectionString);

        Assert.Equal(raw.Content, store.GetRaw(raw.Id)!.Content);
        var document = store.GetDocument(raw.Id)!;
        Assert.Equal("Ferreira said the dock strike was over.", document.Text);
        Assert.Equal(new Sentence(new TextSpan(0, 39)), Assert.Single(document.Sentences));
        // Articles stored before page types were told apart are articles.
        Assert.Equal(PageType.Article, document.Article.PageType);
        Assert.Equal(raw.Id, Assert.Single(store.Search("Ferreira")).ArticleId);
    }

    [PostgresFact]
    public void A_version_3_schema_gains_the_story_state_with_its_articles_and_stories_kept()
    {
        var raw = Raw("stored before the story state was kept");
        var forum = Full(raw.Id);
        forum.Article.PageType = PageType.Forum;
        forum.Article.Outlet = " Harbour Gazette ";
        using (var old = PostgresStore.Open(ConnectionString, targetVersion: 3))
        {
            old.AddRaw(raw);
            // Today's SaveDocument also writes the outlet key of step 5 and marks the article unplaced (tables of steps 4
            // and 7): the column and tables are lent for the write and taken away.
            PostgresTestServer.Execute(LentForSaveDocument(fromVersion: 3));
            old.SaveDocument(forum);
            PostgresTestServer.Execute($"ALTER TABLE \"{_schema}\".articles DROP COLUMN outlet_key; DROP TABLE \"{_schema}\".story_state_articles; DROP TABLE \"{_schema}\".story_state_unplaced");
        }
        // Stories as version 3 wrote them (today's ReplaceStories also clears the story state tables of step 4).
        PostgresTestServer.Execute($"INSERT INTO \"{_schema}\".stories (id, position, title) VALUES ('s1', 0, 'Dock strike')");
        PostgresTestServer.Execute($"INSERT INTO \"{_schema}\".story_articles (story_id, position, article_id) VALUES ('s1', 0, '{raw.Id}')");
        PostgresTestServer.Execute($"INSERT INTO \"{_schema}\".story_redirects (from_id, to_id) VALUES ('s0', 's1')");
        Assert.Equal("3", PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));

        using var store = PostgresStore.Open(ConnectionString);

        Assert.Equal(PostgresMigrations.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));
        AssertUpgradedWithoutStoryState(store, forum, redirectedStoryId: "s0");
        Assert.Equal([forum.Id], store.ArticlesOfOutlets(["harbour gazette"]).Select(a => a.Id));
    }

    /// <summary>What today's <see cref="PostgresStore.SaveDocument(Crosscheck.Storage.SerializedDocument)"/> writes that a schema of <paramref name="fromVersion"/> lacks.</summary>
    private string LentForSaveDocument(int fromVersion) =>
        (fromVersion < 5
            ? $"ALTER TABLE \"{_schema}\".articles ADD COLUMN outlet_key text NOT NULL DEFAULT ''; CREATE TABLE \"{_schema}\".story_state_articles (article_id text PRIMARY KEY, idx integer NOT NULL); "
            : "")
        + $"CREATE TABLE \"{_schema}\".story_state_unplaced (article_id text PRIMARY KEY)";

    [PostgresFact]
    public void A_version_5_schema_lists_the_articles_its_story_state_had_not_placed()
    {
        var raws = new[] { Raw("placed before the upgrade"), Raw("waiting at the upgrade"), Raw("also waiting") };
        using (var old = PostgresStore.Open(ConnectionString, targetVersion: 5))
        {
            foreach (var raw in raws) old.AddRaw(raw);
            PostgresTestServer.Execute(LentForSaveDocument(fromVersion: 5));
            foreach (var raw in raws) old.SaveDocument(Plain(raw.Id, "Title", "Body of " + raw.Id));
            // Today's SaveStoryState names step 6's column in its feature statement even with no feature to write, and step 9's
            // with each placement: lent too.
            PostgresTestServer.Execute($"ALTER TABLE \"{_schema}\".story_features ADD COLUMN name_types bytea; ALTER TABLE \"{_schema}\".story_state_articles ADD COLUMN template boolean");
            old.SaveStoryState(new StoryStateChanges { Header = new(1, 1, 1, 1), ArticleStories = new Dictionary<string, int> { [raws[0].Id] = 0 } });
        }
        // Version 5 had no such rows: the step fills them from the placements.
        PostgresTestServer.Execute($"DROP TABLE \"{_schema}\".story_state_unplaced; ALTER TABLE \"{_schema}\".story_features DROP COLUMN name_types; ALTER TABLE \"{_schema}\".story_state_articles DROP COLUMN template");
        Assert.Equal("5", PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));

        using var store = PostgresStore.Open(ConnectionString);

        Assert.Equal(PostgresMigrations.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));
        AssertUpgradedUnplacedArticles(store, [raws[1].Id, raws[2].Id], placed: raws[0].Id);
    }

    [PostgresFact]
    public void A_version_5_schema_keeps_its_story_features_with_the_kinds_of_name_unknown()
    {
        // A feature as version 5 wrote it: document frequency, postings (story 1), first sighting; no kinds of name.
        using var store = Upgraded(fromVersion: 5, $"INSERT INTO \"{_schema}\".story_features (key, df, postings, first) VALUES (7, 3, '\\x01000000'::bytea, 5)");

        AssertFeatureUpgradedWithKindsUnknown(store);
    }

    /// <summary>A schema made empty at <paramref name="fromVersion"/>, given rows as that version wrote them, then opened by today's store (and so at today's version).</summary>
    private IStore Upgraded(int fromVersion, string rowsAsWritten)
    {
        using (var old = PostgresStore.Open(ConnectionString, targetVersion: fromVersion))
        {
            Assert.Equal(0, old.CountRaw());
        }
        PostgresTestServer.Execute(rowsAsWritten);
        var store = PostgresStore.Open(ConnectionString);
        Assert.Equal(PostgresMigrations.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PostgresTestServer.Scalar($"SELECT value FROM \"{_schema}\".meta WHERE key = 'schema_version'"));
        return store;
    }

    [PostgresFact]
    public void A_version_7_schema_finds_candidate_stories_and_retired_ones_by_their_own_index()
    {
        using var store = Upgraded(fromVersion: 7, $"INSERT INTO \"{_schema}\".story_states (idx, state, absorbed, retired, last_arrival, last_published) VALUES {Version7StoryStates(hex => $"'\\x{hex}'::bytea")}");

        Assert.Equal("story_states_window", PostgresTestServer.Scalar($"SELECT indexname FROM pg_indexes WHERE schemaname = '{_schema}' AND indexname = 'story_states_window'"));
        AssertStoryStatesUpgradedWithTheCandidateIndex(store);
    }

    [PostgresFact]
    public void A_version_8_schema_reads_its_placements_template_marks_as_unknown()
    {
        using var store = Upgraded(fromVersion: 8, $"INSERT INTO \"{_schema}\".story_state_articles (article_id, idx) VALUES ('old', 0)");

        AssertPlacementsUpgradedWithTemplateMarksUnknown(store);
    }

    [PostgresFact]
    public void A_version_9_schema_keeps_its_placements_with_empty_detector_windows()
    {
        using var store = Upgraded(fromVersion: 9, $"INSERT INTO \"{_schema}\".story_state_articles (article_id, idx, template) VALUES ('old', 0, true)");

        AssertPlacementsUpgradedWithEmptyDetectorWindows(store);
    }

    [PostgresFact]
    public async Task Workers_opening_a_new_schema_at_once_migrate_it_once()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresStore.Open(ConnectionString))));
        try
        {
            Assert.All(stores, s => Assert.Equal(0, s.CountRaw()));
            Assert.True(stores[0].AddRaw(Raw("one")));
            Assert.False(stores[3].AddRaw(Raw("one")));
        }
        finally
        {
            foreach (var store in stores) store.Dispose();
        }
    }

    [PostgresFact]
    public async Task Concurrent_ingest_of_the_same_content_stores_it_once()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => Raw($"syndicated copy {i}")).ToArray();
        using var first = PostgresStore.Open(ConnectionString);
        using var second = PostgresStore.Open(ConnectionString);

        var added = await Task.WhenAll(
            Task.Run(() => inputs.Count(first.AddRaw)),
            Task.Run(() => inputs.Reverse().Count(second.AddRaw)));

        Assert.Equal(200, added.Sum());
        Assert.Equal(200, first.CountRaw());
    }

    [PostgresFact]
    public void Two_stores_in_one_database_are_separate()
    {
        var otherSchema = PostgresTestServer.NewSchemaName();
        try
        {
            using var first = PostgresStore.Open(ConnectionString);
            using var second = PostgresStore.Open(PostgresTestServer.InSchema(otherSchema));
            first.AddRaw(Raw("only in the first"));
            Assert.Equal(0, second.CountRaw());
        }
        finally
        {
            PostgresTestServer.DropSchema(otherSchema);
        }
    }

    [PostgresFact]
    public void Connections_dropped_by_the_server_are_replaced_without_an_error()
    {
        var application = "cc_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = application }.ToString();
        using var store = PostgresStore.Open(connectionString);
        store.AddRaw(Raw("before the outage"));
        store.SaveDocument(Plain("a1", "Before", "Stored before the connections were dropped."));

        // What a server restart does to the idle pooled connections.
        PostgresTestServer.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{application}'");
        Assert.Equal(1, store.CountRaw());

        PostgresTestServer.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{application}'");
        store.SaveDocument(Plain("a2", "After", "Stored after the connections were dropped."));

        PostgresTestServer.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{application}'");
        Assert.True(store.AddRaw(Raw("after the outage")));
        Assert.Equal(2, store.CountArticles());
    }
}
