using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Crosscheck.Web.Hosting;

namespace Crosscheck.Cli.Commands;

public static class ServeCommand
{
    public const string TokenVariable = "CROSSCHECK_TOKEN";

    public static Command Create()
    {
        var db = CommonOptions.Database();
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Addresses to listen on (default {WebServer.DefaultUrl}, this machine only). Another address needs a write token or --read-only.",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = true,
        };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = $"File holding the token that POST /api/articles must send as 'Authorization: Bearer TOKEN' (else ${TokenVariable}). Without one, the server is read-only.",
            HelpName = "FILE",
        };
        var hosts = new Option<string[]>("--host")
        {
            Description = $"A host name the server answers to besides {string.Join(", ", WebOptions.LoopbackHosts)} and the addresses in --urls " +
                "(repeat for several; '*' for any, only behind a proxy that checks names). Requests naming another host in their Host header get 421, " +
                "so a web page elsewhere cannot read this server through DNS rebinding.",
            HelpName = "NAME",
        };
        var metrics = new Option<bool>("--metrics")
        {
            Description = "Serve OpenTelemetry metrics in Prometheus form at GET /metrics (articles ingested and failed, story placement time, " +
                "request latency as http_server_request_duration_seconds). Read-only; off unless given.",
        };
        var readOnly = new Option<bool>("--read-only") { Description = "Accept no articles, even with a token; required to listen beyond this machine without a token." };
        var command = new Command("serve", $"""
            Serve the web UI (stories, dossiers, articles, entities, search) and the JSON API over a database.
            Pages read the store on every request: articles ingested meanwhile (by POST or `crosscheck ingest`)
            appear on reload. API description: /openapi/v1.json.
            It answers only requests addressed to its own names (localhost, 127.0.0.1, [::1], the addresses in --urls,
            and each --host NAME): a request naming another host gets 421, so no web page elsewhere can read it by
            pointing a name of its own at this machine (DNS rebinding).
            With --metrics, GET /metrics serves counters for Prometheus (see docs/OPERATIONS.md).

            Examples:  crosscheck serve --db news.db --metrics
                       {TokenVariable}=$(openssl rand -hex 24) crosscheck serve --urls http://0.0.0.0:8080 --host news.example.org
            """)
        { db, urls, hosts, tokenFile, readOnly, metrics };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            // "a;b" as ASP.NET's own --urls accepts, or the option repeated.
            var addresses = result.GetValue(urls) is { Length: > 0 } given
                ? given.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
                : [WebServer.DefaultUrl];
            var read = result.GetValue(readOnly);
            WebApplication app;
            string shown;
            try
            {
                var token = read ? null : StartupChecks.ReadToken(result.GetValue(tokenFile), Environment.GetEnvironmentVariable(TokenVariable));
                // Opening the store once up front turns a wrong --db into one clear line before listening;
                // the store names itself without its password.
                using (var store = Engine.OpenStore(location)) shown = store.Location;
                var allowedHosts = StartupChecks.AllowedHosts(addresses, result.GetValue(hosts) ?? []);
                app = WebServer.Build(new WebOptions { Database = location, Token = token, AllowedHosts = allowedHosts, Metrics = result.GetValue(metrics) }, Engine.WebBackend(), addresses, read);
            }
            catch (WebConfigurationException ex)
            {
                throw new UserError(ex.Message);
            }
            var served = app.Services.GetRequiredService<WebOptions>();
            Console.Error.WriteLine($"serving {CommonOptions.Shown(shown)} on {string.Join(", ", addresses)} " +
                $"({(served.Token is null ? "read-only: set " + TokenVariable + " to accept articles" : "writes need the token")}" +
                $"{(served.Metrics ? "; metrics at " + MetricsEndpoint.Path : "")}); Ctrl+C stops");
            try
            {
                app.Run();
            }
            catch (IOException ex)
            {
                throw new UserError($"cannot listen on {string.Join(", ", addresses)}: {ex.Message}; choose another with --urls");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
