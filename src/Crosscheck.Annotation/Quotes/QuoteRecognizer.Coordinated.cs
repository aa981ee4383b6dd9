using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// A content that runs into a second verb of saying joined by "and" or "but" stops before the conjunction
/// (<see cref="AttributionRule.CoordinatedSayingEnd"/>): in "Doe praised the pilots, but she said the quota is too small" what Doe praised is
/// "the pilots", and "she said ..." is an attribution of its own; so too "..., calling it overdue and saying ...". A finite cue right after
/// the conjunction ("and said ...") already ends the content in <c>NextClauseStart</c>; this rule adds the clause with its own subject pronoun
/// and the participle of saying, which <c>NextClauseStart</c> leaves alone because most "and"-joined participles are not speech.
/// </summary>
public sealed partial class QuoteRecognizer
{
    /// <summary>
    /// Where a content that starts after its cue ends when, outside any quoted passage, "and" or "but" (after at most a comma) is followed by
    /// a cue that reports speech ("said", "told", "adding") — right away, after "then", "also" or "later", or after a subject pronoun
    /// ("and he said"); null when no such conjunction lies inside <paramref name="content"/>.
    /// </summary>
    private int? CoordinatedSayingEnd(Work work, List<Scanned> tokens, int cueEnd, TextSpan content)
    {
        if (Off(AttributionRule.CoordinatedSayingEnd)) return null;
        var text = work.Text;
        for (var j = cueEnd + 1; j + 1 < tokens.Count && tokens[j].End <= content.End; j++)
        {
            if (tokens[j].Start < content.Start || !(tokens[j].Is(text, "and") || tokens[j].Is(text, "but")) || work.QuotedAt(tokens[j].Start) >= 0) continue;
            var verb = j + 1;
            if (tokens[verb].Kind == ScanKind.Word && !tokens[verb].IsCapitalized(text) &&
                (tokens[verb].Is(text, "then") || tokens[verb].Is(text, "also") || tokens[verb].Is(text, "later") || Lexicon.Contains(_lexicon.SubjectPronouns, tokens[verb].Of(text))))
            {
                verb++;
            }
            if (verb >= tokens.Count || tokens[verb].Kind != ScanKind.Word || !_lexicon.CueFirstLookup.Contains(tokens[verb].Of(text))) continue;
            if (Phrase.MatchForward(_lexicon.Cues, tokens, verb, text) is not { } cue || !ReportsSpeech(_lexicon.FlagsOf(cue.Phrase))) continue;
            var end = TrimBack(text, tokens, j - 1);
            return end > content.Start ? end : null;
        }
        return null;
    }

    /// <summary>A cue that reports speech rather than a stance or an act: one of the flags only verbs of saying carry ("said", "told", "adding").</summary>
    private static bool ReportsSpeech(CueFlags flags) =>
        (flags & (CueFlags.SpeakerMayFollow | CueFlags.ObjectBeforeContent | CueFlags.Saying)) != 0;
}
