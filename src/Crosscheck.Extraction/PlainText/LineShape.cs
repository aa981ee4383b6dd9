using Crosscheck.Extraction.Heuristics;

namespace Crosscheck.Extraction.PlainText;

/// <summary>How a line or block of scraped text reads: prose, heading, furniture...</summary>
internal enum BlockKind
{
    /// <summary>A real sentence or paragraph.</summary>
    Prose,

    /// <summary>A short line without end punctuation: an in-article heading, or a headline elsewhere.</summary>
    Heading,

    /// <summary>A teaser cut off with an ellipsis, as under related-story headlines.</summary>
    Teaser,

    /// <summary>Navigation, sharing, comment or subscription furniture.</summary>
    Chrome,

    /// <summary>Several headlines glued into one line ("...InsecurityDrama as...").</summary>
    RunOn,

    /// <summary>A line carrying a web address.</summary>
    Url,

    /// <summary>A line holding only a date.</summary>
    Date,

    /// <summary>A short line naming the author or their role.</summary>
    Byline,
}

/// <summary>General, site-independent signals of a block of scraped text.</summary>
internal static class LineShape
{
    private static readonly char[] ClosingMarks = ['"', '\'', '\u201D', '\u2019', '\u00BB', ')', ']', '*'];

    public static BlockKind Classify(string text, ExtractionOptions options)
    {
        if (Metadata.DateText.AsDateLine(text, options.MaxDateLineWords) is not null) return BlockKind.Date;
        var words = Words(text);
        if (HasUrl(text) && words.Count <= 12) return BlockKind.Url;
        if (IsRunOn(text, words.Count, options)) return BlockKind.RunOn;
        if (EndsWithEllipsis(text)) return BlockKind.Teaser;
        var terminal = EndsLikeSentence(text);
        if (!terminal && words.Count <= options.MaxChromeLineWords && IsMostlyChrome(words)) return BlockKind.Chrome;
        if (words.Count <= options.MaxNoticeWords && IsSiteNotice(text, words, terminal)) return BlockKind.Chrome;
        if (!terminal && IsByline(words, options)) return BlockKind.Byline;
        if (terminal && words.Count >= options.MinSentenceWords) return BlockKind.Prose;
        if (words.Count >= options.ProseWithoutPunctuationWords) return BlockKind.Prose;
        return BlockKind.Heading;
    }

    /// <summary>Lower-cased words with surrounding punctuation removed; symbol-only tokens are dropped.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = token.AsSpan().Trim("\"'“”‘’«»()[]{}.,;:!?*|•·-–—/\\");
            var hasLetterOrDigit = false;
            foreach (var c in trimmed)
            {
                if (char.IsLetterOrDigit(c))
                {
                    hasLetterOrDigit = true;
                    break;
                }
            }
            if (hasLetterOrDigit) words.Add(trimmed.ToString().ToLowerInvariant());
        }
        return words;
    }

    public static bool EndsLikeSentence(string text)
    {
        var end = text.AsSpan().TrimEnd().TrimEnd(ClosingMarks);
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '。' or '！' or '？';
    }

    public static bool EndsWithEllipsis(string text)
    {
        var end = text.AsSpan().TrimEnd();
        return end.EndsWith("...", StringComparison.Ordinal) || end.EndsWith("…", StringComparison.Ordinal)
            || end.EndsWith("[…]", StringComparison.Ordinal) || end.EndsWith("[...]", StringComparison.Ordinal);
    }

    public static bool HasUrl(string text) =>
        text.Contains("http://", StringComparison.OrdinalIgnoreCase) || text.Contains("https://", StringComparison.OrdinalIgnoreCase)
        || text.Contains("www.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Counts places where one word runs into the next without a space ("InsecurityDrama",
    /// "2031Egypt"): the mark of headline lists whose separators were lost in scraping.
    /// </summary>
    public static int CountGluedWords(string text)
    {
        var joins = 0;
        var lowerRun = 0;
        var digitRun = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (char.IsLower(c)) lowerRun++;
            else lowerRun = 0;
            if (char.IsDigit(c)) digitRun++;
            else digitRun = 0;
            var next = text[i + 1];
            if ((lowerRun >= 3 || digitRun >= 4) && char.IsUpper(next)
                && i + 2 < text.Length && char.IsLower(text[i + 2]))
                joins++;
        }
        return joins;
    }

    private static bool IsRunOn(string text, int wordCount, ExtractionOptions options)
    {
        var joins = CountGluedWords(text);
        return joins >= options.MinRunOnJoins && joins * 25 >= wordCount;
    }

    /// <summary>Whether the topic words of a short line are mostly furniture vocabulary.</summary>
    public static bool IsMostlyChrome(List<string> words)
    {
        var content = 0;
        var chrome = 0;
        foreach (var word in words)
        {
            if (HeuristicData.FunctionWords.Contains(word)) continue;
            content++;
            if (HeuristicData.ChromeWords.Contains(word)) chrome++;
        }
        return content == 0 || chrome * 2 >= content;
    }

    /// <summary>A short sentence that addresses the reader about site mechanics (comments, e-mail, ad blockers).</summary>
    private static bool IsSiteNotice(string text, List<string> words, bool terminal)
    {
        // Quoted speech is article content even when it says "your" and "email".
        if (text.IndexOfAny(['"', '\u201C', '\u201D', '\u00AB']) >= 0) return false;
        var address = false;
        var notice = false;
        foreach (var word in words)
        {
            address |= HeuristicData.AddressWords.Contains(word);
            notice |= HeuristicData.NoticeWords.Contains(word);
        }
        return notice && (address || !terminal);
    }

    private static bool IsByline(List<string> words, ExtractionOptions options)
    {
        if (words.Count is 0 || words.Count > options.MaxBylineWords) return false;
        if (words[0] == "by" && words.Count >= 2) return true;
        foreach (var word in words)
            if (HeuristicData.BylineRoles.Contains(word)) return true;
        return false;
    }
}
