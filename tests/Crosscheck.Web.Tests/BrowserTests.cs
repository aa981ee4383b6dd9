using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Crosscheck.Hosting;
using Crosscheck.Testing;
using Crosscheck.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit;

namespace Crosscheck.Web.Tests;

/// <summary>Runs only where Debian's Chromium is installed (`.ci/run` installs it); Playwright drives it, never downloads one.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = $"{ChromiumPath} is missing (install Debian's chromium package); browser tests need it";
    }
}

/// <summary>
/// The real server (Kestrel on a free loopback port, as `crosscheck serve` builds it) with the seed
/// articles and one hostile article posted through the API, and a headless Chromium.
/// </summary>
public sealed class LiveServer : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string SeedStory { get; private set; } = "";

    public string HostileArticle { get; private set; } = "";

    public JsonElement SeedDossier { get; private set; }

    /// <summary>
    /// Playwright's 30 s default is about a busy machine, not the page: `dotnet test` runs every test project at once
    /// (the reader fuzz kit keeps both cores busy for two minutes), and a click-to-page wait once ran out there while
    /// the same test took 4 s alone. A page that never arrives still fails, two minutes later.
    /// </summary>
    private const float WaitMilliseconds = 120_000;

    /// <summary>A page in its own browser context, with the waits above.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(WaitMilliseconds);
        context.SetDefaultNavigationTimeout(WaitMilliseconds);
        return await context.NewPageAsync();
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        var options = new WebOptions { Database = Path.Combine(_dir, "browser.db"), Token = CrosscheckFactory.Token };
        _app = WebServer.Build(options, Engine.WebBackend(), ["http://127.0.0.1:0"]);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();

        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CrosscheckFactory.Token);
        var seeds = await http.PostAsync("/api/articles", TestArticles.Jsonl(TestArticles.SeedBatch()));
        seeds.EnsureSuccessStatusCode();
        SeedStory = JsonDocument.Parse(await seeds.Content.ReadAsStringAsync()).RootElement.GetProperty("articles")[0].GetProperty("story_id").GetString()!;
        var hostile = await http.PostAsync("/api/articles", TestArticles.Json(TestArticles.HostileRecord()));
        hostile.EnsureSuccessStatusCode();
        HostileArticle = JsonDocument.Parse(await hostile.Content.ReadAsStringAsync()).RootElement.GetProperty("articles")[0].GetProperty("id").GetString()!;
        SeedDossier = JsonDocument.Parse(await http.GetStringAsync($"/api/stories/{SeedStory}")).RootElement.Clone();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_dir, recursive: true);
    }
}

public sealed class BrowserTests(LiveServer server) : IClassFixture<LiveServer>
{
    [ChromiumFact]
    public async Task Seed_story_shows_the_thousand_personnel_claim_in_three_articles_then_an_entity_and_a_search()
    {
        // The expectation comes from the seed articles themselves: three of them report about 1,000 men
        // (troops, mercenaries, instructors) to be deployed.
        var claim = server.SeedDossier.GetProperty("claims").EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "count" && c.GetProperty("value").GetDouble() == 1000);
        var claimArticles = claim.GetProperty("articles").EnumerateArray().Select(a => a.GetString()!).Order().ToList();
        Assert.Equal(3, claimArticles.Count);
        var claimId = claim.GetProperty("id").GetString()!;

        var page = await server.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = server.SeedDossier.GetProperty("story").GetProperty("title").GetString()! }).ClickAsync();
        await ArrivedAsync(page, $"**/stories/{server.SeedStory}", "table.matrix");

        var header = page.Locator($"table.matrix th[data-claim='{claimId}']");
        await Assertions.Expect(header).ToContainTextAsync("1,000");
        var cells = page.Locator($"table.matrix td[data-claim='{claimId}']");
        Assert.Equal(3, await cells.CountAsync());
        var cellArticles = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            cellArticles.Add((await cells.Nth(i).GetAttributeAsync("data-article"))!);
            Assert.Contains("1,000", await cells.Nth(i).InnerTextAsync());
            Assert.Contains(await cells.Nth(i).GetAttributeAsync("class"), new[] { "corroborated", "single-origin", "conflicting" });
        }
        Assert.Equal(claimArticles, cellArticles.Order().ToList());

        await page.SetViewportSizeAsync(1280, 1000);
        SaveScreenshots(await page.ScreenshotAsync(new() { FullPage = true }), await page.ScreenshotAsync());

        // An entity with its spellings: the group is written two ways across the articles.
        await page.Locator("table.entities a", new() { HasTextString = "Wagner" }).First.ClickAsync();
        await ArrivedAsync(page, "**/entities/**", "ul.variants .variant");
        var variants = await page.Locator("ul.variants .variant").AllInnerTextsAsync();
        Assert.Contains("Wagner Group", variants);
        Assert.Contains("Wagner", variants);

        // Search by a name from the header box, then open the article.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).FillAsync("Lavrov");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).PressAsync("Enter");
        await ArrivedAsync(page, "**/search?q=Lavrov", "ol.hits li a");
        await page.Locator("ol.hits li a").First.ClickAsync();
        await ArrivedAsync(page, "**/articles/**", ".article-text");
        await Assertions.Expect(page.Locator(".article-text")).ToContainTextAsync("Lavrov");
        Assert.NotEqual(0, await page.Locator(".article-text .m-person", new() { HasTextString = "Lavrov" }).CountAsync());
    }

    /// <summary>
    /// Waits for a click's page: an element only that page has, then its URL. No navigation or load-state wait: in CI
    /// both the URL wait's default "load" and its "commit" ran out after two minutes once each, on a page that had
    /// arrived (its network idle). The pages are server-rendered without script, so their element is the sign they
    /// arrived; the URL is then checked by polling it, which waits on no browser event.
    /// </summary>
    private static async Task ArrivedAsync(IPage page, string urlGlob, string elementOfThePage)
    {
        await page.Locator(elementOfThePage).First.WaitForAsync();
        await Assertions.Expect(page).ToHaveURLAsync(UrlPattern(urlGlob));
    }

    /// <summary>A URL glob as a pattern: ** any characters, * any but a slash, everything else itself.</summary>
    private static Regex UrlPattern(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");

    [ChromiumFact]
    public async Task Story_page_reads_with_javascript_off()
    {
        var page = await server.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{server.BaseUrl}/stories/{server.SeedStory}");
        Assert.NotEqual(0, await page.Locator("table.matrix td[data-claim]").CountAsync());
        Assert.NotEqual(0, await page.Locator("svg.graph line").CountAsync());
        Assert.NotEqual(0, await page.Locator("ol.timeline li").CountAsync());
    }

    [ChromiumFact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_runs_in_any_view()
    {
        var page = await server.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text);
        };

        using var http = new HttpClient();
        var article = JsonDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/api/articles/{server.HostileArticle}")).RootElement;
        var story = article.GetProperty("story").GetProperty("id").GetString()!;
        var dossier = JsonDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/api/stories/{story}")).RootElement;
        var views = new List<string> { "/", $"/stories/{story}", $"/articles/{server.HostileArticle}", "/search?q=councillor", "/search?q=harbour+council" };
        views.AddRange(dossier.GetProperty("entities").EnumerateArray().Take(3).Select(e => $"/entities/{e.GetProperty("id").GetString()}?story={story}"));

        foreach (var view in views)
        {
            await page.GotoAsync(server.BaseUrl + view);
            var text = await page.Locator("body").InnerTextAsync();
            Assert.True(await page.EvaluateAsync<bool>($"() => window.{TestArticles.ScriptFlag} === undefined"), $"script ran on {view}");
            Assert.Equal(0, await page.Locator("main script, main img, main iframe").CountAsync());
            Assert.Equal(0, await page.Locator("[onerror], a[href^='javascript:' i]").CountAsync());
            if (view.StartsWith("/entities/", StringComparison.Ordinal)) continue;
            Assert.True(text.Contains("<script>", StringComparison.Ordinal) || text.Contains("<img", StringComparison.Ordinal), $"{view} does not show the markup as text:\n{text[..Math.Min(600, text.Length)]}");
        }
        var articleText = await page.EvaluateAsync<string>("() => document.body.innerText");
        await page.GotoAsync($"{server.BaseUrl}/articles/{server.HostileArticle}");
        articleText = await page.Locator(".article-text").InnerTextAsync();
        Assert.Contains($"<script>window.{TestArticles.ScriptFlag}='body';alert('body')</script>", articleText);
        Assert.Contains("onerror=", articleText);
        Assert.Contains("javascript:window.", articleText);
        Assert.Empty(dialogs);
        // Nothing was even attempted: the policy would report a blocked inline script or handler.
        Assert.Empty(violations);
    }

    [ChromiumFact]
    public async Task A_template_page_says_on_its_story_and_article_pages_why_it_stands_alone()
    {
        // Two pages of one consent notice under unrelated headlines: the later is placed as a template page.
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CrosscheckFactory.Token);
        static string Page(string url, string headline) => JsonSerializer.Serialize(new { url, title = headline, text = headline + ".\n\n" + TemplatePageTexts.Notice });
        var posted = await http.PostAsync("/api/articles", TestArticles.Jsonl(string.Join('\n',
            Page("https://orchard-post.test/1", "Orchard growers open a cider cellar"), Page("https://lakeside-herald.test/2", "Ice skaters race across the frozen lake"))));
        posted.EnsureSuccessStatusCode();
        var template = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("articles")[1];
        var id = template.GetProperty("id").GetString()!;

        var page = await server.NewPageAsync();
        await page.GotoAsync($"{server.BaseUrl}/stories/{template.GetProperty("story_id").GetString()}");
        await Assertions.Expect(page.Locator("p.template-page")).ToContainTextAsync("template page: its text is mostly a block another page shares");
        await page.Locator($"a[href='/articles/{id}']").First.ClickAsync();
        await ArrivedAsync(page, $"**/articles/{id}", ".article-text");
        await Assertions.Expect(page.Locator("dd.template-page")).ToContainTextAsync("kept out of stories");
    }

    /// <summary>
    /// The whole page and its first screen go to the test output (TestResults). The README's copy in
    /// docs/screenshots is replaced only when asked (CROSSCHECK_UPDATE_SCREENSHOTS=1), so a test run
    /// never leaves a tracked file changed.
    /// </summary>
    private static void SaveScreenshots(byte[] fullPage, byte[] firstScreen)
    {
        var results = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        File.WriteAllBytes(Path.Combine(results, "story-full.png"), fullPage);
        File.WriteAllBytes(Path.Combine(results, "story.png"), firstScreen);
        if (Environment.GetEnvironmentVariable("CROSSCHECK_UPDATE_SCREENSHOTS") != "1") return;
        var docs = Path.Combine(Docs.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(docs);
        File.WriteAllBytes(Path.Combine(docs, "story.png"), firstScreen);
    }
}
