using Xunit;

namespace Crosscheck.Testing;

/// <summary>
/// A fact that needs ../shared (seeds or evaluation data, never copied into the repository);
/// reported as skipped, with the reason, on a checkout that has none.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePaths) => Skip = SharedData.MissingReason(relativePaths);
}

/// <summary>The theory form of <see cref="SharedDataFactAttribute"/>.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(params string[] relativePaths) => Skip = SharedData.MissingReason(relativePaths);
}

internal static class SharedData
{
    /// <summary>Null when every path exists under ../shared (default: the seeds), else why the test is skipped.</summary>
    public static string? MissingReason(string[] relativePaths)
    {
        var shared = Docs.SharedDirectory();
        var missing = (relativePaths.Length == 0 ? ["seeds"] : relativePaths)
            .Where(path => shared is null || !Path.Exists(Path.Combine(shared, path)))
            .ToList();
        return missing.Count == 0 ? null : $"needs {string.Join(", ", missing.Select(p => "../shared/" + p))} beside the repository";
    }
}
