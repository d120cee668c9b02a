namespace ScribeBot.Postgres.Tests;

/// <summary>Opens a store on a database of the throwaway server, migrated as the host migrates it at start.</summary>
internal static class StoreFactory
{
    public static async Task<PostgresIncidentStore> OpenAsync(string connectionString, IReadOnlyList<Migration>? migrations = null, TimeSpan? outboxLease = null)
    {
        var store = new PostgresIncidentStore(connectionString, NullLogger<PostgresIncidentStore>.Instance, migrations ?? Migration.Embedded, outboxLease);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }
}
