using ScribeBot.Core.Storage;

namespace ScribeBot.LiteDb;

/// <summary>
/// The <see cref="IAdapterStateStore"/> port: reads from the <see cref="AdapterStateCache"/> that only the writer
/// thread changes, writes through the writer loop like every other write.
/// </summary>
internal sealed partial class LiteDbIncidentStore : IAdapterStateStore
{
    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_adapterState.TryGet(key, out var cached))
        {
            return Task.FromResult(cached);
        }

        // The cache is filled here, on the writer thread, in order with the commits that update it.
        return ReadAsync(() =>
        {
            var value = _file.Schema.FindAdapterState(key);
            _adapterState.Set(key, value);
            return value;
        }, cancellationToken);
    }

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken) =>
        WriteStateAsync(key, value, owner: null, cancellationToken);

    /// <summary>The record names its owner (indexed), so retention and purge remove it with the item.</summary>
    public Task SetItemStateAsync(string outboxItemId, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxItemId);
        return WriteStateAsync(key, value, outboxItemId, cancellationToken);
    }

    private Task<bool> WriteStateAsync(string key, string value, string? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return _writer.EnqueueAsync(
            session =>
            {
                session.SetAdapterState(key, value, owner);
                return true;
            },
            cancellationToken);
    }
}
