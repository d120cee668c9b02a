using System.Collections.Concurrent;

namespace ScribeBot.Core.Commands;

/// <summary>
/// One async lock per channel: commands in the same channel run one at a time (two people typing
/// <c>start</c> at once get one incident), commands in different channels run in parallel.
/// </summary>
internal sealed class ChannelLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

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
