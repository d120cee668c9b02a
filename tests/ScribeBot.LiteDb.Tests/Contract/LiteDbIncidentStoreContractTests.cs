using ScribeBot.LiteDb.Tests.LiteDb;

namespace ScribeBot.LiteDb.Tests.Contract;

public sealed class LiteDbIncidentStoreContractTests : IncidentStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IIncidentStore> CreateStoreAsync() =>
        Task.FromResult<IIncidentStore>(StoreFactory.Open(_directory.File("store.db")));

    protected override async Task DisposeStoreAsync(IIncidentStore store) =>
        await ((LiteDbIncidentStore)store).DisposeAsync();

    public void Dispose() => _directory.Dispose();
}
