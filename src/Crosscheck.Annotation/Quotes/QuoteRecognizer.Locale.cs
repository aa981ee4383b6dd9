using Crosscheck.Annotation.Time;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// The quote rules of a document in a language with a speech table (<see cref="LocaleSpeech"/>): its quotation marks,
/// its speech verbs with the subject before them or the speaker after them, its source words ("selon", "según",
/// "laut", "zufolge", "по словам", "据"). The English cue table and rules are not run on such a document.
/// </summary>
public sealed partial class QuoteRecognizer
{
    /// <summary>The rules of the locale quote table, recorded in <see cref="Quote.Rule"/>.</summary>
    internal enum LocaleQuoteRule
    {
        /// <summary>"« ... », a déclaré le maire": a quote, then the verb and its speaker.</summary>
        LocaleQuoteThenCue,

        /// <summary>"« ... », a-t-il déclaré", "„...“, sagte er": a quote, then a verb with its pronoun.</summary>
        LocaleInversion,

        /// <summary>"Le maire a déclaré : « ... »", "市长表示：“……”": subject, verb, then the quote.</summary>
        LocaleCueThenQuote,

        /// <summary>"El alcalde dijo que ...", "Министр заявил, что ...": subject, verb, then reported content.</summary>
        LocaleReported,

        /// <summary>"Selon le maire, ...", "Laut Polizei ...", "据新华社报道，...": the source, then the content.</summary>
        LocaleSourceFirst,

        /// <summary>"..., según la policía.", "Dem Minister zufolge ...": the content on the other side of its source.</summary>
        LocaleSourceAfter,
    }

    // A speaker phrase longer than this is a clause, not a name or a role ("le maire de la ville voisine").
    private const int MaxLocaleSpeakerWords = 8;

    // Chinese counts characters: "外交部发言人" is six.
    private const int MaxLocaleSpeakerChars = 20;

    /// <summary>What the locale rules share while reading one document.</summary>
    private sealed class LocaleWork(Document document, LocaleSpeech speech, LocaleCalendar? calendar, List<TextSpan> quoted)
    {
        public Document Document { get; } = document;

        public string Text { get; } = document.Text;

        public LocaleSpeech Speech { get; } = speech;

        public LocaleCalendar? Calendar { get; } = calendar;

        public List<TextSpan> Quoted { get; } = quoted;

        public bool[] Used { get; } = new bool[quoted.Count];
    }

    private void ProcessLocale(Document document, LocaleSpeech speech)
    {
        var work = new LocaleWork(document, speech, LocaleCalendar.For(document.Article.Language), speech.FindQuotes(document.Text, _options.MaxQuoteChars));
        var text = work.Text;
        var found = new List<Quote>();
        foreach (var sentence in WordLayer.Of(document, _options.MaxSentenceChars))
        {
            var tokens = sentence.Words;
            for (var c = 0; c < tokens.Count; c++)
            {
                var token = tokens[c];
                if (token.Kind != ScanKind.Word || !speech.CouldStartCue(text[token.Start]) || TextSpan.IndexContaining(work.Quoted, token.Start) >= 0) continue;
                if (ReadLocaleCue(work, tokens, c) is not { } read) continue;
                found.Add(read.Quote with { Rule = read.Rule.ToString() });
                while (c + 1 < tokens.Count && tokens[c + 1].Start < read.ResumeAt) c++;
            }
        }
        found.Sort((a, b) => a.Span.CompareTo(b.Span));
        document.Quotes = [.. found];
    }

    /// <summary>The rules tried at a word, in order; the first that reads a quote decides.</summary>
    private (Quote Quote, LocaleQuoteRule Rule, int ResumeAt)? ReadLocaleCue(LocaleWork work, List<Scanned> tokens, int c)
    {
        var (text, speech) = (work.Text, work.Speech);
        var at = tokens[c].Start;
        var limit = tokens[^1].End;
        if (speech.Match(speech.Inversions, text, at, limit) is { } inversion && QuoteEndingBefore(work, at) is { } inverted)
        {
            // "a-t-il déclaré": the participle after the pronoun belongs to the cue.
            var cueEnd = inversion.End;
            if (inversion.Value == 1 && NextWordEnd(tokens, cueEnd) is { } participle) cueEnd = participle;
            var pronoun = TextSpan.FromBounds(text.LastIndexOf('-', inversion.End - 1) + 1, inversion.End);
            return (Attributed(work, inverted, true, TextSpan.FromBounds(at, cueEnd), pronoun), LocaleQuoteRule.LocaleInversion, cueEnd);
        }
        if (speech.Match(speech.InversionVerbs, text, at, limit) is { } soVerb && QuoteEndingBefore(work, at) is { } soQuote &&
            SpeakerAfter(work, tokens, soVerb.End) is { } soSpeaker)
        {
            return (Attributed(work, soQuote, true, TextSpan.FromBounds(at, soVerb.End), soSpeaker), LocaleQuoteRule.LocaleQuoteThenCue, soSpeaker.End);
        }
        if (speech.Match(speech.Verbs, text, at, limit) is { } verb && (!speech.Unspaced || (verb.End < limit && char.IsPunctuation(text[verb.End]))))
        {
            return ReadVerb(work, tokens, c, TextSpan.FromBounds(at, verb.End));
        }
        if (speech.Match(speech.Sources, text, at, limit) is { } source) return ReadSource(work, tokens, c, TextSpan.FromBounds(at, source.End));
        if (speech.Match(speech.SourcesAfter, text, at, limit) is { } sourceAfter && SubjectBefore(work, tokens, c) is { } before)
        {
            var content = ContentFrom(work, Skip(text, sourceAfter.End, limit), limit);
            if (content.Length < 2) return null;
            return (Attributed(work, content, false, TextSpan.FromBounds(at, sourceAfter.End), before), LocaleQuoteRule.LocaleSourceAfter, content.End);
        }
        return null;
    }

    /// <summary>A speech verb: its quote before it (speaker after it, or its subject between), or its content after it.</summary>
    private (Quote, LocaleQuoteRule, int)? ReadVerb(LocaleWork work, List<Scanned> tokens, int c, TextSpan cue)
    {
        var (text, speech) = (work.Text, work.Speech);
        var limit = tokens[^1].End;
        var subject = SubjectBefore(work, tokens, c);
        if (subject is null)
        {
            if (QuoteEndingBefore(work, cue.Start) is { } quote && SpeakerAfter(work, tokens, cue.End) is { } speaker)
            {
                return (Attributed(work, quote, true, cue, speaker), LocaleQuoteRule.LocaleQuoteThenCue, speaker.End);
            }
            return null;
        }
        if (QuoteEndingBefore(work, subject.Value.Start) is { } before)
        {
            return (Attributed(work, before, true, cue, subject.Value), LocaleQuoteRule.LocaleQuoteThenCue, cue.End);
        }
        var p = Skip(text, cue.End, limit);
        var introduced = p < limit && text[p] is ':' or ',' or '\uFF1A' or '\uFF0C';
        if (introduced) p = Skip(text, p + 1, limit);
        if (speech.Match(speech.Thats, text, p, limit) is { } that)
        {
            introduced = true;
            p = Skip(text, that.End, limit);
        }
        var opening = work.Quoted.FindIndex(q => q.Start == p);
        if (opening >= 0 && !work.Used[opening])
        {
            return (Attributed(work, work.Quoted[opening], true, cue, subject.Value), LocaleQuoteRule.LocaleCueThenQuote, work.Quoted[opening].End);
        }
        if (!introduced) return null;
        var content = ContentFrom(work, p, limit);
        return content.Length < 2 ? null : (Attributed(work, content, false, cue, subject.Value), LocaleQuoteRule.LocaleReported, content.End);
    }

    /// <summary>"selon le maire, ...", "..., según la policía.", "Laut Polizei wurden ...", "据新华社报道，...".</summary>
    private (Quote, LocaleQuoteRule, int)? ReadSource(LocaleWork work, List<Scanned> tokens, int c, TextSpan cue)
    {
        var (text, speech) = (work.Text, work.Speech);
        var limit = tokens[^1].End;
        var k = c + 1;
        while (k < tokens.Count && tokens[k].Start < cue.End) k++;
        var first = k;
        var last = -1;
        var endsSource = false;
        for (; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind == ScanKind.Punct) break;
            if (speech.Unspaced && k > first && speech.Match(speech.SourceEnds, text, token.Start, limit) is { } end)
            {
                // "据新华社报道": the source ends before "报道", which belongs to the cue.
                cue = TextSpan.FromBounds(cue.Start, end.End);
                endsSource = true;
                break;
            }
            if (speech.CapitalisedNouns && k > first && token.Kind == ScanKind.Word && !char.IsUpper(text[token.Start]) && !speech.Determiners.Contains(token.Of(text).ToString())) break;
            last = k;
        }
        if (last < first || (!speech.Unspaced && last - first >= MaxLocaleSpeakerWords)) return null;
        var source = TextSpan.FromBounds(tokens[first].Start, tokens[last].End);
        var after = Skip(text, endsSource ? cue.End : source.End, limit);
        if (after < limit && text[after] is ',' or '\uFF0C') after = Skip(text, after + 1, limit);
        else if (!speech.CapitalisedNouns || after >= limit || char.IsPunctuation(text[after]))
        {
            // Nothing follows the source but the sentence's end: the content is before it.
            if (QuoteEndingBefore(work, cue.Start) is { } quote) return (Attributed(work, quote, true, cue, source), LocaleQuoteRule.LocaleSourceAfter, source.End);
            var from = tokens[0].Start;
            var to = cue.Start;
            while (to > from && (char.IsWhiteSpace(text[to - 1]) || text[to - 1] is ',' or '\uFF0C')) to--;
            return to - from < 2 ? null : (Attributed(work, TextSpan.FromBounds(from, to), false, cue, source), LocaleQuoteRule.LocaleSourceAfter, source.End);
        }
        var opening = work.Quoted.FindIndex(q => q.Start == after);
        var content = opening >= 0 ? work.Quoted[opening] : ContentFrom(work, after, limit);
        return content.Length < 2 ? null : (Attributed(work, content, opening >= 0, cue, source), LocaleQuoteRule.LocaleSourceFirst, content.End);
    }

    /// <summary>The quote closing right before <paramref name="position"/>, only commas, dashes and spaces between, not yet attributed.</summary>
    private static TextSpan? QuoteEndingBefore(LocaleWork work, int position)
    {
        var text = work.Text;
        var p = position;
        while (p > 0 && (char.IsWhiteSpace(text[p - 1]) || text[p - 1] is ',' or '\uFF0C' or '\u2014' or '\u2013' or '-')) p--;
        var index = work.Quoted.FindIndex(q => q.End == p);
        return index >= 0 && !work.Used[index] ? work.Quoted[index] : null;
    }

    /// <summary>The speaker after a verb ("a déclaré le maire de Lyon lors de ..."): words up to punctuation, a stop word or a calendar word.</summary>
    private static TextSpan? SpeakerAfter(LocaleWork work, List<Scanned> tokens, int from)
    {
        var (text, speech) = (work.Text, work.Speech);
        var limit = tokens[^1].End;
        var k = 0;
        while (k < tokens.Count && tokens[k].Start < from) k++;
        var first = k;
        for (; k < tokens.Count && k - first < MaxLocaleSpeakerWords; k++)
        {
            var at = tokens[k].Start;
            if (IsBreak(text, tokens, k) || speech.Match(speech.Stops, text, at, limit) is not null || IsCalendarWord(work, at, limit)) break;
        }
        return k > first ? TextSpan.FromBounds(tokens[first].Start, tokens[k - 1].End) : null;
    }

    /// <summary>The subject before the verb at <paramref name="c"/>: the words back to punctuation or the sentence's start, none when too long to be one.</summary>
    private static TextSpan? SubjectBefore(LocaleWork work, List<Scanned> tokens, int c)
    {
        var (text, speech) = (work.Text, work.Speech);
        var limit = tokens[^1].End;
        var k = c;
        // In Chinese a day word glued to the subject is trimmed below ("发言人昨天表示"); elsewhere it ends the subject ("Mardi le maire a dit").
        while (k > 0 && !IsBreak(text, tokens, k - 1) && (speech.Unspaced || !IsCalendarWord(work, tokens[k - 1].Start, limit))) k--;
        if (k == c) return null;
        var (start, end) = (tokens[k].Start, tokens[c - 1].End);
        if (speech.Unspaced)
        {
            // "发言人昨天表示", "发言人3日表示": a time word between the subject and its verb is not the speaker.
            for (var trimmed = true; trimmed && end > start;)
            {
                trimmed = false;
                foreach (var (form, _) in speech.Trailing.Forms)
                {
                    if (end - start > form.Length && text.AsSpan(start, end - start).EndsWith(form, StringComparison.Ordinal))
                    {
                        end -= form.Length;
                        trimmed = true;
                    }
                }
                if (end - start > 2 && text[end - 1] is '日' && char.IsAsciiDigit(text[end - 2]))
                {
                    end--;
                    while (end > start && char.IsAsciiDigit(text[end - 1])) end--;
                    trimmed = true;
                }
            }
            return end > start && end - start <= MaxLocaleSpeakerChars ? TextSpan.FromBounds(start, end) : null;
        }
        return c - k <= MaxLocaleSpeakerWords ? TextSpan.FromBounds(start, end) : null;
    }

    /// <summary>Punctuation that ends a speaker phrase; a hyphen or apostrophe inside a word ("porte-parole") does not.</summary>
    private static bool IsBreak(string text, List<Scanned> tokens, int k) =>
        tokens[k].Kind == ScanKind.Punct &&
        !(text[tokens[k].Start] is '-' or '\'' or '\u2019' && !tokens[k].SpaceBefore && k + 1 < tokens.Count && !tokens[k + 1].SpaceBefore && tokens[k + 1].Kind == ScanKind.Word && k > 0);

    /// <summary>A weekday or a day word ("mardi", "hier") of the document's calendar: no part of a speaker.</summary>
    private static bool IsCalendarWord(LocaleWork work, int at, int limit) =>
        work.Calendar is { } calendar && (calendar.Match(calendar.Weekdays, work.Text, at, limit) is not null || calendar.Match(calendar.Deictic, work.Text, at, limit) is not null);

    /// <summary>Reported content from <paramref name="from"/> to the sentence's end (a Chinese full stop ends it too), its final mark left out.</summary>
    private static TextSpan ContentFrom(LocaleWork work, int from, int limit)
    {
        var text = work.Text;
        var end = limit;
        if (work.Speech.Unspaced && text.IndexOfAny(['\u3002', '\uFF01', '\uFF1F'], from, limit - from) is var stop and >= 0) end = stop;
        while (end > from && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or '!' or '?' or ';')) end--;
        return TextSpan.FromBounds(from, Math.Max(from, end));
    }

    /// <summary>The quote with its speaker: a pronoun resolved to the person named last before it, else the person or organisation named in the phrase, else the phrase as written.</summary>
    private static Quote Attributed(LocaleWork work, TextSpan content, bool direct, TextSpan cue, TextSpan speaker)
    {
        var index = work.Quoted.IndexOf(content);
        if (index >= 0) work.Used[index] = true;
        var (text, mentions) = (work.Text, work.Document.Mentions);
        var phrase = text[speaker.Start..speaker.End];
        int? mention = null;
        if (work.Speech.Pronouns.Contains(phrase))
        {
            for (var m = mentions.Length - 1; m >= 0 && mention is null; m--)
            {
                if (mentions[m].Span.End <= speaker.Start && mentions[m].Type == EntityType.Person) mention = m;
            }
            return new Quote(content, direct, text[cue.Start..cue.End], speaker, mention, null);
        }
        var rank = 0;
        for (var m = 0; m < mentions.Length; m++)
        {
            if (!speaker.Contains(mentions[m].Span.Start)) continue;
            var r = mentions[m].Type switch { EntityType.Person => 2, EntityType.Org => 1, _ => 0 };
            if (r > rank) (mention, rank) = (m, r);
        }
        return new Quote(content, direct, text[cue.Start..cue.End], speaker, mention, mention is null ? phrase : null);
    }

    private static int? NextWordEnd(List<Scanned> tokens, int from)
    {
        foreach (var token in tokens)
        {
            if (token.Start >= from) return token.Kind == ScanKind.Word ? token.End : null;
        }
        return null;
    }

    private static int Skip(string text, int p, int limit)
    {
        while (p < limit && char.IsWhiteSpace(text[p])) p++;
        return p;
    }
}
