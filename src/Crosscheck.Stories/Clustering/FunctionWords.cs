using System.Collections.Frozen;
using System.Reflection;

namespace Crosscheck.Stories.Clustering;

/// <summary>The embedded list of function words (Resources/function-words.txt).</summary>
internal static class FunctionWords
{
    public static readonly FrozenSet<string> Set = Load();

    private static FrozenSet<string> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream("Crosscheck.Stories.Clustering.Resources.function-words.txt")
            ?? throw new InvalidOperationException("Embedded resource function-words.txt is missing from Crosscheck.Stories.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length == 0 || word.StartsWith('#')) continue;
            words.Add(word);
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
