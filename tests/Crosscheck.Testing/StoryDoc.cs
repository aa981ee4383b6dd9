using Crosscheck.Core.Model;

namespace Crosscheck.Testing;

/// <summary>
/// Builds an annotated document by hand for consolidation tests: layers are set the way the
/// annotation stages would, by naming the text each annotation covers.
/// </summary>
public sealed class StoryDoc
{
    private readonly Document _document;
    private readonly List<Mention> _mentions = [];
    private readonly List<Quantity> _quantities = [];
    private readonly List<TimeExpression> _times = [];
    private readonly List<(Quote Quote, string? SpeakerText)> _quotes = [];
    private readonly List<Citation> _citations = [];

    private StoryDoc(Document document) => _document = document;

    public static StoryDoc Of(string body, string id, string? outlet = null, DateTimeOffset? published = null, string? title = null) =>
        new(Docs.Of(body, id, outlet, published ?? new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), title));

    /// <summary>No publication date (the default is 2024-03-05).</summary>
    public StoryDoc Undated()
    {
        _document.Article.Published = null;
        return this;
    }

    /// <summary>Every occurrence of the text as a mention of the given type.</summary>
    public StoryDoc Mention(string text, EntityType type, string? role = null)
    {
        var from = 0;
        int index;
        var found = false;
        while ((index = _document.Text.IndexOf(text, from, StringComparison.Ordinal)) >= 0)
        {
            var span = new TextSpan(index, text.Length);
            if (!_mentions.Any(m => m.Span.Overlaps(span))) _mentions.Add(new Mention(span, type, role));
            from = index + text.Length;
            found = true;
        }
        if (!found) throw new ArgumentException($"'{text}' is not in the document text");
        return this;
    }

    public StoryDoc Person(string text, string? role = null) => Mention(text, EntityType.Person, role);

    public StoryDoc Org(string text) => Mention(text, EntityType.Org);

    public StoryDoc Loc(string text) => Mention(text, EntityType.Loc);

    public StoryDoc Count(string text, double value, string head, Qualifier qualifier = Qualifier.None, double? high = null)
    {
        _quantities.Add(new Quantity(_document.Find(text), QuantityKind.Count, value, high, null, qualifier, null, null, head));
        return this;
    }

    public StoryDoc Money(string text, double value, string currency, double usd, string? period = null, Qualifier qualifier = Qualifier.None)
    {
        _quantities.Add(new Quantity(_document.Find(text), QuantityKind.Money, value, null, currency, qualifier, period, null, null,
            new NormalizedValue(usd, "USD")));
        return this;
    }

    public StoryDoc Time(string text, string value, TimeGranularity granularity = TimeGranularity.Day)
    {
        _times.Add(new TimeExpression(_document.Find(text), value, granularity));
        return this;
    }

    /// <summary>A quote whose speaker is the mention with the given text, or a description when no such mention exists.</summary>
    public StoryDoc Quote(string text, string? speaker = null, string? description = null)
    {
        _quotes.Add((new Quote(_document.Find(text), true, "said", null, null, description), speaker));
        return this;
    }

    public StoryDoc Cite(string text, string source, bool isOutlet = true)
    {
        _citations.Add(new Citation(_document.Find(text), source, isOutlet));
        return this;
    }

    public Document Build()
    {
        var text = _document.Text;
        _document.Sentences = SplitSentences(text);
        var mentions = _mentions.OrderBy(m => m.Span).ToArray();
        _document.Mentions = mentions;
        _document.Quantities = _quantities.OrderBy(q => q.Span).ToArray();
        _document.TimeExpressions = _times.OrderBy(t => t.Span).ToArray();
        _document.Citations = _citations.OrderBy(c => c.Span).ToArray();
        _document.Quotes = _quotes.Select(q =>
        {
            if (q.SpeakerText is null) return q.Quote;
            var index = Array.FindIndex(mentions, m => text.Substring(m.Span.Start, m.Span.Length) == q.SpeakerText);
            if (index < 0) throw new ArgumentException($"no mention '{q.SpeakerText}' to speak the quote");
            return q.Quote with { SpeakerMention = index, SpeakerSpan = mentions[index].Span };
        }).OrderBy(q => q.Span).ToArray();
        return _document;
    }

    /// <summary>Sentences end at ". ", "? ", "! " or a line break — enough for hand-written test text.</summary>
    private static Sentence[] SplitSentences(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' ? i : (text[i] is '.' or '?' or '!') && (i + 1 == text.Length || text[i + 1] is ' ' or '\n') ? i + 1 : -1;
            if (end < 0 && i + 1 == text.Length) end = text.Length;
            if (end < 0) continue;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            if (end > start) sentences.Add(new Sentence(TextSpan.FromBounds(start, end)));
            start = end;
        }
        return [.. sentences];
    }
}

/// <summary>A story holding the given documents, in order.</summary>
public static class StoryOf
{
    public static Story Documents(params Document[] documents) => new()
    {
        Id = "story-1",
        Title = "Test story",
        ArticleIds = documents.Select(d => d.Id).ToList(),
    };
}
