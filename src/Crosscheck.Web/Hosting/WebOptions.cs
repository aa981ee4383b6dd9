using System.Net;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;

namespace Crosscheck.Web.Hosting;

/// <summary>Everything the server is configured with; every default is here, in one place.</summary>
public sealed record WebOptions
{
    /// <summary>The store location, as a CLI <c>--db</c> value (SQLite file or PostgreSQL URL).</summary>
    public required string Database { get; init; }

    /// <summary>The token write requests must present (<c>Authorization: Bearer ...</c>); null disables writing.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// Largest request body accepted (8 MB, the size of the largest JSONL record the CLI accepts):
    /// enough for a batch of a few hundred articles, small enough that one request cannot exhaust memory.
    /// </summary>
    public long MaxBodyBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Stories per page in the list and the API when the caller does not say.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>Upper bound on a caller's page size, so one request cannot ask for the whole store.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>Search results shown (and the most the API returns).</summary>
    public int MaxSearchResults { get; init; } = 50;

    /// <summary>
    /// Dossiers kept built (each holds its articles' text, ~40 KB per article): bounded so a server
    /// browsing thousands of stories keeps a steady footprint. A story's dossier is rebuilt when its
    /// article list changes, so live ingest never shows a stale one.
    /// </summary>
    public int DossierCacheSize { get; init; } = 32;

    /// <summary>Stories searched for an entity when the request does not name the story.</summary>
    public int EntityScanStories { get; init; } = 50;

    /// <summary>
    /// Dossiers one entity request without ?story= may build that were not built before (each costs up
    /// to a second for a large story): the rest of <see cref="EntityScanStories"/> is indexed in the
    /// background, so an anonymous caller asking for unknown ids cannot make the server build dossiers
    /// without bound, and asking again costs only index look-ups.
    /// </summary>
    public int EntityBuildsPerRequest { get; init; } = 4;

    /// <summary>
    /// The names the server answers to in the Host header (without port). A browser sends the name it
    /// resolved, so refusing other names stops DNS rebinding: a page on another site whose name is made
    /// to resolve to this machine cannot read the API. "*" accepts any name (behind a proxy that checks them).
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = LoopbackHosts;

    /// <summary>Serve <c>GET /metrics</c> (Prometheus form, see <see cref="MetricsEndpoint"/>); off unless asked for.</summary>
    public bool Metrics { get; init; }

    /// <summary>The names of this machine's loopback interface, always answered.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Shortest token accepted: a guessable token on a network address is no protection.</summary>
    public const int MinTokenLength = 16;
}

/// <summary>
/// The engine the server runs on, supplied by the composition root (the CLI's Engine), so the web
/// ingests, stores and builds dossiers exactly as the commands do.
/// </summary>
public sealed record CrosscheckBackend(
    Func<string, IStore> OpenStore,
    Func<IStore, IngestService> Ingest,
    Func<IStore, Story, Dossier> BuildDossier);

/// <summary>A configuration the server refuses to start with; the message says how to fix it.</summary>
public sealed class WebConfigurationException(string message) : Exception(message);

/// <summary>Checks made before the server listens.</summary>
public static class StartupChecks
{
    /// <summary>
    /// A server reachable from other machines must not accept writes from anyone: without a token
    /// it may only start read-only (when <paramref name="readOnly"/> is asked for explicitly).
    /// </summary>
    public static void RequireTokenOffLoopback(IEnumerable<string> urls, string? token, bool readOnly)
    {
        if (token is not null && token.Length < WebOptions.MinTokenLength)
            throw new WebConfigurationException($"the write token is {token.Length} characters; use at least {WebOptions.MinTokenLength} random characters (e.g. `openssl rand -hex 24`)");
        if (token is not null || readOnly) return;
        foreach (var url in urls)
        {
            if (!IsLoopback(url))
                throw new WebConfigurationException($"--urls {url} is reachable from other machines: set CROSSCHECK_TOKEN (or --token-file FILE) so writes need a token, or pass --read-only");
        }
    }

    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            throw new WebConfigurationException($"--urls '{url}' is not a URL; use e.g. http://127.0.0.1:5080");
        if (uri.IsLoopback) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// The Host names to answer: the loopback names, the names given (<c>--host</c>), and each
    /// specific address the server listens on (not the wildcards 0.0.0.0, [::], * or +, which name no host).
    /// </summary>
    public static IReadOnlyList<string> AllowedHosts(IEnumerable<string> urls, IEnumerable<string> names)
    {
        var hosts = new List<string>(WebOptions.LoopbackHosts);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal))
                throw new WebConfigurationException($"--host '{name}' is not a host name; give the name alone, e.g. --host news.example.org");
            hosts.Add(HostCheck.Normalize(name));
        }
        foreach (var url in urls)
        {
            if (url.Contains("://*", StringComparison.Ordinal) || url.Contains("://+", StringComparison.Ordinal)) continue;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) continue;
            if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))) continue;
            hosts.Add(HostCheck.Normalize(uri.Host));
        }
        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The token from CROSSCHECK_TOKEN or a file (the file wins); null when neither is set.</summary>
    public static string? ReadToken(string? tokenFile, string? environmentValue)
    {
        if (tokenFile is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(tokenFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new WebConfigurationException($"--token-file {tokenFile} cannot be read ({ex.Message})");
            }
            var token = text.Trim();
            if (token.Length == 0) throw new WebConfigurationException($"--token-file {tokenFile} is empty; put the token on its first line");
            return token;
        }
        return string.IsNullOrWhiteSpace(environmentValue) ? null : environmentValue.Trim();
    }
}
