using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ScribeBot.Core.Storage.Transfer;
using ScribeBot.Hosting;
using ScribeBot.LiteDb;
using ScribeBot.LiteDb.Transfer;
using ScribeBot.Postgres;
using ScribeBot.Postgres.Migrations;
using ScribeBot.Postgres.Transfer;

namespace ScribeBot.MigrateStore;

/// <summary>
/// <c>migrate-store --from litedb:PATH --to postgres:CONNECTION</c>: copies a LiteDB data file into PostgreSQL, page
/// by page (memory holds one page, whatever the file's size), each page in one transaction, keyed by the ids the rows
/// had, so a second run copies only what is new and a run cut short is finished by running it again. Before writing
/// anything it checks that the database holds no other incident under an id the file uses (a database another host
/// already filled), and refuses if it does. Entries go before incidents, so each incident's phase columns are computed
/// from its copied entries; pending posts go in the order they were enqueued; the workspace counters go last.
/// </summary>
internal static class MigrateStoreVerb
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = StartupFailure.InvalidSettings;

    /// <summary>Rows read from the file and written in one transaction.</summary>
    internal const int IncidentsPerPage = 500;

    internal const int EntriesPerPage = 2_000;

    internal const int PostsPerPage = 500;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args.Any(HostUsage.IsHelp))
        {
            await output.WriteLineAsync(MigrateStoreArguments.Help.AsMemory(), cancellationToken).ConfigureAwait(false);
            return Ok;
        }

        if (!MigrateStoreArguments.TryParse(args, out var parsed, out var argumentError))
        {
            return await FailAsync(errors, $"{argumentError}\n{MigrateStoreArguments.Usage}", BadInput, cancellationToken).ConfigureAwait(false);
        }

        using var configuration = VerbConfiguration.Build(parsed.Settings);
        var path = parsed.LiteDbPath ?? configuration["Storage:LiteDb:Path"] ?? new LiteDbOptions().Path;
        var connectionString = parsed.ConnectionString ?? configuration["Storage:Postgres:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return await FailAsync(
                errors, "--to postgres: names no connection, and Storage:Postgres:ConnectionString is empty; give one (postgres:Host=...;Database=...).",
                BadInput, cancellationToken).ConfigureAwait(false);
        }

        string database;
        try
        {
            database = $"PostgreSQL {PostgresSchema.Describe(connectionString)}";
        }
        catch (ArgumentException invalid)
        {
            // Npgsql names the bad keyword, never the rest of the string (it may hold a password).
            return await FailAsync(errors, $"--to is not a usable connection string: {invalid.Message}", BadInput, cancellationToken).ConfigureAwait(false);
        }

        LiteDbExport source;
        try
        {
            source = await Task.Run(() => LiteDbExport.Open(path), cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException missing)
        {
            return await FailAsync(errors, $"{missing.Message} Nothing was copied.", BadInput, cancellationToken).ConfigureAwait(false);
        }
        catch (DataFileInUseException inUse)
        {
            return await FailAsync(errors, $"{inUse.Message} Nothing was copied.", StartupFailure.DataFileInUse, cancellationToken).ConfigureAwait(false);
        }

        using (source)
        {
            PostgresImport target;
            try
            {
                target = await PostgresImport.OpenAsync(connectionString, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
            }
            catch (SchemaTooNewException tooNew)
            {
                return await FailAsync(errors, $"{database}: {tooNew.Message} Nothing was copied.", StartupFailure.SchemaTooNew, cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException failure)
            {
                return await FailAsync(
                    errors, $"could not open {database}: {VerbConfiguration.Describe(failure)} Nothing was copied.", Failed, cancellationToken).ConfigureAwait(false);
            }

            await using (target)
            {
                await output.WriteLineAsync(
                    $"From LiteDB data file {source.Path} to {database} (schema version {target.SchemaVersion}).".AsMemory(), cancellationToken).ConfigureAwait(false);
                return await CopyAsync(source, target, output, errors, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> CopyAsync(LiteDbExport source, PostgresImport target, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var tally = new MigrateStoreTally();
        try
        {
            foreach (var page in source.Incidents(IncidentsPerPage))
            {
                if (await target.FindConflictAsync(page, cancellationToken).ConfigureAwait(false) is { } conflict)
                {
                    return await FailAsync(
                        errors,
                        $"PostgreSQL already holds a different incident {conflict.IncidentId} (in {conflict.StoredChannelKey}; the file's is in " +
                        $"{conflict.CopiedChannelKey}): the database was not filled from this file. Nothing was copied; copy into an empty database.",
                        BadInput,
                        cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (var page in source.Entries(EntriesPerPage))
            {
                tally.Entries = tally.Entries.Add(await target.CopyEntriesAsync(page, cancellationToken).ConfigureAwait(false));
            }

            var workspaces = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var page in source.Incidents(IncidentsPerPage))
            {
                tally.Incidents = tally.Incidents.Add(await target.CopyIncidentsAsync(page, cancellationToken).ConfigureAwait(false));
                foreach (var incident in page)
                {
                    workspaces[incident.Channel.WorkspaceKey] = Math.Max(workspaces.GetValueOrDefault(incident.Channel.WorkspaceKey), incident.Number);
                }
            }

            foreach (var page in source.FinishedPosts(PostsPerPage))
            {
                tally.Posts = tally.Posts.Add(await target.CopyPostsAsync(page, cancellationToken).ConfigureAwait(false));
            }

            foreach (var page in source.PendingPosts().Chunk(PostsPerPage))
            {
                var copied = await target.CopyPostsAsync(page, cancellationToken).ConfigureAwait(false);
                tally.Posts = tally.Posts.Add(copied);
                tally.PendingPostsCopied += copied.Copied;
            }

            foreach (var page in source.AdapterRecords(PostsPerPage))
            {
                tally.AdapterRecords = tally.AdapterRecords.Add(await target.CopyAdapterRecordsAsync(page, cancellationToken).ConfigureAwait(false));
            }

            foreach (var counter in source.WorkspaceCounters())
            {
                workspaces[counter.WorkspaceKey] = Math.Max(workspaces.GetValueOrDefault(counter.WorkspaceKey), counter.LastNumber);
            }

            var counters = await target.RaiseCountersAsync(
                [.. workspaces.Select(w => new WorkspaceCounter(w.Key, w.Value))], cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(tally.Report(counters).AsMemory(), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Ok;
        }
        catch (Exception failure) when (failure is NpgsqlException or LiteException or IOException)
        {
            var reason = failure is NpgsqlException npgsql ? VerbConfiguration.Describe(npgsql) : failure.Message;
            return await FailAsync(
                errors,
                $"the copy stopped after {tally.Describe()} were copied: {reason}\nWhat was copied stays; run the same command again to finish.",
                Failed,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> FailAsync(TextWriter errors, string message, int exitCode, CancellationToken cancellationToken)
    {
        await errors.WriteLineAsync($"migrate-store: {message}".AsMemory(), cancellationToken).ConfigureAwait(false);
        return exitCode;
    }
}
