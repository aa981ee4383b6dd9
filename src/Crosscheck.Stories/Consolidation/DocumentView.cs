using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Consolidation;

/// <summary>
/// One story document as consolidation reads it: its layers checked against the text once
/// (annotations come from other stages and are not trusted to be in bounds), plus paragraph
/// and sentence lookups. The text is never copied.
/// </summary>
internal sealed class DocumentView
{
    private readonly int[] _paragraphStarts;
    private readonly TextSpan[] _sentences;

    public DocumentView(Document document, int index)
    {
        Document = document;
        Index = index;
        var text = document.Text ?? "";
        Text = text;
        _paragraphStarts = ParagraphStarts(text);
        _sentences = InBounds(document.Sentences.Select(s => s.Span), "sentences").OrderBy(s => s.Start).ToArray();
        Mentions = document.Mentions;
        ValidMention = new bool[Mentions.Length];
        for (var i = 0; i < Mentions.Length; i++)
        {
            ValidMention[i] = IsInBounds(Mentions[i].Span) && Mentions[i].Span.Length > 0;
        }
        if (ValidMention.Contains(false)) Note("mentions");
    }

    public Document Document { get; }

    public Article Article => Document.Article;

    public string Id => Document.Id;

    /// <summary>Position of the document in the story, used to keep outputs in story order.</summary>
    public int Index { get; }

    public string Text { get; }

    public Mention[] Mentions { get; }

    public bool[] ValidMention { get; }

    public bool IsInBounds(TextSpan span) => span.Start >= 0 && span.Length >= 0 && span.End <= Text.Length;

    public string TextOf(TextSpan span) => IsInBounds(span) ? Text.Substring(span.Start, span.Length) : "";

    /// <summary>Keeps only spans inside the text, recording one diagnostic when some were not.</summary>
    public IEnumerable<TextSpan> InBounds(IEnumerable<TextSpan> spans, string layer)
    {
        var dropped = false;
        foreach (var span in spans)
        {
            if (IsInBounds(span)) yield return span;
            else dropped = true;
        }
        if (dropped) Note(layer);
    }

    public int ParagraphOf(int position)
    {
        var index = Array.BinarySearch(_paragraphStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The sentence around a position; the paragraph's line when no sentence layer covers it.</summary>
    public TextSpan SentenceAt(int position)
    {
        int lo = 0, hi = _sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var span = _sentences[mid];
            if (position < span.Start) hi = mid - 1;
            else if (position >= span.End) lo = mid + 1;
            else return span;
        }
        return LineAt(position);
    }

    private TextSpan LineAt(int position)
    {
        position = Math.Clamp(position, 0, Text.Length);
        var start = position > 0 ? Text.LastIndexOf('\n', Math.Min(position, Text.Length) - 1) + 1 : 0;
        var end = Text.IndexOf('\n', position);
        if (end < 0) end = Text.Length;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    private void Note(string layer)
    {
        var message = $"consolidation ignored {layer} outside the text of article {Id}";
        lock (Article.Diagnostics)
        {
            if (!Article.Diagnostics.Any(d => d.Message == message))
            {
                Article.Diagnostics.Add(new Diagnostic("consolidate", DiagnosticSeverity.Warning, message));
            }
        }
    }

    private static int[] ParagraphStarts(string text)
    {
        var starts = new List<int> { 0 };
        var index = 0;
        while ((index = text.IndexOf("\n\n", index, StringComparison.Ordinal)) >= 0)
        {
            index += 2;
            while (index < text.Length && text[index] == '\n') index++;
            starts.Add(index);
        }
        return [.. starts];
    }
}
