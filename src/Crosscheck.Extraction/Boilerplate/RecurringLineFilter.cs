using Crosscheck.Core.Text;

namespace Crosscheck.Extraction.Boilerplate;

/// <summary>
/// Corpus-level boilerplate: a paragraph that recurs word for word in several articles of the
/// same outlet (a site blurb, a subscription pitch, a standard disclaimer) is not part of any
/// one of them. No published extractor uses this signal because they see one page at a time.
/// </summary>
public sealed class RecurringLineFilter(int minArticles = 3, double minShare = 0.3, int maxLineChars = 600)
{
    /// <summary>Articles a paragraph must appear in before it counts as boilerplate (default 3).</summary>
    public int MinArticles { get; } = minArticles;

    /// <summary>Share of the given articles a paragraph must appear in (default 0.3).</summary>
    public double MinShare { get; } = minShare;

    /// <summary>Paragraphs longer than this are never dropped: long identical text is syndication, not chrome (default 600).</summary>
    public int MaxLineChars { get; } = maxLineChars;

    /// <summary>The paragraphs (as they appear in the bodies) to drop from the bodies of one outlet.</summary>
    public IReadOnlySet<string> LinesToDrop(IReadOnlyList<string> bodies)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var articlesByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var original = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (paragraph.Length > MaxLineChars) continue;
                var key = TextFold.ForMatching(paragraph);
                if (!seen.Add(key)) continue;
                articlesByKey[key] = articlesByKey.GetValueOrDefault(key) + 1;
                if (!original.TryGetValue(key, out var forms)) original[key] = forms = new HashSet<string>(StringComparer.Ordinal);
                forms.Add(paragraph);
            }
        }
        var needed = Math.Max(MinArticles, (int)Math.Ceiling(bodies.Count * MinShare));
        var drop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, count) in articlesByKey)
            if (count >= needed) drop.UnionWith(original[key]);
        return drop;
    }

    /// <summary>The body without the given paragraphs, still separated by one blank line.</summary>
    public static string Remove(string body, IReadOnlySet<string> lines) =>
        string.Join("\n\n", body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => !lines.Contains(p)));
}
