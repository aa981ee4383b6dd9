namespace Crosscheck.Extraction.Html;

/// <summary>
/// The repeated, linked items of a page: the entries of a category page, the cards of a shop grid, the
/// headlines and teasers of a section front. An element whose children include several of one shape (the
/// same tag and class) that mostly carry links is such a list, and each of those children an item. On an
/// article their text is furniture (related links, tags); on a page made of them it is the content, and
/// its readers expect the entries, links and all.
/// </summary>
internal sealed class LinkLists
{
    /// <summary>Whether the node lies in an item of a list (the item itself or below it).</summary>
    public bool[] InItem { get; }

    /// <summary>The parent of the items of the list holding the most item text, or -1 when the page has none.</summary>
    public int Heaviest { get; }

    /// <summary>The text characters of that list's items.</summary>
    public int HeaviestChars { get; }

    private LinkLists(bool[] inItem, int heaviest, int heaviestChars)
    {
        InItem = inItem;
        Heaviest = heaviest;
        HeaviestChars = heaviestChars;
    }

    /// <summary>
    /// Finds the lists of the page; <paramref name="excluded"/> marks nodes whose lists do not count (furniture
    /// and page headers), so that a site's menus never pass for its content. A list has at least <paramref name="minItems"/> items.
    /// </summary>
    public static LinkLists Find(PageModel page, bool[] excluded, ExtractionOptions options, int minItems)
    {
        var nodes = page.Nodes;
        var isItem = new bool[nodes.Count];
        var heaviest = -1;
        var heaviestChars = 0;
        var shapes = new Dictionary<(string Tag, string? Class), (int Count, int Linked, int Chars, int LinkChars)>();
        for (var parent = 0; parent < nodes.Count; parent++)
        {
            if (excluded[parent] || nodes[parent].End - parent < minItems + 1) continue;
            shapes.Clear();
            for (var child = parent + 1; child < nodes[parent].End; child = nodes[child].End)
            {
                var node = nodes[child];
                // Paragraphs of running text repeat one shape too, and their links are citations, not entries.
                if (node.TextChars == 0 || node.Tag is "p" or "br" or "hr") continue;
                var shape = (node.Tag, node.Element.GetAttribute("class"));
                var (count, linked, chars, linkChars) = shapes.GetValueOrDefault(shape);
                shapes[shape] = (count + 1, linked + (node.LinkChars > 0 ? 1 : 0), chars + node.TextChars, linkChars + node.LinkChars);
            }
            foreach (var (shape, (count, linked, chars, linkChars)) in shapes)
            {
                if (count < minItems || linked * 2 < count || linkChars < chars * options.MinListLinkShare) continue;
                if (chars < count * options.MinListItemChars) continue;
                for (var child = parent + 1; child < nodes[parent].End; child = nodes[child].End)
                {
                    var node = nodes[child];
                    // A child named as furniture (a sidebar's widgets, one beside another) is no entry, though it shares the shape.
                    if (node.TextChars > 0 && !excluded[child] && node.Tag == shape.Tag && string.Equals(node.Element.GetAttribute("class"), shape.Class, StringComparison.Ordinal))
                        isItem[child] = true;
                }
                if (chars > heaviestChars)
                {
                    heaviestChars = chars;
                    heaviest = parent;
                }
            }
        }
        var inItem = new bool[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            inItem[i] = isItem[i] || (nodes[i].Parent >= 0 && inItem[nodes[i].Parent]);
        return new LinkLists(inItem, heaviest, heaviestChars);
    }
}
