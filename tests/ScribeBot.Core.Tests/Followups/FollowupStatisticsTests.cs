using ScribeBot.Core.Followups;

namespace ScribeBot.Core.Tests.Followups;

// The follow-up figures of /stats: per period by the link's creation, closed as read now, unknown when not read.
public sealed class FollowupStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef Read = new(ChatPlatform.Slack, "T1", "C1");
    private static readonly ChannelRef Untracked = new(ChatPlatform.Slack, "T1", "C2");

    [Fact]
    public async Task Each_period_counts_the_issues_created_in_it_and_names_the_closed_ones_among_those_known()
    {
        var store = new InMemoryIncidentStore();
        await SaveAsync(store, Read, Link("octo/app#1", T0.AddDays(1)), Link("octo/app#2", T0.AddDays(1)), Link("octo/app#3", T0.AddDays(2)));
        await SaveAsync(store, Untracked, Link("octo/app#4", T0.AddDays(2)));
        var tracker = new StubFollowupTracker { ["octo/app#1"] = FollowupState.Closed, ["octo/app#2"] = FollowupState.Open, ["octo/app#3"] = null };
        var states = new FollowupStates(new StubTrackers(tracker), new FakeTimeProvider(T0.AddDays(3)));

        var stats = await FollowupStatistics.ReadAsync(store, states, "slack:T1", T0, T0.AddDays(3), CancellationToken.None);
        var days = stats.Over([T0, T0.AddDays(1), T0.AddDays(2), T0.AddDays(3)]);

        Assert.Equal(new FollowupTally(4, 1, 2), stats.Total);
        Assert.Equal([FollowupTally.None, new FollowupTally(2, 1, 2), new FollowupTally(2, 0, 0)], days);
        Assert.Equal(["0", "1", "unknown"], days.Select(d => d.ClosedText));
        Assert.Equal("4 created, 1 closed now of 2 known (the tracker did not answer for 2)", stats.Total.Describe());
        Assert.Equal("2 created, 1 closed now", days[1].Describe());
    }

    [Fact]
    public async Task A_tracker_that_never_answers_costs_the_budget_once_and_leaves_the_states_unknown()
    {
        var store = new InMemoryIncidentStore();
        await SaveAsync(store, Read, Link("octo/app#1", T0.AddDays(1)), Link("octo/app#2", T0.AddDays(1)));
        var clock = new FakeTimeProvider(T0.AddDays(3));
        var tracker = new StubFollowupTracker { Hang = true };
        var states = new FollowupStates(new StubTrackers(tracker), clock);

        var reading = FollowupStatistics.ReadAsync(store, states, null, T0, T0.AddDays(3), CancellationToken.None);
        await tracker.Asked.Task;
        clock.Advance(FollowupStates.StatsBudget);
        var stats = await reading;

        Assert.Equal(new FollowupTally(2, 0, 0), stats.Total);
        Assert.Equal("2 created, closed now unknown (the tracker did not answer)", stats.Total.Describe());
    }

    private static FollowupLink Link(string key, DateTimeOffset created) =>
        new("github", key, "https://github.com/" + key.Replace('#', '/'), FollowupState.Open, created);

    private static async Task SaveAsync(InMemoryIncidentStore store, ChannelRef channel, params FollowupLink[] links)
    {
        var opened = await store.OpenIncidentAsync(
            channel,
            n => new IncidentWithEntries(Incident.Declare(channel, n, "Checkout returns 502", Severity.Sev2, "UTC", new Milestone(T0, new Person("U1", "Alice"))), []),
            CancellationToken.None);
        var tasks = links.Select((link, i) => new IncidentTask($"Task {i + 1}", null) { Number = i + 1, Followup = link }).ToArray();
        await store.SaveIncidentAsync(opened.Incident with { Tasks = tasks, TaskSequence = tasks.Length }, [], [], CancellationToken.None);
    }

    private sealed class StubTrackers(IFollowupTracker tracker) : IFollowupTrackers
    {
        public bool OnResolve => false;

        public IFollowupTracker? For(ChannelRef channel) => channel == Read ? tracker : null;
    }
}
