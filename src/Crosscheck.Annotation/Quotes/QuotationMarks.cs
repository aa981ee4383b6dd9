namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// The one list of the pairs of quotation marks the quote layer knows, for code outside it that must recognise a quote's marks
/// (a quote whose span took them in): English's (“…”, "…", «…», ‹…›), those of every language in Quotes/Data/speech-xx.txt
/// („…“ and »…« in German, 「…」 and 『…』 in Chinese, ...), and the single marks that open a quote inside a quote (‘…’, ‚…‘),
/// which the layer finds no quote by but which may enclose one.
/// </summary>
public static class QuotationMarks
{
    private static readonly (char Open, char Close)[] Single = [('\u2018', '\u2019'), ('\u201A', '\u2018')];

    /// <summary>Each pair once, an opening mark with its closing one (the same character for straight marks).</summary>
    public static IReadOnlyList<(char Open, char Close)> Pairs { get; } = [.. QuoteMarks.Pairs.Concat(LocaleSpeech.EveryLanguagesMarks).Concat(Single).Distinct()];
}
