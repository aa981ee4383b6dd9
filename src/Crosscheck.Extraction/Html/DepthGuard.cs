using System.Collections.Frozen;
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
    private static readonly FrozenSet<string> Uncounted = new[]
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        // elements whose end tag is often left out
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "colgroup", "html", "head", "body",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RawText = new[]
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "plaintext",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Looked up by span: every page is scanned, and a string per tag name would be most of the cost.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedNames = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames = RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns <paramref name="html"/> unchanged when it nests no deeper than <paramref name="maxDepth"/>; otherwise a flattened copy.</summary>
    public static string Flatten(string html, int maxDepth, out bool flattened)
    {
        flattened = MaxDepth(html, maxDepth + 1) > maxDepth;
        return flattened ? Rewrite(html, maxDepth) : html;
    }

    /// <summary>
    /// How deep the page nests, counted as <see cref="Rewrite"/> counts it: an end tag closes the nearest open
    /// element of its name and those inside it, and an end tag that matches none closes nothing (a page of
    /// unmatched end tags between unclosed elements nests as deep as it has elements).
    /// </summary>
    private static int MaxDepth(string html, int stopAt)
    {
        var max = 0;
        var open = new List<(int NameStart, int NameLength)>();
        var scanner = new TagScanner(html);
        while (scanner.Next(out var tag))
        {
            if (!tag.Close)
            {
                open.Add((tag.NameStart, tag.NameLength));
                if (open.Count > max && (max = open.Count) >= stopAt) break;
                continue;
            }
            var name = html.AsSpan(tag.NameStart, tag.NameLength);
            for (var i = open.Count - 1; i >= Math.Max(0, open.Count - MaxEndTagSearch); i--)
            {
                if (!html.AsSpan(open[i].NameStart, open[i].NameLength).Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
                open.RemoveRange(i, open.Count - i);
                break;
            }
        }
        return max;
    }

    /// <summary>How far down the open elements an end tag looks for its element (bounded, so the scan stays linear).</summary>
    private const int MaxEndTagSearch = 64;

    private static string Rewrite(string html, int maxDepth)
    {
        var output = new StringBuilder(html.Length);
        var open = new Stack<(string Name, bool Kept)>();
        var kept = 0;
        var copied = 0;
        var scanner = new TagScanner(html);
        while (scanner.Next(out var tag))
        {
            bool keep;
            var name = html.Substring(tag.NameStart, tag.NameLength);
            if (!tag.Close)
            {
                keep = kept < maxDepth;
                open.Push((name, keep));
                if (keep) kept++;
            }
            else
            {
                keep = true;
                // Close the nearest open element of this name, as a parser would; unmatched end tags are left as they are.
                var scanned = 0;
                foreach (var entry in open)
                {
                    if (++scanned > MaxEndTagSearch) break;
                    if (!string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
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

    private readonly record struct Tag(int NameStart, int NameLength, bool Close, int Start, int End);

    /// <summary>Start and end tags of counted elements, skipping comments and raw-text element content.</summary>
    private struct TagScanner(string html)
    {
        private int _position;

        public bool Next(out Tag tag)
        {
            tag = default;
            while (_position < html.Length)
            {
                var lt = html.IndexOf('<', _position);
                if (lt < 0 || lt + 1 >= html.Length) return false;
                if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
                {
                    var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    _position = endComment < 0 ? html.Length : endComment + 3;
                    continue;
                }
                var close = html[lt + 1] == '/';
                var nameStart = lt + (close ? 2 : 1);
                var nameEnd = nameStart;
                while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-')) nameEnd++;
                if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
                {
                    _position = lt + 1;
                    continue;
                }
                var gt = html.IndexOf('>', nameEnd);
                if (gt < 0) return false;
                var name = html.AsSpan(nameStart, nameEnd - nameStart);
                _position = gt + 1;
                if (!close && RawTextNames.Contains(name))
                {
                    _position = RawTextEnd(name);
                    continue;
                }
                if (UncountedNames.Contains(name) || (!close && html[gt - 1] == '/')) continue;
                tag = new Tag(nameStart, nameEnd - nameStart, close, lt, gt + 1);
                return true;
            }
            return false;
        }

        /// <summary>Where the end tag of a raw-text element opened just before the current position starts, or the end of the page.</summary>
        private readonly int RawTextEnd(ReadOnlySpan<char> name)
        {
            for (var i = html.IndexOf("</", _position, StringComparison.Ordinal); i >= 0; i = html.IndexOf("</", i + 2, StringComparison.Ordinal))
            {
                if (i + 2 + name.Length <= html.Length && html.AsSpan(i + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            }
            return html.Length;
        }
    }
}
