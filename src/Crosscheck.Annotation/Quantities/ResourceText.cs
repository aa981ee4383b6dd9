using System.Reflection;

namespace Crosscheck.Annotation.Quantities;

/// <summary>
/// Reads the word lists and tables shipped as embedded resources next to the code that uses them.
/// Lines starting with '#' are comments, blank lines are skipped, fields are tab- or comma-separated.
/// </summary>
internal static class ResourceText
{
    private static readonly Assembly Assembly = typeof(ResourceText).Assembly;

    /// <summary>The non-comment lines of a resource named by its folder and file, e.g. "Quantities.Data.qualifiers.txt".</summary>
    public static IEnumerable<string> Lines(string name)
    {
        var resource = "Crosscheck.Annotation." + name;
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing; check the EmbeddedResource items of Crosscheck.Annotation.csproj.");
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

    /// <summary>Lines split on tabs (each field trimmed).</summary>
    public static IEnumerable<string[]> Rows(string name, char separator = '\t') =>
        Lines(name).Select(line => line.Split(separator).Select(field => field.Trim()).ToArray());

    /// <summary>A case-insensitive set of the lines of a word list.</summary>
    public static HashSet<string> Set(string name) => new(Lines(name), StringComparer.OrdinalIgnoreCase);
}
