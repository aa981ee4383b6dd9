using Crosscheck.Annotation.Words;
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
public sealed partial class QuoteRecognizer(QuoteOptions options)
    : DocumentStage("quotes", [Layer.Sentences, Layer.Mentions], [Layer.Quotes])
{
    private readonly QuoteOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly QuoteLexicon _lexicon = QuoteLexicon.For(options);

    public QuoteRecognizer()
        : this(new QuoteOptions())
    {
    }

    /// <summary>Per-document working state; the stage itself holds none.</summary>
    private sealed class Work(Document document, List<TextSpan> quoted)
    {
        public Document Document { get; } = document;

        public string Text { get; } = document.Text;

        public Mention[] Mentions { get; } = document.Mentions;

        public List<TextSpan> Quoted { get; } = quoted;

        public bool[] QuoteUsed { get; } = new bool[quoted.Count];

        public List<Quote> Found { get; } = [];

        /// <summary>The one-word contents <see cref="AttributionRule.NamedObjectAfterStance"/> let in, so the quote can record the rule.</summary>
        public List<TextSpan> NamedObjects { get; } = [];

        /// <summary>The index of the quoted span containing a position, or -1.</summary>
        public int QuotedAt(int position) => TextSpan.IndexContaining(Quoted, position);
    }

    public override void Process(Document document)
    {
        if (LocaleSpeech.For(document.Article.Language) is { } speech)
        {
            ProcessLocale(document, speech);
            return;
        }
        var work = new Work(document, QuoteMarks.Find(document.Text, _options.MaxQuoteChars));
        foreach (var sentence in WordLayer.Of(document, _options.MaxSentenceChars))
        {
            ReadSentence(work, sentence.Words);
        }
        AttachDashBylines(work);
        AttachColonIntroductions(work);
        AttachTranscriptTurns(work);
        AttachHeadlineSpeaker(work);
        AttachLeftoverQuotes(work);
        CheckSpeakers(work);
        DropSpeakerlessLearnedCues(work);
        work.Found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.Quotes = [.. work.Found];
    }

    /// <summary>Whether <paramref name="rule"/> is switched off (<see cref="QuoteOptions.DisabledAttributionRules"/>, `eval attribution --without`).</summary>
    private bool Off(AttributionRule rule) => _options.DisabledAttributionRules.Contains(rule);

    /// <summary>
    /// A <see cref="AttributionRule.LearnedCue"/>'s attribution left with no speaker, once the speaker checks have run (a passive subject
    /// rejected: "the plan was renewed on Monday"), is dropped (<see cref="AttributionRule.LearnedCueSpeaker"/>).
    /// </summary>
    private void DropSpeakerlessLearnedCues(Work work)
    {
        if (Off(AttributionRule.LearnedCueSpeaker)) return;
        work.Found.RemoveAll(q => q.SpeakerSpan is null && AttributionRuleText.Names(q.Rule, AttributionRule.LearnedCue));
    }

    private void ReadSentence(Work work, List<Scanned> tokens)
    {
        var text = work.Text;
        if (tokens.Count == 0) return;
        var accepted = new List<TextSpan>();
        if (!Off(AttributionRule.PollOpening) && PollOpening(work, tokens) is { } poll)
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
            if (Phrase.MatchForward(_lexicon.Cues, tokens, c, text) is not { } cue) continue;
            if (IsAdjectiveAfterNumber(text, tokens, c)) continue;
            var nested = accepted.Any(span => span.Contains(token.Start));
            if (nested && !_options.NestedAttributions) continue;
            if (!_options.ReportedSpeech && !TouchesQuote(work, tokens, c)) continue;
            var flags = _lexicon.FlagsOf(cue.Phrase);
            if (nested && !ReportsAgainInside(flags)) continue;
            if (TryAttribution(work, tokens, c, cue.End, flags, out var quote) && !(nested && (OverlapsUsedQuote(work, quote.Span) || OpensContentOf(text, accepted, quote))) &&
                !(!nested && !flags.HasFlag(CueFlags.SourceFollows) && SpansAttributedQuote(work, accepted, quote.Span)))
            {
                work.Found.Add(quote);
                accepted.Add(quote.Span);
                MarkUsed(work, quote.Span);
                c = cue.End - 1;
            }
        }
        AddSourcelessStances(work, tokens, accepted);
        if (!headline) AddLearnedCues(work, tokens, accepted);
    }

    /// <summary>Whether <see cref="AttributionRule.SourcelessStance"/> reads the word at <paramref name="c"/> as its cue (it reads none first or last).</summary>
    private bool IsSourcelessStanceCue(string text, List<Scanned> tokens, int c) => c >= 1 && c + 1 < tokens.Count && StanceCueEnd(text, tokens, c) is not null;

    /// <summary>
    /// Where no listed cue found an attribution, a word the learned cue model takes for a cue (<see cref="AttributionRule.LearnedCue"/>)
    /// makes one, its speaker and content found as around any cue with no flags: "Doe opposes the plan" reports "the plan" for Doe.
    /// Only outside what the sentence's attributions already report (a stance there is part of the reported words) and outside quotes,
    /// and never on a word of <see cref="AttributionRule.SourcelessStance"/> ("seemed", "is expected to"): those have no source, whether
    /// or not that rule is switched off; nor with a speaker borrowed from a coordinated verb (<see cref="BorrowsCoordinatedSpeaker"/>).
    /// One left with no speaker by the speaker checks is dropped (<see cref="DropSpeakerlessLearnedCues"/>).
    /// </summary>
    private void AddLearnedCues(Work work, List<Scanned> tokens, List<TextSpan> accepted)
    {
        if (_options.LearnedCues is not { } model || Off(AttributionRule.LearnedCue)) return;
        var text = work.Text;
        CueFeatures.SentenceFacts? sentence = null;
        for (var c = 0; c < tokens.Count; c++)
        {
            if (!model.MayScore(text, tokens, c, _lexicon)) continue;
            var token = tokens[c];
            if (work.QuotedAt(token.Start) >= 0 || accepted.Any(span => span.Contains(token.Start)) || IsSourcelessStanceCue(text, tokens, c)) continue;
            if (!_options.ReportedSpeech && !TouchesQuote(work, tokens, c)) continue;
            sentence ??= CueFeatures.SentenceFacts.Of(text, tokens, _lexicon);
            if (model.Probability(text, tokens, c, sentence.Value, _lexicon) < model.Threshold) continue;
            if (!TryAttribution(work, tokens, c, c + 1, CueFlags.None, out var quote) || SpansAttributedQuote(work, accepted, quote.Span) ||
                accepted.Any(span => span.Overlaps(quote.Span)) || ContainsQuoteMark(text, quote.Span) || BorrowsCoordinatedSpeaker(quote))
            {
                continue;
            }
            quote = quote with { Rule = AttributionRuleText.WithContentRule(quote.Rule!, AttributionRule.LearnedCue) };
            work.Found.Add(quote);
            accepted.Add(quote.Span);
            MarkUsed(work, quote.Span);
            c++;
        }
    }

    /// <summary>
    /// Whether a learned cue's attribution takes its speaker from a verb it is coordinated with, which
    /// <see cref="AttributionRule.LearnedCueCoordinatedSpeaker"/> does not allow.
    /// </summary>
    private bool BorrowsCoordinatedSpeaker(Quote quote) =>
        !Off(AttributionRule.LearnedCueCoordinatedSpeaker) &&
        (AttributionRuleText.Names(quote.Rule, AttributionRule.CoordinatedVerb) || AttributionRuleText.Names(quote.Rule, AttributionRule.CoordinatedClauseSubject));

    /// <summary>
    /// Whether a cue inside what another attribution reports makes an attribution of its own (<see cref="AttributionRule.NestedSpeechOnly"/>):
    /// a verb of saying ("said", "told", "say", "adding") or "according to"; on PolNeAR train folds 1-4 (before this rule) a nested
    /// stance or thought ("wanted", "showed", "supported") matched gold 131 times in 590, a nested verb of saying 188 in 409.
    /// </summary>
    private bool ReportsAgainInside(CueFlags flags) =>
        Off(AttributionRule.NestedSpeechOnly) ||
        (flags & (CueFlags.SpeakerMayFollow | CueFlags.ObjectBeforeContent | CueFlags.SourceFollows | CueFlags.Saying)) != 0;

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

    // "In addition, according to ...", "For the senator, according to ...": the few words of an opening adverbial.
    private const int MaxOpeningAdverbialTokens = 4;

    /// <summary>
    /// Whether an "according to" at <paramref name="c"/> inside a sentence opens a clause of its own (<see cref="AttributionRule.SourceOpensClause"/>):
    /// right after a colon, after "that" or a clause opener ("reported that, according to ...", "after, according to him, ..."), or
    /// after a short opening adverbial and its comma ("In addition, according to the department, ..."). Such a source reports what
    /// follows its comma; the words before it are no clause it could report.
    /// </summary>
    private bool SourceOpensClause(string text, List<Scanned> tokens, int c)
    {
        if (Off(AttributionRule.SourceOpensClause) || c < 1) return false;
        var comma = tokens[c - 1].Of(text) is ",";
        var p = comma ? c - 2 : c - 1;
        if (p < 0) return false;
        var before = tokens[p];
        if (before.Of(text) is ":") return true;
        if (before.Kind != ScanKind.Word) return false;
        var word = before.Of(text).ToString();
        if (word.Equals("that", StringComparison.OrdinalIgnoreCase) || _lexicon.ClauseOpeners.ContainsKey(word)) return true;
        if (!comma || p + 1 > MaxOpeningAdverbialTokens || tokens[0].Kind != ScanKind.Word) return false;
        var opener = tokens[0].Of(text).ToString();
        if (!(_lexicon.Prepositions.Contains(opener) || _lexicon.AdverbialOpeners.Contains(opener) || _lexicon.SentenceOpeners.Contains(opener))) return false;
        for (var i = 1; i <= p; i++)
        {
            if (tokens[i].Kind != ScanKind.Word || _lexicon.CueFirstLookup.Contains(tokens[i].Of(text))) return false;
        }
        return true;
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
        return new Quote(content, ContainsQuoteMark(text, content), tokens[0].Of(text).ToString(), speakerSpan, mention, description, nameof(AttributionRule.PollOpening));
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

    private bool TryAttribution(Work work, List<Scanned> tokens, int c, int cueEnd, CueFlags flags, out Quote quote)
    {
        quote = default;
        var text = work.Text;
        var cueSpan = TextSpan.FromBounds(tokens[c].Start, tokens[cueEnd - 1].End);
        var sentenceStart = tokens[0].Start;
        var sentenceEnd = ContentEnd(work, tokens);
        (int Start, int End)? speaker;
        TextSpan content;
        AttributionRule rule;

        if (QuestionPutToTheSpeaker(work, tokens, c, cueEnd, sentenceEnd) is var (question, asker, questionRule))
        {
            // "Asked whether he would run, Doe said ...": the question is reported with no speaker of its own, or with the one who
            // put it ("Asked by a reporter whether ...").
            if (asker is not { } by)
            {
                quote = new Quote(question, ContainsQuoteMark(text, question), cueSpan.TextOf(text), Rule: questionRule.ToString());
                return true;
            }
            var askerSpan = TextSpan.FromBounds(tokens[by.Start].Start, tokens[by.End].End);
            var (askerMention, askerDescription) = ResolveSpeaker(work, tokens, by, askerSpan);
            quote = new Quote(question, ContainsQuoteMark(text, question), cueSpan.TextOf(text), askerSpan, askerMention, askerDescription, questionRule.ToString());
            return true;
        }
        if (flags.HasFlag(CueFlags.SourceFollows))
        {
            speaker = PhraseAfter(text, tokens, cueEnd);
            var leading = c == 0 || AllSkippable(text, tokens, 0, c);
            if (leading && LeadingSourceComma(text, tokens, cueEnd) is { } comma)
            {
                // "According to early results of exit polls conducted by ..., Y": the whole phrase up to the comma is the source.
                speaker = (cueEnd, comma - 1);
                content = TextSpan.FromBounds(tokens[comma + 1].Start, sentenceEnd);
                rule = AttributionRule.LeadingSource;
            }
            else if (SourceOpensClause(text, tokens, c) && LeadingSourceComma(text, tokens, cueEnd) is { } clauseComma)
            {
                // "It has not gone unnoticed: according to recent polls, Y", "The paper reported that, according to an analysis, Y":
                // inside the sentence, a source phrase opening a clause reports the rest of that clause, not the words before it.
                speaker = (cueEnd, clauseComma - 1);
                content = TextSpan.FromBounds(tokens[clauseComma + 1].Start, sentenceEnd);
                rule = AttributionRule.SourceOpensClause;
            }
            else if (speaker is null)
            {
                return false;
            }
            else if (c > 0)
            {
                content = TextSpan.FromBounds(sentenceStart, TrimBack(text, tokens, c - 1));
                rule = AttributionRule.SourceAfterCue;
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
            rule = AttributionRule.PassiveAgent;
        }
        else
        {
            // "..., saying ...": a participle after a comma has no subject of its own; the comma ends the main clause,
            // not an apposition ("Doe spoke about the flooding in Tartu, Estonia, arguing ..."), so the rules below find the speaker.
            // "..., without mentioning ...": a preposition between the comma and the participle changes nothing.
            var commaBefore = c > 1 && tokens[c - 1].Kind == ScanKind.Word && _lexicon.ParticiplePrepositions.Contains(tokens[c - 1].Of(text).ToString()) ? c - 2 : c - 1;
            var participleAfterComma = commaBefore >= 0 && tokens[commaBefore].Of(text) is "," && IsParticiple(text, tokens[c]);
            speaker = participleAfterComma ? null : PhraseBefore(text, tokens, c);
            // "The group issued a statement saying ...": the statement speaks for the sentence's subject.
            if (speaker is { } carrier && carrier.Start > 0 && _lexicon.DocumentNouns.Contains(tokens[carrier.End].Of(text).ToString()) &&
                text.AsSpan(tokens[c].Start, tokens[c].Length).EndsWith("ing", StringComparison.Ordinal) &&
                SentenceSubject(text, tokens, carrier.Start) is { } author)
            {
                speaker = author;
                if (ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) is not { } carried) return false;
                content = carried;
                rule = AttributionRule.DocumentCarrier;
            }
            else if (speaker is { } subject)
            {
                // "“...,” Jane Doe said to laughs": a quote closing right before the speaker is the content,
                // even when the sentence splitter put the speaker in a sentence of its own.
                var quoteBefore = QuoteEndingBefore(work, tokens[subject.Start].Start);
                // "In an interview on “Meet the Press,” Doe said ...": a quoted title inside the sentence is not what was said.
                if (quoteBefore is { } title && title.Start > sentenceStart && IsTitle(text, title)) quoteBefore = null;
                var after = quoteBefore is null ? ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) : null;
                // "The ferry ran late, a harbour official told The Daily Planet.": the words after the cue are only whom it was told.
                if (after is { } told && IsClosingRecipient(text, tokens, subject.Start, cueEnd, flags, told)) after = null;
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
                if (quoteBefore is { } closing)
                {
                    content = closing;
                    rule = AttributionRule.QuoteBeforeSpeaker;
                }
                else if (IsParentheticalCue(text, tokens, subject.Start, cueEnd))
                {
                    // The reported words run on both sides of the cue: the content spans them (and the cue between).
                    content = TextSpan.FromBounds(sentenceStart, after?.End ?? TrimBack(text, tokens, subject.Start - 1));
                    rule = AttributionRule.ParentheticalCue;
                }
                else if (after is not null && IsPassiveByAgent(text, tokens, c, cueEnd))
                {
                    return false;
                }
                else if (after is { } forward)
                {
                    content = forward;
                    rule = AttributionRule.ContentAfterCue;
                }
                // "“... is closed.” Doe said.": a sentence of only the speaker and the cue reports the quote before it.
                else if (subject.Start == 0 && IsBareCueSentence(text, tokens, cueEnd) && QuoteEndingBefore(work, tokens[0].Start, acrossFullStop: true) is { } closed)
                {
                    content = closed;
                    rule = AttributionRule.BareCueAfterQuote;
                }
                else if (subject.Start > 0 && !JoinedSpeakerReportsNothingBefore(text, tokens, subject.Start, cueEnd, flags))
                {
                    content = TextSpan.FromBounds(sentenceStart, TrimBack(text, tokens, subject.Start - 1));
                    rule = AttributionRule.ContentBeforeSpeaker;
                }
                else return false;
            }
            else if (flags.HasFlag(CueFlags.SpeakerMayFollow) && c > 0 && IsInversionPoint(text, tokens[c - 1]))
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
                rule = AttributionRule.SpeakerAfterCue;
            }
            else if (IsParticiple(text, tokens[c]) &&
                     Governing(GoverningClauseSubject(work, tokens, c, AttributionRule.ParticipleClauseSubject),
                         (participleAfterComma ? SpeakerOfPreviousCue(work, tokens, commaBefore) : null) ?? SentenceSubject(text, tokens, c),
                         AttributionRule.ParticipleClauseSubject, AttributionRule.ParticipleSubject) is ({ } subjectOfClause, var participleRule))
            {
                // "Trump defended the plan, saying ...": a participle's speaker is the subject of the clause it follows,
                // else of the sentence, or the speaker of the cue it follows ("“...,” the coach said, adding that ..."); so too
                // without a comma when nothing before it can speak ("she began the speech by thanking ...").
                speaker = subjectOfClause;
                if (ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) is not { } said) return false;
                content = participleAfterComma && ParticipleAppositionEnd(text, tokens, c, said) is { } appositionEnd ? TextSpan.FromBounds(said.Start, appositionEnd) : said;
                rule = participleRule;
            }
            else if (IsCoordinatedVerb(text, tokens, c) &&
                     Governing(GoverningClauseSubject(work, tokens, c, AttributionRule.CoordinatedClauseSubject),
                         SentenceSubject(text, tokens, c) ?? PronounBeforeCoordinatedVerbs(text, tokens, c),
                         AttributionRule.CoordinatedClauseSubject, AttributionRule.CoordinatedVerb) is ({ } sharedSubject, var coordinatedRule))
            {
                // "Doe criticized the plan and said ...": coordinated verbs share the subject of their clause, else the sentence's.
                speaker = sharedSubject;
                if (ContentAfter(work, tokens, cueEnd, flags, sentenceEnd) is not { } said) return false;
                content = said;
                rule = coordinatedRule;
            }
            else if (flags.HasFlag(CueFlags.SpeakerMayFollow) && c == 0 && QuoteEndingBefore(work, tokens[0].Start) is { } previousQuote)
            {
                speaker = PhraseAfter(text, tokens, cueEnd);
                if (speaker is null) return false;
                content = previousQuote;
                rule = AttributionRule.SpeakerAfterCueAfterQuote;
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
        // "Doe, who has backed the plan, said ...": a cue in a relative clause reports no further than the comma closing it.
        var relativeEnd = RelativeClauseEnd(text, tokens, c, cueEnd, content);
        if (relativeEnd is { } end && end > content.Start) content = TextSpan.FromBounds(content.Start, end);
        else relativeEnd = null;
        // "Doe criticized the plan and said ...": a second verb of saying reports what follows it, not the first cue.
        var coordinatedEnd = content.Start >= cueSpan.End ? CoordinatedSayingEnd(work, tokens, cueEnd, content) : null;
        if (coordinatedEnd is { } stop) content = TextSpan.FromBounds(content.Start, stop);
        if (Off(rule)) return false;
        content = WithQuotes(work, content);
        if (content.Length < 2 || !HasWord(text, content)) return false;
        var speakerSpan = TextSpan.FromBounds(tokens[speaker.Value.Start].Start, tokens[speaker.Value.End].End);
        var (mention, description) = ResolveSpeaker(work, tokens, speaker.Value, speakerSpan);
        var ruleText = SpeakerPhraseRule(text, tokens, speaker.Value) is { } phraseRule ? AttributionRuleText.WithPhraseRule(rule, phraseRule) : AttributionRuleText.Of(rule);
        if (relativeEnd is not null) ruleText = AttributionRuleText.WithContentRule(ruleText, AttributionRule.RelativeClauseEnd);
        if (coordinatedEnd is not null) ruleText = AttributionRuleText.WithContentRule(ruleText, AttributionRule.CoordinatedSayingEnd);
        if (work.NamedObjects.Contains(content)) ruleText = AttributionRuleText.WithContentRule(ruleText, AttributionRule.NamedObjectAfterStance);
        quote = new Quote(content, ContainsQuoteMark(text, content), cueSpan.TextOf(text), speakerSpan, mention, description, ruleText);
        return true;
    }

    // "told The Daily Planet in an interview": the most words a named recipient and its adverbial may hold.
    private const int MaxClosingRecipientWords = 6;

    /// <summary>
    /// Whether what follows a cue like "told" is only the recipient closing the sentence after the reported words
    /// (<see cref="AttributionRule.ClosingRecipient"/>): "..., a harbour official told The Daily Planet.", "“...,” one skipper told Radio North
    /// on Monday." — the speaker follows a comma or a closing quote, and the few words after the cue open with a name (after at most a
    /// determiner and two words: "a Senate panel"), hold no quote, no "that", "to" or "for" and no cue, and end the sentence. The reported words are then
    /// those before the speaker.
    /// </summary>
    private bool IsClosingRecipient(string text, List<Scanned> tokens, int speakerStart, int cueEnd, CueFlags flags, TextSpan after)
    {
        if (Off(AttributionRule.ClosingRecipient) || !flags.HasFlag(CueFlags.ObjectBeforeContent) || speakerStart < 1) return false;
        var before = tokens[speakerStart - 1];
        if (before.Of(text) is not "," && !(before.Kind == ScanKind.Punct && QuoteMarks.IsMarkBefore(text, before.End))) return false;
        if (ContainsQuoteMark(text, after) || CountWords(text, after) > MaxClosingRecipientWords) return false;
        // The words must follow the cue right away: "told Newsmax that ..." reports what follows "that".
        var first = cueEnd;
        if (first >= tokens.Count || tokens[first].Start != after.Start) return false;
        var named = false;
        for (var i = first; i < tokens.Count && tokens[i].End <= after.End; i++)
        {
            if (tokens[i].Kind != ScanKind.Word) continue;
            // "asked the board to wait", "asked the court for a ruling": an errand after the object is what was asked.
            if (tokens[i].Is(text, "that") || tokens[i].Is(text, "to") || tokens[i].Is(text, "for") || _lexicon.CueFirstLookup.Contains(tokens[i].Of(text))) return false;
            named |= i - first <= 2 && tokens[i].IsCapitalized(text) && (i == first || _lexicon.Determiners.Contains(tokens[first].Of(text).ToString()));
        }
        return named;
    }

    // "told reporters.", "told the local paper.": the few words of an object that may close a sentence after its cue.
    private const int MaxClosingObjectTokens = 3;

    /// <summary>
    /// Whether a speaker joined to the words before it without a comma, quote or dash reports nothing there
    /// (<see cref="AttributionRule.ClosingCueWithoutComma"/>): "the nets were torn when she said so", "what the mayor would announce",
    /// "as the mayor had pledged". Such a speaker reports the words before it only when its cue closes the sentence, alone or with an
    /// adverbial or a short object ("... the ferry runs again the harbour office confirmed.", "... port logs show.", "... she told fishermen."),
    /// and no clause word ("as", "what", "when", "that") opens the speaker's own clause. Measured on PolNeAR train folds 1-4
    /// before the rule: such attributions matched gold 46 times in 140.
    /// </summary>
    private bool JoinedSpeakerReportsNothingBefore(string text, List<Scanned> tokens, int speakerStart, int cueEnd, CueFlags flags)
    {
        if (Off(AttributionRule.ClosingCueWithoutComma)) return false;
        var before = tokens[speakerStart - 1];
        if (before.Kind != ScanKind.Word) return false;
        var word = before.Of(text).ToString();
        if (_lexicon.ClauseOpeners.ContainsKey(word) || _lexicon.QuestionWords.Contains(word) || word is "as" or "than") return true;
        if (IsBareCueSentence(text, tokens, cueEnd)) return false;
        if (!flags.HasFlag(CueFlags.ObjectBeforeContent)) return true;
        var end = tokens.Count - (tokens[^1].Of(text) is "." or "!" or "?" ? 1 : 0);
        if (end - cueEnd > MaxClosingObjectTokens) return true;
        for (var i = cueEnd; i < end; i++)
        {
            if (tokens[i].Kind != ScanKind.Word || tokens[i].Is(text, "that")) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a cue in "-ed" goes on with "by" and an agent that is no gerund ("backed by the harbour board", "was turned down by the council"):
    /// a passive, whose subject did not speak (<see cref="AttributionRule.PassiveByAgent"/>). On PolNeAR train folds 1-4 before the rule,
    /// such contents matched gold 8 times in 49, all of them after "by" and a gerund, which the rule leaves.
    /// </summary>
    private bool IsPassiveByAgent(string text, List<Scanned> tokens, int c, int cueEnd) =>
        !Off(AttributionRule.PassiveByAgent) && cueEnd + 1 < tokens.Count &&
        tokens[cueEnd - 1].Of(text).EndsWith("ed", StringComparison.OrdinalIgnoreCase) && tokens[cueEnd].Is(text, "by") &&
        !(tokens[cueEnd + 1].Kind == ScanKind.Word && IsParticiple(text, tokens[cueEnd + 1]));

    /// <summary>
    /// Whether the cue word at <paramref name="c"/> is an "-ed" adjective between a number (not a year: "who in 2010 endorsed Doe") and a
    /// lowercase noun ("40 pledged seats"): no verb
    /// (<see cref="AttributionRule.AdjectiveAfterNumber"/>; on PolNeAR train folds 1-4 before the rule, 9 such attributions, none in the gold).
    /// </summary>
    private bool IsAdjectiveAfterNumber(string text, List<Scanned> tokens, int c) =>
        !Off(AttributionRule.AdjectiveAfterNumber) && c > 0 && tokens[c - 1].Kind == ScanKind.Number &&
        !IsYear(text, tokens[c - 1]) && tokens[c].Of(text).EndsWith("ed", StringComparison.Ordinal) &&
        c + 1 < tokens.Count && tokens[c + 1].Kind == ScanKind.Word && !tokens[c + 1].IsCapitalized(text);

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
    private TextSpan? ContentAfter(Work work, List<Scanned> tokens, int k, CueFlags flags, int sentenceEnd)
    {
        var text = work.Text;
        if (flags.HasFlag(CueFlags.ObjectBeforeContent))
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
            if (CountWords(text, span) >= 2 || ContainsQuoteMark(text, span) || TakeNamedObject(work, tokens, k, span, flags)) return span;
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

    /// <summary>
    /// One capitalised word after a cue with no flags is its content (<see cref="AttributionRule.NamedObjectAfterStance"/>: "Doe endorsed Roe
    /// and said ...", "He backed Clinton."), when it is no pronoun and no quote stands within three characters of it; a content
    /// taken is recorded in <see cref="Work.NamedObjects"/>, so the attribution made of it names the rule.
    /// </summary>
    private bool TakeNamedObject(Work work, List<Scanned> tokens, int k, TextSpan span, CueFlags flags)
    {
        if (flags != CueFlags.None || Off(AttributionRule.NamedObjectAfterStance) || tokens[k].Kind != ScanKind.Word || !tokens[k].IsCapitalized(work.Text) ||
            _lexicon.Pronouns.ContainsKey(tokens[k].Of(work.Text).ToString().ToLowerInvariant()) ||
            work.Quoted.Any(q => q.Start < span.End + 3 && q.End > span.Start))
        {
            return false;
        }
        work.NamedObjects.Add(span);
        return true;
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

    // "Asked at a briefing on Monday in Washington about ...": the most words an adverbial or an asker may hold before the question.
    private const int MaxWordsBeforeQuestion = 8;

    /// <summary>
    /// The question in "Asked whether ..., Doe said" or "... when asked what ...": a participle "asked" opening the
    /// sentence or after "when", followed by its question word; it runs to the comma closing the clause, or the sentence end.
    /// <see cref="AttributionRule.QuestionAfterAdverbial"/> lets an adverbial or the asker stand before the question word ("Asked on Monday
    /// whether ...", "Asked by a reporter about ...", "asked by the host to explain ..."), and "asked" follow a passive auxiliary ("Doe was asked
    /// whether ..."); the asker after "by" is then the question's source.
    /// </summary>
    private (TextSpan Question, (int Start, int End)? Asker, AttributionRule Rule)? QuestionPutToTheSpeaker(Work work, List<Scanned> tokens, int c, int cueEnd, int sentenceEnd)
    {
        var text = work.Text;
        if (!tokens[c].Is(text, "asked") || cueEnd >= tokens.Count) return null;
        var extended = !Off(AttributionRule.QuestionAfterAdverbial);
        var passive = c > 1 && _lexicon.PassiveAuxiliaries.Contains(tokens[c - 1].Of(text).ToString());
        if (c > 0 && !tokens[c - 1].Is(text, "when") && !(extended && passive)) return null;
        var open = cueEnd;
        (int Start, int End)? asker = null;
        var rule = AttributionRule.QuestionPut;
        if (!IsQuestionWord(text, tokens[open]))
        {
            if (!extended || QuestionAfterAdverbial(text, tokens, cueEnd) is not { } later) return null;
            open = later;
            if (tokens[cueEnd].Is(text, "by") && PhraseAfter(text, tokens, cueEnd + 1) is { } agent && agent.End < open) asker = agent;
            rule = AttributionRule.QuestionAfterAdverbial;
        }
        else if (passive) rule = AttributionRule.QuestionAfterAdverbial;
        // "Asked to rank their choices, and the group is less likely to be “...,” Doe said": a quote with its own attribution ends the question.
        var end = rule == AttributionRule.QuestionAfterAdverbial && NextClauseStart(work, tokens, open) is { } clause ? clause : sentenceEnd;
        for (var m = open + 1; m + 1 < tokens.Count; m++)
        {
            if (tokens[m].Of(text) is "," && CanOpenSubject(text, tokens[m + 1]) && work.QuotedAt(tokens[m].Start) < 0)
            {
                end = tokens[m - 1].End;
                break;
            }
        }
        return end > tokens[open].Start && !Off(rule) ? (TextSpan.FromBounds(tokens[open].Start, end), asker, rule) : null;
    }

    private bool IsQuestionWord(string text, Scanned token) => token.Kind == ScanKind.Word && _lexicon.QuestionWords.Contains(token.Of(text).ToString());

    /// <summary>
    /// The question word (or the "to" of an errand: "asked by the host to explain") a few words after "asked", past an adverbial or the asker
    /// ("asked on Monday whether", "asked by a reporter about"); null when a comma, a quote or a stop comes first.
    /// </summary>
    private int? QuestionAfterAdverbial(string text, List<Scanned> tokens, int from)
    {
        for (var m = from; m < tokens.Count && m < from + MaxWordsBeforeQuestion; m++)
        {
            if (tokens[m].Kind is not (ScanKind.Word or ScanKind.Number)) return null;
            if (IsQuestionWord(text, tokens[m]) || tokens[m].Is(text, "to")) return m;
        }
        return null;
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
}
