using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Watching;

/// <summary>How often <see cref="Watcher"/> looks at its sources and how politely it fetches.</summary>
public sealed record WatchOptions
{
    /// <summary>The product token robots.txt groups are matched against.</summary>
    public const string RobotsToken = "Crosscheck";

    /// <summary>Time between two polls of one feed when it answers (5 minutes).</summary>
    public TimeSpan FeedInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time between two looks at the watched directories and WARC files (5 seconds; a look that finds nothing costs a directory listing).</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait before a failing feed is tried again; the wait doubles with each failure up to it (6 hours).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Least time between two requests to one host (1 second), so a feed of a hundred links never hammers a site.</summary>
    public TimeSpan HostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The whole of one answer, headers and body, must arrive within this (30 seconds).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent with every request, so site owners can tell who is fetching.</summary>
    public string UserAgent { get; init; } = $"{RobotsToken}/1.0 (crosscheck watch; news story clustering)";

    /// <summary>Largest robots.txt read (500 KB, as major crawlers do); the rest is ignored.</summary>
    public int MaxRobotsBytes { get; init; } = 500 * 1024;

    /// <summary>A robots.txt is fetched again after this long (1 day).</summary>
    public TimeSpan RobotsLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Size limits: a feed may be up to <see cref="InputLimits.MaxFileBytes"/>, a fetched page up to
    /// <see cref="InputLimits.MaxRecordBytes"/>; everything fetched is untrusted input.
    /// </summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>How many item keys (links fetched, items taken) are remembered, newest kept (100,000).</summary>
    public int MaxRemembered { get; init; } = 100_000;
}
