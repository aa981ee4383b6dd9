using System.Net;
using System.Text;
using System.Text.Json;
using Crosscheck.Hosting;
using Crosscheck.Reports;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Web.Tests;

/// <summary>The seed articles ingested once through the API; read-only tests share them.</summary>
public sealed class SeededServer : IAsyncLifetime
{
    public CrosscheckFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public JsonElement IngestResult { get; private set; }

    public string StoryId { get; private set; } = "";

    /// <summary>The Server-Timing header of the post, as "name;dur=ms" entries.</summary>
    public IReadOnlyList<string> PostTiming { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        using var writer = Factory.WriterClient();
        var response = await writer.PostAsync("/api/articles", TestArticles.Jsonl(TestArticles.SeedBatch()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        PostTiming = [.. response.Headers.GetValues("Server-Timing").SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries))];
        IngestResult = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        StoryId = IngestResult.GetProperty("articles")[0].GetProperty("story_id").GetString()!;
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ReadApiTests(SeededServer server) : IClassFixture<SeededServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public void Posting_the_seed_batch_stores_five_articles_in_one_story()
    {
        Assert.Equal(5, server.IngestResult.GetProperty("added").GetInt32());
        var stories = server.IngestResult.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("story_id").GetString()).Distinct().ToList();
        Assert.Equal([server.StoryId], stories);
        Assert.Equal(5, server.Factory.StoredRaw());
    }

    private Dictionary<string, double> PostTimingParts() => server.PostTiming.ToDictionary(entry => entry.Split(';')[0],
        entry => double.Parse(entry.Split("dur=")[1], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_post_reports_the_time_of_each_ingest_phase()
    {
        var parts = PostTimingParts();
        Assert.Contains("app", parts.Keys);
        Assert.Contains("place", parts.Keys);
        Assert.Contains("stories", parts.Keys);
        Assert.True(parts["place"] <= parts["app"], "a phase took longer than the whole request");
    }

    [LinuxFact]
    public void A_post_reports_the_cpu_time_the_ingest_thread_spent_in_each_phase()
    {
        var parts = PostTimingParts();
        // One thread places the articles: its CPU time fits in the phase's wall time (0.1 ms of rounding each).
        Assert.InRange(parts["place-cpu"], 0, parts["place"] + 0.2);
        Assert.True(parts["place-cpu"] > 0, "placing five articles took no CPU time");
    }

    [Fact]
    public async Task Story_list_pages_and_filters_by_text_and_date()
    {
        var all = await GetJson("/api/stories");
        Assert.Equal(1, all.GetProperty("total").GetInt32());
        var story = all.GetProperty("stories")[0];
        Assert.Equal(server.StoryId, story.GetProperty("id").GetString());
        Assert.Equal(5, story.GetProperty("article_count").GetInt32());
        Assert.Equal(5, story.GetProperty("outlets").GetArrayLength());

        Assert.Equal(1, (await GetJson("/api/stories?q=mercenaries")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetJson("/api/stories?q=zebrafishhatchery")).GetProperty("total").GetInt32());
        // One seed is dated, by its date line (a weekday and a day of October, the year from the weekday):
        // a range holding that month finds the story, ranges before or after it do not.
        Assert.Equal(1, (await GetJson("/api/stories?from=2021-10-01&to=2021-10-31")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetJson("/api/stories?from=2021-11-01")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetJson("/api/stories?to=2021-09-30")).GetProperty("total").GetInt32());
        var second = await GetJson("/api/stories?page=2&size=1");
        Assert.Equal(0, second.GetProperty("stories").GetArrayLength());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData(107374184)]
    [InlineData(int.MaxValue)]
    public async Task A_page_past_the_end_is_empty_even_when_page_times_size_overflows_an_int(int page)
    {
        // 107374184 × 20 is past int.MaxValue: the offset once wrapped to a negative number and the list answered page 1.
        var listed = await GetJson($"/api/stories?page={page}");
        Assert.Equal(page, listed.GetProperty("page").GetInt32());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(0, listed.GetProperty("stories").GetArrayLength());

        var html = await Client.GetStringAsync($"/?page={page}");
        Assert.DoesNotContain(Pages.Urls.Story(server.StoryId), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_story_list_says_when_the_newest_article_came_in()
    {
        using var store = server.Factory.OpenStore();
        var newest = store.LastReceived()!.Value;

        var listed = (await GetJson("/api/stories")).GetProperty("last_change").GetString();
        var page = await Client.GetStringAsync("/");

        Assert.Equal(newest, DateTimeOffset.Parse(listed!, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        Assert.Contains($"last article received {newest.UtcDateTime:yyyy-MM-dd HH:mm} UTC", page);
    }

    [Theory]
    [InlineData("/api/stories?from=15-09-2021", "from=15-09-2021 is not a date")]
    [InlineData("/api/stories?page=0", "page=0 is not a whole number")]
    [InlineData("/api/stories?size=100000", "size=100000 is not a whole number")]
    [InlineData("/api/stories?from=2021-10-01&to=2021-09-01", "is after")]
    [InlineData("/api/search", "q is missing")]
    [InlineData("/api/search?q=mali&limit=x", "limit=x")]
    public async Task Bad_query_parameters_are_400_problems(string url, string message)
    {
        await AssertProblem(await Client.GetAsync(url), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Story_endpoint_returns_exactly_the_cli_dossier_json()
    {
        var response = await Client.GetAsync($"/api/stories/{server.StoryId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        string expected;
        using (var store = server.Factory.OpenStore())
        {
            expected = DossierJson.ToJson(Engine.BuildDossier(store, store.GetStory(server.StoryId)!));
        }
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());

        // A unique prefix works as on the command line.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/stories/{server.StoryId[..6]}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        await AssertProblem(await Client.GetAsync("/api/stories/nosuchstory"), HttpStatusCode.NotFound, "no story 'nosuchstory'");
        await AssertProblem(await Client.GetAsync("/api/articles/nosucharticle"), HttpStatusCode.NotFound, "no article 'nosucharticle'");
        await AssertProblem(await Client.GetAsync("/api/entities/e-nothing"), HttpStatusCode.NotFound, "no entity 'e-nothing'");
        await AssertProblem(await Client.GetAsync($"/api/entities/e-nothing?story={server.StoryId}"), HttpStatusCode.NotFound, "in story");
        await AssertProblem(await Client.GetAsync("/api/nothing/here"), HttpStatusCode.NotFound, "no API endpoint GET /api/nothing/here");
    }

    [Fact]
    public async Task Article_endpoint_returns_the_text_with_its_annotation_layers()
    {
        var id = server.IngestResult.GetProperty("articles")[1].GetProperty("id").GetString()!;
        var article = await GetJson($"/api/articles/{id}");
        Assert.Equal(id, article.GetProperty("id").GetString());
        Assert.Equal(server.StoryId, article.GetProperty("story").GetProperty("id").GetString());
        var body = article.GetProperty("body").GetString()!;
        var layers = article.GetProperty("layers");
        foreach (var layer in new[] { "sentences", "tokens", "mentions", "quantities", "time_expressions", "quotes", "citations" })
            Assert.True(layers.TryGetProperty(layer, out _), layer);
        Assert.NotEqual(0, layers.GetProperty("mentions").GetArrayLength());
        foreach (var mention in layers.GetProperty("mentions").EnumerateArray())
        {
            var start = mention.GetProperty("start").GetInt32();
            var length = mention.GetProperty("length").GetInt32();
            Assert.Equal(body.Substring(start, length), mention.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Entity_endpoint_returns_the_variants_of_a_name_across_articles()
    {
        var dossier = await GetJson($"/api/stories/{server.StoryId}");
        var wagner = dossier.GetProperty("entities").EnumerateArray().First(e => e.GetProperty("name").GetString()!.Contains("Wagner", StringComparison.Ordinal));
        var id = wagner.GetProperty("id").GetString()!;
        foreach (var url in new[] { $"/api/entities/{id}?story={server.StoryId}", $"/api/entities/{id}" })
        {
            var entity = await GetJson(url);
            Assert.Equal(id, entity.GetProperty("id").GetString());
            var variants = entity.GetProperty("variants").EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.Contains("Wagner Group", variants);
            Assert.Contains("Wagner", variants);
            Assert.Equal(server.StoryId, entity.GetProperty("stories")[0].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Search_finds_articles_and_names_their_story()
    {
        var hits = await GetJson("/api/search?q=Lavrov");
        Assert.NotEqual(0, hits.GetArrayLength());
        Assert.All(hits.EnumerateArray(), hit => Assert.Equal(server.StoryId, hit.GetProperty("story_id").GetString()));
        Assert.Contains("Lavrov", hits[0].GetProperty("snippet").GetString());
        Assert.Equal(0, (await GetJson("/api/search?q=zebrafishhatchery")).GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_document_describes_every_endpoint()
    {
        var document = await GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/articles", "/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/entities/{id}", "/api/search" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.True(paths.GetProperty("/api/articles").TryGetProperty("post", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=Lavrov")]
    [InlineData("/search")]
    public async Task Pages_are_html_under_a_strict_content_security_policy(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Story_article_and_entity_pages_render_and_link_to_each_other()
    {
        var storyPage = await Client.GetStringAsync($"/stories/{server.StoryId}");
        Assert.Contains("class=\"matrix\"", storyPage);
        var articleId = server.IngestResult.GetProperty("articles")[0].GetProperty("id").GetString()!;
        Assert.Contains($"href=\"/articles/{articleId}\"", storyPage);
        var entityLink = System.Text.RegularExpressions.Regex.Match(storyPage, "href=\"(/entities/[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(entityLink);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(WebUtility.HtmlDecode(entityLink))).StatusCode);
        var articlePage = await Client.GetStringAsync($"/articles/{articleId}");
        Assert.Contains("class=\"m-", articlePage);
        Assert.Contains($"href=\"/stories/{server.StoryId}\"", articlePage);
    }

    [Fact]
    public async Task Unknown_pages_are_html_404s_and_api_errors_are_problem_json()
    {
        var page = await Client.GetAsync("/stories/nosuchstory");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no story &#39;nosuchstory&#39;", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/no/such/page")).StatusCode);
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return problem;
    }
}

/// <summary>Writes: each test gets its own empty store, so "nothing stored" can be checked exactly.</summary>
public sealed class WriteApiTests : IDisposable
{
    private readonly CrosscheckFactory _factory = new(options => options with { MaxBodyBytes = 64 * 1024 });

    public void Dispose() => _factory.Dispose();

    private const string FerryText = """
        Ferry services resumed in Port Mirel on Tuesday after three weeks of repairs to the northern pier, the harbour authority said in a statement.

        About 2,000 passengers a day use the crossing between Port Mirel and Kessa, according to the operator Coastal Lines, which had moved its boats to a temporary landing during the works.

        The repairs cost 4 million euros and were paid for by the regional council, which said the pier would be inspected again next spring.
        """;

    private const string Article = """{"url": "https://paper.example/a", "title": "Port strike enters second week", "text": "Dock workers in Valdora extended their strike on Monday. About 3,000 workers joined, the union said."}""";

    [Fact]
    public async Task A_template_page_says_why_it_stands_alone_on_its_story_and_article_pages_and_a_report_does_not()
    {
        using var client = _factory.WriterClient();
        string Page(string url, string headline, string text) => JsonSerializer.Serialize(new { url, title = headline, text });
        var response = await client.PostAsync("/api/articles", TestArticles.Jsonl(string.Join('\n',
            Page("https://harbour-gazette.test/1", "Minister resigns over pension reform vote", "Minister resigns over pension reform vote.\n\n" + TemplatePageTexts.Notice),
            Page("https://valley-courier.test/2", "Rickshaw driver hands out soap to passengers", "Rickshaw driver hands out soap to passengers.\n\n" + TemplatePageTexts.Notice),
            Page("https://coast-wire.test/3", "Warehouse fire closes ferry routes", TemplatePageTexts.Report))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var articles = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => (Id: a.GetProperty("id").GetString()!, Story: a.GetProperty("story_id").GetString()!)).ToList();
        Assert.Equal(3, articles.Select(a => a.Story).Distinct().Count());

        // The second notice page is the template page (the first was placed before its twin came); the report is none.
        Assert.Contains(ReportText.TemplatePage, await client.GetStringAsync($"/articles/{articles[1].Id}"), StringComparison.Ordinal);
        Assert.Contains("class=\"template-page\"", await client.GetStringAsync($"/stories/{articles[1].Story}"), StringComparison.Ordinal);
        foreach (var other in new[] { articles[0], articles[2] })
        {
            Assert.DoesNotContain("template page", await client.GetStringAsync($"/articles/{other.Id}"), StringComparison.Ordinal);
            Assert.DoesNotContain("template page", await client.GetStringAsync($"/stories/{other.Story}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_json_article_is_ingested_and_the_same_again_adds_nothing()
    {
        using var client = _factory.WriterClient();
        var first = await client.PostAsync("/api/articles", TestArticles.Json(Article));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var result = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        var id = result.GetProperty("articles")[0].GetProperty("id").GetString()!;
        Assert.EndsWith("/api/articles/" + id, first.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{id}")).StatusCode);

        var again = await client.PostAsync("/api/articles", TestArticles.Json(Article));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0, repeat.GetProperty("added").GetInt32());
        Assert.Equal(1, repeat.GetProperty("already_stored").GetInt32());
        Assert.Equal(1, _factory.StoredRaw());
    }

    [Fact]
    public async Task Publication_date_and_outlet_hints_apply_to_articles_without_them()
    {
        using var client = _factory.WriterClient();
        var response = await client.PostAsync("/api/articles?outlet=Harbour%20Weekly&published=2024-02-01", TestArticles.Json(JsonSerializer.Serialize(new { text = FerryText })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("articles")[0].GetProperty("id").GetString();
        var article = JsonDocument.Parse(await client.GetStringAsync($"/api/articles/{id}")).RootElement;
        Assert.Equal("Harbour Weekly", article.GetProperty("outlet").GetString());
        Assert.StartsWith("2024-02-01", article.GetProperty("published").GetString());

        async Task<int> Stories(string query) =>
            JsonDocument.Parse(await client.GetStringAsync("/api/stories?" + query)).RootElement.GetProperty("total").GetInt32();
        Assert.True(await Stories("from=2024-01-31&to=2024-02-02") == 1, await client.GetStringAsync("/api/stories"));
        Assert.Equal(1, await Stories("from=2024-02-01"));
        Assert.Equal(0, await Stories("to=2024-01-31"));
        Assert.Equal(0, await Stories("from=2024-02-02"));
    }

    [Fact]
    public async Task Missing_wrong_or_unconfigured_token_is_refused_and_stores_nothing()
    {
        using var anonymous = _factory.CreateClient();
        var missing = await anonymous.PostAsync("/api/articles", TestArticles.Json(Article));
        await ReadApiTests.AssertProblem(missing, HttpStatusCode.Unauthorized, "Authorization: Bearer");
        Assert.Contains("Bearer", missing.Headers.WwwAuthenticate.ToString());

        using var wrong = _factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", CrosscheckFactory.Token + "x");
        await ReadApiTests.AssertProblem(await wrong.PostAsync("/api/articles", TestArticles.Json(Article)), HttpStatusCode.Unauthorized, "does not match");

        using var readOnly = new CrosscheckFactory(options => options with { Token = null });
        using var client = readOnly.WriterClient();
        await ReadApiTests.AssertProblem(await client.PostAsync("/api/articles", TestArticles.Json(Article)), HttpStatusCode.Forbidden, "read-only");
        Assert.Equal(0, readOnly.StoredRaw());
        Assert.Equal(0, _factory.StoredRaw());
    }

    [Theory]
    [InlineData("{\"text\": \"unterminated", "invalid JSON")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"title\": \"no text\"}", "no \"text\" or \"html\" field")]
    [InlineData("   ", "is empty")]
    public async Task Bad_json_is_a_400_problem_and_stores_nothing(string body, string message)
    {
        using var client = _factory.WriterClient();
        var problem = await ReadApiTests.AssertProblem(await client.PostAsync("/api/articles", TestArticles.Json(body)), HttpStatusCode.BadRequest, message);
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString());
        Assert.Equal(0, _factory.StoredRaw());
    }

    [Fact]
    public async Task A_batch_with_one_bad_line_is_refused_whole_naming_the_line()
    {
        using var client = _factory.WriterClient();
        var batch = Article + "\n{\"text\": 42}\n" + """{"text": "Another valid article about the harbour in Kessa and its 12 cranes."}""";
        var problem = await ReadApiTests.AssertProblem(await client.PostAsync("/api/articles", TestArticles.Jsonl(batch)), HttpStatusCode.BadRequest, "POST /api/articles#2");
        var errors = problem.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        Assert.Equal("POST /api/articles#2", errors[0].GetProperty("source").GetString());
        Assert.Equal(0, _factory.StoredRaw());
    }

    [Fact]
    public async Task Oversize_bodies_are_413_with_or_without_a_content_length()
    {
        using var client = _factory.WriterClient();
        var big = "{\"text\": \"" + new string('x', 70 * 1024) + "\"}";
        await ReadApiTests.AssertProblem(await client.PostAsync("/api/articles", TestArticles.Json(big)), HttpStatusCode.RequestEntityTooLarge, "65,536-byte limit");

        // Streamed without a length: the limit is enforced while reading.
        var streamed = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new("application/json");
        await ReadApiTests.AssertProblem(await client.PostAsync("/api/articles", streamed), HttpStatusCode.RequestEntityTooLarge, "limit");
        Assert.Equal(0, _factory.StoredRaw());
    }

    [Fact]
    public async Task Other_media_types_are_415()
    {
        using var client = _factory.WriterClient();
        var form = new StringContent("text=hello", Encoding.UTF8, "application/x-www-form-urlencoded");
        await ReadApiTests.AssertProblem(await client.PostAsync("/api/articles", form), HttpStatusCode.UnsupportedMediaType, "application/x-ndjson");
        Assert.Equal(0, _factory.StoredRaw());
    }

    [Fact]
    public async Task Posted_articles_appear_on_the_next_page_load_without_restart()
    {
        using var client = _factory.WriterClient();
        Assert.Contains("No stories yet", await client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/articles", TestArticles.Json(Article))).StatusCode);
        Assert.Contains("Port strike enters second week", await client.GetStringAsync("/"));

        // Written by another process (here: a store opened directly), read on the next request too.
        using (var store = _factory.OpenStore())
        {
            var other = """{"url": "https://other.example/b", "title": "Bridge reopens after floods", "text": "The Tellin bridge reopened on Friday after two weeks of repairs costing 4 million euros."}""";
            var ingest = Engine.Ingest(store);
            ingest.Ingest(ingest.Reader.ReadPosted("test", Encoding.UTF8.GetBytes(other), batch: false, Core.Model.IngestHints.None));
        }
        Assert.Contains("Bridge reopens after floods", await client.GetStringAsync("/"));
    }

    /// <summary>A stream HttpClient cannot measure, so the request goes out without Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

public sealed class StartupCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Loopback_addresses_start_without_a_token(string url) =>
        Hosting.StartupChecks.RequireTokenOffLoopback([url], token: null, readOnly: false);

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://192.168.1.10:8080")]
    public void Other_addresses_need_a_token_or_read_only(string url)
    {
        var error = Assert.Throws<Hosting.WebConfigurationException>(() => Hosting.StartupChecks.RequireTokenOffLoopback([url], token: null, readOnly: false));
        Assert.Contains("CROSSCHECK_TOKEN", error.Message);
        Hosting.StartupChecks.RequireTokenOffLoopback([url], token: null, readOnly: true);
        Hosting.StartupChecks.RequireTokenOffLoopback([url], token: CrosscheckFactory.Token, readOnly: false);
    }

    [Fact]
    public void Short_tokens_and_empty_token_files_are_refused()
    {
        Assert.Throws<Hosting.WebConfigurationException>(() => Hosting.StartupChecks.RequireTokenOffLoopback(["http://127.0.0.1:1"], "short", false));
        var file = Path.GetTempFileName();
        try
        {
            Assert.Contains("is empty", Assert.Throws<Hosting.WebConfigurationException>(() => Hosting.StartupChecks.ReadToken(file, null)).Message);
            File.WriteAllText(file, CrosscheckFactory.Token + "\n");
            Assert.Equal(CrosscheckFactory.Token, Hosting.StartupChecks.ReadToken(file, "from-environment"));
            Assert.Equal("from-environment", Hosting.StartupChecks.ReadToken(null, "from-environment"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
