namespace Crosscheck.Core.Text;

/// <summary>
/// The punctuation that ends a sentence in the scripts Crosscheck reads, in one place: the sentence splitter, the
/// clusterer's word scanner and the quote recognizer's "does this word open a sentence" all ask it, so a mark added for
/// one script is known to all three.
/// </summary>
public static class SentenceMarks
{
    /// <summary>Full stop, question and exclamation marks, the ellipsis and their doubled and full-width forms.</summary>
    public static bool EndsSentence(char c) =>
        c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u3002' or '\uFF01' or '\uFF1F';

    /// <summary>
    /// Whether a word starting at <paramref name="position"/> opens a sentence (or a line), where its capital says nothing
    /// ("Officials said"): only spaces lie between it and a sentence's end mark, a line break or the text's start.
    /// </summary>
    public static bool OpensSentence(string text, int position)
    {
        var i = position - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]) && text[i] != '\n') i--;
        return i < 0 || text[i] == '\n' || EndsSentence(text[i]);
    }
}
