using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Entities;
using Crosscheck.Stories.Provenance;

namespace Crosscheck.Stories.Statements;

/// <summary>
/// The statement stage of a dossier on its own, for measuring it: what it reads (the story's documents, their
/// resolved entities and origins) is prepared once by the constructor, and <see cref="Build"/> runs only the
/// statements, as <see cref="DossierBuilder"/> does inside a dossier.
/// </summary>
public sealed class StatementStage
{
    private readonly List<DocumentView> _views;
    private readonly ResolvedEntities _entities;
    private readonly OriginResolver _origins;
    private readonly StatementBuilder _builder;

    public StatementStage(IReadOnlyList<Document> documents, DossierBuilderOptions? options = null, StatementOptions? statements = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= DossierBuilderOptions.Default;
        _views = documents.Select((d, i) => new DocumentView(d, i)).ToList();
        _entities = new EntityResolver(options).Resolve(_views);
        _origins = new OriginResolver(_views, options, null);
        _builder = new StatementBuilder(statements ?? options?.Statements ?? StatementOptions.Default);
    }

    public IReadOnlyList<DossierStatement> Build() => _builder.Build(_views, _entities, _origins);

    /// <summary>The statements with the event mention behind each article's wording, for checking them against a corpus's events.</summary>
    public IReadOnlyList<(DossierStatement Statement, IReadOnlyList<WordedMention> Mentions)> BuildWithMentions() =>
        _builder.Ranked(_views, _entities, _origins)
            .Select(x => (x.Statement, (IReadOnlyList<WordedMention>)x.Wordings.Select(Worded).ToList()))
            .ToList();

    private static WordedMention Worded(StatementBuilder.Report report) => new(
        report.View.Id, report.Mention.Span,
        [.. report.Arguments.Entities.Select(e => "entity:" + e.Name), .. report.Arguments.Times.Select(t => "date:" + t),
         .. report.Arguments.Numbers.Select(n => FormattableString.Invariant($"number:{n.Kind}:{n.Value}"))],
        [.. report.Named.Select(e => e.Name)]);
}

/// <summary>The event mention behind one article's wording of a statement.</summary>
/// <param name="Document">The article's id.</param>
/// <param name="Span">The mention's span.</param>
/// <param name="Arguments">What its clause names ("entity:NAME", "date:VALUE", "number:KIND:VALUE").</param>
/// <param name="Named">The entities its sentence names.</param>
public sealed record WordedMention(string Document, TextSpan Span, IReadOnlyList<string> Arguments, IReadOnlyList<string> Named);
