using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Folds a Latin-script word by deleting its non-ASCII letters ("München", "Mьnchen", "Mnchen" → "Mnchen"), so one
/// model reads alike text with its diacritics intact, lost in a lossy conversion (deleted), or garbled by a wrong code
/// page (Latin-1 bytes read as Cyrillic: "ü" → "ь"), as the German corpora disagree (<see cref="NerFeatureOptions.FoldedWords"/>).
/// Words without an ASCII letter (Cyrillic, Greek, CJK) are left as they are.
/// </summary>
internal static class WordFolding
{
    public static string Fold(string word)
    {
        var ascii = false;
        var other = false;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (c < 0x80) ascii = true;
            else other = true;
        }
        if (!ascii || !other) return word;
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
            if (c < 0x80 || !char.IsLetter(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>A sentence rewritten with every token folded, tokens separated by one space, and the tokens' spans in it.</summary>
    public static (string Text, TextSpan[] Spans) FoldSentence(string text, ReadOnlySpan<TextSpan> tokens)
    {
        var builder = new StringBuilder(text.Length);
        var spans = new TextSpan[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0) builder.Append(' ');
            var folded = Fold(tokens[i].TextOf(text));
            spans[i] = new TextSpan(builder.Length, folded.Length);
            builder.Append(folded);
        }
        return (builder.ToString(), spans);
    }
}
