using ScribeBot.MigrateStore;
using ScribeBot.Postgres;
using ScribeBot.Testing.Storage;
using ScribeBot.Tests.Storage;
using static ScribeBot.Tests.Migrate.MigrateSeed;
using static ScribeBot.Tests.Migrate.StoreSeed;

namespace ScribeBot.Tests.Migrate;

/// <summary>
/// <c>migrate-store</c> (issue 18, item 5) from a real LiteDB file in a temp directory into a real throwaway PostgreSQL,
/// run in-process as <c>Program</c> runs it; both stores are then read through the same ports and must agree.
/// </summary>
public sealed partial class MigrateStoreVerbTests(PostgresFixture postgres, ITestOutputHelper log) : PostgresDatabaseTest(postgres), IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly string _directory = Directory.CreateTempSubdirectory("scribebot-migrate-store-").FullName;

    private string DataFile => Path.Combine(_directory, "scribebot.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task It_copies_every_incident_entry_post_and_record_so_both_stores_read_the_same()
    {
        var seeded = await SeedAsync();

        var (exit, output, errors) = await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");

        Assert.Equal(MigrateStoreVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(
            $"""
            From LiteDB data file {DataFile} to PostgreSQL {PostgresSchema.Describe(Database)} (schema version {PostgresSchema.LatestVersion}).
            Incidents: 4 copied, 0 already there.
            Timeline entries: 8 copied, 0 already there.
            Outbox items: 2 copied, 0 already there (1 pending copied).
            Adapter records: 2 copied, 0 already there.
            Next incident numbers: slack:T1 INC-5, teams:tenant-a INC-2.
            Copied 16 rows. Point the host at PostgreSQL (Storage:Provider=Postgres) before starting it again.

            """.ReplaceLineEndings("\n"),
            output);
        await AssertSameAsync(seeded, Database);
    }

    [Fact]
    public async Task A_second_run_copies_nothing_and_says_so_and_numbering_continues_in_postgres()
    {
        var seeded = await SeedAsync();
        await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");

        // postgres: alone takes the configured connection, so a password need not be on the command line.
        var (exit, output, errors) = await MigrateStoreAsync($"--from=litedb:{DataFile}", "--to=postgres:", "--Storage:Postgres:ConnectionString", Database);

        Assert.Equal(MigrateStoreVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Contains("Incidents: 0 copied, 4 already there.\n", output, StringComparison.Ordinal);
        Assert.Contains("Timeline entries: 0 copied, 8 already there.\n", output, StringComparison.Ordinal);
        Assert.Contains("Outbox items: 0 copied, 2 already there (0 pending copied).\n", output, StringComparison.Ordinal);
        Assert.Contains("Adapter records: 0 copied, 2 already there.\n", output, StringComparison.Ordinal);
        Assert.EndsWith("Nothing new to copy: PostgreSQL already holds everything in the data file.\n", output, StringComparison.Ordinal);
        await AssertSameAsync(seeded, Database);

        // The purged INC-4 keeps its number in PostgreSQL too; a new channel's arrival order comes after the copied.
        await using var target = StorePorts.Postgres(Database);
        var opened = await target.Incidents.OpenIncidentAsync(SlackC2, n => Opening(SlackC2, n, Day.AddDays(3), "y1"), CancellationToken.None);
        Assert.True(opened.Opened);
        Assert.Equal(5, opened.Incident.Number);
        var teamsB = new ChannelRef(ChatPlatform.Teams, "tenant-a", "19:b@thread.tacv2");
        var teams = await target.Incidents.OpenIncidentAsync(teamsB, n => Opening(teamsB, n, Day.AddDays(3)), CancellationToken.None);
        Assert.Equal(2, teams.Incident.Number);
        await target.Incidents.AppendEntryAsync(Entry(seeded.IncidentIds[0], "late", Day.AddMinutes(2)), CancellationToken.None);
        Assert.Equal(["m1", "m3", "m2", "late", "m4", "cmd-resolve"],
            (await target.Incidents.GetTimelineAsync(seeded.IncidentIds[0], CancellationToken.None)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task A_run_after_the_file_changed_copies_what_is_new_and_reports_the_incidents_that_differ_without_overwriting()
    {
        var seeded = await SeedAsync();
        await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");
        var openId = seeded.IncidentIds[2];
        await using (var store = StorePorts.LiteDb(DataFile))
        {
            var open = (await store.Incidents.GetIncidentAsync(openId, CancellationToken.None))!;
            await store.Incidents.SaveIncidentAsync(
                open with { Status = IncidentStatus.Resolved, Resolved = new Milestone(Day.AddDays(2).AddHours(1), Alice) },
                [Entry(openId, "x3", Day.AddDays(2).AddMinutes(30), TimelineTag.RootCause)],
                [],
                CancellationToken.None);
        }

        var (exit, output, _) = await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");

        Assert.Equal(MigrateStoreVerb.Ok, exit);
        Assert.Contains("Incidents: 0 copied, 4 already there.\n", output, StringComparison.Ordinal);
        Assert.Contains("Timeline entries: 1 copied, 8 already there.\n", output, StringComparison.Ordinal);
        Assert.Contains("1 of the incidents already in PostgreSQL differ from the file (changed on one side since an earlier copy); they were left as PostgreSQL has them.\n", output, StringComparison.Ordinal);
        Assert.EndsWith("Copied 1 row. Point the host at PostgreSQL (Storage:Provider=Postgres) before starting it again.\n", output, StringComparison.Ordinal);
        await using var target = StorePorts.Postgres(Database);
        Assert.True((await target.Incidents.GetIncidentAsync(openId, CancellationToken.None))!.IsOpen);
        Assert.Equal(["x1", "x2", "x3"], (await target.Incidents.GetTimelineAsync(openId, CancellationToken.None)).Select(e => e.MessageId));
    }

    /// <summary>
    /// More incidents and entries than a page holds, so every page boundary is crossed. <c>SCRIBEBOT_MIGRATE_INCIDENTS</c>
    /// copies a larger file (10,000 for the figure in docs/storage.md); each incident has 20 entries then.
    /// </summary>
    [Fact]
    public async Task A_file_larger_than_a_page_is_copied_whole_page_by_page()
    {
        var incidents = int.TryParse(Environment.GetEnvironmentVariable("SCRIBEBOT_MIGRATE_INCIDENTS"), out var asked) ? asked : MigrateStoreVerb.IncidentsPerPage * 2 + 100;
        var entries = asked > 0 ? 20 : MigrateStoreVerb.EntriesPerPage / MigrateStoreVerb.IncidentsPerPage + 1;
        await using (var store = StorePorts.LiteDb(DataFile))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, incidents), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var channel = new ChannelRef(ChatPlatform.Slack, i % 2 == 0 ? "T1" : "T2", $"C{i}");
                await store.Incidents.OpenIncidentAsync(
                    channel, n => Opening(channel, n, Day.AddMinutes(i), [.. Enumerable.Range(0, entries).Select(e => $"m{e}")]), ct);
            });
        }

        var watch = Stopwatch.StartNew();
        var (exit, output, errors) = await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");

        Assert.True(exit == MigrateStoreVerb.Ok, errors);
        Assert.Contains($"Incidents: {incidents} copied, 0 already there.\n", output, StringComparison.Ordinal);
        Assert.Contains($"Timeline entries: {incidents * entries} copied, 0 already there.\n", output, StringComparison.Ordinal);
        Assert.Contains($"Next incident numbers: slack:T1 INC-{(incidents + 1) / 2 + 1}, slack:T2 INC-{incidents / 2 + 1}.", output, StringComparison.Ordinal);
        Assert.Equal(incidents * entries, await Sql.IntegerAsync(Database, "SELECT count(DISTINCT (incident_id, message_id))::int FROM entries"));
        log.WriteLine($"migrate-store copied {incidents} incidents with {incidents * entries} entries in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_data_file_a_running_host_holds_is_refused_with_exit_code_3_and_nothing_is_copied()
    {
        await SeedAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var host = HostProcess.StartOnDataFile(DataFile))
        {
            await host.WaitForLineAsync(HostProcess.Listening(), timeout.Token);

            var (exit, output, errors) = await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");

            Assert.Equal(ScribeBot.Hosting.StartupFailure.DataFileInUse, exit);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith($"migrate-store: The data file {DataFile} is in use by another process (pid {host.Id}", errors, StringComparison.Ordinal);
            Assert.EndsWith("Nothing was copied.\n", errors, StringComparison.Ordinal);
            await host.KillAsync(timeout.Token);
        }

        Assert.Equal(0, await Sql.IntegerAsync(Database, "SELECT count(*)::int FROM pg_tables WHERE tablename = 'incidents'"));
    }

    [Fact]
    public async Task A_database_another_host_filled_is_refused_before_anything_is_copied()
    {
        await SeedAsync();
        await using (var other = StorePorts.Postgres(Database))
        {
            await other.Incidents.OpenIncidentAsync(SlackC2, n => Opening(SlackC2, n, Day), CancellationToken.None);
        }

        var (exit, output, errors) = await MigrateStoreAsync("--from", $"litedb:{DataFile}", "--to", $"postgres:{Database}");

        Assert.Equal(MigrateStoreVerb.BadInput, exit);
        Assert.DoesNotContain("copied,", output, StringComparison.Ordinal);
        Assert.Contains("migrate-store: PostgreSQL already holds a different incident slack:T1:1 (in slack:T1:C2; the file's is in slack:T1:C1)", errors, StringComparison.Ordinal);
        Assert.Equal(1, await Sql.IntegerAsync(Database, "SELECT count(*)::int FROM incidents"));
        Assert.Equal(0, await Sql.IntegerAsync(Database, "SELECT count(*)::int FROM entries"));
    }

    [Theory]
    [InlineData("", "--from is required: the LiteDB data file to copy, written litedb:PATH.")]
    [InlineData("--from litedb:x.db", "--to is required: the PostgreSQL database to copy into, written postgres:CONNECTION.")]
    [InlineData("--from x.db --to postgres:Host=h", "--from 'x.db' is not litedb:PATH; only a LiteDB data file can be copied from.")]
    [InlineData("--from litedb:x.db --to Host=h;Password=secret", "--to is not postgres:CONNECTION; only PostgreSQL can be copied into.")]
    [InlineData("--from litedb:x.db --from litedb:y.db --to postgres:Host=h", "--from is given twice.")]
    [InlineData("--from --to postgres:Host=h", "--from needs a source, written litedb:PATH.")]
    [InlineData("--from litedb:x.db --to postgres:Host=h --yes", "unknown option '--yes'.")]
    [InlineData("--from litedb:x.db --to postgres:Host=h now", "unexpected argument 'now'.")]
    [InlineData("--from litedb:x.db --to postgres:Host=h --Storage:Provider", "--Storage:Provider needs a value.")]
    public async Task Wrong_arguments_get_a_usage_error_and_exit_code_2(string arguments, string error)
    {
        var run = await MigrateStoreAsync(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        VerbRun.AssertUsageError(run, MigrateStoreVerb.BadInput, "migrate-store", error, MigrateStoreArguments.Usage);
    }

    [Fact]
    public async Task A_missing_data_file_is_an_error_and_no_file_is_created()
    {
        var missing = Path.Combine(_directory, "elsewhere.db");

        var (exit, _, errors) = await MigrateStoreAsync("--from", $"litedb:{missing}", "--to", $"postgres:{Database}");

        Assert.Equal(MigrateStoreVerb.BadInput, exit);
        Assert.Equal($"migrate-store: There is no data file at {missing}. Nothing was copied.\n", errors);
        Assert.False(File.Exists(missing));
    }

    private async Task<Seeded> SeedAsync()
    {
        await using var store = StorePorts.LiteDb(DataFile);
        return await WriteAsync(store);
    }

    /// <summary>Every read of the ports the host makes, on both stores, serialised and compared.</summary>
    private async Task AssertSameAsync(Seeded seeded, string database)
    {
        var ct = CancellationToken.None;
        await using var source = StorePorts.LiteDb(DataFile);
        await using var target = StorePorts.Postgres(database);
        foreach (var id in seeded.IncidentIds)
        {
            Assert.Equal(Text(await source.Incidents.GetIncidentAsync(id, ct)), Text(await target.Incidents.GetIncidentAsync(id, ct)));
            Assert.Equal(Text(await source.Incidents.GetTimelineAsync(id, ct)), Text(await target.Incidents.GetTimelineAsync(id, ct)));
        }

        Assert.Equal(["m1", "m3", "m2", "m4", "cmd-resolve"], (await target.Incidents.GetTimelineAsync(seeded.IncidentIds[0], ct)).Select(e => e.MessageId));
        Assert.Equal(["message m3"], (await target.Incidents.GetEntryAsync(seeded.IncidentIds[0], "m3", ct))!.Edits.Select(e => e.Text));
        Assert.Equal(Text(await source.Incidents.QueryIncidentsAsync(new IncidentQuery(), ct)), Text(await target.Incidents.QueryIncidentsAsync(new IncidentQuery(), ct)));
        Assert.Equal(
            Text((await source.Incidents.MeasureIncidentsAsync(null, DateTimeOffset.MinValue, ct)).OrderBy(m => m.Declared)),
            Text((await target.Incidents.MeasureIncidentsAsync(null, DateTimeOffset.MinValue, ct)).OrderBy(m => m.Declared)));
        foreach (var channel in new[] { SlackC1, SlackC2, TeamsA })
        {
            Assert.Equal(Text(await source.Incidents.FindLatestIncidentAsync(channel, ct)), Text(await target.Incidents.FindLatestIncidentAsync(channel, ct)));
            Assert.Equal(Text(await source.Incidents.FindOpenIncidentAsync(channel, ct)), Text(await target.Incidents.FindOpenIncidentAsync(channel, ct)));
        }

        foreach (var post in new[] { seeded.Delivered, seeded.Pending })
        {
            Assert.Equal(Text(await source.Outbox.GetAsync(post.Id, ct)), Text(await target.Outbox.GetAsync(post.Id, ct)));
        }

        Assert.Equal(
            Text(await source.Outbox.GetDueAsync(Day.AddDays(30), 10, [ChatPlatform.Slack, ChatPlatform.Teams], ct)),
            Text(await target.Outbox.GetDueAsync(Day.AddDays(30), 10, [ChatPlatform.Slack, ChatPlatform.Teams], ct)));
        foreach (var key in new[] { "slack:delivery:" + seeded.Delivered.Id, "teams:conversation:" + TeamsA.Key })
        {
            Assert.NotNull(await target.State.GetStateAsync(key, ct));
            Assert.Equal(await source.State.GetStateAsync(key, ct), await target.State.GetStateAsync(key, ct));
        }
    }

    private static string Text<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static Task<(int Exit, string Output, string Errors)> MigrateStoreAsync(params string[] args) =>
        VerbRun.RunAsync((output, errors) => MigrateStoreVerb.RunAsync(args, output, errors, CancellationToken.None));
}
