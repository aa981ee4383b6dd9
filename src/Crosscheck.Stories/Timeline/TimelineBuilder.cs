using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Timeline;

/// <summary>
/// Dated events: each resolved time expression with the sentence it dates. Sentences from several
/// articles with the same date and largely the same words are one event listing all its articles.
/// Events are ordered by date. A month or day without a year takes the year the story's dates imply
/// (<see cref="WithInferredYear"/>, and the entry says so); without any story date the year stays unknown
/// ("XXXX"), sorting after known ones.
/// </summary>
internal sealed partial class TimelineBuilder(DossierBuilderOptions options)
{
    public IReadOnlyList<TimelineEntry> Build(IReadOnlyList<DocumentView> documents)
    {
        var storyDate = StoryDate(documents);
        var events = new List<Event>();
        foreach (var view in documents)
        {
            foreach (var time in view.Document.TimeExpressions)
            {
                if (!view.IsInBounds(time.Span) || time.Confidence < options.MinTimeConfidence) continue;
                if (string.IsNullOrEmpty(time.Value) || !IsoDate().IsMatch(time.Value)) continue;
                var text = Folding.Clean(view.TextOf(view.SentenceAt(time.Span.Start)), options.MaxEventLength);
                if (text.Length == 0) continue;
                var (date, note) = storyDate is { } reference && WithInferredYear(time.Value, reference) is { } completed
                    ? (completed, InferredYearNote)
                    : (time.Value, null);
                var words = ContentWords(text, view.TextOf(time.Span));
                var anchors = Anchors(view.Text, time.Span);
                var same = events.FirstOrDefault(e => e.Date == date && SameEvent(e, words, anchors));
                if (same is null) events.Add(new Event(date, text, words, anchors, [view], note));
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
            .Select(x => new TimelineEntry(x.Event.Date, x.Event.Text, x.Event.Articles.OrderBy(v => v.Index).Select(v => v.Id).ToList(), x.Event.Note))
            .ToList();
    }

    public const string InferredYearNote = "year inferred from the story's dates";

    /// <summary>
    /// The date a story's dates imply: its latest publication date, or, when no article is dated, its latest event
    /// with a known year. Null when the story has neither.
    /// </summary>
    public static DateOnly? StoryDate(IReadOnlyList<DocumentView> documents)
    {
        var published = documents.Select(v => v.Article.Published?.Value).OfType<DateTimeOffset>().ToList();
        if (published.Count > 0) return DateOnly.FromDateTime(published.Max().UtcDateTime);
        DateOnly? latest = null;
        foreach (var view in documents)
        {
            foreach (var time in view.Document.TimeExpressions)
            {
                if (FullDate(time.Value) is { } date && (latest is null || date > latest)) latest = date;
            }
        }
        return latest;
    }

    /// <summary>
    /// A month or day with an unknown year ("XXXX-09-01") completed with the year that puts it nearest the story's
    /// date, one year either side: "on September 1" in a story of late September 2021 is 2021-09-01, "by January" 2022-01.
    /// Null for any other value.
    /// </summary>
    public static string? WithInferredYear(string value, DateOnly storyDate)
    {
        if (!value.StartsWith("XXXX-", StringComparison.Ordinal) || value.Length < 7 ||
            !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return null;
        }
        var day = 1;
        if (value.Length == 10 && (!int.TryParse(value.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day) || day < 1)) return null;
        if (value.Length is not (7 or 10)) return null;
        int? best = null;
        var bestDistance = int.MaxValue;
        for (var year = storyDate.Year - 1; year <= storyDate.Year + 1; year++)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            // A month alone stands for its middle, so "in June" is as near as June is as a whole.
            var date = new DateOnly(year, month, value.Length == 7 ? 15 : day);
            var distance = Math.Abs(date.DayNumber - storyDate.DayNumber);
            if (distance < bestDistance)
            {
                best = year;
                bestDistance = distance;
            }
        }
        return best is { } found ? found.ToString("D4", CultureInfo.InvariantCulture) + value[4..] : null;
    }

    /// <summary>
    /// For each article with no publication date, the dates its dated articles put it between: not before the story's
    /// first dated article nor the latest event the article itself reports up to the story's last dated article (a later
    /// one may be a plan: "elections in February"), not after that last dated article. None when no article is dated.
    /// </summary>
    public static IReadOnlyList<ArticleDateRange> UndatedArticles(IReadOnlyList<DocumentView> documents)
    {
        var published = documents.Select(v => v.Article.Published?.Value).OfType<DateTimeOffset>().Select(d => DateOnly.FromDateTime(d.UtcDateTime)).ToList();
        if (published.Count == 0) return [];
        var first = published.Min();
        var last = published.Max();
        var ranges = new List<ArticleDateRange>();
        foreach (var view in documents)
        {
            if (view.Article.Published is not null) continue;
            var from = first;
            foreach (var time in view.Document.TimeExpressions)
            {
                var value = WithInferredYear(time.Value, last) ?? time.Value;
                if (FullDate(value) is { } date && date > from && date <= last) from = date;
            }
            var basis = from > first ? "between the latest event it reports and the story's last dated article" : "between the story's first and last dated articles";
            ranges.Add(new ArticleDateRange(view.Id, Iso(from), Iso(last), basis));
        }
        return ranges;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A value with a known year and month ("2021-09", "2021-09-01") as its first day; null for anything else.</summary>
    private static DateOnly? FullDate(string? value)
    {
        if (value is null || value.Length is not (7 or 10) || value.StartsWith("XXXX", StringComparison.Ordinal)) return null;
        var format = value.Length == 7 ? "yyyy-MM" : "yyyy-MM-dd";
        return DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
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

    // No match timeout: anchored and without nested quantifiers, the match is linear in a time value's few characters, and a
    // timeout (a clock) could drop a date from the timeline on a loaded machine only.
    [GeneratedRegex(@"^(\d{4}|XXXX)(-(\d{2}|W\d{2})(-\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    private static readonly FrozenSet<string> FunctionWords = Lexicon.Set(Lexicon.Shared, "WordLists/function-words-long.txt", LexiconCase.Lower);

    private sealed record Event(string Date, string Text, HashSet<string> Words, HashSet<string> Anchors, List<DocumentView> Articles, string? Note);
}
