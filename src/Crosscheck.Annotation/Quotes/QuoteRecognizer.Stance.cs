using System.Collections.Frozen;
using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// Attributions with no source (<see cref="AttributionRule.SourcelessStance"/>): "The senator seemed to concede the point",
/// "The board is expected to vote on Monday"; and (<see cref="AttributionRule.ReportedlyAdverb"/>) "The club is reportedly
/// spending ...". The writer reports how things look or what is expected without saying
/// to whom; PolNeAR annotates these as attributions without a source (with the subject and the clause as content).
/// </summary>
public sealed partial class QuoteRecognizer
{
    // "seem" reports an appearance with or without "to" ("seemed unperturbed", "seems to agree"); "appear" only with "to"
    // ("appeared to concede"; "appeared on television" is no attribution).
    private static readonly FrozenSet<string> SeemForms = FrozenSet.ToFrozenSet(["seem", "seems", "seemed"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> AppearForms = FrozenSet.ToFrozenSet(["appear", "appears", "appeared"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The source-less attributions of a sentence outside the contents already found in it: the cue, then its clause up to
    /// where the next clause with its own cue starts; the content opens with the sentence's subject when the cue follows it.
    /// </summary>
    private void AddSourcelessStances(Work work, List<Scanned> tokens, List<TextSpan> accepted)
    {
        if (Off(AttributionRule.SourcelessStance) && Off(AttributionRule.ReportedlyAdverb) && Off(AttributionRule.KnownOrSeenAs)) return;
        var text = work.Text;
        for (var c = 1; c + 1 < tokens.Count; c++)
        {
            if (StanceCueEnd(text, tokens, c) is not { } cueEnd) continue;
            var rule = StanceRule(text, tokens, c);
            if (Off(rule)) continue;
            var cueStart = StanceCueStart(text, tokens, c);
            // Inside a quote or inside what an attribution already reports: PolNeAR gives a word to one attribution only.
            if (work.QuotedAt(tokens[c].Start) >= 0 || accepted.Any(span => span.Contains(tokens[c].Start))) continue;
            if (ContentAfter(work, tokens, cueEnd, CueFlags.None, ContentEnd(work, tokens)) is not { } complement) continue;
            if (rule == AttributionRule.KnownOrSeenAs)
            {
                // "said the base chief known as Bob": a word of a speaker phrase is no cue; "(which is not known as partisan)
                // examined ...": the content stops where the parenthesis it stands in closes.
                if (work.Found.Any(q => q.SpeakerSpan is { } speaker && speaker.Contains(tokens[c].Start))) continue;
                if (BeforeClosingParenthesis(text, tokens[c].Start, complement) is not { } inside) continue;
                complement = inside;
            }
            // The subject's walk stops at its verb, so it reads the cue's first word too.
            var start = SentenceSubject(text, tokens, cueStart + 1) is { } subject && subject.End + 1 == cueStart ? tokens[subject.Start].Start : complement.Start;
            var content = WithQuotes(work, TextSpan.FromBounds(start, complement.End));
            if (OverlapsUsedQuote(work, content) || accepted.Any(span => span.Overlaps(content))) continue;
            var cue = TextSpan.FromBounds(tokens[cueStart].Start, tokens[cueEnd - 1].End);
            work.Found.Add(new Quote(content, ContainsQuoteMark(text, content), cue.TextOf(text), Rule: AttributionRuleText.Of(rule)));
            accepted.Add(content);
            MarkUsed(work, content);
            c = cueEnd - 1;
        }
    }

    /// <summary>
    /// The end of a source-less cue at <paramref name="c"/>: "seemed" before a word, "appears to", or "expected to" after a
    /// passive auxiliary ("is widely expected to") (<see cref="AttributionRule.SourcelessStance"/>), "reportedly" before a
    /// word (<see cref="AttributionRule.ReportedlyAdverb"/>), or "known as", "known for" or "seen as"
    /// (<see cref="AttributionRule.KnownOrSeenAs"/>, null with that rule switched off); null otherwise.
    /// </summary>
    private int? StanceCueEnd(string text, List<Scanned> tokens, int c)
    {
        var token = tokens[c];
        if (token.Kind != ScanKind.Word || token.IsCapitalized(text)) return null;
        var word = token.Of(text).ToString();
        var next = tokens[c + 1];
        if (word.Equals("reportedly", StringComparison.OrdinalIgnoreCase)) return next.Kind == ScanKind.Word ? c + 1 : null;
        var toFollows = next.Is(text, "to");
        if (SeemForms.Contains(word)) return next.Kind == ScanKind.Word ? c + (toFollows ? 2 : 1) : null;
        if (AppearForms.Contains(word)) return toFollows ? c + 2 : null;
        if (KnownOrSeenAsCue(text, word, next)) return c + 2;
        if (!word.Equals("expected", StringComparison.OrdinalIgnoreCase) || !toFollows) return null;
        var auxiliary = StanceCueStart(text, tokens, c);
        return auxiliary < c && _lexicon.PassiveAuxiliaries.Contains(tokens[auxiliary].Of(text).ToString()) ? c + 2 : null;
    }

    /// <summary>The rule a source-less cue at <paramref name="c"/> (one <see cref="StanceCueEnd"/> reads) belongs to.</summary>
    private static AttributionRule StanceRule(string text, List<Scanned> tokens, int c)
    {
        var word = tokens[c].Of(text).ToString();
        if (word.Equals("reportedly", StringComparison.OrdinalIgnoreCase)) return AttributionRule.ReportedlyAdverb;
        return word.Equals("known", StringComparison.OrdinalIgnoreCase) || word.Equals("seen", StringComparison.OrdinalIgnoreCase)
            ? AttributionRule.KnownOrSeenAs
            : AttributionRule.SourcelessStance;
    }

    /// <summary>"known as", "known for", "seen as" (<see cref="AttributionRule.KnownOrSeenAs"/>, when on).</summary>
    private bool KnownOrSeenAsCue(string text, string word, Scanned next)
    {
        if (Off(AttributionRule.KnownOrSeenAs)) return false;
        if (word.Equals("known", StringComparison.OrdinalIgnoreCase)) return next.Is(text, "as") || next.Is(text, "for");
        return word.Equals("seen", StringComparison.OrdinalIgnoreCase) && next.Is(text, "as");
    }

    /// <summary>
    /// <paramref name="complement"/> cut before a closing parenthesis that nothing after <paramref name="cueStart"/> opened (the
    /// cue stands inside the parentheses); null when nothing is left.
    /// </summary>
    private static TextSpan? BeforeClosingParenthesis(string text, int cueStart, TextSpan complement)
    {
        var depth = 0;
        for (var i = cueStart; i < complement.End; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && depth-- == 0)
            {
                var end = i;
                while (end > complement.Start && char.IsWhiteSpace(text[end - 1])) end--;
                return end > complement.Start ? TextSpan.FromBounds(complement.Start, end) : null;
            }
        }
        return complement;
    }

    /// <summary>The first word of the cue's verb group: its auxiliaries and adverbs ("is widely expected", "has seemed").</summary>
    private int StanceCueStart(string text, List<Scanned> tokens, int c)
    {
        var k = c;
        while (k > 0 && tokens[k - 1].Kind == ScanKind.Word && !tokens[k - 1].IsCapitalized(text) &&
               (_lexicon.SubjectSkip.Contains(tokens[k - 1].Of(text).ToString()) || IsMannerAdverb(text, tokens[k - 1])))
        {
            k--;
        }
        return k;
    }
}
