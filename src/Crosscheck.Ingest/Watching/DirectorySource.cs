using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Watching;

/// <summary>
/// A directory (walked recursively) into which new files are dropped. A file is taken once it is
/// complete, that is when its size and modification time are the same in two looks in a row (a
/// writer still copying it changes them), and never again unless it changes; hidden files
/// (".name", how many tools write before renaming) are left alone.
/// </summary>
internal sealed class DirectorySource(string directory, InputReader reader, WatchOptions options) : WatchSource(directory)
{
    /// <summary>Files not taken yet, with what they looked like at the last look.</summary>
    private readonly Dictionary<string, string> _lastLook = new(StringComparer.Ordinal);

    public override Task<SourceBatch> PollAsync(WatchState state, TextWriter log, CancellationToken stop)
    {
        NextDue = DateTimeOffset.UtcNow + options.ScanInterval;
        if (!Directory.Exists(Name))
        {
            log.WriteLine($"error: {Name}: the watched directory is gone; watching for it to come back");
            return Task.FromResult(SourceBatch.Nothing);
        }
        var complete = new List<(string Path, string Mark)>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        // The walk ingest uses: symbolic links to directories are not followed, and an unreadable
        // subdirectory is passed over (it would be reported again on every look).
        foreach (var file in DirectoryWalk.Files(Name).Select(entry => entry.File).OfType<string>())
        {
            present.Add(file);
            var mark = Mark(file);
            if (mark is null || (state.Files.TryGetValue(file, out var taken) && taken == mark)) continue;
            if (_lastLook.TryGetValue(file, out var last) && last == mark) complete.Add((file, mark));
            else _lastLook[file] = mark;
        }
        foreach (var gone in _lastLook.Keys.Where(path => !present.Contains(path)).ToList()) _lastLook.Remove(gone);
        // Files taken and since removed need not be remembered; the state would otherwise grow with every file ever dropped.
        var inside = Name.EndsWith(Path.DirectorySeparatorChar) ? Name : Name + Path.DirectorySeparatorChar;
        foreach (var gone in state.Files.Keys.Where(path => path.StartsWith(inside, StringComparison.Ordinal) && !present.Contains(path)).ToList()) state.Files.Remove(gone);
        if (complete.Count == 0) return Task.FromResult(SourceBatch.Nothing);
        // Read as the ingest takes them (lazily): the files' bytes are never all held at once.
        var items = reader.Read(complete.Select(c => c.Path), IngestHints.None);
        return Task.FromResult(new SourceBatch(items, remembered =>
        {
            foreach (var (path, mark) in complete)
            {
                remembered.Files[path] = mark;
                _lastLook.Remove(path);
            }
        }));
    }

    private static string? Mark(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return string.Create(CultureInfo.InvariantCulture, $"{info.Length}:{info.LastWriteTimeUtc.Ticks}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
