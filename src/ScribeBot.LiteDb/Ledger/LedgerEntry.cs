using System.Buffers.Binary;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// One incident in the <see cref="IncidentLedger"/>: what the dashboard's filters and order and the statistics need,
/// in <see cref="Size"/> bytes (little-endian, fixed layout). Durations are ticks, <see cref="None"/> when absent; a
/// slot whose <see cref="Number"/> is 0 holds no incident (numbers start at 1). Where the clocks run from takes the
/// bytes that were left free: the page's source (byte 35, 0 when not paged) and the paged service's ordinal in the
/// ledger's service list (bytes 36-39, stored plus one so 0 means none). Entries written before they existed read as
/// not paged.
/// </summary>
internal readonly record struct LedgerEntry(
    long DeclaredTicks,
    long TimeToAcknowledgeTicks,
    long TimeToResolveTicks,
    int Number,
    int Workspace,
    Severity Severity,
    ChatPlatform Platform,
    IncidentStatus Status,
    PageSource? PageSource = null,
    int Service = LedgerEntry.NoService)
{
    public const int Size = 40;
    public const long None = -1;
    public const int NoService = -1;

    public bool IsEmpty => Number == 0;

    public DateTimeOffset Declared => new(DeclaredTicks, TimeSpan.Zero);

    /// <summary>The entry of <paramref name="incident"/>, its workspace and paged service (or <see cref="NoService"/>) given by ordinal.</summary>
    public static LedgerEntry Of(Incident incident, int workspace, int service) => new(
        incident.Declared.At.UtcTicks,
        incident.TimeToAcknowledge?.Ticks ?? None,
        incident.TimeToResolve?.Ticks ?? None,
        incident.Number,
        workspace,
        incident.Severity,
        incident.Channel.Platform,
        incident.Status,
        incident.Page?.Source,
        service);

    /// <summary>The entry's measure; <paramref name="services"/> names the service ordinals.</summary>
    public IncidentMeasure ToMeasure(IReadOnlyList<string> services) => new(
        Declared,
        Severity,
        TimeToAcknowledgeTicks == None ? null : TimeSpan.FromTicks(TimeToAcknowledgeTicks),
        TimeToResolveTicks == None ? null : TimeSpan.FromTicks(TimeToResolveTicks),
        PageSource,
        Service == NoService ? null : services[Service]);

    public void WriteTo(Span<byte> slot)
    {
        BinaryPrimitives.WriteInt64LittleEndian(slot, DeclaredTicks);
        BinaryPrimitives.WriteInt64LittleEndian(slot[8..], TimeToAcknowledgeTicks);
        BinaryPrimitives.WriteInt64LittleEndian(slot[16..], TimeToResolveTicks);
        BinaryPrimitives.WriteInt32LittleEndian(slot[24..], Number);
        BinaryPrimitives.WriteInt32LittleEndian(slot[28..], Workspace);
        slot[32] = (byte)Severity;
        slot[33] = (byte)Platform;
        slot[34] = (byte)Status;
        slot[35] = PageSource is { } source ? (byte)((int)source + 1) : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(slot[36..], Service + 1);
    }

    public static LedgerEntry ReadFrom(ReadOnlySpan<byte> slot) => new(
        BinaryPrimitives.ReadInt64LittleEndian(slot),
        BinaryPrimitives.ReadInt64LittleEndian(slot[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(slot[16..]),
        BinaryPrimitives.ReadInt32LittleEndian(slot[24..]),
        BinaryPrimitives.ReadInt32LittleEndian(slot[28..]),
        (Severity)slot[32],
        (ChatPlatform)slot[33],
        (IncidentStatus)slot[34],
        slot[35] == 0 ? null : (PageSource)(slot[35] - 1),
        BinaryPrimitives.ReadInt32LittleEndian(slot[36..]) - 1);
}
