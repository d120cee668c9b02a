using System.Buffers.Binary;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// One incident in the <see cref="IncidentLedger"/>: what the dashboard's filters and order and the statistics need,
/// in <see cref="Size"/> bytes (little-endian, fixed layout). Durations are ticks, <see cref="None"/> when absent; a
/// slot whose <see cref="Number"/> is 0 holds no incident (numbers start at 1).
/// </summary>
internal readonly record struct LedgerEntry(
    long DeclaredTicks,
    long TimeToAcknowledgeTicks,
    long TimeToResolveTicks,
    int Number,
    int Workspace,
    Severity Severity,
    ChatPlatform Platform,
    IncidentStatus Status)
{
    public const int Size = 40;
    public const long None = -1;

    public bool IsEmpty => Number == 0;

    public DateTimeOffset Declared => new(DeclaredTicks, TimeSpan.Zero);

    public static LedgerEntry Of(Incident incident, int workspace) => new(
        incident.Declared.At.UtcTicks,
        incident.TimeToAcknowledge?.Ticks ?? None,
        incident.TimeToResolve?.Ticks ?? None,
        incident.Number,
        workspace,
        incident.Severity,
        incident.Channel.Platform,
        incident.Status);

    public IncidentMeasure ToMeasure() => new(
        Declared,
        Severity,
        TimeToAcknowledgeTicks == None ? null : TimeSpan.FromTicks(TimeToAcknowledgeTicks),
        TimeToResolveTicks == None ? null : TimeSpan.FromTicks(TimeToResolveTicks));

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
        slot[35..Size].Clear();
    }

    public static LedgerEntry ReadFrom(ReadOnlySpan<byte> slot) => new(
        BinaryPrimitives.ReadInt64LittleEndian(slot),
        BinaryPrimitives.ReadInt64LittleEndian(slot[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(slot[16..]),
        BinaryPrimitives.ReadInt32LittleEndian(slot[24..]),
        BinaryPrimitives.ReadInt32LittleEndian(slot[28..]),
        (Severity)slot[32],
        (ChatPlatform)slot[33],
        (IncidentStatus)slot[34]);
}
