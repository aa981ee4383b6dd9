using Crosscheck.Annotation.Words;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>Why a speaker phrase is no speaker; each value names one rule of <see cref="SpeakerRules.Table"/>.</summary>
public enum SpeakerRuleName
{
    ExpletiveThere,
    DateOrNumber,
    PassiveSubject,
    ReducedPassive,
    PrepositionObject,
    NonAgentNoun,
    BareNationality,
}

/// <summary>A speaker phrase in the tokens of its sentence, as the speaker rules see it.</summary>
internal readonly record struct SpeakerPhrase(string Text, List<Scanned> Tokens, int Start, int End, int? Cue, Mention[] Mentions)
{
    public Scanned Head => Tokens[End];

    public string HeadWord => Head.Of(Text).ToString();

    /// <summary>Whether the phrase stands before its cue ("the area explained"), not after it ("said Doe", "according to the area's police").</summary>
    public bool BeforeCue => Cue is { } cue && cue > End;

    /// <summary>Whether a word other than the sentence's first is capitalised: a name is part of the phrase.</summary>
    public bool HasName()
    {
        for (var i = Start; i <= End; i++)
        {
            if (Tokens[i].Kind == ScanKind.Word && Tokens[i].IsCapitalized(Text) && i > 0) return true;
        }
        return false;
    }

    /// <summary>Whether a person or organisation mention lies inside the phrase ("the U.S. Jane Doe", "Doe of the Daily Planet").</summary>
    public bool HoldsAgentMention()
    {
        var span = TextSpan.FromBounds(Tokens[Start].Start, Tokens[End].End);
        foreach (var mention in Mentions)
        {
            if (mention.Type is EntityType.Person or EntityType.Org && span.Contains(mention.Span.Start) && mention.Span.End <= span.End) return true;
        }
        return false;
    }

    /// <summary>The type of the mention that covers exactly this phrase, if any.</summary>
    public EntityType? ExactMention()
    {
        var span = TextSpan.FromBounds(Tokens[Start].Start, Tokens[End].End);
        foreach (var mention in Mentions)
        {
            if (mention.Span == span) return mention.Type;
        }
        return null;
    }
}

/// <summary>
/// One check a speaker phrase must pass: a person, an organisation, a group or a source description speaks; a
/// number, a date, an expletive, a place, an event or a bare nationality does not. <see cref="Repairable"/> says
/// whether the sentence's subject may stand in (the phrase was the end of a modifier of it, "Harbour sources
/// working in the area explained"); otherwise an indirect attribution is dropped (<see cref="AttributionRule.RejectedSpeaker"/>)
/// and a quote in quote marks keeps its content with its speaker unknown (as every quote does with that rule off).
/// </summary>
internal sealed record SpeakerRule(SpeakerRuleName Name, string Example, bool Repairable, Func<QuoteLexicon, SpeakerPhrase, bool> NotASpeaker);

/// <summary>The speaker rules, in the order they are tried; the first that rejects a phrase decides.</summary>
internal static class SpeakerRules
{
    public static IReadOnlyList<SpeakerRule> Table { get; } =
    [
        new(SpeakerRuleName.ExpletiveThere, "“There are not enough boats,” she said, without mentioning which ones.", Repairable: false,
            (_, p) => p.Start == p.End && p.Head.Is(p.Text, "there")),
        new(SpeakerRuleName.DateOrNumber, "The aide to the mayor who took office in May 2019 declined to comment.", Repairable: true,
            (lexicon, p) => IsDateWord(lexicon, p.Text, p.Head) && AllDateWords(lexicon, p)),
        new(SpeakerRuleName.PassiveSubject, "A settlement is said to be close.", Repairable: false,
            (lexicon, p) => p.BeforeCue && IsPassiveVerbGroup(lexicon, p)),
        // "the withdrawal of the fleet, decided by the minister": the participle's agent follows "by"; what stands before was decided.
        new(SpeakerRuleName.ReducedPassive, "The closing of the harbour, announced by the mayor on Monday, angered the fishermen.", Repairable: false,
            (_, p) => p.Cue is { } cue && p.BeforeCue && cue + 1 < p.Tokens.Count && p.Tokens[cue + 1].Is(p.Text, "by") && p.Tokens[cue - 1].Of(p.Text) is ","),
        new(SpeakerRuleName.PrepositionObject, "Fishermen working in the bay explained that the nets were empty.", Repairable: true,
            (lexicon, p) => p.BeforeCue && p.Start > 0 && p.Tokens[p.Start - 1].Kind == ScanKind.Word && !p.Tokens[p.Start - 1].IsCapitalized(p.Text) &&
                lexicon.Prepositions.Contains(p.Tokens[p.Start - 1].Of(p.Text).ToString()) && !p.HoldsAgentMention()),
        new(SpeakerRuleName.NonAgentNoun, "After the vote, this agreement will bind the harbour towns, the mayor said.", Repairable: true,
            (lexicon, p) => p.Head.Kind == ScanKind.Word && !p.Head.IsCapitalized(p.Text) && lexicon.NonAgentNouns.Contains(p.HeadWord) && !p.HasName()),
        // "the French said", or an adjective cut from its phrase ("Danish" of "Danish fishermen").
        new(SpeakerRuleName.BareNationality, "The Danish reported that the ferry runs again.", Repairable: true,
            (lexicon, p) => AfterDeterminers(lexicon, p) is var bare && bare.Start == bare.End && p.Head.IsCapitalized(p.Text) && HasDemonymEnding(p.HeadWord) &&
                bare.ExactMention() == EntityType.Misc),
    ];

    /// <summary>The first rule, not disabled, that rejects the phrase; null when it may speak.</summary>
    public static SpeakerRule? Rejecting(QuoteLexicon lexicon, SpeakerPhrase phrase, IReadOnlySet<SpeakerRuleName> disabled)
    {
        foreach (var rule in Table)
        {
            if (!disabled.Contains(rule.Name) && rule.NotASpeaker(lexicon, phrase)) return rule;
        }
        return null;
    }

    // "Kenyan", "Chinese", "Danish", "Dutch", "Iraqi": the endings of nationality adjectives (a plural, "Kenyans", is a group that may speak).
    private static readonly string[] DemonymEndings = ["an", "ese", "ish", "ch", "i"];

    /// <summary>The phrase without its opening determiners ("the French" gives "French").</summary>
    private static SpeakerPhrase AfterDeterminers(QuoteLexicon lexicon, SpeakerPhrase p)
    {
        var start = p.Start;
        while (start < p.End && lexicon.Determiners.Contains(p.Tokens[start].Of(p.Text).ToString())) start++;
        return p with { Start = start };
    }

    private static bool HasDemonymEnding(string word) => DemonymEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal));

    private static bool IsYear(string text, Scanned token) =>
        token.Kind == ScanKind.Number && token.Length == 4 && text[token.Start] is '1' or '2' && int.TryParse(text.AsSpan(token.Start, 4), out _);

    /// <summary>A year, a month or weekday name, or a lowercase time word ("2019", "May", "Tuesday", "night", "last").</summary>
    private static bool IsDateWord(QuoteLexicon lexicon, string text, Scanned token)
    {
        if (IsYear(text, token)) return true;
        if (token.Kind != ScanKind.Word) return false;
        var word = token.Of(text);
        return CalendarNames.Month(word) > 0 || CalendarNames.Weekday(word) > 0 || (!token.IsCapitalized(text) && lexicon.TimeWords.ContainsKey(word.ToString()));
    }

    /// <summary>Whether the phrase is only a date: date words, day numbers, determiners and punctuation ("May 2019", "that night", "Sept. 3").</summary>
    private static bool AllDateWords(QuoteLexicon lexicon, SpeakerPhrase p)
    {
        for (var i = p.Start; i <= p.End; i++)
        {
            var token = p.Tokens[i];
            if (token.Kind == ScanKind.Punct || token.Kind == ScanKind.Number || IsDateWord(lexicon, p.Text, token)) continue;
            if (token.Kind == ScanKind.Word && lexicon.Determiners.Contains(token.Of(p.Text).ToString())) continue;
            return false;
        }
        return true;
    }

    /// <summary>
    /// "A settlement is said", "Doe was asked": only auxiliaries and adverbs, one of them passive, between the phrase and
    /// a cue that is no "-ing" form ("Doe is calling for", "Roe has been saying" are the subject's own speech).
    /// </summary>
    private static bool IsPassiveVerbGroup(QuoteLexicon lexicon, SpeakerPhrase p)
    {
        if (p.Cue is not { } cue || p.Tokens[cue].Of(p.Text).EndsWith("ing", StringComparison.Ordinal)) return false;
        var passive = false;
        for (var i = p.End + 1; i < cue; i++)
        {
            if (p.Tokens[i].Kind != ScanKind.Word) return false;
            var word = p.Tokens[i].Of(p.Text).ToString();
            if (!lexicon.SubjectSkip.Contains(word)) return false;
            passive |= lexicon.PassiveAuxiliaries.Contains(word);
        }
        return passive;
    }
}
