using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quantities;

/// <summary>
/// Reads the word lists and tables shipped as embedded resources next to the code that uses them.
/// Lines starting with '#' are comments, blank lines are skipped, fields are tab- or comma-separated.
/// </summary>
internal static class ResourceText
{
    /// <summary>The non-comment lines of a resource named by its folder and file, e.g. "Quantities.Data.qualifiers.txt".</summary>
    public static IEnumerable<string> Lines(string name) =>
        EmbeddedLines.Read(typeof(ResourceText).Assembly, "Crosscheck.Annotation." + name);

    /// <summary>Lines split on tabs (each field trimmed).</summary>
    public static IEnumerable<string[]> Rows(string name, char separator = '\t') =>
        Lines(name).Select(line => line.Split(separator).Select(field => field.Trim()).ToArray());

    /// <summary>A case-insensitive set of the lines of a word list.</summary>
    public static HashSet<string> Set(string name) => new(Lines(name), StringComparer.OrdinalIgnoreCase);
}
