using System.Buffers.Binary;
using ScribeBot.Core.Facts;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// The outage the list shows, in the ledger entry (bytes 60-79): the layout, and a version 4 file (60-byte entries)
/// upgraded by rewriting every entry from its incident and tagged entries.
/// </summary>
public sealed class LedgerOutageTests : DataFileTests
{
    [Fact]
    public void The_outage_round_trips_as_ticks_from_the_declaration_with_its_order_flag()
    {
        var outage = new OutageWindow(T0.AddMinutes(-10), new MeasuredSpan(TimeSpan.FromMinutes(-5), ImpossibleOrder: true));
        var written = new LedgerEntry(T0.UtcTicks, 0, LedgerEntry.None, 7, 0, Severity.Sev1, ChatPlatform.Slack, IncidentStatus.Resolved, Outage: outage);
        var bytes = new byte[LedgerEntry.Size];

        written.WriteTo(bytes);
        var read = LedgerEntry.ReadFrom(bytes);
        var open = LedgerEntry.ReadFrom(Written(written with { Outage = new OutageWindow(T0, null) }));

        Assert.Equal(outage, read.Outage);
        Assert.Equal(TimeSpan.FromMinutes(-10).Ticks, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(60)));
        Assert.Equal(TimeSpan.FromMinutes(-5).Ticks, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(68)));
        Assert.Equal(1, bytes[76]);
        Assert.Equal(new OutageWindow(T0, null), open.Outage);
    }

    [Fact]
    public async Task A_version_4_file_has_its_outages_measured_from_the_tagged_messages_on_upgrade()
    {
        await using (var store = OpenStore())
        {
            var incident = (await store.OpenIncidentAsync(Channel("C1"), Create(Channel("C1"), T0), None)).Incident;
            var resolved = incident with { Status = IncidentStatus.Resolved, Resolved = new Milestone(T0.AddHours(1), Alice) };
            await store.SaveIncidentAsync(
                resolved,
                [
                    Entry(incident.Id, "alert", T0.AddMinutes(-10)) with { Marks = [new TagMark(TimelineTag.Detection, Alice.Id)] },
                    Entry(incident.Id, "back", T0.AddMinutes(30)) with { Marks = [new TagMark(TimelineTag.Resolution, Alice.Id)] },
                ],
                [],
                None);
            await store.OpenIncidentAsync(Channel("C2"), Create(Channel("C2"), T0.AddHours(2)), None);
        }

        using (var database = LiteDbIncidentStore.OpenDatabase(StorePath))
        {
            OlderLedgers.WriteBackAsVersion4(database);
        }

        await using var upgraded = OpenStore();
        var page = await upgraded.QueryIncidentsAsync(new IncidentQuery(), None);

        Assert.Equal(
            [new OutageWindow(T0.AddHours(2), null), new OutageWindow(T0.AddMinutes(-10), new MeasuredSpan(TimeSpan.FromMinutes(40), false))],
            page.Items.Select(page.OutageOf));
    }

    private static byte[] Written(LedgerEntry entry)
    {
        var bytes = new byte[LedgerEntry.Size];
        entry.WriteTo(bytes);
        return bytes;
    }
}
