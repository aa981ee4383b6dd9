using System.Collections.Frozen;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Citations;

/// <summary>
/// Finds the outlets and sources an article relies on: a gazetteer outlet next to a citation cue
/// ("according to Reuters", "told the BBC", "AFP reported", a "(Reuters) -" dateline), and unnamed
/// or non-outlet sources after "according to"/"citing" ("citing diplomatic sources",
/// "the Russian agencies"), the latter with <see cref="Citation.IsOutlet"/> false.
/// </summary>
public sealed class CitationRecognizer(CitationOptions options, OutletGazetteer? gazetteer = null)
    : DocumentStage("citations", [Layer.Sentences], [Layer.Citations])
{
    private static readonly List<Phrase> BeforeCues = [];
    private static readonly List<Phrase> AfterCues = [];
    private static readonly FrozenSet<string> Skippable = Lexicon.Set(typeof(CitationRecognizer).Assembly, "Citations/Data/skippable.txt", LexiconCase.IgnoreCase);
    private static readonly FrozenSet<string> SourceNouns = Lexicon.Set(LexiconCase.IgnoreCase, (Lexicon.Shared, "WordLists/source-nouns.txt"), (typeof(CitationRecognizer).Assembly, "Citations/Data/source-nouns.txt"));
    private static readonly FrozenSet<string> MediaNouns = Lexicon.Set(typeof(CitationRecognizer).Assembly, "Citations/Data/media-nouns.txt", LexiconCase.IgnoreCase);
    private static readonly FrozenSet<string> Boundaries = Lexicon.Set(typeof(CitationRecognizer).Assembly, "Citations/Data/boundaries.txt", LexiconCase.IgnoreCase);
    private static readonly FrozenSet<string> Determiners = Lexicon.Set(LexiconCase.IgnoreCase, (Lexicon.Shared, "WordLists/determiners.txt"), (typeof(CitationRecognizer).Assembly, "Citations/Data/determiners.txt"));
    private static readonly List<Phrase> SourceIntroducers = [Phrase.Parse("according to", ""), Phrase.Parse("citing", ""), Phrase.Parse("quoting", ""), Phrase.Parse("cited", "")];

    static CitationRecognizer()
    {
        foreach (var row in Lexicon.Rows(typeof(CitationRecognizer).Assembly, "Citations/Data/cues.txt", LexiconCase.Exact))
        {
            (row[0] == "before" ? BeforeCues : AfterCues).Add(Phrase.Parse(row[1], row[0]));
        }
        BeforeCues.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        AfterCues.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    private readonly CitationOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly OutletGazetteer _gazetteer = gazetteer ?? OutletGazetteer.Default;

    public CitationRecognizer()
        : this(new CitationOptions())
    {
    }

    public override void Process(Document document)
    {
        var text = document.Text;
        var found = new List<Citation>();
        foreach (var sentence in WordLayer.Of(document, _options.MaxSentenceChars))
        {
            var tokens = sentence.Words;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (_gazetteer.Match(text, tokens, i) is { } outlet)
                {
                    if (IsCited(text, tokens, i, outlet.End))
                    {
                        found.Add(new Citation(TextSpan.FromBounds(tokens[i].Start, tokens[outlet.End - 1].End), outlet.Canonical, true));
                    }
                    i = outlet.End - 1;
                    continue;
                }
                if (TryUnnamedSource(text, tokens, i, out var citation, out var next))
                {
                    found.Add(citation);
                    i = next - 1;
                }
            }
        }
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.Citations = [.. found];
    }

    private bool IsCited(string text, List<Scanned> tokens, int first, int end)
    {
        var before = first;
        if (before > 0 && Determiners.Contains(tokens[before - 1].Of(text).ToString())) before--;
        if (Phrase.MatchBackward(BeforeCues, tokens, before, text) is not null) return true;
        // "the Russian news agency TASS": a cue noun may be separated by one adjective.
        var after = end;
        while (after < tokens.Count && after - end < 3 && Skippable.Contains(tokens[after].Of(text).ToString())) after++;
        if (Phrase.MatchForward(AfterCues, tokens, after, text) is not null) return true;
        if (Phrase.MatchForward(AfterCues, tokens, end, text) is not null) return true;
        // Dateline: "BAMAKO (Reuters) -".
        if (first > 0 && first < _options.DatelineWindow && tokens[first - 1].Of(text) is "(" && end < tokens.Count && tokens[end].Of(text) is ")") return true;
        return false;
    }

    /// <summary>"according to diplomatic sources", "citing the Russian agencies", "according to the Pentagon".</summary>
    private bool TryUnnamedSource(string text, List<Scanned> tokens, int i, out Citation citation, out int next)
    {
        citation = default;
        next = i + 1;
        // "the Russian agencies", "the state media": a country's press cited as a whole.
        if (tokens[i].Is(text, "the") && i + 2 < tokens.Count && tokens[i + 1].Kind == ScanKind.Word && _gazetteer.Match(text, tokens, i + 1) is null &&
            (tokens[i + 1].IsCapitalized(text) || tokens[i + 1].Is(text, "state")) && MediaNouns.Contains(tokens[i + 2].Of(text).ToString()))
        {
            var press = TextSpan.FromBounds(tokens[i + 1].Start, tokens[i + 2].End);
            citation = new Citation(press, press.TextOf(text), false);
            next = i + 3;
            return true;
        }
        if (Phrase.MatchForward(SourceIntroducers, tokens, i, text) is not { } cue) return false;
        var k = cue.End;
        if (k < tokens.Count && Determiners.Contains(tokens[k].Of(text).ToString())) k++;
        var start = k;
        // An outlet after the cue is left to the gazetteer path ("according to the Associated Press").
        if (start >= tokens.Count || _gazetteer.Match(text, tokens, start) is not null) return false;
        // The description runs to its last source noun: "media buying sources", "state corporate records".
        var lastNoun = -1;
        for (var w = 0; k < tokens.Count && w <= _options.MaxDescriptionWords; w++, k++)
        {
            var token = tokens[k];
            if (token.Kind != ScanKind.Word || Boundaries.Contains(token.Of(text).ToString())) break;
            if (SourceNouns.Contains(token.Of(text).ToString())) lastNoun = k;
        }
        if (lastNoun >= 0)
        {
            var span = TextSpan.FromBounds(tokens[start].Start, tokens[lastNoun].End);
            citation = new Citation(span, span.TextOf(text), false);
            next = lastNoun + 1;
            return true;
        }
        if (!_options.IncludeNamedNonOutlets) return false;
        // A capitalised name that is not a gazetteer outlet ("the United Nations", "Central Mat-Su fire chief"): a non-outlet source.
        k = start;
        while (k < tokens.Count && (tokens[k].IsCapitalized(text) ||
               (k > start && tokens[k].Is(text, "of") && k + 1 < tokens.Count && tokens[k + 1].IsCapitalized(text)) ||
               (k > start && tokens[k].Of(text) is "-" && !tokens[k].SpaceBefore && k + 1 < tokens.Count && !tokens[k + 1].SpaceBefore && tokens[k + 1].Kind == ScanKind.Word)))
        {
            k++;
        }
        if (k == start) return false;
        // A capitalised modifier takes its noun along: "a Democratic aide", "an ICE spokeswoman".
        var end = k;
        for (var w = 0; end < tokens.Count && w < 2 && tokens[end].Kind == ScanKind.Word && !tokens[end].IsCapitalized(text) &&
             !Boundaries.Contains(tokens[end].Of(text).ToString()); w++)
        {
            end++;
        }
        var named = TextSpan.FromBounds(tokens[start].Start, tokens[end - 1].End);
        citation = new Citation(named, named.TextOf(text), false);
        next = end;
        return true;
    }
}
