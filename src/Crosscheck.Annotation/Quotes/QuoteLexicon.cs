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

    public static QuoteLexicon Instance { get; } = new([]);

    /// <summary>The lexicon <paramref name="options"/> asks for: the shared one, or one with <see cref="QuoteOptions.ExtraCues"/> added.</summary>
    public static QuoteLexicon For(QuoteOptions options) => options.ExtraCues.Count == 0 ? Instance : new QuoteLexicon(options.ExtraCues);

    private QuoteLexicon(IReadOnlyList<string> extraCues)
    {
        var extraRows = extraCues.Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split('\t'));
        foreach (var row in Lexicon.Rows(Data, "Quotes/Data/cues.txt", LexiconCase.Exact).Concat(extraRows))
        {
            var cue = Phrase.Parse(row[0], row[0]);
            // A measured cue list may repeat a listed cue: the listed one (and its flags) stays.
            if (_flagsByText.ContainsKey(string.Join(' ', cue.Words))) continue;
            Cues.Add(cue);
            AddCueFlags(cue, ParseCueFlags(row.Length > 1 ? row[1] : ""));
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
        SentenceOpeners = Lexicon.Set(Data, "Quotes/Data/sentence-openers.txt", LexiconCase.IgnoreCase);
        RelativePronouns = Lexicon.Set(Data, "Quotes/Data/relative-pronouns.txt", LexiconCase.IgnoreCase);
        foreach (var row in Lexicon.Rows(Data, "Quotes/Data/clause-openers.txt", LexiconCase.Exact)) ClauseOpeners[row[0]] = row[1] == "main";
        Auxiliaries = Lexicon.Set(Data, "Quotes/Data/auxiliaries.txt", LexiconCase.IgnoreCase);
        SubjectPronouns = Lexicon.Set(Data, "Quotes/Data/subject-pronouns.txt", LexiconCase.IgnoreCase);
        PassiveAuxiliaries = Lexicon.Set(Data, "Quotes/Data/passive-auxiliaries.txt", LexiconCase.IgnoreCase);
        NounsInLy = Lexicon.Set(Data, "Quotes/Data/nouns-in-ly.txt", LexiconCase.IgnoreCase);
        QuestionWords = Lexicon.Set(Data, "Quotes/Data/question-words.txt", LexiconCase.IgnoreCase);
        PollNouns = Lexicon.Set(Data, "Quotes/Data/poll-nouns.txt", LexiconCase.IgnoreCase);
        ShareNumbers = Lexicon.Set(Data, "Quotes/Data/share-numbers.txt", LexiconCase.IgnoreCase);
        NonAgentNouns = Lexicon.Set(Data, "Quotes/Data/non-agent-nouns.txt", LexiconCase.IgnoreCase);
        Prepositions = Lexicon.Set(Data, "Quotes/Data/prepositions.txt", LexiconCase.IgnoreCase);
        ParticiplePrepositions = Lexicon.Set(Data, "Quotes/Data/participle-prepositions.txt", LexiconCase.IgnoreCase);
        NeighbourClassLookup = NeighbourClassesOf().GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Every word of the lists the learned cue features read around a word (pronouns, role and source nouns, auxiliaries and adverbs
    /// of <see cref="SubjectSkip"/>, determiners, prepositions) with the lists it is on, looked up once per word instead of once per
    /// list (<see cref="CueFeatures"/>). All are compared ignoring case, as the lists themselves are.
    /// </summary>
    public FrozenDictionary<string, NeighbourClass>.AlternateLookup<ReadOnlySpan<char>> NeighbourClassLookup { get; }

    private FrozenDictionary<string, NeighbourClass> NeighbourClassesOf()
    {
        var classes = new Dictionary<string, NeighbourClass>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> words, NeighbourClass c)
        {
            foreach (var word in words) classes[word] = classes.GetValueOrDefault(word) | c;
        }
        Add(Pronouns.Keys, NeighbourClass.Pronoun);
        Add(RoleWords, NeighbourClass.RoleOrSource);
        Add(SourceNouns, NeighbourClass.RoleOrSource);
        Add(SubjectSkip, NeighbourClass.SubjectSkip);
        Add(Determiners, NeighbourClass.Determiner);
        Add(Prepositions, NeighbourClass.Preposition);
        return classes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Cue phrases, longest first; <see cref="Phrase.Value"/> is the cue as listed, <see cref="FlagsOf"/> its flags.</summary>
    public List<Phrase> Cues { get; } = [];

    private readonly Dictionary<Phrase, CueFlags> _flags = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<string, CueFlags> _flagsByText = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The flags of a cue phrase of <see cref="Cues"/>.</summary>
    public CueFlags FlagsOf(Phrase cue) => _flags[cue];

    /// <summary>The flags of a cue as a quote records it ("Said", "according to"), or null when it is not a listed cue (":", a dash).</summary>
    public CueFlags? FlagsOfCue(string cue) => _flagsByText.TryGetValue(string.Join(' ', cue.Split(' ', StringSplitOptions.RemoveEmptyEntries)), out var flags) ? flags : null;

    private void AddCueFlags(Phrase cue, CueFlags flags)
    {
        _flags[cue] = flags;
        _flagsByText[string.Join(' ', cue.Words)] = flags;
    }

    /// <summary>The letters of cues.txt's flags column: i, t, a, s (see the file's header).</summary>
    private static CueFlags ParseCueFlags(string letters)
    {
        var flags = CueFlags.None;
        foreach (var letter in letters)
        {
            flags |= letter switch
            {
                'i' => CueFlags.SpeakerMayFollow,
                't' => CueFlags.ObjectBeforeContent,
                'a' => CueFlags.SourceFollows,
                's' => CueFlags.Saying,
                _ => throw new InvalidDataException($"Quotes/Data/cues.txt: unknown cue flag '{letter}' (expected i, t, a or s)"),
            };
        }
        return flags;
    }

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

    /// <summary>Number words of a share of people polled ("one in three said", "all but two said").</summary>
    public FrozenSet<string> ShareNumbers { get; }

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

    /// <summary>Words opening a clause with its own subject inside a sentence -> whether the clause is a main one ("and", "but"), not a subordinate one ("after", "who").</summary>
    public Dictionary<string, bool> ClauseOpeners { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Auxiliaries, whole or contracted ("has", "was", "'s"): after a subject they make a verb group.</summary>
    public FrozenSet<string> Auxiliaries { get; }

    /// <summary>Pronouns that can be a clause's subject ("he", "they", "who"; not "him" or "her").</summary>
    public FrozenSet<string> SubjectPronouns { get; }

    /// <summary>Words opening an adverbial before a sentence's subject ("On Tuesday, ...", "During the debate, ...").</summary>
    public FrozenSet<string> AdverbialOpeners { get; }

    /// <summary>More words opening a sentence before its subject, read only when looking for the subject ("Essentially, ...", "Beyond the footage, ...").</summary>
    public FrozenSet<string> SentenceOpeners { get; }
}

/// <summary>The lists of <see cref="QuoteLexicon"/> a word is on, as the learned cue features read a word's neighbours.</summary>
[Flags]
public enum NeighbourClass : byte
{
    None = 0,
    Pronoun = 1,
    RoleOrSource = 2,
    SubjectSkip = 4,
    Determiner = 8,
    Preposition = 16,
}
