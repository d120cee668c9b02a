using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage.Transfer;

/// <summary>
/// A timeline entry as one store holds it, with its arrival number: the tie-break of entries with the same instant,
/// which a copy to another store must keep so the timeline reads in the same order.
/// </summary>
public sealed record ArrivedEntry(TimelineEntry Entry, long Arrival);

/// <summary>An adapter record (<see cref="IAdapterStateStore"/>) and the outbox item that owns it, if any.</summary>
public sealed record AdapterRecord(string Key, string Value, string? OwnerItemId);

/// <summary>The last incident number a workspace gave (purged numbers included): the next incident gets the one after.</summary>
public sealed record WorkspaceCounter(string WorkspaceKey, int LastNumber);
