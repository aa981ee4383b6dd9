using System.Globalization;
using System.Net;
using System.Text.Json;
using Crosscheck.Hosting;
using Crosscheck.Testing;
using Crosscheck.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Crosscheck.Web.Tests;

/// <summary>The server as people who run it see it: which hosts it answers, and its metrics.</summary>
public sealed class HostCheckTests : IDisposable
{
    private readonly CrosscheckFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient ClientFor(string host) => _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}:5080") });

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Loopback_names_are_answered(string host)
    {
        using var client = ClientFor(host);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stories")).StatusCode);
    }

    [Theory]
    [InlineData("/api/stories")]
    [InlineData("/")]
    public async Task Another_host_name_is_refused_before_anything_is_read(string path)
    {
        // What a page of attacker.example sees after pointing its name at 127.0.0.1 (DNS rebinding).
        using var client = ClientFor("attacker.example");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("does not answer to the host name", body, StringComparison.Ordinal);
        Assert.Contains("attacker.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_given_with_host_are_answered()
    {
        using var factory = new CrosscheckFactory(options => options with { AllowedHosts = StartupChecks.AllowedHosts(["http://127.0.0.1:5080"], ["news.example.org"]) });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://NEWS.example.org") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stories")).StatusCode);
    }

    [Fact]
    public void The_addresses_listened_on_are_served_and_wildcards_name_no_host()
    {
        var hosts = StartupChecks.AllowedHosts(["http://192.168.1.10:8080", "http://0.0.0.0:8081", "http://*:8082", "http://[::]:8083"], ["Example.org."]);
        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "Example.org", "192.168.1.10"], hosts);
        Assert.Throws<WebConfigurationException>(() => StartupChecks.AllowedHosts([], ["http://example.org/"]));
    }
}

/// <summary>
/// Runs alone (after the parallel tests, one at a time). OpenTelemetry listens to meters by name across the
/// process, so the hosting meter of every other test's server feeds the same <c>http_server_request_duration</c>
/// stream; when one of those servers is disposed the stream is closed, and this server's requests are not
/// exported after the next scrape. One server per process, as <c>serve</c> runs, never sees this.
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_off_unless_asked_for()
    {
        using var factory = new CrosscheckFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Counters_move_while_articles_are_posted_and_the_endpoint_is_read_only()
    {
        using var factory = new CrosscheckFactory(options => options with { Metrics = true });
        using var client = factory.CreateClient();
        using var writer = factory.WriterClient();
        var before = Parse(await client.GetStringAsync("/metrics"));

        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/articles", TestArticles.Jsonl(TestArticles.SeedBatch()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostAsync("/api/articles", TestArticles.Json("""{"url": "https://paper.example/empty"}"""))).StatusCode);
        // A request's duration is recorded as it completes, which may be just after its client has the answer.
        string text;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            text = await client.GetStringAsync("/metrics");
        }
        while (Value(Parse(text), "http_server_request_duration_seconds_count", "http_route=\"/api/articles\"") < 2 && waited.Elapsed < TimeSpan.FromSeconds(10));
        var after = Parse(text);

        // Other tests in this process may post too (the meter is the process's): at least this test's work is counted.
        Assert.True(Value(after, "crosscheck_articles_ingested_total") >= Value(before, "crosscheck_articles_ingested_total") + 5, "five articles ingested");
        Assert.True(Value(after, "crosscheck_articles_failed_total") >= Value(before, "crosscheck_articles_failed_total") + 1, "one bad article");
        Assert.True(Value(after, "crosscheck_story_placement_duration_seconds_count") >= Value(before, "crosscheck_story_placement_duration_seconds_count") + 1, "stories placed");
        Assert.True(Value(after, "http_server_request_duration_seconds_count", "http_route=\"/api/articles\"") >= 2, "request latency of the posts:\n" + text);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await writer.PostAsync("/metrics", TestArticles.Json("{}"))).StatusCode);
    }

    /// <summary>Prometheus text: each sample line as (name with labels, value).</summary>
    private static List<(string Series, double Value)> Parse(string text) =>
        [.. text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(line =>
        {
            var space = line.LastIndexOf(' ');
            return (line[..space], double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
        })];

    /// <summary>The sum over every series of the metric (whose labels contain <paramref name="label"/>); 0 when absent.</summary>
    private static double Value(List<(string Series, double Value)> samples, string name, string label = "") =>
        samples.Where(s => (s.Series == name || s.Series.StartsWith(name + "{", StringComparison.Ordinal)) && s.Series.Contains(label, StringComparison.Ordinal)).Sum(s => s.Value);
}

/// <summary>
/// An entity request without ?story= on a store of many stories: an id no story holds must not make
/// the server build every large story's dossier, request after request.
/// </summary>
public sealed class EntityLookupCostTests : IDisposable
{
    private int _builds;
    private readonly CrosscheckFactory _factory;

    public EntityLookupCostTests()
    {
        var real = Engine.WebBackend();
        // A cache of two dossiers: the index of entity ids must outlive the dossiers themselves.
        _factory = new CrosscheckFactory(options => options with { DossierCacheSize = 2 }, real with
        {
            BuildDossier = (store, story) =>
            {
                Interlocked.Increment(ref _builds);
                return real.BuildDossier(store, story);
            },
        });
        // Stored directly, not posted: a post warms dossiers in the background, which would blur the count.
        var input = Path.Combine(Path.GetDirectoryName(_factory.Database)!, "synthetic.jsonl");
        File.WriteAllLines(input, SyntheticNews.Lines(14));
        using var store = _factory.OpenStore();
        Engine.Ingest(store).Ingest([input], new Core.Model.IngestHints());
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_unknown_entity_builds_a_bounded_number_of_dossiers_and_asking_again_builds_none()
    {
        using var client = _factory.CreateClient();
        int stories;
        using (var store = _factory.OpenStore()) stories = store.GetStories().Count;
        Assert.True(stories > _factory.Options.EntityBuildsPerRequest * 2, $"the synthetic news forms only {stories} stories");

        var first = await client.GetAsync("/api/entities/e-0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.True(Volatile.Read(ref _builds) <= _factory.Options.EntityBuildsPerRequest + _factory.Options.DossierCacheSize / 2 + 1,
            $"{_builds} dossiers built for one unknown entity");

        // The rest is indexed in the background; asking again (as an attacker would) then costs no build at all.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string detail;
        do
        {
            await Task.Delay(200);
            detail = JsonDocument.Parse(await (await client.GetAsync("/api/entities/e-0000000000000000")).Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        }
        while (detail.Contains("being indexed", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains($"in the {stories} largest stories", detail, StringComparison.Ordinal);
        var settled = Volatile.Read(ref _builds);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/entities/e-{i:D16}")).StatusCode);
        Assert.Equal(settled, Volatile.Read(ref _builds));

        // An entity of the smallest story (the last to be searched) is still found without naming the story.
        string smallest, entity;
        using (var store = _factory.OpenStore())
        {
            var story = store.GetStories().OrderBy(s => s.ArticleIds.Count).ThenByDescending(s => s.Id, StringComparer.Ordinal).First();
            smallest = story.Id;
            entity = Engine.BuildDossier(store, story).Entities[0].Id;
        }
        var found = JsonDocument.Parse(await client.GetStringAsync($"/api/entities/{entity}")).RootElement;
        Assert.Contains(found.GetProperty("stories").EnumerateArray(), s => s.GetProperty("id").GetString() == smallest);
    }
}
