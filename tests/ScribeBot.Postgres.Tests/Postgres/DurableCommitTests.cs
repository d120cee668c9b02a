namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>The store's sessions never commit with <c>synchronous_commit = off</c>, whatever the database says.</summary>
public sealed class DurableCommitTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    [Fact]
    public async Task A_database_set_to_asynchronous_commit_gets_durable_commits_from_the_store()
    {
        var database = await NewDatabaseAsync();
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        await Sql.ExecuteAsync(database, $"ALTER DATABASE \"{name}\" SET synchronous_commit = off");
        var store = await OpenStoreAsync(database);

        // A new session, as the setting applies to sessions started after it (the pool keeps the one that set it).
        var fresh = new Npgsql.NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;
        var plain = Assert.Single(await Sql.QueryAsync(fresh, "SELECT current_setting('synchronous_commit')", r => r.GetString(0)));
        var stores = await store.SessionSettingAsync("synchronous_commit", None);

        Assert.Equal("off", plain);
        Assert.Equal("on", stores);
    }

    [Fact]
    public async Task A_value_the_operator_gave_in_the_connection_string_is_kept()
    {
        var database = await NewDatabaseAsync();
        var chosen = new Npgsql.NpgsqlConnectionStringBuilder(database) { Options = "-c synchronous_commit=remote_apply" }.ConnectionString;
        var store = await OpenStoreAsync(chosen);

        Assert.Equal("remote_apply", await store.SessionSettingAsync("synchronous_commit", None));
    }
}
