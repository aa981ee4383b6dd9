using Crosscheck.Storage.Tests.Serialization;
using CsCheck;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Sqlite.Tests;

public sealed class SqliteRandomRoundTripTests
{
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
