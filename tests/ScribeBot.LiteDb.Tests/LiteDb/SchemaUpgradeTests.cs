namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>A file written before version 2 (no ledger, pointers, open or pending fields) opens and answers as before.</summary>
public sealed class SchemaUpgradeTests : DataFileTests
{
    [Fact]
    public async Task A_version_1_file_is_upgraded_once_and_every_read_answers_as_before()
    {
        var busy = Channel("C1");
        var quiet = Channel("C2");
        var teams = Channel("19:a@thread.tacv2", "tenant", ChatPlatform.Teams);
        Incident openInBusy, openTeams, resolvedQuiet;
        var pending = new OutboxItem
        {
            Id = OutboxItem.MakeId(teams, "start", 0),
            Post = new AnnouncementPost(teams, ChatText.Of("started")),
            EnqueuedAt = T0,
            NextAttemptAt = T0,
        };
        await using (var store = OpenStore())
        {
            for (var i = 0; i < 3; i++)
            {
                var resolved = await OpenAsync(store, busy, T0.AddHours(i));
                await store.SaveIncidentAsync(Resolve(resolved, TimeSpan.FromMinutes(30)), [], [], None);
            }

            openInBusy = await OpenAsync(store, busy, T0.AddHours(5));
            resolvedQuiet = Resolve(await OpenAsync(store, quiet, T0.AddHours(6)), TimeSpan.FromMinutes(10));
            await store.SaveIncidentAsync(resolvedQuiet, [], [], None);
            openTeams = await OpenAsync(store, teams, T0.AddHours(7));
            await ((IOutboxStore)store).EnqueueAsync([pending], None);
        }

        WriteBackAsVersion1(StorePath);

        await using (var upgraded = OpenStore())
        {
            AssertSame(openInBusy, await upgraded.FindOpenIncidentAsync(busy, None));
            AssertSame(openInBusy, await upgraded.FindLatestIncidentAsync(busy, None));
            AssertSame(resolvedQuiet, await upgraded.FindLatestIncidentAsync(quiet, None));
            Assert.Null(await upgraded.FindOpenIncidentAsync(quiet, None));
            AssertSame(openTeams, await upgraded.FindOpenIncidentAsync(teams, None));

            var list = await upgraded.QueryIncidentsAsync(new IncidentQuery { Status = IncidentStatus.Resolved }, None);
            Assert.Equal([resolvedQuiet.Id, "slack:T1:3", "slack:T1:2", "slack:T1:1"], list.Items.Select(i => i.Id));
            Assert.Equal(4, list.Total);

            var measures = await upgraded.MeasureIncidentsAsync(busy.WorkspaceKey, T0, None);
            Assert.Equal(5, measures.Count);
            Assert.Equal(4, measures.Count(m => m.TimeToResolve is not null));

            var due = await ((IOutboxStore)upgraded).GetDueAsync(T0.AddDays(1), 10, [ChatPlatform.Teams], None);
            Assert.Equal(pending.Id, Assert.Single(due).Id);

            var next = await upgraded.OpenIncidentAsync(quiet, Create(quiet, T0.AddHours(8)), None);
            Assert.Equal(6, next.Incident.Number);
            AssertSame(next.Incident, await upgraded.FindLatestIncidentAsync(quiet, None));
        }
    }

    private static async Task<Incident> OpenAsync(LiteDbIncidentStore store, ChannelRef channel, DateTimeOffset declared) =>
        (await store.OpenIncidentAsync(channel, Create(channel, declared), None)).Incident;

    private static Incident Resolve(Incident incident, TimeSpan after) =>
        incident with { Status = IncidentStatus.Resolved, Resolved = new Milestone(incident.Declared.At + after, Alice) };

    /// <summary>Takes out everything version 2 added, leaving the documents as version 1 wrote them.</summary>
    private static void WriteBackAsVersion1(string path)
    {
        using var database = LiteDbIncidentStore.OpenDatabase(path);
        database.DropCollection(IncidentLedger.Collection);
        var counters = database.GetCollection(StoreSchema.CounterCollection);
        Assert.True(counters.DeleteMany(Query.Or(Query.EQ("_id", "$ledger"), Query.EQ("_id", "$schema"), Query.StartsWith("_id", "latest:"))) >= 5);

        var incidents = database.GetCollection(IncidentMapping.Collection);
        foreach (var doc in incidents.FindAll().ToArray())
        {
            doc.Remove(IncidentMapping.LedgerSlotField);
            doc.Remove(IncidentMapping.OpenChannelField);
            incidents.Update(doc);
        }

        var outbox = database.GetCollection(OutboxMapping.Collection);
        foreach (var doc in outbox.FindAll().ToArray())
        {
            doc.Remove(OutboxMapping.PendingPlatformField);
            outbox.Update(doc);
        }

        incidents.DropIndex(IncidentMapping.OpenChannelField);
        outbox.DropIndex(OutboxMapping.PendingPlatformField);
        outbox.EnsureIndex(OutboxMapping.StateField, "$." + OutboxMapping.StateField);
    }
}
