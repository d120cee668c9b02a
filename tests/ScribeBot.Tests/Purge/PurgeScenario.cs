using static ScribeBot.Tests.Migrate.StoreSeed;
using static ScribeBot.Tests.Purge.PurgeStoreFile;

namespace ScribeBot.Tests.Purge;

/// <summary>
/// The history both purge suites run on, LiteDB's (<see cref="PurgeVerbTests"/>) and PostgreSQL's
/// (<c>PostgresPurgeVerbTests</c>): the same seed, the same plan and the same deletions on either store.
/// </summary>
internal static class PurgeScenario
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>What <c>purge --before 2026-01-01</c> without <c>--yes</c> says of the seed, after its line naming the store.</summary>
    public const string DryRunPlan = """
        Would delete 3 resolved incidents declared before 2026-01-01 (UTC), with 6 timeline entries and 1 outbox item:
          slack:T1: 2 incidents, 4 timeline entries, 1 outbox item
          teams:tenant-a: 1 incident, 2 timeline entries, 0 outbox items
        Kept: 1 open incident declared before 2026-01-01 (slack:T1: 1); open incidents are never purged.
        Nothing was deleted. To delete the above, run the same command with --yes added.

        """;

    public sealed record Seeded(Incident First, Incident Second, Incident Open, Incident Later, Incident Teams, OutboxItem Post);

    /// <summary>
    /// slack:T1: INC-1 (C1, March 2025, resolved, 3 entries and a delivered post), INC-2 (C2, June 2025, resolved,
    /// 1 entry), INC-3 (C3, July 2025, open, 1 entry), INC-4 (C1, February 2026, resolved); teams:tenant-a: INC-1
    /// (May 2025, resolved, 2 entries).
    /// </summary>
    public static async Task<Seeded> SeedAsync(Ports store)
    {
        var first = await DeclareAsync(store, SlackC1, new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), open: false, "m1", "m2", "m3");
        var post = await PostAsync(store, first, "resolve");
        var second = await DeclareAsync(store, SlackC2, new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero), open: false, "m1");
        var open = await DeclareAsync(store, SlackC3, new(2025, 7, 1, 10, 0, 0, TimeSpan.Zero), open: true, "m1");
        var later = await DeclareAsync(store, SlackC1, new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), open: false);
        var teams = await DeclareAsync(store, TeamsA, new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero), open: false, "m1", "m2");
        return new Seeded(first, second, open, later, teams, post);
    }

    /// <summary>
    /// After <c>purge --before 2026-01-01 --yes</c>: the three resolved incidents before the day are gone with their
    /// entries, post and delivery record; the open one and the later one are kept; and the numbers stay used, so the
    /// workspaces' next incidents are INC-5 and INC-2, not INC-1 again.
    /// </summary>
    public static async Task AssertPurgedAsync(Ports store, Seeded seeded)
    {
        var ct = CancellationToken.None;
        foreach (var purged in new[] { seeded.First, seeded.Second, seeded.Teams })
        {
            Assert.Null(await store.Incidents.GetIncidentAsync(purged.Id, ct));
            Assert.Empty(await store.Incidents.GetTimelineAsync(purged.Id, ct));
        }

        Assert.Null(await store.Outbox.GetAsync(seeded.Post.Id, ct));
        Assert.Null(await store.State.GetStateAsync("slack:delivery:" + seeded.Post.Id, ct));
        Assert.Equal(seeded.Open.Id, (await store.Incidents.FindOpenIncidentAsync(SlackC3, ct))?.Id);
        Assert.Equal(seeded.Later.Id, (await store.Incidents.FindLatestIncidentAsync(SlackC1, ct))?.Id);
        Assert.Null(await store.Incidents.FindLatestIncidentAsync(SlackC2, ct));
        Assert.Equal([seeded.Later.Id, seeded.Open.Id], (await store.Incidents.QueryIncidentsAsync(new IncidentQuery(), ct)).Items.Select(i => i.Id));
        Assert.Equal(5, (await DeclareAsync(store, SlackC2, Now, open: true)).Number);
        Assert.Equal(2, (await DeclareAsync(store, TeamsA, Now, open: true)).Number);
    }
}
