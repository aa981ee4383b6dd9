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
        var readOnly = new Option<bool>("--read-only") { Description = "Accept no articles, even with a token; required to listen beyond this machine without a token." };
        var command = new Command("serve", $"""
            Serve the web UI (stories, dossiers, articles, entities, search) and the JSON API over a database.
            Pages read the store on every request: articles ingested meanwhile (by POST or `crosscheck ingest`)
            appear on reload. API description: /openapi/v1.json.

            Examples:  crosscheck serve --db news.db
                       {TokenVariable}=$(openssl rand -hex 24) crosscheck serve --urls http://0.0.0.0:8080
            """)
        { db, urls, tokenFile, readOnly };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            // "a;b" as ASP.NET's own --urls accepts, or the option repeated.
            var addresses = result.GetValue(urls) is { Length: > 0 } given
                ? given.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()
                : [WebServer.DefaultUrl];
            var read = result.GetValue(readOnly);
            WebApplication app;
            try
            {
                var token = read ? null : StartupChecks.ReadToken(result.GetValue(tokenFile), Environment.GetEnvironmentVariable(TokenVariable));
                // Opening the store once up front turns a wrong --db into one clear line before listening.
                Engine.OpenStore(location).Dispose();
                app = WebServer.Build(new WebOptions { Database = location, Token = token }, Engine.WebBackend(), addresses, read);
            }
            catch (WebConfigurationException ex)
            {
                throw new UserError(ex.Message);
            }
            Console.Error.WriteLine($"serving {location} on {string.Join(", ", addresses)} ({(app.Services.GetRequiredService<WebOptions>().Token is null ? "read-only: set " + TokenVariable + " to accept articles" : "writes need the token")}); Ctrl+C stops");
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
