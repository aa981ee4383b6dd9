using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.PlainText;

namespace Crosscheck.Extraction.Html;

/// <summary>
/// Finds the article in an HTML page. Text blocks vote for the elements above them (more for
/// longer, comma-rich prose, less for linked text); the best-scoring container, with those of
/// its siblings that also hold article-like text, is the article. Inside it, furniture is
/// dropped block by block: link lists, subtrees whose class names them as furniture, short
/// lines made of UI vocabulary, and site notices.
/// </summary>
internal sealed partial class HtmlContentExtractor(ExtractionOptions options)
{
    /// <summary>
    /// Attributes the extractor reads (class and visibility for the content pass, the rest for
    /// metadata). Building attribute objects is a large part of parsing, and a page carries
    /// dozens per element (data-*, srcset, event handlers) that nothing here looks at; an attribute
    /// read anywhere in Html/ must be listed here.
    /// </summary>
    private static readonly FrozenSet<string> AttributesRead = new[]
    {
        "class", "id", "role", "hidden", "aria-hidden", "style",
        "property", "name", "itemprop", "content", "rel", "href", "type", "datetime", "itemtype",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AttributeNames = AttributesRead.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
        ShouldEmitAttribute = (ref StructHtmlToken _, ReadOnlyMemory<char> name) => AttributeNames.Contains(name.Span),
    };

    /// <summary>Cells longer than this are prose (a layout table), not data, and are not joined into row lines.</summary>
    private const int MaxTableCellChars = 200;

    /// <summary>A description up to this long is a summary written for search results (their usual limit); a longer one is an excerpt of the text, and may stand in for an empty body.</summary>
    private const int MinDescriptionBodyChars = 160;

    /// <summary>A paragraph at least this long may be dropped as a repeat of an earlier one (see <see cref="WithoutRepeatedParagraphs"/>).</summary>
    private const int MinRepeatedParagraphChars = 80;

    /// <summary>Text a wrapper may hold besides the quotation it wraps (a caption, a "view on..." line) and still count as its wrapper.</summary>
    private const int EmbedWrapperSlackChars = 120;

    /// <summary>Whether the HTML is a page (it opens an html, head or body element) rather than a fragment of one.</summary>
    internal static bool IsWholePage(string html) => PageElementTag().IsMatch(html);

    [GeneratedRegex(@"<(?:html|head|body)[\s>/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageElementTag();

    public ExtractedContent Extract(string html, string? pageUrl)
    {
        var content = new ExtractedContent();
        var wholePage = IsWholePage(html);
        if (html.Length > options.MaxHtmlChars)
        {
            // Scripts and styles (often megabytes of inlined framework state) hold no text: dropped first, so that
            // a cut falls in what is left of the page rather than before its body.
            var before = html.Length;
            html = WithoutScriptsAndStyles(html);
            content.Note(DiagnosticSeverity.Info, $"HTML of {before:N0} chars is over the limit; its scripts and styles were dropped, leaving {html.Length:N0}");
        }
        if (html.Length > options.MaxHtmlChars)
        {
            content.Note(DiagnosticSeverity.Warning, $"HTML of {html.Length:N0} chars cut to {options.MaxHtmlChars:N0} before parsing");
            html = html[..options.MaxHtmlChars];
        }
        // Flatten at half the depth limit so that the walk below still reads the flattened text.
        html = DepthGuard.Flatten(html, options.MaxDepth / 2, out var flattened);
        if (flattened) content.Note(DiagnosticSeverity.Warning, $"elements nested deeper than {options.MaxDepth / 2} were flattened before parsing");
        var budget = new WorkBudget(options.MaxWork);
        using var document = new HtmlParser(ParserOptions).ParseDocument(html);
        HtmlMetadataReader.Read(document, pageUrl, content);

        var body = document.Body ?? document.DocumentElement;
        if (body is null)
        {
            content.Note(DiagnosticSeverity.Warning, "page has no body element");
            return content;
        }
        var page = PageModel.Build(body, options, budget);
        if (page.DepthLimited) content.Note(DiagnosticSeverity.Warning, $"elements nested deeper than {options.MaxDepth} were not read");
        if (page.NodeLimited) content.Note(DiagnosticSeverity.Warning, $"page has more than {options.MaxNodes:N0} nodes; the rest was not read");
        if (page.WorkLimited) content.Note(DiagnosticSeverity.Warning, $"reading the page took more than {options.MaxWork:N0} node visits; the rest was not read");

        var paragraphs = SelectArticle(page, content.Title, FindDescriptionBlock(page, content.Description));
        if (paragraphs.Sum(p => p.Text.Length) < options.FallbackBelowChars && page.SkippedConcealed > 0 && !page.NodeLimited && !page.WorkLimited)
        {
            // Little shown text, but hidden or noscript parts skipped: the page may keep its text there until a script reveals it.
            var concealed = PageModel.Build(body, options, budget, readConcealed: true);
            var revealed = SelectArticle(concealed, content.Title, FindDescriptionBlock(concealed, content.Description));
            if (revealed.Sum(p => p.Text.Length) > paragraphs.Sum(p => p.Text.Length))
            {
                content.Note(DiagnosticSeverity.Info, "little visible text; read the hidden and noscript parts of the page");
                page = concealed;
                paragraphs = revealed;
            }
        }
        // The page's type is told from what the first pass kept, as the page-type model was trained. A fragment (a feed
        // item's content, the HTML body of a posted or JSONL article) is no page: it has none of the furniture, listing or
        // navigation the model tells types by, and what carries it (a feed item, an article record) declares an article.
        // A page's address is much of the evidence of its kind (and every page the model learnt from had one): a page
        // with none, such as a saved file, is taken as an article, as all pages were before page types.
        // The page-type model learnt from selections without linked headings (a teaser's headline is one): it reads them so.
        content.PageSignals = wholePage
            ? PageTypes.PageSignals.Read(page, content, pageUrl, [.. paragraphs.Where(p => !p.LinkedHeading).Select(p => p.Text)]) with { Words = PageTypes.PageWords.Read(document, content.Url ?? pageUrl) }
            : null;
        var pageType = content.PageSignals is { } signals && (content.Url ?? pageUrl) is not null ? (options.PageTypeModel ?? PageTypes.PageTypeModel.Default).Classify(signals) : PageType.Article;
        content.PageType = pageType;
        // Each type's rules read the page again with what it hides from some readers but shows: a disclosure's panels (an
        // accordion's answers, a tab's panes) at a click; on a service page or a listing, the parts hidden from screen
        // readers only (see below). The type was told from the first read, as the page-type model was trained.
        var readAriaHidden = pageType is PageType.Service or PageType.Listing && page.SkippedAriaHidden > 0;
        var readDisclosed = page.SkippedDisclosed > 0;
        var reread = (readAriaHidden || readDisclosed) && !page.NodeLimited && !page.WorkLimited;
        if (reread)
        {
            page = PageModel.Build(body, options, budget, readAriaHidden: readAriaHidden, readDisclosed: readDisclosed);
            if (pageType is not (PageType.Service or PageType.Listing) && SelectArticle(page, content.Title, FindDescriptionBlock(page, content.Description)) is { Count: > 0 } disclosed)
            {
                content.Note(DiagnosticSeverity.Info, "read the page's hidden disclosure panels (accordions, tabs)");
                paragraphs = disclosed;
            }
        }
        // On a question-and-answer page the answers are the content and the comments under them stay asides.
        if (pageType == PageType.Forum && !content.SchemaTypes.Contains("qapage") && page.ReadRepliesAsContent())
        {
            // A thread is its question and every reply, though the replies sit in containers named as comments.
            var thread = SelectArticle(page, content.Title, FindDescriptionBlock(page, content.Description));
            if (thread.Sum(p => p.Text.Length) > paragraphs.Sum(p => p.Text.Length))
            {
                content.Note(DiagnosticSeverity.Info, "a forum thread: its replies read as content");
                paragraphs = thread;
            }
        }
        else if (pageType == PageType.Service)
        {
            // A service page names its sections as banners, teasers and calls to action: their prose is the page's, so it
            // does not stop the selection from widening to the region that holds every section (they themselves stay out),
            // nor do the short linked lines ("Book now") between sections.
            // Its cards may be marked hidden from screen readers beside a linked copy for them, yet they are what a
            // sighted reader sees: the page is read again with them when it has any.
            // Every section the page puts in its main element is the page's (see WidenToMainElement).
            if (!reread) page.ResetScores();
            var sections = SelectArticle(page, content.Title, FindDescriptionBlock(page, content.Description), options.LinkListOutweighs, options.MinListItems, pageOfSections: true, wholeMain: true);
            if (sections.Count > 0) paragraphs = sections;
        }
        else if (pageType == PageType.Documentation && HasMainElement(page))
        {
            // A document's parts (its reference tables, examples, notes) are the page's wherever they sit in its main element.
            // Without one the selection would be the first pass's again, so it is not made twice.
            page.ResetScores();
            var parts = SelectArticle(page, content.Title, FindDescriptionBlock(page, content.Description), options.LinkListOutweighs, options.MinListItems, pageOfSections: false, wholeMain: true);
            if (parts.Count > 0) paragraphs = parts;
        }
        else if (pageType == PageType.Listing)
        {
            // A listing's entries are its content even where some prose outweighs them. An entry's summary may be a second
            // link to the entry, hidden from screen readers (which read the first) but shown to the eye: read with them.
            if (!reread) page.ResetScores();
            var listed = SelectArticle(page, content.Title, FindDescriptionBlock(page, content.Description), options.ListingLinkListOutweighs, options.ListingMinListItems, pageOfSections: false, listing: true);
            if (listed.Count > 0) paragraphs = listed;
        }
        if (paragraphs.Count == 0)
        {
            // Kept aside for when the fallback extractor finds nothing either (see ExtractedContent.LastResort).
            var blocks = TextBlocksOutsideFurniture(page);
            if (content.StructuredBody is { Length: > MinDescriptionBodyChars } structured && structured.Length > blocks.Sum(b => b.Length))
                // A page whose script renders the text may still give the whole of it in its structured data.
                content.LastResort = (LinesOf(structured), "no container of article text; the article's text from the page's structured data stands as the body");
            else if (blocks.Count > 0) content.LastResort = (blocks, "no container of article text; kept the page's text blocks outside its furniture");
            else if (content.Description is { Length: > MinDescriptionBodyChars } description)
                // A page whose script renders the text still describes it: the description is its opening, as the site wrote it.
                content.LastResort = ([description], "no text in the page; its description stands as the body");
            else if (EveryTextOfThePage(body, budget) is { } everything && everything.Sum(p => p.Length) >= options.FallbackBelowChars)
                // Text only in menus, form controls or hidden parts is still the page's text: better than an empty body.
                // A few words of site furniture ("Help", the company's name) are not: such a page shows nothing.
                content.LastResort = (everything, "no article text; kept every text of the page, menus, form controls and hidden parts included");
        }
        // A page of entries, posts or a product's parts repeats its furniture per entry ("Add to cart", "Reply") and shows
        // parts twice (a carousel's slides, a copy for small screens): there every line is wanted once, but for prices,
        // each entry's own. An article's or a document's repeated lines are the text's own (a refrain, a table's repeated
        // cells) and only copied passages go.
        var everyRepeat = pageType is PageType.Product or PageType.Forum or PageType.Listing;
        var texts = WithoutPlaceholderText(paragraphs.ConvertAll(p => p.Text));
        if (pageType == PageType.Article) texts = WithoutClosingNote(texts);
        content.Paragraphs.AddRange(everyRepeat ? WithoutAnyRepeat(texts) : WithoutRepeatedParagraphs(texts));
        content.FallbackAllowed = !flattened && !page.DepthLimited && !page.NodeLimited && !page.WorkLimited
            && html.Length <= options.MaxFallbackHtmlChars && page.Blocks.Sum(b => b.Text.Length) >= options.FallbackBelowChars;
        if (paragraphs.Count == 0)
            content.Note(DiagnosticSeverity.Warning, page.SkippedScripts > 0 && page.Blocks.Count == 0
                ? "page holds only scripts and markup, no readable text"
                : "no article text found in page");
        return content;
    }

    /// <summary>
    /// The paragraphs without a second copy of the text: a page may carry its text twice (a copy for small screens,
    /// a print copy), and a reader wants it once. A long paragraph is dropped when it repeats an earlier one and the
    /// long paragraph before or after it repeats too, so that a copied passage goes; one repeated paragraph alone (a
    /// definition shown under two tabs, a table's header row) and short lines ("Pros", "Reply") stay.
    /// </summary>
    internal static List<string> WithoutRepeatedParagraphs(List<string> paragraphs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var longRepeats = new List<(int Index, bool Repeat)>();
        for (var i = 0; i < paragraphs.Count; i++)
            if (paragraphs[i].Length >= MinRepeatedParagraphChars) longRepeats.Add((i, !seen.Add(paragraphs[i])));
        HashSet<int>? dropped = null;
        for (var j = 0; j < longRepeats.Count; j++)
        {
            if (!longRepeats[j].Repeat) continue;
            if ((j > 0 && longRepeats[j - 1].Repeat) || (j + 1 < longRepeats.Count && longRepeats[j + 1].Repeat))
                (dropped ??= []).Add(longRepeats[j].Index);
        }
        return dropped is null ? paragraphs : [.. paragraphs.Where((_, i) => !dropped.Contains(i))];
    }

    /// <summary>
    /// The paragraphs with every repeat of an earlier one dropped, whatever its length, but for lines that state a price
    /// ("$29.99", "29,99 €"): two entries of a listing may cost the same, and the price is each one's.
    /// </summary>
    internal static List<string> WithoutAnyRepeat(List<string> paragraphs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. paragraphs.Where(paragraph => seen.Add(paragraph) || StatesPrice().IsMatch(paragraph))];
    }

    [GeneratedRegex(@"\p{Sc}\s?\d|\d\s?\p{Sc}", RegexOptions.CultureInvariant)]
    private static partial Regex StatesPrice();

    /// <summary>
    /// The last resort before an empty body: every block that reads as text (long enough, mostly unlinked, not
    /// a chrome line) and lies outside elements named as furniture, in page order.
    /// </summary>
    private List<string> TextBlocksOutsideFurniture(PageModel page)
    {
        var nodes = page.Nodes;
        var underFurniture = new bool[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            underFurniture[i] = nodes[i].Negative || (nodes[i].Parent >= 0 && underFurniture[nodes[i].Parent]);
        var paragraphs = new List<string>();
        foreach (var block in page.Blocks)
        {
            if (underFurniture[block.Node] || block.Text.Length < options.MinScoredBlockChars) continue;
            if (KeepBlock(page, block, null, null)) paragraphs.Add(block.Text);
        }
        return paragraphs;
    }

    /// <summary>The lines of a text given whole (structured data), whitespace collapsed, empty lines dropped.</summary>
    private static List<string> LinesOf(string text) =>
        [.. text.Split('\n').Select(line => BodyText.Collapse(line)).Where(line => line.Length > 0)];

    /// <summary>
    /// The page read whole, hidden parts, menus and form controls included (scripts and styles aside): the blocks
    /// that read as text, else every block.
    /// </summary>
    private List<string> EveryTextOfThePage(AngleSharp.Dom.IElement body, WorkBudget budget)
    {
        var page = PageModel.Build(body, options, budget, readConcealed: true, readSkipped: true);
        var kept = new List<string>();
        foreach (var block in page.Blocks)
            if (KeepBlock(page, block, null, null)) kept.Add(block.Text);
        return kept.Count > 0 ? kept : [.. page.Blocks.Select(block => block.Text)];
    }

    /// <summary>The HTML with the content of every script and style element removed (the tags stay, so the structure does).</summary>
    internal static string WithoutScriptsAndStyles(string html)
    {
        var kept = new System.Text.StringBuilder(html.Length / 2);
        var position = 0;
        // The next start tag of each kind, searched again only once passed, so the whole pass stays linear.
        var nextScript = IndexOfStartTag(html, "<script", 0);
        var nextStyle = IndexOfStartTag(html, "<style", 0);
        while (nextScript >= 0 || nextStyle >= 0)
        {
            var isScript = nextScript >= 0 && (nextStyle < 0 || nextScript < nextStyle);
            var open = isScript ? nextScript : nextStyle;
            var contentStart = html.IndexOf('>', open);
            if (contentStart < 0) break;
            contentStart++;
            var close = html.IndexOf(isScript ? "</script" : "</style", contentStart, StringComparison.OrdinalIgnoreCase);
            // An element never closed runs to the end of the page, as the parser reads it.
            var contentEnd = close < 0 ? html.Length : close;
            kept.Append(html, position, contentStart - position);
            position = contentEnd;
            if (nextScript >= 0 && nextScript < position) nextScript = IndexOfStartTag(html, "<script", position);
            if (nextStyle >= 0 && nextStyle < position) nextStyle = IndexOfStartTag(html, "<style", position);
        }
        kept.Append(html, position, html.Length - position);
        return kept.ToString();
    }

    private static int IndexOfStartTag(string html, string tag, int from)
    {
        for (var at = html.IndexOf(tag, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(tag, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + tag.Length;
            // "<scripts>" or "<styled-box>" are other elements.
            if (next >= html.Length || html[next] is '>' or ' ' or '\t' or '\n' or '\r' or '/') return at;
        }
        return -1;
    }

    /// <summary>The node of the first block whose text holds the opening words of the description, or -1.</summary>
    private int FindDescriptionBlock(PageModel page, string? description)
    {
        if (description is null) return -1;
        var key = Core.Text.TextFold.ForMatching(description).TrimEnd('.', '…', ' ');
        if (key.Length < options.DescriptionMatchChars) return -1;
        key = key[..options.DescriptionMatchChars];
        foreach (var block in page.Blocks)
        {
            if (block.Text.Length < key.Length) continue;
            if (Core.Text.TextFold.ForMatching(block.Text).Contains(key, StringComparison.Ordinal)) return block.Node;
        }
        return -1;
    }

    /// <summary>A selected paragraph, and whether it is kept only as a heading (<see cref="IsLinkedHeading"/>): the page's type is told without those.</summary>
    private readonly record struct Paragraph(string Text, bool LinkedHeading);

    private List<Paragraph> SelectArticle(PageModel page, string? title, int descriptionNode) =>
        SelectArticle(page, title, descriptionNode, options.LinkListOutweighs, options.MinListItems, pageOfSections: false);

    /// <summary>
    /// The article's paragraphs; the page's link lists (lists of at least <paramref name="minListItems"/> entries) take its
    /// place when they hold <paramref name="linkListOutweighs"/> times its text. With <paramref name="pageOfSections"/>
    /// (a service page), prose under furniture and short lines do not hold the selection back from the region around it
    /// (see <see cref="RegionWeights"/>), and the region needs to outweigh it by less. With <paramref name="wholeMain"/> (a
    /// service page, a document), the page's main element holding the selection is the region (<see cref="WidenToMainElement"/>).
    /// </summary>
    private List<Paragraph> SelectArticle(PageModel page, string? title, int descriptionNode, double linkListOutweighs, int minListItems, bool pageOfSections, bool listing = false, bool wholeMain = false)
    {
        var nodes = page.Nodes;
        if (nodes.Count == 0 || page.Blocks.Count == 0) return [];
        ScoreContainers(page);
        if (descriptionNode >= 0)
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(page.Nodes);
            // Only the block's near containers: boosting the whole ancestry would favour the page wrapper.
            var level = 0;
            for (var i = descriptionNode; i >= 0 && level < 3; i = span[i].Parent, level++)
                if (span[i].Scored && span[i].Score > 0) span[i].Score *= options.DescriptionContainerBoost;
        }

        var best = -1;
        var bestScore = double.MinValue;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!nodes[i].Scored) continue;
            var score = FinalScore(nodes[i]);
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        if (best < 0) best = 0;
        best = PreferMainOverFurniture(page, best, ref bestScore);
        var included = new List<(int Start, int End)>();
        var parent = nodes[best].Parent;
        if (parent < 0)
        {
            included.Add((best, nodes[best].End));
        }
        else
        {
            var threshold = Math.Max(10, bestScore * options.SiblingScoreShare);
            for (var child = parent + 1; child < nodes[parent].End; child = nodes[child].End)
            {
                if (child == best || IsArticleSibling(page, child, threshold)) included.Add((child, nodes[child].End));
            }
            AddBodyChunks(page, best, threshold, included);
        }
        var underFurniture = UnderFurniture(page, best);
        if (parent >= 0) WidenToRegion(page, best, included, underFurniture, pageOfSections);
        if (wholeMain) WidenToMainElement(page, included);
        var listRegion = new List<(int Start, int End)>();
        if (WidenToLinkLists(page, best, included, underFurniture, listRegion, linkListOutweighs, minListItems, listing) is { } keptLinks)
        {
            // The list region stands only when what it yields outweighs the selection as its lists did (it
            // may lose them as furniture of a wider region, and keep little more than the selection).
            var listed = EmitBlocks(page, listRegion, title, keptLinks, listing);
            var selected = EmitBlocks(page, included, title, null);
            return listed.Sum(p => p.Text.Length) >= linkListOutweighs * selected.Sum(p => p.Text.Length) ? listed : selected;
        }
        return EmitBlocks(page, included, title, null);
    }

    /// <summary>
    /// The best container when it lies in furniture (a consent dialog, a newsletter box) outside the page's own main
    /// element: the best-scoring container inside the main element instead, if it has one that scores at all. The
    /// page says where its content is, and a dialog's long paragraphs outvote a listing's short teasers.
    /// </summary>
    private int PreferMainOverFurniture(PageModel page, int best, ref double bestScore)
    {
        var nodes = page.Nodes;
        var inFurniture = false;
        for (var i = best; i >= 0 && !inFurniture; i = nodes[i].Parent)
            inFurniture = nodes[i].Negative && !nodes[i].RepliesOnly;
        if (!inFurniture) return best;
        var main = -1;
        for (var i = 0; i < nodes.Count && main < 0; i++)
            if (IsMainElement(nodes[i])) main = i;
        if (main < 0 || (best >= main && best < nodes[main].End) || (main >= best && main < nodes[best].End)) return best;
        var inside = -1;
        var insideScore = double.MinValue;
        for (var i = main; i < nodes[main].End; i++)
        {
            if (!nodes[i].Scored) continue;
            var score = FinalScore(nodes[i]);
            if (score > insideScore)
            {
                insideScore = score;
                inside = i;
            }
        }
        if (inside < 0 || insideScore < 0) return best;
        bestScore = insideScore;
        return inside;
    }

    /// <summary>
    /// Some templates cut one article body into chunks, each in its own layout row next to an ad
    /// rail, so the chunks are cousins rather than siblings. Elements of the same tag and class as
    /// the best container, near it in the tree and scoring like article text, are those chunks.
    /// </summary>
    private void AddBodyChunks(PageModel page, int best, double threshold, List<(int Start, int End)> included)
    {
        var nodes = page.Nodes;
        var className = nodes[best].Element.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(className)) return;
        var ancestor = best;
        for (var level = 0; level < options.BodyChunkLevels && nodes[ancestor].Parent >= 0; level++) ancestor = nodes[ancestor].Parent;
        var added = false;
        for (var i = ancestor + 1; i < nodes[ancestor].End; i++)
        {
            var node = nodes[i];
            if (!node.Scored || node.Tag != nodes[best].Tag || node.Negative || FinalScore(node) < threshold) continue;
            if (included.Exists(range => i >= range.Start && i < range.End) || included.Exists(range => range.Start >= i && range.Start < node.End)) continue;
            if (!string.Equals(node.Element.GetAttribute("class"), className, StringComparison.Ordinal)) continue;
            included.Add((i, node.End));
            added = true;
            i = node.End - 1;
        }
        if (added) included.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>
    /// A page whose main content is several blocks (sections of a service page, posts of a thread,
    /// an article in two containers) has no one container that wins the vote. Every block is
    /// weighed: prose counts for its length, linked text and text under furniture against it, short
    /// lines not at all. The ancestor of the best container with the heaviest subtree replaces the
    /// selection when it outweighs it clearly.
    /// </summary>
    private void WidenToRegion(PageModel page, int best, List<(int Start, int End)> included, bool[] underFurniture, bool pageOfSections)
    {
        var nodes = page.Nodes;
        var weight = RegionWeights(page, underFurniture, null, pageOfSections);
        var selected = 0.0;
        foreach (var (start, _) in included) selected += weight[start];
        var first = included[0].Start;
        var last = included[^1].End;
        // Only a region holding the whole selection (body chunks may be cousins of the best container).
        var chosen = HeaviestAncestor(page, nodes[best].Parent, weight, selected * (1 + (pageOfSections ? options.SectionsRegionGainShare : options.RegionGainShare)), ancestor => ancestor <= first && nodes[ancestor].End >= last);
        if (chosen < 0) return;
        included.Clear();
        included.Add((chosen, nodes[chosen].End));
    }

    /// <summary>
    /// The page's main element, when it holds the whole selection, replaces it. A service page or a document is made of
    /// parts of unlike kinds (a hero, feature cards, a pricing table, an example, a reference table) that no one
    /// container holds and that the region's weights can leave out; the page itself says which of its parts are its
    /// content, and its furniture (header, menus, footer) lies outside the main element. Inside it, blocks are still
    /// judged one by one (<see cref="EmitBlocks"/>): menus, link lists and furniture-named parts still go. An article,
    /// a listing or a product page puts recommendations and comments in its main element too, so they keep the region.
    /// </summary>
    private static void WidenToMainElement(PageModel page, List<(int Start, int End)> included)
    {
        var nodes = page.Nodes;
        var first = included[0].Start;
        var last = included[^1].End;
        for (var ancestor = first; ancestor >= 0; ancestor = nodes[ancestor].Parent)
        {
            if (!IsMainElement(nodes[ancestor])) continue;
            if (nodes[ancestor].End < last) return;
            included.Clear();
            included.Add((ancestor, nodes[ancestor].End));
            return;
        }
    }

    /// <summary>
    /// A page made of linked entries (a category, a shop grid, a section front) has little prose, and what
    /// prose it has may be a comment or a footer note. When the page's heaviest link list holds clearly more
    /// text than the selection, the region around that list, weighed with list entries as content, replaces
    /// the selection, and its entries are kept links and all. Returns the nodes whose linked text is kept,
    /// or null when the selection stands.
    /// </summary>
    private bool[]? WidenToLinkLists(PageModel page, int best, List<(int Start, int End)> included, bool[] underFurniture, List<(int Start, int End)> listRegion, double linkListOutweighs, int minListItems, bool listing)
    {
        var nodes = page.Nodes;
        // A page header's menus repeat linked entries too, and are the site's, not the page's. On a listing, the page's
        // main element says where its entries are: lists inside it count though named as furniture ("recirc", "sidebar");
        // a listing with no main element may name its entries' list "related-products" and have no other.
        var listFurniture = listing ? UnderFurniture(page, best, exemptInsideMain: true) : underFurniture;
        var excluded = new bool[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
            excluded[i] = listFurniture[i] || nodes[i].Tag == "header" || (nodes[i].Parent >= 0 && excluded[nodes[i].Parent]);
        var lists = LinkLists.Find(page, excluded, options, minListItems);
        if (lists.Heaviest < 0) return null;
        // The page's own main element bounds its content: a list outside the one holding the selection is the site's.
        for (var ancestor = included[0].Start; ancestor >= 0; ancestor = nodes[ancestor].Parent)
            if (IsMainElement(nodes[ancestor]) && (lists.Heaviest < ancestor || lists.Heaviest >= nodes[ancestor].End)) return null;
        var selected = 0;
        foreach (var (start, end) in included)
            foreach (var block in page.Blocks)
                if (block.Node >= start && block.Node < end && !underFurniture[block.Node] && block.LinkChars <= block.Text.Length * options.MaxBlockLinkDensity)
                    selected += block.Text.Length;
        if (lists.HeaviestChars < linkListOutweighs * Math.Max(selected, options.FallbackBelowChars)) return null;
        var weight = RegionWeights(page, underFurniture, lists.InItem, entriesWhole: listing);
        var chosen = HeaviestAncestor(page, lists.Heaviest, weight, double.MinValue, _ => true);
        if (chosen < 0) return null;
        listRegion.Add((chosen, nodes[chosen].End));
        return lists.InItem;
    }

    /// <summary>
    /// The subtree weight of every node: prose counts for its length, linked text and text under furniture
    /// against it, short lines not at all; in <paramref name="listItems"/>, every line of an entry counts for it.
    /// With <paramref name="pageOfSections"/>, unlinked prose under furniture and short lines, linked or not, count for nothing.
    /// </summary>
    private double[] RegionWeights(PageModel page, bool[] underFurniture, bool[]? listItems, bool pageOfSections = false, bool entriesWhole = false)
    {
        var nodes = page.Nodes;
        var weight = new double[nodes.Count];
        foreach (var block in page.Blocks)
        {
            var length = block.Text.Length;
            double value;
            // On a listing an entry's parts named as furniture ("teaser") are the entry's (its items are never furniture themselves).
            if (entriesWhole && listItems is not null && listItems[block.Node]) value = length;
            else if (underFurniture[block.Node]) value = pageOfSections && block.LinkChars <= length * options.MaxBlockLinkDensity ? 0 : -length;
            else if (listItems is not null && listItems[block.Node]) value = length;
            // A call to action ("Start your free trial") is one short linked line between a service page's sections.
            else if (pageOfSections && length < options.MinScoredBlockChars) value = 0;
            else if (block.LinkChars > length * options.MaxBlockLinkDensity) value = -length;
            else if (length < options.MinScoredBlockChars) value = 0;
            else value = length - block.LinkChars;
            weight[block.Node] += value;
        }
        for (var i = nodes.Count - 1; i > 0; i--)
            if (nodes[i].Parent >= 0) weight[nodes[i].Parent] += weight[i];
        return weight;
    }

    /// <summary>
    /// From <paramref name="start"/> up to <see cref="ExtractionOptions.RegionLevels"/> ancestors, the one of
    /// greatest weight above <paramref name="floor"/> among those <paramref name="allowed"/>, or -1. The page's
    /// own main element bounds its content: what lies outside is the site's.
    /// </summary>
    private int HeaviestAncestor(PageModel page, int start, double[] weight, double floor, Func<int, bool> allowed)
    {
        var nodes = page.Nodes;
        var chosen = -1;
        var chosenWeight = floor;
        for (var (ancestor, level) = (start, 0); ancestor >= 0 && level < options.RegionLevels; ancestor = nodes[ancestor].Parent, level++)
        {
            if (allowed(ancestor) && weight[ancestor] > chosenWeight)
            {
                chosen = ancestor;
                chosenWeight = weight[ancestor];
            }
            if (IsMainElement(nodes[ancestor])) break;
        }
        return chosen;
    }

    /// <summary>
    /// Whether each node lies under furniture: an element whose class or role names it so, unless it holds
    /// the best container (a layout wrapper named "main--with-sidebar" holds the posts it sits beside). With
    /// <paramref name="exemptInsideMain"/>, an element inside the page's main element is never furniture itself: the
    /// page put it among its content; and on a page with no main element, no class name makes furniture (the
    /// elements the page marks as its own furniture, nav, aside and footer, are not read at all).
    /// </summary>
    private static bool[] UnderFurniture(PageModel page, int best, bool exemptInsideMain = false)
    {
        var nodes = page.Nodes;
        var holdsBest = new bool[nodes.Count];
        for (var i = best; i >= 0; i = nodes[i].Parent) holdsBest[i] = true;
        var insideMain = new bool[nodes.Count];
        var underFurniture = new bool[nodes.Count];
        var noMain = exemptInsideMain && !HasMainElement(page);
        for (var i = 0; i < nodes.Count; i++)
        {
            var parent = nodes[i].Parent;
            insideMain[i] = noMain || (exemptInsideMain && (IsMainElement(nodes[i]) || (parent >= 0 && insideMain[parent])));
            underFurniture[i] = (nodes[i].Negative && !holdsBest[i] && !insideMain[i]) || (parent >= 0 && underFurniture[parent]);
        }
        return underFurniture;
    }

    private static bool HasMainElement(PageModel page) => page.Nodes.Exists(node => IsMainElement(node));

    private static bool IsMainElement(in PageNode node) =>
        node.Tag == "main" || string.Equals(node.Element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase);

    private double FinalScore(in PageNode node)
    {
        var linkDensity = node.TextChars == 0 ? 0 : (double)node.LinkChars / node.TextChars;
        return node.Score * (1 - linkDensity);
    }

    private bool IsArticleSibling(PageModel page, int index, double threshold)
    {
        var node = page.Nodes[index];
        if (node.Negative) return false;
        if (node.Scored && FinalScore(node) >= threshold) return true;
        if (node.Tag != "p" || node.TextChars == 0) return false;
        var linkDensity = (double)node.LinkChars / node.TextChars;
        return node.TextChars > 80 ? linkDensity < 0.25 : linkDensity == 0 && node.TextChars > 20;
    }

    /// <summary>Every substantial block adds to its owner and, decreasingly, to the owner's ancestors.</summary>
    private void ScoreContainers(PageModel page)
    {
        var nodes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(page.Nodes);
        foreach (var block in page.Blocks)
        {
            if (block.Text.Length < options.MinScoredBlockChars) continue;
            if (IsLinkDense(block)) continue;
            var score = 1.0 + block.Commas + Math.Min(block.Text.Length / 100, 3);
            var index = block.Node;
            for (var level = 0; index >= 0 && level < 5; level++)
            {
                ref var node = ref nodes[index];
                if (!node.Scored)
                {
                    node.Scored = true;
                    node.Score = InitialScore(node, options);
                }
                // The block's own element and its container get the full score, then it fades.
                node.Score += level switch
                {
                    0 or 1 => score,
                    2 => score / 2,
                    _ => score / ((level - 1) * 3),
                };
                index = node.Parent;
            }
        }
    }

    private static double InitialScore(in PageNode node, ExtractionOptions options)
    {
        var score = node.Tag switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (node.Negative) score -= 25;
        // A content-like class name only counts for an element that holds a real amount of text.
        if (node.Positive && node.TextChars >= options.MinPositiveClassChars) score += 25;
        if (node.Tag is "article" or "main") score += 10;
        return score;
    }

    private List<Paragraph> EmitBlocks(PageModel page, List<(int Start, int End)> included, string? title, bool[]? keptLinks, bool entriesWhole = false)
    {
        var nodes = page.Nodes;
        var rootChars = 0;
        foreach (var (start, _) in included) rootChars += nodes[start].TextChars;
        var titleKey = title is null ? null : Core.Text.TextFold.ForMatching(title);
        var paragraphs = new List<Paragraph>();
        var rangeIndex = 0;
        PageBlock? row = null;
        var rowCell = -1;
        foreach (var block in page.Blocks)
        {
            while (rangeIndex < included.Count && block.Node >= included[rangeIndex].End) rangeIndex++;
            if (rangeIndex >= included.Count) break;
            if (block.Node < included[rangeIndex].Start) continue;
            // On a listing, a part of an entry named as furniture ("teaser", "credit") is the entry's own summary or note.
            if (!(entriesWhole && keptLinks is not null && keptLinks[block.Node]) && InFurniture(page, block.Node, included[rangeIndex].Start, rootChars)) continue;
            // Cells of one data-table row make one line, so that a row is judged and read as a whole.
            // Lines within one cell, and long cells (layout tables holding the article), stay paragraphs.
            var rowNode = block.Text.Length <= MaxTableCellChars ? TableRowOf(page, block.Node) : -1;
            if (row is { } open && (rowNode < 0 || rowNode != open.Node || block.Node == rowCell))
            {
                if (KeepBlock(page, open, titleKey, keptLinks, entriesWhole)) paragraphs.Add(new(open.Text, LinkedHeading: false));
                row = null;
            }
            if (rowNode >= 0)
            {
                row = row is { } current
                    ? new PageBlock(rowNode, current.Text + " " + block.Text, current.LinkChars + block.LinkChars, current.Commas + block.Commas)
                    : block with { Node = rowNode };
                rowCell = block.Node;
                continue;
            }
            if (KeepBlock(page, block, titleKey, keptLinks, entriesWhole)) paragraphs.Add(new(block.Text, IsLinkedHeading(page, block, keptLinks)));
        }
        if (row is { } last && KeepBlock(page, last, titleKey, keptLinks, entriesWhole)) paragraphs.Add(new(last.Text, LinkedHeading: false));
        return paragraphs;
    }

    private static bool IsBareAddress(string text) =>
        !text.Contains(' ') && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    /// <summary>The row of a block owned by a table cell, or -1 when the block is not a cell's own text.</summary>
    private static int TableRowOf(PageModel page, int node)
    {
        var nodes = page.Nodes;
        if (nodes[node].Tag is not ("td" or "th")) return -1;
        var parent = nodes[node].Parent;
        return parent >= 0 && nodes[parent].Tag == "tr" ? parent : -1;
    }

    /// <summary>
    /// Whether an ancestor inside the article names itself furniture and holds only a small part of
    /// the article. A quotation is never furniture, nor are wrappers that hold little but it: an
    /// embedded post carries its platform's name ("social", "tweet") in its class, yet quotes a
    /// source the way a blockquote in the text does.
    /// </summary>
    private static bool InFurniture(PageModel page, int index, int root, int rootChars)
    {
        var nodes = page.Nodes;
        var quoteChars = -1;
        for (var i = index; i > root && i >= 0; i = nodes[i].Parent)
        {
            var node = nodes[i];
            if (node.Tag == "blockquote") quoteChars = node.TextChars;
            if (quoteChars >= 0 && node.TextChars <= quoteChars + EmbedWrapperSlackChars) continue;
            if (node.Negative && !node.Positive && node.TextChars * 2 < rootChars) return true;
            if (node.Negative && node.Positive && node.TextChars * 4 < rootChars) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a block of the region is content; <paramref name="keptLinks"/> marks list entries, whose links are the content.
    /// With <paramref name="entriesWhole"/> (a listing's entries), an entry's date and byline lines are the entry's.
    /// </summary>
    private bool KeepBlock(PageModel page, in PageBlock block, string? titleKey, bool[]? keptLinks, bool entriesWhole = false)
    {
        var tag = page.Nodes[block.Node].Tag;
        if (tag == "h1") return false;
        // A bare address inside the article is a reference the writer shows, as printed text, not a way around the site.
        if (IsBareAddress(block.Text)) return true;
        var entryLine = keptLinks?[block.Node] ?? false;
        // A heading inside the selection heads the text under it, though it links to that text's own page (a card's or a
        // listed item's title, a section heading pointing at its detail page); a menu or a list of links is made of plain links.
        if (IsLinkDense(block) && !entryLine && !IsSubheading(tag)) return false;
        if (titleKey is not null && block.Text.Length < 300 && Core.Text.TextFold.ForMatching(block.Text) == titleKey) return false;
        if (block.Text.Length < 200)
        {
            var kind = LineShape.Classify(block.Text, options);
            if (kind is BlockKind.Chrome or BlockKind.Url) return false;
            // An article's byline and date are its metadata; on a listing, each entry's own (who wrote it, when) belong to the entry,
            // as its summary does.
            if (kind is BlockKind.Date or BlockKind.Byline && !(entriesWhole && entryLine)) return false;
        }
        return true;
    }

    private static bool IsSubheading(string tag) => tag is "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>Whether a kept block is kept only as a heading: a link otherwise (see <see cref="KeepBlock"/>).</summary>
    private bool IsLinkedHeading(PageModel page, in PageBlock block, bool[]? keptLinks) =>
        IsSubheading(page.Nodes[block.Node].Tag) && IsLinkDense(block) && !(keptLinks?[block.Node] ?? false);

    /// <summary>A block more link than text: a way around the site unless something in <see cref="KeepBlock"/> keeps it.</summary>
    private bool IsLinkDense(in PageBlock block) => block.LinkChars > block.Text.Length * options.MaxBlockLinkDensity;
}
