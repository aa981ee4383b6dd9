using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Words;

/// <summary>The character ranges the claim recognisers read: the document's sentences, or the whole text when it has none.</summary>
internal static class SentenceRanges
{
    public static IEnumerable<(int Start, int End)> Of(Document document, int maxChars)
    {
        var text = document.Text;
        var sentences = document.Sentences;
        if (sentences.Length == 0)
        {
            if (text.Length > 0) yield return (0, Math.Min(text.Length, maxChars));
            yield break;
        }
        foreach (var sentence in sentences)
        {
            var start = Math.Clamp(sentence.Span.Start, 0, text.Length);
            var end = Math.Clamp(sentence.Span.End, start, text.Length);
            if (end > start) yield return (start, Math.Min(end, start + maxChars));
        }
    }
}
