using Crosscheck.Core.Model;
using Crosscheck.Stories.Entities;

namespace Crosscheck.Stories.Consolidation;

/// <summary>Thresholds of quote grouping; defaults documented here.</summary>
public sealed record QuoteOptions
{
    /// <summary>Quotes shorter than this many words (scare quotes around a phrase) are not kept. Default 2.</summary>
    public int MinWords { get; init; } = 2;

    /// <summary>Word overlap (share of the shorter quote) above which two quotes of one speaker are one quote. Default 0.6.</summary>
    public double SameSpeakerOverlap { get; init; } = 0.6;

    /// <summary>Overlap needed when one article could not name the speaker. Default 0.85.</summary>
    public double UnknownSpeakerOverlap { get; init; } = 0.85;

    /// <summary>Longest quote text kept, in characters. Default 1,500.</summary>
    public int MaxLength { get; init; } = 1500;
}

/// <summary>
/// Quotes by speaker: the speaker mention resolved to its story entity, else the description the
/// article gives ("a diplomatic source"). The same words carried by several articles — copied, or
/// translated with small differences — become one quote listing all its articles.
/// </summary>
internal sealed class QuoteGrouper(QuoteOptions options)
{
    public IReadOnlyList<DossierQuote> Group(IReadOnlyList<DocumentView> documents, ResolvedEntities entities)
    {
        var groups = new List<QuoteGroup>();
        foreach (var view in documents)
        {
            foreach (var quote in view.Document.Quotes)
            {
                if (!view.IsInBounds(quote.Span) || quote.Span.Length == 0) continue;
                var text = Folding.Clean(view.TextOf(quote.Span), options.MaxLength);
                var words = Folding.Words(text, 400);
                if (words.Count < options.MinWords) continue;
                var (speaker, entity) = Speaker(view, quote, entities);
                var wordSet = words.ToHashSet(StringComparer.Ordinal);
                var match = groups.FirstOrDefault(g => g.Matches(entity, speaker, wordSet, options));
                if (match is null) groups.Add(new QuoteGroup(speaker, entity, text, view, wordSet));
                else match.Add(view, speaker, entity);
            }
        }
        var firstBySpeaker = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++) firstBySpeaker.TryAdd(groups[i].SpeakerKey, i);
        return groups
            .Select((g, i) => (Group: g, Order: i))
            .OrderBy(x => firstBySpeaker[x.Group.SpeakerKey])
            .ThenBy(x => x.Order)
            .Select(x => new DossierQuote
            {
                Speaker = x.Group.Speaker,
                SpeakerEntity = x.Group.Entity?.Id,
                Text = x.Group.Text,
                Article = x.Group.Articles[0].Id,
                Articles = x.Group.Articles.Select(v => v.Id).ToList(),
            })
            .ToList();
    }

    private static (string Speaker, DossierEntity? Entity) Speaker(DocumentView view, Quote quote, ResolvedEntities entities)
    {
        if (quote.SpeakerMention is { } m && m >= 0 && m < view.Mentions.Length && entities.Of(view.Index, m) is { } entity)
        {
            return (entity.Name, entity);
        }
        if (!string.IsNullOrWhiteSpace(quote.SpeakerDescription)) return (Folding.Clean(quote.SpeakerDescription, 200), null);
        if (quote.SpeakerSpan is { } span && view.IsInBounds(span) && span.Length > 0) return (Folding.Clean(view.TextOf(span), 200), null);
        return ("unknown speaker", null);
    }

    private sealed class QuoteGroup(string speaker, DossierEntity? entity, string text, DocumentView first, HashSet<string> words)
    {
        public string Speaker { get; private set; } = speaker;

        public DossierEntity? Entity { get; private set; } = entity;

        public string Text { get; } = text;

        public List<DocumentView> Articles { get; } = [first];

        public string SpeakerKey => Entity?.Id ?? Folding.Key(Speaker);

        public bool Matches(DossierEntity? entity, string speaker, HashSet<string> other, QuoteOptions options)
        {
            var sameSpeaker = entity is not null && Entity is not null ? entity.Id == Entity.Id : Folding.Key(speaker) == Folding.Key(Speaker);
            var eitherUnknown = entity is null || Entity is null;
            var needed = sameSpeaker ? options.SameSpeakerOverlap : eitherUnknown ? options.UnknownSpeakerOverlap : double.PositiveInfinity;
            return Folding.Containment(words, other) >= needed;
        }

        public void Add(DocumentView view, string speaker, DossierEntity? entity)
        {
            if (!Articles.Contains(view)) Articles.Add(view);
            if (Entity is null && entity is not null)
            {
                Entity = entity;
                Speaker = speaker;
            }
        }
    }
}
