using System.Text;
using Crosscheck.Storage.Postgres;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// Files a command writes on request (<c>--out</c>): never the store itself, and a failed write
/// (full disk, no permission, a folder that is gone) is one error line, not a stack trace.
/// </summary>
public static class OutputFile
{
    /// <summary>The first bytes of every SQLite database file.</summary>
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>
    /// Refuses an output path that is the store's file, one of its companion files (-wal, -shm,
    /// -journal), or any other existing SQLite database: writing a report there would destroy it.
    /// Paths are compared after resolving symbolic links, so another spelling of the same file is caught too.
    /// </summary>
    public static void RequireNotStore(string path, string location, string option)
    {
        var target = Resolved(path);
        if (!PostgresTarget.IsPostgres(location))
        {
            var store = Resolved(location);
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                if (string.Equals(target, store + suffix, StringComparison.Ordinal))
                    throw new UserError($"{option} {path} is the database{(suffix.Length > 0 ? "'s " + suffix[1..] + " file" : "")} ({location}); writing there would destroy it: choose another file");
            }
        }
        if (IsSqliteDatabase(target))
            throw new UserError($"{option} {path} is an SQLite database; writing there would destroy it: choose another file");
    }

    /// <summary>
    /// Writes the file through <paramref name="write"/>; an I/O failure becomes a <see cref="UserError"/>.
    /// A file this call created is removed again, so a full disk leaves no half report behind.
    /// </summary>
    public static void Write(string path, string option, Action<TextWriter> write)
    {
        // Only a file created here is removed on failure: whatever was there before (a device such as
        // /dev/full, a pipe, someone's file) is not ours to delete.
        var created = !File.Exists(path) && !Directory.Exists(path);
        try
        {
            using var file = new StreamWriter(path);
            write(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (created) RemovePartial(path);
            throw new UserError($"cannot write {option} {path}: {Reason(ex)}");
        }
    }

    /// <summary>The system's reason alone: .NET appends " : 'PATH'", which the line names already.</summary>
    private static string Reason(Exception ex)
    {
        var message = Crosscheck.Storage.StoreCommon.OneLine(ex.Message);
        var quoted = message.IndexOf(" : '", StringComparison.Ordinal);
        return quoted > 0 && message.EndsWith('\'') ? message[..quoted] : message;
    }

    private static void RemovePartial(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The error about the write is the one worth reporting.
        }
    }

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.Exists && info.ResolveLinkTarget(returnFinalTarget: true) is { } target) return Path.GetFullPath(target.FullName);
            // The file may not exist yet while its folder is a link: resolve the folder.
            var folder = Path.GetDirectoryName(full);
            if (folder is not null && new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true) is { } linked)
                return Path.Combine(linked.FullName, Path.GetFileName(full));
        }
        catch (IOException)
        {
            // A broken or looping link: compare the path as written.
        }
        return full;
    }

    private static bool IsSqliteDatabase(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length < SqliteHeader.Length) return false;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var head = new byte[SqliteHeader.Length];
            stream.ReadExactly(head);
            return head.AsSpan().SequenceEqual(SqliteHeader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
