using System.Buffers.Binary;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;

namespace ScribeBot.LiteDb.Ledger;

/// <summary>
/// One incident in the <see cref="IncidentLedger"/>: what the dashboard's filters and order and the statistics need,
/// in <see cref="Size"/> bytes (little-endian, fixed layout). Durations are ticks, <see cref="None"/> when absent; a
/// slot whose <see cref="Number"/> is 0 holds no incident (numbers start at 1). Where the clocks run from takes the
/// bytes that were left free: the page's source (byte 35, 0 when not paged) and the paged service's ordinal in the
/// ledger's service list (bytes 36-39, stored plus one so 0 means none). Bytes 40-59 hold the response's phases
/// (<see cref="PhaseDurations"/>: detect, acknowledge, root cause, resolve, time lost) in whole seconds, -1 when unknown;
/// schema 4 made the entry that long, rewriting every entry from its incident. Bytes 60-79 hold the
/// <see cref="OutageWindow"/> the list shows: its start as ticks from the declaration (60-67), its length in ticks or
/// <see cref="NoLength"/> (68-75) and, in byte 76, 1 when that length rests on times in an impossible order (77-79 are
/// free); schema 5 made the entry that long, again rewriting every entry.
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
    int Service = LedgerEntry.NoService,
    PhaseDurations Phases = default,
    OutageWindow Outage = default)
{
    public const int Size = 80;
    public const long NoLength = long.MinValue;
    private const int PhasesAt = 40;
    private const int OutageAt = 60;
    public const long None = -1;
    public const int NoService = -1;

    public bool IsEmpty => Number == 0;

    public DateTimeOffset Declared => new(DeclaredTicks, TimeSpan.Zero);

    /// <summary>
    /// The entry of <paramref name="incident"/> whose figures are <paramref name="measure"/> and <paramref name="outage"/>,
    /// its workspace and paged service (or <see cref="NoService"/>) given by ordinal.
    /// </summary>
    public static LedgerEntry Of(Incident incident, IncidentMeasure measure, OutageWindow outage, int workspace, int service) => new(
        measure.Declared.UtcTicks,
        measure.TimeToAcknowledge?.Ticks ?? None,
        measure.TimeToResolve?.Ticks ?? None,
        incident.Number,
        workspace,
        measure.Severity,
        incident.Channel.Platform,
        incident.Status,
        measure.PageSource,
        service,
        measure.Phases,
        outage);

    /// <summary>The entry's measure; <paramref name="services"/> names the service ordinals.</summary>
    public IncidentMeasure ToMeasure(IReadOnlyList<string> services) => new(
        Declared,
        Severity,
        TimeToAcknowledgeTicks == None ? null : TimeSpan.FromTicks(TimeToAcknowledgeTicks),
        TimeToResolveTicks == None ? null : TimeSpan.FromTicks(TimeToResolveTicks),
        PageSource,
        Service == NoService ? null : services[Service],
        Phases);

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
        foreach (var phase in PhaseStatistics.Phases)
        {
            BinaryPrimitives.WriteInt32LittleEndian(slot[(PhasesAt + (4 * (int)phase))..], Phases.Seconds(phase) ?? (int)None);
        }

        BinaryPrimitives.WriteInt64LittleEndian(slot[OutageAt..], Outage.Start.UtcTicks - DeclaredTicks);
        BinaryPrimitives.WriteInt64LittleEndian(slot[(OutageAt + 8)..], Outage.Length?.Value.Ticks ?? NoLength);
        slot[OutageAt + 16] = Outage.Length is { ImpossibleOrder: true } ? (byte)1 : (byte)0;
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
        BinaryPrimitives.ReadInt32LittleEndian(slot[36..]) - 1,
        PhaseDurations.FromSeconds(
            PhaseAt(slot, Phase.Detect), PhaseAt(slot, Phase.Acknowledge), PhaseAt(slot, Phase.RootCause), PhaseAt(slot, Phase.Resolve), PhaseAt(slot, Phase.TimeLost)),
        OutageFrom(slot));

    private static OutageWindow OutageFrom(ReadOnlySpan<byte> slot)
    {
        var declared = BinaryPrimitives.ReadInt64LittleEndian(slot);
        var length = BinaryPrimitives.ReadInt64LittleEndian(slot[(OutageAt + 8)..]);
        return new OutageWindow(
            new DateTimeOffset(declared + BinaryPrimitives.ReadInt64LittleEndian(slot[OutageAt..]), TimeSpan.Zero),
            length == NoLength ? null : new MeasuredSpan(TimeSpan.FromTicks(length), slot[OutageAt + 16] == 1));
    }

    private static int? PhaseAt(ReadOnlySpan<byte> slot, Phase phase) =>
        BinaryPrimitives.ReadInt32LittleEndian(slot[(PhasesAt + (4 * (int)phase))..]) is var seconds and >= 0 ? seconds : null;
}
