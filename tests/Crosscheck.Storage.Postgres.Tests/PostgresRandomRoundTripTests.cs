using Crosscheck.Storage.Tests.Serialization;
using CsCheck;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Postgres.Tests;

public sealed class PostgresRandomRoundTripTests : IDisposable
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public void Dispose() => PostgresTestServer.DropSchema(_schema);

    [PostgresFact]
    public void Any_document_survives_the_postgres_store_exactly()
    {
        using var store = PostgresStore.Open(PostgresTestServer.InSchema(_schema));
        RandomDocuments.WithoutNul.Sample(document =>
        {
            store.SaveDocument(document);
            AssertSame(document, store.GetDocument(document.Id)!);
        }, iter: 150, threads: 1);
    }
}
