namespace Crosscheck.Core.Model;

/// <summary>A group of articles about one event.</summary>
public sealed record Story
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<string> ArticleIds { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }
}

public enum ClaimStatus
{
    /// <summary>Two or more independent origins agree.</summary>
    Corroborated,

    /// <summary>Several articles, but all trace back to one origin.</summary>
    SingleOrigin,

    /// <summary>Accounts of the same thing disagree.</summary>
    Conflicting,

    /// <summary>Stated by one article only.</summary>
    Unique,
}

/// <summary>A story's sourced dossier; mirrors the dossier JSON contract of docs/JSON.md.</summary>
public sealed record Dossier
{
    public required Story Story { get; init; }

    public required IReadOnlyList<Article> Articles { get; init; }

    public IReadOnlyList<DossierEntity> Entities { get; init; } = [];

    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>What the articles say happened, one event a statement, most independent origins first.</summary>
    public IReadOnlyList<DossierStatement> Statements { get; init; } = [];

    public IReadOnlyList<DossierQuote> Quotes { get; init; } = [];

    public IReadOnlyList<DossierCitation> Citations { get; init; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>The articles with no publication date, each with the dates its story puts it between.</summary>
    public IReadOnlyList<ArticleDateRange> UndatedArticles { get; init; } = [];

    /// <summary>Articles of the story that copy an earlier one of its articles (syndication, light edits), in story order.</summary>
    public IReadOnlyList<DossierCopy> Copies { get; init; } = [];

    /// <summary>The copy link of an article of the story, or null when it copies none of the others.</summary>
    public DossierCopy? CopyOf(string articleId) => Copies.FirstOrDefault(c => c.Article == articleId);

    /// <summary>
    /// Whether the clusterer placed each article as a template page (its text mostly a block, such as a cookie notice, paywall
    /// form or block page, that another page shares under an unrelated headline: placed with no features, so it stands alone),
    /// for the articles whose mark the store keeps; an article absent from it is unknown (placed before the marks were kept).
    /// </summary>
    public IReadOnlyDictionary<string, bool> TemplatePages { get; init; } = new Dictionary<string, bool>();

    /// <summary>Whether the article was placed as a template page (see <see cref="TemplatePages"/>); null when unknown.</summary>
    public bool? IsTemplatePage(string articleId) => TemplatePages.TryGetValue(articleId, out var template) ? template : null;
}

/// <summary>A copy kept in the story (it is evidence of spread) and marked with the earliest article it repeats.</summary>
/// <param name="Article">The copy.</param>
/// <param name="Original">The earliest article whose text it repeats.</param>
/// <param name="Share">Share of the copy's text found in the original (1 = all of it), when known.</param>
public sealed record DossierCopy(string Article, string Original, double? Share);

public sealed record DossierEntity
{
    public required string Id { get; init; }

    /// <summary>Canonical name: the fullest well-formed variant.</summary>
    public required string Name { get; init; }

    public required EntityType Type { get; init; }

    /// <summary>Surface forms as written in the articles, most frequent first.</summary>
    public required IReadOnlyList<string> Variants { get; init; }

    /// <summary>How often each of <see cref="Variants"/> occurs (same order); empty when not counted.</summary>
    public IReadOnlyList<int> VariantCounts { get; init; } = [];

    public required IReadOnlyList<string> Articles { get; init; }

    public required int Mentions { get; init; }

    /// <summary>Entities that may be the same but whose evidence is not strong enough to merge.</summary>
    public IReadOnlyList<PossibleMatch> PossibleMatches { get; init; } = [];
}

public sealed record PossibleMatch(string EntityId, double Confidence, string Reason);

public sealed record NormalizedValue(double Value, string Unit, string? Note = null);

public sealed record Claim
{
    public required string Id { get; init; }

    /// <summary>"count", "money" or "percent".</summary>
    public required string Kind { get; init; }

    /// <summary>A representative sentence stating the claim.</summary>
    public required string Text { get; init; }

    /// <summary>What is counted or paid, e.g. "troops" or "payment per month".</summary>
    public required string Subject { get; init; }

    public required double Value { get; init; }

    public string? Unit { get; init; }

    public NormalizedValue? Normalized { get; init; }

    public required IReadOnlyList<string> Articles { get; init; }

    public required IReadOnlyList<string> Origins { get; init; }

    public required ClaimStatus Status { get; init; }

    /// <summary>Each article's own statement of the claim (value as written, qualifier, origin).</summary>
    public IReadOnlyList<ClaimStatement> Statements { get; init; } = [];
}

/// <summary>
/// An article's own statement of a claim: value as written, qualifier, origin, and the <see cref="DossierStatement"/>
/// (<c>StatementId</c>) whose wording in this article shares the figure's sentence, if any.
/// </summary>
public sealed record ClaimStatement(string Article, string Text, double Value, string? Unit, Qualifier Qualifier, string Origin, string? StatementId = null);

public sealed record DossierQuote
{
    public required string Speaker { get; init; }

    public string? SpeakerEntity { get; init; }

    public required string Text { get; init; }

    public required string Article { get; init; }

    /// <summary>Every article carrying the same quote (the first is <see cref="Article"/>).</summary>
    public IReadOnlyList<string> Articles { get; init; } = [];

    /// <summary>The <see cref="DossierStatement"/> whose wording the quote overlaps in one of its articles, if any.</summary>
    public string? StatementId { get; init; }
}

public sealed record DossierCitation(string Article, IReadOnlyList<string> Cites);

/// <summary>
/// A dated event. <see cref="DateNote"/> says how the date was completed when the text did not give it all
/// ("year inferred from the story's dates": "on September 1" in a story of September 2021).
/// </summary>
public sealed record TimelineEntry(string Date, string Text, IReadOnlyList<string> Articles, string? DateNote = null);

/// <summary>
/// When an article with no publication date of its own was published, as far as its story tells: not before
/// <see cref="From"/>, not after <see cref="To"/>, for the reason <see cref="Basis"/> gives (ISO dates).
/// </summary>
public sealed record ArticleDateRange(string Article, string From, string To, string Basis);

/// <summary>How far a statement is borne out.</summary>
public enum StatementStatus
{
    /// <summary>Two or more independent origins report it.</summary>
    Corroborated,

    /// <summary>Reported, but every report traces back to one origin.</summary>
    SingleOrigin,

    /// <summary>Denied or said not to have happened in at least one article.</summary>
    Contested,
}

/// <summary>
/// One event as the story's articles report it: a representative sentence, each article's wording, the
/// origins behind the reports (citations and copies resolved as for claims), who reported it first and its status.
/// </summary>
public sealed record DossierStatement
{
    public required string Id { get; init; }

    /// <summary>The predicate the event is grouped by ("acquire" also stands for bought, takeover, purchase).</summary>
    public required string Predicate { get; init; }

    /// <summary>A representative sentence: the first article's wording.</summary>
    public required string Text { get; init; }

    /// <summary>The named participants (the story's entity names) the reports share.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    public required IReadOnlyList<string> Articles { get; init; }

    /// <summary>The independent origins behind the reports that assert it, most reports first.</summary>
    public required IReadOnlyList<string> Origins { get; init; }

    public required StatementStatus Status { get; init; }

    /// <summary>The article that reported it first (earliest publication date; story order among undated ones).</summary>
    public required string FirstArticle { get; init; }

    /// <summary>The outlet of <see cref="FirstArticle"/>.</summary>
    public required string FirstOutlet { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>Each article's wording, in story order.</summary>
    public required IReadOnlyList<StatementWording> Wordings { get; init; }

    /// <summary>
    /// Articles that word the same event alike but whose reports name nothing in common with this statement's (no
    /// entity, date or number, no shared nearby words): they may tell another happening, so they count toward neither
    /// <see cref="Articles"/> nor <see cref="Origins"/> nor the status.
    /// </summary>
    public IReadOnlyList<StatementWording> Similar { get; init; } = [];
}

/// <summary>An article's sentence reporting a statement, the origin behind it, and whether it asserts, denies or only expects it.</summary>
public sealed record StatementWording(string Article, string Text, string Origin, string Polarity);
