using System.Collections.Frozen;

namespace Crosscheck.Annotation.Tokens;

/// <summary>
/// Reads the word lists shipped as embedded resources next to the code that uses them:
/// one entry per line, '#' starts a comment, blank lines ignored.
/// </summary>
internal static class WordList
{
    public static IEnumerable<string> Lines(string resourceName)
    {
        var assembly = typeof(WordList).Assembly;
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded word list '{resourceName}' is missing from {assembly.GetName().Name}; check the EmbeddedResource items in the .csproj.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            lines.Add(trimmed);
        }
        return lines;
    }

    /// <summary>A case-insensitive set usable with span lookups on hot paths.</summary>
    public static FrozenSet<string> CaseInsensitiveSet(string resourceName) =>
        Lines(resourceName).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
