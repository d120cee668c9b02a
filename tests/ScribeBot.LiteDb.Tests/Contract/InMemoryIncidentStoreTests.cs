namespace ScribeBot.LiteDb.Tests.Contract;

public sealed class InMemoryIncidentStoreTests : IncidentStoreContract
{
    protected override Task<IIncidentStore> CreateStoreAsync() => Task.FromResult<IIncidentStore>(new InMemoryIncidentStore());

    protected override Task DisposeStoreAsync(IIncidentStore store) => Task.CompletedTask;
}
