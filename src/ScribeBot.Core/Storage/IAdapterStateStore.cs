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

    Task SetStateAsync(string key, string value, CancellationToken cancellationToken);
}
