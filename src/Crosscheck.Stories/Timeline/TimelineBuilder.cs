using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Timeline;

/// <summary>
/// Dated events: each resolved time expression with the sentence it dates. Sentences from several
/// articles with the same date and largely the same words are one event listing all its articles.
/// Events are ordered by date; an unknown year ("XXXX") sorts after known ones.
/// </summary>
internal sealed partial class TimelineBuilder(DossierBuilderOptions options)
{
    public IReadOnlyList<TimelineEntry> Build(IReadOnlyList<DocumentView> documents)
    {
        var events = new List<Event>();
        foreach (var view in documents)
        {
            foreach (var time in view.Document.TimeExpressions)
            {
                if (!view.IsInBounds(time.Span) || time.Confidence < options.MinTimeConfidence) continue;
                if (string.IsNullOrEmpty(time.Value) || !IsoDate().IsMatch(time.Value)) continue;
                var text = Folding.Clean(view.TextOf(view.SentenceAt(time.Span.Start)), options.MaxEventLength);
                if (text.Length == 0) continue;
                var words = ContentWords(text, view.TextOf(time.Span));
                var anchors = Anchors(view.Text, time.Span);
                var same = events.FirstOrDefault(e => e.Date == time.Value && SameEvent(e, words, anchors));
                if (same is null) events.Add(new Event(time.Value, text, words, anchors, [view]));
                else
                {
                    // An event gathers the words of every account of it, so a later account can match any of them.
                    same.Words.UnionWith(words);
                    same.Anchors.UnionWith(anchors);
                    if (!same.Articles.Contains(view)) same.Articles.Add(view);
                }
            }
        }
        return events
            .Select((e, i) => (Event: e, Order: i))
            .OrderBy(x => x.Event.Date, StringComparer.Ordinal)
            .ThenBy(x => x.Order)
            .Select(x => new TimelineEntry(x.Event.Date, x.Event.Text, x.Event.Articles.OrderBy(v => v.Index).Select(v => v.Id).ToList()))
            .ToList();
    }

    private bool SameEvent(Event known, HashSet<string> words, HashSet<string> anchors)
    {
        var overlap = Folding.Containment(known.Words, words);
        return overlap >= options.SameEventOverlap || (overlap >= options.AnchoredEventOverlap && known.Anchors.Overlaps(anchors));
    }

    /// <summary>The nearest content word on each side of the date: what the date is the date of.</summary>
    private static HashSet<string> Anchors(string text, TextSpan date)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var before = Folding.Words(text[Math.Max(0, date.Start - 80)..date.Start]);
        for (var i = before.Count - 1; i >= 0 && i >= before.Count - 3; i--)
        {
            if (IsContent(before[i]))
            {
                anchors.Add(before[i]);
                break;
            }
        }
        foreach (var word in Folding.Words(text[date.End..Math.Min(text.Length, date.End + 80)], 3))
        {
            if (IsContent(word))
            {
                anchors.Add(word);
                break;
            }
        }
        return anchors;
    }

    private static bool IsContent(string word) => word.Length >= 4 && !word.All(char.IsAsciiDigit) && !FunctionWords.Contains(word);

    /// <summary>
    /// The words that say what happened: the date's own words and short function words ("on", "the")
    /// are shared by any two sentences about one day, so they are left out of the comparison.
    /// </summary>
    private static HashSet<string> ContentWords(string sentence, string date)
    {
        var words = Folding.Words(sentence, 200).Where(IsContent).ToHashSet(StringComparer.Ordinal);
        words.ExceptWith(Folding.Words(date, 20));
        return words;
    }

    [GeneratedRegex(@"^(\d{4}|XXXX)(-(\d{2}|W\d{2})(-\d{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoDate();

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words-long.txt", LexiconCase.Lower);

    private sealed record Event(string Date, string Text, HashSet<string> Words, HashSet<string> Anchors, List<DocumentView> Articles);
}
