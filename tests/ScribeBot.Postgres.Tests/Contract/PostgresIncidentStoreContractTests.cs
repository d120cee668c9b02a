namespace ScribeBot.Postgres.Tests.Contract;

/// <summary>The store contract on PostgreSQL: each test on a fresh database of the run's throwaway server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIncidentStoreContractTests(PostgresFixture postgres) : IncidentStoreContract
{
    protected override async Task<IIncidentStore> CreateStoreAsync() =>
        await StoreFactory.OpenAsync(await postgres.Server.CreateDatabaseAsync());

    protected override async Task DisposeStoreAsync(IIncidentStore store) => await ((PostgresIncidentStore)store).DisposeAsync();
}
