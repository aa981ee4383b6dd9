using System.Collections.Concurrent;
using Crosscheck.Core.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// The words of a text as similarity compares them, per language: tokens for the language's script (Chinese
/// has no spaces: its characters are read as overlapping pairs, Lucene's CJK bigrams, since SmartCn's and ICU's
/// word breakers need the culture data the process runs without), the language's stop words dropped, and each word
/// reduced to its stem (Snowball for the European languages and Turkish, Lucene's light stemmer for Arabic;
/// Polish, which has no Snowball stemmer here, keeps a five-letter prefix, a known stand-in for a stemmer in
/// Slavic languages). "annoncé", "annonce" and "annonces" then meet, as "sanctions" and "sanction" do. A German
/// compound also gives the stems of its parts when they are words of the German glossary (<see cref="CompoundSplitFilter"/>,
/// how far by <see cref="CompoundSplitting"/>), so "Regierungsbündnis" meets "Regierung" and "Bündnis"; a part follows its
/// compound at the compound's offset (<see cref="IsPart"/>).
/// A language without an analysis here (or none identified) gets null, and the caller scans words as before.
/// </summary>
public static class LanguageTerms
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Characters of a Polish stem: a prefix long enough to tell words apart, short enough to join their endings.</summary>
    private const int PolishPrefix = 5;

    private static readonly ConcurrentDictionary<(string Language, CompoundSplitting Compounds), Analyzer?> Analyzers = new();

    /// <summary>
    /// The languages with an analysis (ISO 639-1): the news languages of the shared list, the ones the language
    /// identifier tells apart (a language added there needs its analysis in <see cref="Create"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> Languages = Lexicon.Set(Lexicon.Shared, "WordLists/news-languages.txt", LexiconCase.Exact);

    /// <summary>
    /// The stems of <paramref name="text"/> with each one's character offset, at most <paramref name="maxTerms"/>;
    /// null when <paramref name="language"/> has no analysis. Numbers are left out (the caller reads them apart). A compound's
    /// parts (German, <paramref name="compounds"/>) follow its own stem at the same offset (<see cref="IsPart"/>).
    /// </summary>
    public static List<(string Stem, int Start)>? Analyze(string? language, string text, int maxTerms = int.MaxValue, CompoundSplitting compounds = CompoundSplitting.Headwords)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (language is null || !Languages.Contains(language)) return null;
        // Only German splits compounds: every other language has one analyzer whatever is asked.
        var analyzer = Analyzers.GetOrAdd((language, language == "de" ? compounds : CompoundSplitting.Headwords), key => Create(key.Language, key.Compounds));
        if (analyzer is null) return null;
        var result = new List<(string, int)>(Math.Min(text.Length / 6 + 1, 4096));
        using var stream = analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (result.Count < maxTerms && stream.IncrementToken())
        {
            var span = term.Buffer.AsSpan(0, term.Length);
            if (IsNumber(span)) continue;
            if (language == "pl" && span.Length > PolishPrefix) span = span[..PolishPrefix];
            result.Add((span.ToString(), offset.StartOffset));
        }
        stream.End();
        return result;
    }

    /// <summary>
    /// Whether the term at <paramref name="index"/> of an <see cref="Analyze"/> result is a compound's part: tokens of a text
    /// start at distinct offsets, and only a split compound's parts share their compound's.
    /// </summary>
    public static bool IsPart(List<(string Stem, int Start)> terms, int index)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return index > 0 && terms[index].Start == terms[index - 1].Start;
    }

    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsDigit(c) && c is not ('.' or ',')) return false;
        }
        return true;
    }

    private static Analyzer? Create(string language, CompoundSplitting compounds) => language switch
    {
        "zh" => new CJKAnalyzer(Version),
        "ar" => Chain(ArabicAnalyzer.DefaultStopSet, stream => new ArabicStemFilter(new ArabicNormalizationFilter(stream))),
        // Turkish writes a name's case ending after an apostrophe ("Ankara'da", "Fenerbahçe'nin"): the ending goes, the name stays.
        "tr" => Chain(TurkishAnalyzer.DefaultStopSet, stream => new SnowballFilter(new ApostropheFilter(stream), new TurkishStemmer())),
        "fr" => Chain(FrenchAnalyzer.DefaultStopSet, stream => new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer()), elisions: FrenchAnalyzer.DEFAULT_ARTICLES),
        "de" => Chain(GermanAnalyzer.DefaultStopSet, stream => new SnowballFilter(SplitCompounds("de", compounds, stream), new German2Stemmer())),
        "en" => Snowball(EnglishAnalyzer.DefaultStopSet, () => new EnglishStemmer()),
        "es" => Snowball(SpanishAnalyzer.DefaultStopSet, () => new SpanishStemmer()),
        "it" => Snowball(ItalianAnalyzer.DefaultStopSet, () => new ItalianStemmer()),
        "nl" => Snowball(DutchAnalyzer.DefaultStopSet, () => new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer()),
        "pt" => Snowball(PortugueseAnalyzer.DefaultStopSet, () => new Lucene.Net.Tartarus.Snowball.Ext.PortugueseStemmer()),
        "ru" => Snowball(RussianAnalyzer.DefaultStopSet, () => new RussianStemmer()),
        "pl" => Chain(CharArraySet.Empty, stream => stream),
        _ => null,
    };

    /// <summary>
    /// Shortest part a compound is split into: shorter "words" of a dictionary ("ab", "tor", "gier") match inside too many
    /// unrelated compounds. 5 was chosen on the training pairs of similarity-semeval2022 (mean same/cross F1 there 0.688
    /// at 3, 0.689 at 4, 0.693 at 5, 0.690 at 6; docs/BENCHMARKS.md, 2026-12-05 night 2).
    /// </summary>
    private const int MinCompoundPart = 5;

    /// <summary>
    /// Shortest modifier (the part before the head) of <see cref="CompoundSplitting.Wide"/>: four letters reach the short
    /// first parts news compounds are made of ("Bund-es-", "Wahl-", "Land-", "Impf-"); the head keeps <see cref="MinCompoundPart"/>.
    /// </summary>
    private const int MinWideModifier = 4;

    /// <summary>
    /// German inflection endings (plural and case) by which <see cref="CompoundSplitting.Wide"/> tells a headword that is another
    /// headword's inflected form ("Regierungen", "Kanzlerinnen") from a compound the dictionary lists whole ("Bundesregierung").
    /// </summary>
    private static readonly string[] GermanEndings = ["e", "n", "en", "er", "ern", "s", "es", "nen"];

    private static readonly ConcurrentDictionary<(string Language, int MinLength), CharArraySet> CompoundParts = new();

    /// <summary>The stream with compounds split into the headwords of the language's glossary (<see cref="CompoundSplitFilter"/>).</summary>
    private static TokenStream SplitCompounds(string language, CompoundSplitting compounds, TokenStream stream)
    {
        if (compounds == CompoundSplitting.None) return stream;
        var wide = compounds == CompoundSplitting.Wide;
        var minLength = wide ? MinWideModifier : MinCompoundPart;
        var words = CompoundParts.GetOrAdd((language, minLength), key => new CharArraySet(Version, Glossary.Headwords(key.Language).Where(w => w.Length >= key.MinLength).ToList(), ignoreCase: false));
        if (words.Count == 0) return stream;
        return wide
            ? new CompoundSplitFilter(stream, words, MinCompoundPart, MinWideModifier, wide: true, GermanAnalyzer.DefaultStopSet, GermanEndings)
            : new CompoundSplitFilter(stream, words, MinCompoundPart);
    }

    /// <summary>A Snowball stemmer is not thread-safe: each token stream (one per thread) gets its own from <paramref name="stemmer"/>.</summary>
    private static Analyzer Snowball(CharArraySet stopWords, Func<SnowballProgram> stemmer) =>
        Chain(stopWords, stream => new SnowballFilter(stream, stemmer()));

    /// <summary>Standard (Unicode word break) tokens, lower-cased, elisions and stop words dropped, then <paramref name="stem"/>.</summary>
    /// <remarks>
    /// Turkish is lower-cased as the others: Lucene's Turkish lower-casing (dotted and dotless i) needs the
    /// "tr" culture, which the process runs without; stems of "İstanbul" and "istanbul" still meet.
    /// </remarks>
    private static Analyzer Chain(CharArraySet stopWords, Func<TokenStream, TokenStream> stem, CharArraySet? elisions = null) =>
        Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            if (elisions is not null) stream = new ElisionFilter(stream, elisions);
            stream = new StopFilter(Version, stream, stopWords);
            return new TokenStreamComponents(tokenizer, stem(stream));
        });
}
