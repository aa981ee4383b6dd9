using System.Collections.Concurrent;
using Crosscheck.Core.Text;

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

    private static IReadOnlyList<string> Load(string resource) =>
        EmbeddedLines.Read(typeof(WordList).Assembly, "Crosscheck.Stories." + resource, trailingComments: true)
            .Select(entry => entry.ToLowerInvariant())
            .ToList();
}
