using ScribeBot.Core.Followups;

namespace ScribeBot.Core.Tests.Followups;

// The pages, status, the drafts and /stats read an issue's state through one path: one cache, one read shared by the
// callers asking at the same moment, and a failed read remembered, so a tracker is asked once per issue per 5 minutes
// whoever asks.
public sealed class FollowupStatesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T1", "C1");
    private static readonly FollowupLink Link = new("github", "octo/app#1", "https://github.com/octo/app/issues/1", FollowupState.Open, T0);

    [Fact]
    public async Task A_state_a_page_read_is_the_one_the_stats_count_without_asking_the_tracker_again()
    {
        var tracker = new StubFollowupTracker { [Link.IssueKey] = FollowupState.Closed };
        var states = new FollowupStates(new OneTracker(tracker), new FakeTimeProvider(T0));

        var shown = await states.ShowAsync(IncidentWith(Link), CancellationToken.None);
        var counted = await states.ReadStatesAsync([new FollowupMeasure("slack:T1:1", Channel, Link)], CancellationToken.None);

        Assert.Equal(FollowupState.Closed, Assert.Single(shown.Tasks).Followup!.State);
        Assert.Equal([FollowupState.Closed], counted);
        Assert.Equal(1, tracker.Reads);
    }

    [Fact]
    public async Task A_read_that_failed_for_the_stats_is_not_repeated_by_a_page_within_the_cache_period()
    {
        var clock = new FakeTimeProvider(T0);
        var tracker = new StubFollowupTracker { [Link.IssueKey] = null };
        var states = new FollowupStates(new OneTracker(tracker), clock);

        var counted = await states.ReadStatesAsync([new FollowupMeasure("slack:T1:1", Channel, Link)], CancellationToken.None);
        clock.Advance(FollowupStates.CacheFor - TimeSpan.FromSeconds(1));
        var shown = Assert.Single((await states.ShowAsync(IncidentWith(Link), CancellationToken.None)).Tasks).Followup!;

        Assert.Equal([(FollowupState?)null], counted);
        Assert.True(shown.AsLastSeen);
        Assert.Equal(1, tracker.Reads);

        tracker[Link.IssueKey] = FollowupState.Closed;
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = Assert.Single((await states.ShowAsync(IncidentWith(Link), CancellationToken.None)).Tasks).Followup!;

        Assert.Equal((FollowupState.Closed, false), (later.State, later.AsLastSeen));
        Assert.Equal(2, tracker.Reads);
    }

    [Fact]
    public async Task A_page_and_the_stats_asking_at_the_same_moment_share_one_tracker_read()
    {
        var tracker = new StubFollowupTracker { [Link.IssueKey] = FollowupState.Closed, Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var states = new FollowupStates(new OneTracker(tracker), new FakeTimeProvider(T0));

        var showing = states.ShowAsync(IncidentWith(Link), CancellationToken.None);
        var counting = states.ReadStatesAsync([new FollowupMeasure("slack:T1:1", Channel, Link)], CancellationToken.None);
        tracker.Held.SetResult();

        Assert.Equal(FollowupState.Closed, Assert.Single((await showing).Tasks).Followup!.State);
        Assert.Equal([FollowupState.Closed], await counting);
        Assert.Equal(1, tracker.Reads);
    }

    [Fact]
    public async Task A_page_coming_after_another_stopped_waiting_joins_the_read_still_in_flight()
    {
        var tracker = new StubFollowupTracker { [Link.IssueKey] = FollowupState.Closed, Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var states = new FollowupStates(new OneTracker(tracker), new FakeTimeProvider(T0));
        using var closed = new CancellationTokenSource();

        var first = states.ShowAsync(IncidentWith(Link), closed.Token);
        await tracker.Asked.Task;
        await closed.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = states.ShowAsync(IncidentWith(Link), CancellationToken.None);
        tracker.Held.SetResult();

        Assert.Equal(FollowupState.Closed, Assert.Single((await second).Tasks).Followup!.State);
        Assert.Equal(1, tracker.Reads);
    }

    private static Incident IncidentWith(FollowupLink link) =>
        Incident.Declare(Channel, 1, "Checkout returns 502", Severity.Sev2, "UTC", new Milestone(T0, new Person("U1", "Alice"))) with
        {
            Tasks = [new IncidentTask("Alert on certificate expiry", null) { Number = 1, Followup = link }],
            TaskSequence = 1,
        };

    private sealed class OneTracker(IFollowupTracker tracker) : IFollowupTrackers
    {
        public bool OnResolve => false;

        public IFollowupTracker? For(ChannelRef channel) => tracker;
    }
}
