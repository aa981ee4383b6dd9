using System.Globalization;
using System.Text;

namespace Crosscheck.Core.Text;

/// <summary>
/// A message kept to one line however hostile the names it quotes: a file may be named "a\nerror: b.html", and
/// printed as it is, its one problem would read as two lines, the second a forged "error:" of a file that does
/// not exist (and a terminal escape in a name would redraw the screen). Control characters, line and paragraph
/// separators and the bidirectional overrides are written as escapes (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>),
/// the way `ls -b` shows such names; every other character is kept.
/// </summary>
public static class OneLine
{
    /// <summary><paramref name="text"/> with every character that could break or disguise a line escaped.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(Escaped)) return text;
        var line = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!Escaped(c)) line.Append(c);
            else if (c == '\n') line.Append("\\n");
            else if (c == '\r') line.Append("\\r");
            else if (c == '\t') line.Append("\\t");
            else if (c < 0x100) line.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else line.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return line.ToString();
    }

    private static bool Escaped(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
