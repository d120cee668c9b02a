namespace ScribeBot.Core.Storage;

/// <summary>
/// Small durable records an adapter keeps and the core never interprets: how to reach a Teams conversation outside
/// a turn (its service URL and conversation id), which parts of a multi-part post already reached the platform.
/// Keys are case-sensitive and compared ordinally; a value replaces the previous one. A write is durable when its
/// task completes, like every store write.
/// </summary>
public interface IAdapterStateStore
{
    Task<string?> GetStateAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a record that no outbox item owns (kept until replaced), replacing the key's previous value and owner.</summary>
    Task SetStateAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a record that belongs to the outbox item <paramref name="outboxItemId"/> (what a poster notes while it
    /// delivers that item), replacing the key's previous value and owner: it is read only while the item is pending,
    /// and the store removes it with the item (<see cref="IRetentionStore"/>), so the core never needs to know an
    /// adapter's key format. The default ignores the owner, which is right only for a store that never removes outbox
    /// items (a test double); every real store overrides it, and the store contract checks that it does.
    /// </summary>
    Task SetItemStateAsync(string outboxItemId, string key, string value, CancellationToken cancellationToken) =>
        SetStateAsync(key, value, cancellationToken);
}
