using AngleSharp.Html.Parser;
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
internal sealed class HtmlContentExtractor(ExtractionOptions options)
{
    public ExtractedContent Extract(string html, string? pageUrl)
    {
        var content = new ExtractedContent();
        if (html.Length > options.MaxHtmlChars)
        {
            content.Note(DiagnosticSeverity.Warning, $"HTML of {html.Length:N0} chars cut to {options.MaxHtmlChars:N0} before parsing");
            html = html[..options.MaxHtmlChars];
        }
        var deadline = DateTime.UtcNow + options.TimeBudget;
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        using var document = parser.ParseDocument(html);
        HtmlMetadataReader.Read(document, pageUrl, content);

        var body = document.Body ?? document.DocumentElement;
        if (body is null)
        {
            content.Note(DiagnosticSeverity.Warning, "page has no body element");
            return content;
        }
        var page = PageModel.Build(body, options, deadline);
        if (page.DepthLimited) content.Note(DiagnosticSeverity.Warning, $"elements nested deeper than {options.MaxDepth} were not read");
        if (page.NodeLimited) content.Note(DiagnosticSeverity.Warning, $"page has more than {options.MaxNodes:N0} nodes; the rest was not read");
        if (page.TimeLimited) content.Note(DiagnosticSeverity.Warning, $"content pass ran over {options.TimeBudget.TotalMilliseconds:N0} ms; the rest was not read");

        var paragraphs = SelectArticle(page, content.Title);
        content.Paragraphs.AddRange(paragraphs);
        if (paragraphs.Count == 0)
            content.Note(DiagnosticSeverity.Warning, page.SkippedScripts > 0 && page.Blocks.Count == 0
                ? "page holds only scripts and markup, no readable text"
                : "no article text found in page");
        return content;
    }

    private List<string> SelectArticle(PageModel page, string? title)
    {
        var nodes = page.Nodes;
        if (nodes.Count == 0 || page.Blocks.Count == 0) return [];
        ScoreContainers(page);

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
        }
        return EmitBlocks(page, included, best, title);
    }

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
            if (block.LinkChars > block.Text.Length * options.MaxBlockLinkDensity) continue;
            var score = 1.0 + block.Commas + Math.Min(block.Text.Length / 100, 3);
            var index = block.Node;
            for (var level = 0; index >= 0 && level < 5; level++)
            {
                ref var node = ref nodes[index];
                if (!node.Scored)
                {
                    node.Scored = true;
                    node.Score = InitialScore(node);
                }
                node.Score += level switch
                {
                    0 => score,
                    1 => score / 2,
                    _ => score / (level * 3),
                };
                index = node.Parent;
            }
        }
    }

    private static double InitialScore(in PageNode node)
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
        if (node.Positive) score += 25;
        if (node.Tag is "article" or "main") score += 10;
        return score;
    }

    private List<string> EmitBlocks(PageModel page, List<(int Start, int End)> included, int best, string? title)
    {
        var nodes = page.Nodes;
        var rootChars = 0;
        foreach (var (start, _) in included) rootChars += nodes[start].TextChars;
        var titleKey = title is null ? null : Core.Text.TextFold.ForMatching(title);
        if (Environment.GetEnvironmentVariable("XDEBUG") is not null) { foreach (var r in included) Console.Error.WriteLine($"range {r} {nodes[r.Start].Tag} {nodes[r.Start].Element.ClassName} chars={nodes[r.Start].TextChars} best={best}"); for (int q=0;q<nodes.Count;q++) Console.Error.WriteLine($"  {q} {nodes[q].Tag}.{nodes[q].Element.ClassName} p={nodes[q].Parent} end={nodes[q].End} neg={nodes[q].Negative} chars={nodes[q].TextChars}"); }
        var paragraphs = new List<string>();
        var rangeIndex = 0;
        foreach (var block in page.Blocks)
        {
            while (rangeIndex < included.Count && block.Node >= included[rangeIndex].End) rangeIndex++;
            if (rangeIndex >= included.Count) break;
            if (block.Node < included[rangeIndex].Start) continue;
            if (InFurniture(page, block.Node, included[rangeIndex].Start, rootChars)) continue;
            if (!KeepBlock(page, block, titleKey)) continue;
            paragraphs.Add(block.Text);
        }
        return paragraphs;
    }

    /// <summary>Whether an ancestor inside the article names itself furniture and holds only a small part of the article.</summary>
    private static bool InFurniture(PageModel page, int index, int root, int rootChars)
    {
        var nodes = page.Nodes;
        for (var i = index; i > root && i >= 0; i = nodes[i].Parent)
        {
            var node = nodes[i];
            if (node.Negative && !node.Positive && node.TextChars * 2 < rootChars) return true;
            if (node.Negative && node.Positive && node.TextChars * 4 < rootChars) return true;
        }
        return false;
    }

    private bool KeepBlock(PageModel page, in PageBlock block, string? titleKey)
    {
        var tag = page.Nodes[block.Node].Tag;
        if (tag == "h1") return false;
        if (block.LinkChars > block.Text.Length * options.MaxBlockLinkDensity) return false;
        if (titleKey is not null && block.Text.Length < 300 && Core.Text.TextFold.ForMatching(block.Text) == titleKey) return false;
        if (block.Text.Length < 200)
        {
            var kind = LineShape.Classify(block.Text, options);
            if (kind is BlockKind.Chrome or BlockKind.Url or BlockKind.Date or BlockKind.Byline) return false;
        }
        return true;
    }
}
