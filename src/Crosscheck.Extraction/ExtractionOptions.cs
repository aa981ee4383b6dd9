using Crosscheck.Extraction.PageTypes;

namespace Crosscheck.Extraction;

/// <summary>
/// Every threshold the extractor uses, with its default. Limits bound the work done on
/// untrusted input; the rest tune the content heuristics.
/// </summary>
public sealed record ExtractionOptions
{
    public static readonly ExtractionOptions Default = new();

    /// <summary>Raw inputs above this many bytes are cut before decoding (default 16 MB).</summary>
    public int MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Decoded HTML above this many characters is cut before parsing (default 3 M chars; real article pages are far smaller).</summary>
    public int MaxHtmlChars { get; init; } = 3_000_000;

    /// <summary>Elements nested deeper than this are not read (default 400).</summary>
    public int MaxDepth { get; init; } = 400;

    /// <summary>At most this many DOM nodes are visited (default 400,000).</summary>
    public int MaxNodes { get; init; } = 400_000;

    /// <summary>
    /// The work budget of one input's content passes: nodes visited, summed over every reading of the page (a page may
    /// be read again for its hidden parts or as a whole); on overrun what was read is kept (default 1,000,000). Counted in
    /// work, not wall time, so that the same page gives the same text on a loaded machine as on a quiet one; the largest
    /// benchmark pages visit about 40,000 nodes a reading.
    /// </summary>
    public int MaxWork { get; init; } = 1_000_000;

    /// <summary>The finished body is cut at this many characters (default 400,000).</summary>
    public int MaxBodyChars { get; init; } = 400_000;

    /// <summary>Bodies shorter than this are not given a language (default 40 chars).</summary>
    public int MinLanguageChars { get; init; } = 40;

    /// <summary>At most this many leading characters of the body are used to identify the language (default 200: ample for news prose, and detection time grows with length).</summary>
    public int LanguageSampleChars { get; init; } = 200;

    /// <summary>
    /// Language identification uses trigram models only (default true): loads in a fraction of
    /// the time and memory, and is as accurate on paragraph-length text as the full models.
    /// </summary>
    public bool LanguageLowAccuracyMode { get; init; } = true;

    /// <summary>Text: lines of a block are treated as hard-wrapped when its longest line is at most this long (default 100 chars).</summary>
    public int MaxWrappedLineChars { get; init; } = 100;

    /// <summary>HTML: when our extraction yields fewer characters than this, SmartReader is tried as a fallback (default 120).</summary>
    public int FallbackBelowChars { get; init; } = 120;

    /// <summary>HTML: pages larger than this never go to the (slower, unbounded) SmartReader fallback (default 1 M chars).</summary>
    public int MaxFallbackHtmlChars { get; init; } = 1_000_000;

    /// <summary>HTML: whether SmartReader may be used as fallback at all (default true).</summary>
    public bool UseSmartReaderFallback { get; init; } = true;

    /// <summary>HTML: a text block shorter than this does not vote for its container (default 25 chars).</summary>
    public int MinScoredBlockChars { get; init; } = 25;

    /// <summary>HTML: a block whose share of linked text exceeds this is link furniture (default 0.5).</summary>
    public double MaxBlockLinkDensity { get; init; } = 0.5;

    /// <summary>
    /// HTML: containers holding the block that opens with the page's own description
    /// (og:description) have their score multiplied by this (default 1.5): the description is
    /// nearly always the article's first words, never a comment's.
    /// </summary>
    public double DescriptionContainerBoost { get; init; } = 1.5;

    /// <summary>HTML: leading characters of the description that must match a block (default 50).</summary>
    public int DescriptionMatchChars { get; init; } = 50;

    /// <summary>HTML: a content-like class name ("article", "body") earns a bonus only on elements holding this much text (default 500 chars).</summary>
    public int MinPositiveClassChars { get; init; } = 500;

    /// <summary>HTML: siblings of the best container scoring at least this share of its score join the article (default 0.2).</summary>
    public double SiblingScoreShare { get; init; } = 0.2;

    /// <summary>
    /// HTML: chunks of a body split across layout rows are looked for this many levels above the
    /// best container, among elements of its tag and class (default 3).
    /// </summary>
    public int BodyChunkLevels { get; init; } = 3;

    /// <summary>
    /// HTML: an ancestor of the best container replaces the selection when the weight of its
    /// content exceeds the selection's by this share (default 0.3); see <see cref="RegionLevels"/>.
    /// </summary>
    public double RegionGainShare { get; init; } = 0.3;

    /// <summary>HTML: <see cref="RegionGainShare"/> on a page told to be a service page, made of sections none of which holds most of it (default 0.1).</summary>
    public double SectionsRegionGainShare { get; init; } = 0.1;

    /// <summary>HTML: ancestors of the best container up to this many levels are weighed as the content region (default 15: page builders nest the text deep).</summary>
    public int RegionLevels { get; init; } = 15;

    /// <summary>HTML: an element is a link list when at least this many of its children share one shape (tag and class) (default 3).</summary>
    public int MinListItems { get; init; } = 3;

    /// <summary>HTML: <see cref="MinListItems"/> on a page told to be a listing, where a pair of cards is already entries (on an article it is a pair of related links) (default 2).</summary>
    public int ListingMinListItems { get; init; } = 2;

    /// <summary>HTML: ... and the linked share of those children's text is at least this (default 0.15).</summary>
    public double MinListLinkShare { get; init; } = 0.15;

    /// <summary>HTML: ... and they hold at least this many characters each on average (default 15: not a row of letters or page numbers).</summary>
    public int MinListItemChars { get; init; } = 15;

    /// <summary>HTML: the page's heaviest link list replaces the selection when its entries hold this many times the selection's prose (default 1.5).</summary>
    public double LinkListOutweighs { get; init; } = 1.5;

    /// <summary>HTML: <see cref="LinkListOutweighs"/> on a page told to be a listing, whose entries are its content (default 1).</summary>
    public double ListingLinkListOutweighs { get; init; } = 1;

    /// <summary>HTML: a furniture-like class value worn by at least this many elements of a page is its layout vocabulary, not furniture (default 10).</summary>
    public int RepeatedClassIsLayout { get; init; } = 10;

    /// <summary>Text: a block needs at least this many words to count as a sentence (default 4).</summary>
    public int MinSentenceWords { get; init; } = 4;

    /// <summary>Text: a block at least this long counts as prose even without end punctuation (default 30 words).</summary>
    public int ProseWithoutPunctuationWords { get; init; } = 30;

    /// <summary>Text: lines at most this many words are judged as short chrome lines (default 7).</summary>
    public int MaxChromeLineWords { get; init; } = 7;

    /// <summary>Text: sentences with a reader address and UI vocabulary up to this length are site notices (default 30 words).</summary>
    public int MaxNoticeWords { get; init; } = 30;

    /// <summary>Text: more non-prose blocks than this between two prose blocks split the text into separate regions (default 2).</summary>
    public int MaxGapBlocks { get; init; } = 2;

    /// <summary>Text: a line with at least this many glued words ("endStart") is a run-on headline list (default 3).</summary>
    public int MinRunOnJoins { get; init; } = 3;

    /// <summary>Byline lines are at most this many words (default 8).</summary>
    public int MaxBylineWords { get; init; } = 8;

    /// <summary>Date lines are at most this many words (default 12).</summary>
    public int MaxDateLineWords { get; init; } = 12;

    /// <summary>
    /// Not a threshold: the page-type model that types each HTML page (null: the shipped
    /// <see cref="PageTypes.PageTypeModel.Default"/>). Only `eval extraction --held-out-page-types` sets it, to type each
    /// benchmark page by a model not fitted on its site.
    /// </summary>
    internal PageTypeModel? PageTypeModel { get; init; }
}
