using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// Document-level passes after the sentence-by-sentence reading: bylines after a dash, colon
/// introductions, transcript turns, a headline's speaker, and quotes left without a speaker (a quote
/// continuing the previous one, a whole-paragraph quote after its speaker's paragraph, the subject of
/// the quoting sentence).
/// </summary>
public sealed partial class QuoteRecognizer
{
    // A byline after a dash is a name of a few words ("Jane Q. Public", "Ana María de la Cruz").
    private const int MaxBylineTokens = 8;

    /// <summary>
    /// A quote followed by a dash and a name closing its line ("“...” ― Jane Doe") is that person's:
    /// the way collected reader or voter comments and epigraphs are attributed.
    /// </summary>
    private void AttachDashBylines(Work work)
    {
        if (Off(AttributionRule.DashByline)) return;
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
            work.Found.Add(new Quote(quoted, true, text[dash..p], speakerSpan, mention, description, nameof(AttributionRule.DashByline)));
            work.QuoteUsed[i] = true;
        }
    }

    /// <summary>
    /// A quote introduced by a colon ("A reader wrote in to ask: “...”", "Doe made the following remark:" and the
    /// quote in the next paragraph) is the words of the introducing sentence's subject, whatever its verb.
    /// </summary>
    private void AttachColonIntroductions(Work work)
    {
        if (Off(AttributionRule.ColonIntroduction)) return;
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
            if ((according ?? LabelAfterDash(text, tokens) ?? SentenceSubject(text, tokens, tokens.Count)) is not { } subject) continue;
            var speakerSpan = TextSpan.FromBounds(tokens[subject.Start].Start, tokens[subject.End].End);
            var (mention, description) = ResolveSpeaker(work, tokens, subject, speakerSpan);
            work.Found.Add(new Quote(quoted, true, ":", speakerSpan, mention, description, nameof(AttributionRule.ColonIntroduction)));
            work.QuoteUsed[i] = true;
        }
    }

    // "Pollsters agree - Jane Doe:", "What it means - More from Doe:": a roundup's label names a source in a few words.
    private const int MaxDashLabelTokens = 5;

    /// <summary>
    /// A colon introduction whose last spaced dash is followed by a short label ending in a capitalised run
    /// ("Summary of a finding - Pew Research: “...”"): that run is the speaker, not the summary's first word.
    /// </summary>
    private static (int Start, int End)? LabelAfterDash(string text, List<Scanned> tokens)
    {
        var last = tokens.Count - 1;
        for (var d = last - 1; d > 0 && last - d <= MaxDashLabelTokens; d--)
        {
            if (tokens[d].Kind != ScanKind.Punct) continue;
            if (!IsSpacedDash(text, tokens[d])) return null;
            if (!tokens[last].IsCapitalized(text)) return null;
            var start = last;
            while (start - 1 > d && tokens[start - 1].IsCapitalized(text)) start--;
            return (start, last);
        }
        return null;
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
        if (Off(AttributionRule.HeadlineSpeaker)) return;
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
        if (IsHeadlineRubric(work, label, TextSpan.FromBounds(label[0].Start, label[^1].End))) return;
        var contentStart = colon + 1;
        while (contentStart < lineEnd && char.IsWhiteSpace(text[contentStart])) contentStart++;
        var contentEnd = lineEnd;
        while (contentEnd > contentStart && char.IsWhiteSpace(text[contentEnd - 1])) contentEnd--;
        var content = TextSpan.FromBounds(contentStart, contentEnd);
        if (CountWords(text, content) < MinHeadlineWords) return;
        if (work.Found.Any(q => q.Span.Overlaps(content)))
        {
            // "Doe: Harbour Plans Will Change": a cue inside the line reports for the label (HeadlineLabelFirst); PolNeAR
            // annotates the label's attribution alone. A found attribution reaching outside the line keeps it.
            if (Off(AttributionRule.HeadlineLabelFirst) ||
                work.Found.Any(q => q.Span.Overlaps(content) && !(content.Contains(q.Span.Start) && q.Span.End <= content.End))) return;
            work.Found.RemoveAll(q => content.Contains(q.Span.Start) && q.Span.End <= content.End);
        }
        var speakerSpan = TextSpan.FromBounds(label[0].Start, label[^1].End);
        var (mention, description) = ResolveSpeaker(work, label, (0, label.Count - 1), speakerSpan);
        work.Found.Add(new Quote(content, ContainsQuoteMark(text, content), ":", speakerSpan, mention, description, nameof(AttributionRule.HeadlineSpeaker)));
        MarkUsed(work, content);
    }

    private const int MinHeadlineWords = 3;

    /// <summary>
    /// Whether a headline's label is a rubric rather than a speaker (<see cref="AttributionRule.HeadlineRubric"/>): no person or
    /// organisation is named in it and none of its words is a source, poll, document or role noun ("The Latest: ...", "Breaking: ...",
    /// "Wow: ..."), against "Doe: ...", "Poll: ...", "Insiders: ...".
    /// </summary>
    private bool IsHeadlineRubric(Work work, List<Scanned> label, TextSpan span)
    {
        if (Off(AttributionRule.HeadlineRubric)) return false;
        if (work.Mentions.Any(m => m.Type is EntityType.Person or EntityType.Org && m.Span.Overlaps(span))) return false;
        foreach (var token in label)
        {
            if (token.Kind != ScanKind.Word) continue;
            var word = token.Of(work.Text).ToString();
            if (_lexicon.SourceNouns.Contains(word) || _lexicon.PollNouns.Contains(word) || _lexicon.DocumentNouns.Contains(word) ||
                _lexicon.RoleWords.Contains(word))
            {
                return false;
            }
        }
        return true;
    }

    // A transcript's speaker label: one to three upper-case words ("SMITH:", "SEN. DOE:").
    private const int MaxTranscriptLabelTokens = 4;

    /// <summary>
    /// Transcript turns: a paragraph opening with an upper-case label and a colon ("MODERATOR: Good evening.")
    /// is that speaker's. A label counts only when it opens two paragraphs or more, so that a lone "UPDATE:" does not.
    /// </summary>
    private void AttachTranscriptTurns(Work work)
    {
        if (Off(AttributionRule.TranscriptTurn)) return;
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
            work.Found.Add(new Quote(content, ContainsQuoteMark(text, content), ":", label, mention, description, nameof(AttributionRule.TranscriptTurn)));
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

    /// <summary>A dash standing alone after a space ("Lisbon –", "Finding - Doe:"), not a hyphen inside a word.</summary>
    private static bool IsSpacedDash(string text, Scanned token) =>
        token.Kind == ScanKind.Punct && token.SpaceBefore && token.Length == 1 && IsDash(text[token.Start]);

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
    /// speaker; a long one with no speaker is kept as unattributed. A <see cref="AttributionRule.LearnedCue"/>'s attribution
    /// continues no quote: it reports a stance or a deed, not words, and a quote after it ("Doe said as she left the stage.
    /// “…”") goes on the words of the listed cue before it (attrib11: on train folds 1-4, continuing learned attributions cost
    /// direct quotes).
    /// </summary>
    private void AttachLeftoverQuotes(Work work)
    {
        var text = work.Text;
        var attributed = work.Found.Where(q => q.SpeakerSpan is not null && !AttributionRuleText.Names(q.Rule, AttributionRule.LearnedCue))
            .OrderBy(q => q.Span.Start).ToList();
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
            if (previous is { } before && !Off(AttributionRule.Continuation) && IsContinuation(text, before, quoted))
            {
                var continued = before with { Span = quoted, Direct = true, Rule = nameof(AttributionRule.Continuation) };
                DropLearnedCuesBetween(work, before.Span.End, quoted.Start);
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
            if (found is null && previous is { } last && !Off(AttributionRule.ParagraphAfterSpeaker) && FillsParagraphAfterSpeaker(text, last, quoted)) found = last with { Span = quoted, Direct = true, Rule = nameof(AttributionRule.ParagraphAfterSpeaker) };
            if (found is null && Off(AttributionRule.Unattributed)) continue;
            work.Found.Add(found ?? new Quote(quoted, true, Rule: nameof(AttributionRule.Unattributed)));
            work.QuoteUsed[i] = true;
        }
    }

    /// <summary>
    /// The <see cref="AttributionRule.LearnedCue"/> attributions whose content lies between <paramref name="start"/> and <paramref name="end"/>,
    /// the end of a quote and the start of the quote continuing it, are dropped (<see cref="AttributionRule.LearnedCueBetweenQuotes"/>).
    /// </summary>
    private void DropLearnedCuesBetween(Work work, int start, int end)
    {
        if (Off(AttributionRule.LearnedCueBetweenQuotes)) return;
        work.Found.RemoveAll(q => q.Span.Start >= start && q.Span.End <= end && AttributionRuleText.Names(q.Rule, AttributionRule.LearnedCue));
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
        if (!Off(AttributionRule.UnlistedVerbBeforeSpeaker) && InvertedSpeaker(text, tokens) is { } inverted)
        {
            var invertedSpan = TextSpan.FromBounds(tokens[inverted.Start].Start, tokens[inverted.End].End);
            var (invertedMention, invertedDescription) = ResolveSpeaker(work, tokens, inverted, invertedSpan);
            return new Quote(quoted, true, tokens[0].Of(text).ToString(), invertedSpan, invertedMention, invertedDescription, nameof(AttributionRule.UnlistedVerbBeforeSpeaker));
        }
        if (Off(AttributionRule.SubjectAfterQuote) || tokens.Count < 2 || SentenceSubject(text, tokens, tokens.Count) is not { } subject || subject.Start > 1 || subject.End + 1 >= tokens.Count) return null;
        // The subject's verb follows it: a lowercase word ("Doe urged"), not more of a name or a new clause.
        var verb = tokens[subject.End + 1];
        if (verb.Kind != ScanKind.Word || verb.IsCapitalized(text)) return null;
        var speakerSpan = TextSpan.FromBounds(tokens[subject.Start].Start, tokens[subject.End].End);
        var (mention, description) = ResolveSpeaker(work, tokens, subject, speakerSpan);
        return new Quote(quoted, true, null, speakerSpan, mention, description, nameof(AttributionRule.SubjectAfterQuote));
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
        if (Off(AttributionRule.SubjectOfQuotingSentence)) return null;
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
        return new Quote(quoted, true, null, speakerSpan, mention, description, nameof(AttributionRule.SubjectOfQuotingSentence));
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
}
