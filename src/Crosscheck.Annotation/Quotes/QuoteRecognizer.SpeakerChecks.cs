using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// The last pass: every speaker found is checked against <see cref="SpeakerRules.Table"/>. A phrase a rule rejects is
/// replaced by its sentence's subject when the rule allows it and the subject passes, else the quote keeps its
/// content and cue with its speaker unknown.
/// </summary>
public sealed partial class QuoteRecognizer
{
    // "said on Tuesday in a statement": the cue's first word comes within a few words of the phrase.
    private const int MaxTokensBetweenSpeakerAndCue = 6;

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
            // "The Russian Ministry of Foreign Affairs confirmed": a phrase cut inside a name takes the whole name.
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
                work.Found[i] = quote with { SpeakerSpan = subjectSpan, SpeakerMention = mention, SpeakerDescription = description };
            }
            else
            {
                work.Found[i] = quote with { SpeakerSpan = null, SpeakerMention = null, SpeakerDescription = null };
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
    /// The whole phrase a rejected one ends: the noun phrase before its preposition ("Security sources working in the
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
