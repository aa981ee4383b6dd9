using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// The entity fallback for a language without a model: a model trained on another language would read its
/// words as that language's (the English model finds 13 F1 of Russian names), so instead every run of
/// capitalised words that position does not explain (not sentence-initial, not right after an opening
/// quote or bracket) becomes a <see cref="EntityType.Misc"/> mention of low confidence. Scripts without
/// capitals (Chinese, Arabic) get no mentions at all.
/// </summary>
internal static class CapitalisedNames
{
    /// <summary>The confidence of a fallback mention: a capitalised run says "a name" but not which kind.</summary>
    public const float Confidence = 0.3f;

    /// <summary>Longest run kept, in tokens; longer runs are titles or headlines rather than names.</summary>
    private const int MaxTokens = 6;

    /// <summary>Token-level mentions (type Misc) in every sentence.</summary>
    public static List<DocumentConsistency.TokenMention> Find(string text, IReadOnlyList<TextSpan[]> sentences)
    {
        var mentions = new List<DocumentConsistency.TokenMention>();
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            if (TextShape.IsShouting(text, tokens)) continue;
            var i = 0;
            while (i < tokens.Length)
            {
                if (!IsCapitalised(tokens[i].Of(text)))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (i < tokens.Length && IsCapitalised(tokens[i].Of(text))) i++;
                // A lone capital at the start of a sentence or after an opening mark is the language's spelling, not a name.
                var explained = start == 0 || IsOpening(tokens[start - 1].Of(text));
                if (explained && i - start == 1) continue;
                if (i - start <= MaxTokens) mentions.Add(new DocumentConsistency.TokenMention(s, start, i, Bilou.TypeIndex(EntityType.Misc)));
            }
        }
        return mentions;
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 1 && char.IsUpper(word[0]) && !TextShape.AllUpperLetters(word)
        || word.Length > 1 && TextShape.AllUpperLetters(word) && word.Length <= 5;

    private static bool IsOpening(ReadOnlySpan<char> word) =>
        word.Length == 1 && word[0] is '"' or '\u201C' or '\u201E' or '\u00AB' or '\u2018' or '\'' or ':' or '(' or '-' or '\u2014' or '\u2013' or '.' or '!' or '?';
}
