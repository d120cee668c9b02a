using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Commands;

/// <summary>
/// One async lock per channel: commands in the same channel run one at a time (two people typing
/// <c>start</c> at once get one incident), commands in different channels run in parallel. Everything that reads an
/// incident, changes it and saves it back (the <see cref="CommandHandler"/>, the postmortem editor) must hold this
/// lock, and share one instance (a singleton), or one writer's save would overwrite the other's change. When the store
/// is shared by several hosts, its <see cref="ISharedChannelLocks"/> is taken too, so the rule holds across them.
/// </summary>
/// <remarks>
/// The channel key comes from the request, so a lock exists only while someone holds it or waits for it: memory
/// follows the commands in flight, not every channel that ever sent one. The process's own lock is taken first, so
/// callers in one process queue here and a host holds at most one shared lock (one database session) per channel.
/// </remarks>
public sealed class ChannelLocks(ISharedChannelLocks? shared = null)
{
    // A plain dictionary under one short lock rather than a concurrent one: taking a gate and counting oneself in
    // must be one step, or a gate could be removed between a caller finding it and waiting on it, and a second
    // caller would then create another gate for the same channel and both would run.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Channels with a holder or a waiter.</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>
    /// Waits for the channel's lock; dispose the result to release it. Throws <see cref="StoreUnavailableException"/>
    /// when a shared lock cannot be had now, having released what it took.
    /// </summary>
    public async Task<IAsyncDisposable> AcquireAsync(string channelKey, CancellationToken cancellationToken)
    {
        var local = await AcquireLocalAsync(channelKey, cancellationToken).ConfigureAwait(false);
        if (shared is null)
        {
            return local;
        }

        try
        {
            return new Held(local, await shared.AcquireAsync(channelKey, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Releaser> AcquireLocalAsync(string channelKey, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(channelKey, out gate!))
            {
                gate = new Gate();
                _gates.Add(channelKey, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(channelKey, gate);
            throw;
        }

        return new Releaser(this, channelKey, gate);
    }

    private void Leave(string channelKey, Gate gate)
    {
        lock (_lock)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(channelKey);
            }
        }
    }

    /// <summary>A channel's semaphore and how many callers hold it or wait for it (changed only under the lock).</summary>
    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(ChannelLocks owner, string channelKey, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                // Released before leaving: a caller arriving in between still finds this gate and waits on it.
                gate.Semaphore.Release();
                owner.Leave(channelKey, gate);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Both locks; the shared one is released first, so the next caller here does not wait on this one's.</summary>
    private sealed class Held(Releaser local, IAsyncDisposable shared) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await shared.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await local.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
