using ScribeBot.Core.Metrics;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Commands;

// Every way to misuse a command: the answer is specific, only for the caller, and nothing in the store changes.
public sealed partial class CommandHandlerTests
{
    [Theory]
    [InlineData("deploy now", "I don't know the command 'deploy'")]
    [InlineData("note", "'note' needs some text")]
    [InlineData("escalate", "Say who you escalated to")]
    [InlineData("users 140%", "'140%' is not a percentage between 0 and 100")]
    [InlineData("users lots", "'lots' is not a percentage")]
    [InlineData("tz Mars/Olympus", "'Mars/Olympus' is not an IANA time zone")]
    [InlineData("tz Central Standard Time", "'Central Standard Time' is not an IANA time zone")]
    [InlineData("began noon", "'noon' is not a time of day")]
    [InlineData("severity sev7", "'sev7' is not a severity")]
    public async Task Bad_input_is_refused_specifically_and_changes_nothing(string command, string expected)
    {
        await AssertRefusedWhileOpenAsync(command, expected);
    }

    [Theory]
    [InlineData("ack")]
    [InlineData("detected customer tweets")]
    [InlineData("began 13:30")]
    [InlineData("update still down")]
    [InlineData("impact nobody can pay")]
    [InlineData("users 5%")]
    [InlineData("escalate @bob")]
    [InlineData("misleading blamed DNS")]
    [InlineData("action restarted")]
    [InlineData("note hmm")]
    [InlineData("rootcause cert")]
    [InlineData("resolution renewed")]
    [InlineData("improve alerts")]
    [InlineData("todo fix @bob")]
    [InlineData("severity sev1")]
    [InlineData("commander @bob")]
    [InlineData("tz Europe/Berlin")]
    [InlineData("status")]
    [InlineData("catchup")]
    [InlineData("timeline")]
    [InlineData("resolve")]
    [InlineData("postmortem")]
    public async Task Commands_in_a_channel_without_an_incident_are_refused_and_store_nothing(string command)
    {
        await _bed.AssertRefusedAsync(command, "There is no incident in this channel. Start one with /incident start");
        Assert.Equal("[]", await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task An_incident_in_another_channel_does_not_count_for_this_one()
    {
        await _bed.DoAsync("start Checkout down", channel: new ChannelRef(ChatPlatform.Slack, "T1", "C2"));

        await _bed.AssertRefusedAsync("ack", "There is no incident in this channel");
    }

    [Fact]
    public async Task Start_while_an_incident_is_open_is_refused_and_numbering_does_not_skip()
    {
        await AssertRefusedWhileOpenAsync("start Payments down sev1", "INC-1 is already open in this channel: \"Checkout down\". Resolve it first");

        await _bed.DoAsync("resolve");
        var next = await _bed.DoAsync("start Payments down sev1");
        Assert.Equal(2, next.Incident!.Number);
        Assert.Equal("INC-2", (await _bed.IncidentAsync(2)).DisplayId);
    }

    [Fact]
    public async Task A_long_title_quoted_in_the_refusal_is_cut_at_80_and_never_inside_a_surrogate_pair()
    {
        // The alarm's first half is the 80th unit: the old cut kept it alone.
        await _bed.DoAsync($"start {new string('a', 79)}🚨 {new string('b', 40)}");

        var outcome = await _bed.SendAsync("start Payments down", Bob);

        var reply = outcome.Reply.ToPlainString();
        Assert.Contains($"\"{new string('a', 79)}…\"", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(reply, char.IsSurrogate);
    }

    [Fact]
    public Task Resolve_twice_is_refused_naming_the_incident_and_changes_nothing() =>
        AssertRefusedTheSecondTimeAsync(
            ("resolve", TimeSpan.FromMinutes(30)), ("resolve", TimeSpan.FromMinutes(5)),
            "INC-1 is already resolved (at 14:30 UTC by Bob). Use /incident reopen");

    [Fact]
    public Task Ack_twice_is_refused_naming_who_acknowledged_and_when() =>
        AssertRefusedTheSecondTimeAsync(
            ("ack", TimeSpan.FromMinutes(3)), ("acknowledge", TimeSpan.FromMinutes(1)),
            "INC-1 was already acknowledged by Bob at 14:03 UTC.");

    [Theory]
    [InlineData("ack")]
    [InlineData("update still down")]
    [InlineData("escalate @bob")]
    [InlineData("misleading blamed DNS")]
    [InlineData("action restarted")]
    [InlineData("note hmm")]
    [InlineData("resolve")]
    public async Task Live_events_after_resolve_are_refused_and_change_nothing(string command)
    {
        await StartAndResolveAsync();

        await _bed.AssertRefusedAsync(command, "INC-1 is already resolved");
    }

    [Fact]
    public async Task Reopen_without_any_incident_is_refused()
    {
        await _bed.AssertRefusedAsync("reopen", "There is no incident in this channel to reopen.");
    }

    [Fact]
    public async Task Reopen_while_the_incident_is_open_is_refused()
    {
        await AssertRefusedWhileOpenAsync("reopen", "INC-1 is still open; there is nothing to reopen.");
    }

    // ---- redelivery and concurrency ----

    [Theory]
    [InlineData("note the graphs lag")]
    [InlineData("ack")]
    [InlineData("escalate @bob")]
    [InlineData("severity sev1")]
    [InlineData("rootcause expired certificate")]
    [InlineData("began 13:50")]
    public async Task A_redelivered_command_is_applied_once(string command)
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync(command);
        var before = await _bed.SnapshotAsync();
        var requestId = _bed.LastRequestId;

        var again = await _bed.SendAsync(command, requestId: requestId);

        Assert.True(again.Accepted);
        Assert.Equal("Already recorded on INC-1.", again.Reply.ToPlainString());
        Assert.Empty(again.Posts);
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task A_redelivered_start_opens_one_incident_and_announces_it_once()
    {
        await _bed.DoAsync("start Checkout down", requestId: "start-1");

        var again = await _bed.SendAsync("start Checkout down", requestId: "start-1");

        Assert.True(again.Accepted);
        Assert.Empty(again.Posts);
        Assert.Contains("already handled", again.Reply.ToPlainString(), StringComparison.Ordinal);
        Assert.Single(await _bed.Store.ListIncidentsAsync(Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_start_redelivered_after_the_incident_was_resolved_opens_no_second_incident()
    {
        await _bed.DoAsync("start Checkout down", requestId: "start-1");
        await _bed.DoAsync("resolve");
        var before = await _bed.SnapshotAsync();

        var again = await _bed.SendAsync("start Checkout down", requestId: "start-1");

        Assert.True(again.Accepted);
        Assert.Empty(again.Posts);
        Assert.Equal(1, again.Incident!.Number);
        Assert.Equal(before, await _bed.SnapshotAsync());
        Assert.Equal(2, (await _bed.DoAsync("start Payments down")).Incident!.Number);
    }

    [Fact]
    public async Task Status_after_resolve_shows_the_latest_incident()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(50), "resolve");

        var outcome = await _bed.DoAsync("status");

        Assert.Contains("INC-1: Checkout down", outcome.Reply.ToPlainString(), StringComparison.Ordinal);
        Assert.Contains("MTTR: 50 minutes", outcome.Reply.ToPlainString(), StringComparison.Ordinal);
        Assert.Empty(outcome.Posts);
    }

    [Fact]
    public async Task A_redelivered_resolve_posts_no_second_postmortem()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync("resolve", requestId: "resolve-1");
        var before = await _bed.SnapshotAsync();

        var again = await _bed.SendAsync("resolve", requestId: "resolve-1");

        Assert.True(again.Accepted);
        Assert.Empty(again.Posts);
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task Twenty_parallel_starts_in_one_channel_open_exactly_one_incident()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => _bed.SendAsync($"start Outage {i}"))));

        Assert.Single(outcomes, o => o.Accepted);
        Assert.All(outcomes.Where(o => !o.Accepted), o => Assert.Contains("INC-1 is already open", o.Reply.ToPlainString(), StringComparison.Ordinal));
        var incident = Assert.Single(await _bed.Store.ListIncidentsAsync(Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal(1, incident.Number);
        Assert.Single(await _bed.TimelineAsync());
    }

    [Fact]
    public async Task Parallel_starts_in_ten_channels_number_the_incidents_1_to_10()
    {
        var channels = Enumerable.Range(1, 10).Select(i => new ChannelRef(ChatPlatform.Slack, "T1", $"C{i}")).ToArray();

        var outcomes = await Task.WhenAll(channels.Select(c => Task.Run(() => _bed.SendAsync("start Outage", channel: c))));

        Assert.All(outcomes, o => Assert.True(o.Accepted));
        Assert.Equal(Enumerable.Range(1, 10), outcomes.Select(o => o.Incident!.Number).Order());
        Assert.Equal(channels.ToHashSet(), outcomes.Select(o => o.Incident!.Channel).ToHashSet());
        var stored = await _bed.Store.ListIncidentsAsync(Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 10), stored.Select(i => i.Number).Order());
    }

    // ---- reopen ----

    [Fact]
    public async Task Reopen_restores_the_status_clears_resolved_and_a_later_resolve_sets_the_final_time()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(5), "ack");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(25), "resolve");
        _bed.Clock.Advance(TimeSpan.FromMinutes(10));

        var reopen = await _bed.DoAsync("reopen", Bob);

        var reopened = await _bed.IncidentAsync();
        Assert.Equal(IncidentStatus.Acknowledged, reopened.Status);
        Assert.Null(reopened.Resolved);
        Assert.Equal(1, reopened.ReopenCount);
        Assert.StartsWith("INC-1 reopened by Bob.", Announced(reopen), StringComparison.Ordinal);
        await _bed.AssertLastEntryAsync("Reopened by Bob", Timeline.TimelineTag.KeyEvent, Bob, Start.AddMinutes(40));

        await _bed.DoAsync("note it is back");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(20), "resolve");

        var final = await _bed.IncidentAsync();
        Assert.Equal(IncidentStatus.Resolved, final.Status);
        Assert.Equal(Start.AddMinutes(60), final.Resolved!.At);
        Assert.Equal(TimeSpan.FromMinutes(60), IncidentDurations.TimeToResolve(final));
        Assert.Contains("MTTR mean 1 hour, median 1 hour", (await _bed.DoAsync("stats")).Reply.ToPlainString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_of_an_incident_never_acknowledged_goes_back_to_triggered()
    {
        await StartAndResolveAsync();

        await _bed.DoAsync("reopen");

        Assert.Equal(IncidentStatus.Triggered, (await _bed.IncidentAsync()).Status);
        Assert.Single(await _bed.Store.ListIncidentsAsync(Channel.WorkspaceKey, DateTimeOffset.MinValue, CancellationToken.None));
    }

    /// <summary>Starts INC-1 ("Checkout down"); while it is open, <paramref name="command"/> is refused with <paramref name="expected"/>.</summary>
    private async Task AssertRefusedWhileOpenAsync(string command, string expected)
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.AssertRefusedAsync(command, expected);
    }

    /// <summary>
    /// Starts INC-1; Bob runs the first command that long after, and the second that much later again: the second is
    /// refused with <paramref name="expected"/>.
    /// </summary>
    private async Task AssertRefusedTheSecondTimeAsync(
        (string Command, TimeSpan After) first, (string Command, TimeSpan After) second, string expected)
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(first.After, first.Command, Bob);
        _bed.Clock.Advance(second.After);

        await _bed.AssertRefusedAsync(second.Command, expected);
    }
}
