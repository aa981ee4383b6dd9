using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>How a sentence uses capitals.</summary>
internal enum SentenceCasing
{
    Normal,
    Capitals,
    Headline,
    Lower,
}

/// <summary>
/// Restores likely capitalisation in sentences whose case carries no information — all in capitals,
/// headline case, or all lower case — before tagging, since the tagger learnt names from normally written
/// text. A word takes the form it has in the document's normal sentences, else the form it usually has in
/// news text (the capitalisation prior learnt with the word clusters).
/// </summary>
internal static class Truecaser
{
    /// <summary>
    /// Capitalised words that are usually written in lower case (after the first word) needed to call a
    /// sentence headline case; they must also be a third of its longer words, so a results line with one
    /// surname that is also a noun ("Butcher") stays normal.
    /// </summary>
    private const int MinCapitalisedCommonWords = 2;

    public static SentenceCasing CasingOf(string text, ReadOnlySpan<TextSpan> tokens, WordClusters clusters)
    {
        if (TextShape.IsShouting(text, tokens)) return SentenceCasing.Capitals;
        int words = 0, longWords = 0, capitalisedLong = 0, capitalisedCommon = 0;
        var anyUpper = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Of(text);
            if (word.Length == 0 || !char.IsLetter(word[0])) continue;
            words++;
            anyUpper |= !TextShape.AllLower(word);
            if (i > 0 && char.IsUpper(word[0]) && IsUsuallyLower(clusters, word)) capitalisedCommon++;
            if (word.Length < 4) continue;
            longWords++;
            if (char.IsUpper(word[0])) capitalisedLong++;
        }
        if (!anyUpper && words >= 3) return SentenceCasing.Lower;
        // Every longer word capitalised, common words included ("Army Seizes Bridge Near Capital"); a list
        // of names ("Petr Korda, Bohdan Ulihrach") has no capitalised common words and stays normal.
        if (longWords >= 4 && capitalisedLong == longWords && capitalisedCommon >= MinCapitalisedCommonWords
            && capitalisedCommon * 3 >= longWords)
            return SentenceCasing.Headline;
        return SentenceCasing.Normal;
    }

    /// <summary>The forms words take mid-sentence in the document's normally written sentences: lower-case hash → form, null for lower case.</summary>
    public static Dictionary<ulong, string?> DocumentForms(string text, IReadOnlyList<TextSpan[]> sentences, SentenceCasing[] casings)
    {
        var votes = new Dictionary<ulong, (string? Capitalised, int Upper, int Lower)>();
        for (var s = 0; s < sentences.Count; s++)
        {
            if (casings[s] != SentenceCasing.Normal) continue;
            var tokens = sentences[s];
            for (var i = 1; i < tokens.Length; i++)
            {
                var word = tokens[i].Of(text);
                if (word.Length == 0 || !char.IsLetter(word[0])) continue;
                var key = FeatureHash.OfLower(word);
                var (form, upper, lower) = votes.GetValueOrDefault(key);
                votes[key] = char.IsUpper(word[0]) ? (form ?? word.ToString(), upper + 1, lower) : (form, upper, lower + 1);
            }
        }
        var forms = new Dictionary<ulong, string?>(votes.Count);
        foreach (var (key, (form, upper, lower)) in votes) forms[key] = upper > lower ? form : null;
        return forms;
    }

    /// <summary>The sentence rewritten with restored capitals, as its own text with token spans (one per original token).</summary>
    public static (string Text, TextSpan[] Spans) Recase(string text, TextSpan[] tokens, SentenceCasing casing, Dictionary<ulong, string?> forms, WordClusters clusters)
    {
        var builder = new StringBuilder(tokens.Sum(t => t.Length + 1));
        var spans = new TextSpan[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Of(text);
            var start = builder.Length;
            if (word.Length == 0 || !char.IsLetter(word[0]))
            {
                builder.Append(word);
            }
            else
            {
                var key = FeatureHash.OfLower(word);
                var capitalise = forms.TryGetValue(key, out var form) ? form is not null : Prior(clusters, key, word, casing);
                if (form is not null) builder.Append(form);
                else if (capitalise || i == 0) AppendCapitalised(builder, word, keepCapitals: casing == SentenceCasing.Headline);
                else AppendLower(builder, word);
            }
            spans[i] = TextSpan.FromBounds(start, builder.Length);
            builder.Append(' ');
        }
        return (builder.ToString(), spans);
    }

    private static bool IsUsuallyLower(WordClusters clusters, ReadOnlySpan<char> word)
    {
        if (clusters.Levels < 4) return false;
        var bucket = clusters.Lookup(FeatureHash.OfLower(word), clusters.Levels - 1);
        return bucket is >= 1 and <= 2; // capitalised under a tenth of the time mid-sentence
    }

    /// <summary>Whether a word not seen in normal sentences of the document should be capitalised.</summary>
    private static bool Prior(WordClusters clusters, ulong key, ReadOnlySpan<char> word, SentenceCasing casing)
    {
        var bucket = clusters.Levels >= 4 ? clusters.Lookup(key, clusters.Levels - 1) : -1;
        if (bucket >= 4) return true; // capitalised at least half the time mid-sentence
        if (bucket >= 1) return false;
        // Unknown word: in capitals or headline case it was written capitalised and is likely a name.
        return casing != SentenceCasing.Lower || word.Length == 0;
    }

    private static void AppendCapitalised(StringBuilder builder, ReadOnlySpan<char> word, bool keepCapitals)
    {
        builder.Append(char.ToUpperInvariant(word[0]));
        if (keepCapitals) builder.Append(word[1..]);
        else AppendLower(builder, word[1..]);
    }

    private static void AppendLower(StringBuilder builder, ReadOnlySpan<char> word)
    {
        foreach (var c in word) builder.Append(char.ToLowerInvariant(c));
    }
}
