using System.Text;

namespace Crosscheck.Extraction.Html;

/// <summary>
/// Flattens absurdly deep markup before parsing. HTML parsers check the stack of open elements
/// on every tag, so 10,000 nested elements cost quadratic time; here tags that would open
/// deeper than the limit are removed (their text stays), in one linear scan. Depth is counted
/// only for elements that are normally closed explicitly, so unclosed &lt;p&gt; or &lt;li&gt; do not
/// inflate it.
/// </summary>
internal static class DepthGuard
{
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        // elements whose end tag is often left out
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "plaintext",
    };

    /// <summary>Returns <paramref name="html"/> unchanged when it nests no deeper than <paramref name="maxDepth"/>; otherwise a flattened copy.</summary>
    public static string Flatten(string html, int maxDepth, out bool flattened)
    {
        flattened = MaxDepth(html, maxDepth + 1) > maxDepth;
        return flattened ? Rewrite(html, maxDepth) : html;
    }

    private static int MaxDepth(string html, int stopAt)
    {
        var depth = 0;
        var max = 0;
        foreach (var tag in Tags(html))
        {
            if (tag.Close) depth = Math.Max(0, depth - 1);
            else if (++depth > max && (max = depth) >= stopAt) break;
        }
        return max;
    }

    private static string Rewrite(string html, int maxDepth)
    {
        var output = new StringBuilder(html.Length);
        var open = new Stack<(string Name, bool Kept)>();
        var kept = 0;
        var copied = 0;
        foreach (var tag in Tags(html))
        {
            bool keep;
            if (!tag.Close)
            {
                keep = kept < maxDepth;
                open.Push((tag.Name, keep));
                if (keep) kept++;
            }
            else
            {
                keep = true;
                // Close the nearest open element of this name, as a parser would; unmatched end tags are left as they are.
                var scanned = 0;
                foreach (var entry in open)
                {
                    if (++scanned > 64) break;
                    if (!string.Equals(entry.Name, tag.Name, StringComparison.OrdinalIgnoreCase)) continue;
                    for (var i = 0; i < scanned; i++)
                    {
                        var popped = open.Pop();
                        if (popped.Kept) kept--;
                        if (i == scanned - 1) keep = popped.Kept;
                    }
                    break;
                }
            }
            if (keep) continue;
            output.Append(html, copied, tag.Start - copied);
            copied = tag.End;
        }
        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    private readonly record struct Tag(string Name, bool Close, int Start, int End);

    /// <summary>Start and end tags of counted elements, skipping comments and raw-text element content.</summary>
    private static IEnumerable<Tag> Tags(string html)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) yield break;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            var close = html[lt + 1] == '/';
            var nameStart = lt + (close ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0) yield break;
            var name = html[nameStart..nameEnd];
            i = gt + 1;
            if (!close && RawText.Contains(name))
            {
                var endTag = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = endTag < 0 ? html.Length : endTag;
                continue;
            }
            if (Uncounted.Contains(name) || (!close && html[gt - 1] == '/')) continue;
            yield return new Tag(name, close, lt, gt + 1);
        }
    }
}
