using Crosscheck.Core.Model;
using Xunit;

namespace Crosscheck.Testing;

/// <summary>
/// Checks every layer must pass on any input (after Lucene's token-stream test kit):
/// spans inside the text, sorted, and of non-negative length.
/// </summary>
public static class LayerAssert
{
    public static void SpansWellFormed(Document document)
    {
        var length = document.Text.Length;
        Check("sentences", document.Sentences.Select(s => s.Span), length, sorted: true);
        Check("tokens", document.Tokens.Select(t => t.Span), length, sorted: true);
        Check("mentions", document.Mentions.Select(m => m.Span), length, sorted: true);
        Check("quantities", document.Quantities.Select(q => q.Span), length, sorted: true);
        Check("time expressions", document.TimeExpressions.Select(t => t.Span), length, sorted: true);
        Check("quotes", document.Quotes.Select(q => q.Span), length, sorted: false);
        Check("citations", document.Citations.Select(c => c.Span), length, sorted: false);
    }

    private static void Check(string layer, IEnumerable<TextSpan> spans, int textLength, bool sorted)
    {
        var previous = -1;
        foreach (var span in spans)
        {
            Assert.True(span.Start >= 0 && span.Length >= 0 && span.End <= textLength,
                $"{layer}: span {span} outside text of length {textLength}");
            if (sorted)
            {
                Assert.True(span.Start >= previous, $"{layer}: span {span} starts before the previous one ({previous})");
                previous = span.Start;
            }
        }
    }
}
