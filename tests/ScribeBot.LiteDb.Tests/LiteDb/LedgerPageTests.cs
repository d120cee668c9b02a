using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Where the clocks run from, kept in the ledger entry's once-free bytes: read back from the file after a restart, and
/// from a version 2 file, whose entries have zeros there.
/// </summary>
public sealed class LedgerPageTests : DataFileTests
{
    [Fact]
    public async Task Page_source_and_service_are_read_back_from_the_file_after_a_restart()
    {
        await using (var store = OpenStore())
        {
            await SavePagedAsync(store, Channel("C1"), T0, PageSource.Opsgenie, "payments");
            await SavePagedAsync(store, Channel("C2"), T0.AddHours(1), PageSource.PagerDuty, "checkout-api");
            await SavePagedAsync(store, Channel("C3"), T0.AddHours(2), PageSource.PagerDuty, "payments");
        }

        await using var reopened = OpenStore();
        var measures = (await reopened.MeasureIncidentsAsync(null, T0, None)).OrderBy(m => m.Declared).ToArray();

        Assert.Equal([PageSource.Opsgenie, PageSource.PagerDuty, PageSource.PagerDuty], measures.Select(m => m.PageSource));
        Assert.Equal(["payments", "checkout-api", "payments"], measures.Select(m => m.PagedService));
        Assert.All(measures, m => Assert.Equal(TimeSpan.FromMinutes(5), m.TimeToAcknowledge));
    }

    [Fact]
    public async Task A_version_2_file_reads_unpaged_incidents_as_from_the_declaration_and_gives_paged_ones_their_page()
    {
        await using (var store = OpenStore())
        {
            await store.OpenIncidentAsync(Channel("C1"), Create(Channel("C1"), T0), None);
            await SavePagedAsync(store, Channel("C2"), T0.AddHours(1), PageSource.Alertmanager, "search");
        }

        WriteBackAsVersion2(StorePath);

        await using var upgraded = OpenStore();
        var measures = (await upgraded.MeasureIncidentsAsync(null, T0, None)).OrderBy(m => m.Declared).ToArray();

        Assert.Equal(new IncidentMeasure(T0, Severity.Sev2, null, null), measures[0]);
        Assert.Equal(
            new IncidentMeasure(
                T0.AddHours(1), Severity.Sev2, TimeSpan.FromMinutes(5), null, PageSource.Alertmanager, "search",
                new PhaseDurations(null, TimeSpan.FromMinutes(5), null, null, null)),
            measures[1]);
    }

    [Fact]
    public void An_entry_with_zeros_in_the_page_bytes_is_not_paged()
    {
        var bytes = new byte[LedgerEntry.Size];
        new LedgerEntry(T0.UtcTicks, LedgerEntry.None, LedgerEntry.None, 1, 0, Severity.Sev1, ChatPlatform.Slack, IncidentStatus.Triggered)
            .WriteTo(bytes);

        var entry = LedgerEntry.ReadFrom(bytes);

        Assert.Equal(new byte[5], bytes[35..40]);
        Assert.Null(entry.PageSource);
        Assert.Equal(LedgerEntry.NoService, entry.Service);
        Assert.False(entry.ToMeasure([]).IsPaged);
    }

    /// <summary>Opens an incident linked to a page that fired a minute before it was declared, acknowledged five minutes after the page.</summary>
    private static async Task SavePagedAsync(
        LiteDbIncidentStore store, ChannelRef channel, DateTimeOffset declared, PageSource source, string service)
    {
        var incident = (await store.OpenIncidentAsync(channel, Create(channel, declared), None)).Incident;
        var triggered = declared.AddMinutes(-1);
        await store.SaveIncidentAsync(
            incident with
            {
                Page = new PageLink(source, $"alert-{incident.Number}", triggered, "High error rate", service),
                Status = IncidentStatus.Acknowledged,
                Acknowledged = new Milestone(triggered.AddMinutes(5), Alice),
            },
            [],
            [],
            None);
    }

    /// <summary>Clears what versions 3 and 4 added (the entries' page bytes, the service list and the phases), leaving the ledger as version 2 wrote it.</summary>
    private static void WriteBackAsVersion2(string path)
    {
        using var database = LiteDbIncidentStore.OpenDatabase(path);
        OlderLedgers.WriteBackAsVersion3(database);
        var pages = database.GetCollection(IncidentLedger.Collection);
        foreach (var page in pages.FindAll().ToArray())
        {
            var bytes = page["entries"].AsBinary;
            for (var slot = 0; slot < IncidentLedger.EntriesPerPage; slot++)
            {
                bytes.AsSpan((slot * OlderLedgers.Version3EntrySize) + 35, 5).Clear();
            }

            page["entries"] = bytes;
            pages.Update(page);
        }

        var counters = database.GetCollection(StoreSchema.CounterCollection);
        var state = counters.FindById("$ledger");
        Assert.True(state.Remove("services"));
        counters.Update(state);
        counters.Upsert(new BsonDocument { ["_id"] = "$schema", ["version"] = 2 });
    }
}
