using Crosscheck.Core.Model;

namespace Crosscheck.Core.Pipeline;

/// <summary>
/// Online story assignment: each annotated document, in arrival order, joins an existing
/// story or opens a new one. Implementations keep their index in memory; it can be rebuilt
/// by replaying stored documents in the same order, which yields the same stories.
/// </summary>
public interface IStoryClusterer
{
    /// <summary>Assigns the document and returns its story id.</summary>
    string Assign(Document document);

    /// <summary>The current stories with their articles, titles and first/last seen times.</summary>
    IReadOnlyList<Story> Stories { get; }

    /// <summary>Story ids that were merged into another, mapped to the story that absorbed them.</summary>
    IReadOnlyDictionary<string, string> Redirects { get; }

    /// <summary>
    /// Called when no more documents are coming for now (the end of a batch or replay): work the
    /// clusterer had deferred until more arrivals (re-checking young stories) is done at once.
    /// </summary>
    void Settle();
}

/// <summary>Builds a story's dossier from its annotated documents: the Consolidate stage.</summary>
public interface IDossierBuilder
{
    Dossier Build(Story story, IReadOnlyList<Document> documents);
}
