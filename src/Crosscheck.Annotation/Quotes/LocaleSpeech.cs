using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// Speech words of one language (Quotes/Data/speech-xx.txt): its speech verbs, the verbs with their pronoun after a
/// quote ("dit-il"), subject pronouns, the word opening reported content, source words ("selon", "laut", "据"), the
/// words ending a speaker phrase, and the language's quotation marks. Languages without a file (English among them)
/// keep the English attribution rules.
/// </summary>
internal sealed class LocaleSpeech
{
    private static readonly PerLanguage<LocaleSpeech> ByLanguage = new(["de", "es", "fr", "ru", "zh"], language => new LocaleSpeech(language));

    private LocaleSpeech(string language)
    {
        Unspaced = language == "zh";
        List<(string Form, int Value)> verbs = [], inversions = [], inversionVerbs = [], thats = [], sources = [], sourcesAfter = [], sourceEnds = [], stops = [], trailing = [];
        foreach (var row in Lexicon.Rows(typeof(LocaleSpeech).Assembly, $"Quotes/Data/speech-{language}.txt", LexiconCase.Exact))
        {
            switch (row[0])
            {
                case "verb": verbs.Add((row[1], 0)); break;
                case "inversion": inversions.Add((row[1], row.Length > 2 && row[2] == "+" ? 1 : 0)); break;
                case "inversion-verb": inversionVerbs.Add((row[1], 0)); break;
                case "pronoun": Pronouns.Add(row[1]); break;
                case "that": thats.Add((row[1], 0)); break;
                case "source": sources.Add((row[1], 0)); break;
                case "source-after": sourcesAfter.Add((row[1], 0)); break;
                case "source-end": sourceEnds.Add((row[1], 0)); break;
                case "stop": stops.Add((row[1], 0)); break;
                case "trailing": trailing.Add((row[1], 0)); break;
                case "determiner": Determiners.Add(row[1]); break;
                case "marks": Marks.Add((row[1][0], row[2][0])); break;
                case "setting" when row[1] == "capitalised-nouns": CapitalisedNouns = true; break;
                default: throw new InvalidOperationException($"speech-{language}.txt: unknown kind '{row[0]}'");
            }
        }
        (Verbs, Inversions, InversionVerbs, Thats, Sources) = (new(verbs), new(inversions), new(inversionVerbs), new(thats), new(sources));
        (SourcesAfter, SourceEnds, Stops, Trailing) = (new(sourcesAfter), new(sourceEnds), new(stops), new(trailing));
    }

    /// <summary>Chinese writes no spaces: a form may be glued to the next word, and a verb must be followed by punctuation.</summary>
    public bool Unspaced { get; }

    /// <summary>German capitalises nouns: a source phrase after "laut" ends at its first lower-case word that is no determiner.</summary>
    public bool CapitalisedNouns { get; }

    public LocaleForms Verbs { get; }

    /// <summary>"dit-il", "a-t-il" (Value 1: a participle follows): a verb and its subject pronoun after a quote.</summary>
    public LocaleForms Inversions { get; }

    /// <summary>"so" in "„...“, so der Sprecher": a cue only right after a quote.</summary>
    public LocaleForms InversionVerbs { get; }

    public HashSet<string> Pronouns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public LocaleForms Thats { get; }

    public LocaleForms Sources { get; }

    public LocaleForms SourcesAfter { get; }

    public LocaleForms SourceEnds { get; }

    public LocaleForms Stops { get; }

    public LocaleForms Trailing { get; }

    public HashSet<string> Determiners { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<(char Open, char Close)> Marks { get; } = [];

    /// <summary>The quotation marks of every language with a file.</summary>
    public static IEnumerable<(char Open, char Close)> EveryLanguagesMarks => ByLanguage.All.SelectMany(speech => speech.Marks);

    /// <summary>The speech words of <paramref name="language"/> (ISO 639-1, region ignored), or null.</summary>
    public static LocaleSpeech? For(string? language) => ByLanguage.For(language);

    /// <summary>A cheap test before the tables are tried at a word: most words start with no cue's letter.</summary>
    public bool CouldStartCue(char c) => Verbs.CouldStart(c) || Inversions.CouldStart(c) || InversionVerbs.CouldStart(c) || Sources.CouldStart(c) || SourcesAfter.CouldStart(c);

    public (int Value, int End)? Match(LocaleForms forms, string text, int at, int limit) => forms.Match(text, at, limit, Unspaced);

    /// <summary>
    /// The quoted passages of the text, marks included: each opening mark of the language closed by its own closing mark
    /// in the same paragraph (so „...“ closes at “ and «...„...“...» at »); an opening left unclosed at a paragraph's end is no quote.
    /// </summary>
    public List<TextSpan> FindQuotes(string text, int maxQuoteChars)
    {
        var quotes = new List<TextSpan>();
        var open = -1;
        var close = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open >= 0)
            {
                if (c == close && i + 1 - open <= maxQuoteChars) quotes.Add(TextSpan.FromBounds(open, i + 1));
                if (c == close || c == '\n') open = -1;
                continue;
            }
            foreach (var (opening, closing) in Marks)
            {
                // A straight mark opens only where a word starts after it.
                if (c != opening || (opening == closing && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])))) continue;
                (open, close) = (i, closing);
                break;
            }
        }
        return quotes;
    }
}
