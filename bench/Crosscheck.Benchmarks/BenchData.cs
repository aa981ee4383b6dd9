using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Benchmarks;

/// <summary>Real inputs for the benchmarks: the evaluation data beside the repository, else the bundled samples.</summary>
public static class BenchData
{
    public static string? Shared(params string[] relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "shared", .. relative]);
            if (Path.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static IReadOnlyList<RawInput> HtmlPages()
    {
        var dir = Shared("data", "extraction-aeb-dev", "html") ?? throw new InvalidOperationException("needs ../shared/data/extraction-aeb-dev");
        return [.. Directory.EnumerateFiles(dir, "*.html").Order(StringComparer.Ordinal).Take(20).Select(path =>
        {
            var bytes = File.ReadAllBytes(path);
            return new RawInput { Id = ContentHash.Of(bytes), Source = path, Kind = RawKind.Html, Content = bytes };
        })];
    }

    /// <summary>Article texts: the bundled sample articles (always present).</summary>
    public static IReadOnlyList<string> Texts()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "samples");
        return [.. Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
    }
}
