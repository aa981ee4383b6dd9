using Crosscheck.Annotation.Words;
using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Quotes;

/// <summary>
/// A cue inside a relative clause set off by commas reports no further than the comma that closes the clause
/// (<see cref="AttributionRule.RelativeClauseEnd"/>): in "Doe, who has backed the harbour plan, said on Monday that ..." what Doe
/// backed is "the harbour plan", and "said ..." is the sentence's own attribution.
/// </summary>
public sealed partial class QuoteRecognizer
{
    /// <summary>
    /// Where the content of the cue at <paramref name="c"/> ends when the cue opens a relative clause set off by a comma (", who has
    /// backed ...", ", which announced ..."): the comma closing that clause, when the main clause's verb follows it (a cue, an
    /// auxiliary or a word in "-ed", after adverbs); null when the cue is not in such a clause or no such comma lies inside
    /// <paramref name="content"/>.
    /// </summary>
    private int? RelativeClauseEnd(string text, List<Scanned> tokens, int c, int cueEnd, TextSpan content)
    {
        if (Off(AttributionRule.RelativeClauseEnd)) return null;
        var r = c - 1;
        while (r > 0 && tokens[r].Kind == ScanKind.Word && (_lexicon.SubjectSkip.Contains(tokens[r].Of(text).ToString()) || IsMannerAdverb(text, tokens[r]))) r--;
        if (r < 1 || !(tokens[r].Is(text, "who") || tokens[r].Is(text, "which")) || tokens[r - 1].Of(text) is not ",") return null;
        for (var j = cueEnd; j + 1 < tokens.Count && tokens[j].End < content.End; j++)
        {
            var comma = tokens[j].Of(text) is "," ? j : CommaBeforeClosingMark(text, tokens, j);
            if (comma < 0 || (comma == j && QuoteMarksBetween(text, tokens[c].Start, tokens[j].Start) % 2 == 1)) continue;
            var verb = AfterClosingMark(text, tokens, j + 1);
            while (verb < tokens.Count && tokens[verb].Kind == ScanKind.Word && !tokens[verb].IsCapitalized(text) &&
                   (IsMannerAdverb(text, tokens[verb]) || tokens[verb].Is(text, "also") || tokens[verb].Is(text, "later") || tokens[verb].Is(text, "now")))
            {
                verb++;
            }
            if (verb < tokens.Count && OpensMainVerb(text, tokens[verb])) return tokens[comma - 1].End;
        }
        return null;
    }

    /// <summary>Whether a word can be the main clause's verb after a relative clause: a listed cue, an auxiliary or a lowercase word in "-ed".</summary>
    private bool OpensMainVerb(string text, Scanned token)
    {
        if (token.Kind != ScanKind.Word || token.IsCapitalized(text)) return false;
        var word = token.Of(text);
        return _lexicon.CueFirstLookup.Contains(word) || _lexicon.Auxiliaries.Contains(word.ToString()) ||
               word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal);
    }
}
