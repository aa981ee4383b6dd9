using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Timeline;

/// <summary>Thresholds of the timeline; defaults documented here.</summary>
public sealed record TimelineOptions
{
    /// <summary>Time expressions the annotator is less sure of than this are left out. Default 0.5.</summary>
    public float MinConfidence { get; init; } = 0.5f;

    /// <summary>Word overlap (share of the shorter sentence) above which two same-dated sentences are one event. Default 0.5.</summary>
    public double SameEventOverlap { get; init; } = 0.5;

    /// <summary>Longest event text kept, in characters. Default 500.</summary>
    public int MaxTextLength { get; init; } = 500;
}

/// <summary>
/// Dated events: each resolved time expression with the sentence it dates. Sentences from several
/// articles with the same date and largely the same words are one event listing all its articles.
/// Events are ordered by date; an unknown year ("XXXX") sorts after known ones.
/// </summary>
internal sealed partial class TimelineBuilder(TimelineOptions options)
{
    public IReadOnlyList<TimelineEntry> Build(IReadOnlyList<DocumentView> documents)
    {
        var events = new List<Event>();
        foreach (var view in documents)
        {
            foreach (var time in view.Document.TimeExpressions)
            {
                if (!view.IsInBounds(time.Span) || time.Confidence < options.MinConfidence) continue;
                if (string.IsNullOrEmpty(time.Value) || !IsoDate().IsMatch(time.Value)) continue;
                var text = Folding.Clean(view.TextOf(view.SentenceAt(time.Span.Start)), options.MaxTextLength);
                if (text.Length == 0) continue;
                var words = ContentWords(text, view.TextOf(time.Span));
                var same = events.FirstOrDefault(e => e.Date == time.Value && Folding.Containment(e.Words, words) >= options.SameEventOverlap);
                if (same is null) events.Add(new Event(time.Value, text, words, [view]));
                else if (!same.Articles.Contains(view)) same.Articles.Add(view);
            }
        }
        return events
            .Select((e, i) => (Event: e, Order: i))
            .OrderBy(x => x.Event.Date, StringComparer.Ordinal)
            .ThenBy(x => x.Order)
            .Select(x => new TimelineEntry(x.Event.Date, x.Event.Text, x.Event.Articles.OrderBy(v => v.Index).Select(v => v.Id).ToList()))
            .ToList();
    }

    /// <summary>
    /// The words that say what happened: the date's own words and short function words ("on", "the")
    /// are shared by any two sentences about one day, so they are left out of the comparison.
    /// </summary>
    private static HashSet<string> ContentWords(string sentence, string date)
    {
        var words = Folding.Words(sentence, 200).Where(w => w.Length >= 4 && !w.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
        words.ExceptWith(Folding.Words(date, 20));
        return words;
    }

    [GeneratedRegex(@"^(\d{4}|XXXX)(-(\d{2}|W\d{2})(-\d{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IsoDate();

    private sealed record Event(string Date, string Text, HashSet<string> Words, List<DocumentView> Articles);
}
