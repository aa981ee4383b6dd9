using Crosscheck.Core.Model;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// How much a word counts by where it stands. The lead (<see cref="ClusteringOptions.LeadWords"/> words
/// from the first line long enough to be prose) states the event and counts more; lines that look like
/// page chrome — teasers cut with an ellipsis, runs of title-cased headlines of other stories, menu
/// fragments — count less, so scraped text with its site furniture still clusters by its article.
/// </summary>
internal sealed class PositionWeights
{
    private readonly TextSpan _lead;
    private readonly List<TextSpan> _chrome = [];
    private readonly double _leadBoost;
    private readonly double _chromeWeight;

    public PositionWeights(string text, List<WordToken> words, ClusteringOptions options)
    {
        _leadBoost = options.LeadBoost;
        _chromeWeight = options.ChromeLineWeight;
        var leadFirst = -1;
        var index = 0;
        while (index < words.Count)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, words[index].Start - 1)) + 1;
            if (words[index].Start == 0) lineStart = 0;
            var lineEnd = text.IndexOf('\n', words[index].Start);
            if (lineEnd < 0) lineEnd = text.Length;
            var first = index;
            var capitalised = 0;
            while (index < words.Count && words[index].Start < lineEnd)
            {
                if (words[index].IsCapitalised) capitalised++;
                index++;
            }
            var count = index - first;
            if (leadFirst < 0 && count >= options.LeadMinLineWords) leadFirst = first;
            if (IsChrome(text.AsSpan(lineStart, lineEnd - lineStart).Trim(), count, capitalised, options)) _chrome.Add(TextSpan.FromBounds(lineStart, lineEnd));
        }
        if (words.Count == 0) return;
        if (leadFirst < 0) leadFirst = 0;
        var last = words[Math.Min(words.Count, leadFirst + options.LeadWords) - 1];
        _lead = TextSpan.FromBounds(words[leadFirst].Start, last.Start + last.Length);
    }

    public double At(int position)
    {
        if (_lead.Contains(position)) return _leadBoost;
        return InChrome(position) ? _chromeWeight : 1.0;
    }

    private bool InChrome(int position) => TextSpan.IndexContaining(_chrome, position) >= 0;

    private static bool IsChrome(ReadOnlySpan<char> line, int words, int capitalised, ClusteringOptions options)
    {
        if (words == 0) return false;
        if (line.EndsWith("...") || line.EndsWith("\u2026")) return true;
        if (words < options.ChromeMaxWords) return true;
        // A headline of another story: most words capitalised and no closing sentence punctuation.
        return capitalised >= words * 0.7 && line[^1] is not ('.' or '!' or '?' or '"' or '\u201D');
    }
}
