using Crosscheck.Storage.Tests.Contract;

namespace Crosscheck.Storage.Sqlite.Tests;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempDatabase _database = new();

    protected override IStore CreateStore() => SqliteStore.Open(_database.Path);

    protected override IStore OpenAgain() => SqliteStore.Open(_database.Path);

    public override void Dispose()
    {
        base.Dispose();
        _database.Dispose();
    }
}
