using Crosscheck.Annotation.Words;

namespace Crosscheck.Annotation.Citations;

/// <summary>Thresholds of <see cref="CitationRecognizer"/>; the defaults are the documented behaviour.</summary>
public sealed record CitationOptions : WordLayerOptions
{
    /// <summary>How many words an unnamed source description may hold before its noun ("senior French diplomatic sources").</summary>
    public int MaxDescriptionWords { get; init; } = 4;

    /// <summary>How many tokens into a sentence a "(Reuters) -" dateline may start.</summary>
    public int DatelineWindow { get; init; } = 12;

    /// <summary>Also report sources named after "according to"/"citing" that are not in the outlet gazetteer ("according to the Pentagon").</summary>
    public bool IncludeNamedNonOutlets { get; init; } = true;

    /// <summary>Rules of the citation table left out, to measure what one does (none by default).</summary>
    public IReadOnlySet<CitationRuleName> Without { get; init; } = new HashSet<CitationRuleName>();
}

/// <summary>The rules of the citation recogniser, in the order they are tried; each citation records the one that found it.</summary>
public enum CitationRuleName
{
    /// <summary>"according to Reuters", "told Reuters": a cue before a gazetteer outlet.</summary>
    CueBeforeOutlet,

    /// <summary>"Reuters reported", "the news agency TASS said": a cue after a gazetteer outlet.</summary>
    CueAfterOutlet,

    /// <summary>"LISBON (Reuters) -": an outlet in a dateline's parentheses.</summary>
    Dateline,

    /// <summary>"the Russian agencies", "the state media": a country's press as a whole.</summary>
    CountryPress,

    /// <summary>"according to diplomatic sources": an unnamed source up to its source noun.</summary>
    UnnamedSource,

    /// <summary>"according to the Pentagon": a capitalised name that is no gazetteer outlet.</summary>
    NamedNonOutlet,
}
