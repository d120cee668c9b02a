namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>The schema is created and upgraded by numbered migrations at start, once, and a newer schema is refused.</summary>
public sealed class MigrationTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    [Fact]
    public async Task A_fresh_database_gets_every_migration_in_order()
    {
        var database = await NewDatabaseAsync();

        await OpenStoreAsync(database);

        Assert.Equal(Enumerable.Range(1, Migration.Latest), await VersionsAsync(database));
        Assert.Equal(["adapter_state", "data_protection_keys", "entries", "incidents", "outbox", "processed_requests", "schema_version", "workspace_counters"], await TablesAsync(database));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing_and_keeps_the_data()
    {
        var database = await NewDatabaseAsync();
        await using (var first = await StoreFactory.OpenAsync(database))
        {
            await first.OpenIncidentAsync(Channel(), Create(Channel()), None);
        }

        var second = await OpenStoreAsync(database);

        Assert.Equal(Enumerable.Range(1, Migration.Latest), await VersionsAsync(database));
        Assert.Equal(1, (await second.FindOpenIncidentAsync(Channel(), None))?.Number);
    }

    [Fact]
    public async Task A_later_migration_is_applied_to_a_database_at_an_earlier_version()
    {
        var database = await NewDatabaseAsync();
        await using (await StoreFactory.OpenAsync(database))
        {
        }

        await using var upgraded = await StoreFactory.OpenAsync(database, [.. Migration.Embedded, Extra(Migration.Latest + 1)]);

        Assert.Equal(Enumerable.Range(1, Migration.Latest + 1), await VersionsAsync(database));
        Assert.Contains("extra", await TablesAsync(database));
    }

    [Fact]
    public async Task A_store_refuses_a_schema_newer_than_it_knows_naming_both_versions()
    {
        var database = await NewDatabaseAsync();
        await using (await StoreFactory.OpenAsync(database, [.. Migration.Embedded, Extra(Migration.Latest + 1)]))
        {
        }

        await using var older = new PostgresIncidentStore(database, NullLogger<PostgresIncidentStore>.Instance, Migration.Embedded);
        var refused = await Assert.ThrowsAsync<SchemaTooNewException>(() => older.MigrateAsync(None));

        Assert.Contains($"version {Migration.Latest + 1}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"(version {Migration.Latest})", refused.Message, StringComparison.Ordinal);

        // Every call refuses too: nothing is read or written against a schema the store does not know.
        await Assert.ThrowsAsync<SchemaTooNewException>(() => older.FindOpenIncidentAsync(Channel(), None));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_and_is_not_recorded()
    {
        var database = await NewDatabaseAsync();
        var broken = new Migration(Migration.Latest + 1, $"{Migration.Latest + 1:000}-broken", "CREATE TABLE half_done (x integer); SELECT no_such_column FROM half_done;");

        await using var store = new PostgresIncidentStore(database, NullLogger<PostgresIncidentStore>.Instance, [.. Migration.Embedded, broken]);
        await Assert.ThrowsAsync<PostgresException>(() => store.MigrateAsync(None));

        Assert.Equal(Enumerable.Range(1, Migration.Latest), await VersionsAsync(database));
        Assert.DoesNotContain("half_done", await TablesAsync(database));
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var database = await NewDatabaseAsync();
        var stores = Enumerable.Range(0, 4)
            .Select(_ => new PostgresIncidentStore(database, NullLogger<PostgresIncidentStore>.Instance, [.. Migration.Embedded, Extra(Migration.Latest + 1)]))
            .ToArray();
        try
        {
            await Task.WhenAll(stores.Select(s => s.MigrateAsync(None)));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }

        // A second CREATE TABLE of any migration would have failed its instance's start; the rows say each ran once.
        Assert.Equal(Enumerable.Range(1, Migration.Latest + 1), await VersionsAsync(database));
    }

    private static Migration Extra(int version) => new(version, $"{version:000}-extra", "CREATE TABLE extra (x integer)");

    private static async Task<List<int>> VersionsAsync(string database) =>
        await Sql.QueryAsync(database, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0));

    private static async Task<List<string>> TablesAsync(string database) =>
        await Sql.QueryAsync(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\"", r => r.GetString(0));
}
