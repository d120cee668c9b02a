using ScribeBot.Postgres;
using ScribeBot.Purge;
using ScribeBot.Testing.Storage;
using ScribeBot.Tests.Purge;
using ScribeBot.Tests.Storage;
using static ScribeBot.Tests.Purge.PurgeScenario;
using static ScribeBot.Tests.Purge.PurgeStoreFile;

namespace ScribeBot.Tests.Migrate;

/// <summary>
/// <c>purge</c> with <c>Storage:Provider=Postgres</c> (issue 18): the same plan, the same deletions and the same kept
/// numbers as on LiteDB (<see cref="PurgeVerbTests"/>), on a real throwaway PostgreSQL.
/// </summary>
public sealed class PostgresPurgeVerbTests(PostgresFixture postgres) : PostgresDatabaseTest(postgres)
{
    [Fact]
    public async Task Without_yes_it_says_what_it_would_delete_and_with_yes_deletes_it_keeping_the_numbers()
    {
        Seeded seeded;
        await using (var store = StorePorts.Postgres(Database))
        {
            seeded = await SeedAsync(PortsOf(store));
        }

        var (dryExit, dryRun, dryErrors) = await PurgeAsync(Database, "--before", "2026-01-01");
        var (exit, output, errors) = await PurgeAsync(Database, "--before", "2026-01-01", "--yes");
        var (_, again, _) = await PurgeAsync(Database, "--before", "2026-01-01", "--yes");

        Assert.Equal(PurgeVerb.Ok, dryExit);
        Assert.Equal(string.Empty, dryErrors);
        Assert.Equal($"Database: PostgreSQL {PostgresSchema.Describe(Database)}\n{DryRunPlan}".ReplaceLineEndings("\n"), dryRun);
        Assert.Equal(PurgeVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.EndsWith("Deleted 3 resolved incidents with 6 timeline entries and 1 outbox item. Their incident numbers are not given again.\n", output, StringComparison.Ordinal);
        Assert.Contains("No resolved incident was declared before 2026-01-01 (UTC): nothing to delete.", again, StringComparison.Ordinal);

        await using var after = StorePorts.Postgres(Database);
        await AssertPurgedAsync(PortsOf(after), seeded);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_with_exit_code_1_and_no_password()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, output, errors) = await PurgeAsync(
            $"Host=127.0.0.1;Port={port};Database=scribebot;Username=scribebot;Password=hunter2-secret;Timeout=5", "--before", "2026-01-01", "--yes");

        Assert.Equal(PurgeVerb.Failed, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"purge: could not read PostgreSQL 127.0.0.1:{port}/scribebot as scribebot: Failed to connect", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", errors, StringComparison.Ordinal);
    }

    private static Ports PortsOf(StorePorts store) => new(store.Incidents, store.Outbox, store.State);

    private static Task<(int Exit, string Output, string Errors)> PurgeAsync(string database, params string[] args) => VerbRun.RunAsync(
        (output, errors) => PurgeVerb.RunAsync(
            [.. args, "--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", database], new FakeTimeProvider(Now), output, errors, CancellationToken.None));
}
