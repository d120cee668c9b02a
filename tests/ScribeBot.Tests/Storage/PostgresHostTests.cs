using ScribeBot.Testing.Storage;

namespace ScribeBot.Tests.Storage;

/// <summary>The host on <c>Storage:Provider=Postgres</c>: it migrates the database at start and keeps everything there.</summary>
public sealed class PostgresHostTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres)
{
    [Fact]
    public async Task On_postgres_a_slack_start_is_stored_in_the_database_and_no_data_file_is_made()
    {
        await using var host = await new ScribeBotApplication()
            .WithSlack()
            .WithPostgres(Database)
            .StartKestrelAsync();

        using var start = await host.PostSlackFormAsync(SlackPayloads.Command("start Checkout returns 502 sev2", "1.2.start"));

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(["Checkout returns 502"], await Sql.StringsAsync(Database, "SELECT doc->>'title' FROM incidents"));
        Assert.Equal("Healthy", await host.Client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.False(File.Exists(host.DataFile));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_scribebot_stops_the_start_naming_both_versions()
    {
        await using (var current = new ScribeBotApplication()
            .WithPostgres(Database))
        {
            await current.StartKestrelAsync();
        }

        await Sql.ExecuteAsync(Database, "INSERT INTO schema_version (version, name) VALUES (999, '999-from-the-future')");
        await using var older = new ScribeBotApplication()
            .WithPostgres(Database);

        var refused = await Assert.ThrowsAsync<ScribeBot.Postgres.Migrations.SchemaTooNewException>(() => older.StartKestrelAsync());

        Assert.Contains("version 999", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ScribeBot.Hosting.StartupFailure.SchemaTooNew, ScribeBot.Hosting.StartupFailure.ExitCodeOf(refused));
    }
}
