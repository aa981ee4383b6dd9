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

    /// <summary>
    /// Derives what the clusterer needs from the document alone (its feature vectors, its text's fingerprint), so a caller
    /// can prepare many documents in parallel ahead of the one-by-one <see cref="Assign(PreparedDocument)"/>: nothing here
    /// depends on the order of placement or on the stories. Safe to call from several threads, also while assigning.
    /// </summary>
    PreparedDocument Prepare(Document document) => new(document);

    /// <summary>Assigns a document <see cref="Prepare"/>d by this clusterer, exactly as <see cref="Assign(Document)"/> would, and returns its story id.</summary>
    string Assign(PreparedDocument prepared) => Assign((prepared ?? throw new ArgumentNullException(nameof(prepared))).Document);

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

/// <summary>A document with what a clusterer derived from it alone (see <see cref="IStoryClusterer.Prepare"/>); opaque to everyone else.</summary>
public class PreparedDocument(Document document)
{
    public Document Document { get; } = document ?? throw new ArgumentNullException(nameof(document));
}

/// <summary>Builds a story's dossier from its annotated documents: the Consolidate stage.</summary>
public interface IDossierBuilder
{
    Dossier Build(Story story, IReadOnlyList<Document> documents);
}
