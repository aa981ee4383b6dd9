using System.Text;

namespace Crosscheck.Reports;

/// <summary>
/// Writes HTML where every piece of text and every attribute value is escaped by construction:
/// the only unescaped output is markup written in this project's code (<see cref="Raw"/>), and
/// links may only point into the page itself or the server that serves it. Article text can therefore
/// never become markup, nor a link elsewhere. Both the static report and the web UI write through it.
/// </summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder _html = new(16 * 1024);

    /// <summary>Escaped text (quotes too, so it is safe inside attributes as well).</summary>
    public static string Escape(string? text) => ReportText.Html(text);

    public HtmlBuilder Text(string? text)
    {
        _html.Append(Escape(text));
        return this;
    }

    /// <summary>Markup from this project's own code; never pass data through here.</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            if (name == "href") RequireLocal(value);
            _html.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        }
        _html.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding escaped text.</summary>
    public HtmlBuilder Tag(string tag, string? text, string? cssClass = null) =>
        Open(tag, ("class", cssClass)).Text(text).Close(tag);

    public HtmlBuilder Link(string href, string? text, string? cssClass = null) =>
        Open("a", ("href", href), ("class", cssClass)).Text(text).Close("a");

    public HtmlBuilder Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();

    /// <summary>Links are built from ids (the web UI's Urls, the report's anchors); anything else (a javascript: URL from an article) is a bug.</summary>
    private static void RequireLocal(string href)
    {
        if (!(href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)) && !href.StartsWith('#') && !href.StartsWith('?'))
            throw new ArgumentException($"links must stay on this page or server, got '{href}'", nameof(href));
    }
}
