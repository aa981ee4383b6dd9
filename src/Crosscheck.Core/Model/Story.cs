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

    public IReadOnlyList<DossierQuote> Quotes { get; init; } = [];

    public IReadOnlyList<DossierCitation> Citations { get; init; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>The articles with no publication date, each with the dates its story puts it between.</summary>
    public IReadOnlyList<ArticleDateRange> UndatedArticles { get; init; } = [];

    /// <summary>Articles of the story that copy an earlier one of its articles (syndication, light edits), in story order.</summary>
    public IReadOnlyList<DossierCopy> Copies { get; init; } = [];

    /// <summary>The copy link of an article of the story, or null when it copies none of the others.</summary>
    public DossierCopy? CopyOf(string articleId) => Copies.FirstOrDefault(c => c.Article == articleId);
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

    /// <summary>What is counted or paid, e.g. "mercenaries" or "payment per month".</summary>
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

public sealed record ClaimStatement(string Article, string Text, double Value, string? Unit, Qualifier Qualifier, string Origin);

public sealed record DossierQuote
{
    public required string Speaker { get; init; }

    public string? SpeakerEntity { get; init; }

    public required string Text { get; init; }

    public required string Article { get; init; }

    /// <summary>Every article carrying the same quote (the first is <see cref="Article"/>).</summary>
    public IReadOnlyList<string> Articles { get; init; } = [];
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
