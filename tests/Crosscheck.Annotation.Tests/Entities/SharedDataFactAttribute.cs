using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Entities;

/// <summary>A fact that is skipped, with a message saying why, when ../shared (data and seeds) is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        var shared = Docs.SharedDirectory();
        if (shared is null || !Path.Exists(Path.Combine(shared, relativePath)))
            Skip = $"../shared/{relativePath} is not present in this checkout; the test needs it and never copies it into the repository.";
    }
}
