using Microsoft.Extensions.Logging;
using Npgsql;
using ScribeBot.Core.Storage;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="ISharedChannelLocks"/> port: a channel's lock held across every instance on the database, as a
/// session advisory lock (<see cref="AdvisoryLocks.LockChannelAsync"/>) on a session of its own
/// (<see cref="PostgresConnections.BuildForChannelLocks"/>), open for as long as the lock is held. Opening an incident
/// was already serialised inside its transaction; this covers every other read-change-save (a command, a page, an
/// editor's save, a follow-up's link), which spans several transactions.
/// </summary>
internal sealed partial class PostgresIncidentStore : ISharedChannelLocks
{
    /// <summary>How long a caller waits for a channel another instance holds before it is answered "not now".</summary>
    internal static readonly TimeSpan DefaultChannelLockPatience = TimeSpan.FromSeconds(15);

    /// <summary>A lock is held for one command's reads and writes, milliseconds; waiting longer means its holder is stuck.</summary>
    internal TimeSpan ChannelLockPatience { get; set; } = DefaultChannelLockPatience;

    public async Task<IAsyncDisposable> AcquireAsync(string channelKey, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(ChannelLockPatience);
        try
        {
            return await GuardedAsync<IAsyncDisposable>(
                async () =>
                {
                    var session = await _channelLockSource.OpenConnectionAsync(patience.Token).ConfigureAwait(false);
                    try
                    {
                        await AdvisoryLocks.LockChannelAsync(session, channelKey, patience.Token).ConfigureAwait(false);
                        return new HeldChannel(session, channelKey, this);
                    }
                    catch
                    {
                        await session.DisposeAsync().ConfigureAwait(false);
                        throw;
                    }
                },
                reportOutage: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogChannelLockTimeout(channelKey, ChannelLockPatience);
            throw new StoreUnavailableException(
                $"The channel {channelKey} has been held by another ScribeBot instance for more than {ChannelLockPatience.TotalSeconds:0} s.");
        }
    }

    /// <summary>Releases the lock, then closes its session (which would release it anyway, should the release fail).</summary>
    private sealed class HeldChannel(NpgsqlConnection session, string channelKey, PostgresIncidentStore store) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await AdvisoryLocks.UnlockChannelAsync(session, channelKey, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or InvalidOperationException)
            {
                store.LogChannelUnlockFailed(channelKey, exception.Message);
            }
            finally
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} was held by another instance for more than {Patience}; the caller was answered 'not now'")]
    private partial void LogChannelLockTimeout(string channel, TimeSpan patience);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing channel {Channel}'s lock failed ({Reason}); closing its session releases it")]
    private partial void LogChannelUnlockFailed(string channel, string reason);
}
