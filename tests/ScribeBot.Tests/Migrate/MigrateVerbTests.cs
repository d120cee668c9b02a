using ScribeBot.Migrate;
using ScribeBot.Postgres;
using ScribeBot.Testing.Storage;
using ScribeBot.Tests.Storage;

namespace ScribeBot.Tests.Migrate;

/// <summary>
/// <c>migrate</c> (issue 18, item 1) run in-process as <c>Program</c> runs it, against a real throwaway PostgreSQL and
/// real LiteDB files: it applies what is pending and says what, does nothing the second time, refuses a newer schema
/// with the host's exit code 5, and reports an unreachable server in one line without its password.
/// </summary>
public sealed class MigrateVerbTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres), IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scribebot-migrate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task On_an_empty_database_it_applies_every_migration_and_names_them()
    {
        var (exit, output, errors) = await MigrateAsync("--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", Database);

        Assert.Equal(MigrateVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(
            $"PostgreSQL {PostgresSchema.Describe(Database)}: applied 001-initial, 002-outage-window, 003-data-protection-keys, 004-followup-created; schema is at version {PostgresSchema.LatestVersion} (was 0).\n",
            output);
        Assert.Equal(PostgresSchema.LatestVersion, await Sql.IntegerAsync(Database, "SELECT max(version) FROM schema_version"));
        Assert.Equal(0, await Sql.IntegerAsync(Database, "SELECT count(*)::int FROM incidents"));
    }

    [Fact]
    public async Task On_an_up_to_date_database_it_says_there_is_nothing_to_do()
    {
        await MigrateAsync("--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", Database);

        var (exit, output, errors) = await MigrateAsync("--Storage:Provider=Postgres", $"--Storage:Postgres:ConnectionString={Database}");

        Assert.Equal(MigrateVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal($"PostgreSQL {PostgresSchema.Describe(Database)}: schema is at version {PostgresSchema.LatestVersion}, nothing to do.\n", output);
    }

    [Fact]
    public async Task On_a_newer_schema_it_refuses_with_exit_code_5_and_changes_nothing()
    {
        await MigrateAsync("--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", Database);
        await Sql.ExecuteAsync(Database, "INSERT INTO schema_version (version, name) VALUES (999, '999-from-the-future')");

        var (exit, output, errors) = await MigrateAsync("--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", Database);

        Assert.Equal(ScribeBot.Hosting.StartupFailure.SchemaTooNew, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"migrate: PostgreSQL {PostgresSchema.Describe(Database)}: The PostgreSQL schema is at version 999, newer than this ScribeBot knows", errors, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.\n", errors, StringComparison.Ordinal);
        // Every migration this build knows, and the one from the future: nothing was added or removed.
        Assert.Equal(PostgresSchema.LatestVersion + 1, await Sql.IntegerAsync(Database, "SELECT count(*)::int FROM schema_version"));
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_with_exit_code_1_and_no_password()
    {
        var closedPort = FreePort();
        var connection = $"Host=127.0.0.1;Port={closedPort};Database=scribebot;Username=scribebot;Password=hunter2-secret;Timeout=5";

        var (exit, output, errors) = await MigrateAsync("--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", connection);

        Assert.Equal(MigrateVerb.Failed, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"migrate: could not migrate PostgreSQL 127.0.0.1:{closedPort}/scribebot as scribebot: Failed to connect to 127.0.0.1:{closedPort}", errors, StringComparison.Ordinal);
        Assert.Single(errors.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("hunter2", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_litedb_it_runs_the_file_upgrade_ahead_and_then_has_nothing_to_do()
    {
        var path = Path.Combine(_directory, "scribebot.db");
        await using (var store = StorePorts.LiteDb(path))
        {
            await store.Incidents.OpenIncidentAsync(StoreSeed.SlackC1, n => MigrateSeed.Opening(StoreSeed.SlackC1, n, MigrateSeed.Day), CancellationToken.None);
        }

        // A file written before the ledger kept the phases (version 3) is what a host upgrade reads in full at start.
        MigrateSeed.SetLiteDbSchemaVersion(path, 3);

        var (exit, output, errors) = await MigrateAsync("--Storage:LiteDb:Path", path);
        var (againExit, again, _) = await MigrateAsync("--Storage:LiteDb:Path", path);

        Assert.Equal(MigrateVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal($"LiteDB data file {path}: upgraded from schema version 3 to {ScribeBot.LiteDb.Transfer.LiteDbSchema.CurrentVersion}.\n", output);
        Assert.Equal(MigrateVerb.Ok, againExit);
        Assert.Equal($"LiteDB data file {path}: schema is at version {ScribeBot.LiteDb.Transfer.LiteDbSchema.CurrentVersion}, nothing to do.\n", again);
        await using var reopened = StorePorts.LiteDb(path);
        Assert.Single((await reopened.Incidents.QueryIncidentsAsync(new IncidentQuery(), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task On_litedb_without_a_data_file_it_creates_none_and_says_the_host_will()
    {
        var path = Path.Combine(_directory, "none", "scribebot.db");

        var (exit, output, _) = await MigrateAsync("--Storage:LiteDb:Path", path);

        Assert.Equal(MigrateVerb.Ok, exit);
        Assert.Contains("there is none yet", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task An_unexpected_argument_gets_the_usage_and_exit_code_2()
    {
        var run = await MigrateAsync("now");

        VerbRun.AssertUsageError(run, MigrateVerb.BadInput, "migrate", "unexpected argument 'now'.", MigrateVerb.Usage);
    }

    private static Task<(int Exit, string Output, string Errors)> MigrateAsync(params string[] args) =>
        VerbRun.RunAsync((output, errors) => MigrateVerb.RunAsync(args, output, errors, CancellationToken.None));

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
