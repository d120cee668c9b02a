using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ScribeBot.Core.Storage;

namespace ScribeBot.Postgres;

/// <summary>
/// The store's part in the host's start and stop. At start it waits for the database (up to
/// <see cref="PostgresOptions.StartupTimeout"/>, pausing 0.5 s, 1 s, 2 s, 4 s, then 5 s between attempts, one line each) and
/// migrates the schema, so a schema newer than this build or a database that never came stops the start rather than
/// the first request. At stop, registered before the outbox worker and so stopped after it, it releases the outbox
/// items this instance still holds, so another instance delivers them at once rather than when the lease runs out.
/// </summary>
internal sealed partial class PostgresStoreLifetime(
    PostgresIncidentStore store, IOptions<PostgresOptions> options, TimeProvider timeProvider, ILogger<PostgresStoreLifetime> logger) : IHostedService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timeout = options.Value.StartupTimeout;
        var started = timeProvider.GetTimestamp();
        var pause = FirstPause;
        // What the server (or the network) last said: a final attempt cut short by the deadline says nothing new.
        StoreUnavailableException? lastAnswer = null;
        for (var attempt = 1; ; attempt++)
        {
            var left = timeout - timeProvider.GetElapsedTime(started);
            Exception failure;
            try
            {
                // An attempt may not outlast the wait (a server that drops packets holds a connect for Npgsql's 15 s).
                using var attemptDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptDeadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(-1));
                await store.MigrateAtStartAsync(attemptDeadline.Token).ConfigureAwait(false);
                if (attempt > 1)
                {
                    LogReached(store.Endpoint, attempt);
                }

                return;
            }
            catch (StoreUnavailableException exception)
            {
                failure = lastAnswer = exception;
            }
            catch (NpgsqlException exception) when (exception is not PostgresException postgres || IsRefusal(postgres.SqlState))
            {
                // Reached, but refused (a wrong password, no such database, no permission): waiting will not change it.
                throw new DatabaseUnreachableException(store.Endpoint, DatabaseFailures.Reason(exception), exception);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                failure = lastAnswer ?? new StoreUnavailableException($"no answer within {timeout:c}", exception);
            }

            var reason = DatabaseFailures.Reason(failure);
            left = timeout - timeProvider.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new DatabaseUnreachableException(store.Endpoint, timeout, attempt, reason, failure);
            }

            var wait = pause < left ? pause : left;
            LogWaiting(store.Endpoint, attempt, reason, wait);
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var released = await store.ReleaseLeasesAsync(cancellationToken).ConfigureAwait(false);
            if (released > 0)
            {
                LogReleased(released);
            }
        }
        catch (Exception exception) when (exception is StoreUnavailableException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing lost: the items stay leased until the lease runs out, then another instance takes them. (Disposed:
            // a test host's Program may dispose the container while the factory still stops the host.)
            LogNotReleased(exception);
        }
    }

    /// <summary>Invalid authorization (28: password, no pg_hba entry), no such database (3D000), no privilege (42501).</summary>
    private static bool IsRefusal(string state) => state.StartsWith("28", StringComparison.Ordinal) || state is "3D000" or "42501";

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL at {Endpoint} not reachable (attempt {Attempt}): {Reason}; trying again in {Pause}")]
    private partial void LogWaiting(string endpoint, int attempt, string reason, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL at {Endpoint} reached at attempt {Attempt}")]
    private partial void LogReached(string endpoint, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} outbox items this instance held, for another instance to deliver")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release this instance's outbox leases at stop; other instances take the items when the leases run out")]
    private partial void LogNotReleased(Exception exception);
}
