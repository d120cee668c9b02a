using System.Collections.Concurrent;

namespace ScribeBot.Core.Commands;

/// <summary>
/// One async lock per channel: commands in the same channel run one at a time (two people typing
/// <c>start</c> at once get one incident), commands in different channels run in parallel. Everything that reads an
/// incident, changes it and saves it back (the <see cref="CommandHandler"/>, the postmortem editor) must hold this
/// lock, and share one instance (a singleton), or one writer's save would overwrite the other's change.
/// </summary>
public sealed class ChannelLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the channel's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string channelKey, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(channelKey, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
