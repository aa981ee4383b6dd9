using System.Text;
using System.Text.Json;
using Xunit;
using static Crosscheck.Testing.TemplatePageTexts;

namespace Crosscheck.Cli.Tests;

/// <summary>The whole flow through the real program: ingest, stories, dossier, bad input, misuse.</summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-e2e-").FullName;

    private string Db => Path.Combine(_dir, "test.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir, args);

    [Fact]
    public void Sample_articles_form_one_story_whose_dossier_follows_the_json_contract()
    {
        var ingest = Run("ingest", CliRunner.Samples, "--db", Db);
        Assert.True(ingest.ExitCode == 0, ingest.Err);

        var stories = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement;
        var story = Assert.Single(stories.EnumerateArray());
        Assert.Equal(5, story.GetProperty("articles").GetArrayLength());
        foreach (var field in new[] { "id", "title" }) Assert.True(story.TryGetProperty(field, out _), field);
        foreach (var article in story.GetProperty("articles").EnumerateArray())
        {
            foreach (var field in new[] { "id", "source", "title" }) Assert.True(article.TryGetProperty(field, out _), field);
        }

        var dossierRun = Run("dossier", story.GetProperty("id").GetString()!, "--db", Db, "--json");
        Assert.True(dossierRun.ExitCode == 0, dossierRun.Err);
        var dossier = JsonDocument.Parse(dossierRun.Out).RootElement;
        AssertFields(dossier, "story", "articles", "entities", "claims", "quotes", "citations", "timeline");
        AssertFields(dossier.GetProperty("story"), "id", "title");
        Assert.Equal(5, dossier.GetProperty("articles").GetArrayLength());
        AssertEach(dossier, "articles", "id", "source", "outlet", "title", "published", "language", "body");
        AssertEach(dossier, "entities", "id", "name", "type", "variants", "articles", "mentions");
        AssertEach(dossier, "claims", "id", "kind", "text", "subject", "value", "unit", "normalized", "articles", "origins", "status");
        AssertEach(dossier, "quotes", "speaker", "speaker_entity", "text", "article");
        AssertEach(dossier, "statements", "id", "predicate", "text", "participants", "articles", "origins", "status", "first", "wordings");
        Assert.NotEqual(0, dossier.GetProperty("statements").GetArrayLength());
        Assert.All(dossier.GetProperty("statements").EnumerateArray(),
            s => Assert.Contains(s.GetProperty("status").GetString(), new[] { "corroborated", "single-origin", "contested" }));
        // The acceptance: at least three statements reported by three or more articles, each with its origins and first article.
        var widelyReported = dossier.GetProperty("statements").EnumerateArray().Where(s => s.GetProperty("articles").GetArrayLength() >= 3).ToList();
        Assert.True(widelyReported.Count >= 3, $"{widelyReported.Count} statements reported by three or more articles");
        Assert.All(widelyReported, s =>
        {
            Assert.NotEqual(0, s.GetProperty("origins").GetArrayLength());
            Assert.Contains(s.GetProperty("first").GetProperty("article").GetString(), s.GetProperty("articles").EnumerateArray().Select(a => a.GetString()));
        });
        AssertEach(dossier, "citations", "article", "cites");
        AssertEach(dossier, "timeline", "date", "text", "articles");
        AssertEach(dossier, "undated_articles", "article", "from", "to", "basis");
        // Seed articles without a publication date of their own are placed within their story's dates.
        Assert.NotEqual(0, dossier.GetProperty("undated_articles").GetArrayLength());
        Assert.NotEqual(0, dossier.GetProperty("entities").GetArrayLength());
        Assert.NotEqual(0, dossier.GetProperty("claims").GetArrayLength());
        Assert.All(dossier.GetProperty("entities").EnumerateArray(),
            e => Assert.Contains(e.GetProperty("type").GetString(), new[] { "PERSON", "ORG", "LOC", "MISC" }));
        Assert.All(dossier.GetProperty("claims").EnumerateArray(),
            c => Assert.Contains(c.GetProperty("status").GetString(), new[] { "corroborated", "single-origin", "conflicting", "unique" }));

        var markdown = Run("dossier", story.GetProperty("id").GetString()![..6], "--db", Db);
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains(story.GetProperty("title").GetString()!, markdown.Out);
    }

    /// <summary>
    /// Two pages of one consent notice under unrelated headlines (written for this test) and a news report: the later notice
    /// page is placed as a template page, alone in its story, and its dossier says so in the JSON and in the Markdown and HTML
    /// reports; the earlier page (placed before its twin came) and the report do not.
    /// </summary>
    [Fact]
    public void The_later_page_of_a_shared_notice_is_marked_a_template_page_in_its_dossier_and_the_others_are_not()
    {
        const string Minister = "Minister resigns over pension reform vote";
        const string Rickshaw = "Rickshaw driver hands out soap to passengers";
        const string Fire = "Warehouse fire closes ferry routes";
        static string Record(string url, string title, string text) => JsonSerializer.Serialize(new { url, title, text });
        var input = Path.Combine(_dir, "pages.jsonl");
        File.WriteAllLines(input,
        [
            Record("https://harbour-gazette.test/politics/1", Minister, Minister + ".\n\n" + Notice),
            Record("https://valley-courier.test/life/2", Rickshaw, Rickshaw + ".\n\n" + Notice),
            Record("https://coast-wire.test/news/3", Fire, Report),
        ]);
        var ingest = Run("ingest", input, "--db", Db);
        Assert.True(ingest.ExitCode == 0, ingest.Err);

        var stories = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement.EnumerateArray()
            .ToDictionary(s => s.GetProperty("articles")[0].GetProperty("title").GetString()!, s => (Id: s.GetProperty("id").GetString()!, Articles: s.GetProperty("articles").GetArrayLength()));
        // The template page stands alone; the first notice page and the report are stories of their own too (nothing joins them).
        Assert.Equal(3, stories.Count);
        Assert.All(stories.Values, s => Assert.Equal(1, s.Articles));

        bool? Mark(string title)
        {
            var dossier = Run("dossier", stories[title].Id, "--db", Db, "--json");
            Assert.True(dossier.ExitCode == 0, dossier.Err);
            var mark = JsonDocument.Parse(dossier.Out).RootElement.GetProperty("articles")[0].GetProperty("template_page");
            return mark.ValueKind == JsonValueKind.Null ? null : mark.GetBoolean();
        }
        Assert.True(Mark(Rickshaw));
        Assert.False(Mark(Minister));
        Assert.False(Mark(Fire));

        var markdown = Run("dossier", stories[Rickshaw].Id, "--db", Db).Out;
        Assert.Contains("template page: its text is mostly a block another page shares", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"template-page\">", Run("dossier", stories[Rickshaw].Id, "--db", Db, "--html").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("template page", Run("dossier", stories[Minister].Id, "--db", Db).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("template page", Run("dossier", stories[Fire].Id, "--db", Db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingesting_the_same_directory_twice_adds_nothing()
    {
        Assert.Equal(0, Run("ingest", CliRunner.Samples, "--db", Db).ExitCode);
        var first = Run("stories", "--db", Db, "--json").Out;
        var again = Run("ingest", CliRunner.Samples, "--db", Db);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 new article(s), 5 already stored", again.Out);
        Assert.Equal(first, Run("stories", "--db", Db, "--json").Out);
    }

    [Fact]
    public void Bad_files_are_named_one_line_each_good_ones_ingested_and_earlier_data_kept()
    {
        Assert.Equal(0, Run("ingest", CliRunner.Samples, "--db", Db).ExitCode);
        var before = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement.GetArrayLength();

        var mixed = Directory.CreateDirectory(Path.Combine(_dir, "mixed")).FullName;
        File.WriteAllText(Path.Combine(mixed, "good.txt"),
            "Harbour reopens after storm\n\nThe harbour reopened on Friday after a storm closed it for three days, the port authority said.\n\nFishing boats returned to sea at dawn.");
        File.WriteAllBytes(Path.Combine(mixed, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(mixed, "binary.html"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
        File.WriteAllBytes(Path.Combine(mixed, "latin1.txt"), Encoding.Latin1.GetBytes("Caf\u00e9 owners protest\n\nOwners of caf\u00e9s marched on Monday."));
        using (var big = File.Create(Path.Combine(mixed, "huge.txt")))
        {
            var line = Encoding.UTF8.GetBytes("All work and no play makes a very long article indeed.\n");
            for (long written = 0; written < 50L * 1024 * 1024; written += line.Length) big.Write(line);
        }

        var result = Run("ingest", mixed, "--db", Db);

        Assert.Equal(1, result.ExitCode);
        var errors = result.Err.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, errors.Count);
        foreach (var name in new[] { "empty.txt", "binary.html", "latin1.txt", "huge.txt" })
            Assert.Single(errors, e => e.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Err);
        Assert.Contains("1 new article(s)", result.Out);
        var stories = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement;
        Assert.Equal(before + 1, stories.GetArrayLength());
        Assert.Contains(stories.EnumerateArray(), s => s.GetProperty("articles").GetArrayLength() == 5);
    }

    [Fact]
    public void A_file_that_is_not_a_crosscheck_database_gets_a_clear_error()
    {
        var notDb = Path.Combine(_dir, "notes.db");
        File.WriteAllText(notDb, "these are my notes, not a database");
        var result = Run("stories", "--db", notDb);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(notDb, result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(notDb));
    }

    [Fact]
    public void Misuse_exits_2_and_points_to_help()
    {
        var result = Run("dossier");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.Err);
        Assert.Equal(2, Run("no-such-command").ExitCode);
    }

    [Theory]
    [InlineData("ingest", "crosscheck ingest --help")]
    [InlineData("annotate", "crosscheck annotate --help")]
    [InlineData("watch", "crosscheck watch --help")]
    [InlineData("dossier", "crosscheck dossier --help")]
    public void An_unknown_option_is_named_as_one_not_taken_for_a_file_or_story(string command, string help)
    {
        // These commands take free words (paths, a story id): "--frobnicate" read as one was "no such file or directory".
        var result = Run(command, "--frobnicate", "--db", Db);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no option --frobnicate", result.Err, StringComparison.Ordinal);
        Assert.Contains(help, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("no such", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void A_word_after_a_double_dash_is_taken_as_given()
    {
        var result = Run("ingest", "--db", Db, "--", "--frobnicate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--frobnicate: no such file or directory", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_extraction_scores_the_readable_pages_and_names_a_damaged_one()
    {
        var bench = Directory.CreateDirectory(Path.Combine(_dir, "bench", "html")).Parent!.FullName;
        File.WriteAllText(Path.Combine(bench, "html", "a.html"),
            "<html><body><article><p>The harbour reopened on Monday after the storm had closed it for two days.</p></article></body></html>");
        var damaged = Path.Combine(bench, "html", "b.html.gz");
        File.WriteAllBytes(damaged, [0x1f, 0x8b, 0x08, 0x00, .. Encoding.ASCII.GetBytes("not gzip at all, a truncated download")]);
        File.WriteAllText(Path.Combine(bench, "ground-truth.json"), """
            {"a": {"articleBody": "The harbour reopened on Monday after the storm had closed it for two days."},
             "b": {"articleBody": "A page whose file is damaged."}}
            """);
        var predictions = Path.Combine(_dir, "predictions.json");

        var result = Run("eval", "extraction", bench, "--out", predictions);

        Assert.Equal(1, result.ExitCode);
        // Ingest's words for the same file: one reader of page files (Ingest's PageFile), one wording, with the fix.
        Assert.Contains($"error: {damaged}: is not valid gzip (", result.Err, StringComparison.Ordinal);
        Assert.Contains("the file is damaged: fetch it again", result.Err, StringComparison.Ordinal);
        Assert.Contains("1 page(s) not scored", result.Err, StringComparison.Ordinal);
        Assert.Contains("crosscheck", result.Out, StringComparison.Ordinal);
        var scored = JsonDocument.Parse(File.ReadAllText(predictions)).RootElement;
        Assert.Equal(["a"], scored.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("stories")]
    [InlineData("search ferry")]
    [InlineData("reprocess")]
    [InlineData("dossier s0")]
    public void Commands_that_read_a_store_refuse_a_missing_one_and_create_none(string command)
    {
        var missing = Path.Combine(_dir, "missing.db");

        CliRunner.AssertOneErrorLine(Run([.. command.Split(' '), "--db", missing]), "no database at");
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Unknown_story_is_a_clear_error()
    {
        Assert.Equal(0, Run("ingest", CliRunner.Samples, "--db", Db).ExitCode);
        var result = Run("dossier", "zzzzzz", "--db", Db);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("crosscheck stories", result.Err);
    }

    [Fact]
    public void Demo_prints_a_readable_dossier_of_the_samples()
    {
        var result = Run("demo");
        Assert.True(result.ExitCode == 0, result.Err);
        Assert.Contains("5 articles, 1 story", result.Err);
        // The copy beside the program, not one found above the working directory: what an installed tool has.
        Assert.Contains($"in {CliRunner.Samples} ...", result.Err);
        Assert.True(result.Out.Length > 500, "the dossier should be more than a header");
    }

    [Fact]
    public void Help_explains_every_command()
    {
        var help = Run("--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "ingest", "stories", "dossier", "search", "serve", "reprocess", "demo", "eval" })
            Assert.Contains(command, help.Out);
        Assert.Contains("Example", Run("ingest", "--help").Out);
    }

    [Fact]
    public void Serve_refuses_an_unsafe_configuration_before_listening()
    {
        var tokenFile = Path.Combine(_dir, "token");
        File.WriteAllText(tokenFile, "short\n");
        var shortToken = Run("serve", "--db", Db, "--token-file", tokenFile);
        Assert.Equal(1, shortToken.ExitCode);
        Assert.Contains("at least 16", shortToken.Err);

        File.WriteAllText(tokenFile, "");
        Assert.Contains("is empty", Run("serve", "--db", Db, "--token-file", tokenFile).Err);

        // Only meaningful (and only safe: the server would start) when no token comes from the environment.
        if (Environment.GetEnvironmentVariable("CROSSCHECK_TOKEN") is null)
        {
            var open = Run("serve", "--db", Db, "--urls", "http://0.0.0.0:5099");
            Assert.Equal(1, open.ExitCode);
            Assert.Contains("CROSSCHECK_TOKEN", open.Err);
        }
    }

    private static void AssertFields(JsonElement element, params string[] fields)
    {
        foreach (var field in fields) Assert.True(element.TryGetProperty(field, out _), $"missing field '{field}' in {element}");
    }

    private static void AssertEach(JsonElement dossier, string array, params string[] fields)
    {
        foreach (var item in dossier.GetProperty(array).EnumerateArray()) AssertFields(item, fields);
    }
}
