using System.Collections.Immutable;
using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>
/// An immutable, validated sequence of document stages. Built by <see cref="DocumentPipelineBuilder"/>,
/// which guarantees every stage's required layers are assigned by an earlier stage.
/// </summary>
public sealed class DocumentPipeline
{
    internal DocumentPipeline(ImmutableArray<IDocumentStage> stages)
    {
        Stages = stages;
    }

    public ImmutableArray<IDocumentStage> Stages { get; }

    /// <summary>
    /// Runs every stage in order. A stage that throws is recorded as a diagnostic and the
    /// stages that depend on its layers are skipped, so one bad document never stops a batch.
    /// </summary>
    public Document Run(Document document)
    {
        foreach (var stage in Stages)
        {
            var missing = stage.Requires.Where(layer => !document.Has(layer)).ToList();
            if (missing.Count > 0)
            {
                document.Diagnostics.Add(new Diagnostic(stage.Name, DiagnosticSeverity.Warning,
                    $"skipped: layer(s) {string.Join(", ", missing)} missing after an earlier failure"));
                continue;
            }
            try
            {
                stage.Process(document);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                document.Diagnostics.Add(new Diagnostic(stage.Name, DiagnosticSeverity.Error, $"failed: {ex.GetType().Name}: {ex.Message}"));
            }
        }
        return document;
    }
}

/// <summary>
/// Collects stages in the order they run (Markdig-style <c>Use(...)</c>) and builds an
/// immutable pipeline, refusing one where a stage needs a layer nothing before it assigns.
/// </summary>
public sealed class DocumentPipelineBuilder
{
    private readonly List<IDocumentStage> _stages = [];

    public DocumentPipelineBuilder Use(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    public DocumentPipeline Build()
    {
        var assigned = new HashSet<Layer>();
        foreach (var stage in _stages)
        {
            var missing = stage.Requires.Where(layer => !assigned.Contains(layer)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Stage '{stage.Name}' requires layer(s) {string.Join(", ", missing)}, which no earlier stage assigns. " +
                    "Add a stage that assigns them before it, or remove it.");
            }
            assigned.UnionWith(stage.Assigns);
        }
        return new DocumentPipeline([.. _stages]);
    }
}
