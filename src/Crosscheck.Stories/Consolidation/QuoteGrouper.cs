using Crosscheck.Core.Model;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Stories.Consolidation;

/// <summary>
/// Quotes by speaker: the speaker mention resolved to its story entity, else the description the
/// article gives ("a diplomatic source"). The same words carried by several articles — copied, or
/// translated with small differences — become one quote listing all its articles.
/// </summary>
internal sealed class QuoteGrouper(DossierBuilderOptions options)
{
    public IReadOnlyList<DossierQuote> Group(IReadOnlyList<DocumentView> documents, ResolvedEntities entities, StatementLinks? statements = null)
    {
        statements ??= StatementLinks.None;
        var groups = new List<QuoteGroup>();
        foreach (var view in documents)
        {
            foreach (var quote in view.Document.Quotes)
            {
                if (!view.IsInBounds(quote.Span) || quote.Span.Length == 0) continue;
                var text = Folding.Clean(Folding.WithoutEnclosingQuoteMarks(view.TextOf(quote.Span)), options.MaxQuoteLength);
                var words = Folding.Words(text, 400);
                if (words.Count < options.MinQuoteWords) continue;
                var (speaker, entity) = Speaker(view, quote, entities);
                var wordSet = words.ToHashSet(StringComparer.Ordinal);
                var match = groups.FirstOrDefault(g => g.Matches(entity, speaker, wordSet, options));
                var statementId = statements.At(view, quote.Span);
                if (match is null) groups.Add(new QuoteGroup(speaker, entity, text, view, wordSet) { StatementId = statementId });
                else match.Add(view, speaker, entity, statementId);
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
                StatementId = x.Group.StatementId,
            })
            .ToList();
    }

    /// <summary>
    /// The speaker's entity: the resolved speaker mention; else a mention covering the speaker span;
    /// else the one entity of this article the speaker text names (a variant, or a person's surname:
    /// "King" after "Jane King" was introduced); else the speaker as the article describes it.
    /// </summary>
    private static (string Speaker, DossierEntity? Entity) Speaker(DocumentView view, Quote quote, ResolvedEntities entities)
    {
        if (quote.SpeakerMention is { } m && m >= 0 && m < view.Mentions.Length && entities.Of(view.Index, m) is { } entity)
        {
            return (entity.Name, entity);
        }
        var span = quote.SpeakerSpan is { } s && view.IsInBounds(s) && s.Length > 0 ? s : (TextSpan?)null;
        if (span is { } speakerSpan)
        {
            for (var i = 0; i < view.Mentions.Length; i++)
            {
                // The mention must be most of what names the speaker: "US officials" is not the United States speaking.
                var mentionSpan = view.Mentions[i].Span;
                if (view.ValidMention[i] && mentionSpan.Overlaps(speakerSpan) && mentionSpan.Length * 2 >= speakerSpan.Length
                    && entities.Of(view.Index, i) is { } covering)
                {
                    return (covering.Name, covering);
                }
            }
        }
        var text = !string.IsNullOrWhiteSpace(quote.SpeakerDescription) ? Folding.Clean(quote.SpeakerDescription, 200)
            : span is { } written ? Folding.Clean(view.TextOf(written), 200)
            : null;
        if (text is null) return ("unknown speaker", null);
        return NamedInArticle(view, text, entities) is { } named ? (named.Name, named) : (text, null);
    }

    private static DossierEntity? NamedInArticle(DocumentView view, string text, ResolvedEntities entities)
    {
        var key = Folding.Key(text);
        if (key.Length == 0) return null;
        DossierEntity? found = null;
        for (var i = 0; i < view.Mentions.Length; i++)
        {
            if (entities.Of(view.Index, i) is not { } candidate || candidate == found) continue;
            var names = candidate.Variants.Append(candidate.Name);
            var matches = names.Any(n => Folding.Key(n) == key)
                || (candidate.Type == EntityType.Person && !text.Contains(' ') && Folding.Key(candidate.Name.Split(' ')[^1]) == key);
            if (!matches) continue;
            if (found is not null) return null;
            found = candidate;
        }
        return found;
    }

    private sealed class QuoteGroup(string speaker, DossierEntity? entity, string text, DocumentView first, HashSet<string> words)
    {
        public string Speaker { get; private set; } = speaker;

        public DossierEntity? Entity { get; private set; } = entity;

        public string Text { get; } = text;

        public List<DocumentView> Articles { get; } = [first];

        /// <summary>The statement the first of its occurrences lying in a statement's wording belongs to.</summary>
        public string? StatementId { get; set; }

        public string SpeakerKey => Entity?.Id ?? Folding.Key(Speaker);

        public bool Matches(DossierEntity? entity, string speaker, HashSet<string> other, DossierBuilderOptions options)
        {
            var sameSpeaker = entity is not null && Entity is not null ? entity.Id == Entity.Id : Folding.Key(speaker) == Folding.Key(Speaker);
            var eitherUnknown = entity is null || Entity is null;
            var needed = sameSpeaker ? options.SameSpeakerOverlap : eitherUnknown ? options.UnknownSpeakerOverlap : double.PositiveInfinity;
            return Folding.Containment(words, other) >= needed;
        }

        public void Add(DocumentView view, string speaker, DossierEntity? entity, string? statementId)
        {
            if (!Articles.Contains(view)) Articles.Add(view);
            StatementId ??= statementId;
            if (Entity is null && entity is not null)
            {
                Entity = entity;
                Speaker = speaker;
            }
        }
    }
}
