using Crosscheck.Core.Model;

namespace Crosscheck.Storage;

/// <summary>
/// A document with its layers and diagnostics serialised as every store writes them (<see cref="DocumentSerializer"/>): the
/// costly part of saving a document, done ahead on any thread, so that the write itself (<see cref="IStore.SaveDocument(SerializedDocument)"/>,
/// one connection, one thread) only runs its statements. Serialising first also means a bad document leaves nothing half-written.
/// </summary>
public sealed class SerializedDocument
{
    private SerializedDocument(Document document, IReadOnlyList<(string Name, string Payload)> layers, string diagnostics) =>
        (Document, Layers, Diagnostics) = (document, layers, diagnostics);

    public Document Document { get; }

    /// <summary>Each layer the document has, by its stored name, in the order of <see cref="Layer"/>.</summary>
    public IReadOnlyList<(string Name, string Payload)> Layers { get; }

    public string Diagnostics { get; }

    public static SerializedDocument Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layers = document.Layers.Order().Select(layer => (DocumentSerializer.LayerName(layer), DocumentSerializer.SerializeLayer(document, layer))).ToList();
        return new SerializedDocument(document, layers, DocumentSerializer.SerializeDiagnostics(document.Article.Diagnostics));
    }
}
