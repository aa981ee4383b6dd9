using Crosscheck.Annotation.Quantities;

namespace Crosscheck.Annotation.Quotes;

/// <summary>The word lists of the quote recogniser (<c>Quotes/Data</c>), loaded once.</summary>
internal sealed class QuoteLexicon
{
    public static QuoteLexicon Instance { get; } = new();

    private QuoteLexicon()
    {
        foreach (var row in ResourceText.Rows("Quotes.Data.cues.txt"))
        {
            var flags = row.Length > 1 ? row[1] : "";
            Cues.Add(Phrase.Parse(row[0], flags));
        }
        Cues.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        foreach (var cue in Cues) CueFirstWords.Add(cue.Words[0]);
        foreach (var row in ResourceText.Rows("Quotes.Data.pronouns.txt")) Pronouns[row[0]] = row[1];
        Roles = ResourceText.Lines("Quotes.Data.roles.txt").Select(line => Phrase.Parse(line, line)).OrderByDescending(p => p.Words.Length).ToList();
        foreach (var role in Roles) RoleWords.UnionWith(role.Words);
        SourceNouns = ResourceText.Set("Quotes.Data.source-nouns.txt");
        SubjectSkip = ResourceText.Set("Quotes.Data.subject-skip.txt");
        DocumentNouns = ResourceText.Set("Quotes.Data.document-nouns.txt");
        Determiners = ResourceText.Set("Quotes.Data.determiners.txt");
        Boundaries = ResourceText.Set("Quotes.Data.boundaries.txt");
        CueFirstLookup = CueFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var row in ResourceText.Rows("Quotes.Data.time-words.txt")) TimeWords[row[0]] = row[1];
        StandaloneDeterminers = ResourceText.Set("Quotes.Data.standalone-determiners.txt");
        AdverbialOpeners = ResourceText.Set("Quotes.Data.adverbial-openers.txt");
        RelativePronouns = ResourceText.Set("Quotes.Data.relative-pronouns.txt");
        PassiveAuxiliaries = ResourceText.Set("Quotes.Data.passive-auxiliaries.txt");
        NounsInLy = ResourceText.Set("Quotes.Data.nouns-in-ly.txt");
        QuestionWords = ResourceText.Set("Quotes.Data.question-words.txt");
        PollNouns = ResourceText.Set("Quotes.Data.poll-nouns.txt");
    }

    /// <summary>Cue phrases, longest first; <see cref="Phrase.Value"/> holds the flags (i, t, a).</summary>
    public List<Phrase> Cues { get; } = [];

    public HashSet<string> CueFirstWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CueFirstLookup { get; }

    /// <summary>Pronoun -> what it may stand for: person, org, any, self.</summary>
    public Dictionary<string, string> Pronouns { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<Phrase> Roles { get; }

    public HashSet<string> RoleWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> SourceNouns { get; }

    public HashSet<string> SubjectSkip { get; }

    /// <summary>Nouns that carry someone's words ("a statement saying").</summary>
    public HashSet<string> DocumentNouns { get; }

    public HashSet<string> Determiners { get; }

    public HashSet<string> Boundaries { get; }

    /// <summary>Time words that may sit between a speaker and the cue -> alone, unit or opener.</summary>
    public Dictionary<string, string> TimeWords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners that can be a speaker on their own ("some say", "many believe").</summary>
    public HashSet<string> StandaloneDeterminers { get; }

    /// <summary>Auxiliaries that make a cue passive ("was endorsed by").</summary>
    public HashSet<string> PassiveAuxiliaries { get; }

    /// <summary>Nouns ending in "-ly" that a speaker phrase may end with ("the family"), unlike the adverbs skipped before a cue.</summary>
    public HashSet<string> NounsInLy { get; }

    /// <summary>Nouns naming a poll or survey ("In a national poll, ..." reports its finding).</summary>
    public HashSet<string> PollNouns { get; }

    /// <summary>Words opening a reported question ("asked whether ...", "when asked what ...").</summary>
    public HashSet<string> QuestionWords { get; }

    /// <summary>Words opening a relative clause that describes a speaker ("Jane Doe, who chairs the panel, said").</summary>
    public HashSet<string> RelativePronouns { get; }

    /// <summary>Words opening an adverbial before a sentence's subject ("On Tuesday, ...", "During the debate, ...").</summary>
    public HashSet<string> AdverbialOpeners { get; }
}
