using Crosscheck.Core.Model;

namespace Crosscheck.Storage;

/// <summary>
/// A stored document read with its layers still encoded: the article now (to order or filter by), the layers when
/// <see cref="Decode"/> is called. Decoding is most of the cost of reading a document back and touches no store, so a
/// caller can read many documents on its own thread and decode them on others (see <see cref="IStore.AllStoredDocuments"/>).
/// </summary>
public sealed class StoredDocument(Article article, Func<Document> decode)
{
    private readonly Func<Document> _decode = decode ?? throw new ArgumentNullException(nameof(decode));

    public Article Article { get; } = article ?? throw new ArgumentNullException(nameof(article));

    /// <summary>A document already decoded (a store that does not defer decoding hands these out).</summary>
    public static StoredDocument Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new StoredDocument(document.Article, () => document);
    }

    /// <summary>The document with its layers, decoded on the calling thread (afresh at each call: nothing decoded is kept here).</summary>
    public Document Decode() => _decode();
}
