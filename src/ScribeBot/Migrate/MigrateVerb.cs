using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ScribeBot.Hosting;
using ScribeBot.LiteDb;
using ScribeBot.LiteDb.Transfer;
using ScribeBot.Postgres;
using ScribeBot.Postgres.Migrations;

namespace ScribeBot.Migrate;

/// <summary>
/// <c>migrate</c>: brings the configured store's schema up to this build's before the host starts, for operators
/// who deploy the schema as a step of its own (and so a large LiteDB file's upgrade does not hold up a start). On
/// PostgreSQL it applies the pending migrations under the lock starting hosts take; on LiteDB it runs the file's
/// upgrade. Exit codes as the host's: 0 done or nothing to do, 1 the database failed or could not be reached,
/// 2 bad arguments or settings, 3 the data file is in use, 5 the schema is newer than this build.
/// </summary>
internal static class MigrateVerb
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = StartupFailure.InvalidSettings;

    public const string Usage = "usage: migrate [--Section:Key VALUE ...]   (applies pending schema migrations to the configured store; see README.md)";

    public const string Help = Usage + """


        Brings the store the host is configured with (Storage:Provider) up to this build's schema, as the host does when
        it starts: on PostgreSQL the pending migrations (Storage:Postgres:ConnectionString), on LiteDB the data file's
        upgrade (Storage:LiteDb:Path). Running it again does nothing. Safe while other instances run on PostgreSQL;
        stop the host first on LiteDB.

          --Section:Key VALUE   a setting, as the host takes it (e.g. --Storage:Provider Postgres)

        Exit codes: 0 done or nothing to do; 1 the database failed or could not be reached; 2 bad arguments or
        settings; 3 the data file is in use by another process; 5 the schema is newer than this build.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args.Any(HostUsage.IsHelp))
        {
            await output.WriteLineAsync(Help.AsMemory(), cancellationToken).ConfigureAwait(false);
            return Ok;
        }

        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!VerbConfiguration.TryTakeSetting(args, ref i, settings, out var settingError) || settingError is not null)
            {
                var error = settingError ?? $"unexpected argument '{args[i]}'.";
                await errors.WriteLineAsync($"migrate: {error}\n{Usage}".AsMemory(), cancellationToken).ConfigureAwait(false);
                return BadInput;
            }
        }

        using var configuration = VerbConfiguration.Build(settings);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (!storage.IsKnown)
        {
            await errors.WriteLineAsync(
                $"migrate: Storage:Provider '{storage.Provider}' is neither LiteDb nor Postgres; nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (storage.IsPostgres)
        {
            services.AddPostgresStore();
        }
        else
        {
            services.AddLiteDbStore();
        }

        await using var provider = services.BuildServiceProvider();
        try
        {
            return storage.IsPostgres
                ? await MigratePostgresAsync(provider.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString, output, errors, cancellationToken).ConfigureAwait(false)
                : await UpgradeLiteDbAsync(provider.GetRequiredService<IOptions<LiteDbOptions>>().Value.Path, output, errors, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException invalid)
        {
            await errors.WriteLineAsync($"migrate: {string.Join("\n", invalid.Failures)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return BadInput;
        }
    }

    private static async Task<int> MigratePostgresAsync(string connectionString, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var database = $"PostgreSQL {PostgresSchema.Describe(connectionString)}";
        SchemaMigration migration;
        try
        {
            migration = await PostgresSchema.MigrateAsync(connectionString, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaTooNewException tooNew)
        {
            await errors.WriteLineAsync($"migrate: {database}: {tooNew.Message} Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return StartupFailure.SchemaTooNew;
        }
        catch (NpgsqlException failure)
        {
            await errors.WriteLineAsync(
                $"migrate: could not migrate {database}: {VerbConfiguration.Describe(failure)}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return Failed;
        }

        var text = migration.Applied.Count == 0
            ? $"{database}: schema is at version {migration.Version}, nothing to do."
            : $"{database}: applied {string.Join(", ", migration.Applied)}; schema is at version {migration.Version} (was {migration.FoundVersion}).";
        await output.WriteLineAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return Ok;
    }

    private static async Task<int> UpgradeLiteDbAsync(string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var dataFile = Path.GetFullPath(path);
        var current = LiteDbSchema.CurrentVersion;
        if (!File.Exists(dataFile))
        {
            // A deploy script that runs migrate before every start must not fail the first one.
            await output.WriteLineAsync(
                $"LiteDB data file {dataFile}: there is none yet; the host creates it at schema version {current} when it first starts. Nothing to do.".AsMemory(),
                cancellationToken).ConfigureAwait(false);
            return Ok;
        }

        int before;
        try
        {
            before = await Task.Run(() => LiteDbSchema.Upgrade(dataFile), cancellationToken).ConfigureAwait(false);
        }
        catch (DataFileInUseException inUse)
        {
            await errors.WriteLineAsync($"migrate: {inUse.Message} Nothing was changed.".AsMemory(), cancellationToken).ConfigureAwait(false);
            return StartupFailure.DataFileInUse;
        }

        var text = before >= current
            ? $"LiteDB data file {dataFile}: schema is at version {before}, nothing to do."
            : $"LiteDB data file {dataFile}: upgraded from schema version {before} to {current}.";
        await output.WriteLineAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return Ok;
    }
}
