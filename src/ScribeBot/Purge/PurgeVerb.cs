using Microsoft.Extensions.Options;
using ScribeBot.Core.Storage;
using ScribeBot.Hosting;
using ScribeBot.LiteDb;

namespace ScribeBot.Purge;

/// <summary>
/// <c>purge --before YYYY-MM-DD [--yes]</c>: deletes the resolved incidents declared before that day (UTC), each with
/// its timeline, its posts and its place in the dashboard's lists, from the store the host is configured with. It
/// first says what it would delete, by workspace; without <c>--yes</c> that is all it does. Open incidents are never
/// deleted. Incident numbers are not reused afterwards. Exit codes: 0 done (or nothing to do), 1 the store failed part
/// way (what was deleted by then stays deleted, the rest is untouched; run it again), 2 bad arguments, settings or no
/// data file, 3 the data file is in use (stop the host first).
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

        // The host's own configuration sources (appsettings.json beside the binary, the environment's file, user
        // secrets in Development, environment variables, the command line's settings): the file it would open.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. parsed.Settings],
            ContentRootPath = AppContext.BaseDirectory,
        });
        using var configuration = builder.Configuration;

        // The verb opens the LiteDB file; on PostgreSQL it would purge a file the host no longer uses.
        if (configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() is { IsPostgres: true })
        {
            await errors.WriteLineAsync(
                "purge: Storage:Provider is Postgres, and purge runs on the LiteDB store only so far; nothing was changed.".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(timeProvider);
        services.AddLiteDbStore();
        await using var provider = services.BuildServiceProvider();

        string dataFile;
        try
        {
            dataFile = Path.GetFullPath(provider.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path);
        }
        catch (OptionsValidationException invalid)
        {
            await errors.WriteLineAsync($"purge: {string.Join("\n", invalid.Failures)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        // Opening a store creates its file: a mistyped path must not leave an empty store behind.
        if (!File.Exists(dataFile))
        {
            await errors.WriteLineAsync(
                $"purge: there is no data file at {dataFile} (Storage:LiteDb:Path); nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        IRetentionStore store;
        try
        {
            store = provider.GetRequiredService<IRetentionStore>();
        }
        catch (DataFileInUseException inUse)
        {
            await errors.WriteLineAsync($"purge: {inUse.Message} Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return DataFileInUse;
        }

        var plan = await store.PlanPurgeAsync(parsed.DeclaredBefore, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(PurgeReport.Plan(plan, parsed, dataFile).AsMemory(), cancellationToken).ConfigureAwait(false);
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
