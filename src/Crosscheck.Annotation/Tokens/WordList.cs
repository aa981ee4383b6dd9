using System.Collections.Frozen;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Tokens;

/// <summary>
/// Reads the word lists shipped as embedded resources next to the code that uses them:
/// one entry per line, '#' starts a comment, blank lines ignored.
/// </summary>
internal static class WordList
{
    public static IEnumerable<string> Lines(string resourceName) =>
        EmbeddedLines.Read(typeof(WordList).Assembly, resourceName);

    /// <summary>A case-insensitive set usable with span lookups on hot paths.</summary>
    public static FrozenSet<string> CaseInsensitiveSet(string resourceName) =>
        Lines(resourceName).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
