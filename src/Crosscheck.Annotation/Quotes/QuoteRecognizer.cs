using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// Finds attributed speech: direct quotes (any quotation marks, several paragraphs, a lost opening
/// mark, partial quotes inside a sentence) and reported speech ("X said that ...", "according to X, ...").
/// For each it records the content, the cue and the speaker as written (<see cref="Quote.SpeakerSpan"/>):
/// a named mention, an apposition ("spokeswoman Jane Doe"), a pronoun or role noun resolved to the
/// nearest compatible person mentioned before, or an unnamed source kept as its description.
/// </summary>
public sealed class QuoteRecognizer : IDocumentStage
{
    private static readonly Layer[] Needed = [Layer.Sentences, Layer.Mentions];
    private static readonly Layer[] Produced = [Layer.Quotes];

    private readonly QuoteOptions _options;
    private readonly QuoteLexicon _lexicon = QuoteLexicon.Instance;

    public QuoteRecognizer()
        : this(new QuoteOptions())
    {
    }

    public QuoteRecognizer(QuoteOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public string Name => "quotes";

    public IReadOnlyCollection<Layer> Requires => Needed;

    public IReadOnlyCollection<Layer> Assigns => Produced;

    /// <summary>Per-document working state; the stage itself holds none.</summary>
    private sealed class Work(Document document, List<TextSpan> quoted)
    {
        public Document Document { get; } = document;

        public string Text { get; } = document.Text;

        public Mention[] Mentions { get; } = document.Mentions;

        public List<TextSpan> Quoted { get; } = quoted;

        public bool[] QuoteUsed { get; } = new bool[quoted.Count];

        public List<Quote> Found { get; } = [];

        /// <summary>The index of the quoted span containing a position, or -1.</summary>
        public int QuotedAt(int position)
        {
            int lo = 0, hi = Quoted.Count - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (position < Quoted[mid].Start) hi = mid - 1;
                else if (position >= Quoted[mid].End) lo = mid + 1;
                else return mid;
            }
            return -1;
        }
    }

    public void Process(Document document)
    {
        var work = new Work(document, QuoteMarks.Find(document.Text, _options.MaxQuoteChars));
        foreach (var (start, end) in SentenceRanges.Of(document, _options.MaxSentenceChars))
        {
            ReadSentence(work, start, end);
        }
        AttachDashBylines(work);
        AttachColonIntroductions(work);
        AttachTranscriptTurns(work);
        AttachHeadlineSpeaker(work);
        AttachLeftoverQuotes(work);
        work.Found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.Quotes = [.. work.Found];
    }

    private void ReadSentence(Work work, int start, int end)
    {
        var text = work.Text;
        var tokens = WordScanner.Scan(text, start, end);
        if (tokens.Count == 0) return;
        var accepted = new List<TextSpan>();
        if (PollOpening(work, tokens) is { } poll)
        {
            work.Found.Add(poll);
            accepted.Add(poll.Span);
            MarkUsed(work, poll.Span);
        }
        var headline = IsTitleCase(text, tokens);
        for (var c = 0; c < tokens.Count; c++)
        {
            var token = tokens[c];
            if (token.Kind != ScanKind.Word || !_lexicon.CueFirstLookup.Contains(token.Of(text))) continue;
            if (work.QuotedAt(token.Start) >= 0) continue;
            if (!headline && IsPartOfName(text, tokens, c)) continue;
            if (QuantityLexicon.MatchForward(_lexicon.Cues, tokens, c, text) is not { } cue) continue;
            var nested = accepted.Any(span => span.Contains(token.Start));
            if (nested && !_options.NestedAttributions) continue;
            if (!_options.ReportedSpeech && !TouchesQuote(work, tokens, c)) continue;
            if (TryAttribution(work, tokens, c, cue.End, cue.Phrase.Value, out var quote) && !(nested && (OverlapsUsedQuote(work, quote.Span) || OpensContentOf(text, accepted, quote))) &&
                !(!nested && !cue.Phrase.Value.Contains('a') && SpansAttributedQuote(work, accepted, quote.Span)))
            {
                work.Found.Add(quote);
                accepted.Add(quote.Span);
                MarkUsed(work, quote.Span);
                c = cue.End - 1;
            }
        }
    }

    /// <summary>
    /// A capitalised cue word inside a sentence belongs to a name ("the United States", "Bloomberg
    /// Reports"); at a sentence's or a quote's start it may still be the verb ("Says Smith: ...").
    /// </summary>
    private static bool IsPartOfName(string text, List<Scanned> tokens, int c)
    {
        if (c == 0 || !tokens[c].IsCapitalized(text)) return false;
        var previous = tokens[c - 1].Of(text);
        return !(previous.Length == 1 && (QuoteMarks.IsQuoteChar(previous[0]) || previous[0] is ':' or ',' or '\u2014' or '\u2015'));
    }

    /// <summary>A headline capitalises its verbs too ("Senator Says Talks Failed"): most of its words start upper-case.</summary>
    private static bool IsTitleCase(string text, List<Scanned> tokens)
    {
        int words = 0, capitalized = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != ScanKind.Word || token.Length < 4) continue;
            words++;
            if (token.IsCapitalized(text)) capitalized++;
        }
        return words >= 3 && capitalized * 4 >= words * 3;
    }

    private static bool ClosesOnFullStop(string text, TextSpan quoted)
    {
        var inside = quoted.End - (text[quoted.End - 1] == '\'' ? 2 : 1) - 1;
        return inside > quoted.Start && text[inside] == '.';
    }

    private static bool StartsParagraph(string text, TextSpan quoted)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, quoted.Start - 1)) + 1;
        return quoted.Start == 0 || text.AsSpan(lineStart, quoted.Start - lineStart).IsWhiteSpace();
    }

    /// <summary>A quoted span written as a title: several words, all the longer ones capitalised ("Face the Nation").</summary>
    private static bool IsTitle(string text, TextSpan quoted)
    {
        int capitalized = 0;
        foreach (var token in WordScanner.Scan(text, quoted.Start, quoted.End))
        {
            if (token.Kind != ScanKind.Word || token.Length < 4) continue;
            if (!token.IsCapitalized(text)) return false;
            capitalized++;
        }
        return capitalized >= 2;
    }

    // "According to court papers filed by the estate of Jane Doe, a former partner of ..., ...": a long source phrase.
    private const int MaxLeadingSourceTokens = 40;

    /// <summary>The comma closing the source phrase of a sentence-opening "according to", when the sentence goes on after it.</summary>
    private static int? LeadingSourceComma(string text, List<Scanned> tokens, int from)
    {
        for (var m = from + 1; m + 1 < tokens.Count && m <= from + MaxLeadingSourceTokens; m++)
        {
            var word = tokens[m].Of(text);
            if (word.Length == 1 && QuoteMarks.IsQuoteChar(word[0])) return null;
            if (word is ",") return m;
        }
        return null;
    }

    /// <summary>
    /// "In a national poll released Monday, 50 percent chose ...": a sentence opening with "In" and a phrase about a poll
    /// or survey up to its comma reports that poll's finding, the rest of the sentence.
    /// </summary>
    private Quote? PollOpening(Work work, List<Scanned> tokens)
    {
        var text = work.Text;
        if (tokens.Count < 4 || !tokens[0].Is(text, "in") || LeadingSourceComma(text, tokens, 1) is not { } comma) return null;
        var aboutPoll = false;
        for (var i = 1; i < comma && !aboutPoll; i++) aboutPoll = tokens[i].Kind == ScanKind.Word && _lexicon.PollNouns.Contains(tokens[i].Of(text).ToString());
        if (!aboutPoll) return null;
        var content = TextSpan.FromBounds(tokens[comma + 1].Start, ContentEnd(work, tokens));
        if (content.Length < 2 || !HasWord(text, content)) return null;
        var speakerSpan = TextSpan.FromBounds(tokens[1].Start, tokens[comma - 1].End);
        var (mention, description) = ResolveSpeaker(work, tokens, (1, comma - 1), speakerSpan);
        return new Quote(content, ContainsQuoteMark(text, content), tokens[0].Of(text).ToString(), speakerSpan, mention, description);
    }

    /// <summary>A passive cue with its agent ("was first reported by the local paper"): the auxiliary's index and the agent phrase.</summary>
    private (int Auxiliary, (int Start, int End) Agent)? PassiveAgent(string text, List<Scanned> tokens, int c, int cueEnd)
    {
        if (cueEnd >= tokens.Count || !tokens[cueEnd].Is(text, "by")) return null;
        var k = c - 1;
        while (k >= 0 && tokens[k].Kind == ScanKind.Word && _lexicon.SubjectSkip.Contains(tokens[k].Of(text).ToString()) &&
               !_lexicon.PassiveAuxiliaries.Contains(tokens[k].Of(text).ToString()))
        {
            k--;
        }
        if (k < 1 || !_lexicon.PassiveAuxiliaries.Contains(tokens[k].Of(text).ToString())) return null;
        // "has been endorsed": the perfect auxiliary belongs to the verb group too.
        var auxiliary = k;
        while (auxiliary > 1 && tokens[auxiliary - 1].Kind == ScanKind.Word && _lexicon.SubjectSkip.Contains(tokens[auxiliary - 1].Of(text).ToString())) auxiliary--;
        return PhraseAfter(text, tokens, cueEnd + 1) is { } agent ? (auxiliary, agent) : null;
    }

    /// <summary>Whether a cue is the second of two coordinated verbs ("... and later said", "... but added").</summary>
    private bool IsCoordinatedVerb(string text, List<Scanned> tokens, int c)
    {
        var k = SkipBetweenSubjectAndCue(text, tokens, c - 1);
        return k > 1 && (tokens[k].Is(text, "and") || tokens[k].Is(text, "but"));
    }

    /// <summary>
    /// The pronoun opening a clause of two coordinated verbs after a long opening adverbial, when the sentence's
    /// subject was not found ("Once, when ..., I laughed and said, “...”"): a comma, the pronoun, a verb, "and", the cue.
    /// </summary>
    private (int Start, int End)? PronounBeforeCoordinatedVerbs(string text, List<Scanned> tokens, int c)
    {
        var pronoun = c - 3;
        if (pronoun < 0 || !(tokens[c - 1].Is(text, "and") || tokens[c - 1].Is(text, "but"))) return null;
        if (tokens[c - 2].Kind != ScanKind.Word || tokens[c - 2].IsCapitalized(text)) return null;
        if (!_lexicon.Pronouns.TryGetValue(tokens[pronoun].Of(text).ToString(), out var refersTo) || refersTo is not ("person" or "self")) return null;
        return pronoun == 0 || tokens[pronoun - 1].Of(text) is "," ? (pronoun, pronoun) : null;
    }

    /// <summary>
    /// Whether a nested attribution's speaker opens the content it sits in ("Doe said [she believes ...]",
    /// "told the crowd that [he plans ...]"): the outer cue reports the whole clause, which PolNeAR annotates once.
    /// </summary>
    private static bool OpensContentOf(string text, List<TextSpan> accepted, Quote inner)
    {
        if (inner.SpeakerSpan is not { } speaker) return false;
        foreach (var outer in accepted)
        {
            if (!outer.Contains(speaker.Start)) continue;
            var before = TextSpan.FromBounds(outer.Start, speaker.Start);
            var lead = before.Of(text).Trim();
            if (lead.Length == 0 || lead.Equals("that", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>Whether a content takes in a quoted passage another attribution already holds: the quote has its speaker.</summary>
    /// <summary>
    /// Whether a content reaching back over a quote already attributed in this sentence to another cue
    /// ("“A,” Doe said at the gala, where Roe also spoke.", "“A,” said Doe, of a liberal think tank."): those words are not the later cue's.
    /// "“A,” Doe said, according to the paper" still gives the paper as a second source, as PolNeAR annotates it.
    /// </summary>
    private static bool SpansAttributedQuote(Work work, List<TextSpan> accepted, TextSpan content)
    {
        foreach (var span in accepted)
        {
            if (span.Start < content.End && content.Start < span.End && ContainsQuoteMark(work.Text, span) && content.Start <= span.Start) return true;
        }
        return false;
    }

    private static bool OverlapsUsedQuote(Work work, TextSpan content)
    {
        for (var i = 0; i < work.Quoted.Count; i++)
        {
            if (work.QuoteUsed[i] && work.Quoted[i].Overlaps(content)) return true;
        }
        return false;
    }

    private static bool TouchesQuote(Work work, List<Scanned> tokens, int c)
    {
        var from = tokens[0].Start;
        var to = tokens[^1].End;
        foreach (var quoted in work.Quoted)
        {
            if (quoted.Start < to + 3 && quoted.End > from - 3) return true;
        }
        return false;
    }

    private bool TryAttribution(Work work, List<Scanned> tokens, int c, int cueEnd, string flags, out Quote quote)
    {
        quote = default;
        var text = work.Text;
        var cueSpan = TextSpan.FromBounds(tokens[c].Start, tokens[cueEnd - 1].End);
        var sentenceStart = tokens[0].Start;
        var sentenceEnd = ContentEnd(work, tokens);
        (int Start, int End)? speaker;
        TextSpan content;

        if (QuestionPutToTheSpeaker(work, tokens, c, cueEnd, sentenceEnd) is { } question)
        {
            // "Asked whether he would run, Doe said ...": the question is reported with no speaker of its own.
            quote = new Quote(question, ContainsQuoteMark(text, question), cueSpan.TextOf(text));
            return true;
        }
        if (flags.Contains('a'))
        {
            speaker = PhraseAfter(text, tokens, cueEnd);
            var leading = c == 0 || AllSkippable(text, tokens, 0, c);
            if (leading && LeadingSourceComma(text, tokens, cueEnd) is { } comma)
            {
                // "According to early results of exit polls conducted by ..., Y": the whole phrase up to the comma is the source.
                speaker = (cueEnd, comma - 1);
                content = TextSpan.FromBounds(tokens[comma + 1].Start, sentenceEnd);
            }
            else if (speaker is null)
            {
                return false;
            }
            else if (c > 0)
            {
                content = TextSpan.FromBounds(sentenceStart, TrimBack(text, tokens, c - 1));
            }
            else
            {
                return false;
            }
        }
        else if (PassiveAgent(text, tokens, c, cueEnd) is { } passive)
        {
            // "The plan was endorsed by the union": the agent speaks; the subject is what it spoke of.
            speaker = passive.Agent;
            content = TextSpan.FromBounds(sentenceStart, TrimBack(text, tokens, passive.Auxiliary - 1));
        }
        else
        {
            // "..., saying ...": a participle after a comma has no subject of its own; the comma ends the main clause,
            // not an apposition ("Doe spoke about the flooding in Tartu, Estonia, arguing ..."), so the rules below find the speaker.
            var participleAfterComma = c > 0 && tokens[c - 1].Of(text) is "," && IsParticiple(text, tokens[c]);
            speaker = participleAfterComma ? null : PhraseBefore(text, tokens, c);
            // "The group issued a statement saying ...": the statement speaks for the sentence's subject.
            if (speaker is { } carrier && carrier.Start > 0 && _lexicon.DocumentNouns.Contains(tokens[carrier.End].Of(text).ToString()) &&
                text.AsSpan(tokens[c].Start, tokens[c].Length).EndsWith("ing", StringComparison.Ordinal) &&
                SentenceSubject(text, tokens, carrier.Start) is { } author)
            {
                speaker = author;
                if (ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) is not { } carried) return false;
                content = carried;
            }
            else if (speaker is { } subject)
            {
                // "“...,” Jane Doe said to laughs": a quote closing right before the speaker is the content,
                // even when the sentence splitter put the speaker in a sentence of its own.
                var quoteBefore = QuoteEndingBefore(work, tokens[subject.Start].Start);
                // "In an interview on “Meet the Press,” Doe said ...": a quoted title inside the sentence is not what was said.
                if (quoteBefore is { } title && title.Start > sentenceStart && IsTitle(text, title)) quoteBefore = null;
                var after = quoteBefore is null ? ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) : null;
                // "“...,” City Hall press officer Jane Doe said at a briefing.": only an adverbial follows the cue,
                // and the quote closes a few words before the speaker phrase as found.
                if (after is not null && IsAdverbial(text, tokens, cueEnd) && QuoteEndingNear(work, tokens, subject.Start) is { } near)
                {
                    quoteBefore = near;
                }
                // "“...,” former state budget director Jane Doe wrote to the board": a quote closing on a comma, a few title
                // words before the speaker as found, is what was said whatever follows the cue.
                else if (after is not null && OpenQuoteClosingOnCommaBefore(work, tokens, subject.Start) is { } trailing)
                {
                    quoteBefore = trailing;
                }
                if (quoteBefore is { } closing) content = closing;
                else if (IsParentheticalCue(text, tokens, subject.Start, cueEnd))
                {
                    // The reported words run on both sides of the cue: the content spans them (and the cue between).
                    content = TextSpan.FromBounds(sentenceStart, after?.End ?? TrimBack(text, tokens, subject.Start - 1));
                }
                else if (after is { } forward) content = forward;
                // "“... is closed.” Doe said.": a sentence of only the speaker and the cue reports the quote before it.
                else if (subject.Start == 0 && IsBareCueSentence(text, tokens, cueEnd) && QuoteEndingBefore(work, tokens[0].Start, acrossFullStop: true) is { } closed)
                {
                    content = closed;
                }
                else if (subject.Start > 0) content = TextSpan.FromBounds(sentenceStart, TrimBack(text, tokens, subject.Start - 1));
                else return false;
            }
            else if (flags.Contains('i') && c > 0 && IsInversionPoint(text, tokens[c - 1]))
            {
                speaker = PhraseAfter(text, tokens, cueEnd);
                if (speaker is null) return false;
                // "..., said he would resign": a pronoun followed by its verb opens the content, it is not the speaker.
                if (speaker.Value.Start == speaker.Value.End && _lexicon.Pronouns.ContainsKey(tokens[speaker.Value.Start].Of(text).ToString()) &&
                    speaker.Value.End + 1 < tokens.Count && tokens[speaker.Value.End + 1].Kind == ScanKind.Word)
                {
                    return false;
                }
                content = TextSpan.FromBounds(sentenceStart, TrimBack(text, tokens, c - 1));
            }
            else if (IsParticiple(text, tokens[c]) &&
                     ((participleAfterComma ? SpeakerOfPreviousCue(work, tokens, c - 1) : null) ?? SentenceSubject(text, tokens, c)) is { } subjectOfClause)
            {
                // "Trump defended the plan, saying ...": a participle's speaker is the subject of the sentence,
                // or the speaker of the cue it follows ("“...,” the coach said, adding that ..."); so too without
                // a comma when nothing before it can speak ("she began the speech by thanking ...").
                speaker = subjectOfClause;
                if (ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) is not { } said) return false;
                content = said;
            }
            else if (IsCoordinatedVerb(text, tokens, c) && (SentenceSubject(text, tokens, c) ?? PronounBeforeCoordinatedVerbs(text, tokens, c)) is { } sharedSubject)
            {
                // "Doe criticized the plan and said ...": coordinated verbs share the sentence's subject.
                speaker = sharedSubject;
                if (ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) is not { } said) return false;
                content = said;
            }
            else if (flags.Contains('i') && c == 0 && QuoteEndingBefore(work, tokens[0].Start) is { } previousQuote)
            {
                speaker = PhraseAfter(text, tokens, cueEnd);
                if (speaker is null) return false;
                content = previousQuote;
            }
            else
            {
                return false;
            }
        }

        // "When Doe noted that ..., Roe said ...", "In a statement announcing the pick, the union called ...":
        // a cue inside an opening adverbial clause reports no further than the comma that closes the clause.
        if (OpeningClauseEnd(text, tokens, c) is { } clauseEnd && content.Start < clauseEnd && content.End > clauseEnd)
        {
            content = TextSpan.FromBounds(content.Start, clauseEnd);
        }
        content = WithQuotes(work, content);
        if (content.Length < 2 || !HasWord(text, content)) return false;
        var speakerSpan = TextSpan.FromBounds(tokens[speaker.Value.Start].Start, tokens[speaker.Value.End].End);
        var (mention, description) = ResolveSpeaker(work, tokens, speaker.Value, speakerSpan);
        quote = new Quote(content, ContainsQuoteMark(text, content), cueSpan.TextOf(text), speakerSpan, mention, description);
        return true;
    }

    // "The talks, she said, ...": fewer words before the speaker are a subject the cue interrupts, not what was said.
    private const int MinWordsBeforeParentheticalCue = 4;

    /// <summary>
    /// A cue set inside or after the words it reports ("It would take weeks to convene the panel, he said, and ...",
    /// "..., Doe said in an interview."): a comma before the speaker, a clause before it, and no "that", colon or quote after the cue.
    /// </summary>
    private bool IsParentheticalCue(string text, List<Scanned> tokens, int speakerStart, int cueEnd)
    {
        if (speakerStart < MinWordsBeforeParentheticalCue + 1 || tokens[speakerStart - 1].Of(text) is not ",") return false;
        if (tokens[0].Kind == ScanKind.Word && _lexicon.AdverbialOpeners.Contains(tokens[0].Of(text).ToString())) return false;
        if (CountWords(text, TextSpan.FromBounds(tokens[0].Start, tokens[speakerStart - 1].Start)) < MinWordsBeforeParentheticalCue) return false;
        // "Giving a speech in the valley, Doe said ...": an opening participle clause is no reported speech.
        var opener = tokens[0].Of(text);
        if (opener.EndsWith("ing", StringComparison.Ordinal) || opener.EndsWith("ed", StringComparison.Ordinal)) return false;
        if (cueEnd >= tokens.Count) return true;
        // After the cue only a comma, a stop or an adverbial ("said in a report", "said on Tuesday"); an object
        // or a clause after it ("told Fox that ...", "says the plan ...") is the content itself.
        var next = tokens[cueEnd];
        if (next.Kind == ScanKind.Punct) return next.Of(text) is "," or "." or ";";
        var word = next.Of(text).ToString();
        return _lexicon.TimeWords.ContainsKey(word) || CalendarNames.Weekday(word) > 0 || _lexicon.AdverbialOpeners.Contains(word) && !next.IsCapitalized(text);
    }

    private static bool IsParticiple(string text, Scanned token) => text.AsSpan(token.Start, token.Length).EndsWith("ing", StringComparison.Ordinal);

    /// <summary>The content after a cue: the rest of the sentence, past an object and "that" for verbs like "told"; or the quote opening the next paragraph after a colon.</summary>
    private TextSpan? ContentAfter(Work work, List<Scanned> tokens, int k, string flags, int sentenceEnd)
    {
        var text = work.Text;
        if (flags.Contains('t'))
        {
            for (var j = k; j < tokens.Count && j < k + 10; j++)
            {
                var word = tokens[j].Of(text);
                if (word.Equals("that", StringComparison.OrdinalIgnoreCase) || word is ":")
                {
                    k = j + 1;
                    break;
                }
                if (tokens[j].Kind == ScanKind.Punct && word is not "," and not "'" and not "\u2019" && !QuoteMarks.IsQuoteChar(word[0])) break;
                if (QuoteMarks.IsQuoteChar(word[0]))
                {
                    // "told the paper's “Morning Report” that ...": a quoted title as the object; "that" opens the content.
                    k = QuotedObjectThenThat(work, tokens, j) ?? j;
                    break;
                }
            }
        }
        while (k < tokens.Count && tokens[k].Of(text) is "," or ":" or "\u2014" or "-") k++;
        if (k < tokens.Count && tokens[k].Start < sentenceEnd)
        {
            var span = TextSpan.FromBounds(tokens[k].Start, NextClauseStart(work, tokens, k) ?? sentenceEnd);
            if (CountWords(text, span) >= 2 || ContainsQuoteMark(text, span)) return span;
        }
        // "Smith continued:" closing a paragraph, the quote following in the next one.
        var after = tokens[^1].End;
        while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
        if (tokens[^1].Of(text) is ":" or "," && work.QuotedAt(after) is var q and >= 0 && work.Quoted[q].Start == after)
        {
            return work.Quoted[q];
        }
        return null;
    }

    /// <summary>The token after "that" when the quote opening at token <paramref name="open"/> is followed right away by "that".</summary>
    private static int? QuotedObjectThenThat(Work work, List<Scanned> tokens, int open)
    {
        var text = work.Text;
        if (work.QuotedAt(tokens[open].Start) is not (var q and >= 0)) return null;
        var end = work.Quoted[q].End;
        for (var j = open + 1; j + 1 < tokens.Count; j++)
        {
            if (tokens[j].Start < end) continue;
            return tokens[j].Is(text, "that") ? j + 1 : null;
        }
        return null;
    }

    /// <summary>
    /// Where a content ends early because a clause with its own cue follows: ", saying ...", ", adding that ...",
    /// " and said ..." ("Doe defended the budget, saying it ..." holds two attributions), or a new sentence starts after a quote.
    /// </summary>
    private int? NextClauseStart(Work work, List<Scanned> tokens, int from)
    {
        var text = work.Text;
        for (var j = from + 1; j + 1 < tokens.Count; j++)
        {
            // A quote closed by a full stop and followed by a capitalised word: a new sentence the splitter missed.
            if (QuoteMarks.IsMarkBefore(text, tokens[j].End) && tokens[j].Start > 0 && text[tokens[j].Start - 1] == '.' &&
                tokens[j + 1].IsCapitalized(text) && work.QuotedAt(tokens[j].Start) is var q and >= 0 && work.Quoted[q].End == tokens[j].End)
            {
                return tokens[j].End;
            }
            if (work.QuotedAt(tokens[j].Start) is var open and >= 0)
            {
                // "Doe stressed the need for calm: “...,” she said.": the quote has its own attribution after it.
                if (j > from + 1 && work.Quoted[open].Start == tokens[j].Start && HasTrailingAttribution(work, tokens, work.Quoted[open])) return TrimBack(text, tokens, j - 1);
                continue;
            }
            var word = tokens[j].Of(text);
            var isComma = word is ",";
            if (!isComma && !tokens[j].Is(text, "and") && !tokens[j].Is(text, "but")) continue;
            var next = j + 1;
            while (next < tokens.Count && tokens[next].Kind == ScanKind.Word && _lexicon.SubjectSkip.Contains(tokens[next].Of(text).ToString())) next++;
            if (next >= tokens.Count || !_lexicon.CueFirstLookup.Contains(tokens[next].Of(text))) continue;
            var participle = tokens[next].Of(text).EndsWith("ing", StringComparison.Ordinal);
            if ((isComma && participle) || (!isComma && !participle)) return tokens[j - 1].End;
        }
        return null;
    }

    // "“...,” she said", "“...?” asked Jane Q. Public": a speaker of a few words, or none, before the cue.
    private const int MaxWordsBeforeTrailingCue = 4;

    /// <summary>
    /// Whether a quote whose words close on a comma, question or exclamation mark is followed in its sentence by a cue
    /// a few words on ("“...,” she said", "“...,” said Doe"): the cue that attributes it.
    /// </summary>
    private bool HasTrailingAttribution(Work work, List<Scanned> tokens, TextSpan quoted)
    {
        var text = work.Text;
        var markWidth = text[quoted.End - 1] == '\'' ? 2 : 1;
        var inside = quoted.End - markWidth - 1;
        if (inside <= quoted.Start || text[inside] is not (',' or '?' or '!')) return false;
        var first = tokens.FindIndex(t => t.Start >= quoted.End);
        if (first < 0) return false;
        for (var j = first; j < tokens.Count && j <= first + MaxWordsBeforeTrailingCue; j++)
        {
            if (tokens[j].Kind != ScanKind.Word) return false;
            if (_lexicon.CueFirstLookup.Contains(tokens[j].Of(text))) return true;
        }
        return false;
    }

    /// <summary>The speaker of an attribution found earlier in the same sentence whose cue comes right before a comma at <paramref name="comma"/>.</summary>
    private static (int Start, int End)? SpeakerOfPreviousCue(Work work, List<Scanned> tokens, int comma)
    {
        if (work.Found.Count == 0 || work.Found[^1].SpeakerSpan is not { } speaker) return null;
        if (speaker.Start < tokens[0].Start || speaker.End > tokens[comma].Start) return null;
        int start = -1, end = -1;
        for (var i = 0; i < comma; i++)
        {
            if (tokens[i].Start == speaker.Start) start = i;
            if (tokens[i].End == speaker.End) end = i;
        }
        return start >= 0 && end >= start ? (start, end) : null;
    }

    // "“...,” City Hall press officer": words of a title the speaker phrase may have left out.
    private const int MaxWordsBetweenQuoteAndSpeaker = 4;

    /// <summary>The quoted passage ending right before the speaker phrase or a few capitalised or lowercase title words before it.</summary>
    private static TextSpan? QuoteEndingNear(Work work, List<Scanned> tokens, int speakerStart)
    {
        for (var s = speakerStart; s >= 0 && s >= speakerStart - MaxWordsBetweenQuoteAndSpeaker; s--)
        {
            if (s < speakerStart && tokens[s].Kind != ScanKind.Word) return null;
            if (QuoteEndingBefore(work, tokens[s].Start) is { } quote) return quote;
        }
        return null;
    }

    // "“...,” the bespectacled, 71-year-old former deputy diplomat": the longest titles and descriptions between a quote and its speaker.
    private const int MaxTokensBetweenQuoteAndSpeaker = 10;

    /// <summary>
    /// A quote not yet attributed that opens its sentence and closes on a comma, question or exclamation mark inside its closing mark, with only
    /// title words (no cue, no clause boundary, no other quote) between it and <paramref name="speakerStart"/>.
    /// </summary>
    private TextSpan? OpenQuoteClosingOnCommaBefore(Work work, List<Scanned> tokens, int speakerStart)
    {
        var text = work.Text;
        for (var s = speakerStart - 1; s >= 0 && s >= speakerStart - MaxTokensBetweenQuoteAndSpeaker; s--)
        {
            var token = tokens[s];
            var word = token.Of(text);
            if (token.Kind == ScanKind.Number) continue;
            if (token.Kind == ScanKind.Word)
            {
                if (_lexicon.CueFirstLookup.Contains(word) || _lexicon.Boundaries.Contains(word.ToString())) return null;
                continue;
            }
            if (word.Length == 1 && QuoteMarks.IsMarkBefore(text, token.End))
            {
                var index = work.QuotedAt(token.Start);
                if (index < 0 || work.QuoteUsed[index] || work.Quoted[index].End != token.End) return null;
                // Only a quote opening its sentence: one inside it ("On “Face the Nation,” Doe said ...") is a title.
                var quoted = work.Quoted[index];
                var inside = token.Start - 1;
                return quoted.Start <= tokens[0].Start && inside > quoted.Start && text[inside] is ',' or '?' or '!' ? quoted : null;
            }
            // Title punctuation, or a symbol inside a word (a name whose accented letters were garbled in decoding).
            if (token.Kind != ScanKind.Punct || (word is not ("." or "," or "'" or "\u2019" or "-") && (token.SpaceBefore || s + 1 >= speakerStart || tokens[s + 1].SpaceBefore))) return null;
        }
        return null;
    }

    /// <summary>Whether the words after a cue are only an adverbial ("at a briefing", "on Tuesday", "in a statement").</summary>
    private bool IsAdverbial(string text, List<Scanned> tokens, int k)
    {
        while (k < tokens.Count && tokens[k].Of(text) is ",") k++;
        if (k >= tokens.Count || tokens[k].Kind != ScanKind.Word) return false;
        var word = tokens[k].Of(text).ToString();
        return !tokens[k].IsCapitalized(text) && (_lexicon.AdverbialOpeners.Contains(word) || _lexicon.TimeWords.ContainsKey(word)) ||
            CalendarNames.Weekday(word) > 0;
    }

    /// <summary>The quoted passage ending right before a position (only spaces, commas or dashes between), if any.</summary>
    private static TextSpan? QuoteEndingBefore(Work work, int position, bool acrossFullStop = false)
    {
        var text = work.Text;
        var p = position;
        var joined = false;
        while (p > 0 && (text[p - 1] is ' ' or ',' or '\u2014' or '\u2013' or '-' or '\u00A0'))
        {
            joined |= text[p - 1] != ' ' && text[p - 1] != '\u00A0';
            p--;
        }
        if (!QuoteMarks.IsMarkBefore(text, p)) return null;
        // “... is the timing.” Doe said ...: a quote closed by a full stop ends its sentence; the next one starts afresh.
        var markWidth = text[p - 1] == '\'' ? 2 : 1;
        if (!acrossFullStop && !joined && p - markWidth > 0 && text[p - markWidth - 1] == '.') return null;
        var index = work.QuotedAt(p - 1);
        return index >= 0 && work.Quoted[index].End == p ? work.Quoted[index] : null;
    }

    /// <summary>
    /// The question in "Asked whether ..., Doe said" or "... when asked what ...": a participle "asked" opening the
    /// sentence or after "when", followed by its question word; it runs to the comma closing the clause, or the sentence end.
    /// </summary>
    private TextSpan? QuestionPutToTheSpeaker(Work work, List<Scanned> tokens, int c, int cueEnd, int sentenceEnd)
    {
        var text = work.Text;
        if (!tokens[c].Is(text, "asked") || cueEnd >= tokens.Count) return null;
        if (c > 0 && !tokens[c - 1].Is(text, "when")) return null;
        if (tokens[cueEnd].Kind != ScanKind.Word || !_lexicon.QuestionWords.Contains(tokens[cueEnd].Of(text).ToString())) return null;
        var end = sentenceEnd;
        for (var m = cueEnd + 1; m + 1 < tokens.Count; m++)
        {
            if (tokens[m].Of(text) is "," && CanOpenSubject(text, tokens[m + 1]) && work.QuotedAt(tokens[m].Start) < 0)
            {
                end = tokens[m - 1].End;
                break;
            }
        }
        return end > tokens[cueEnd].Start ? TextSpan.FromBounds(tokens[cueEnd].Start, end) : null;
    }

    /// <summary>Whether nothing but a stop, or an adverbial, follows the cue ("Doe said.", "Doe said on Tuesday.").</summary>
    private bool IsBareCueSentence(string text, List<Scanned> tokens, int cueEnd) =>
        cueEnd >= tokens.Count || tokens[cueEnd].Of(text) is "." || IsAdverbial(text, tokens, cueEnd);

    // "“...,” said Smith" and "..., said Smith": the speaker follows the cue.
    private static bool IsInversionPoint(string text, Scanned previous)
    {
        var mark = previous.Of(text);
        return mark is "," || (mark.Length == 1 && QuoteMarks.IsMarkBefore(text, previous.End));
    }

    private bool AllSkippable(string text, List<Scanned> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == ScanKind.Punct || _lexicon.SubjectSkip.Contains(tokens[i].Of(text).ToString())) continue;
            var word = tokens[i].Of(text);
            if (word.Equals("but", StringComparison.OrdinalIgnoreCase) || word.Equals("and", StringComparison.OrdinalIgnoreCase)) continue;
            return false;
        }
        return true;
    }

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
        // "Acme's chief executive": a possessive name opens a description.
        return tokens[first].IsCapitalized(text) && first + 2 < end && tokens[first + 1].Of(text) is "'" or "\u2019" && tokens[first + 2].Is(text, "s");
    }

    /// <summary>The speaker written before a cue ("Defense Department spokeswoman Jane Doe told", "he also said", "X, a spokesman for Y, said").</summary>
    private (int Start, int End)? PhraseBefore(string text, List<Scanned> tokens, int cue)
    {
        var k = SkipBetweenSubjectAndCue(text, tokens, cue - 1);
        if (k < 0) return null;
        var head = tokens[k];
        if (head.Of(text) is ",")
        {
            // Appositions, possibly several: "Jane Doe, a spokeswoman for the ministry, said",
            // "Jane Doe, the mayor of Springfield, one of the towns suing, said". The name is before the first.
            var chain = new List<int>();
            var segmentEnd = k;
            for (var m = k - 1; m >= 0 && m >= k - MaxAppositionChainTokens; m--)
            {
                if (tokens[m].Of(text) is not ",") continue;
                if (!OpensApposition(text, tokens, m + 1, segmentEnd)) break;
                chain.Add(m);
                segmentEnd = m;
            }
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                // The whole apposition is the speaker as written; the mention inside it names who it is.
                if (PhraseBefore(text, tokens, chain[i]) is { } named) return (named.Start, k - 1);
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
        // "47 percent said", "more than 4 in 10 said": a share of those polled speaks.
        if (head.Kind == ScanKind.Number) return (k, k);
        if (head.Kind != ScanKind.Word) return null;
        var word = head.Of(text).ToString();
        if ((word is "percent" or "%") && k > 0 && tokens[k - 1].Kind == ScanKind.Number) return (k - 1, k);
        if (_lexicon.Pronouns.ContainsKey(word) || IsContractedPronoun(word)) return (k, k);
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
        if (k < before && tokens[k].Kind == ScanKind.Word && (_lexicon.AdverbialOpeners.Contains(tokens[k].Of(text).ToString()) || IsOpeningParticiple(text, tokens, k, before)))
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
        var end = k;
        while (end + 1 < before && (tokens[end + 1].IsCapitalized(text) ||
               (tokens[end + 1].Of(text) is "." && IsAbbreviation(text, tokens[end]) && end + 2 < before && tokens[end + 2].IsCapitalized(text))))
        {
            end++;
        }
        return (k, end);
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

    /// <summary>The token after a dateline opening the sentence ("LISBON ―", "OSLO, May 2 (Agency) —"), or 0.</summary>
    private static int DatelineEnd(string text, List<Scanned> tokens, int before)
    {
        if (tokens.Count == 0 || !IsUpperCaseWord(text, tokens[0])) return 0;
        for (var i = 1; i < before && i < MaxDatelineTokens; i++)
        {
            var token = tokens[i];
            if (token.Kind == ScanKind.Punct && token.SpaceBefore && token.Of(text) is var mark && mark.Length == 1 && IsDash(mark[0])) return i + 1 < before ? i + 1 : 0;
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

    /// <summary>Where a sentence's content ends: before its final stop, unless a quotation mark closes it.</summary>
    private static int ContentEnd(Work work, List<Scanned> tokens)
    {
        var last = tokens[^1];
        if (last.Of(work.Text) is "." or "!" or "?" or ";" && tokens.Count > 1) return tokens[^2].End;
        return last.End;
    }

    private static int TrimBack(string text, List<Scanned> tokens, int k)
    {
        while (k > 0 && tokens[k].Of(text) is "," or "\u2014" or "-" or ":") k--;
        return tokens[k].End;
    }

    /// <summary>A content that touches a quoted passage takes all of it (the passage may span sentences and paragraphs).</summary>
    private static TextSpan WithQuotes(Work work, TextSpan content)
    {
        var start = content.Start;
        var end = content.End;
        foreach (var quoted in work.Quoted)
        {
            if (quoted.Start >= end) break;
            if (quoted.End > start)
            {
                start = Math.Min(start, quoted.Start);
                end = Math.Max(end, quoted.End);
            }
        }
        return TextSpan.FromBounds(start, end);
    }

    private static void MarkUsed(Work work, TextSpan content)
    {
        for (var i = 0; i < work.Quoted.Count; i++)
        {
            if (work.Quoted[i].Overlaps(content)) work.QuoteUsed[i] = true;
        }
    }

    private static bool ContainsQuoteMark(string text, TextSpan span)
    {
        foreach (var c in span.Of(text))
        {
            if (QuoteMarks.IsQuoteChar(c)) return true;
        }
        return false;
    }

    private static bool HasWord(string text, TextSpan span)
    {
        foreach (var c in span.Of(text))
        {
            if (char.IsLetterOrDigit(c)) return true;
        }
        return false;
    }

    private static int CountWords(string text, TextSpan span)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in span.Of(text))
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    // A byline after a dash is a name of a few words ("Jane Q. Public", "Ana María de la Cruz").
    private const int MaxBylineTokens = 8;

    /// <summary>
    /// A quote followed by a dash and a name closing its line ("“...” ― Jane Doe") is that person's:
    /// the way collected reader or voter comments and epigraphs are attributed.
    /// </summary>
    private void AttachDashBylines(Work work)
    {
        var text = work.Text;
        for (var i = 0; i < work.Quoted.Count; i++)
        {
            if (work.QuoteUsed[i]) continue;
            var quoted = work.Quoted[i];
            var p = quoted.End;
            while (p < text.Length && text[p] is ' ' or '\u00A0' or '\t') p++;
            var dash = p;
            while (p < text.Length && IsDash(text[p])) p++;
            if (p == dash || p - dash > 2) continue;
            var lineEnd = text.IndexOf('\n', p);
            if (lineEnd < 0) lineEnd = text.Length;
            var tokens = WordScanner.Scan(text, p, lineEnd);
            if (Byline(text, tokens) is not { } name) continue;
            var speakerSpan = TextSpan.FromBounds(tokens[name.Start].Start, tokens[name.End].End);
            var (mention, description) = ResolveSpeaker(work, tokens, name, speakerSpan);
            work.Found.Add(new Quote(quoted, true, text[dash..p], speakerSpan, mention, description));
            work.QuoteUsed[i] = true;
        }
    }

    /// <summary>
    /// A quote introduced by a colon ("A reader wrote in to ask: “...”", "Doe made the following remark:" and the
    /// quote in the next paragraph) is the words of the introducing sentence's subject, whatever its verb.
    /// </summary>
    private void AttachColonIntroductions(Work work)
    {
        var text = work.Text;
        var sentences = work.Document.Sentences;
        for (var i = 0; i < work.Quoted.Count; i++)
        {
            if (work.QuoteUsed[i]) continue;
            var quoted = work.Quoted[i];
            var p = quoted.Start;
            var newlines = 0;
            while (p > 0 && char.IsWhiteSpace(text[p - 1]))
            {
                if (text[p - 1] == '\n') newlines++;
                p--;
            }
            // At most one paragraph break between the colon and the quote.
            if (p == 0 || text[p - 1] != ':' || newlines > 2) continue;
            var colon = p - 1;
            var sentenceStart = SentenceStartBefore(sentences, colon);
            var tokens = WordScanner.Scan(text, sentenceStart, colon);
            if (tokens.Count < 2) continue;
            // "According to the report:" names its source after the cue; otherwise the sentence's subject speaks.
            var according = tokens.Count > 2 && tokens[0].Is(text, "according") && tokens[1].Is(text, "to") ? PhraseAfter(text, tokens, 2) : null;
            if ((according ?? SentenceSubject(text, tokens, tokens.Count)) is not { } subject) continue;
            var speakerSpan = TextSpan.FromBounds(tokens[subject.Start].Start, tokens[subject.End].End);
            var (mention, description) = ResolveSpeaker(work, tokens, subject, speakerSpan);
            work.Found.Add(new Quote(quoted, true, ":", speakerSpan, mention, description));
            work.QuoteUsed[i] = true;
        }
    }

    private static int SentenceStartBefore(Sentence[] sentences, int position)
    {
        var start = 0;
        foreach (var sentence in sentences)
        {
            if (sentence.Span.Start > position) break;
            start = sentence.Span.Start;
        }
        return start;
    }

    // "Council Leader Jane Doe: ...": a headline's speaker is a short name, title or outlet.
    private const int MaxHeadlineSpeakerTokens = 4;

    /// <summary>
    /// A headline written "Speaker: words" ("Doe: Talks Will Resume in May", "Poll: Turnout Falls") opening the text:
    /// the words are the speaker's. Only the first line, where news titles stand.
    /// </summary>
    private void AttachHeadlineSpeaker(Work work)
    {
        var text = work.Text;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        var colon = text.IndexOf(':', start, lineEnd - start);
        if (colon <= start || colon + 1 >= lineEnd || text[colon + 1] != ' ') return;
        var label = WordScanner.Scan(text, start, colon);
        if (label.Count == 0 || label.Count > MaxHeadlineSpeakerTokens) return;
        foreach (var token in label)
        {
            if (token.Kind == ScanKind.Word ? !token.IsCapitalized(text) : token.Of(text) is not ("." or "'" or "\u2019")) return;
        }
        // "UPDATE:", "BREAKING NEWS:": an upper-case rubric, not a speaker.
        if (label.All(t => t.Kind != ScanKind.Word || IsUpperCaseWord(text, t))) return;
        var contentStart = colon + 1;
        while (contentStart < lineEnd && char.IsWhiteSpace(text[contentStart])) contentStart++;
        var contentEnd = lineEnd;
        while (contentEnd > contentStart && char.IsWhiteSpace(text[contentEnd - 1])) contentEnd--;
        var content = TextSpan.FromBounds(contentStart, contentEnd);
        if (CountWords(text, content) < MinHeadlineWords || work.Found.Any(q => q.Span.Overlaps(content))) return;
        var speakerSpan = TextSpan.FromBounds(label[0].Start, label[^1].End);
        var (mention, description) = ResolveSpeaker(work, label, (0, label.Count - 1), speakerSpan);
        work.Found.Add(new Quote(content, ContainsQuoteMark(text, content), ":", speakerSpan, mention, description));
        MarkUsed(work, content);
    }

    private const int MinHeadlineWords = 3;

    // A transcript's speaker label: one to three upper-case words ("SMITH:", "SEN. DOE:").
    private const int MaxTranscriptLabelTokens = 4;

    /// <summary>
    /// Transcript turns: a paragraph opening with an upper-case label and a colon ("MODERATOR: Good evening.")
    /// is that speaker's. A label counts only when it opens two paragraphs or more, so that a lone "UPDATE:" does not.
    /// </summary>
    private void AttachTranscriptTurns(Work work)
    {
        var text = work.Text;
        var turns = new List<(TextSpan Label, TextSpan Content)>();
        for (var lineStart = 0; lineStart < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            if (TranscriptTurn(text, lineStart, lineEnd) is { } turn) turns.Add(turn);
            lineStart = lineEnd + 1;
        }
        var labels = turns.GroupBy(t => t.Label.TextOf(text), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (label, content) in turns)
        {
            if (labels[label.TextOf(text)] < 2 || work.Found.Any(q => q.Span.Overlaps(content))) continue;
            var tokens = WordScanner.Scan(text, label.Start, label.End);
            var (mention, description) = ResolveSpeaker(work, tokens, (0, tokens.Count - 1), label);
            work.Found.Add(new Quote(content, ContainsQuoteMark(text, content), ":", label, mention, description));
            MarkUsed(work, content);
        }
    }

    private static (TextSpan Label, TextSpan Content)? TranscriptTurn(string text, int lineStart, int lineEnd)
    {
        var p = lineStart;
        while (p < lineEnd && (char.IsWhiteSpace(text[p]) || QuoteMarks.IsQuoteChar(text[p]))) p++;
        var colon = text.IndexOf(':', p, lineEnd - p);
        if (colon <= p) return null;
        var tokens = WordScanner.Scan(text, p, colon);
        if (tokens.Count == 0 || tokens.Count > MaxTranscriptLabelTokens) return null;
        foreach (var token in tokens)
        {
            foreach (var c in token.Of(text))
            {
                if (char.IsLower(c)) return null;
            }
        }
        if (!tokens.Any(t => t.Kind == ScanKind.Word && t.Length >= 2)) return null;
        var start = colon + 1;
        var end = lineEnd;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end - start < 2) return null;
        return (TextSpan.FromBounds(tokens[0].Start, tokens[^1].End), TextSpan.FromBounds(start, end));
    }

    private static bool IsDash(char c) => c is '\u2015' or '\u2014' or '\u2013' or '-';

    /// <summary>The capitalised words (and initials) a line holds before a final stop or a comma, when that is all it holds.</summary>
    private static (int Start, int End)? Byline(string text, List<Scanned> tokens)
    {
        var last = -1;
        for (var k = 0; k < tokens.Count && k < MaxBylineTokens; k++)
        {
            var t = tokens[k];
            if (t.Kind == ScanKind.Word && (t.IsCapitalized(text) || (last >= 0 && k + 1 < tokens.Count && tokens[k + 1].IsCapitalized(text))))
            {
                last = k;
                continue;
            }
            if (t.Of(text) is "." && last == k - 1 && last >= 0 && tokens[last].Length == 1 && k + 1 < tokens.Count)
            {
                continue;
            }
            if (last >= 0 && t.Of(text) is "." or "," && (k == tokens.Count - 1 || t.Of(text) is ",")) return (0, last);
            return null;
        }
        return last >= 0 && last == tokens.Count - 1 && tokens[0].IsCapitalized(text) ? (0, last) : null;
    }

    /// <summary>
    /// Quotes no cue claimed: one following an attributed quote in the same paragraph continues that
    /// speaker; a long one with no speaker is kept as unattributed.
    /// </summary>
    private void AttachLeftoverQuotes(Work work)
    {
        var text = work.Text;
        var attributed = work.Found.Where(q => q.SpeakerSpan is not null).OrderBy(q => q.Span.Start).ToList();
        for (var i = 0; i < work.Quoted.Count; i++)
        {
            if (work.QuoteUsed[i]) continue;
            var quoted = work.Quoted[i];
            Quote? previous = null;
            foreach (var candidate in attributed)
            {
                if (candidate.Span.End <= quoted.Start) previous = candidate;
                else break;
            }
            if (previous is { } before && IsContinuation(text, before, quoted))
            {
                var continued = before with { Span = quoted, Direct = true };
                work.Found.Add(continued);
                work.QuoteUsed[i] = true;
                // A continued quote may be continued in turn ("“A,” she said. “B.”" and a paragraph "“C.”").
                var at = attributed.FindLastIndex(q => q.Span.Start <= quoted.Start) + 1;
                attributed.Insert(at, continued);
                continue;
            }
            if (CountWords(text, quoted) < _options.MinUnattributedWords) continue;
            // "On Tuesday's episode of “The Morning Show With Jane Doe,” ...": a title inside a sentence is nobody's words.
            // One closing its sentence ("a memo titled “The Facts on the Race.”") is what its author published.
            if (IsTitle(text, quoted) && !StartsParagraph(text, quoted) && !ClosesOnFullStop(text, quoted)) continue;
            var found = SubjectOfQuotingSentence(work, quoted) ?? SubjectAfterQuote(work, quoted);
            if (found is null && previous is { } last && FillsParagraphAfterSpeaker(text, last, quoted)) found = last with { Span = quoted, Direct = true };
            work.Found.Add(found ?? new Quote(quoted, true));
            work.QuoteUsed[i] = true;
        }
    }

    /// <summary>
    /// A quote whose sentence goes on after a comma, a question or an exclamation mark inside the closing mark
    /// ("“...,” Doe urged the voters", "“...?” she wondered aloud") is the words of the subject that follows it, whatever its verb.
    /// </summary>
    private Quote? SubjectAfterQuote(Work work, TextSpan quoted)
    {
        var text = work.Text;
        var markWidth = text[quoted.End - 1] == '\'' ? 2 : 1;
        var inside = quoted.End - markWidth - 1;
        if (inside <= quoted.Start || text[inside] is not (',' or '?' or '!')) return null;
        var lineEnd = text.IndexOf('\n', quoted.End);
        var end = lineEnd < 0 ? text.Length : lineEnd;
        foreach (var sentence in work.Document.Sentences)
        {
            if (sentence.Span.End > quoted.End && sentence.Span.Start <= quoted.End)
            {
                end = Math.Min(end, sentence.Span.End);
                break;
            }
        }
        var tokens = WordScanner.Scan(text, quoted.End, end);
        if (InvertedSpeaker(text, tokens) is { } inverted)
        {
            var invertedSpan = TextSpan.FromBounds(tokens[inverted.Start].Start, tokens[inverted.End].End);
            var (invertedMention, invertedDescription) = ResolveSpeaker(work, tokens, inverted, invertedSpan);
            return new Quote(quoted, true, tokens[0].Of(text).ToString(), invertedSpan, invertedMention, invertedDescription);
        }
        if (tokens.Count < 2 || SentenceSubject(text, tokens, tokens.Count) is not { } subject || subject.Start > 1 || subject.End + 1 >= tokens.Count) return null;
        // The subject's verb follows it: a lowercase word ("Doe urged"), not more of a name or a new clause.
        var verb = tokens[subject.End + 1];
        if (verb.Kind != ScanKind.Word || verb.IsCapitalized(text)) return null;
        var speakerSpan = TextSpan.FromBounds(tokens[subject.Start].Start, tokens[subject.End].End);
        var (mention, description) = ResolveSpeaker(work, tokens, subject, speakerSpan);
        return new Quote(quoted, true, null, speakerSpan, mention, description);
    }

    /// <summary>
    /// "“...,” remembered Jane Doe", "“...,” agrees John Roe, 30": a past or present verb we do not list, put before a
    /// capitalised speaker the way "said Doe" is.
    /// </summary>
    private (int Start, int End)? InvertedSpeaker(string text, List<Scanned> tokens)
    {
        if (tokens.Count < 2 || tokens[0].Kind != ScanKind.Word || tokens[0].IsCapitalized(text) || !tokens[1].IsCapitalized(text)) return null;
        var verb = tokens[0].Of(text);
        if (!(verb.EndsWith("ed", StringComparison.Ordinal) || verb.EndsWith('s')) || _lexicon.Boundaries.Contains(verb.ToString())) return null;
        return PhraseAfter(text, tokens, 1);
    }

    /// <summary>
    /// A quote inside a sentence with no cue of ours ("Doe is labeling the order “an abuse of power.”", "He jokes, “...”")
    /// is the words of the sentence's subject, when the sentence opens with one before the quote. Only quotes long enough
    /// to be kept unattributed: shorter ones are mostly scare quotes and titles (fewer matches on PolNeAR dev and train).
    /// </summary>
    private Quote? SubjectOfQuotingSentence(Work work, TextSpan quoted)
    {
        var text = work.Text;
        var sentenceStart = SentenceStartBefore(work.Document.Sentences, quoted.Start);
        var paragraphStart = text.LastIndexOf('\n', Math.Max(0, quoted.Start - 1)) + 1;
        var start = Math.Max(sentenceStart, paragraphStart);
        if (start >= quoted.Start) return null;
        var tokens = WordScanner.Scan(text, start, quoted.Start);
        if (tokens.Count < 2 || SentenceSubject(text, tokens, tokens.Count) is not { } subject || subject.End + 1 >= tokens.Count) return null;
        // "Jane Doe's column, “...,” is ...": a possessor opens the subject; the quote names her column, she does not say it here.
        if (tokens[subject.End + 1].Of(text) is "'" or "\u2019") return null;
        var speakerSpan = TextSpan.FromBounds(tokens[subject.Start].Start, tokens[subject.End].End);
        var (mention, description) = ResolveSpeaker(work, tokens, subject, speakerSpan);
        return new Quote(quoted, true, null, speakerSpan, mention, description);
    }

    // "said." or "told reporters on Tuesday." fits; a sentence of narration between the quotes does not.
    private const int MaxContinuationGapLetters = 30;

    /// <summary>
    /// Whether a quote continues the attributed one before it in the same paragraph: the gap holds only
    /// that quote's own attribution ("“A,” she said. “B.”"). A quote opening the next paragraph is
    /// continued only when it fills that paragraph and the paragraph before closes with the speaker's quote:
    /// other next-paragraph quotes were wrong more often than right on PolNeAR train.
    /// </summary>
    private static bool IsContinuation(string text, Quote before, TextSpan quoted)
    {
        if (before.Span.End > quoted.Start) return false;
        var gap = text.AsSpan(before.Span.End, quoted.Start - before.Span.End);
        if (gap.Contains('\n')) return IsQuoteParagraphAfterQuote(text, before, quoted, gap);
        var letters = 0;
        foreach (var c in gap)
        {
            if (char.IsLetter(c)) letters++;
        }
        return letters <= MaxContinuationGapLetters ||
            (before.SpeakerSpan is { } speaker && speaker.Start >= before.Span.End && speaker.End <= quoted.Start);
    }

    /// <summary>
    /// A paragraph that is one quote, right after a paragraph whose last attributed quote is a direct one, with at most
    /// its own attribution after it ("“A,” she said." then the paragraph "“B.”"): the same speaker goes on
    /// (PolNeAR joins such paragraphs into one attribution).
    /// </summary>
    private static bool IsQuoteParagraphAfterQuote(string text, Quote before, TextSpan quoted, ReadOnlySpan<char> gap)
    {
        if (!before.Direct || gap.Count('\n') > 2 || !gap[gap.IndexOf('\n')..].IsWhiteSpace()) return false;
        var lineEnd = text.IndexOf('\n', quoted.End);
        var rest = text.AsSpan(quoted.End, (lineEnd < 0 ? text.Length : lineEnd) - quoted.End);
        return rest.IsWhiteSpace();
    }

    /// <summary>
    /// A quote that is a paragraph of its own, right after a paragraph naming a speaker ("Doe went on with her
    /// criticism." then the paragraph "“...”"): that speaker goes on.
    /// </summary>
    private static bool FillsParagraphAfterSpeaker(string text, Quote before, TextSpan quoted)
    {
        if (before.SpeakerSpan is not { } speaker) return false;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, quoted.Start - 1)) + 1;
        var lineEnd = text.IndexOf('\n', quoted.End);
        if (!text.AsSpan(lineStart, quoted.Start - lineStart).IsWhiteSpace() || !text.AsSpan(quoted.End, (lineEnd < 0 ? text.Length : lineEnd) - quoted.End).IsWhiteSpace()) return false;
        // The speaker is in the paragraph just before: only blank lines between its paragraph's end and the quote.
        var previousEnd = lineStart - 1;
        while (previousEnd > 0 && char.IsWhiteSpace(text[previousEnd - 1])) previousEnd--;
        var previousStart = text.LastIndexOf('\n', Math.Max(0, previousEnd - 1)) + 1;
        return speaker.Start >= previousStart && speaker.End <= previousEnd;
    }

    /// <summary>The mention a speaker phrase names or stands for, else the phrase as a description.</summary>
    private (int? Mention, string? Description) ResolveSpeaker(Work work, List<Scanned> tokens, (int Start, int End) phrase, TextSpan span)
    {
        var text = work.Text;
        var mentions = work.Mentions;
        int? inside = null;
        for (var m = FirstMentionFrom(mentions, span.Start); m < mentions.Length && mentions[m].Span.Start < span.End; m++)
        {
            if (mentions[m].Type == EntityType.Person || inside is null || mentions[inside.Value].Type != EntityType.Person) inside = m;
        }
        if (inside is not null) return (inside, null);

        var headWord = tokens[phrase.End].Of(text).ToString();
        if (phrase.Start == phrase.End && _lexicon.Pronouns.TryGetValue(headWord, out var refersTo))
        {
            if (refersTo == "self") return (null, headWord);
            var wanted = refersTo switch
            {
                "person" => (EntityType?)EntityType.Person,
                "org" => EntityType.Org,
                _ => null,
            };
            return Antecedent(work, span.Start, wanted, null) is { } found ? (found, null) : (null, headWord);
        }

        var role = RoleIn(text, tokens, phrase);
        if (role is not null && !HasCapitalizedWord(text, tokens, phrase))
        {
            if (Antecedent(work, span.Start, EntityType.Person, role) is { } byRole) return (byRole, null);
            if (IsDefinite(text, tokens[phrase.Start]) && Antecedent(work, span.Start, EntityType.Person, null) is { } nearest) return (nearest, null);
        }
        return (null, span.TextOf(text));
    }

    private string? RoleIn(string text, List<Scanned> tokens, (int Start, int End) phrase)
    {
        for (var i = phrase.Start; i <= phrase.End; i++)
        {
            if (QuantityLexicon.MatchForward(_lexicon.Roles, tokens, i, text) is { } role && role.End - 1 <= phrase.End) return role.Phrase.Value;
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

    /// <summary>The nearest mention before a position, outside quoted passages, of the wanted type (and role, when given).</summary>
    private int? Antecedent(Work work, int before, EntityType? type, string? role)
    {
        var mentions = work.Mentions;
        for (var m = FirstMentionFrom(mentions, before) - 1; m >= 0; m--)
        {
            var mention = mentions[m];
            if (before - mention.Span.End > _options.MaxAntecedentDistance) break;
            if (mention.Span.End > before) continue;
            if (work.QuotedAt(mention.Span.Start) >= 0) continue;
            if (type is { } wanted ? mention.Type != wanted : mention.Type is not (EntityType.Person or EntityType.Org)) continue;
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
}
