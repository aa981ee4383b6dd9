using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Crosscheck.Core.Text;

/// <summary>How the entries of a word list are compared with the words of a text; each caller chooses.</summary>
public enum LexiconCase
{
    /// <summary>Entries as written, compared ordinally ("May" the month, not "may" the verb).</summary>
    Exact,

    /// <summary>Entries as written, compared ordinally ignoring case (the caller looks words up as they stand).</summary>
    IgnoreCase,

    /// <summary>Entries lower-cased (invariant culture) and compared ordinally (the caller lower-cases its words first).</summary>
    Lower,
}

/// <summary>
/// The one reader of the word lists and tables every project ships as embedded resources (data, not
/// code, so they can grow without touching the rules). A list is named by its project's assembly and its
/// path inside the project ("Quotes/Data/cues.txt"); the lists several stages share live in
/// src/Crosscheck.Core/WordLists and are named through <see cref="Shared"/>. One entry per line; a '#'
/// starts a comment (a whole line or the rest of one); entries are trimmed and blank lines skipped.
/// Lists are read once per process: they never change at run time.
/// </summary>
public static class Lexicon
{
    private static readonly ConcurrentDictionary<(Assembly, string), IReadOnlyList<string>> Cache = new();

    /// <summary>The assembly holding the shared lists (src/Crosscheck.Core/WordLists/*.txt).</summary>
    public static Assembly Shared => typeof(Lexicon).Assembly;

    /// <summary>The entries of a list, cased by <paramref name="casing"/> (<see cref="LexiconCase.Lower"/> lower-cases them).</summary>
    /// <param name="assembly">The assembly that embeds the list.</param>
    /// <param name="path">Its path inside the project, e.g. "Tokens/abbreviations.txt" or, with <see cref="Shared"/>, "WordLists/months.txt".</param>
    /// <param name="casing">Whether entries are lower-cased.</param>
    public static IReadOnlyList<string> Lines(Assembly assembly, string path, LexiconCase casing)
    {
        var lines = Cache.GetOrAdd((assembly, path), key => Read(key.Item1, key.Item2));
        return casing == LexiconCase.Lower ? lines.Select(line => line.ToLowerInvariant()).ToList() : lines;
    }

    /// <summary>The entries split into fields on <paramref name="separator"/>, each field trimmed.</summary>
    public static IEnumerable<string[]> Rows(Assembly assembly, string path, LexiconCase casing, char separator = '\t') =>
        Lines(assembly, path, casing).Select(line => line.Split(separator).Select(field => field.Trim()).ToArray());

    /// <summary>The entries as a set with the comparer <paramref name="casing"/> calls for; usable with span lookups on hot paths.</summary>
    public static FrozenSet<string> Set(Assembly assembly, string path, LexiconCase casing) =>
        Set(casing, (assembly, path));

    /// <summary>One set of several lists, e.g. a shared list and a stage's own additions to it.</summary>
    public static FrozenSet<string> Set(LexiconCase casing, params (Assembly Assembly, string Path)[] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return lists.SelectMany(list => Lines(list.Assembly, list.Path, casing)).ToFrozenSet(Comparer(casing));
    }

    /// <summary>The comparer that goes with <paramref name="casing"/>, for sets and maps a caller builds from <see cref="Rows"/>.</summary>
    public static StringComparer Comparer(LexiconCase casing) =>
        casing == LexiconCase.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>Whether <paramref name="set"/> holds <paramref name="word"/>, without allocating a string.</summary>
    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>
    /// The whole text of a large table that its caller reads once into what it keeps (a model of hundreds of thousands of
    /// lines): unlike <see cref="Lines"/> it is not cached, so the table's lines do not stay in memory for the life of the
    /// process beside what was built from them. The caller reads each line's entry with <see cref="Entry"/>.
    /// </summary>
    public static string Text(Assembly assembly, string path)
    {
        using var reader = Open(assembly, path);
        return reader.ReadToEnd();
    }

    /// <summary>A line's entry as every list is read: up to a '#', trimmed; empty for a comment or a blank line.</summary>
    public static ReadOnlySpan<char> Entry(ReadOnlySpan<char> line) =>
        (line.IndexOf('#') is var hash and >= 0 ? line[..hash] : line).Trim();

    private static StreamReader Open(Assembly assembly, string path)
    {
        var resource = assembly.GetName().Name + "." + path.Replace('/', '.');
        var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(
                $"Word list '{path}' is missing from {assembly.GetName().Name} (resource '{resource}'); check the EmbeddedResource items of its .csproj.");
        return new StreamReader(stream);
    }

    private static List<string> Read(Assembly assembly, string path)
    {
        using var reader = Open(assembly, path);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var entry = Entry(line);
            if (entry.Length > 0) lines.Add(entry.Length == line.Length ? line : entry.ToString());
        }
        return lines;
    }
}
