using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Words;

/// <summary>One sentence's character range with its scanned words.</summary>
internal readonly record struct ScannedSentence(int Start, int End, List<Scanned> Words);

/// <summary>
/// The word layer the claim stages (quantities, time, citations, quotes) read: every sentence of a
/// document scanned once by <see cref="WordScanner"/>, by whichever of them runs first, and kept beside
/// the document (it lives as long as the document does) for the others. It is not a stored
/// <see cref="Layer"/>: nothing outside annotation reads it and it is cheap to rebuild. A document whose
/// text, sentences or sentence bound changed is scanned afresh. The lists are shared: a stage must not
/// change them.
/// </summary>
internal static class WordLayer
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, Entry> Scans = [];

    private sealed record Entry(string Text, Sentence[] Sentences, int MaxChars, ScannedSentence[] Scanned);

    public static ScannedSentence[] Of(Document document, int maxSentenceChars)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var sentences = document.Sentences;
        if (Scans.TryGetValue(document, out var last) && ReferenceEquals(last.Text, text) &&
            ReferenceEquals(last.Sentences, sentences) && last.MaxChars == maxSentenceChars)
        {
            return last.Scanned;
        }
        var scanned = new List<ScannedSentence>(Math.Max(1, sentences.Length));
        foreach (var (start, end) in SentenceRanges.Of(document, maxSentenceChars))
        {
            scanned.Add(new ScannedSentence(start, end, WordScanner.Scan(text, start, end)));
        }
        var result = scanned.ToArray();
        Scans.AddOrUpdate(document, new Entry(text, sentences, maxSentenceChars, result));
        return result;
    }
}
