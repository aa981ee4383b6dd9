using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crosscheck.Ingest.Watching;

/// <summary>
/// What <see cref="Watcher"/> remembers between polls and across restarts: each feed's validators
/// (ETag, Last-Modified) and failures, the feed items already taken and links already fetched, the
/// files taken from watched directories, and how far each growing WARC file has been read. Kept in
/// a small JSON file beside the database, replaced atomically (written aside, then renamed), so a
/// kill at any moment leaves the old state or the new one. Losing it costs no articles: what is
/// read again is already stored (raw inputs are keyed by content hash), only fetched again.
/// </summary>
public sealed class WatchState
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Dictionary<string, FeedState> Feeds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Growing WARC files: the offset just past the last complete record read.</summary>
    public Dictionary<string, long> Warcs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Files taken from watched directories, with the size and modification time they had ("size:ticks").</summary>
    public Dictionary<string, string> Files { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Feed items taken (content hashes) and pages fetched ("page:URL"), oldest first.</summary>
    public List<string> Seen { get; init; } = [];

    /// <summary>The state in <paramref name="path"/>, or an empty one when the file does not exist yet.</summary>
    public static WatchState Load(string path)
    {
        if (!File.Exists(path)) return new WatchState();
        try
        {
            return JsonSerializer.Deserialize<WatchState>(File.ReadAllBytes(path), Json) ?? new WatchState();
        }
        catch (JsonException ex)
        {
            throw new WatchException($"{path} is not a watch state file ({ex.Message}); move it aside to start afresh (what is read again is already stored and adds nothing)");
        }
    }

    /// <summary>Writes the state to a temporary file beside <paramref name="path"/> and renames it over the old one.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, this, Json);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, full, overwrite: true);
    }
}

/// <summary>One feed's validators and failure count.</summary>
public sealed class FeedState
{
    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    /// <summary>Failures in a row; the wait before the next try doubles with each.</summary>
    public int Failures { get; set; }
}

/// <summary>A watch that cannot start (a bad source, an unreadable state file); the message says what to do.</summary>
public sealed class WatchException(string message) : Exception(message);
