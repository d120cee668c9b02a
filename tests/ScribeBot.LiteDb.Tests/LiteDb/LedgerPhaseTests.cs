using System.Buffers.Binary;
using ScribeBot.Core.Metrics;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// The response's phases in the ledger entry (bytes 40-59, whole seconds, -1 unknown): the layout, read back after a
/// restart, and a version 3 file (40-byte entries) upgraded by rewriting every entry from its incident and timeline.
/// </summary>
public sealed class LedgerPhaseTests : DataFileTests
{
    [Fact]
    public void Phases_round_trip_through_the_entry_in_whole_seconds_with_minus_one_for_unknown()
    {
        var phases = PhaseDurations.FromSeconds(420, 0, null, 3_900, 900);
        var bytes = new byte[LedgerEntry.Size];
        var written = new LedgerEntry(T0.UtcTicks, 0, LedgerEntry.None, 7, 0, Severity.Sev1, ChatPlatform.Slack, IncidentStatus.Resolved, Phases: phases);

        written.WriteTo(bytes);
        var read = LedgerEntry.ReadFrom(bytes);

        Assert.Equal(written, read);
        Assert.Equal(phases, read.ToMeasure([]).Phases);
        Assert.Equal(
            [420, 0, -1, 3_900, 900],
            Enumerable.Range(0, 5).Select(i => BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40 + (4 * i)))));
        Assert.Equal(PhaseDurations.None, LedgerEntry.ReadFrom(Written(new LedgerEntry(T0.UtcTicks, 0, 0, 1, 0, Severity.Sev2, ChatPlatform.Teams, IncidentStatus.Triggered))).Phases);
    }

    [Fact]
    public async Task Phases_are_read_back_from_the_file_after_a_restart()
    {
        PhaseDurations before;
        await using (var store = OpenStore())
        {
            var incident = await SaveMisledAsync(store, Channel("C1"), T0);
            before = PhaseDurations.Of(incident, await store.GetTimelineAsync(incident.Id, None));
        }

        await using var reopened = OpenStore();
        var measure = Assert.Single(await reopened.MeasureIncidentsAsync(null, T0, None));

        Assert.Equal(new PhaseDurations(null, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(40), TimeSpan.FromHours(1), TimeSpan.FromMinutes(15)), before);
        Assert.Equal(before, measure.Phases);
    }

    [Fact]
    public async Task A_version_3_file_has_every_entry_rewritten_with_its_phases_and_keeps_its_slots()
    {
        IncidentMeasure[] expected;
        await using (var store = OpenStore())
        {
            await SaveMisledAsync(store, Channel("C1"), T0);
            await store.OpenIncidentAsync(Channel("C2"), Create(Channel("C2"), T0.AddHours(2)), None);
            for (var i = 0; i < IncidentLedger.EntriesPerPage; i++)
            {
                // Past one page of slots, so the rewrite spans pages.
                await SaveMisledAsync(store, Channel($"D{i}"), T0.AddHours(3).AddMinutes(i));
            }

            expected = [.. (await store.MeasureIncidentsAsync(null, T0, None)).OrderBy(m => m.Declared)];
        }

        using (var database = LiteDbIncidentStore.OpenDatabase(StorePath))
        {
            OlderLedgers.WriteBackAsVersion3(database);
        }

        await using var upgraded = OpenStore();
        var measures = (await upgraded.MeasureIncidentsAsync(null, T0, None)).OrderBy(m => m.Declared).ToArray();
        var next = await upgraded.OpenIncidentAsync(Channel("C9"), Create(Channel("C9"), T0.AddDays(1)), None);
        var page = await upgraded.QueryIncidentsAsync(new IncidentQuery { Take = 2 }, None);

        Assert.Equal(IncidentLedger.EntriesPerPage + 2, measures.Length);
        Assert.Equal(expected, measures);
        Assert.Equal(TimeSpan.FromMinutes(15), measures[0].Phases.TimeLost);
        Assert.Equal(PhaseDurations.None, measures[1].Phases);
        // Slots were kept: the list still finds each incident's document from its entry, and a new one takes the next slot.
        Assert.Equal([next.Incident.Id, $"slack:T1:{IncidentLedger.EntriesPerPage + 2}"], page.Items.Select(i => i.Id));
        Assert.Equal(IncidentLedger.EntriesPerPage + 3, page.Total);
    }

    /// <summary>
    /// Opens an incident at <paramref name="declared"/>: acknowledged after 2 minutes, misled from 10 to 25 minutes
    /// (an action ends it), root cause tagged by a reaction at 40, resolved after an hour.
    /// </summary>
    private static async Task<Incident> SaveMisledAsync(LiteDbIncidentStore store, ChannelRef channel, DateTimeOffset declared)
    {
        var incident = (await store.OpenIncidentAsync(channel, Create(channel, declared), None)).Incident;
        TimelineEntry At(string id, int minutes, TimelineTag? tag) =>
            Entry(incident.Id, id, declared.AddMinutes(minutes)) with { Marks = tag is { } t ? [new TagMark(t, Alice.Id)] : [] };
        var resolved = incident with
        {
            Status = IncidentStatus.Resolved,
            Acknowledged = new Milestone(declared.AddMinutes(2), Alice),
            Resolved = new Milestone(declared.AddHours(1), Alice),
        };
        await store.SaveIncidentAsync(resolved, [At("wrong", 10, TimelineTag.Misleading), At("right", 25, TimelineTag.Action), At("cause", 40, null)], [], None);
        await store.UpdateEntryAsync(incident.Id, "cause", e => e with { Marks = [new TagMark(TimelineTag.RootCause, Alice.Id)] }, None);
        return resolved;
    }

    private static byte[] Written(LedgerEntry entry)
    {
        var bytes = new byte[LedgerEntry.Size];
        entry.WriteTo(bytes);
        return bytes;
    }
}
