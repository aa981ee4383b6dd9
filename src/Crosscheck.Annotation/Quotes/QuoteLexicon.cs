using System.Collections.Frozen;
using System.Reflection;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quotes;

/// <summary>The word lists of the quote recogniser (<c>Quotes/Data</c>), loaded once.</summary>
internal sealed class QuoteLexicon
{
    /// <summary>The assembly whose Quotes/Data lists these are (declared first: <see cref="Instance"/> reads them).</summary>
    private static readonly Assembly Data = typeof(QuoteLexicon).Assembly;

    public static QuoteLexicon Instance { get; } = new();

    private QuoteLexicon()
    {
        foreach (var row in Lexicon.Rows(Data, "Quotes/Data/cues.txt", LexiconCase.Exact))
        {
            var flags = row.Length > 1 ? row[1] : "";
            Cues.Add(Phrase.Parse(row[0], flags));
        }
        Cues.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        foreach (var cue in Cues) CueFirstWords.Add(cue.Words[0]);
        foreach (var row in Lexicon.Rows(Data, "Quotes/Data/pronouns.txt", LexiconCase.Exact)) Pronouns[row[0]] = row[1];
        Roles = Lexicon.Lines(Lexicon.Shared, "WordLists/roles.txt", LexiconCase.Exact).Concat(Lexicon.Lines(Data, "Quotes/Data/roles.txt", LexiconCase.Exact)).Select(line => Phrase.Parse(line, line)).OrderByDescending(p => p.Words.Length).ToList();
        foreach (var role in Roles) RoleWords.UnionWith(role.Words);
        SourceNouns = Lexicon.Set(LexiconCase.IgnoreCase, (Lexicon.Shared, "WordLists/source-nouns.txt"), (Data, "Quotes/Data/source-nouns.txt"));
        SubjectSkip = Lexicon.Set(Data, "Quotes/Data/subject-skip.txt", LexiconCase.IgnoreCase);
        DocumentNouns = Lexicon.Set(Data, "Quotes/Data/document-nouns.txt", LexiconCase.IgnoreCase);
        Determiners = Lexicon.Set(LexiconCase.IgnoreCase, (Lexicon.Shared, "WordLists/determiners.txt"), (Data, "Quotes/Data/determiners.txt"));
        Boundaries = Lexicon.Set(Data, "Quotes/Data/boundaries.txt", LexiconCase.IgnoreCase);
        CueFirstLookup = CueFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var row in Lexicon.Rows(Data, "Quotes/Data/time-words.txt", LexiconCase.Exact)) TimeWords[row[0]] = row[1];
        StandaloneDeterminers = Lexicon.Set(Data, "Quotes/Data/standalone-determiners.txt", LexiconCase.IgnoreCase);
        AdverbialOpeners = Lexicon.Set(Data, "Quotes/Data/adverbial-openers.txt", LexiconCase.IgnoreCase);
        RelativePronouns = Lexicon.Set(Data, "Quotes/Data/relative-pronouns.txt", LexiconCase.IgnoreCase);
        PassiveAuxiliaries = Lexicon.Set(Data, "Quotes/Data/passive-auxiliaries.txt", LexiconCase.IgnoreCase);
        NounsInLy = Lexicon.Set(Data, "Quotes/Data/nouns-in-ly.txt", LexiconCase.IgnoreCase);
        QuestionWords = Lexicon.Set(Data, "Quotes/Data/question-words.txt", LexiconCase.IgnoreCase);
        PollNouns = Lexicon.Set(Data, "Quotes/Data/poll-nouns.txt", LexiconCase.IgnoreCase);
        NonAgentNouns = Lexicon.Set(Data, "Quotes/Data/non-agent-nouns.txt", LexiconCase.IgnoreCase);
        Prepositions = Lexicon.Set(Data, "Quotes/Data/prepositions.txt", LexiconCase.IgnoreCase);
        ParticiplePrepositions = Lexicon.Set(Data, "Quotes/Data/participle-prepositions.txt", LexiconCase.IgnoreCase);
    }

    /// <summary>Cue phrases, longest first; <see cref="Phrase.Value"/> holds the flags (i, t, a).</summary>
    public List<Phrase> Cues { get; } = [];

    public HashSet<string> CueFirstWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CueFirstLookup { get; }

    /// <summary>Pronoun -> what it may stand for: person, org, any, self.</summary>
    public Dictionary<string, string> Pronouns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Phrase> Roles { get; }

    public HashSet<string> RoleWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FrozenSet<string> SourceNouns { get; }

    public FrozenSet<string> SubjectSkip { get; }

    /// <summary>Nouns that carry someone's words ("a statement saying").</summary>
    public FrozenSet<string> DocumentNouns { get; }

    public FrozenSet<string> Determiners { get; }

    public FrozenSet<string> Boundaries { get; }

    /// <summary>Time words that may sit between a speaker and the cue -> alone, unit or opener.</summary>
    public Dictionary<string, string> TimeWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners that can be a speaker on their own ("some say", "many believe").</summary>
    public FrozenSet<string> StandaloneDeterminers { get; }

    /// <summary>Auxiliaries that make a cue passive ("was endorsed by").</summary>
    public FrozenSet<string> PassiveAuxiliaries { get; }

    /// <summary>Nouns ending in "-ly" that a speaker phrase may end with ("the family"), unlike the adverbs skipped before a cue.</summary>
    public FrozenSet<string> NounsInLy { get; }

    /// <summary>Nouns naming a poll or survey ("In a national poll, ..." reports its finding).</summary>
    public FrozenSet<string> PollNouns { get; }

    /// <summary>Nouns naming no one who can speak: places, events, agreements ("the area", "a briefing", "the deal").</summary>
    public FrozenSet<string> NonAgentNouns { get; }

    /// <summary>Prepositions whose object is no speaker ("working in the area explained").</summary>
    public FrozenSet<string> Prepositions { get; }

    /// <summary>Prepositions that open a participle clause after a comma ("..., without mentioning ...").</summary>
    public FrozenSet<string> ParticiplePrepositions { get; }

    /// <summary>Words opening a reported question ("asked whether ...", "when asked what ...").</summary>
    public FrozenSet<string> QuestionWords { get; }

    /// <summary>Words opening a relative clause that describes a speaker ("Jane Doe, who chairs the panel, said").</summary>
    public FrozenSet<string> RelativePronouns { get; }

    /// <summary>Words opening an adverbial before a sentence's subject ("On Tuesday, ...", "During the debate, ...").</summary>
    public FrozenSet<string> AdverbialOpeners { get; }
}
