using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.Metadata;

namespace Crosscheck.Extraction.PlainText;

/// <summary>
/// Cleans text a crawler scraped from a page. The first line is the title; every other block is
/// classified by its shape (<see cref="LineShape"/>), the article is the densest run of prose
/// blocks with at most a few short lines between them, and date and byline lines ahead of it
/// become metadata. Everything outside that run — related headlines, comment forms, subscription
/// pitches, site blurbs — is dropped without knowing any site.
/// </summary>
internal sealed class PlainTextExtractor(ExtractionOptions options)
{
    private sealed record Block(string Text, BlockKind Kind, string Key);

    public ExtractedContent Extract(string text)
    {
        var content = new ExtractedContent();
        var blocks = SplitBlocks(text);
        if (blocks.Count == 0)
        {
            content.Note(DiagnosticSeverity.Warning, "text input holds no text");
            return content;
        }

        var titleIndex = FindTitle(blocks);
        if (titleIndex >= 0) content.Title = blocks[titleIndex].Text;
        var keyCounts = CountKeys(blocks);

        var (start, end) = FindArticleRun(blocks, titleIndex);
        if (start < 0)
        {
            content.Note(DiagnosticSeverity.Warning, "no prose paragraph found in text; kept every line that is not site furniture");
            start = titleIndex + 1;
            end = blocks.Count - 1;
        }

        ReadHeaderMetadata(blocks, titleIndex, start, content);
        for (var i = start; i <= end; i++)
        {
            var block = blocks[i];
            if (i == titleIndex) continue;
            var keep = block.Kind switch
            {
                BlockKind.Prose => true,
                BlockKind.Heading => keyCounts[block.Key] == 1 && block.Key != (titleIndex >= 0 ? blocks[titleIndex].Key : null),
                _ => false,
            };
            if (keep) content.Paragraphs.Add(block.Text);
        }
        return content;
    }

    /// <summary>
    /// Splits into blocks, one per line, except that lines are joined when the text was
    /// hard-wrapped: a line that does not end a sentence is continued by the next when that
    /// starts in lower case, or when all lines of the group are of similar, bounded width.
    /// </summary>
    private List<Block> SplitBlocks(string text)
    {
        var blocks = new List<Block>();
        var group = new List<string>();
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = BodyText.Collapse(rawLine);
            if (line.Length == 0)
            {
                AddGroup(blocks, group);
                continue;
            }
            group.Add(line);
        }
        AddGroup(blocks, group);
        return blocks;
    }

    private void AddGroup(List<Block> blocks, List<string> group)
    {
        if (group.Count == 0) return;
        var wrapped = IsHardWrapped(group);
        var current = new StringBuilder();
        foreach (var line in group)
        {
            var continues = current.Length > 0 && !LineShape.EndsLikeSentence(Tail(current))
                && (char.IsLower(line[0]) || wrapped);
            if (!continues) Flush(blocks, current);
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        Flush(blocks, current);
        group.Clear();
    }

    /// <summary>
    /// The end of a growing block, enough to judge how it ends: reading the whole block for every line
    /// made a block of many unfinished lines cost quadratic time (a 3 MB file took minutes).
    /// </summary>
    private static string Tail(StringBuilder block)
    {
        const int TailChars = 256;
        var length = Math.Min(TailChars, block.Length);
        return block.ToString(block.Length - length, length);
    }

    /// <summary>Lines cut at a fixed width: all but the last are long and of similar length, none very long.</summary>
    private bool IsHardWrapped(List<string> group)
    {
        if (group.Count < 2) return false;
        var longest = group.Max(l => l.Length);
        if (longest > options.MaxWrappedLineChars || longest < 40) return false;
        for (var i = 0; i < group.Count - 1; i++)
            if (group[i].Length < longest * 0.6) return false;
        return true;
    }

    private void Flush(List<Block> blocks, StringBuilder current)
    {
        if (current.Length == 0) return;
        var text = current.ToString();
        current.Clear();
        blocks.Add(new Block(StripBullet(text), LineShape.Classify(StripBullet(text), options), Core.Text.TextFold.ForMatching(text)));
    }

    private static string StripBullet(string text) =>
        text.Length > 2 && text[0] is '-' or '•' or '*' or '·' && text[1] == ' ' ? text[2..] : text;

    /// <summary>The first block that is not a date or byline line.</summary>
    private static int FindTitle(List<Block> blocks)
    {
        for (var i = 0; i < blocks.Count && i < 4; i++)
            if (blocks[i].Kind is not (BlockKind.Date or BlockKind.Byline)) return i;
        return -1;
    }

    private static Dictionary<string, int> CountKeys(List<Block> blocks)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks) counts[block.Key] = counts.GetValueOrDefault(block.Key) + 1;
        return counts;
    }

    /// <summary>
    /// The run of blocks with the most prose characters in which consecutive prose blocks are
    /// separated by at most <see cref="ExtractionOptions.MaxGapBlocks"/> other blocks.
    /// </summary>
    private (int Start, int End) FindArticleRun(List<Block> blocks, int titleIndex)
    {
        var best = (Start: -1, End: -1);
        var bestChars = 0;
        var runStart = -1;
        var runEnd = -1;
        var runChars = 0;
        var gap = 0;
        for (var i = titleIndex + 1; i < blocks.Count; i++)
        {
            if (blocks[i].Kind != BlockKind.Prose)
            {
                gap++;
                continue;
            }
            if (runStart < 0 || gap > options.MaxGapBlocks)
            {
                if (runChars > bestChars) (best, bestChars) = ((runStart, runEnd), runChars);
                runStart = i;
                runChars = 0;
            }
            runEnd = i;
            runChars += blocks[i].Text.Length;
            gap = 0;
        }
        if (runChars > bestChars) best = (runStart, runEnd);
        return best;
    }

    /// <summary>Date and byline lines between the top of the text and the start of the article.</summary>
    private void ReadHeaderMetadata(List<Block> blocks, int titleIndex, int articleStart, ExtractedContent content)
    {
        for (var i = 0; i < articleStart && i < blocks.Count; i++)
        {
            if (i == titleIndex) continue;
            var block = blocks[i];
            if (block.Kind == BlockKind.Date && content.Published is null)
            {
                var date = DateText.AsDateLine(block.Text, options.MaxDateLineWords);
                if (date is { Value: { } value }) content.Published = new Found<DateTimeOffset>(value, "dateline");
                else if (date is { } partial) content.YearlessDateLine = partial;
            }
            else if (block.Kind == BlockKind.Byline && content.Byline is null)
            {
                content.Byline = block.Text.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? block.Text[3..].Trim() : block.Text;
            }
        }
    }
}
