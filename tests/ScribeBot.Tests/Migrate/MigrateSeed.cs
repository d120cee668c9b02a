using LiteDB;
using ScribeBot.Testing.Storage;
using static ScribeBot.Tests.Migrate.StoreSeed;

namespace ScribeBot.Tests.Migrate;

/// <summary>
/// A history to copy, written through the ports: two workspaces, tagged and edited entries, entries that share an
/// instant (their order is arrival), a delivered post with the delivery record its poster keeps, a pending post, an
/// adapter record no post owns, and a purged incident, so the workspace's counter is past its highest number.
/// </summary>
internal static class MigrateSeed
{
    public static readonly DateTimeOffset Day = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Incident ids written, newest last; the purged one is not among them.</summary>
    public sealed record Seeded(IReadOnlyList<string> IncidentIds, OutboxItem Delivered, OutboxItem Pending);

    /// <summary>The copy's incidents: titled after their channel, in Berlin time.</summary>
    public static IncidentWithEntries Opening(ChannelRef channel, int number, DateTimeOffset declared, params string[] messageIds) =>
        Declaration(channel, number, declared, $"Incident {number} in {channel.Channel}", "Europe/Berlin", messageIds);

    /// <summary>
    /// A SEV2 incident Alice declares at <paramref name="declared"/>, with her entries <paramref name="messageIds"/> at
    /// that instant; the purge tests declare theirs with it too.
    /// </summary>
    public static IncidentWithEntries Declaration(
        ChannelRef channel, int number, DateTimeOffset declared, string title, string timeZoneId, params string[] messageIds)
    {
        var incident = Samples.Incident(channel, number, declared) with { Title = title, TimeZoneId = timeZoneId };
        return new IncidentWithEntries(incident, messageIds.Select(id => Entry(incident.Id, id, declared)).ToArray());
    }

    /// <summary>Alice's entry <paramref name="messageId"/>, with the tags <paramref name="tags"/> marked by her.</summary>
    public static TimelineEntry Entry(string incidentId, string messageId, DateTimeOffset at, params TimelineTag[] tags) =>
        Samples.Entry(incidentId, messageId, at) with { Marks = tags.Select(t => new TagMark(t, Alice.Id)).ToArray() };

    public static async Task<Seeded> WriteAsync(StorePorts store)
    {
        var ids = new List<string>();
        var ct = CancellationToken.None;

        // slack:T1 INC-1: resolved, tagged entries (detection, resolution), one edited, two sharing an instant.
        var first = (await store.Incidents.OpenIncidentAsync(SlackC1, n => Opening(SlackC1, n, Day, "m1"), ct)).Incident;
        await store.Incidents.AppendEntryAsync(Entry(first.Id, "m3", Day.AddMinutes(2)), ct);
        await store.Incidents.AppendEntryAsync(Entry(first.Id, "m2", Day.AddMinutes(2), TimelineTag.Detection), ct);
        await store.Incidents.AppendEntryAsync(Entry(first.Id, "m4", Day.AddMinutes(9), TimelineTag.Resolution), ct);
        await store.Incidents.UpdateEntryAsync(first.Id, "m3", e => e with
        {
            Text = "message m3, edited",
            Edits = [new TextRevision(e.Text, Day.AddMinutes(3))],
        }, ct);
        var resolved = first with
        {
            Status = IncidentStatus.Resolved,
            Acknowledged = new Milestone(Day.AddMinutes(4), Alice),
            Resolved = new Milestone(Day.AddMinutes(10), Alice),
        };
        var delivered = Post(resolved, "resolve", Day.AddMinutes(10));
        await store.Incidents.SaveIncidentAsync(resolved, [Entry(first.Id, "cmd-resolve", Day.AddMinutes(10), TimelineTag.Resolution)], [delivered], ct);
        await store.State.SetItemStateAsync(delivered.Id, "slack:delivery:" + delivered.Id, """{"done":true}""", ct);
        await store.Outbox.MarkDeliveredAsync(delivered.Id, Day.AddMinutes(11), ct);
        ids.Add(first.Id);

        // slack:T1 INC-2: resolved, no entries. INC-3: open in the same channel, with a post still pending.
        var second = (await store.Incidents.OpenIncidentAsync(SlackC1, n => Opening(SlackC1, n, Day.AddDays(1)), ct)).Incident;
        await store.Incidents.SaveIncidentAsync(second with { Status = IncidentStatus.Resolved, Resolved = new Milestone(Day.AddDays(1).AddHours(2), Alice) }, [], [], ct);
        ids.Add(second.Id);
        var open = (await store.Incidents.OpenIncidentAsync(SlackC1, n => Opening(SlackC1, n, Day.AddDays(2), "x1", "x2"), ct)).Incident;
        var pending = Post(open, "start", Day.AddDays(2));
        await store.Outbox.EnqueueAsync([pending], ct);
        ids.Add(open.Id);

        // teams:tenant-a INC-1, open, and the conversation record the Teams adapter keeps (no post owns it).
        var teams = (await store.Incidents.OpenIncidentAsync(TeamsA, n => Opening(TeamsA, n, Day.AddHours(5), "t1"), ct)).Incident;
        await store.State.SetStateAsync("teams:conversation:" + TeamsA.Key, """{"serviceUrl":"https://smba.example/"}""", ct);
        ids.Add(teams.Id);

        // slack:T1 INC-4, resolved long ago and purged: the counter stays at 4, past the highest number left (3).
        var gone = (await store.Incidents.OpenIncidentAsync(SlackC2, n => Opening(SlackC2, n, Day.AddDays(-300), "old"), ct)).Incident;
        await store.Incidents.SaveIncidentAsync(gone with { Status = IncidentStatus.Resolved, Resolved = new Milestone(Day.AddDays(-300).AddHours(1), Alice) }, [], [], ct);

        await store.Retention.PurgeAsync([gone.Id], Day, ct);
        return new Seeded(ids, delivered, pending);
    }

    /// <summary>Marks the file as written by an earlier version, as a file from before an upgrade is.</summary>
    public static void SetLiteDbSchemaVersion(string path, int version)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        database.GetCollection("counters").Upsert(new BsonDocument { ["_id"] = "$schema", ["version"] = version });
    }

    private static OutboxItem Post(Incident incident, string requestId, DateTimeOffset at) => new()
    {
        Id = OutboxItem.MakeId(incident.Channel, requestId, 0),
        Post = new AnnouncementPost(incident.Channel, ChatText.Of($"{incident.DisplayId} {requestId}")),
        IncidentId = incident.Id,
        EnqueuedAt = at,
        NextAttemptAt = at,
    };
}
