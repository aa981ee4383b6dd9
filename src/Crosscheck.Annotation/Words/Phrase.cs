namespace Crosscheck.Annotation.Words;

/// <summary>A phrase of one or more words, matched word by word against scanned text.</summary>
internal sealed record Phrase(string[] Words, string Value, string? Extra = null)
{
    public static Phrase Parse(string text, string value, string? extra = null) =>
        new(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), value, extra);

    /// <summary>
    /// The longest phrase of the list matching the words starting at token <paramref name="index"/>
    /// (punctuation breaks a phrase, except a full stop inside an abbreviation is skipped), with the index after it.
    /// </summary>
    public static (Phrase Phrase, int End)? MatchForward(List<Phrase> phrases, List<Scanned> tokens, int index, string text, bool caseSensitive = false)
    {
        foreach (var phrase in phrases)
        {
            var t = index;
            var ok = true;
            foreach (var word in phrase.Words)
            {
                if (t >= tokens.Count || tokens[t].Kind == ScanKind.Punct ||
                    !tokens[t].Of(text).Equals(word, caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                {
                    ok = false;
                    break;
                }
                t++;
            }
            if (ok) return (phrase, t);
        }
        return null;
    }

    /// <summary>The longest phrase of the list ending right before token <paramref name="end"/>, with its first token index.</summary>
    public static (Phrase Phrase, int Start)? MatchBackward(List<Phrase> phrases, List<Scanned> tokens, int end, string text)
    {
        foreach (var phrase in phrases)
        {
            var start = end - phrase.Words.Length;
            if (start < 0) continue;
            var ok = true;
            for (var w = 0; w < phrase.Words.Length; w++)
            {
                var token = tokens[start + w];
                if (token.Kind == ScanKind.Punct || !token.Of(text).Equals(phrase.Words[w], StringComparison.OrdinalIgnoreCase))
                {
                    ok = false;
                    break;
                }
            }
            if (ok) return (phrase, start);
        }
        return null;
    }
}
