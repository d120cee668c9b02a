using Microsoft.Extensions.Options;
using Npgsql;
using ScribeBot.Core.Storage;
using ScribeBot.Hosting;
using ScribeBot.LiteDb;
using ScribeBot.Postgres;
using ScribeBot.Postgres.Migrations;

namespace ScribeBot.Purge;

/// <summary>
/// <c>purge --before YYYY-MM-DD [--yes]</c>: deletes the resolved incidents declared before that day (UTC), each with
/// its timeline, its posts and its place in the dashboard's lists, from the store the host is configured with. It
/// first says what it would delete, by workspace; without <c>--yes</c> that is all it does. Open incidents are never
/// deleted. Incident numbers are not reused afterwards. Exit codes: 0 done (or nothing to do), 1 the store failed part
/// way (what was deleted by then stays deleted, the rest is untouched; run it again), 2 bad arguments, settings or no
/// data file, 3 the data file is in use (stop the host first), 5 the PostgreSQL schema is newer than this build. On
/// PostgreSQL the same semantics hold with the host running (docs/decisions.md, "migrate, migrate-store, purge on PostgreSQL").
/// </summary>
internal static class PurgeVerb
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int DataFileInUse = StartupFailure.DataFileInUse;

    /// <summary>Incidents deleted per store transaction: an incident is usually tens of entries, now and then thousands.</summary>
    internal const int IncidentsPerTransaction = 25;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(args, TimeProvider.System, output, errors, cancellationToken);

    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args, TimeProvider timeProvider, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args.Any(HostUsage.IsHelp))
        {
            await output.WriteLineAsync(PurgeArguments.Help.AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Ok;
        }

        if (!PurgeArguments.TryParse(args, timeProvider.GetUtcNow(), out var parsed, out var argumentError))
        {
            await errors.WriteLineAsync($"purge: {argumentError}\n{PurgeArguments.Usage}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        using var configuration = VerbConfiguration.Build(parsed.Settings);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(timeProvider);
        if (storage.IsPostgres)
        {
            services.AddPostgresStore();
        }
        else
        {
            services.AddLiteDbStore();
        }

        await using var provider = services.BuildServiceProvider();
        var (store, storeLine, exit) = storage.IsPostgres
            ? await OpenPostgresAsync(provider, errors, cancellationToken).ConfigureAwait(false)
            : await OpenLiteDbAsync(provider, errors, cancellationToken).ConfigureAwait(false);
        if (store is null)
        {
            return exit;
        }

        try
        {
            return await PurgeAsync(store, storeLine, parsed, output, errors, cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaTooNewException tooNew)
        {
            await errors.WriteLineAsync($"purge: {tooNew.Message} Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return StartupFailure.SchemaTooNew;
        }
        catch (Exception exception) when (DatabaseFailureOf(exception) is { } failure)
        {
            // Before the plan: the database could not be reached (the store reports an outage) or refused the login;
            // nothing was deleted.
            await errors.WriteLineAsync(
                $"purge: could not read {storeLine["Database: ".Length..]}: {VerbConfiguration.Describe(failure)} Nothing was changed.".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return Failed;
        }
    }

    private static NpgsqlException? DatabaseFailureOf(Exception exception) =>
        exception as NpgsqlException ?? (exception as StoreUnavailableException)?.InnerException as NpgsqlException;

    private static async Task<(IRetentionStore? Store, string StoreLine, int Exit)> OpenLiteDbAsync(
        ServiceProvider provider, TextWriter errors, CancellationToken cancellationToken)
    {
        string dataFile;
        try
        {
            dataFile = Path.GetFullPath(provider.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path);
        }
        catch (OptionsValidationException invalid)
        {
            await errors.WriteLineAsync($"purge: {string.Join("\n", invalid.Failures)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return (null, "", BadInput);
        }

        // Opening a store creates its file: a mistyped path must not leave an empty store behind.
        if (!File.Exists(dataFile))
        {
            await errors.WriteLineAsync(
                $"purge: there is no data file at {dataFile} (Storage:LiteDb:Path); nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return (null, "", BadInput);
        }

        try
        {
            return (provider.GetRequiredService<IRetentionStore>(), $"Data file: {dataFile}", Ok);
        }
        catch (DataFileInUseException inUse)
        {
            await errors.WriteLineAsync($"purge: {inUse.Message} Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return (null, "", DataFileInUse);
        }
    }

    /// <summary>
    /// PostgreSQL needs no stopped host: each incident goes in a statement that checks again that it is resolved, so
    /// an incident reopened by a running instance meanwhile stays.
    /// </summary>
    private static async Task<(IRetentionStore? Store, string StoreLine, int Exit)> OpenPostgresAsync(
        ServiceProvider provider, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = provider.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString;
            return (provider.GetRequiredService<IRetentionStore>(), $"Database: PostgreSQL {PostgresSchema.Describe(connectionString)}", Ok);
        }
        catch (OptionsValidationException invalid)
        {
            await errors.WriteLineAsync($"purge: {string.Join("\n", invalid.Failures)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return (null, "", BadInput);
        }
    }

    private static async Task<int> PurgeAsync(
        IRetentionStore store, string storeLine, PurgeArguments parsed, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var plan = await store.PlanPurgeAsync(parsed.DeclaredBefore, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(PurgeReport.Plan(plan, parsed, storeLine).AsMemory(), cancellationToken).ConfigureAwait(false);
        if (plan.IncidentIds.Count == 0 || !parsed.Confirmed)
        {
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Ok;
        }

        var deleted = PurgeTally.None;
        try
        {
            foreach (var chunk in plan.IncidentIds.Chunk(IncidentsPerTransaction))
            {
                deleted = deleted.Add(await store.PurgeAsync(chunk, parsed.DeclaredBefore, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var message = $"purge: the store failed after {PurgeReport.Describe(deleted)} were deleted: {exception.Message}\n" +
                "What was deleted stays deleted and the rest is untouched: run the same command again to finish.";
            await errors.WriteLineAsync(message.AsMemory(), cancellationToken).ConfigureAwait(false);
            return Failed;
        }

        await output.WriteAsync(PurgeReport.Done(deleted).AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Ok;
    }
}
