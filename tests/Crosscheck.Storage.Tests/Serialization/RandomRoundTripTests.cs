using Crosscheck.Storage.Sqlite;
using Crosscheck.Storage.Tests.Sqlite;
using CsCheck;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Tests.Serialization;

public sealed class RandomRoundTripTests
{
    [Fact]
    public void Any_document_survives_the_serializer_exactly()
    {
        RandomDocuments.WithNul.Sample(document =>
            AssertSame(document, DocumentSerializer.Deserialize(DocumentSerializer.Serialize(document))), iter: 2_000);
    }

    [Fact]
    public void Any_document_survives_the_sqlite_store_exactly()
    {
        using var database = new TempDatabase();
        using var store = SqliteStore.Open(database.Path);
        RandomDocuments.WithoutNul.Sample(document =>
        {
            store.SaveDocument(document);
            AssertSame(document, store.GetDocument(document.Id)!);
        }, iter: 300, threads: 1);
    }
}
