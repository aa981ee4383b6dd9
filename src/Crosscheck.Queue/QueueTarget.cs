using System.Text.RegularExpressions;

namespace Crosscheck.Queue;

/// <summary>
/// Where the work queue lives: one or more NATS server URLs (<c>nats://[user:password@]host[:port]</c>,
/// comma-separated for a cluster) and the JetStream stream that holds the queued articles.
/// Several Crosscheck deployments can share one NATS server by using different stream names.
/// </summary>
public sealed partial record QueueTarget
{
    public const string DefaultStream = "CROSSCHECK";

    public const int DefaultPort = 4222;

    private QueueTarget(string url, string display, string stream)
    {
        Url = url;
        Display = display;
        Stream = stream;
    }

    /// <summary>The URLs as given (with credentials), for the NATS client.</summary>
    public string Url { get; }

    /// <summary>The URLs without passwords, for messages.</summary>
    public string Display { get; }

    public string Stream { get; }

    /// <summary>The subject articles are published on; only this stream listens to it.</summary>
    public string Subject => "crosscheck." + Stream.ToLowerInvariant() + ".raw";

    /// <summary>The durable consumer every worker pulls from, so each article goes to one worker.</summary>
    public string Consumer => "workers";

    /// <exception cref="QueueException">The URL or stream name is not valid; the message says what is expected.</exception>
    public static QueueTarget Parse(string urls, string? stream = null)
    {
        if (string.IsNullOrWhiteSpace(urls)) throw Invalid(urls, "it is empty");
        stream = string.IsNullOrWhiteSpace(stream) ? DefaultStream : stream.Trim();
        if (!StreamName().IsMatch(stream))
            throw new QueueException($"Invalid queue stream name '{stream}': use 1 to 32 letters, digits, '_' or '-'.");
        var displays = new List<string>();
        foreach (var part in urls.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) throw Invalid(urls, "one of the comma-separated URLs is empty");
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || !part.Contains("://", StringComparison.Ordinal))
                throw Invalid(part, "it is not a URL");
            if (uri.Scheme is not ("nats" or "tls"))
                throw Invalid(part, $"the scheme '{uri.Scheme}' is not nats://");
            if (string.IsNullOrEmpty(uri.Host)) throw Invalid(part, "no host is given");
            if (uri.AbsolutePath.Trim('/').Length > 0 || uri.Query.Length > 0)
                throw Invalid(part, "a NATS URL has no path or query; name the stream with --stream");
            var port = uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port;
            var user = uri.UserInfo.Split(':')[0];
            displays.Add($"{uri.Scheme}://{(user.Length > 0 ? user + "@" : "")}{uri.Host}:{port}");
        }
        return new QueueTarget(urls.Trim(), string.Join(',', displays), stream);
    }

    /// <summary>True when a <c>--queue</c> value looks like a NATS URL at all (for telling it from a misplaced path).</summary>
    public static bool LooksLikeNats(string value) =>
        value.StartsWith("nats://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("tls://", StringComparison.OrdinalIgnoreCase);

    private static QueueException Invalid(string url, string problem) => new(
        $"Invalid NATS URL '{WithoutPassword(url)}' ({problem}). Use nats://host:port, nats://user:password@host:port, or several separated by commas.");

    private static string WithoutPassword(string url) => Crosscheck.Core.Text.Secrets.Redact(url);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex StreamName();
}
