using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Watching;

/// <summary>An answer worth reading: 200 with its body, or 304 (not modified) without one.</summary>
internal sealed record FetchResult(HttpStatusCode Status, byte[] Body, string? ETag, string? LastModified, string? MediaType, string? Charset, Uri Address)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;
}

/// <summary>A request that gave nothing to read; the message is one line (status, timeout, size).</summary>
internal sealed class FetchException(string message) : Exception(message);

/// <summary>
/// HTTP GET as a well-behaved crawler: a User-Agent naming Crosscheck, at most one request per
/// host every <see cref="WatchOptions.HostDelay"/>, robots.txt honoured for pages, and every
/// answer bounded in size and time (a slow or endless answer is cut off, not waited for).
/// </summary>
internal sealed class PoliteFetcher : IDisposable
{
    private readonly WatchOptions _options;
    private readonly HttpClient _http;
    private readonly Dictionary<string, DateTimeOffset> _nextRequest = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _robots = new(StringComparer.OrdinalIgnoreCase);

    public PoliteFetcher(WatchOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        // The timeout is applied per request, to the body as well as the headers.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    /// <summary>
    /// GETs <paramref name="address"/> with the validators of an earlier answer (If-None-Match,
    /// If-Modified-Since). Anything but 200 or 304, a body over <paramref name="maxBytes"/>, no
    /// complete answer in time, or a network error is a <see cref="FetchException"/>.
    /// </summary>
    public async Task<FetchResult> GetAsync(Uri address, long maxBytes, CancellationToken stop, string? etag = null, string? lastModified = null)
    {
        await WaitForHost(address, stop);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var media = response.Content.Headers.ContentType;
            var final = response.RequestMessage?.RequestUri ?? address;
            var newEtag = response.Headers.ETag?.ToString();
            var newModified = response.Content.Headers.LastModified?.ToString("R");
            if (response.StatusCode == HttpStatusCode.NotModified)
                return new FetchResult(response.StatusCode, [], newEtag ?? etag, newModified ?? lastModified, null, null, final);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength > maxBytes)
                throw new FetchException($"answer of {InputLimits.Megabytes(response.Content.Headers.ContentLength.Value)} is over the {InputLimits.Megabytes(maxBytes)} limit");
            var body = await ReadBounded(response.Content, maxBytes, timeout.Token);
            return new FetchResult(response.StatusCode, body, newEtag, newModified, media?.MediaType, Charset(media), final);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            throw new FetchException($"no complete answer within {_options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            throw new FetchException(ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError} ({ex.Message})");
        }
    }

    /// <summary>
    /// Whether robots.txt lets Crosscheck fetch a page. A robots.txt that is missing (4xx) allows
    /// everything; one that cannot be read (5xx, timeout, network) disallows everything until it
    /// is tried again, as RFC 9309 asks. Each host's file is read once a <see cref="WatchOptions.RobotsLifetime"/>.
    /// </summary>
    public async Task<bool> AllowedAsync(Uri page, CancellationToken stop)
    {
        var host = page.GetLeftPart(UriPartial.Authority);
        if (!_robots.TryGetValue(host, out var cached) || cached.Until < DateTimeOffset.UtcNow)
        {
            cached = (await ReadRobots(new Uri(host + "/robots.txt"), stop), DateTimeOffset.UtcNow + _options.RobotsLifetime);
            _robots[host] = cached;
        }
        return cached.Rules.Allows(page.PathAndQuery);
    }

    private async Task<RobotsRules> ReadRobots(Uri address, CancellationToken stop)
    {
        await WaitForHost(address, stop);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500) return RobotsRules.AllowAll;
            if (status != 200) return RobotsRules.DisallowAll;
            // A robots.txt longer than the limit is read up to it, not refused.
            var body = await ReadBounded(response.Content, _options.MaxRobotsBytes, timeout.Token, truncate: true);
            return RobotsRules.Parse(Encoding.UTF8.GetString(body), WatchOptions.RobotsToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or FetchException || (ex is OperationCanceledException && !stop.IsCancellationRequested))
        {
            return RobotsRules.DisallowAll;
        }
    }

    /// <summary>Waits until the host may be asked again, and books the next slot.</summary>
    private async Task WaitForHost(Uri address, CancellationToken stop)
    {
        var now = DateTimeOffset.UtcNow;
        var slot = _nextRequest.TryGetValue(address.Authority, out var next) && next > now ? next : now;
        _nextRequest[address.Authority] = slot + _options.HostDelay;
        if (slot > now) await Task.Delay(slot - now, stop);
    }

    private static async Task<byte[]> ReadBounded(HttpContent content, long maxBytes, CancellationToken cancel, bool truncate = false)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancel)) > 0)
        {
            var room = maxBytes - buffer.Length;
            if (read > room)
            {
                if (!truncate) throw new FetchException($"answer is over the {InputLimits.Megabytes(maxBytes)} limit");
                buffer.Write(chunk, 0, (int)room);
                break;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string? Charset(MediaTypeHeaderValue? media) => string.IsNullOrWhiteSpace(media?.CharSet) ? null : media.CharSet.Trim('"', ' ');

    public void Dispose() => _http.Dispose();
}
