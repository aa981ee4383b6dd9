using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crosscheck.Hosting;
using Crosscheck.Storage;
using Crosscheck.Testing;
using Crosscheck.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Crosscheck.Web.Tests;

/// <summary>
/// The web app in-process over a real SQLite file in a temporary folder, built from the same
/// <see cref="WebServer.AddCrosscheckWeb"/> / <see cref="WebServer.UseCrosscheckWeb"/> as `crosscheck serve`.
/// The type argument only names an assembly with a deps file (this one); no Main is run,
/// <see cref="CreateHostBuilder"/> builds the host.
/// </summary>
public sealed class CrosscheckFactory : WebApplicationFactory<CrosscheckFactory>
{
    public const string Token = "test-token-0123456789abcdef";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-web-").FullName;

    private readonly CrosscheckBackend _backend;

    /// <param name="configure">Changes to the default options.</param>
    /// <param name="backend">The engine, when a test watches what the server asks of it; else the real one.</param>
    public CrosscheckFactory(Func<WebOptions, WebOptions>? configure = null, CrosscheckBackend? backend = null)
    {
        var options = new WebOptions { Database = Path.Combine(_dir, "web.db"), Token = Token };
        Options = configure is null ? options : configure(options);
        _backend = backend ?? Engine.WebBackend();
    }

    public WebOptions Options { get; }

    public string Database => Options.Database;

    /// <summary>The store file opened directly, as another process would see it.</summary>
    public IStore OpenStore() => Engine.OpenStore(Database);

    public int StoredRaw()
    {
        if (!File.Exists(Database)) return 0;
        using var store = OpenStore();
        return store.CountRaw();
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ContentRootKey, AppContext.BaseDirectory)
            .ConfigureServices(services => services.AddCrosscheckWeb(Options, _backend))
            .Configure(app => app.UseCrosscheckWeb()));

    // The factory guesses a content root from the type argument's assembly name (a folder that does not
    // exist for a test assembly); the server serves everything from its assemblies, so any folder will do.
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        return base.CreateHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing request; the temporary folder is cleaned by the OS.
            }
        }
    }

    public HttpClient WriterClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}

/// <summary>Articles for the tests: the bundled seed articles as JSON records, and hostile ones.</summary>
public static class TestArticles
{
    public static IReadOnlyList<string> SeedFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Docs.RepositoryRoot(), "samples", "seeds"), "*.txt").Order(StringComparer.Ordinal)];

    /// <summary>The seeds as one JSONL batch, each with its own web address so outlets differ.</summary>
    public static string SeedBatch() => string.Join('\n', SeedFiles().Select((path, i) =>
        JsonSerializer.Serialize(new { url = $"https://seed{i + 1}.example/{Path.GetFileNameWithoutExtension(path)}", text = File.ReadAllText(path) })));

    public const string ScriptFlag = "__crosscheckXss";

    /// <summary>Markup that would run script if any view rendered it instead of escaping it.</summary>
    public static string HostileRecord() => JsonSerializer.Serialize(new
    {
        url = "https://hostile.example/story",
        title = $"Harbour council vote <script>window.{ScriptFlag}='title';alert('title')</script>",
        published = "2024-03-05T10:00:00Z",
        text = $"""
            Harbour council vote <script>window.{ScriptFlag}='body';alert('body')</script> ends in a tie.

            Councillor Maria Lindqvist said the harbour would hire 40 new pilots <img src=x onerror="window.{ScriptFlag}='img';alert('img')"> next year.

            Details at <a href="javascript:window.{ScriptFlag}='link'">javascript:window.{ScriptFlag}='link'</a> and on the council site.
            """,
    });

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Jsonl(string lines) => new(lines, Encoding.UTF8, "application/x-ndjson");
}
