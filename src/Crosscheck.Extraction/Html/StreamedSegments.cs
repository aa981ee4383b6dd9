using AngleSharp.Dom;

namespace Crosscheck.Extraction.Html;

/// <summary>
/// A page rendered by streaming (React's server rendering, as Next.js sites use it) sends what was slow to render
/// after the rest: at its place a placeholder (an empty <c>&lt;template id="B:n"&gt;</c> followed by a fallback such as
/// "Loading..." up to a closing <c>&lt;!--/$--&gt;</c> comment, or a <c>&lt;template id="P:n"&gt;</c> inside another
/// part), and at the end of the body a hidden <c>&lt;div hidden id="S:n"&gt;</c> holding the part, which a small script
/// moves into the placeholder. A reader sees the part in place; the HTML alone shows only the fallback, and the part
/// hidden at the end, where it would be read as concealed or lost. Done here as the script does: the part's children
/// take the placeholder's place (and the fallback's), and the hidden holder goes.
/// </summary>
internal static class StreamedSegments
{
    private const string SegmentIdPrefix = "S:";

    /// <summary>
    /// Whether the page may hold streamed parts: the hidden holder is written exactly so by the renderer. A cheap test
    /// on the text, so that other pages are parsed without their comments, as before.
    /// </summary>
    internal static bool MayHold(string html) => html.Contains("<div hidden id=\"S:", StringComparison.Ordinal);

    /// <summary>
    /// Moves every streamed part whose placeholder is <paramref name="wanted"/> into it; returns how many were placed. A
    /// placeholder inside another part not yet placed is judged once that part is in place (a part of a part).
    /// </summary>
    internal static int Place(IDocument document, Func<IElement, bool> wanted)
    {
        var pending = document.QuerySelectorAll("div[hidden]").Where(IsSegment).ToList();
        var placed = 0;
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var segment in pending.ToList())
            {
                var key = segment.Id![SegmentIdPrefix.Length..];
                var placeholder = document.GetElementById("B:" + key) ?? document.GetElementById("P:" + key);
                if (placeholder?.Parent is not { } parent || InPendingSegment(placeholder)) continue;
                pending.Remove(segment);
                progress = true;
                if (!wanted(placeholder)) continue;
                if (placeholder.Id!.StartsWith('B')) MoveChildren(segment, parent, WithoutFallback(placeholder));
                else
                {
                    MoveChildren(segment, parent, placeholder);
                    placeholder.Remove();
                }
                segment.Remove();
                placed++;
            }
        }
        return placed;
    }

    private static bool IsSegment(IElement element) => element.Id is { } id && id.StartsWith(SegmentIdPrefix, StringComparison.Ordinal);

    private static bool InPendingSegment(IElement placeholder)
    {
        for (var ancestor = placeholder.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
            if (ancestor.LocalName == "div" && ancestor.HasAttribute("hidden") && IsSegment(ancestor)) return true;
        return false;
    }

    /// <summary>
    /// Removes a boundary's template and its fallback, up to the comment that closes the boundary (nested boundaries
    /// counted), and returns the node the part goes before (null: at the end of the parent). A template not opened by
    /// a boundary comment (comments not kept) goes alone.
    /// </summary>
    private static INode? WithoutFallback(IElement template)
    {
        if (template.PreviousSibling is not IComment)
        {
            var after = template.NextSibling;
            template.Remove();
            return after;
        }
        INode? node = template;
        var depth = 0;
        while (node is not null)
        {
            if (node is IComment comment)
            {
                if (comment.Data == "/$")
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (comment.Data is "$" or "$?" or "$!") depth++;
            }
            var next = node.NextSibling;
            node.Parent!.RemoveChild(node);
            node = next;
        }
        return node;
    }

    private static void MoveChildren(IElement from, INode parent, INode? before)
    {
        while (from.FirstChild is { } child) parent.InsertBefore(child, before);
    }
}
