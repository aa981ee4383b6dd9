using System.Reflection;

namespace Crosscheck.Core.Text;

/// <summary>
/// Reads the word lists and tables every project ships as embedded resources next to the code that
/// uses them (data, not code, so they can grow without touching the rules). One entry per line;
/// blank lines and comment lines starting with '#' are skipped; entries are trimmed.
/// </summary>
public static class EmbeddedLines
{
    /// <param name="assembly">The assembly that embeds the resource.</param>
    /// <param name="resource">The full manifest name, e.g. "Crosscheck.Annotation.Tokens.Data.abbreviations.txt".</param>
    /// <param name="trailingComments">Also cut a '#' and what follows it inside a line.</param>
    public static List<string> Read(Assembly assembly, string resource, bool trailingComments = false)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{resource}' is missing from {assembly.GetName().Name}; check the EmbeddedResource items of its .csproj.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var entry = line;
            if (trailingComments && entry.IndexOf('#') is var hash and >= 0) entry = entry[..hash];
            entry = entry.Trim();
            if (entry.Length == 0 || entry[0] == '#') continue;
            lines.Add(entry);
        }
        return lines;
    }
}
