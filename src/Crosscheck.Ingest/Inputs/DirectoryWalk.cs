namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// The files under a directory, recursively, in a stable order (the ordinal order of their full
/// paths), streamed: one directory's listing is held at a time per level, never the whole tree's,
/// so the first file is read at once however large the tree. Symbolic links to directories are
/// not followed (two links back up the tree would make the walk endless) and are reported as
/// skipped; hidden and system entries are left out. A directory that cannot be listed is one
/// problem; the walk goes on with the others.
/// </summary>
internal static class DirectoryWalk
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Each file (a path to read) or each thing not read (a bad or skipped input naming it).</summary>
    public static IEnumerable<WalkEntry> Files(string root)
    {
        var pending = new Stack<IEnumerator<FileSystemInfo>>();
        var listing = List(root, out var problem);
        if (problem is not null)
        {
            yield return new WalkEntry(null, new BadInput(root, problem));
            yield break;
        }
        pending.Push(listing.GetEnumerator());
        while (pending.Count > 0)
        {
            var entries = pending.Peek();
            if (!entries.MoveNext())
            {
                entries.Dispose();
                pending.Pop();
                continue;
            }
            var entry = entries.Current;
            var isLink = entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
            if (entry is not DirectoryInfo directory)
            {
                yield return new WalkEntry(entry.FullName, null);
            }
            else if (isLink)
            {
                yield return new WalkEntry(null, new SkippedInput(entry.FullName, "a symbolic link to a directory; not followed (name the directory itself to read it)"));
            }
            else
            {
                var inner = List(directory.FullName, out var unreadable);
                if (unreadable is not null) yield return new WalkEntry(null, new BadInput(directory.FullName, unreadable));
                else pending.Push(inner.GetEnumerator());
            }
        }
    }

    /// <summary>
    /// One directory's entries, ordered as their full paths sort: a directory sorts as its name
    /// followed by the separator, which is how every path inside it starts.
    /// </summary>
    private static List<FileSystemInfo> List(string directory, out string? problem)
    {
        problem = null;
        try
        {
            return [.. new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel).OrderBy(SortKey, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = $"directory cannot be read ({ex.Message})";
            return [];
        }
    }

    private static string SortKey(FileSystemInfo entry) => entry is DirectoryInfo ? entry.Name + Path.DirectorySeparatorChar : entry.Name;
}

/// <summary>One step of a <see cref="DirectoryWalk"/>: a file to read, or an input that is not read (with why).</summary>
internal readonly record struct WalkEntry(string? File, InputItem? NotRead);
