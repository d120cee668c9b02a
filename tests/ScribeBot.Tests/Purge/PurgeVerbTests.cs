using ScribeBot.Purge;
using static ScribeBot.Tests.Migrate.StoreSeed;
using static ScribeBot.Tests.Purge.PurgeScenario;
using static ScribeBot.Tests.Purge.PurgeStoreFile;

namespace ScribeBot.Tests.Purge;

/// <summary>
/// <c>purge --before DATE [--yes]</c> (issue 14, item 4) on a real data file, run in-process as <c>Program</c> runs it:
/// it says what it would delete by workspace, deletes only with <c>--yes</c>, never an open incident, and refuses bad
/// input and a file a running host holds without changing anything.
/// </summary>
public sealed class PurgeVerbTests : IDisposable
{
    private readonly PurgeStoreFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Without_yes_it_says_what_it_would_delete_by_workspace_and_deletes_nothing()
    {
        var seeded = await SeedAsync();

        var (exit, output, errors) = await PurgeAsync("--before", "2026-01-01");

        Assert.Equal(PurgeVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal($"Data file: {_file.Path}\n{DryRunPlan}".ReplaceLineEndings("\n"), output);
        await AssertUnchangedAsync(seeded);
    }

    [Fact]
    public async Task With_yes_it_deletes_the_resolved_incidents_declared_before_the_day_with_their_timelines_and_posts()
    {
        var seeded = await SeedAsync();

        var (exit, output, errors) = await PurgeAsync("--before", "2026-01-01", "--yes");

        Assert.Equal(PurgeVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.StartsWith($"Data file: {_file.Path}\nDeleting 3 resolved incidents declared before 2026-01-01 (UTC)", output, StringComparison.Ordinal);
        Assert.EndsWith("Deleted 3 resolved incidents with 6 timeline entries and 1 outbox item. Their incident numbers are not given again.\n", output, StringComparison.Ordinal);
        await _file.UseAsync(async store =>
        {
            // Checked here before the shared checks declare new incidents: the kept ones are whole, and only they count.
            Assert.Single(await store.Incidents.GetTimelineAsync(seeded.Open.Id, CancellationToken.None));
            Assert.NotNull(await store.Incidents.GetIncidentAsync(seeded.Later.Id, CancellationToken.None));
            Assert.Null(await store.Incidents.FindLatestIncidentAsync(TeamsA, CancellationToken.None));
            Assert.Equal(2, (await store.Incidents.MeasureIncidentsAsync(null, DateTimeOffset.MinValue, CancellationToken.None)).Count);
            await AssertPurgedAsync(store, seeded);
        });
    }

    [Fact]
    public async Task A_second_run_finds_nothing_left_to_delete()
    {
        await SeedAsync();
        await PurgeAsync("--before", "2026-01-01", "--yes");

        var (exit, output, _) = await PurgeAsync("--before", "2026-01-01", "--yes");

        Assert.Equal(PurgeVerb.Ok, exit);
        Assert.Contains("No resolved incident was declared before 2026-01-01 (UTC): nothing to delete.", output, StringComparison.Ordinal);
        Assert.Contains("Kept: 1 open incident", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Deleted", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--before notadate --yes", "--before 'notadate' is not a date written YYYY-MM-DD (e.g. 2025-01-01).")]
    [InlineData("--before 2025-13-01 --yes", "--before '2025-13-01' is not a date written YYYY-MM-DD (e.g. 2025-01-01).")]
    [InlineData("--before 01/02/2025 --yes", "--before '01/02/2025' is not a date written YYYY-MM-DD (e.g. 2025-01-01).")]
    [InlineData("--before", "--before needs a date, written YYYY-MM-DD (e.g. 2025-01-01).")]
    [InlineData("--before --yes", "--before needs a date, written YYYY-MM-DD (e.g. 2025-01-01).")]
    [InlineData("--yes", "--before is required: the day before which resolved incidents are deleted, written YYYY-MM-DD.")]
    [InlineData("--before 2026-06-02 --yes", "--before 2026-06-02 is in the future (today is 2026-06-01, UTC); give a day that has begun.")]
    [InlineData("--before 2026-01-01 --before 2025-01-01 --yes", "--before is given twice.")]
    [InlineData("--before 2026-01-01 --force", "unknown option '--force'.")]
    [InlineData("--before 2026-01-01 everything --yes", "unexpected argument 'everything'.")]
    public async Task Bad_input_gets_a_specific_error_and_exit_code_2_and_changes_nothing(string arguments, string error)
    {
        var seeded = await SeedAsync();

        var run = await PurgeAsync(arguments.Split(' '));

        VerbRun.AssertUsageError(run, PurgeVerb.BadInput, "purge", error, PurgeArguments.Usage);
        await AssertUnchangedAsync(seeded);
    }

    [Fact]
    public async Task Today_is_a_day_that_has_begun()
    {
        await SeedAsync();

        var (exit, output, _) = await PurgeAsync("--before", "2026-06-01");

        Assert.Equal(PurgeVerb.Ok, exit);
        Assert.Contains("Would delete 4 resolved incidents declared before 2026-06-01 (UTC)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_file_is_an_error_and_is_not_created()
    {
        var missing = Path.Combine(_file.Folder, "elsewhere", "scribebot.db");

        var (exit, output, errors) = await PurgeAsync(["--before", "2026-01-01", "--yes"], missing);

        Assert.Equal(PurgeVerb.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"purge: there is no data file at {missing} (Storage:LiteDb:Path); nothing was changed.\n", errors);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task On_postgres_without_a_connection_string_it_names_the_key_and_leaves_the_data_file_alone()
    {
        await _file.UseAsync(store => DeclareAsync(store, SlackC1, Now.AddDays(-30), open: false));
        var before = await File.ReadAllBytesAsync(_file.Path);

        var (exit, output, errors) = await PurgeAsync(["--before", "2026-06-01", "--yes", "--Storage:Provider", "Postgres"], _file.Path);

        Assert.Equal(PurgeVerb.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Storage:Postgres:ConnectionString is empty", errors, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_file.Path));
    }

    [Fact]
    public async Task A_data_file_a_running_host_holds_is_refused_with_exit_code_3_and_left_alone()
    {
        var seeded = await SeedAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var host = HostProcess.StartOnDataFile(_file.Path))
        {
            await host.WaitForLineAsync(HostProcess.Listening(), timeout.Token);

            var (exit, output, errors) = await PurgeAsync("--before", "2026-01-01", "--yes");

            Assert.Equal(PurgeVerb.DataFileInUse, exit);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith($"purge: The data file {_file.Path} is in use by another process (pid {host.Id}", errors, StringComparison.Ordinal);
            Assert.EndsWith("Nothing was changed.\n", errors, StringComparison.Ordinal);
            await host.KillAsync(timeout.Token);
        }

        await AssertUnchangedAsync(seeded);
    }

    [Fact]
    public async Task The_built_program_runs_the_verb_and_sets_its_exit_code()
    {
        await SeedAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var dryRun = HostProcess.Start(["purge", "--before", "2026-01-01", "--Storage:LiteDb:Path", _file.Path], workingDirectory: Path.GetTempPath());
        var dryExit = await dryRun.WaitForExitAsync(timeout.Token);
        using var badDate = HostProcess.Start(["purge", "--before", "tomorrow", "--Storage:LiteDb:Path", _file.Path], workingDirectory: Path.GetTempPath());
        var badExit = await badDate.WaitForExitAsync(timeout.Token);

        Assert.True(dryExit == 0, dryRun.OutputSoFar());
        Assert.Contains("Would delete 3 resolved incidents declared before 2026-01-01 (UTC)", dryRun.OutputSoFar(), StringComparison.Ordinal);
        Assert.Equal(2, badExit);
        Assert.Contains("purge: --before 'tomorrow' is not a date", badDate.OutputSoFar(), StringComparison.Ordinal);
    }

    private Task<Seeded> SeedAsync() => _file.UseAsync(PurgeScenario.SeedAsync);

    private Task AssertUnchangedAsync(Seeded seeded) => _file.UseAsync(async store =>
    {
        foreach (var incident in new[] { seeded.First, seeded.Second, seeded.Open, seeded.Later, seeded.Teams })
        {
            Assert.NotNull(await store.Incidents.GetIncidentAsync(incident.Id, CancellationToken.None));
        }

        Assert.Equal(3, (await store.Incidents.GetTimelineAsync(seeded.First.Id, CancellationToken.None)).Count);
        Assert.Equal(OutboxState.Delivered, (await store.Outbox.GetAsync(seeded.Post.Id, CancellationToken.None))?.State);
        Assert.NotNull(await store.State.GetStateAsync("slack:delivery:" + seeded.Post.Id, CancellationToken.None));
        Assert.Equal(5, (await store.Incidents.QueryIncidentsAsync(new IncidentQuery(), CancellationToken.None)).Total);
    });

    private Task<(int Exit, string Output, string Errors)> PurgeAsync(params string[] args) => PurgeAsync(args, _file.Path);

    private static Task<(int Exit, string Output, string Errors)> PurgeAsync(string[] args, string dataFile) => VerbRun.RunAsync(
        (output, errors) => PurgeVerb.RunAsync([.. args, "--Storage:LiteDb:Path", dataFile], new FakeTimeProvider(Now), output, errors, CancellationToken.None));
}
