using System.Collections.Concurrent;
using System.Reflection;

namespace Crosscheck.Stories.Consolidation;

/// <summary>
/// Word lists kept as embedded data files next to the code that reads them: one entry per line,
/// '#' starts a comment. Loaded once per process because they never change at run time.
/// </summary>
internal static class WordList
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new();

    /// <summary>The entries of a resource such as "Entities.titles.txt", lower-cased and trimmed.</summary>
    public static IReadOnlyList<string> Lines(string resource) => Cache.GetOrAdd(resource, Load);

    public static HashSet<string> Set(string resource) => new(Lines(resource), StringComparer.Ordinal);

    private static IReadOnlyList<string> Load(string resource)
    {
        var assembly = typeof(WordList).Assembly;
        var name = "Crosscheck.Stories." + resource;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded word list '{name}' is missing; check the EmbeddedResource items of Crosscheck.Stories.csproj.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim().ToLowerInvariant();
            if (line.Length > 0) lines.Add(line);
        }
        return lines;
    }
}
