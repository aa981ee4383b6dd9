using Crosscheck.Annotation.Words;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// Speaker finding: the phrase that names who speaks, before a cue ("spokeswoman Jane Doe said", past
/// datelines, opening clauses, adverbs, appositions) or after it ("said Jane Doe, the mayor"), and its
/// resolution to a named mention (a pronoun or role noun to the nearest compatible person before it);
/// then every speaker checked against <see cref="SpeakerRules.Table"/>.
/// </summary>
public sealed partial class QuoteRecognizer
{
    // A title without article puts its role word first or after a qualifier or two ("legal director", "senior vice president").
    private const int MaxRoleOpeningWords = 3;

    // Age or party tags between commas are at most a few tokens ("66", "R-Wis.", "D-N.Y.").
    private const int MaxShortAppositionTokens = 7;

    // Appositions between a name and its cue seldom run longer than a long title with a relative clause.
    private const int MaxAppositionChainTokens = 40;

    /// <summary>
    /// Whether the tokens from <paramref name="first"/> to the comma at <paramref name="end"/> read as an apposition:
    /// "a spokesman for Y", "the mayor", "who ...", "which ...", "Acme's chief", and short tags ("66", "R-Wis.").
    /// </summary>
    private bool OpensApposition(string text, List<Scanned> tokens, int first, int end)
    {
        if (first >= end) return false;
        // "“..., a deal,” Rep. Jane Doe, a panel member, said": a comma inside a quote opens no apposition of the speaker;
        // a segment with an odd number of quote marks crosses a quote's boundary (a nickname, “Jo” Doe, has two).
        var marks = 0;
        for (var i = first; i < end; i++)
        {
            if (tokens[i].Kind == ScanKind.Punct && QuoteMarks.IsQuoteChar(text[tokens[i].Start])) marks++;
        }
        if (marks % 2 == 1) return false;
        var opener = tokens[first].Of(text).ToString();
        if (end - first <= MaxShortAppositionTokens && (char.IsDigit(opener[0]) || char.IsUpper(opener[0]))) return true;
        if (_lexicon.Determiners.Contains(opener) || _lexicon.RoleWords.Contains(opener) || _lexicon.RelativePronouns.Contains(opener)) return true;
        // "Jane Doe, associate professor of history at the state university, said": a bare title opening with its role.
        for (var i = first; i < end && i < first + MaxRoleOpeningWords; i++)
        {
            if (_lexicon.RoleWords.Contains(tokens[i].Of(text).ToString())) return true;
        }
        // "Jane Doe, at a briefing on Tuesday, said": an adverbial set off by commas.
        if (_lexicon.AdverbialOpeners.Contains(opener) && !tokens[first].IsCapitalized(text)) return true;
        // "Jane Doe, citing the harbour's debts, said", "Many fishermen, including the mayor, said": a participle phrase.
        if (OpensParticipleApposition(text, tokens, first)) return true;
        // "Acme's chief executive": a possessive name opens a description.
        return tokens[first].IsCapitalized(text) && first + 2 < end && tokens[first + 1].Of(text) is "'" or "\u2019" && tokens[first + 2].Is(text, "s");
    }

    /// <summary>The speaker written before a cue ("Defense Department spokeswoman Jane Doe told", "he also said", "X, a spokesman for Y, said").</summary>
    private (int Start, int End)? PhraseBefore(string text, List<Scanned> tokens, int cue)
    {
        var k = SkipBetweenSubjectAndCue(text, tokens, cue - 1);
        if (k < 0) return null;
        var head = tokens[k];
        // "Doe, citing ''the old quay,'' said": an apposition whose comma sits inside the quote closing it (QuotedApposition).
        var commaInQuote = CommaBeforeClosingMark(text, tokens, k);
        if (head.Of(text) is "," || commaInQuote >= 0)
        {
            // Appositions, possibly several: "Jane Doe, a spokeswoman for the ministry, said",
            // "Jane Doe, the mayor of Springfield, one of the towns suing, said". The name is before the first.
            var comma = commaInQuote >= 0 ? commaInQuote : k;
            var chain = new List<int>();
            // The closing mark counts with its segment, so that the segment's marks pair up.
            var segmentEnd = commaInQuote >= 0 ? k + 1 : k;
            for (var m = comma - 1; m >= 0 && m >= comma - MaxAppositionChainTokens; m--)
            {
                if (tokens[m].Of(text) is not ",") continue;
                if (!OpensApposition(text, tokens, m + 1, segmentEnd)) break;
                chain.Add(m);
                segmentEnd = m;
            }
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                // The whole apposition is the speaker as written; the mention inside it names who it is.
                if (PhraseBefore(text, tokens, chain[i]) is not { } named) continue;
                // "''On a blackboard, the tax is fine,'' said Doe": a phrase that opens inside the quote it closes is no apposition.
                if (commaInQuote >= 0 && QuoteMarksBetween(text, tokens[named.Start].Start, tokens[k].End) % 2 == 1) return null;
                return (named.Start, commaInQuote >= 0 ? k : k - 1);
            }
            return null;
        }
        if (head.Of(text) is ")")
        {
            // "Sen. Jane Doe (D-Ore.) said": the party tag belongs to the name.
            var open = k - 1;
            while (open >= 0 && open >= k - 8 && tokens[open].Of(text) is not "(") open--;
            if (open <= 0 || tokens[open].Of(text) is not "(") return null;
            return PhraseBefore(text, tokens, open) is { } withTag ? (withTag.Start, k) : null;
        }
        // "Jane Doe — a teacher from the harbour town — says": the name is before the opening dash (AttributionRule.DashApposition).
        if (DashApposition(text, tokens, k) is { } dashes)
        {
            return PhraseBefore(text, tokens, dashes.Opening) is { } named ? (named.Start, dashes.Closing - 1) : null;
        }
        // "one in three said", "42% say", "all but two said": a share of those polled speaks (AttributionRule.ShareSpeaker).
        if (ShareStart(text, tokens, k) is { } share) return (share, k);
        // "47 percent said", "more than 4 in 10 said": a share of those polled speaks.
        if (head.Kind == ScanKind.Number) return (k, k);
        if (head.Kind != ScanKind.Word) return null;
        var word = head.Of(text).ToString();
        if ((word is "percent" or "%") && k > 0 && tokens[k - 1].Kind == ScanKind.Number) return (k - 1, k);
        if (_lexicon.Pronouns.ContainsKey(word) || IsContractedPronoun(word)) return (k, k);
        if (FloatingQuantifierSubject(text, tokens, k) is { } floated) return (floated, k);
        if (_lexicon.StandaloneDeterminers.Contains(word) && (k == 0 || !_lexicon.Determiners.Contains(tokens[k - 1].Of(text).ToString()))) return (k, k);
        if (_lexicon.Boundaries.Contains(word) || _lexicon.Determiners.Contains(word)) return null;
        var headIsName = head.IsCapitalized(text);
        var start = k;
        var j = k - 1;
        while (j >= 0 && k - j < _options.MaxSpeakerTokens)
        {
            var t = tokens[j];
            var w = t.Of(text);
            if (t.Kind == ScanKind.Word)
            {
                var ws = w.ToString();
                if (_lexicon.Determiners.Contains(ws))
                {
                    start = j;
                    break;
                }
                // "the Danish Ministry of Fisheries", "Jane Doe of the Daily Planet": "of" between names joins them.
                if (headIsName && (ws is "of") && j > 0 && tokens[j + 1].IsCapitalized(text) && (tokens[j - 1].IsCapitalized(text) || IsAbbreviation(text, tokens[j - 1])))
                {
                    start = j;
                    j--;
                    continue;
                }
                if (_lexicon.Boundaries.Contains(ws) || _lexicon.Pronouns.ContainsKey(ws) || _lexicon.CueFirstWords.Contains(ws)) break;
                if (!t.IsCapitalized(text) && !_lexicon.RoleWords.Contains(ws) && headIsName && !IsRolePrefixBefore(text, tokens, j)) break;
                start = j;
                j--;
                continue;
            }
            if (w is "." && j > 0 && IsAbbreviation(text, tokens[j - 1]))
            {
                start = j - 1;
                j -= 2;
                continue;
            }
            if ((w is "'" or "\u2019") && j + 1 <= k && tokens[j + 1].Is(text, "s") && j > 0)
            {
                start = j - 1;
                j -= 2;
                continue;
            }
            if (w is "-" or "." && !t.SpaceBefore && j > 0)
            {
                j--;
                continue;
            }
            break;
        }
        // A bare lowercase phrase is a speaker only when its head is a plural ("critics say"), a role or a source noun
        // ("police said"); otherwise it is a verb or a mass noun the cue happens to follow ("start calling", "softer language calling").
        if (!headIsName && !_lexicon.Determiners.Contains(tokens[start].Of(text).ToString()) && !tokens[start].IsCapitalized(text) &&
            !word.EndsWith('s') && !_lexicon.RoleWords.Contains(word) && !_lexicon.SourceNouns.Contains(word))
        {
            return null;
        }
        return (start, k);
    }

    /// <summary>
    /// The first token of a share of those polled ending at <paramref name="k"/>, the word before the cue (<see cref="AttributionRule.ShareSpeaker"/>):
    /// "one in three", "4 in 10", "42%", "all but two". Null when the rule is off or the words are no share.
    /// </summary>
    private int? ShareStart(string text, List<Scanned> tokens, int k)
    {
        if (Off(AttributionRule.ShareSpeaker) || k < 1) return null;
        if (tokens[k].Of(text) is "%" && !tokens[k].SpaceBefore && tokens[k - 1].Kind == ScanKind.Number) return k - 1;
        if (k < 2 || !IsShareNumber(text, tokens[k])) return null;
        if (tokens[k - 1].Is(text, "in") && IsShareNumber(text, tokens[k - 2])) return k - 2;
        return tokens[k - 1].Is(text, "but") && tokens[k - 2].Is(text, "all") ? k - 2 : null;
    }

    /// <summary>
    /// The first token of the noun phrase a quantifier at <paramref name="k"/> floats after (<see cref="AttributionRule.FloatingQuantifier"/>):
    /// "Doe and Roe both", "the ministers have all", "the three towns each". Null when the rule is off, the word is no floating quantifier, or
    /// no speaker phrase stands before it ("of all", "avoided all").
    /// </summary>
    private int? FloatingQuantifierSubject(string text, List<Scanned> tokens, int k)
    {
        if (Off(AttributionRule.FloatingQuantifier) || k < 1 || !IsFloatingQuantifier(text, tokens[k])) return null;
        return PhraseBefore(text, tokens, k) is { } phrase ? phrase.Start : null;
    }

    private static bool IsFloatingQuantifier(string text, Scanned token) => token.Is(text, "both") || token.Is(text, "all") || token.Is(text, "each");

    private bool IsShareNumber(string text, Scanned token) =>
        token.Kind == ScanKind.Number || token.Kind == ScanKind.Word && _lexicon.ShareNumbers.Contains(token.Of(text).ToString());

    /// <summary>
    /// Whether an apposition opening at <paramref name="first"/> is a participle phrase (<see cref="AttributionRule.ParticipleApposition"/>):
    /// a lowercase "-ing" word ("citing the report", "facing a challenge", "including the mayor"), set off by commas between a speaker and the cue.
    /// </summary>
    private bool OpensParticipleApposition(string text, List<Scanned> tokens, int first) =>
        !Off(AttributionRule.ParticipleApposition) && tokens[first].Kind == ScanKind.Word &&
        !tokens[first].IsCapitalized(text) && IsParticiple(text, tokens[first]) && tokens[first].Length > MinParticipleLength;

    // "bring", "thing", "king", "sing": shorter "-ing" words are seldom participles.
    private const int MinParticipleLength = 5;

    /// <summary>
    /// Where the content of a participle set off as an apposition ends (<see cref="AttributionRule.ParticipleApposition"/>): at the comma
    /// before the sentence's own cue, when that cue's speaker phrase takes the participle in ("Doe, citing the report, said ..." — "the
    /// report" is what Doe cited, and "said ..." is an attribution of its own). Null when no such cue follows within <paramref name="content"/>.
    /// </summary>
    private int? ParticipleAppositionEnd(string text, List<Scanned> tokens, int participle, TextSpan content)
    {
        if (!OpensParticipleApposition(text, tokens, participle)) return null;
        for (var j = participle + 1; j + 1 < tokens.Count && tokens[j + 1].End <= content.End; j++)
        {
            if (tokens[j].Of(text) is not ",") continue;
            // "citing ''the old quay,'' said": the cue may follow the quote the comma closes.
            var cue = AfterClosingMark(text, tokens, j + 1);
            if (cue >= tokens.Count || !_lexicon.CueFirstLookup.Contains(tokens[cue].Of(text)) || IsParticiple(text, tokens[cue])) continue;
            if (PhraseBefore(text, tokens, cue) is { } speaker && speaker.Start < participle) return cue == j + 1 ? TrimBack(text, tokens, j - 1) : tokens[cue - 1].End;
        }
        return null;
    }

    /// <summary>
    /// The index of the comma right inside a closing quotation mark at <paramref name="k"/> ("..., the old quay,'' said", "..., “a mistake,” said"):
    /// the comma ends an apposition of the speaker (<see cref="AttributionRule.QuotedApposition"/>); -1 when there is none or the rule is off.
    /// </summary>
    private int CommaBeforeClosingMark(string text, List<Scanned> tokens, int k)
    {
        if (Off(AttributionRule.QuotedApposition) || tokens[k].Kind != ScanKind.Punct || !QuoteMarks.IsMarkBefore(text, tokens[k].End)) return -1;
        var mark = k;
        // '' is two tokens: the first apostrophe is part of the mark too.
        if (text[tokens[k].Start] == '\'' && mark > 0 && tokens[mark - 1].Of(text) is "'" && tokens[mark - 1].End == tokens[k].Start) mark--;
        return mark > 0 && tokens[mark - 1].Of(text) is "," && tokens[mark - 1].End == tokens[mark].Start ? mark - 1 : -1;
    }

    /// <summary>How many quotation marks stand between two positions, a doubled apostrophe ('') counting as one.</summary>
    private static int QuoteMarksBetween(string text, int start, int end)
    {
        var marks = 0;
        for (var i = start; i < end; i++)
        {
            if (QuoteMarks.IsQuoteChar(text[i])) marks++;
            else if (text[i] == '\'' && i + 1 < end && text[i + 1] == '\'')
            {
                marks++;
                i++;
            }
        }
        return marks;
    }

    /// <summary>The index after the closing quotation mark at <paramref name="j"/>, if one is there ("'' ", "” "); else <paramref name="j"/>.</summary>
    private static int AfterClosingMark(string text, List<Scanned> tokens, int j)
    {
        if (j < tokens.Count && tokens[j].Of(text) is "'" && j + 1 < tokens.Count && tokens[j + 1].Of(text) is "'" && tokens[j].End == tokens[j + 1].Start) return j + 2;
        return j < tokens.Count && tokens[j].Kind == ScanKind.Punct && tokens[j].Length == 1 && QuoteMarks.IsMarkBefore(text, tokens[j].End) && text[tokens[j].Start] != '\'' ? j + 1 : j;
    }

    /// <summary>
    /// The first tokens of the two dashes around an apposition closed by the dash ending at <paramref name="k"/> (<see cref="AttributionRule.DashApposition"/>):
    /// "Jane Doe — a teacher from the harbour town — says", "Many skippers -- including Doe -- said". The closing dash stands right before the
    /// cue; the opening one, of the same kind, a few words before it, with the quotation marks between them paired. Null when there is none or the
    /// rule is off.
    /// </summary>
    private (int Opening, int Closing)? DashApposition(string text, List<Scanned> tokens, int k)
    {
        if (Off(AttributionRule.DashApposition) || DashAt(text, tokens, k) is not { } closing) return null;
        for (var m = closing.First - 2; m >= 1 && m >= k - MaxAppositionChainTokens; m--)
        {
            if (DashAt(text, tokens, m) is not { } opening) continue;
            if (opening.Mark != closing.Mark || QuoteMarksBetween(text, tokens[m].End, tokens[closing.First].Start) % 2 == 1) return null;
            return (opening.First, closing.First);
        }
        return null;
    }

    /// <summary>
    /// The dash ending at token <paramref name="k"/>: its first token and its mark ('—' with or without spaces; a spaced '-', '–' or "--").
    /// Null for a hyphen inside a word.
    /// </summary>
    private static (int First, char Mark)? DashAt(string text, List<Scanned> tokens, int k)
    {
        var token = tokens[k];
        if (token.Kind != ScanKind.Punct || token.Length != 1 || !IsDash(text[token.Start])) return null;
        var mark = text[token.Start];
        if (mark is '\u2014' or '\u2015') return (k, mark);
        // "--" is two tokens; the first one carries the space before.
        var first = k > 0 && tokens[k - 1].Of(text) is "-" && tokens[k - 1].End == token.Start && mark == '-' ? k - 1 : k;
        return tokens[first].SpaceBefore ? (first, first < k ? '=' : mark) : null;
    }

    /// <summary>The rule of <see cref="PhraseBefore"/> that shaped a speaker phrase, to record with the attribution rule; null for the plain phrase.</summary>
    private AttributionRule? SpeakerPhraseRule(string text, List<Scanned> tokens, (int Start, int End) speaker)
    {
        if (ShareStart(text, tokens, speaker.End) == speaker.Start) return AttributionRule.ShareSpeaker;
        if (speaker.Start < speaker.End && FloatingQuantifierSubject(text, tokens, speaker.End) == speaker.Start) return AttributionRule.FloatingQuantifier;
        // The closing dash follows the speaker; "--" is two tokens, and the apposition is found from its last one.
        var dash = speaker.End + 1;
        if (dash + 1 < tokens.Count && DashAt(text, tokens, dash + 1) is { First: var first } && first == dash) dash++;
        if (dash < tokens.Count && DashApposition(text, tokens, dash) is not null) return AttributionRule.DashApposition;
        for (var i = speaker.Start; i < speaker.End; i++)
        {
            if (tokens[i].Of(text) is "," && OpensParticipleApposition(text, tokens, i + 1)) return AttributionRule.ParticipleApposition;
        }
        return CommaBeforeClosingMark(text, tokens, speaker.End) >= 0 ? AttributionRule.QuotedApposition : null;
    }

    /// <summary>A pronoun with its auxiliary in one token ("they're", "we've").</summary>
    private bool IsContractedPronoun(string word)
    {
        var apostrophe = word.IndexOfAny(['\'', '\u2019']);
        return apostrophe > 0 && _lexicon.Pronouns.ContainsKey(word[..apostrophe]);
    }

    /// <summary>
    /// Walks back from <paramref name="k"/> over what may stand between a speaker and the cue: auxiliaries
    /// and adverbs ("has also said") and time adverbials ("this month announced", "on Tuesday said").
    /// </summary>
    private int SkipBetweenSubjectAndCue(string text, List<Scanned> tokens, int k)
    {
        // "McConnell, who in 2010 said ...": a year after "in" dates the cue; it does not speak.
        if (k > 0 && IsYear(text, tokens[k]) && tokens[k - 1].Is(text, "in")) k -= 2;
        while (k >= 0 && tokens[k].Kind == ScanKind.Word)
        {
            // "who has in the past described", "Doe at the time said": a fixed time phrase dates the cue.
            if (k >= 2 && (tokens[k].Is(text, "past") && tokens[k - 2].Is(text, "in") || tokens[k].Is(text, "time") && tokens[k - 2].Is(text, "at")) &&
                (tokens[k - 1].Is(text, "the") || tokens[k - 1].Is(text, "that")))
            {
                k -= 3;
                continue;
            }
            var word = tokens[k].Of(text);
            if (_lexicon.SubjectSkip.Contains(word.ToString()) || IsMannerAdverb(text, tokens[k]))
            {
                k--;
                continue;
            }
            // "He’s claiming", "they’re saying": a contracted auxiliary.
            if (k > 1 && tokens[k - 1].Of(text) is "'" or "\u2019" && !tokens[k - 1].SpaceBefore && word is "s" or "re" or "ve" or "d" or "ll")
            {
                k -= 2;
                continue;
            }
            var calendar = CalendarNames.Weekday(word) > 0 || CalendarNames.Month(word) > 0;
            _lexicon.TimeWords.TryGetValue(word.ToString(), out var role);
            if (role == "unit" && k > 0 && (CalendarNames.Weekday(tokens[k - 1].Of(text)) > 0 || _lexicon.TimeWords.TryGetValue(tokens[k - 1].Of(text).ToString(), out var before) && before == "opener"))
            {
                k -= 2;
            }
            else if (calendar || role == "alone")
            {
                k--;
            }
            else
            {
                break;
            }
            // "on Tuesday", "last September", "early this week".
            while (k >= 0 && tokens[k].Kind == ScanKind.Word && _lexicon.TimeWords.TryGetValue(tokens[k].Of(text).ToString(), out var opener) && opener == "opener") k--;
        }
        return k;
    }

    private static bool IsYear(string text, Scanned token) =>
        token.Kind == ScanKind.Number && token.Length == 4 && text[token.Start] is '1' or '2' && int.TryParse(text.AsSpan(token.Start, 4), out _);

    // Shorter "-ly" words are mostly not adverbs ("only", "July", "fly"); longer nouns in "-ly" are few and listed.
    private const int MinMannerAdverbLength = 6;

    /// <summary>
    /// A lowercase "-ly" adverb between a speaker and the cue ("Doe bluntly suggested", "she essentially conceded"):
    /// it belongs to neither. Nouns ending in "-ly" that can be speakers ("the family", "an ally") are kept.
    /// </summary>
    private bool IsMannerAdverb(string text, Scanned token)
    {
        var word = token.Of(text);
        return token.Kind == ScanKind.Word && word.Length >= MinMannerAdverbLength && char.IsLower(word[0]) &&
            word.EndsWith("ly", StringComparison.Ordinal) && !_lexicon.NounsInLy.Contains(word.ToString());
    }

    // "Defense Department spokeswoman Jane Doe": lowercase role words may sit inside a named phrase.
    private bool IsRolePrefixBefore(string text, List<Scanned> tokens, int j) =>
        _lexicon.RoleWords.Contains(tokens[j].Of(text).ToString());

    private static bool IsAbbreviation(string text, Scanned token) =>
        token.Kind == ScanKind.Word && token.Length <= 4 && char.IsUpper(text[token.Start]);

    /// <summary>The subject opening a sentence: a pronoun or a name, after an opening adverbial ("On Tuesday, Jane Doe ...").</summary>
    private (int Start, int End)? SentenceSubject(string text, List<Scanned> tokens, int before)
    {
        var k = DatelineEnd(text, tokens, before);
        // "On Tuesday, Jane Doe ...": an opening adverbial ends at the comma a subject follows (not at one inside it:
        // "After a long, tense meeting, the board ..."). "Though she called ...": without a comma, the clause's own subject follows the opener.
        if (k < before && tokens[k].Kind == ScanKind.Word && (_lexicon.AdverbialOpeners.Contains(tokens[k].Of(text).ToString()) ||
            _lexicon.SentenceOpeners.Contains(tokens[k].Of(text).ToString()) || IsOpeningParticiple(text, tokens, k, before) ||
            OpensWithTimeLapse(text, tokens, k, before)))
        {
            var opener = k;
            k++;
            for (var comma = opener + 1; comma + 1 < before; comma++)
            {
                if (tokens[comma].Of(text) is "," && CanOpenSubject(text, tokens[comma + 1]))
                {
                    k = comma + 1;
                    break;
                }
            }
        }
        // "But the mayor ...", "Then he ...", "Still, Doe ...": conjunctions and adverbs before the subject.
        while (k < before && (tokens[k].Kind == ScanKind.Word ? _lexicon.Determiners.Contains(tokens[k].Of(text).ToString()) ||
               tokens[k].Is(text, "but") || tokens[k].Is(text, "and") || tokens[k].Is(text, "so") || _lexicon.SubjectSkip.Contains(tokens[k].Of(text).ToString())
               : k > 0 && tokens[k].Of(text) is ","))
        {
            k++;
        }
        if (k >= before || tokens[k].Kind != ScanKind.Word) return null;
        var word = tokens[k].Of(text).ToString();
        if (_lexicon.Pronouns.ContainsKey(word)) return (k, k);
        if (!tokens[k].IsCapitalized(text))
        {
            // "The protesters chanted ...", "The union issued a statement ...": a determiner opens a common-noun subject.
            return k > 0 && tokens[k - 1].Kind == ScanKind.Word && _lexicon.Determiners.Contains(tokens[k - 1].Of(text).ToString()) ? CommonNounSubject(text, tokens, k - 1, before) : null;
        }
        return (k, NameEnd(text, tokens, k, before));
    }

    /// <summary>The last token of a name opening at <paramref name="k"/>, before <paramref name="limit"/>: capitalised words and abbreviations' stops ("Mr. Jane Q. Doe").</summary>
    private static int NameEnd(string text, List<Scanned> tokens, int k, int limit)
    {
        var end = k;
        while (end + 1 < limit && (tokens[end + 1].IsCapitalized(text) ||
               (tokens[end + 1].Of(text) is "." && IsAbbreviation(text, tokens[end]) && end + 2 < limit && tokens[end + 2].IsCapitalized(text))))
        {
            end++;
        }
        return end;
    }

    /// <summary>
    /// The subject of the clause a participle or a second coordinated verb at <paramref name="cue"/> belongs to, walking back
    /// from it: the speaker of an attribution found earlier in the sentence whose content the walk reaches ("Doe attacked Roe,
    /// saying ..., and reminded ..."), or the subject of the nearest clause opening before it with a verb of its own: after a
    /// comma, a dash or a closing quote ("At a rally in Springfield, Ohio, Doe went after Roe, calling ...", "“...,” the aide
    /// recalled, adding ..."), or after a word opening a clause ("..., and the governor tripped him up by calling ..."). A
    /// participle takes only a main clause's subject; a coordinated verb also a subordinate one's ("The crowd cheered when the
    /// senator spotted a sign and asked ...", "Roe, who came out and endorsed ..."). A clause opened by a word ends at the first
    /// comma after it, so the walk takes one only before passing a comma ("Doe, who chairs the panel, attacked Roe, saying ..." is
    /// Doe's). Null when the walk reaches the sentence's start or <paramref name="rule"/> is off: the sentence's subject governs.
    /// </summary>
    private (int Start, int End)? GoverningClauseSubject(Work work, List<Scanned> tokens, int cue, AttributionRule rule)
    {
        if (Off(rule)) return null;
        var text = work.Text;
        var mainOnly = rule == AttributionRule.ParticipleClauseSubject;
        // The words joining the cue to its clause (", and", ", without", "by") are no boundary of that clause.
        var j = cue - 1;
        while (j > 0 && JoinsCueToClause(text, tokens[j])) j--;
        var passedComma = false;
        // "Doe said the plan failed and Roe agreed, adding ...": the content of an attribution found earlier in the sentence is
        // passed over (its clauses are reported words), unless a clause with its own subject opens inside it after a comma
        // ("when an aunt mentioned the ferry to her, she laughed and said ...": the earlier content ran on too far).
        var contentStart = -1;
        for (; j > 0; j--)
        {
            var token = tokens[j];
            var word = token.Of(text);
            var quoted = work.QuotedAt(token.Start);
            if (quoted >= 0)
            {
                // "“...,” the aide recalled, adding ...": the words after a closing quote open a clause.
                if (work.Quoted[quoted].End == token.End && ClauseSubjectAt(text, tokens, j + 1, cue, relative: false) is { } afterQuote) return afterQuote;
                continue;
            }
            if (contentStart < 0 && ContentHolding(work, tokens, j, cue) is { } start) contentStart = start;
            if (token.Kind == ScanKind.Punct)
            {
                if (word is not ("," or ";" or "\u2014" or "\u2015")) continue;
                if (ClauseSubjectAt(text, tokens, j + 1, cue, relative: false) is { } afterComma) return afterComma;
                passedComma = true;
                continue;
            }
            if (contentStart >= 0)
            {
                if (j <= contentStart) contentStart = -1;
                continue;
            }
            if (passedComma || token.Kind != ScanKind.Word || !_lexicon.ClauseOpeners.TryGetValue(word.ToString(), out var main) || (mainOnly && !main)) continue;
            // "who came out and endorsed": the relative pronoun is the clause's subject; "when the mayor left": the words after the opener.
            var subject = Lexicon.Contains(_lexicon.SubjectPronouns, word) ? ClauseSubjectAt(text, tokens, j, cue, relative: true) : ClauseSubjectAt(text, tokens, j + 1, cue, relative: false);
            if (subject is { } found) return found;
        }
        return null;
    }

    /// <summary>A word or mark between a cue and its clause (", and", ", without", "by"): no boundary of that clause.</summary>
    private bool JoinsCueToClause(string text, Scanned token)
    {
        if (token.Kind == ScanKind.Punct) return token.Of(text) is "," or "\u2014";
        if (token.Kind != ScanKind.Word) return false;
        if (token.Is(text, "and") || token.Is(text, "but")) return true;
        var word = token.Of(text).ToString();
        return _lexicon.ParticiplePrepositions.Contains(word) || _lexicon.Prepositions.Contains(word) || _lexicon.SubjectSkip.Contains(word);
    }

    /// <summary>
    /// The governing clause's subject, recorded as <paramref name="refinement"/>, where it differs from the speaker the
    /// sentence gives (<paramref name="fallback"/>, recorded as <paramref name="rule"/>); else that speaker.
    /// </summary>
    private static ((int Start, int End)? Subject, AttributionRule Rule) Governing((int Start, int End)? governing, (int Start, int End)? fallback,
        AttributionRule refinement, AttributionRule rule) =>
        governing is { } subject && subject != fallback ? (subject, refinement) : (fallback, rule);

    /// <summary>The first token of the content of an attribution found earlier in this sentence, before <paramref name="cue"/>, that holds token <paramref name="j"/>.</summary>
    private static int? ContentHolding(Work work, List<Scanned> tokens, int j, int cue)
    {
        for (var f = work.Found.Count - 1; f >= 0; f--)
        {
            var earlier = work.Found[f];
            if (earlier.Span.End <= tokens[0].Start) break;
            if (!earlier.Span.Contains(tokens[j].Start) || earlier.Span.End > tokens[cue].Start) continue;
            var first = j;
            while (first > 0 && tokens[first - 1].Start >= earlier.Span.Start) first--;
            return first;
        }
        return null;
    }

    /// <summary>
    /// A clause's subject opening at <paramref name="k"/> and followed by its verb before <paramref name="limit"/>: a subject
    /// pronoun ("he", or the relative "who" when <paramref name="relative"/>), a name ("Jane Doe", "Mr. Roe"), or a phrase opening
    /// with a determiner ("the New Jersey governor", "some of her followers").
    /// </summary>
    private (int Start, int End)? ClauseSubjectAt(string text, List<Scanned> tokens, int k, int limit, bool relative)
    {
        if (k >= limit || tokens[k].Kind != ScanKind.Word) return null;
        var word = tokens[k].Of(text).ToString();
        (int Start, int End)? subject;
        if (_lexicon.SubjectPronouns.Contains(word))
        {
            if (_lexicon.RelativePronouns.Contains(word) != relative) return null;
            subject = (k, k);
        }
        else if (relative)
        {
            return null;
        }
        else if (_lexicon.Determiners.Contains(word))
        {
            subject = DeterminerSubject(text, tokens, k, limit);
        }
        else if (tokens[k].IsCapitalized(text) && !_lexicon.CueFirstWords.Contains(word) && !_lexicon.Boundaries.Contains(word) &&
                 !_lexicon.AdverbialOpeners.Contains(word) && !_lexicon.SentenceOpeners.Contains(word) && !_lexicon.Prepositions.Contains(word))
        {
            subject = (k, NameEnd(text, tokens, k, limit));
        }
        else
        {
            return null;
        }
        return subject is { } found && VerbFollows(text, tokens, found.End + 1, limit, contracted: found.Start == found.End && _lexicon.SubjectPronouns.Contains(word)) ? found : null;
    }

    /// <summary>
    /// A subject opening with a determiner at <paramref name="k"/>, up to its verb: a clear verb (an auxiliary, a cue, a past
    /// form in "-ed"), or a lowercase word followed by the determiner or pronoun of its object ("her rival kept the seat",
    /// "the mayor thanked him"). Names, "of" and possessives stay inside ("the mayor of Springfield", "the union's leader").
    /// </summary>
    private (int Start, int End)? DeterminerSubject(string text, List<Scanned> tokens, int k, int limit)
    {
        var end = k;
        for (var i = k + 1; i < limit && i <= k + MaxCommonNounSubjectTokens; i++)
        {
            var token = tokens[i];
            var word = token.Of(text).ToString();
            if (token.Kind != ScanKind.Word)
            {
                if (word is "'" or "\u2019" && i + 1 < limit && tokens[i + 1].Is(text, "s"))
                {
                    end = ++i;
                    continue;
                }
                if (word is "-" && !token.SpaceBefore)
                {
                    continue;
                }
                return end > k ? (k, end) : null;
            }
            if (token.IsCapitalized(text) || word is "of")
            {
                end = i;
                continue;
            }
            var clearVerb = _lexicon.Auxiliaries.Contains(word) || _lexicon.SubjectSkip.Contains(word) || _lexicon.CueFirstWords.Contains(word) ||
                IsMannerAdverb(text, token) || word.Length > 3 && word.EndsWith("ed", StringComparison.Ordinal);
            if (clearVerb || _lexicon.Boundaries.Contains(word) || _lexicon.Prepositions.Contains(word)) return end > k ? (k, end) : null;
            // "her rival kept the seat", "the mayor thanked him": a word before an object's determiner or pronoun is the verb.
            if (end > k && i + 1 < limit && tokens[i + 1].Kind == ScanKind.Word && !tokens[i + 1].IsCapitalized(text) &&
                (_lexicon.Determiners.Contains(tokens[i + 1].Of(text).ToString()) || _lexicon.Pronouns.ContainsKey(tokens[i + 1].Of(text).ToString())))
            {
                return (k, end);
            }
            end = i;
        }
        return null;
    }

    /// <summary>
    /// Whether a verb group opens the words from <paramref name="k"/> on, before <paramref name="limit"/>: an auxiliary, whole or
    /// contracted after a pronoun when <paramref name="contracted"/> ("has been", "she’s tacked"), or after adverbs a lowercase word that is no determiner, preposition or clause
    /// word ("entered", "has yet", "also railed").
    /// </summary>
    private bool VerbFollows(string text, List<Scanned> tokens, int k, int limit, bool contracted)
    {
        // "she’s tacked": a pronoun's contracted auxiliary ("Doe’s office" is a possessive).
        if (contracted && k + 1 < limit && tokens[k].Of(text) is "'" or "\u2019" && !tokens[k].SpaceBefore && _lexicon.Auxiliaries.Contains(tokens[k + 1].Of(text).ToString())) return true;
        while (k < limit && tokens[k].Kind == ScanKind.Word && (_lexicon.SubjectSkip.Contains(tokens[k].Of(text).ToString()) || IsMannerAdverb(text, tokens[k])))
        {
            if (_lexicon.Auxiliaries.Contains(tokens[k].Of(text).ToString())) return true;
            k++;
        }
        if (k >= limit || tokens[k].Kind != ScanKind.Word || tokens[k].IsCapitalized(text)) return false;
        var word = tokens[k].Of(text).ToString();
        if (_lexicon.CueFirstWords.Contains(word)) return true;
        return !_lexicon.Determiners.Contains(word) && !_lexicon.Prepositions.Contains(word) && !_lexicon.Boundaries.Contains(word);
    }

    // "Hours later,", "A few days later,", "Two weeks ago,": the lapse is a few words long.
    private const int MaxTimeLapseWords = 4;

    /// <summary>"Hours later, Doe said ...": a short phrase ending in later, ago or earlier and a comma opens the sentence before its subject.</summary>
    private static bool OpensWithTimeLapse(string text, List<Scanned> tokens, int first, int before)
    {
        for (var m = first + 1; m <= first + MaxTimeLapseWords && m + 1 < before; m++)
        {
            if (tokens[m].Kind != ScanKind.Word) return false;
            if ((tokens[m].Is(text, "later") || tokens[m].Is(text, "ago") || tokens[m].Is(text, "earlier")) && tokens[m + 1].Of(text) is ",") return true;
        }
        return false;
    }

    // "the 34-year-old mother of three": a common-noun subject with its modifiers stays short.
    private const int MaxCommonNounSubjectTokens = 6;

    /// <summary>"Conceding that ..., he warned": a participle opening the sentence (not a name ending in "-ing" or a cue's subject).</summary>
    private static bool IsOpeningParticiple(string text, List<Scanned> tokens, int k, int before) =>
        IsParticiple(text, tokens[k]) && tokens[k].Length > 4 && k + 1 < before && tokens[k + 1].Kind == ScanKind.Word && !tokens[k + 1].IsCapitalized(text);

    /// <summary>
    /// A subject opening with a determiner at <paramref name="start"/>: its words up to the verb, which is the first
    /// auxiliary, adverb, cue or past form ("The union issued ..." gives "The union").
    /// </summary>
    private (int Start, int End)? CommonNounSubject(string text, List<Scanned> tokens, int start, int before)
    {
        var end = start;
        for (var i = start + 1; i < before && i <= start + MaxCommonNounSubjectTokens; i++)
        {
            var token = tokens[i];
            var word = token.Of(text).ToString();
            // "the dock workers' union", "the group's leader": a possessive stays inside the phrase.
            if (token.Kind == ScanKind.Punct && word is not "-" and not "'" and not "\u2019") return end > start ? (start, end) : null;
            if (token.Kind == ScanKind.Word && i > start + 1 && (_lexicon.SubjectSkip.Contains(word) || _lexicon.CueFirstWords.Contains(word) ||
                _lexicon.Boundaries.Contains(word) || IsMannerAdverb(text, token) || word.EndsWith("ed", StringComparison.Ordinal)))
            {
                return end > start ? (start, end) : null;
            }
            end = i;
        }
        return null;
    }

    // "LISBON, Portugal, Jan. 5 (Agency) —": a dateline is a few words before its dash.
    private const int MaxDatelineTokens = 14;

    /// <summary>
    /// The token after a dateline opening the sentence ("LISBON ―", "OSLO, May 2 (Agency) —", or in title case
    /// when the agency in parentheses closes it: "Lisbon (Agency) –"), or 0.
    /// </summary>
    private static int DatelineEnd(string text, List<Scanned> tokens, int before)
    {
        if (tokens.Count == 0) return 0;
        var upperCase = IsUpperCaseWord(text, tokens[0]);
        if (!upperCase && !(tokens[0].Kind == ScanKind.Word && tokens[0].IsCapitalized(text))) return 0;
        for (var i = 1; i < before && i < MaxDatelineTokens; i++)
        {
            var token = tokens[i];
            if (IsSpacedDash(text, token))
                return i + 1 < before && (upperCase || tokens[i - 1].Of(text) is ")") ? i + 1 : 0;
            if (token.Kind == ScanKind.Word && !token.IsCapitalized(text)) return 0;
        }
        return 0;
    }

    private static bool IsUpperCaseWord(string text, Scanned token)
    {
        if (token.Kind != ScanKind.Word || token.Length < 2) return false;
        foreach (var c in token.Of(text))
        {
            if (char.IsLower(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// Where an opening adverbial clause holding token <paramref name="c"/> ends ("When Doe noted that the plan failed, ..."):
    /// before the first comma after it that a subject follows. Null when the sentence opens otherwise or the cue is past that comma.
    /// </summary>
    private int? OpeningClauseEnd(string text, List<Scanned> tokens, int c)
    {
        var first = 0;
        while (first < c && tokens[first].Kind == ScanKind.Word && (tokens[first].Is(text, "but") || tokens[first].Is(text, "and") || tokens[first].Is(text, "so"))) first++;
        if (first >= c || tokens[first].Kind != ScanKind.Word) return null;
        // "Holding signs calling him a loser, the protesters chanted ...": an opening participle is an adverbial too
        // (not the subject of a cue right after it: a name ending in "-ing" followed by "said").
        var participle = first < c - 1 && IsParticiple(text, tokens[first]) && tokens[first].Length > 4;
        if (!participle && !_lexicon.AdverbialOpeners.Contains(tokens[first].Of(text).ToString())) return null;
        for (var m = first + 1; m + 1 < tokens.Count; m++)
        {
            if (tokens[m].Of(text) is not "," || !CanOpenSubject(text, tokens[m + 1])) continue;
            return m > c ? tokens[m - 1].End : null;
        }
        return null;
    }

    private bool CanOpenSubject(string text, Scanned token)
    {
        if (token.Kind != ScanKind.Word) return false;
        var word = token.Of(text).ToString();
        return token.IsCapitalized(text) || _lexicon.Determiners.Contains(word) || _lexicon.Pronouns.ContainsKey(word);
    }

    // "81-year-old retired teacher Jane Doe": a number's description before the name is short.
    private const int MaxWordsBeforeNameAfterNumber = 5;

    /// <summary>Where the words start after a number opening a speaker phrase that goes on with a name or a role ("9/11 widow Jane Doe", "2008 nominee").</summary>
    private int? AfterOpeningNumber(string text, List<Scanned> tokens, int k)
    {
        if (k >= tokens.Count || tokens[k].Kind != ScanKind.Number) return null;
        var next = k + 1;
        // "9/11": the scanner may split a number at the slash or hyphen.
        while (next + 1 < tokens.Count && tokens[next].Of(text) is "/" or "-" && !tokens[next].SpaceBefore && tokens[next + 1].Kind == ScanKind.Number) next += 2;
        if (next >= tokens.Count || tokens[next].Kind != ScanKind.Word) return null;
        // The name comes within a few words ("9/11 widow Jane Doe", "81-year-old Jane Doe").
        for (var i = next; i < tokens.Count && i < next + MaxWordsBeforeNameAfterNumber; i++)
        {
            if (tokens[i].Kind == ScanKind.Word && (tokens[i].IsCapitalized(text) || _lexicon.RoleWords.Contains(tokens[i].Of(text).ToString()))) return next;
        }
        return null;
    }

    /// <summary>The speaker written after a cue ("said Caddell", "said the prime minister", "according to a French diplomatic source").</summary>
    private (int Start, int End)? PhraseAfter(string text, List<Scanned> tokens, int j)
    {
        if (j >= tokens.Count) return null;
        if (tokens[j].Kind == ScanKind.Word && _lexicon.Pronouns.ContainsKey(tokens[j].Of(text).ToString())) return (j, j);
        var k = j;
        while (k < tokens.Count && tokens[k].Kind == ScanKind.Word && _lexicon.Determiners.Contains(tokens[k].Of(text).ToString())) k++;
        // "said a 2008 Clinton veteran": a number may follow the determiner; "said 9/11 widow Jane Doe" may open with one.
        if (k > j && k < tokens.Count && tokens[k].Kind == ScanKind.Number) k++;
        else if (k == j && AfterOpeningNumber(text, tokens, k) is { } named) k = named;
        var first = k;
        var last = -1;
        while (k < tokens.Count && k - j < _options.MaxSpeakerTokens)
        {
            var t = tokens[k];
            var w = t.Of(text);
            if (t.Kind == ScanKind.Word)
            {
                var ws = w.ToString();
                var connector = (ws is "of" or "for") && k + 1 < tokens.Count && (tokens[k + 1].IsCapitalized(text) || _lexicon.Determiners.Contains(tokens[k + 1].Of(text).ToString()));
                if (!connector && (_lexicon.Boundaries.Contains(ws) || _lexicon.CueFirstWords.Contains(ws))) break;
                if (connector && k + 1 < tokens.Count && _lexicon.Determiners.Contains(tokens[k + 1].Of(text).ToString())) k++;
                // After a determiner any noun may close the phrase ("the health ministry"); a bare phrase must be a name or a role.
                if (t.IsCapitalized(text) || _lexicon.RoleWords.Contains(ws) || _lexicon.SourceNouns.Contains(ws) || (first > j && !connector)) last = k;
                k++;
                continue;
            }
            if (w is "." && k > first && IsAbbreviation(text, tokens[k - 1]) && k + 1 < tokens.Count && tokens[k + 1].IsCapitalized(text))
            {
                k++;
                continue;
            }
            if ((w is "'" or "\u2019") && k + 1 < tokens.Count && tokens[k + 1].Is(text, "s"))
            {
                k += 2;
                continue;
            }
            if (w is "-" && !t.SpaceBefore)
            {
                k++;
                continue;
            }
            break;
        }
        return last >= first ? (j, last) : null;
    }

    /// <summary>The mention a speaker phrase names or stands for, else the phrase as a description.</summary>
    private (int? Mention, string? Description) ResolveSpeaker(Work work, List<Scanned> tokens, (int Start, int End) phrase, TextSpan span)
    {
        var text = work.Text;
        var mentions = work.Mentions;
        // A person inside the phrase names the speaker, else an organisation; a place only when it opens the phrase ("Paris
        // is worried"), not in a modifier ("a woman in Springfield"); a nationality or other Misc mention never ("Danish navy sources").
        var phraseOpening = phrase.Start;
        while (phraseOpening < phrase.End && _lexicon.Determiners.Contains(tokens[phraseOpening].Of(text).ToString())) phraseOpening++;
        int? inside = null;
        var insideRank = 0;
        for (var m = FirstMentionFrom(mentions, span.Start); m < mentions.Length && mentions[m].Span.Start < span.End; m++)
        {
            var rank = mentions[m].Type switch
            {
                EntityType.Person => 3,
                EntityType.Org => 2,
                EntityType.Loc when mentions[m].Span.Start == tokens[phraseOpening].Start => 1,
                _ => 0,
            };
            if (rank > 0 && rank >= insideRank)
            {
                inside = m;
                insideRank = rank;
            }
        }
        if (inside is not null) return (inside, null);

        var headWord = tokens[phrase.End].Of(text).ToString();
        if (phrase.Start == phrase.End && _lexicon.Pronouns.TryGetValue(headWord, out var refersTo))
        {
            // A pronoun is resolved to its entity or its speaker is unknown: "it" or "they" alone names no one.
            if (refersTo == "self") return (null, null);
            Func<EntityType, bool> wanted = refersTo switch
            {
                "person" => type => type == EntityType.Person,
                // "it" stands for an organisation or a country acting as one ("Norway ... whatever it decides").
                "org" => type => type is EntityType.Org or EntityType.Loc,
                _ => type => type is EntityType.Person or EntityType.Org,
            };
            var antecedent = Antecedent(work, span.Start, wanted, null);
            // "“...,” Ryan said, though he said, “...”": a speaker written as a name is a person even where the tagger left
            // the name untagged (a lone surname after a quote fragment), so a person pronoun may stand for it; the nearer wins.
            if (refersTo == "person" && NamedSpeakerBefore(work, span.Start) is { } named
                && (antecedent is not { } m || work.Mentions[m].Span.End < named.Span.Start)) return (null, named.Name);
            return antecedent is { } found ? (found, null) : (null, null);
        }

        var role = RoleIn(text, tokens, phrase);
        if (role is not null && !HasCapitalizedWord(text, tokens, phrase))
        {
            if (Antecedent(work, span.Start, IsPerson, role) is { } byRole) return (byRole, null);
            if (IsDefinite(text, tokens[phrase.Start]) && Antecedent(work, span.Start, IsPerson, null) is { } nearest) return (nearest, null);
        }
        return (null, span.TextOf(text));
    }

    private string? RoleIn(string text, List<Scanned> tokens, (int Start, int End) phrase)
    {
        for (var i = phrase.Start; i <= phrase.End; i++)
        {
            if (Phrase.MatchForward(_lexicon.Roles, tokens, i, text) is { } role && role.End - 1 <= phrase.End) return role.Phrase.Value;
        }
        return null;
    }

    private static bool HasCapitalizedWord(string text, List<Scanned> tokens, (int Start, int End) phrase)
    {
        for (var i = phrase.Start; i <= phrase.End; i++)
        {
            if (tokens[i].IsCapitalized(text) && !(i == phrase.Start && i == 0)) return true;
        }
        return false;
    }

    private static bool IsDefinite(string text, Scanned first) => first.Is(text, "the") || first.Is(text, "his") || first.Is(text, "her");

    /// <summary>
    /// The nearest speaker before a position, within the antecedent distance, that has no mention and is written as a name:
    /// every word capitalised, no role word ("Ryan", "Jane Roe"; not "a spokeswoman", "Officials").
    /// </summary>
    private (TextSpan Span, string Name)? NamedSpeakerBefore(Work work, int before)
    {
        var text = work.Text;
        for (var q = work.Found.Count - 1; q >= 0; q--)
        {
            var quote = work.Found[q];
            if (quote.SpeakerSpan is not { } speaker || speaker.End > before) continue;
            if (before - speaker.End > _options.MaxAntecedentDistance) continue;
            if (quote.SpeakerMention is not null || quote.SpeakerDescription is not { } name) continue;
            if (speaker.TextOf(text) != name || !IsWrittenAsName(name) || SentenceMarks.OpensSentence(text, speaker.Start)) continue;
            return (speaker, name);
        }
        return null;
    }

    private bool IsWrittenAsName(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        foreach (var word in words)
        {
            if (!char.IsUpper(word[0]) || _lexicon.RoleWords.Contains(word) || _lexicon.Pronouns.ContainsKey(word)
                || _lexicon.Determiners.Contains(word)) return false;
        }
        return true;
    }

    /// <summary>The nearest mention before a position, outside quoted passages, of the wanted type (and role, when given).</summary>
    private static bool IsPerson(EntityType type) => type == EntityType.Person;

    private int? Antecedent(Work work, int before, Func<EntityType, bool> accepts, string? role)
    {
        var mentions = work.Mentions;
        for (var m = FirstMentionFrom(mentions, before) - 1; m >= 0; m--)
        {
            var mention = mentions[m];
            if (before - mention.Span.End > _options.MaxAntecedentDistance) break;
            if (mention.Span.End > before) continue;
            if (work.QuotedAt(mention.Span.Start) >= 0) continue;
            if (!accepts(mention.Type)) continue;
            if (role is not null && (mention.Role is null || !mention.Role.Contains(role, StringComparison.OrdinalIgnoreCase))) continue;
            return m;
        }
        return null;
    }

    private static int FirstMentionFrom(Mention[] mentions, int position)
    {
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.End <= position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // "said on Tuesday in a statement": the cue's first word comes within a few words of the phrase.
    private const int MaxTokensBetweenSpeakerAndCue = 6;

    // The last pass: every speaker found is checked against SpeakerRules.Table. A phrase a rule rejects is
    // replaced by its sentence's subject when the rule allows it and the subject passes, else an indirect
    // attribution is dropped (AttributionRule.RejectedSpeaker) while words in quote marks stay, with their
    // speaker unknown: they were said by someone even when the phrase before the cue is not who.
    private void CheckSpeakers(Work work)
    {
        var text = work.Text;
        for (var i = 0; i < work.Found.Count; i++)
        {
            var quote = work.Found[i];
            if (quote.SpeakerSpan is not { } span) continue;
            var sentence = SentenceAround(work.Document.Sentences, span, text.Length);
            // A sentence layer from elsewhere may point outside the text; the speaker span never does.
            var tokens = WordScanner.Scan(text, Math.Clamp(sentence.Start, 0, span.Start), Math.Clamp(sentence.End, span.End, text.Length));
            var start = tokens.FindIndex(t => t.Start == span.Start);
            var end = tokens.FindIndex(t => t.End == span.End);
            if (start < 0 || end < start) continue;
            // "The Danish Ministry of Fisheries confirmed": a phrase cut inside a name takes the whole name.
            if (NameStartingBefore(work.Mentions, span) is { } nameStart && tokens.FindIndex(t => t.Start == nameStart) is var named and >= 0)
            {
                start = named;
                span = TextSpan.FromBounds(nameStart, span.End);
                var (namedMention, namedDescription) = ResolveSpeaker(work, tokens, (start, end), span);
                quote = work.Found[i] = quote with { SpeakerSpan = span, SpeakerMention = namedMention, SpeakerDescription = namedDescription };
            }
            var phrase = new SpeakerPhrase(text, tokens, start, end, CueAfter(text, tokens, end, quote.Cue), work.Mentions);
            if (SpeakerRules.Rejecting(_lexicon, phrase, _options.DisabledSpeakerRules) is not { } rule) continue;
            if (rule.Repairable && SubjectInstead(phrase, rule.Name) is { } subject)
            {
                var subjectSpan = TextSpan.FromBounds(tokens[subject.Start].Start, tokens[subject.End].End);
                var (mention, description) = ResolveSpeaker(work, tokens, subject, subjectSpan);
                work.Found[i] = quote with { SpeakerSpan = subjectSpan, SpeakerMention = mention, SpeakerDescription = description, Rule = AttributionRuleText.WithSpeakerRule(quote.Rule, rule.Name) };
            }
            else if (!quote.Direct && !Off(AttributionRule.RejectedSpeaker))
            {
                work.Found.RemoveAt(i--);
            }
            else
            {
                work.Found[i] = quote with { SpeakerSpan = null, SpeakerMention = null, SpeakerDescription = null, Rule = AttributionRuleText.WithSpeakerRule(quote.Rule, rule.Name) };
            }
        }
    }

    /// <summary>Where a person or organisation name starts that holds the span's first character but starts before it.</summary>
    private static int? NameStartingBefore(Mention[] mentions, TextSpan span)
    {
        foreach (var mention in mentions)
        {
            if (mention.Type is EntityType.Person or EntityType.Org && mention.Span.Start < span.Start && mention.Span.Contains(span.Start)) return mention.Span.Start;
        }
        return null;
    }

    /// <summary>The sentence holding a span (or the span itself when the sentence layer has none around it).</summary>
    private static TextSpan SentenceAround(Sentence[] sentences, TextSpan span, int textLength)
    {
        foreach (var sentence in sentences)
        {
            if (sentence.Span.Start <= span.Start && sentence.Span.End >= span.End) return sentence.Span;
        }
        return TextSpan.FromBounds(span.Start, Math.Min(textLength, span.End + 200));
    }

    /// <summary>The index of the cue's first word a few words after the phrase, when the phrase stands before its cue.</summary>
    private static int? CueAfter(string text, List<Scanned> tokens, int end, string? cue)
    {
        if (string.IsNullOrEmpty(cue)) return null;
        var space = cue.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? cue : cue[..space];
        for (var i = end + 1; i < tokens.Count && i <= end + MaxTokensBetweenSpeakerAndCue; i++)
        {
            if (tokens[i].Of(text).Equals(first, StringComparison.OrdinalIgnoreCase)) return i;
        }
        return null;
    }

    /// <summary>
    /// The whole phrase a rejected one ends: the noun phrase before its preposition ("Harbour sources working in the
    /// area", "four in 10", "Jane Doe of the Daily Planet"), else the sentence's subject up to it ("The aide to the mayor who
    /// took office in May 2019"), as PolNeAR annotates a source; only when what opens it passes every speaker rule itself.
    /// </summary>
    private (int Start, int End)? SubjectInstead(SpeakerPhrase rejected, SpeakerRuleName rule)
    {
        var text = rejected.Text;
        var tokens = rejected.Tokens;
        // "Danish fishermen said": an adjective cut from the phrase it opens takes the phrase.
        if (rule == SpeakerRuleName.BareNationality && PhraseAfter(text, tokens, rejected.End) is { } opened && opened.End > rejected.End &&
            Passes(rejected with { End = opened.End }))
        {
            return (rejected.Start, opened.End);
        }
        // "In an interview, the union's president, Jane Doe, said": an opening adverbial ends at a comma; a named speaker follows it.
        for (var comma = rejected.Start + 1; comma < rejected.End; comma++)
        {
            if (tokens[comma].Of(text) is not ",") continue;
            var after = rejected with { Start = comma + 1 };
            if (after.HoldsAgentMention() && Passes(after)) return (comma + 1, rejected.End);
            break;
        }
        var preposition = rejected.Start - 1;
        if (preposition > 0 && tokens[preposition].Kind == ScanKind.Word && _lexicon.Prepositions.Contains(tokens[preposition].Of(text).ToString()) &&
            PhraseBefore(text, tokens, preposition) is { } modified && Passes(rejected with { Start = modified.Start, End = modified.End }))
        {
            return (modified.Start, rejected.End);
        }
        if (SentenceSubject(text, tokens, rejected.Start) is not { } subject || subject.End >= rejected.Start) return null;
        var end = subject.End;
        while (end + 1 < rejected.Start && tokens[end + 1].Kind == ScanKind.Word && !tokens[end + 1].IsCapitalized(text) &&
               (_lexicon.SourceNouns.Contains(tokens[end + 1].Of(text).ToString()) || _lexicon.RoleWords.Contains(tokens[end + 1].Of(text).ToString())))
        {
            end++;
        }
        return Passes(rejected with { Start = subject.Start, End = end }) ? (subject.Start, rejected.End) : null;
    }

    private bool Passes(SpeakerPhrase phrase) => SpeakerRules.Rejecting(_lexicon, phrase, _options.DisabledSpeakerRules) is null;
}
