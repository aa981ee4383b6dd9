using System.Text;

namespace Crosscheck.Extraction;

/// <summary>Whitespace normalisation shared by every extractor, so all bodies look alike.</summary>
internal static class BodyText
{
    /// <summary>Collapses runs of whitespace (incl. no-break and zero-width spaces) to one space and trims.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        AppendCollapsed(sb, text);
        return sb.ToString().Trim();
    }

    /// <summary>Appends <paramref name="text"/> with whitespace collapsed; a leading space is kept only after non-space.</summary>
    public static void AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> text)
    {
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c)) continue;
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            pendingSpace = false;
            sb.Append(char.IsControl(c) ? ' ' : c);
        }
        if (pendingSpace && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
    }

    /// <summary>Joins paragraphs with exactly one blank line, dropping empty ones, and cuts at <paramref name="maxChars"/>.</summary>
    public static string Join(IEnumerable<string> paragraphs, int maxChars, out bool truncated)
    {
        var sb = new StringBuilder();
        truncated = false;
        foreach (var raw in paragraphs)
        {
            var paragraph = raw.Trim();
            if (paragraph.Length == 0) continue;
            if (sb.Length > 0) sb.Append("\n\n");
            if (sb.Length + paragraph.Length > maxChars)
            {
                sb.Append(paragraph.AsSpan(0, Math.Max(0, maxChars - sb.Length)));
                truncated = true;
                break;
            }
            sb.Append(paragraph);
        }
        return sb.ToString().TrimEnd();
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

    /// <summary>Characters that render as nothing: zero-width joiners, BOMs, soft hyphens.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>Counts whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsSpace(c)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }
        return count;
    }
}
