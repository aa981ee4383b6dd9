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
        // Names are compared by a hash of their exact token texts: no strings are built per candidate.
        var tokenHashes = new ulong[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var hashes = tokenHashes[s] = new ulong[tokens.Length];
            for (var t = 0; t < tokens.Length; t++) hashes[t] = FeatureHash.Of(tokens[t].Of(text));
        }
        ulong Key(TokenMention m) => SequenceHash(tokenHashes[m.Sentence], m.Start, m.End);

        if (options.MajorityType)
        {
            var votes = new Dictionary<ulong, int[]>();
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
            var parts = new HashSet<ulong>();
            foreach (var m in mentions)
            {
                if (m.Type != 0 || m.End - m.Start < 2) continue;
                parts.Add(SequenceHash(tokenHashes[m.Sentence], m.End - 1, m.End));
                parts.Add(SequenceHash(tokenHashes[m.Sentence], m.Start, m.Start + 1));
            }
            for (var i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                if (m.Type != 0 && m.End - m.Start == 1 && parts.Contains(Key(m))) mentions[i] = m with { Type = 0 };
            }
        }

        if (options.PropagateNames) Propagate(text, sentences, tokenHashes, mentions, options.MaxPropagatedTokens);
        mentions.Sort((a, b) => a.Sentence != b.Sentence ? a.Sentence.CompareTo(b.Sentence) : a.Start.CompareTo(b.Start));
    }

    private static ulong SequenceHash(ulong[] hashes, int start, int end)
    {
        var h = 0x2545F4914F6CDD1DUL;
        for (var t = start; t < end; t++) h = FeatureHash.Combine(h, hashes[t]);
        return h;
    }

    private static void Propagate(string text, IReadOnlyList<TextSpan[]> sentences, ulong[][] tokenHashes, List<TokenMention> mentions, int maxTokens)
    {
        var types = new Dictionary<ulong, int>();
        var firstTokens = new HashSet<ulong>();
        var longest = 0;
        foreach (var m in mentions)
        {
            var tokens = sentences[m.Sentence];
            if (m.End - m.Start > maxTokens || !IsCapitalised(tokens[m.Start].Of(text))) continue;
            types.TryAdd(SequenceHash(tokenHashes[m.Sentence], m.Start, m.End), m.Type);
            firstTokens.Add(tokenHashes[m.Sentence][m.Start]);
            longest = Math.Max(longest, m.End - m.Start);
        }
        var covered = new bool[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++) covered[s] = new bool[sentences[s].Length];
        foreach (var m in mentions)
            for (var t = m.Start; t < m.End; t++) covered[m.Sentence][t] = true;
        for (var s = 0; s < sentences.Count; s++)
        {
            var tokens = sentences[s];
            var hashes = tokenHashes[s];
            var taken = covered[s];
            for (var start = 0; start < tokens.Length; start++)
            {
                if (taken[start] || !firstTokens.Contains(hashes[start]) || !IsCapitalised(tokens[start].Of(text))) continue;
                var h = 0x2545F4914F6CDD1DUL;
                var match = -1;
                var matchType = 0;
                for (var end = start + 1; end <= tokens.Length && end - start <= longest && !taken[end - 1]; end++)
                {
                    h = FeatureHash.Combine(h, hashes[end - 1]);
                    if (types.TryGetValue(h, out var type))
                    {
                        match = end;
                        matchType = type;
                    }
                }
                // A longer capitalised run around the match is another name ("Norland" inside "Norland Airways").
                if (match < 0 || (match < tokens.Length && !taken[match] && IsCapitalised(tokens[match].Of(text)))) continue;
                mentions.Add(new TokenMention(s, start, match, matchType));
                for (var t = start; t < match; t++) taken[t] = true;
                start = match - 1;
            }
        }
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 1 && char.IsUpper(word[0]);
}
