namespace ScribeBot.Core.Storage;

/// <summary>
/// A lock on one channel that holds across every instance sharing a store, registered by a store several hosts may
/// share (PostgreSQL). <see cref="Commands.ChannelLocks"/> takes it, after its own lock within the process, around every
/// read-change-save of a channel's incident, so two hosts answering one channel cannot overwrite each other's change. A
/// store only one process can open (LiteDB, in memory) registers none: the process's own lock is then the whole lock.
/// </summary>
public interface ISharedChannelLocks
{
    /// <summary>
    /// Waits for the channel's lock; dispose the result to release it. A lock its holder cannot release (the host died)
    /// ends with the holder's session. Throws <see cref="StoreUnavailableException"/> when the store is out of reach or
    /// the lock stays held beyond the store's patience, so the caller answers "not now" and nothing changes.
    /// </summary>
    Task<IAsyncDisposable> AcquireAsync(string channelKey, CancellationToken cancellationToken);
}
