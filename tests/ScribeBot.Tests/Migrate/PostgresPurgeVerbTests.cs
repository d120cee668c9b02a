using ScribeBot.Postgres;
using ScribeBot.Purge;
using ScribeBot.Testing.Storage;
using ScribeBot.Tests.Purge;
using static ScribeBot.Tests.Purge.PurgeStoreFile;

namespace ScribeBot.Tests.Migrate;

/// <summary>
/// <c>purge</c> with <c>Storage:Provider=Postgres</c> (issue 18): the same plan, the same deletions and the same kept
/// numbers as on LiteDB (<see cref="PurgeVerbTests"/>), on a real throwaway PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPurgeVerbTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef SlackC1 = new(ChatPlatform.Slack, "T1", "C1");
    private static readonly ChannelRef SlackC2 = new(ChatPlatform.Slack, "T1", "C2");
    private static readonly ChannelRef SlackC3 = new(ChatPlatform.Slack, "T1", "C3");
    private static readonly ChannelRef TeamsA = new(ChatPlatform.Teams, "tenant-a", "19:a@thread.tacv2");

    [Fact]
    public async Task Without_yes_it_says_what_it_would_delete_and_with_yes_deletes_it_keeping_the_numbers()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        Incident first, second, open, later, teams;
        OutboxItem post;
        await using (var store = StorePorts.Postgres(database))
        {
            var ports = new Ports(store.Incidents, store.Outbox, store.State);
            first = await DeclareAsync(ports, SlackC1, new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), open: false, "m1", "m2", "m3");
            post = await PostAsync(ports, first, "resolve");
            second = await DeclareAsync(ports, SlackC2, new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), open: false, "m1");
            open = await DeclareAsync(ports, SlackC3, new(2025, 7, 1, 10, 0, 0, TimeSpan.Zero), open: true, "m1");
            later = await DeclareAsync(ports, SlackC1, new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), open: false);
            teams = await DeclareAsync(ports, TeamsA, new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero), open: false, "m1", "m2");
        }

        var (dryExit, dryRun, dryErrors) = await PurgeAsync(database, "--before", "2026-01-01");
        var (exit, output, errors) = await PurgeAsync(database, "--before", "2026-01-01", "--yes");
        var (_, again, _) = await PurgeAsync(database, "--before", "2026-01-01", "--yes");

        Assert.Equal(PurgeVerb.Ok, dryExit);
        Assert.Equal(string.Empty, dryErrors);
        Assert.Equal(
            $"""
            Database: PostgreSQL {PostgresSchema.Describe(database)}
            Would delete 3 resolved incidents declared before 2026-01-01 (UTC), with 6 timeline entries and 1 outbox item:
              slack:T1: 2 incidents, 4 timeline entries, 1 outbox item
              teams:tenant-a: 1 incident, 2 timeline entries, 0 outbox items
            Kept: 1 open incident declared before 2026-01-01 (slack:T1: 1); open incidents are never purged.
            Nothing was deleted. To delete the above, run the same command with --yes added.

            """.ReplaceLineEndings("\n"),
            dryRun);
        Assert.Equal(PurgeVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.EndsWith("Deleted 3 resolved incidents with 6 timeline entries and 1 outbox item. Their incident numbers are not given again.\n", output, StringComparison.Ordinal);
        Assert.Contains("No resolved incident was declared before 2026-01-01 (UTC): nothing to delete.", again, StringComparison.Ordinal);

        await using var after = StorePorts.Postgres(database);
        var ct = CancellationToken.None;
        foreach (var purged in new[] { first, second, teams })
        {
            Assert.Null(await after.Incidents.GetIncidentAsync(purged.Id, ct));
            Assert.Empty(await after.Incidents.GetTimelineAsync(purged.Id, ct));
        }

        Assert.Null(await after.Outbox.GetAsync(post.Id, ct));
        Assert.Null(await after.State.GetStateAsync("slack:delivery:" + post.Id, ct));
        Assert.Equal(open.Id, (await after.Incidents.FindOpenIncidentAsync(SlackC3, ct))?.Id);
        Assert.Equal(later.Id, (await after.Incidents.FindLatestIncidentAsync(SlackC1, ct))?.Id);
        Assert.Null(await after.Incidents.FindLatestIncidentAsync(SlackC2, ct));
        Assert.Equal([later.Id, open.Id], (await after.Incidents.QueryIncidentsAsync(new IncidentQuery(), ct)).Items.Select(i => i.Id));
        Assert.Equal(5, (await DeclareAsync(new Ports(after.Incidents, after.Outbox, after.State), SlackC2, Now, open: true)).Number);
        Assert.Equal(2, (await DeclareAsync(new Ports(after.Incidents, after.Outbox, after.State), TeamsA, Now, open: true)).Number);
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

    private static async Task<(int Exit, string Output, string Errors)> PurgeAsync(string database, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await PurgeVerb.RunAsync(
            [.. args, "--Storage:Provider", "Postgres", "--Storage:Postgres:ConnectionString", database],
            new FakeTimeProvider(Now),
            output,
            errors,
            CancellationToken.None);
        return (exit, output.ToString().ReplaceLineEndings("\n"), errors.ToString().ReplaceLineEndings("\n"));
    }
}
