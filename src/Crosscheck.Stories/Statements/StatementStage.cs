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
        _builder = new StatementBuilder(statements ?? StatementOptions.Default);
    }

    public IReadOnlyList<DossierStatement> Build() => _builder.Build(_views, _entities, _origins);
}
