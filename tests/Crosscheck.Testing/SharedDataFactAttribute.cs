using Xunit;

namespace Crosscheck.Testing;

/// <summary>
/// A fact that needs ../shared (seeds or evaluation data, never copied into the repository);
/// reported as skipped, with the reason, on a checkout that has none.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath = "seeds")
    {
        var shared = Docs.SharedDirectory();
        if (shared is null || !Path.Exists(Path.Combine(shared, relativePath)))
            Skip = $"needs ../shared/{relativePath} beside the repository";
    }
}
