namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// What a cue phrase allows, read from the flags column of <c>Quotes/Data/cues.txt</c> (letters there, named here).
/// </summary>
[Flags]
public enum CueFlags
{
    None = 0,

    /// <summary>"i": the speaker may follow the cue ("“...,” said Doe").</summary>
    SpeakerMayFollow = 1,

    /// <summary>"t": an object often stands between the cue and the content ("told reporters that ...").</summary>
    ObjectBeforeContent = 2,

    /// <summary>"a": the source follows the cue and the content is the rest of the sentence ("according to Doe, ...").</summary>
    SourceFollows = 4,

    /// <summary>
    /// "s": a verb of saying whose speaker does not follow it ("say", "saying", "adding"); with <see cref="SpeakerMayFollow"/>,
    /// <see cref="ObjectBeforeContent"/> and <see cref="SourceFollows"/>, the cues that report again inside what another attribution reports.
    /// </summary>
    Saying = 8,
}

/// <summary>
/// The rule of the quote recogniser that found an attribution, recorded in <see cref="Core.Model.Quote.Rule"/> (with the
/// speaker rule that changed its speaker, if any) so that a wrong quote can be traced to what made it.
/// </summary>
public enum AttributionRule
{
    /// <summary>"In a poll released Monday, 50 percent chose ...": the poll reports the rest of the sentence.</summary>
    PollOpening,

    /// <summary>"Asked whether he would run, ...": the question put to the speaker, with no speaker of its own.</summary>
    QuestionPut,

    /// <summary>
    /// "Asked on Monday whether he would run, ...", "Asked by a reporter about the fees, ...", "Doe was asked whether ...": the question put to the
    /// speaker after an adverbial, the asker or a passive auxiliary; the asker after "by" is its source.
    /// </summary>
    QuestionAfterAdverbial,

    /// <summary>"According to early results of the count, ...": the source phrase up to the comma, the rest is the content.</summary>
    LeadingSource,

    /// <summary>"..., according to the agency.": the source after the cue, the content before it.</summary>
    SourceAfterCue,

    /// <summary>
    /// "It has not gone unnoticed: according to recent polls, the senator trails", "The paper reported that, according to an analysis, ...",
    /// "In addition, according to the agency, ...": an "according to" opening a clause inside the sentence reports what follows its source.
    /// </summary>
    SourceOpensClause,

    /// <summary>"The plan was endorsed by the union": the agent speaks of the subject.</summary>
    PassiveAgent,

    /// <summary>"The group issued a statement saying ...": the statement speaks for the sentence's subject.</summary>
    DocumentCarrier,

    /// <summary>"“...,” Doe said": the quote closing before the speaker phrase.</summary>
    QuoteBeforeSpeaker,

    /// <summary>"It would take weeks, he said, and ...": the words on both sides of a parenthetical cue.</summary>
    ParentheticalCue,

    /// <summary>"Doe said the plan ...": the subject before the cue, the content after it.</summary>
    ContentAfterCue,

    /// <summary>"“... is closed.” Doe said.": a sentence of only speaker and cue reports the quote before it.</summary>
    BareCueAfterQuote,

    /// <summary>"The talks failed, Doe said.": the content before the speaker.</summary>
    ContentBeforeSpeaker,

    /// <summary>"..., said Doe": the speaker after the cue, the content before it.</summary>
    SpeakerAfterCue,

    /// <summary>"Doe defended the plan, saying ...": a participle's speaker is the sentence's subject (or the previous cue's speaker).</summary>
    ParticipleSubject,

    /// <summary>"Doe criticized the plan and said ...": coordinated verbs share the subject.</summary>
    CoordinatedVerb,

    /// <summary>
    /// "The row began after the mayor left the room, saying ...", "At a rally in Springfield, Ohio, Doe went after Roe, calling ...":
    /// a participle's speaker is the subject of the nearest clause it follows, not the sentence's first name.
    /// </summary>
    ParticipleClauseSubject,

    /// <summary>
    /// "Doe lost, but her rival won the seat and said ...", "Roe, who came out and endorsed ...": the second of two coordinated
    /// verbs shares the subject of its own clause.
    /// </summary>
    CoordinatedClauseSubject,

    /// <summary>
    /// "One in three said ...", "42% say ...", "all but two said ...": a share of those polled is the speaker phrase before the cue
    /// (recorded after the rule that found the attribution: "ContentAfterCue+ShareSpeaker").
    /// </summary>
    ShareSpeaker,

    /// <summary>
    /// "Doe, citing the harbour's debts, said ...", "Several mayors, including Doe, said ...": a participle phrase set off by commas
    /// between the speaker and the cue is an apposition of the speaker (recorded after the rule that found the attribution).
    /// </summary>
    ParticipleApposition,

    /// <summary>
    /// "Doe, citing ''the old quay,'' said ...", "Doe, who called the plan “a mistake,” said ...": an apposition of the speaker whose
    /// closing comma sits inside a quote (recorded after the rule that found the attribution).
    /// </summary>
    QuotedApposition,

    /// <summary>
    /// "Jane Doe — a teacher from the harbour town — says ...": an apposition set off by a pair of dashes between the speaker and the cue
    /// (recorded after the rule that found the attribution: "ContentAfterCue+DashApposition").
    /// </summary>
    DashApposition,

    /// <summary>"“...” Said Doe, ...": a sentence opening with an inverting cue takes the quote before it.</summary>
    SpeakerAfterCueAfterQuote,

    /// <summary>"“...” ― Jane Doe": a name after a dash closing the quote's line.</summary>
    DashByline,

    /// <summary>"A reader wrote in to ask: “...”": the subject of a sentence introducing the quote with a colon.</summary>
    ColonIntroduction,

    /// <summary>"MODERATOR: Good evening.": a transcript turn's upper-case label.</summary>
    TranscriptTurn,

    /// <summary>"Doe: Talks Will Resume in May": a headline's label.</summary>
    HeadlineSpeaker,

    /// <summary>
    /// "Doe: Harbour Plans Will Change": a headline's label speaks for the whole line, so a cue inside it ("Plans" read as a verb) makes no
    /// attribution of its own. `--without` keeps the inner attribution and no label.
    /// </summary>
    HeadlineLabelFirst,

    /// <summary>"“A,” she said. “B.”": a quote continuing the attributed one before it.</summary>
    Continuation,

    /// <summary>"“...,” remembered Jane Doe": an unlisted verb put before a capitalised speaker.</summary>
    UnlistedVerbBeforeSpeaker,

    /// <summary>"“...,” Doe urged the voters": the subject right after a quote closing on a comma.</summary>
    SubjectAfterQuote,

    /// <summary>"Doe is labeling the order “an abuse of power.”": the subject of the sentence the quote sits in.</summary>
    SubjectOfQuotingSentence,

    /// <summary>A paragraph that is one quote, after a paragraph naming the speaker.</summary>
    ParagraphAfterSpeaker,

    /// <summary>"The board seemed to concede", "The vote is expected to pass": an appearance or expectation with no source.</summary>
    SourcelessStance,

    /// <summary>
    /// A rule that keeps attributions out rather than making them: inside what another attribution reports, only a verb of
    /// saying reports again ("Doe said the aides told him ..."); a stance or thought there ("Doe said she wanted ...",
    /// "the poll showed voters supported ...") is part of the reported words. `--without` lets those in.
    /// </summary>
    NestedSpeechOnly,

    /// <summary>
    /// A rule that keeps attributions out: a speaker joined to the words before it without a comma, quote or dash reports them only
    /// when its cue closes the sentence ("... port logs show.", "... she told fishermen."), not in "the nets were torn when she said so" or
    /// "as the mayor had pledged". `--without` lets those in.
    /// </summary>
    ClosingCueWithoutComma,

    /// <summary>
    /// A rule that keeps attributions out: a cue in "-ed" whose words go on with "by" and its agent ("skippers backed by the harbour board",
    /// "He was rejected by the voters") is a passive, not the speech of the phrase before it; only <see cref="PassiveAgent"/> reports
    /// it. "replied by saying ..." (a gerund after "by") still reports. `--without` lets those in.
    /// </summary>
    PassiveByAgent,

    /// <summary>
    /// A rule that keeps attributions out: a cue in "-ed" right after a number is an adjective ("40 pledged seats"), not a verb.
    /// `--without` lets those in.
    /// </summary>
    AdjectiveAfterNumber,

    /// <summary>
    /// "Doe, who has backed the harbour plan, said ...": a cue inside a relative clause set off by commas reports no further than the
    /// comma closing the clause when the main clause's verb follows it (recorded after the rule that found the attribution:
    /// "ContentAfterCue+RelativeClauseEnd"). `--without` lets the content run on to the sentence's end.
    /// </summary>
    RelativeClauseEnd,

    /// <summary>
    /// "Doe praised the pilots, but she said the quota is too small", "..., calling it overdue and saying ...": a content running into a second
    /// verb of saying joined by "and" or "but" (after a subject pronoun, or as a participle) stops before the conjunction, and the second verb makes an attribution of its own (recorded after the rule that found
    /// the first: "ContentAfterCue+CoordinatedSayingEnd"). `--without` lets the first content run on to the sentence's end.
    /// </summary>
    CoordinatedSayingEnd,

    /// <summary>
    /// A rule that takes the words after a cue out of the content: "The ferry ran late, a harbour official told The Daily Planet." — after "told"
    /// only the recipient closes the sentence, so the reported words are those before the speaker ("ContentBeforeSpeaker"). `--without` takes
    /// the recipient for the content.
    /// </summary>
    ClosingRecipient,

    /// <summary>
    /// "Doe and Roe both said ...", "the ministers have all urged ...": a quantifier ("both", "all", "each") floating after its noun phrase
    /// makes one speaker phrase with it, not a speaker of its own (recorded after the rule that found the attribution:
    /// "ContentAfterCue+FloatingQuantifier"). `--without` leaves the bare quantifier as the speaker.
    /// </summary>
    FloatingQuantifier,

    /// <summary>
    /// "Doe opposes the plan", "the union has long argued that ...": a word the cue table does not list, taken for a cue by the learned
    /// cue model (<see cref="LearnedCueModel"/>, models/attribution) where no listed cue found an attribution; the rules around a cue then
    /// find its speaker and content (recorded after the rule that did: "ContentAfterCue+LearnedCue"). `--without` makes no such attribution.
    /// </summary>
    LearnedCue,

    /// <summary>
    /// A <see cref="LearnedCue"/> makes an attribution only when a speaker is found for it: without one ("was renewed on Feb. 4", a
    /// passive subject rejected), a stance or deed word is rarely anyone's attribution (on train folds 1-4 with out-of-fold cue models,
    /// 23 of 98 such attributions matched gold, against 0.55 for the learned cues' others). `--without` keeps them. Since
    /// <see cref="RejectedSpeaker"/> the indirect ones whose speaker a speaker rule rejected are dropped by that rule too, so switching
    /// this one off alone brings back only those that never had a speaker phrase and those in quote marks.
    /// </summary>
    LearnedCueSpeaker,

    /// <summary>
    /// A rule that keeps attributions out: a <see cref="LearnedCue"/>'s attribution lying between a quote and the quote that continues it
    /// ("“A,” said Doe, standing by the quay. “B.”") is dropped when the continuation is made: PolNeAR reads "A" and "B" as one
    /// attribution and the scorer joins a continuation only to the quote right before it, so the learned one splits them. `--without` keeps it.
    /// </summary>
    LearnedCueBetweenQuotes,

    /// <summary>
    /// A rule that keeps attributions out: a <see cref="LearnedCue"/> whose speaker would be borrowed from a verb it is coordinated with
    /// (<see cref="CoordinatedVerb"/>, <see cref="CoordinatedClauseSubject"/>: "Doe won the seat and was sentenced ...", "He counts himself
    /// as ...") makes none: a stance or deed word after "and" is mostly the next deed of a narrative, a passive or an adjective (on train
    /// folds 1-4 with out-of-fold cue models, 6 of 23 such attributions matched gold, against 0.57 for the learned cues' others).
    /// `--without` keeps them.
    /// </summary>
    LearnedCueCoordinatedSpeaker,

    /// <summary>
    /// A rule that keeps attributions out: an indirect attribution whose speaker the speaker rules (<see cref="SpeakerRules.Table"/>)
    /// reject, with no subject to put instead, is dropped rather than kept with its speaker unknown ("The old ferry is considered the
    /// safest boat", "A German warning about the storm ..."): a passive subject, a date, a bare nationality or a non-agent noun before a
    /// cue mostly marks a cue word that reports nothing there (on train folds 1-4 with out-of-fold cue models, 52 of 206 such
    /// attributions matched gold, below the F1/2 an extra attribution must reach). Words in quote marks stay, speaker unknown: someone
    /// said them. `--without` keeps every such attribution with no speaker.
    /// </summary>
    RejectedSpeaker,

    /// <summary>A long quote no rule attributed, kept without speaker or cue.</summary>
    Unattributed,

    /// <summary>
    /// "Doe endorsed Roe and said ...", "He backed Clinton.": one capitalised word that is no pronoun, after a cue with no flags (a verb of
    /// stance), is its content when no quote stands within three characters of it; without the rule a content needs two words or a quote
    /// mark (recorded after the rule that found the attribution: "ContentAfterCue+NamedObjectAfterStance"; on train folds 1-4 with
    /// out-of-fold cue models, all four folds up, +0.0007 on the mean, direct level). `--without` turns such a content down again.
    /// </summary>
    NamedObjectAfterStance,

    /// <summary>
    /// "The club is reportedly spending $1 million on ads.": the adverb "reportedly" reports its clause with no source, as
    /// <see cref="SourcelessStance"/> does "seemed" (the content opens with the sentence's subject when the adverb's verb group follows
    /// it; on train folds 1-4 with out-of-fold cue models, 8 of 10 such attributions matched gold). `--without` makes no such attribution;
    /// as with "seemed", the learned cues never read the word either way.
    /// </summary>
    ReportedlyAdverb,

    /// <summary>
    /// "The program, known as the Renewable Fuel Standard, ...", "He is best known for his ads", "The vote was widely seen as a test":
    /// "known as", "known for" and "seen as" report with no source, as <see cref="SourcelessStance"/> does "seemed" (the content opens
    /// with the sentence's subject when the cue's verb group follows it), but not on a word of a found speaker phrase ("said the base
    /// chief known as Bob"), and the content stops at a parenthesis the cue stands in (on train folds 1-4 with out-of-fold cue models,
    /// see docs/BENCHMARKS.md, attrib18). `--without` makes no such attribution (the learned cues then read "known" and "seen" again).
    /// </summary>
    KnownOrSeenAs,

    /// <summary>
    /// A rule that keeps attributions out: a headline label that names no person or organisation and holds no source, poll, document
    /// or role noun ("The Latest: Doe tells voters ...", "Breaking: ...") is a rubric, not a speaker, so <see cref="HeadlineSpeaker"/>
    /// makes no attribution and the line's own attributions stay. `--without` lets such a label speak again.
    /// </summary>
    HeadlineRubric,
}

/// <summary>How <see cref="Core.Model.Quote.Rule"/> is written: the attribution rule, then the speaker rule that changed the speaker.</summary>
public static class AttributionRuleText
{
    public static string Of(AttributionRule rule) => rule.ToString();

    /// <summary>"ContentAfterCue+ShareSpeaker": the rule <paramref name="phraseRule"/> shaped the speaker phrase of an attribution <paramref name="rule"/> found.</summary>
    public static string WithPhraseRule(AttributionRule rule, AttributionRule phraseRule) => $"{rule}+{phraseRule}";

    /// <summary>"ContentAfterCue+RelativeClauseEnd": the rule <paramref name="contentRule"/> ended the content of an attribution <paramref name="ruleText"/> names.</summary>
    public static string WithContentRule(string ruleText, AttributionRule contentRule) => $"{ruleText}+{contentRule}";

    /// <summary>Whether the rule text of a quote (<see cref="Core.Model.Quote.Rule"/>) names <paramref name="rule"/> among its parts.</summary>
    public static bool Names(string? ruleText, AttributionRule rule) =>
        ruleText is not null && ruleText.Split('+').Contains(rule.ToString(), StringComparer.Ordinal);

    /// <summary>"ContentAfterCue+PrepositionObject": the speaker rule <paramref name="speakerRule"/> rejected the first speaker.</summary>
    public static string WithSpeakerRule(string? rule, SpeakerRuleName speakerRule) => $"{rule}+{speakerRule}";

    /// <summary>The cue flags as named values ("SpeakerMayFollow, ObjectBeforeContent"), or null for a cue we do not list.</summary>
    public static CueFlags? FlagsOf(string? cue) => cue is null ? null : QuoteLexicon.Instance.FlagsOfCue(cue);
}
