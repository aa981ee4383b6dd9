namespace Crosscheck.Cli.Commands;

/// <summary>
/// Finds the project's shared folder (seeds and evaluation data, kept beside the repository and
/// never copied into it) from the working directory up, so evaluation commands need no paths.
/// </summary>
public static class SharedFolders
{
    public static string? Find(params string[] relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "shared", .. relative]);
            if (Path.Exists(candidate)) return candidate;
        }
        return null;
    }
}
