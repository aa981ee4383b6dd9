using System.Text;
using AngleSharp.Dom;
using Crosscheck.Extraction.Heuristics;

namespace Crosscheck.Extraction.Html;

/// <summary>One element of the page, in document order, with the text statistics of its subtree.</summary>
internal struct PageNode
{
    public IElement Element;
    public string Tag;
    public int Parent;

    /// <summary>Index one past the last descendant: the subtree is [index, End).</summary>
    public int End;

    public int Depth;

    /// <summary>Its class or id names it as furniture (sharing, comments, related...).</summary>
    public bool Negative;

    /// <summary>Its class or id names it as furniture only as a container of replies (comments); see <see cref="PageModel.ReadRepliesAsContent"/>.</summary>
    public bool RepliesOnly;

    /// <summary>Its class or id names it as content (article, story, body...).</summary>
    public bool Positive;

    public int TextChars;
    public int LinkChars;
    public double Score;
    public bool Scored;
}

/// <summary>A run of text between block boundaries, owned by its nearest block element.</summary>
internal readonly record struct PageBlock(int Node, string Text, int LinkChars, int Commas);

/// <summary>
/// A flat, read-once model of a page body: elements in document order and text blocks. Built
/// by an explicit-stack walk so that deep nesting cannot overflow the call stack, with limits on
/// depth, node count and work (<see cref="WorkBudget"/>); every step of the walk costs time in proportion to the node
/// it reads, so the work bounds the time without making the text depend on the machine's load.
/// </summary>
internal sealed class PageModel
{
    public List<PageNode> Nodes { get; } = [];

    public List<PageBlock> Blocks { get; } = [];

    public bool DepthLimited { get; private set; }

    public bool NodeLimited { get; private set; }

    /// <summary>The page's <see cref="WorkBudget"/> ran out during this reading; the rest was not read.</summary>
    public bool WorkLimited { get; private set; }

    public int SkippedScripts { get; private set; }

    /// <summary>Elements not read because they are hidden or are a noscript alternative; see <see cref="Build"/>.</summary>
    public int SkippedConcealed { get; private set; }

    /// <summary>Of those, the elements skipped only because they are hidden from screen readers (aria-hidden), which a sighted reader still sees.</summary>
    public int SkippedAriaHidden { get; private set; }

    /// <summary>Of those, the hidden elements whose class, id or role names them as a disclosure's panel (an accordion's answer, a tab's pane); see <see cref="IsDisclosurePanel"/>.</summary>
    public int SkippedDisclosed { get; private set; }

    private readonly Dictionary<string, (bool Negative, bool Positive, bool RepliesOnly)> _classCache = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads the page under <paramref name="root"/>. Hidden elements and noscript alternatives are
    /// skipped unless <paramref name="readConcealed"/>: some pages render hidden and reveal their
    /// text by script, or put the readable text only in noscript, so a page that shows no text
    /// otherwise is read again with them. With <paramref name="readSkipped"/>, the elements never read as
    /// article text (menus, sidebars, footers, buttons, form controls) are read too, all but scripts and
    /// styles: the last resort of a page whose only text is there. With <paramref name="readAriaHidden"/>, elements
    /// hidden only from screen readers are read: a sighted reader sees them (a service page's cards). With
    /// <paramref name="readDisclosed"/>, hidden disclosure panels are read: the page shows them at a click.
    /// </summary>
    public static PageModel Build(IElement root, ExtractionOptions options, WorkBudget budget, bool readConcealed = false, bool readSkipped = false, bool readAriaHidden = false, bool readDisclosed = false)
    {
        var model = new PageModel();
        model.Walk(root, options, budget, readConcealed, readSkipped, readAriaHidden, readDisclosed);
        return model;
    }

    private readonly struct Frame(IElement element, int nodeIndex, int childIndex, bool inLink)
    {
        public IElement Element { get; } = element;
        public int NodeIndex { get; } = nodeIndex;
        public int ChildIndex { get; } = childIndex;
        public bool InLink { get; } = inLink;
    }

    private void Walk(IElement root, ExtractionOptions options, WorkBudget budget, bool readConcealed, bool readSkipped, bool readAriaHidden, bool readDisclosed)
    {
        var buffer = new StringBuilder();
        var linkChars = 0;
        var stack = new Stack<Frame>();
        // The element that owns the text currently gathered: the nearest open block element.
        var blockOwners = new Stack<int>();

        AddNode(root, -1, 0);
        blockOwners.Push(0);
        stack.Push(new Frame(root, 0, 0, false));
        var visited = 0;
        HashSet<IElement>? holdersOfMain = null;

        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            var children = frame.Element.ChildNodes;
            if (frame.ChildIndex >= children.Length)
            {
                CloseNode(frame.NodeIndex, buffer, ref linkChars, blockOwners);
                continue;
            }
            stack.Push(new Frame(frame.Element, frame.NodeIndex, frame.ChildIndex + 1, frame.InLink));
            var child = children[frame.ChildIndex];

            if (++visited > options.MaxNodes)
            {
                NodeLimited = true;
                break;
            }
            if (!budget.Spend())
            {
                WorkLimited = true;
                break;
            }

            if (child is IText text)
            {
                var before = buffer.Length;
                BodyText.AppendCollapsed(buffer, text.Data);
                if (frame.InLink) linkChars += buffer.Length - before;
                continue;
            }
            if (child is not IElement element) continue;

            var tag = element.LocalName;
            var concealed = tag == "noscript" || IsHidden(element, readAriaHidden);
            if (concealed && !readAriaHidden && element.GetAttribute("aria-hidden") == "true") SkippedAriaHidden++;
            if (concealed && !readConcealed)
            {
                var disclosure = tag != "noscript" && IsDisclosurePanel(element);
                if (!(disclosure && readDisclosed))
                {
                    SkippedConcealed++;
                    if (disclosure) SkippedDisclosed++;
                    continue;
                }
            }
            if (tag != "noscript" && HeuristicData.SkippedTags.Contains(tag) && !HoldsMainContent(element, root, ref holdersOfMain) && !(readSkipped && tag is not ("script" or "style")))
            {
                if (tag == "script") SkippedScripts++;
                continue;
            }
            var depth = Nodes[frame.NodeIndex].Depth + 1;
            if (depth > options.MaxDepth)
            {
                DepthLimited = true;
                continue;
            }
            var isBlock = HeuristicData.BlockTags.Contains(tag);
            if (isBlock) FlushBlock(blockOwners.Peek(), buffer, ref linkChars);
            var index = AddNode(element, frame.NodeIndex, depth);
            if (tag == "br" || tag == "hr")
            {
                CloseNode(index, buffer, ref linkChars, null);
                continue;
            }
            if (isBlock) blockOwners.Push(index);
            stack.Push(new Frame(element, index, 0, frame.InLink || tag == "a"));
        }

        // Limits hit: close what is still open so every node has its extent.
        while (stack.Count > 0) CloseNode(stack.Pop().NodeIndex, buffer, ref linkChars, blockOwners);
        AccumulateSubtreeTotals();
        ClearRepeatedFurnitureClasses(options.RepeatedClassIsLayout);
    }

    /// <summary>
    /// A sidebar, menu or footer never holds the page's main element: one that does was left unclosed (a
    /// missing end tag makes the rest of the page its content), and skipping it would skip the page.
    /// </summary>
    private static bool HoldsMainContent(IElement element, IElement root, ref HashSet<IElement>? holdersOfMain) =>
        element.LocalName is "aside" or "nav" or "footer" && (holdersOfMain ??= HoldersOfMain(root)).Contains(element);

    /// <summary>
    /// Every element under <paramref name="root"/> with a main element inside it, found in one pass over the page: asking each
    /// sidebar for a main element in its subtree cost the subtree each time, the square of the page for sidebars nested deep.
    /// </summary>
    private static HashSet<IElement> HoldersOfMain(IElement root)
    {
        var holders = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var main in root.QuerySelectorAll("main"))
        {
            // Ancestors already marked were reached from an earlier main, and so were theirs: each element is marked once.
            for (var up = main.ParentElement; up is not null && up != root && holders.Add(up); up = up.ParentElement)
            {
            }
        }
        return holders;
    }

    private int AddNode(IElement element, int parent, int depth)
    {
        var classHints = Hints(element.GetAttribute("class"));
        var idHints = Hints(element.GetAttribute("id"));
        var hints = (Negative: classHints.Negative || idHints.Negative, Positive: classHints.Positive || idHints.Positive);
        var role = element.GetAttribute("role");
        var negativeRole = role is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "alert";
        var negative = hints.Negative || negativeRole;
        // Furniture only as replies when every furniture name it bears is a reply container's.
        var repliesOnly = negative && !negativeRole && (classHints.RepliesOnly || !classHints.Negative) && (idHints.RepliesOnly || !idHints.Negative);
        if (classHints.Negative && !idHints.Negative && role is null) CountFurnitureClass(element.GetAttribute("class")!, Nodes.Count);
        Nodes.Add(new PageNode
        {
            Element = element,
            Tag = element.LocalName,
            Parent = parent,
            Depth = depth,
            Negative = negative,
            RepliesOnly = repliesOnly,
            Positive = hints.Positive,
            End = -1,
        });
        return Nodes.Count - 1;
    }

    private void CloseNode(int index, StringBuilder buffer, ref int linkChars, Stack<int>? blockOwners)
    {
        if (blockOwners is not null && blockOwners.Count > 0 && blockOwners.Peek() == index)
        {
            FlushBlock(index, buffer, ref linkChars);
            blockOwners.Pop();
        }
        var node = Nodes[index];
        node.End = Nodes.Count;
        Nodes[index] = node;
    }

    private void FlushBlock(int owner, StringBuilder buffer, ref int linkChars)
    {
        var text = buffer.ToString().Trim();
        buffer.Clear();
        var links = Math.Min(linkChars, text.Length);
        linkChars = 0;
        if (text.Length == 0 || owner < 0) return;
        var commas = 0;
        foreach (var c in text)
            if (c is ',' or '،' or '，' or '、') commas++;
        Blocks.Add(new PageBlock(owner, text, links, commas));
        var node = Nodes[owner];
        node.TextChars += text.Length;
        node.LinkChars += links;
        Nodes[owner] = node;
    }

    /// <summary>Children come after their parent in document order, so one backward pass sums subtrees.</summary>
    private void AccumulateSubtreeTotals()
    {
        var nodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Nodes);
        for (var i = nodes.Length - 1; i > 0; i--)
        {
            ref var node = ref nodes[i];
            if (node.End < 0) node.End = nodes.Length;
            if (node.Parent < 0) continue;
            nodes[node.Parent].TextChars += node.TextChars;
            nodes[node.Parent].LinkChars += node.LinkChars;
        }
        if (nodes.Length > 0 && nodes[0].End < 0) nodes[0].End = nodes.Length;
    }

    /// <summary>Nodes whose furniture status comes from their class value alone, by each furniture-like class name they wear.</summary>
    private readonly Dictionary<string, List<int>> _furnitureClassNodes = new(StringComparer.Ordinal);

    /// <summary>The furniture-like class names of each such node, in the order the nodes were counted.</summary>
    private readonly List<(int Node, string[] Names)> _furnitureClassNames = [];

    private void CountFurnitureClass(string value, int node)
    {
        // By class name, not by the whole value: page builders add a name unique to each element
        // ("elementor-element-7d7c71d") beside the names every block of the page shares.
        var names = value.ToLowerInvariant().Split(ClassSeparators, StringSplitOptions.RemoveEmptyEntries);
        var furniture = 0;
        foreach (var name in names)
        {
            if (IsUtilityClass(name)) continue;
            if (!MatchesAny(name, HeuristicData.NegativeClassHints)) continue;
            names[furniture++] = name;
            if (!_furnitureClassNodes.TryGetValue(name, out var list)) _furnitureClassNodes[name] = list = [];
            if (list.Count == 0 || list[^1] != node) list.Add(node);
        }
        // A hint found only across two names matches no one name: such an element stays furniture.
        if (furniture > 0) _furnitureClassNames.Add((node, names[..furniture]));
    }

    private static readonly char[] ClassSeparators = [' ', '\t', '\n', '\r', '\f'];

    /// <summary>A utility class with a variant ("lg:hidden") or an arbitrary value ("pt-[calc(...)]"): styling, never a name.</summary>
    private static bool IsUtilityClass(string name) => name.AsSpan().IndexOfAny(":[(") >= 0;

    /// <summary>
    /// A furniture-like class name worn by many elements that hold most of the page's text is the
    /// page's building block, not furniture: a page builder may wrap every piece of the text in a
    /// "widget" element. An element stops being furniture when every furniture-like name it wears is
    /// such a building block. Repeated captions or share buttons hold little text, and the items of
    /// a comment section sit under its one container, which stays furniture.
    /// </summary>
    private void ClearRepeatedFurnitureClasses(int minRepeats)
    {
        if (Nodes.Count == 0 || _furnitureClassNames.Count < minRepeats) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Nodes);
        // Unlinked text: a sidebar's widgets are many too, but hold mostly links.
        var pageChars = span[0].TextChars - span[0].LinkChars;
        HashSet<string>? layout = null;
        foreach (var (name, nodes) in _furnitureClassNodes)
        {
            if (nodes.Count < minRepeats) continue;
            var chars = 0;
            var countedEnd = -1;
            foreach (var index in nodes)
            {
                // Nodes come in document order: one inside a node already counted adds nothing new.
                if (index < countedEnd) continue;
                chars += span[index].TextChars - span[index].LinkChars;
                countedEnd = span[index].End;
            }
            if (chars * 2 < pageChars) continue;
            (layout ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        }
        if (layout is null) return;
        foreach (var (node, names) in _furnitureClassNames)
            if (Array.Exists(names, layout.Contains)) span[node].Negative = false;
    }

    /// <summary>
    /// On a page told to be a forum thread the replies are the content: elements named furniture only as
    /// containers of replies stop being furniture, and the scores of the content pass are cleared so that it
    /// can run again. Returns whether any element changed.
    /// </summary>
    public bool ReadRepliesAsContent()
    {
        var nodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Nodes);
        var changed = false;
        foreach (ref var node in nodes)
        {
            if (node.RepliesOnly && node.Negative)
            {
                node.Negative = false;
                changed = true;
            }
        }
        if (!changed) return false;
        ResetScores();
        return true;
    }

    /// <summary>Clears the scores of the content pass, so that it can run again on the same page.</summary>
    public void ResetScores()
    {
        foreach (ref var node in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Nodes))
        {
            node.Score = 0;
            node.Scored = false;
        }
    }

    /// <summary>Furniture and content hints of a class or id value; pages repeat the same few values, so each is judged once.</summary>
    private (bool Negative, bool Positive, bool RepliesOnly) Hints(string? value)
    {
        if (string.IsNullOrEmpty(value)) return default;
        if (!_classCache.TryGetValue(value, out var hints))
        {
            var lower = value.ToLowerInvariant();
            // A utility class with a variant or an arbitrary value ("lg:first:pt-[calc(var(--banner-min-height))]")
            // says how an element is styled, not what it is: its words name no furniture.
            if (lower.AsSpan().IndexOfAny(':', '[') >= 0)
                lower = string.Join(' ', lower.Split(ClassSeparators, StringSplitOptions.RemoveEmptyEntries).Where(name => !IsUtilityClass(name)));
            var negative = MatchesAny(lower, HeuristicData.NegativeClassHints);
            hints = (negative, MatchesAny(lower, HeuristicData.PositiveClassHints), negative && !MatchesAny(lower, HeuristicData.NonReplyNegativeClassHints));
            _classCache[value] = hints;
        }
        return hints;
    }

    private static bool MatchesAny(string classAndId, string[] hints)
    {
        foreach (var hint in hints)
            if (classAndId.Contains(hint, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// Whether a hidden element is a disclosure's panel: an accordion's or a FAQ's answer, a collapsed section, a tab's
    /// pane, or an element hidden until found (which the browser's find-in-page reveals). Its text is the page's, shown
    /// at a click; a hidden menu, dialog or pop-up names itself otherwise.
    /// </summary>
    private static bool IsDisclosurePanel(IElement element)
    {
        if (string.Equals(element.GetAttribute("hidden"), "until-found", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(element.GetAttribute("role"), "tabpanel", StringComparison.OrdinalIgnoreCase)) return true;
        return NamesDisclosure(element.GetAttribute("class")) || NamesDisclosure(element.GetAttribute("id"));
    }

    private static bool NamesDisclosure(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var lower = value.ToLowerInvariant();
        return MatchesAny(lower, HeuristicData.DisclosureClassHints) && !MatchesAny(lower, HeuristicData.NegativeClassHints);
    }

    private static bool IsHidden(IElement element, bool readAriaHidden)
    {
        if (element.HasAttribute("hidden")) return true;
        if (!readAriaHidden && element.GetAttribute("aria-hidden") == "true") return true;
        var style = element.GetAttribute("style");
        if (style is null) return false;
        return style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase);
    }
}
