namespace Crosscheck.Core.Text;

/// <summary>
/// Text cut down for one line of output: messages, labels and table cells quote untrusted values
/// (titles, ids, header lines), and one oversized value must not flood a line. The result is at
/// most <c>max</c> characters, with "…" standing for what was cut.
/// </summary>
public static class Clipped
{
    /// <summary>The start of the text (a title, a header line), with "…" for the rest.</summary>
    public static string Start(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    /// <summary>The end of the text (a file path keeps its name), with "…" for the start.</summary>
    public static string End(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return text.Length <= max ? text : "…" + text[^(max - 1)..];
    }
}
