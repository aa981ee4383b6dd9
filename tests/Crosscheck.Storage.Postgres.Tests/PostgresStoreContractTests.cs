using Crosscheck.Storage.Tests.Contract;

namespace Crosscheck.Storage.Postgres.Tests;

[SkipUnlessEnvironment(PostgresTestServer.Variable, PostgresTestServer.SkipReason)]
public sealed class PostgresStoreContractTests : StoreContractTests
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    protected override IStore CreateStore() => PostgresStore.Open(PostgresTestServer.InSchema(_schema));

    protected override IStore OpenAgain() => PostgresStore.Open(PostgresTestServer.InSchema(_schema));

    public override void Dispose()
    {
        base.Dispose();
        PostgresTestServer.DropSchema(_schema);
    }
}
