using System.Runtime.InteropServices;

namespace Crosscheck.Ingest.Inputs;

/// <summary>
/// Tells a regular file from a named pipe, device or socket without opening it: opening a named
/// pipe blocks until something writes to it, and a device such as /dev/zero never ends, so either
/// would hang an ingest. The BCL reports no file type besides directory and link, so this asks the
/// runtime's own native layer (the stat call FileInfo itself is built on, whose status record
/// starts with its flags and the mode on every Unix the runtime supports).
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>
    /// Null for a regular file (or a link to one), else what the path is ("a named pipe", …).
    /// Anything this cannot tell (Windows, where such files are not in the file system, or a
    /// runtime without the call) counts as regular.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            if (Stat(path, out var status) != 0) return null; // missing or unreadable: the read that follows says which
            return (status.Mode & TypeMask) switch
            {
                RegularFile => null,
                0x1000 => "a named pipe",
                0x2000 or 0x6000 => "a device",
                0xC000 => "a socket",
                0x4000 => "a directory",
                _ => "not a regular file",
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The start of the runtime's portable stat record; the size leaves room for the fields after the mode, never read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
}
