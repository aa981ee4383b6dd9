using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>Settings for document-level consistency.</summary>
public sealed record ConsistencyOptions
{
    /// <summary>Retype every mention of a name to the type it has most often in the document. Default on.</summary>
    public bool MajorityType { get; init; } = true;

    /// <summary>A lone surname (or given name) of a person named in full elsewhere in the document is that person. Default on.</summary>
    public bool PersonNameParts { get; init; } = true;

    /// <summary>Tag untagged capitalised occurrences of a name the document already tagged. Default on.</summary>
    public bool PropagateNames { get; init; } = true;

    /// <summary>Longest name (in tokens) propagated to untagged occurrences. Default 6.</summary>
    public int MaxPropagatedTokens { get; init; } = 6;
}

/// <summary>
/// A name keeps one type through a document: the tagger decides each sentence alone, so the same
/// name can come out PERSON in one sentence and ORG in the next, or untagged in a headline. This pass
/// works on token-level mentions of one document and makes them agree.
/// </summary>
internal static class DocumentConsistency
{
    /// <summary>A mention as token range [Start, End) within sentence <c>Sentence</c>.</summary>
    public record struct TokenMention(int Sentence, int Start, int End, int Type);

    public static void Apply(string text, IReadOnlyList<TextSpan[]> sentences, List<TokenMention> mentions, ConsistencyOptions options)
    {
        if (mentions.Count == 0) return;
        string Key(TokenMention m) => Join(text, sentences[m.Sentence], m.Start, m.End);

        if (options.MajorityType)
        {
            var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var m in mentions)
            {
                var key = Key(m);
                if (!votes.TryGetValue(key, out var counts)) votes[key] = counts = new int[Bilou.TypeCount];
                counts[m.Type]++;
            }
            for (var i = 0; i < mentions.Count; i++)
            {
                var counts = votes[Key(mentions[i])];
                var best = mentions[i].Type;
                for (var t = 0; t < counts.Length; t++)
                    if (counts[t] > counts[best]) best = t;
                mentions[i] = mentions[i] with { Type = best };
            }
        }

        if (options.PersonNameParts)
        {
            var parts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var m in mentions)
            {
                if (m.Type != 0 || m.End - m.Start < 2) continue;
                var tokens = sentences[m.Sentence];
                parts.Add(tokens[m.End - 1].TextOf(text));
                parts.Add(tokens[m.Start].TextOf(text));
            }
            for (var i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                if (m.Type != 0 && m.End - m.Start == 1 && parts.Contains(Key(m))) mentions[i] = m with { Type = 0 };
            }
        }

        if (options.PropagateNames) Propagate(text, sentences, mentions, options.MaxPropagatedTokens);
        mentions.Sort((a, b) => a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence) : a.Start.CompareTo(b.Start));
    }

    private static void Propagate(string text, IReadOnlyList<TextSpan[]> sentences, List<TokenMention> mentions, int maxTokens)
    {
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var longest = 0;
        foreach (var m in mentions)
        {
            var tokens = sentences[m.Sentence];
            if (m.End - m.Start > maxTokens || !IsCapitalised(tokens[m.Start].Of(text))) continue;
            types.TryAdd(Join(text, tokens, m.Start, m.End), m.Type);
            longest = Math.Max(longest, m.End - m.Start);
        }
        var covered = new HashSet<(int, int)>();
        foreach (var m in mentions)
            for (var t = m.Start; t < m.End; t++) covered.Add((m.Sentence, t));
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            for (var start = 0; start < tokens.Length; start++)
            {
                if (covered.Contains((s, start)) || !IsCapitalised(tokens[start].Of(text))) continue;
                for (var length = Math.Min(longest, tokens.Length - start); length >= 1; length--)
                {
                    var end = start + length;
                    if (covered.Contains((s, end - 1))) continue;
                    // A longer capitalised run around the match is another name ("Mali" inside "Mali Airlines").
                    if (end < tokens.Length && IsCapitalised(tokens[end].Of(text)) && !covered.Contains((s, end))) continue;
                    if (!types.TryGetValue(Join(text, tokens, start, end), out var type)) continue;
                    var spanCovered = false;
                    for (var t = start; t < end; t++) spanCovered |= covered.Contains((s, t));
                    if (spanCovered) continue;
                    mentions.Add(new TokenMention(s, start, end, type));
                    for (var t = start; t < end; t++) covered.Add((s, t));
                    start = end - 1;
                    break;
                }
            }
        }
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 1 && char.IsUpper(word[0]);

    private static string Join(string text, TextSpan[] tokens, int start, int end)
    {
        if (end - start == 1) return tokens[start].TextOf(text);
        return string.Join(' ', tokens[start..end].Select(t => t.TextOf(text)));
    }
}
