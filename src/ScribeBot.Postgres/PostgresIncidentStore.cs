using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ScribeBot.Core.Storage;
using ScribeBot.Postgres.Migrations;
using ScribeBot.Postgres.Writing;

namespace ScribeBot.Postgres;

/// <summary>
/// <see cref="Core.Storage.IIncidentStore"/>, <see cref="Core.Outbox.IOutboxStore"/>,
/// <see cref="Core.Storage.IAdapterStateStore"/> and <see cref="Core.Storage.IRetentionStore"/> on a PostgreSQL
/// database that several instances may share. Each call is one transaction on a pooled connection, committed before
/// its task completes, with <c>synchronous_commit</c> never <c>off</c> (<see cref="DurableCommits"/>); timeline appends,
/// the hot path, are gathered from concurrent callers into one transaction per batch (<see cref="EntryAppendBatcher"/>).
/// A read-change-save of a channel's incident
/// holds that channel's advisory lock across instances (<see cref="AdvisoryLocks"/>, the <c>.ChannelLocks</c> file), so
/// two instances cannot overwrite each other's change or both open an incident in one channel.
/// <para>
/// One type in several files, one per port (<c>.Incidents</c>, <c>.Outbox</c>, <c>.AdapterState</c>, <c>.Retention</c>,
/// <c>.ChannelLocks</c>, ...) and this one for the connection and the schema, which is migrated before the first call touches a table.
/// </para>
/// <para>
/// A database out of reach (<see cref="DatabaseFailures.IsUnavailable"/>) fails the call with
/// <see cref="StoreUnavailableException"/> and empties the pool, whose idle connections died with the server, so the
/// first calls after it is back do not meet them; the outage is logged once (<see cref="DatabaseOutage"/>).
/// </para>
/// </summary>
internal sealed partial class PostgresIncidentStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _channelLockSource;
    private readonly EntryAppendBatcher _appends;
    private readonly ILogger<PostgresIncidentStore> _logger;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly SemaphoreSlim _migrating = new(1, 1);
    private readonly TimeSpan _outboxLease;
    private readonly DatabaseOutage _outage;
    private volatile bool _schemaReady;

    /// <summary>Who holds this instance's outbox leases: new for every store, so a restarted host is a new holder.</summary>
    internal string InstanceId { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    public PostgresIncidentStore(IOptions<PostgresOptions> options, ILogger<PostgresIncidentStore> logger, TimeProvider timeProvider)
        : this(options.Value.ConnectionString, logger, Migration.Embedded, options.Value.OutboxLease, timeProvider)
    {
    }

    /// <param name="migrations">The migrations this store knows; tests give fewer or more.</param>
    /// <param name="outboxLease">How long outbox items handed out stay leased to this instance; tests give a tiny one.</param>
    internal PostgresIncidentStore(
        string connectionString,
        ILogger<PostgresIncidentStore> logger,
        IReadOnlyList<Migration> migrations,
        TimeSpan? outboxLease = null,
        TimeProvider? timeProvider = null)
    {
        _logger = logger;
        _migrations = migrations;
        _outboxLease = outboxLease ?? PostgresOptions.DefaultOutboxLease;
        LogInstance(InstanceId, _outboxLease);
        _dataSource = PostgresConnections.Build(connectionString);
        _channelLockSource = PostgresConnections.BuildForChannelLocks(connectionString);
        Endpoint = EndpointOf(new NpgsqlConnectionStringBuilder(connectionString));
        _outage = new DatabaseOutage(Endpoint, timeProvider ?? TimeProvider.System, logger);
        _appends = new EntryAppendBatcher(_dataSource, logger);
    }

    /// <summary>Where the database is, for operators' messages: <c>host:port/database</c>, never the credentials.</summary>
    internal string Endpoint { get; }

    /// <summary>
    /// Applies the pending migrations (once per store; again after a failure, so a database that was down at start
    /// is migrated when it is back). Throws <see cref="SchemaTooNewException"/> against a newer schema.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        GuardedAsync(
            async () =>
            {
                await MigrateUnguardedAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            reportOutage: true);

    /// <summary>
    /// <see cref="MigrateAsync"/> for the wait at start, whose every attempt the caller logs itself: an unreachable
    /// database is still <see cref="StoreUnavailableException"/>, but not reported as an outage (the host is not up).
    /// </summary>
    internal Task MigrateAtStartAsync(CancellationToken cancellationToken) =>
        GuardedAsync(
            async () =>
            {
                await MigrateUnguardedAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            reportOutage: false);

    private async Task MigrateUnguardedAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _migrating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                var migration = await new SchemaMigrator(_dataSource, _logger).MigrateAsync(_migrations, cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
                LogReady(migration.Version);
            }
        }
        finally
        {
            _migrating.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Appends already queued are written (and their callers answered) before the pool goes.
        await _appends.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await _channelLockSource.DisposeAsync().ConfigureAwait(false);
        _migrating.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; a failure rolls everything back.</summary>
    private Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        GuardedAsync(
            async () =>
            {
                await MigrateUnguardedAsync(cancellationToken).ConfigureAwait(false);
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            },
            reportOutage: true);

    /// <summary>Runs a single statement (atomic by itself) on a pooled connection.</summary>
    private Task<T> OnConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        GuardedAsync(
            async () =>
            {
                await MigrateUnguardedAsync(cancellationToken).ConfigureAwait(false);
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                return await work(connection).ConfigureAwait(false);
            },
            reportOutage: true);

    /// <summary>
    /// Runs a call on the database, turning "the database is not there" into <see cref="StoreUnavailableException"/>.
    /// A commit cut off that way may or may not have landed; the caller was not answered, and the platform's
    /// redelivery is idempotent by its message or request id.
    /// </summary>
    private async Task<T> GuardedAsync<T>(Func<Task<T>> call, bool reportOutage)
    {
        var mark = _outage.Mark;
        try
        {
            var result = await call().ConfigureAwait(false);
            _outage.Succeeded(mark);
            return result;
        }
        catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception))
        {
            // The pool's idle connections went with the server: without this, each would fail one call after it is back.
            _dataSource.Clear();
            _appends.ForgetConnections();
            if (reportOutage)
            {
                _outage.Failed(exception);
            }

            throw new StoreUnavailableException($"PostgreSQL at {Endpoint} is unavailable: {DatabaseFailures.Reason(exception)}", exception);
        }
    }

    private static string EndpointOf(NpgsqlConnectionStringBuilder connection) =>
        $"{connection.Host ?? "localhost"}:{connection.Port}/{connection.Database ?? connection.Username ?? ""}";

    /// <summary>A setting as this store's sessions see it (<c>current_setting</c>), for the tests of the session set-up.</summary>
    internal Task<string> SessionSettingAsync(string name, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c =>
            {
                await using var command = new NpgsqlCommand("SELECT current_setting(@name)", c);
                command.Parameters.AddWithValue("name", name);
                return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL store instance {InstanceId}: outbox items it takes are leased for {Lease}")]
    private partial void LogInstance(string instanceId, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL incident store ready (schema version {Version})")]
    private partial void LogReady(int version);
}
